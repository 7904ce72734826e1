"""A form on screen with labels and values in two columns, scanned whole (real PP-OCR, real
detectors): the OCR joins a wide gap between columns as text_join.COLUMN (four spaces) so the
name rules never join words across it, but what a reviewer reads (a finding's text, its reason,
the JSON) shows one space there: "MRN 1234567", not "MRN    1234567". The rules still see the
gap: the name beside a hospital in the other column is not run into it."""

import pytest

from app.core.pipeline import analyze, run
from bench.clips import Caption, make_clip

pytestmark = pytest.mark.models

CAPTIONS = (
    "Patient:           Forsberg Tintin",
    "MRN                1234567",
    "DOB                03/14/1951",
    "Forsberg Tintin              King's College Hospital",
)


@pytest.fixture(scope="module")
def form_clip(tmp_path_factory):
    """3 s, 720×1280, 10 fps, no sound: four lines, each a label (or a name) and, far to its
    right, its value (or a hospital), from 0.5 to 2.5 s. Made by bench.clips.make_clip."""
    path = tmp_path_factory.mktemp("columns") / "form.mp4"
    make_clip(path, width=720, height=1280, duration_s=3.0, fps=10, with_audio=False,
              captions=[Caption(text, 0.5, 2.5, 20, 200 + 140 * row, size=28)
                        for row, text in enumerate(CAPTIONS)])
    return path


def test_a_value_read_across_a_columns_gap_reads_with_one_space(form_clip, engines):
    result = run(analyze(str(form_clip), engines=engines))
    texts = {f.category.value: f.text for f in result.findings}
    assert texts.get("id") == "MRN 1234567", texts
    assert texts.get("date") == "DOB 03/14/1951", texts
    shown = [(f["text"], f["reason"]) for f in result.to_json()["findings"]]
    assert not [s for s in shown if "  " in s[0] or "  " in s[1]], shown
    # the other side: the name rules still see the gap
    names = [f.text for f in result.findings if f.category.value == "name"]
    assert "Forsberg Tintin" in names, names
    assert not [n for n in names if "King" in n or "College" in n], names
