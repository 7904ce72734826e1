"""One item per identifier in the window (issue 30, item 2): a name on screen and the same name
said are two rows, each at its own time and on the timeline, each saying where else the name
is; deciding one (the panel's buttons, as a reviewer clicks them) decides the other, and undoing
it undoes both. Another name's row is not touched. Real scan of tests/conftest.py's
said_and_shown_clip in the real window."""

import pytest
from PySide6.QtCore import Qt

from app.core.models import Category, Source
from app.core.timecode import format_short
from app.ui.findings_view import COLUMNS, SUMMARY_COLUMN
from tests.gui.test_window import scan

pytestmark = pytest.mark.models
DECISION_COLUMN = COLUMNS.index("Decision")


def _one(result, word, source):
    [finding] = [f for f in result.findings if f.category is Category.NAME
                 and f.source is source and word in f.text.lower()]
    return finding


def _cell(window, finding_id, column):
    model = window.findings_panel.model
    [row] = [r for r, f in enumerate(model.findings) if f.id == finding_id]
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_deciding_one_row_decides_its_linked_rows(window, qtbot, said_and_shown_clip):
    result = scan(qtbot, window, said_and_shown_clip.path)
    shown, said = _one(result, "patel", Source.SCREEN), _one(result, "patel", Source.SPEECH)
    olson = _one(result, "olson", Source.SCREEN)
    # each is a row of its own, at its own time, and a bar on the timeline
    assert {shown.id, said.id, olson.id} <= {f.id for f in window.timeline.findings}
    assert _cell(window, shown.id, 0).startswith(format_short(shown.start_s))
    assert _cell(window, said.id, 0).startswith(format_short(said.start_s))
    # each says where and when else the name is; the other name's row says nothing of it
    assert f"also said at {format_short(said.start_s)}" in _cell(window, shown.id,
                                                                 SUMMARY_COLUMN)
    assert f"also on screen {format_short(shown.start_s)}" in _cell(window, said.id,
                                                                    SUMMARY_COLUMN)
    assert "also" not in _cell(window, olson.id, SUMMARY_COLUMN)

    panel = window.decision_panel
    window.flags.select(said.id)
    qtbot.mouseClick(panel.must_fix_button, Qt.MouseButton.LeftButton)
    assert _cell(window, said.id, DECISION_COLUMN) == "must fix"
    assert _cell(window, shown.id, DECISION_COLUMN) == "must fix"
    assert _cell(window, olson.id, DECISION_COLUMN) == "open"
    window.flags.select(shown.id)
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)  # undone on one: on both
    assert _cell(window, said.id, DECISION_COLUMN) == "open"
    window.flags.select(olson.id)
    qtbot.mouseClick(panel.false_alarm_button, Qt.MouseButton.LeftButton)
    assert [_cell(window, i, DECISION_COLUMN) for i in (shown.id, said.id, olson.id)] == [
        "open", "open", "false alarm"]
