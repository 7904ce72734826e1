"""A line that comes into view from an edge is hidden from the frame its first column shows to
the last, and the text nobody flagged stays readable (issue 27).

For each edge, a short hand-held clip (bench.entering): the phone pans until a card with a name
or an MRN is in view, entering from that edge; a harmless caption stays on the screen. The clip
is scanned (the real scan), its findings marked must fix, the copy made (the real export), and
every frame of the copy read by a second OCR, EasyOCR (the scan reads with PP-OCR), at twice
the size, around where the card really is: no 3 characters of the hidden text in a row may be
read in any frame, while the caption is read in every frame.
"""


import pytest

from app.core.media.video import iter_frames
from app.core.models import ScanOptions, Source
from app.core.pipeline import analyze, run
from app.core.redact.export import redact_clip
from app.core.review.decisions import Decision, Review
from app.core.review.session import ReviewSession
from bench.entering import EDGES, KEPT, entering_clip
from tests.conftest import letters as _letters
from tests.conftest import read_around

pytestmark = pytest.mark.models

AROUND = 40  # px of the copy read around the card's letters


def _read(easy, frame, box) -> str:
    return read_around(easy, frame, box, AROUND)


@pytest.mark.parametrize("edge", EDGES)
def test_a_line_coming_in_from_an_edge_is_hidden_from_its_first_column(edge, engines, easy,
                                                                        tmp_path):
    truth, card = entering_clip(tmp_path / f"{edge}.mp4", edge)
    result = run(analyze(truth.path, ScanOptions(), engines=engines))
    secret = _letters(card.text.split(":")[-1])  # "margaretolson" or "mrn00482913"
    read = [f for f in result.findings if f.source is Source.SCREEN]
    assert read and all(_letters(f.text) in secret for f in read), read
    first_read = min(f.start_s for f in read)
    review = Review.load(result.video.sha256, tmp_path)
    for finding in result.findings:
        review.decide(finding.id, Decision.MUST_FIX, "")
    out = tmp_path / "copy.mp4"
    run(redact_clip(ReviewSession(result, review), out, engines=engines))

    grams = {secret[i:i + 3] for i in range(len(secret) - 2)} - {"mrn"}  # the label may show
    kept = _letters(KEPT)
    leaks, early, caption_read = [], 0, []
    for index, (t, frame) in enumerate(iter_frames(out)):
        x0, y0, x1, y1 = box = card.where(t)
        if x1 > 0 and y1 > 0 and x0 < frame.shape[1] and y0 < frame.shape[0]:  # in view
            early += t < first_read
            seen = _letters(_read(easy, frame, box))
            if any(g in seen for g in grams):
                leaks.append((round(t, 2), seen))
        if index % 3 == 0:
            caption_read.append(kept in _letters(_read(easy, frame, card.caption_box)))
    assert early >= 3  # the card was in view, in part, before the scan could read it
    assert leaks == []
    assert all(caption_read) and len(caption_read) >= 10  # what nobody flagged stays readable
