"""A text lost from view and read again soon after is one finding (issue 26, item 3); another
text, or the same one back long after, is another. Real PP-OCR and the whole scan.

Clips made by bench.clips.make_clip: 360×640, 10 fps, no sound, Pillow text on a gradient."""

import pytest

from app.core.pipeline import analyze, run
from bench.clips import Caption, make_clip

pytestmark = pytest.mark.models


def _screen(result):
    return sorted((f.text, f.start_s) for f in result.findings
                  if f.source.value == "screen" and f.severity == "identifier")


@pytest.fixture(scope="module")
def read_again(media_dir):
    """7 s: "MRN 55102937" from 0.5 to 2.0 s, gone, back lower down from 4.5 to 6.5 s; and
    "MRN 77340112" from 4.5 to 6.5 s beside it."""
    return make_clip(
        media_dir / "read_again.mp4", width=360, height=640, duration_s=7.0, fps=10,
        captions=[Caption("MRN 55102937", 0.5, 2.0, 40, 150, size=30, category="id"),
                  Caption("MRN 55102937", 4.5, 6.5, 40, 420, size=30, category="id"),
                  Caption("MRN 77340112", 4.5, 6.5, 40, 520, size=30, category="id")],
        with_audio=False)


def test_a_number_lost_and_read_again_is_one_finding_and_another_number_is_another(
        read_again, engines):
    found = _screen(run(analyze(read_again.path, engines=engines)))
    assert [text for text, _ in found] == ["MRN 55102937", "MRN 77340112"], found
