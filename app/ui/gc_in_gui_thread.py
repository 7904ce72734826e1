"""Python's garbage collector run on the GUI thread only.

Cyclic garbage is collected in whichever thread happens to allocate when a threshold is passed,
or calls `gc.collect()`. When that is a worker thread (the speech decode, the picture stage),
Qt objects in those cycles are deleted off the GUI thread while the event loop may be using
them: the window crashed with a segmentation fault in the test suite (the GUI thread in Qt's
event loop, the speech thread in a full collection). So while the window runs, automatic
collection is off and a timer on the GUI thread collects, each generation when its count passes
its threshold (the pattern calibre uses for PyQt).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def stop(self) -> None:
        """Back to Python's own collection (in whatever thread allocates)."""
        self.timer.stop()
        gc.enable()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Switch automatic collection to the GUI thread for the life of `app`."""
    collector = getattr(app, "_gui_thread_collector", None)
    if collector is None:
        collector = GuiThreadCollector(app)
        app._gui_thread_collector = collector  # type: ignore[attr-defined]
    return collector
