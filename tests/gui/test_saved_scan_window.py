"""Reopening a clip in the window shows its saved scan's findings at once, with "Scan again"."""

import time

import pytest

import app.core.pipeline as pipeline
from tests.gui.test_window import scan

pytestmark = pytest.mark.models


def test_reopening_a_clip_shows_its_saved_scan_at_once_and_scan_again_scans(
        window, qtbot, name_and_mrn_clip, monkeypatch):
    clip = name_and_mrn_clip.path
    first = scan(qtbot, window, clip)
    session = window.scan
    assert first.findings and not session.reused
    assert not session.scan_again_button.isVisible()
    assert session.scan_again_action.isEnabled()  # File ▸ Scan again, once a scan has ended

    scans = []
    real = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze",
                        lambda path, *a, **k: (scans.append(path), real(path, *a, **k))[1])
    started = time.perf_counter()
    again = scan(qtbot, window, clip)
    assert time.perf_counter() - started < 5.0
    assert scans == [] and session.reused and again == first
    assert window.findings_panel.model.rowCount() == len(first.findings)
    assert session.scan_again_button.isVisible()
    assert session.saved_label.text().startswith("Saved scan of ")
    assert session.source is not None and session.source.sha256 == first.video.sha256

    with qtbot.waitSignal(window.scanFinished, timeout=240_000) as finished:
        session.scan_again_button.click()
    assert [str(p) for p in scans] == [str(clip)] and not session.reused
    assert not session.scan_again_button.isVisible() and not session.saved_label.isVisible()
    assert finished.args[0].findings == first.findings
    assert window.findings_panel.model.rowCount() == len(first.findings)
