"""A line that sits cut by an edge, a character or two in view, for seconds before it is panned
in and read is hidden from the first frame it shows (issue 27 item 1).

A short hand-held clip (bench.entering.sitting_clip): a card sits at one edge of the frame with
only its first or last characters in view, shaking, for 3.6 s; then the phone pans it in and
holds. The scan reads it only once it has come in, more than LOOK_S (3 s) after it first showed.
The clip is scanned (the real scan), its findings marked must fix, the copy made (the real
export), and every frame of the copy checked two ways: without OCR, the card's letters' ink
(the dark pixels of the source inside the letters' true box) must not show in the copy, less
than 15% of it in any frame where any of it is in view (a character or two is too little for an
OCR to read as three in a row, so only the ink says whether it shows); and EasyOCR (not the
scan's OCR) at 2× reads no 3 characters in a row of the hidden value. The caption nobody flagged
is read in every frame checked. Before this, the covers of such a line started 3 s before its
first read: the last two digits of a date of birth showed for 1 s and more.
"""

from pathlib import Path

import cv2
import numpy as np
import pytest

from app.core.media.video import iter_frames
from app.core.models import ScanOptions, Source
from app.core.pipeline import analyze, run
from app.core.redact.export import redact_clip
from app.core.review.decisions import Decision, Review
from app.core.review.session import ReviewSession
from bench.entering import KEPT, sitting_clip
from tests.conftest import letters as _letters
from tests.conftest import read_around

pytestmark = pytest.mark.models

FONTS = Path("/usr/share/fonts/truetype/dejavu")
AROUND = 40  # px of the copy read around the card's letters
INK_SHOWN = 0.15  # of the letters' ink in view, at most, in any frame of the copy


def ink_shown(source: np.ndarray, copy: np.ndarray, box) -> float | None:
    """The share of the source's ink (dark pixels inside the letters' box, clipped to the
    frame) that is still ink, unchanged, in the copy; None when no ink is in view."""
    height, width = source.shape[:2]
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(width, int(np.ceil(box[2]))), min(height, int(np.ceil(box[3])))
    if x1 <= x0 or y1 <= y0:
        return None
    before = cv2.cvtColor(source[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY).astype(int)
    after = cv2.cvtColor(copy[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY).astype(int)
    ink = before < 110
    if ink.sum() < 20:
        return None
    still = ink & (after < 130) & (np.abs(after - before) < 40)
    return float(still.sum() / ink.sum())


@pytest.mark.parametrize(("edge", "text", "font", "shown"), [
    ("left", "DOB: 12/03/1948", "DejaVuSerif.ttf", 22),  # "48" in view
    ("right", "Patient: Margaret Olson", "DejaVuSansCondensed.ttf", 22),  # "Pa"
])
def test_a_line_sitting_cut_by_an_edge_is_hidden_from_its_first_column(
        edge, text, font, shown, engines, easy, tmp_path):
    truth, card = sitting_clip(tmp_path / f"{edge}.mp4", edge, text, FONTS / font, shown=shown)
    result = run(analyze(truth.path, ScanOptions(), engines=engines))
    read = [f for f in result.findings if f.source is Source.SCREEN]
    assert read and all(_letters(f.text) in _letters(text) for f in read), read
    first_read = min(f.start_s for f in read)
    assert first_read > 3.0 + 0.5  # read long after it first showed (past LOOK_S)
    review = Review.load(result.video.sha256, tmp_path)
    for finding in result.findings:
        review.decide(finding.id, Decision.MUST_FIX, "")
    out = tmp_path / "copy.mp4"
    run(redact_clip(ReviewSession(result, review), out, engines=engines))

    secret = _letters(text.split(":")[-1])  # "12031948", "margaretolson"
    grams = {secret[i:i + 3] for i in range(len(secret) - 2)}
    kept = _letters(KEPT)
    shows, leaks, early, caption_read = [], [], 0, []
    copy = iter_frames(out)
    for index, ((t, source), (_, frame)) in enumerate(zip(iter_frames(truth.path), copy,
                                                          strict=True)):
        box = card.where(t)
        share = ink_shown(source, frame, box)
        if share is None:
            continue
        early += t < first_read - 3.0
        if share >= INK_SHOWN:
            shows.append((round(t, 2), round(share, 2)))
        if index % 2 == 0:
            seen = _letters(read_around(easy, frame, box, AROUND))
            if any(g in seen for g in grams):
                leaks.append((round(t, 2), seen))
        if index % 3 == 0:
            caption = read_around(easy, frame, card.caption_box, AROUND)
            caption_read.append(kept in _letters(caption))
    assert early >= 8  # frames with its ink in view more than 3 s before the first read
    assert shows == []
    assert leaks == []
    assert all(caption_read) and len(caption_read) >= 10  # what nobody flagged stays readable
