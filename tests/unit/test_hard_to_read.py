"""Text the OCR could not read clearly (a handwritten board, a script font, blur) can hold what
no rule can flag: the command line, the window and the PDF say where it was, in one sentence
(review/verdict.hard_to_read), so "No identifiers found" is never all a reviewer is told."""

import io
from dataclasses import replace

import pytest

from app.cli import print_findings
from app.core.geometry import PARTS, part_of_picture
from app.core.review.verdict import HARD_TO_READ_SHOWN, hard_to_read
from tests.unit.test_my_voice import scanned


def with_hard_text(times):
    result = scanned()
    return replace(result, findings=(),
                   coverage=replace(result.coverage, low_confidence_text_times=tuple(times)))


def test_the_times_of_text_hard_to_read_are_said_with_what_to_do():
    sentence = hard_to_read(with_hard_text([1.0, 2.5, 61.0]).coverage)
    assert "0:01.0, 0:02.5, 1:01.0" in sentence
    assert sentence.startswith("Look yourself at 0:01.0")  # first: a status bar cuts the rest
    assert "3 of the 60 frames" in sentence and "could not be read clearly" in sentence


def test_many_stretches_are_cut_short_and_counted():
    times = [2.0 * t for t in range(HARD_TO_READ_SHOWN + 5)]  # samples 2 s apart: apart
    sentence = hard_to_read(with_hard_text(times).coverage)
    assert "and 5 more" in sentence
    assert f"0:{2 * (HARD_TO_READ_SHOWN - 1):02d}.0" in sentence
    assert f"0:{2 * HARD_TO_READ_SHOWN:02d}.0" not in sentence


def test_samples_in_a_row_are_said_as_one_stretch():
    # a monitor's small print read doubtfully in every sample, then a board later on
    times = [0.5 * t for t in range(53)] + [40.0, 40.5]
    sentence = hard_to_read(with_hard_text(times).coverage)
    assert sentence.startswith("Look yourself at 0:00.0–0:26.0, 0:40.0–0:40.5 (55 of the")
    assert "more" not in sentence and "0:00.5" not in sentence


def test_nothing_is_said_when_all_text_was_read_clearly():
    assert hard_to_read(with_hard_text([]).coverage) == ""


def test_the_command_line_says_it_beside_no_identifiers_found():
    out = printed(with_hard_text([0.5, 1.0]))
    assert "No identifiers found." in out
    assert "Note: Look yourself at" in out and "0:00.5–0:01.0" in out
    assert "Look yourself" not in printed(with_hard_text([]))


def printed(result) -> str:
    stream = io.StringIO()
    print_findings(result, stream)
    return stream.getvalue()


@pytest.mark.parametrize(("rect", "part"), [
    pytest.param((0, 50, 300, 40), "top left", id="a-logo-at-the-top-left"),
    pytest.param((400, 300, 200, 40), "middle", id="middle"),
    pytest.param((700, 600, 250, 30), "bottom right", id="bottom-right"),
    pytest.param((0, 300, 996, 40), "middle", id="a-line-across-the-width-by-its-centre"),
    pytest.param((990, 630, 50, 50), "bottom right", id="past-the-edge"),
])
def test_the_part_of_the_picture_a_line_is_in(rect, part):
    assert part_of_picture(rect, 996, 640) == part


def with_hard_parts(parts):
    result = with_hard_text(sorted({t for t, _ in parts}))
    return replace(result.coverage, low_confidence_text_parts=tuple(parts))


def test_where_in_the_picture_the_text_was_is_said_with_each_stretch():
    # a logo's small print doubted in every sample of a sharp monitor clip, a button once
    logo = [(0.5 * i, "top left") for i in range(53)]
    sentence = hard_to_read(with_hard_parts([*logo, (15.0, "bottom right")]))
    assert sentence.startswith("Look yourself at 0:00.0–0:26.0 at the top left of the picture, "
                               "at 0:15.0 at the bottom right (53 of the"), sentence
    assert "across" not in sentence


def test_parts_with_the_same_stretch_are_said_together_and_many_are_across_the_picture():
    two = [(t, part) for t in (1.0, 1.5) for part in ("top", "middle")]
    assert "at 0:01.0–0:01.5 at the top and in the middle of the picture" in hard_to_read(
        with_hard_parts(two))
    page = [(t, part) for t in (0.0, 0.5, 1.0) for part in PARTS]
    sentence = hard_to_read(with_hard_parts(page))
    assert "at 0:00.0–0:01.0 across the picture (" in sentence and "top" not in sentence


def test_many_parts_and_stretches_are_cut_short_and_counted():
    # a part cut inside its stretches, and parts left out whole
    apart = [(3.0 * i, PARTS[i % 2]) for i in range(HARD_TO_READ_SHOWN + 4)]
    sentence = hard_to_read(with_hard_parts(apart))
    assert "at 0:03.0, 0:09.0 and 4 more at the top (" in sentence, sentence
    assert sentence.count("0:") == HARD_TO_READ_SHOWN, sentence
    each = [(3.0 * i, part) for i, part in enumerate(PARTS)]
    sentence = hard_to_read(with_hard_parts(each))
    assert f"at 0:21.0 at the bottom and {len(PARTS) - HARD_TO_READ_SHOWN} more elsewhere (" in \
        sentence, sentence


def test_the_json_says_where_with_each_time():
    result = with_hard_text([1.0])
    result = replace(result, coverage=replace(result.coverage,
                                              low_confidence_text_parts=((1.0, "top left"),)))
    assert result.to_json()["coverage"]["low_confidence_text_parts"] == [
        {"t_s": 1.0, "part": "top left"}]


@pytest.mark.parametrize(("read", "said"), [(1, "1 line read."), (2, "2 lines read."),
                                            (0, "0 lines read.")])
def test_the_lines_read_are_counted_in_plain_english(read, said):
    """The outside tester saw "1 lines read" on the command line."""
    result = scanned()
    result = replace(result, coverage=replace(result.coverage, lines_read=read))
    assert said in printed(result)
