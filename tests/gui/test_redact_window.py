"""File ▸ Export redacted video: what to hide, progress, Cancel, and the copy on disk."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton

from app.core.review.decisions import Decision
from app.ui.redact_export import RedactOptions
from tests.gui.test_window import SAMPLE, scan

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
    assert {i["finding_id"] for i in copy.items} == {f.id for f in screen}
    assert window.review.redactions[-1]["sha256"] == copy.sha256
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
