"""A card that sits cut by the frame's bottom edge, then is tilted in past the clip's caption, is
flagged once it is in view (issue 26 item 2: an outside tester's MRN was never flagged).

Clips made by bench.past_caption.past_caption_clip: 540×960, 15 fps, 9 s, no sound; the card's
first line sits at the bottom edge with 35% of its height in view for 5 s, then the phone tilts
it in (5.0-6.5 s) past the caption "Wash hands often". The scan's sample at 5.33 s fell while
the caption's band hid the top of the line: PP-OCR read "IMRIN UU 40Z913" (0.91) for "MRN
00482913" and "DUd: 12/U3/1948" (0.91) for "DOB: 12/03/1948", and the line, sure enough and
never grown nor changed in look, was never read again: on main at 577f106 neither was flagged
in the whole clip. Now a line read while another line's box lay over or against it is read
again once they are apart. The other side: an ordinary line on the same card, cut by the same
edge and tilted in the same way, is not flagged, nor is the caption.
"""

from pathlib import Path

import pytest

from app.core.findings.hits import normalise
from app.core.models import Source
from app.core.pipeline import analyze, run
from bench.past_caption import past_caption_clip

pytestmark = pytest.mark.models

FONTS = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.parametrize(("lines", "font", "size", "category", "value"), [
    (["MRN 00482913", "Patient: Margaret Olson"], "DejaVuSerif.ttf", 34, "id", "00482913"),
    (["DOB: 12/03/1948", "Ward 7"], "DejaVuSansMono.ttf", 32, "date", "12031948"),
])
def test_a_line_tilted_in_past_a_caption_is_flagged_once_in_view(
        lines, font, size, category, value, engines, tmp_path):
    truth, card = past_caption_clip(tmp_path / "card.mp4", "bottom", lines, FONTS / font, size,
                                    category=category)
    result = run(analyze(truth.path, engines=engines))
    found = [f for f in result.findings if f.source is Source.SCREEN
             and f.category.value == category and value in normalise(f.text)]
    assert found, [(f.category.value, f.text) for f in result.findings]
    assert min(f.start_s for f in found) <= card.clear_s  # by the time the card is at rest


def test_an_ordinary_line_tilted_in_past_a_caption_is_not_flagged(engines, tmp_path):
    truth, _ = past_caption_clip(tmp_path / "kept.mp4", "bottom",
                                 ["Hand gel at the door", "Please keep it clean"],
                                 FONTS / "DejaVuSerif.ttf", 34, category=None)
    result = run(analyze(truth.path, engines=engines))
    flagged = [(f.category.value, f.text) for f in result.findings
               if f.source is Source.SCREEN and f.severity == "identifier"]
    assert flagged == []
