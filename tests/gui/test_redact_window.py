"""File ▸ Export redacted video: what to hide, progress, Cancel, and the copy on disk."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton

from app.core.media.video import iter_frames
from app.core.models import Category
from app.core.review.decisions import Decision, Review
from app.ui.redact_export import RedactOptions
from tests.gui.test_window import SAMPLE, pdf_words, scan

pytestmark = pytest.mark.models

EXPORT_TIMEOUT_MS = 240_000


def test_the_options_say_what_would_be_hidden_and_refuse_nothing(window, qtbot):
    result = scan(qtbot, window)
    dialog = RedactOptions(window, window.result, window.review)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "Nothing is marked" in dialog.summary.text()
    dialog.include_open.setChecked(True)
    assert ok.isEnabled() and "text" in dialog.summary.text()
    assert "spoken" in dialog.summary.text()
    window.review.decide(result.findings[0].id, Decision.MUST_FIX)
    dialog.include_open.setChecked(False)
    assert ok.isEnabled() and dialog.summary.text().startswith("To hide: 1 ")


def test_export_writes_the_copy_with_progress_and_records_it(window, qtbot, tmp_path,
                                                             monkeypatch):
    result = scan(qtbot, window)
    assert window.redact_action.isEnabled()
    assert window.redact_action.shortcut().toString() == "Ctrl+Shift+E"
    screen = [f for f in result.findings if f.source.value == "screen"]
    for finding in screen:
        window.review.decide(finding.id, Decision.MUST_FIX)
    out = tmp_path / "Olson safe.mp4"
    asked = []
    monkeypatch.setattr(RedactOptions, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (asked.append(a[2]) or str(out), ""))
    seen = []
    window.redact_export.progressed.connect(seen.append)
    with qtbot.waitSignal(window.redact_export.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        window.redact_action.trigger()
        qtbot.waitUntil(lambda: window.redact_export._dialog is not None)
    copy = done.args[0]
    assert out.is_file() and Path(copy.file) == out.resolve()
    assert Path(asked[0]).name == f"redacted {result.video.sha256[:12]}.mp4"
    assert seen and max(seen) >= 60  # progress went through the encode into the re-scan
    assert copy.proof.still_found == ()
    assert {i.finding_id for i in copy.items} == {f.id for f in screen}
    assert window.review.redactions[-1].sha256 == copy.sha256
    status = window.scan.stage.text()
    assert "Redacted copy saved" in status and "found again" in status
    assert "Olson" not in status  # the masked window masks the name the user gave it too
    assert SAMPLE.is_file()


def test_cancel_stops_the_export_and_leaves_no_file(window, qtbot, tmp_path):
    result = scan(qtbot, window)
    for finding in result.findings:
        window.review.decide(finding.id, Decision.MUST_FIX)
    out = tmp_path / "stopped.mp4"
    with qtbot.waitSignal(window.redact_export.stopped, timeout=EXPORT_TIMEOUT_MS) as stopped:
        assert window.redact_export.start(out)
        qtbot.waitUntil(lambda: window.redact_export._dialog is not None
                        and window.redact_export._dialog.value() > 0, timeout=60_000)
        # the dialog's own Cancel button, as the user clicks it
        qtbot.mouseClick(window.redact_export._dialog.findChild(QPushButton),
                         Qt.MouseButton.LeftButton)
    assert stopped.args[0] == "cancelled"
    qtbot.waitUntil(lambda: not window.redact_export.is_running(), timeout=60_000)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".mp4"] == []
    assert "cancelled" in window.scan.stage.text().lower()
    assert window.review.redactions == []


def _read(engines, frame) -> str:
    import cv2

    big = cv2.resize(frame, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return " ".join(p.text for p in engines.ocr.read(big)).lower().replace(" ", "")


def test_a_stale_window_exports_what_both_reviewers_marked(window, qtbot, tmp_path,
                                                           name_and_mrn_clip, loaded_engines):
    """Dr A's window marks the name must fix; Dr B (another window, the CLI) then marks the MRN.
    Dr A's export reads the review again as it starts: both are hidden (OCR of the copy reads
    neither), the window shows Dr B's decision, and the status line and the PDF say whose
    decisions were used."""
    result = scan(qtbot, window, name_and_mrn_clip.path)
    name = next(f for f in result.findings if f.category is Category.NAME)
    mrn = next(f for f in result.findings if f.category is Category.ID)
    window.review.reviewer = "Dr A"
    window.review.decide(name.id, Decision.MUST_FIX)
    other = Review.load(result.video.sha256)
    other.reviewer = "Dr B"
    other.decide(mrn.id, Decision.MUST_FIX)
    assert window.review.get(mrn.id).decision is Decision.OPEN  # the window's copy is stale
    out = tmp_path / "safe.mp4"
    with qtbot.waitSignal(window.redact_export.finished, timeout=EXPORT_TIMEOUT_MS) as done:
        assert window.redact_export.start(out)
    copy = done.args[0]
    assert {i.finding_id for i in copy.items} == {name.id, mrn.id}
    assert copy.proof.clean
    assert window.review.get(mrn.id).decision is Decision.MUST_FIX
    assert window.findings_panel.model.decision(mrn) is Decision.MUST_FIX  # the list shows it
    assert "decisions by Dr A, Dr B as of" in window.scan.stage.text()
    before = [f for _, f in iter_frames(name_and_mrn_clip.path)]
    after = [f for _, f in iter_frames(out)]
    shown = ""
    for index in (12, 20, 28):  # 1.2, 2.0, 2.8 s: both on screen
        shown += _read(loaded_engines, before[index])
        seen = _read(loaded_engines, after[index])
        assert "00482913" not in seen and "margaret" not in seen and "olson" not in seen, index
    assert "00482913" in shown and "margaret" in shown  # the original shows them: it can fail
    pdf = tmp_path / "review.pdf"
    assert window.pdf_export.write(pdf)
    words = pdf_words(pdf)
    assert "Not cleared: 2 must fix" in words and "by Dr A, Dr B as of" in words
    assert "decisions by Dr A, Dr B" in window.scan.stage.text()
