"""While the window runs, cyclic garbage is collected by a timer on the GUI thread, never by a
worker thread (a worker's full collection freed Qt objects under the event loop: a crash)."""

import gc
import threading


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_is_off_in_workers_and_done_on_the_gui_thread(qtbot, gc_on_gui_thread):
    assert not gc.isenabled()
    made = []

    def worker() -> None:  # allocating past every threshold in a worker collects nothing
        for _ in range(3 * gc.get_threshold()[0]):
            Cycle()
        made.append(gc.get_count()[0])

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert made and made[0] > gc.get_threshold()[0]
    qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=3000)

