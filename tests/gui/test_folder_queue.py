"""File ▸ Open folder: the folder's clips queued and checked one after the other, each row with
its verdict and counts, Ctrl+PgDown / Ctrl+PgUp through them, each opened as when opened alone;
bad folders said in a sentence with nothing lost."""

import shutil

import pytest
from PySide6.QtCore import Qt

from app.core.review.clip_queue import CHECKED, NOT_CHECKED, SCANNING, WAITING
from app.core.review.folder_scan import FAILED
from app.core.settings import REVIEWER, Settings

pytestmark = pytest.mark.models
TIMEOUT_MS = 240_000


@pytest.fixture
def week(tmp_path, silent_text_clip, clean_clip):
    folder = tmp_path / "week"
    (folder / "tuesday").mkdir(parents=True)
    shutil.copy(silent_text_clip.path, folder / "Olson_MRN.mp4")  # a caption "MRN 00482913"
    (folder / "broken.mp4").write_bytes(b"\x00 this is no video " * 200)
    shutil.copy(clean_clip.path, folder / "hands.mp4")  # nothing identifying
    shutil.copy(silent_text_clip.path, folder / "tuesday" / "again.mp4")  # the same bytes
    (folder / "notes.txt").write_text("not a clip\n")
    return folder


def _rows(window) -> list[str]:
    rows = window.folder_queue.panel.rows
    return [rows.item(i).text() for i in range(rows.count())]


def _all_checked(window, qtbot) -> None:
    queue = window.folder_queue
    qtbot.waitUntil(lambda: queue.queue.done() == len(queue.queue.clips)
                    and not window.is_scanning() and not queue.is_running(), timeout=TIMEOUT_MS)


def _key(qtbot, window, key) -> None:
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def test_a_folder_is_queued_checked_and_walked_with_the_keyboard(window, qtbot, week):
    Settings.load().set(REVIEWER, "Dr Batch")
    queue = window.folder_queue
    assert not queue.dock.isVisible() and not queue.next_action.isEnabled()
    assert queue.open_folder(week)
    assert queue.dock.isVisible() and queue.next_action.isEnabled()
    assert window.clip == week / "Olson_MRN.mp4"  # the first clip opens in the window
    clips = queue.queue.clips
    assert [c.clip.as_posix() for c in clips] == ["Olson_MRN.mp4", "broken.mp4", "hands.mp4",
                                                 "tuesday/again.mp4"]
    assert clips[0].state == SCANNING and clips[1].state == WAITING  # the window's comes first
    assert _rows(window)[4] == "n****.txt\n    skipped: not a video (a .txt ending)"
    _all_checked(window, qtbot)
    assert [c.state for c in clips] == [CHECKED, FAILED, CHECKED, CHECKED]
    rows = _rows(window)  # masked (the window's default): no file name is shown whole
    assert rows[0].startswith("▶ 1. O********.mp4\n")
    assert "Olson" not in "".join(rows) and "broken" not in "".join(rows)
    assert "Not cleared · 1 flag (1 open) · 3 questions unanswered" in rows[0]
    assert "could not be checked: b*****.mp4 is not a video this app can read" in rows[1]
    assert "Not cleared · nothing found" in rows[2]  # the checklist is not answered
    assert "Not cleared · 1 flag (1 open)" in rows[3] and "saved scan" in rows[3]  # same bytes
    assert queue.panel.progress.value() == 1000
    assert queue.panel.title.text() == (
        "Folder <b>w***</b>: All 4 checked: 3 not cleared, 1 could not be checked")
    assert queue.panel.title.text().endswith(
        "All 4 checked: 3 not cleared, 1 could not be checked")
    assert not queue.panel.cancel_button.isVisible()

    # a decision in the window is the row's verdict at once
    qtbot.keyClick(window, Qt.Key.Key_F)
    assert "1 flag (1 must fix)" in _rows(window)[0]

    # Ctrl+PgDown: the next clip, opened as when opened alone (its saved scan read back)
    _key(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=60_000)  # broken.mp4
    assert window.clip == week / "broken.mp4" and "is not a video" in window.banner.text()
    with qtbot.waitSignal(window.scanFinished, timeout=TIMEOUT_MS) as finished:
        _key(qtbot, window, Qt.Key.Key_PageDown)
    assert window.clip == week / "hands.mp4" and window.scan.reused  # the queue's scan
    assert finished.args[0].video.path.endswith("hands.mp4") and not window.session.flags()
    assert _rows(window)[2].startswith("▶ 3.")
    with qtbot.waitSignal(window.scanFinished, timeout=TIMEOUT_MS):
        _key(qtbot, window, Qt.Key.Key_PageDown)
    assert window.clip == week / "tuesday" / "again.mp4"
    # the same bytes as the first clip: one review, so the must fix decided there shows here
    assert "1 flag (1 must fix)" in _rows(window)[3]
    assert window.session.summary().must_fix == 1
    _key(qtbot, window, Qt.Key.Key_PageDown)  # past the last: said, nothing opened
    assert "last clip of the folder" in window.scan.stage.text()
    assert window.clip == week / "tuesday" / "again.mp4"
    with qtbot.waitSignal(window.scanFinished, timeout=TIMEOUT_MS):
        _key(qtbot, window, Qt.Key.Key_PageUp)
    assert window.clip == week / "hands.mp4"

    window.findings_panel.mask_box.setChecked(False)  # unmasked: the names in full
    assert _rows(window)[0].startswith("1. Olson_MRN.mp4\n")


