"""Text the OCR could not read clearly (a handwritten board, a script font, blur) can hold what
no rule can flag: the command line, the window and the PDF say where it was, in one sentence
(review/verdict.hard_to_read), so "No identifiers found" is never all a reviewer is told."""

import io
from dataclasses import replace

from app.cli import print_findings
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
