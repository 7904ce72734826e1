"""What a reviewer reads of text on screen: a column's gap (text_join.COLUMN, which the text rules
need to keep names from running across two columns) reads as one space in a finding's text and
reason and in a read of a redacted copy, never as a run of four spaces."""

import pytest

from app.core.findings.hits import ScreenHit, ScreenTracker, finding_id
from app.core.models import Box, Category, Source, TextSpan
from app.core.redact.read_back import Hidden, _leaks
from app.core.text_join import COLUMN, readable


@pytest.mark.parametrize(("raw", "shown"), [
    pytest.param(f"MRN{COLUMN}1234567", "MRN 1234567", id="label-and-value-in-two-columns"),
    pytest.param(f"HR 72{COLUMN}SpO2 98{COLUMN}RR", "HR 72 SpO2 98 RR", id="three-columns"),
    pytest.param(f"Patient:{COLUMN}{COLUMN}Forsberg Tintin", "Patient: Forsberg Tintin",
                 id="a-wider-gap"),
    pytest.param(" DOB  03/14/1951 ", "DOB 03/14/1951", id="spaces-at-the-ends-and-two"),
    pytest.param("Margaret Olson", "Margaret Olson", id="single-spaces-kept"),
    pytest.param("MRN\t1234567", "MRN\t1234567", id="only-spaces-are-joined"),
    pytest.param("", "", id="empty"),
])
def test_a_columns_gap_reads_as_one_space(raw, shown):
    assert readable(raw) == shown


def screen_hit(text: str, t: float) -> ScreenHit:
    span = TextSpan(0, len(text), Category.ID, 0.9, "pattern 'labelled record number'", text)
    return ScreenHit(span, Box(t, 10, 10, 300, 20), 0.95)


def test_a_finding_read_across_a_column_shows_its_text_and_reason_with_one_space():
    raw = f"MRN{COLUMN}1234567"
    tracker = ScreenTracker()
    tracker.update(1.0, [screen_hit(raw, 1.0)])
    live = tracker.showing()
    [finding] = tracker.finish(2.0)
    for shown in (live[0], finding):
        assert shown.text == "MRN 1234567"
        assert '"MRN 1234567"' in shown.reason and "  " not in shown.reason
        assert "  " not in shown.masked_reason and "M** #######" in shown.masked_reason
    # the id is the one the raw reading gave (decisions saved before keep their row)
    assert finding.id == finding_id(Source.SCREEN, Category.ID, raw, 1.0)


def test_the_other_side_a_finding_without_a_gap_is_shown_as_read():
    tracker = ScreenTracker()
    tracker.update(1.0, [screen_hit("MRN 00482913", 1.0)])
    [finding] = tracker.finish(2.0)
    assert finding.text == "MRN 00482913"
    assert 'matched "MRN 00482913"' in finding.reason


def test_a_read_of_a_redacted_copy_across_a_column_is_listed_with_one_space():
    hidden = Hidden("f1", "MRN 1234567", {1.0: (10, 10, 200, 20)})
    [leak] = _leaks(1.0, (0, 0, 400, 100), [(f"MRN{COLUMN}1234567", (10, 10, 300, 20))],
                    [hidden], 3)
    assert leak.read == "MRN 1234567"
