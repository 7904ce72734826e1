"""A reviewer's whole walk with the keyboard only, from a drop to the PDF: a generated clip is
dropped on the real window (a real drop event with a file URL, delivered as Qt delivers it), the
real scan runs, the flags are walked and decided with the README's keys (N / P, F, D) and the
review PDF is exported with Ctrl+E; the PDF's text must say what was decided, flag by flag."""

import re
import subprocess
import warnings

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from app.core.findings.masking import shown_text
from app.core.review.decisions import Decision

pytestmark = pytest.mark.models
PDF_WORD = {Decision.MUST_FIX: "MUST FIX", Decision.FALSE_ALARM: "FALSE ALARM",
            Decision.OPEN: "OPEN"}


def _drop(window, path) -> None:
    """As a file manager drops: enter (the window must accept a copy), then the drop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(window.width() / 2, window.height() / 2)
    with warnings.catch_warnings():  # PySide6 marks this (Qt's only) constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, data,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    drop = QDropEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def _entries(pdf) -> tuple[dict[str, str], str]:
    """Each finding the PDF lists (its masked text → the decision it prints), and the text."""
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    found = re.findall(r"#\d+ · [^#]*?· (MUST FIX|FALSE ALARM|OPEN)\b.*?Found: “([^”]*)”", text)
    return {masked: decision for decision, masked in found}, text


def test_drop_walk_decide_and_export_the_pdf_with_the_keyboard_only(
        window, qtbot, tmp_path, monkeypatch, name_and_mrn_clip):
    key = lambda k, modifier=Qt.KeyboardModifier.NoModifier: qtbot.keyClick(window, k, modifier)  # noqa: E731
    with qtbot.waitSignal(window.scanFinished, timeout=240_000):
        _drop(window, name_and_mrn_clip.path)
    flags = window.session.flags()
    rows = window.findings_panel.visible_ids()  # what N / P walk through
    assert len(rows) >= 2, [f.text for f in flags]  # the name and the MRN at least
    walk = window.flags
    first = walk.current_id
    assert first is not None  # the first flag is selected when the scan ends

    # every flag: F on the even ones, D on the odd ones, stepping with N
    seen: list[str] = []
    for index in range(len(rows)):
        seen.append(walk.current_id)
        key(Qt.Key.Key_F if index % 2 == 0 else Qt.Key.Key_D)
        if index < len(rows) - 1:
            key(Qt.Key.Key_N)
    assert seen == rows  # N went down the list, one row at a time
    # P back to the first and change its mind: false alarm; then N and make the second must fix
    for _ in range(len(rows) - 1):
        key(Qt.Key.Key_P)
    assert walk.current_id == first
    key(Qt.Key.Key_D)
    key(Qt.Key.Key_N)
    key(Qt.Key.Key_F)
    expected = {fid: (Decision.MUST_FIX if i % 2 == 0 else Decision.FALSE_ALARM)
                for i, fid in enumerate(seen)}
    expected[seen[0]], expected[seen[1]] = Decision.FALSE_ALARM, Decision.MUST_FIX
    assert {fid: window.session.verdict(fid).decision for fid in rows} == expected

    out = tmp_path / "keyboard review.pdf"
    asked = []

    def save_as(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(out), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0].endswith(f"review {window.result.video.sha256[:12]}.pdf")
    assert out.is_file(), window.scan.stage.text()

    entries, text = _entries(out)
    must = sum(1 for d in expected.values() if d is Decision.MUST_FIX)
    alarms = len(expected) - must
    assert (f"Not cleared: {must} must fix · {alarms} false alarm{'s' if alarms != 1 else ''}"
            f" · 0 open") in text
    by_text = {shown_text(f, True): PDF_WORD[expected[f.id]] for f in flags}
    assert entries == by_text  # each flag listed with what was decided on it
    assert "Margaret" not in text and "00482913" not in text  # masked
