"""Issue 30, item 4, on the real window and a real scan of the sample clip: the timeline shows
every flag (overlapping ones in sub-rows), playback can stop at each flag, and the header shows
the verdict the PDF prints, live."""

import re
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.review.decisions import CHECKLIST
from app.core.settings import STOP_AT_FLAGS, Settings
from app.ui.style import LANES
from app.ui.timeline import LANE_HEIGHT, TOP
from tests.gui.test_window import pdf_words, scan

pytestmark = pytest.mark.models


def overlap(a, b) -> bool:
    return a.start_s < b.end_s and b.start_s < a.end_s


def test_overlapping_flags_get_sub_rows_and_each_can_be_clicked(window, qtbot):
    scan(qtbot, window)
    timeline = window.timeline
    shown = timeline.findings
    same_lane = [(a, b) for a, b in combinations(shown, 2) if a.source == b.source]
    overlapping = [(a, b) for a, b in same_lane if overlap(a, b)]
    apart = [(a, b) for a, b in same_lane if not overlap(a, b)]
    assert overlapping and apart  # the sample's board: MRN, bed and room at once; others not
    for a, b in overlapping:
        assert timeline.row_of[a.id] != timeline.row_of[b.id]
        assert not timeline.span_rect(a).intersects(timeline.span_rect(b))
    # a lane whose flags do not overlap keeps one row
    for index, (source, _) in enumerate(LANES):
        in_lane = [f for f in shown if f.source == source]
        if not any(overlap(a, b) for a, b in combinations(in_lane, 2)):
            assert timeline.lane_rows[index] == 1
            assert {timeline.row_of[f.id] for f in in_lane} <= {0}
    assert max(timeline.lane_rows) >= 2
    assert timeline.needed_height() > TOP + LANE_HEIGHT * len(LANES) + 6  # the lane grew
    qtbot.waitUntil(lambda: timeline.height() >= timeline.needed_height())  # laid out so
    for finding in shown:  # every flag can be clicked, each where it is drawn
        centre = timeline.span_rect(finding).center()
        with qtbot.waitSignal(timeline.findingClicked) as clicked:
            qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                             pos=QPoint(int(centre.x()), int(centre.y())))
        assert clicked.args == [finding.id] and window.flags.current_id == finding.id


def pdf_verdict(window, out) -> str:
    """The verdict as the exported PDF prints it: between its title and the masking line."""
    assert window.pdf_export.write(out)
    found = re.search(r"ClearToPost review record (.*?) This copy is", pdf_words(out))
    assert found
    return found.group(1)


def test_the_header_shows_the_verdict_the_pdf_prints_as_the_reviewer_decides(
        window, qtbot, tmp_path):
    scan(qtbot, window)
    header = window.verdict
    ids = window.findings_panel.visible_ids()
    assert header.isVisible() and len(ids) >= 2
    before = header.verdict_text()
    assert before.startswith(f"Not cleared: 0 must fix · 0 false alarms · {len(ids)} open")
    assert pdf_verdict(window, tmp_path / "before.pdf") == before
    window.setFocus()
    window.flags.select(ids[0])
    qtbot.keyClick(window, Qt.Key.Key_F)
    live = header.verdict_text()  # told by the session, before any export reads it again
    assert live.startswith(f"Not cleared: 1 must fix · 0 false alarms · {len(ids) - 1} open")
    assert pdf_verdict(window, tmp_path / "one.pdf") == live
    for finding_id in ids:
        window.flags.select(finding_id)
        qtbot.keyClick(window, Qt.Key.Key_D)
    for key, _, allowed in CHECKLIST:
        window.checklist.boxes[key].setCurrentText(allowed)
    after = header.verdict_text()
    assert after == f"Cleared: 0 must fix · {len(ids)} false alarms · 0 open"
    assert pdf_verdict(window, tmp_path / "after.pdf") == after


def play_until_paused(window, qtbot, timeout_ms=15_000) -> float:
    window.player.toggle_play()
    qtbot.waitUntil(window.player.is_playing, timeout=5_000)
    qtbot.waitUntil(lambda: not window.player.is_playing(), timeout=timeout_ms)
    return window.player.position_s


def test_stop_at_each_flag_pauses_where_each_flag_starts_once_a_pass(window, qtbot):
    scan(qtbot, window)
    player, action = window.player, window.stop_at_flags.action
    flags = sorted((window.flags.findings[i] for i in window.findings_panel.visible_ids()),
                   key=lambda f: f.start_s)
    # a flag with none starting in the second before it, and the next one starting after it
    index = next(i for i in range(1, len(flags) - 1)
                 if flags[i].start_s - flags[i - 1].start_s > 1.2
                 and flags[i + 1].start_s - flags[i].start_s > 0.3)
    target, following = flags[index], flags[index + 1]
    assert not action.isChecked()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S)  # the menu's shortcut
    assert action.isChecked() and Settings.load().get(STOP_AT_FLAGS) is True
    player.seek(target.start_s - 1.0)
    stopped = play_until_paused(window, qtbot)
    assert stopped == pytest.approx(target.start_s, abs=0.15)
    assert window.flags.current_id == target.id  # selected, to decide at once
    stopped = play_until_paused(window, qtbot)  # plays on: not this flag again, the next one
    assert stopped == pytest.approx(following.start_s, abs=0.15)
    player.seek(target.start_s - 1.0)  # back: a new pass stops at it again
    assert play_until_paused(window, qtbot) == pytest.approx(target.start_s, abs=0.15)
    action.trigger()  # off: plays straight through
    assert not action.isChecked() and Settings.load().get(STOP_AT_FLAGS) is False
    player.seek(target.start_s - 1.0)
    player.toggle_play()
    qtbot.waitUntil(lambda: player.position_s > following.start_s + 0.3, timeout=15_000)
    assert player.is_playing()
    player.pause()
