"""Decide while it plays (issue 30, item 3): a board line is a row in the list, and can be marked
must fix, while its text is still on screen and the scan runs; the finding the scan ends with
carries that decision, into the saved review, the PDF and the reopened saved scan. A text that
is never on screen (or not yet where the scan has reached) has no row."""

import pytest
from PySide6.QtCore import Qt

from app.core.review.decisions import Decision, Review
from app.ui.findings_view import LIVE_END
from bench.clips import Caption, ClipTruth, make_clip
from tests.gui.test_window import SCAN_TIMEOUT_MS, drop, pdf_words, scan

pytestmark = pytest.mark.models

NAME_UNTIL_S = 17.0  # the board line's name is on screen 1.0-17.0 s
MRN_FROM_S = 14.0


@pytest.fixture(scope="module")
def long_board_line_clip(media_dir) -> ClipTruth:
    """20 s, 360×640 vertical, 10 fps, no sound: "Wash your hands" (harmless) all the time; the
    board line "Patient: Margaret Olson" from 1.0 to 17.0 s; "MRN 00482913" from 14.0 to 19.0 s.
    Made by bench.clips.make_clip with with_audio=False."""
    return make_clip(
        media_dir / "long_board_line.mp4", width=360, height=640, duration_s=20.0, fps=10,
        captions=[
            Caption("Wash your hands", 0.0, 20.0, 40, 60, size=30),
            Caption("Patient: Margaret Olson", 1.0, NAME_UNTIL_S, 20, 260, size=26,
                    category="name"),
            Caption("MRN 00482913", MRN_FROM_S, 19.0, 40, 420, size=30, category="id"),
        ],
        with_audio=False,
    )


def rows(window) -> list:
    return list(window.findings_panel.model.findings)


def olson_row(window):
    return next((f for f in rows(window) if "olson" in f.text.lower()), None)


def test_a_board_line_is_decided_while_on_screen_and_the_finding_keeps_it(
        window, qtbot, long_board_line_clip, tmp_path):
    clip = long_board_line_clip.path
    model = window.findings_panel.model
    with qtbot.waitSignal(window.scanFinished, timeout=SCAN_TIMEOUT_MS) as finished:
        drop(window, clip)
        qtbot.waitUntil(lambda: olson_row(window) is not None, timeout=SCAN_TIMEOUT_MS)
        live = olson_row(window)
        # a row while its text is on screen where the scan has reached, the scan still running
        assert window.is_scanning() and live.id in model.live
        assert live.end_s < NAME_UNTIL_S - 1.0
        row = rows(window).index(live)
        assert model.data(model.index(row, 0)).endswith(LIVE_END)
        # nothing not yet on screen where the scan has reached, nor harmless text, is a row
        assert all(f.start_s <= live.end_s + 0.5 for f in rows(window))
        assert not any("00482913" in f.text or "wash" in f.text.lower() for f in rows(window))
        window.setFocus()
        window.flags.select(live.id)
        qtbot.keyClick(window, Qt.Key.Key_F)
        assert window.is_scanning()
        sha = window.review.clip_sha256
        assert Review.load(sha).get(live.id).decision is Decision.MUST_FIX  # saved at once
        assert model.decision(live) is Decision.MUST_FIX
        # the row grows while the text stays on screen, under the same id
        qtbot.waitUntil(lambda: olson_row(window).end_s > live.end_s + 2.0,
                        timeout=SCAN_TIMEOUT_MS)
        assert olson_row(window).id == live.id
    result = finished.args[0]

    [name] = [f for f in result.findings if "olson" in f.text.lower()]
    assert name.id == live.id and abs(name.end_s - NAME_UNTIL_S) <= 1.0  # grown to its end
    assert not model.live  # nothing is growing once the scan has ended
    assert window.session.verdict(name.id).decision is Decision.MUST_FIX
    assert model.decision(olson_row(window)) is Decision.MUST_FIX
    # every row is a text drawn as an identifier, when it was on screen; the harmless line none
    assert any("00482913" in f.text for f in result.findings)
    for finding in window.flags.findings.values():
        assert "wash" not in finding.text.lower()
        assert finding.start_s >= 1.0 - 0.5 and finding.end_s <= 19.0 + 1.0
    summary = window.session.summary()
    assert (summary.must_fix, summary.elsewhere) == (1, ())
    words = pdf_words(_pdf(window, tmp_path / "review.pdf"))
    assert "1 must fix" in words and "MUST FIX" in words and "not in this scan" not in words

    again = scan(qtbot, window, clip)  # reopened: the saved scan, read back
    assert window.scan.reused and name.id in {f.id for f in again.findings}
    assert window.session.verdict(name.id).decision is Decision.MUST_FIX
    assert model.decision(olson_row(window)) is Decision.MUST_FIX


def _pdf(window, out):
    assert window.pdf_export.write(out)
    return out
