"""The timeline's sub-rows (app/ui/lane_rows.py): overlapping spans apart, the others together."""

from app.ui.lane_rows import Span, pack_rows, row_count


def test_spans_that_overlap_get_rows_of_their_own_and_the_others_share_one():
    # the sample clip's board: MRN, bed and room read at once; a later line after them
    spans = [Span("mrn", 1.0, 6.0), Span("bed", 1.2, 5.0), Span("room", 1.2, 6.5),
             Span("later", 7.0, 9.0), Span("touching", 9.0, 10.0)]
    rows = pack_rows(spans)
    assert len({rows["mrn"], rows["bed"], rows["room"]}) == 3
    assert rows["later"] == rows["touching"] == 0  # nothing overlaps them: the first row
    assert row_count(rows) == 3


def test_no_more_rows_than_spans_overlapping_at_once():
    # a staircase: each overlaps only the next, so two rows hold them all
    spans = [Span(str(i), i * 1.0, i * 1.0 + 1.5) for i in range(10)]
    rows = pack_rows(reversed(spans))  # the order given does not matter
    assert row_count(rows) == 2
    assert all(rows[str(i)] != rows[str(i + 1)] for i in range(9))


def test_a_short_span_drawn_wider_is_packed_as_drawn():
    spans = [Span("blip", 2.0, 2.0), Span("next", 2.05, 3.0)]
    assert row_count(pack_rows(spans)) == 1  # in time they do not overlap
    assert row_count(pack_rows(spans, min_length_s=0.1)) == 2  # as drawn, they would


def test_an_empty_lane_is_one_row():
    assert pack_rows([]) == {} and row_count({}) == 1