def test_an_empty_folder_or_one_without_clips_is_said_and_nothing_is_lost(window, qtbot, week,
                                                                         tmp_path):
    queue = window.folder_queue
    empty, others = tmp_path / "empty", tmp_path / "others"
    empty.mkdir()
    others.mkdir()
    (others / "notes.txt").write_text("x")
    (others / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert not queue.open_folder(empty)
    assert window.banner.isVisible()
    assert window.banner.text().startswith(f"There is no video clip in {empty} (it is empty); "
                                           f"nothing was queued")
    assert queue.queue is None and not queue.dock.isVisible()
    assert queue.open_folder(week)
    before = _rows(window)
    assert not queue.open_folder(others)
    assert "(only 2 other files, e.g. notes.txt: not a video (a .txt ending))" in \
        window.banner.text()
    assert not queue.open_folder(tmp_path / "gone")
    assert "does not exist" in window.banner.text()
    assert queue.queue.queue.folder == week and _rows(window) == before  # the queue stays
    assert window.clip == week / "Olson_MRN.mp4"  # and the clip open
    _all_checked(window, qtbot)


def test_cancel_stops_the_queue_not_the_windows_clip(window, qtbot, week):
    queue = window.folder_queue
    assert queue.open_folder(week)
    assert queue.panel.cancel_button.isVisible()
    with qtbot.waitSignal(window.scanFinished, timeout=TIMEOUT_MS):
        queue.panel.cancel_button.click()
    states = [c.state for c in queue.queue.clips]
    assert states == [CHECKED, NOT_CHECKED, NOT_CHECKED, NOT_CHECKED]
    assert not queue.is_running() and not queue.panel.cancel_button.isVisible()
    assert "1 of 4 checked, 3 not checked (stopped)" in queue.panel.title.text()
    qtbot.wait(300)
    assert not queue.is_running()  # the window's scan ended: the queue stays stopped
    with qtbot.waitSignal(window.scanStopped, timeout=TIMEOUT_MS):  # still opened when asked
        _key(qtbot, window, Qt.Key.Key_PageDown)
    assert window.clip == week / "broken.mp4" and queue.queue.clips[1].state == FAILED


def test_a_folder_dropped_on_the_window_is_queued(window, qtbot, week):
    from tests.gui.test_window import drop

    drop(window, week)
    qtbot.waitUntil(lambda: window.folder_queue.queue is not None, timeout=10_000)
    assert window.clip == week / "Olson_MRN.mp4"
    _all_checked(window, qtbot)
