"""One finding per thing on screen (issue 26, item 3): the findings of one identifier, read again
after it was lost, cut by the frame's edge or read apart from its line, are one; two identifiers,
or one written twice at once in two places, stay two. Findings built by hand, no models."""

from app.core.findings.same_thing import one_per_thing, one_text
from app.core.models import Box, Category, Finding, Source


def found(text, start, end, category=Category.ID, x=100, y=300, source=Source.SCREEN, w=160):
    boxes = tuple(Box(t / 2, x, y, w, 30) for t in range(int(start * 2), int(end * 2) + 1))
    return Finding(f"{text}@{start}", start, end, source, category, text, 0.9,
                   f"pattern matched {text!r}", boxes if source is not Source.SPEECH else ())


def texts(findings):
    return sorted((f.text, f.start_s, f.end_s) for f in findings)


def test_a_text_read_again_soon_after_it_was_lost_is_one_finding():
    merged = one_per_thing([found("MRN 55102937", 39.5, 40.5),
                            found("MRN 55102937", 44.0, 55.5, x=20)])
    assert texts(merged) == [("MRN 55102937", 39.5, 55.5)]
    assert merged[0].id == "MRN 55102937@39.5"  # the row listed first keeps its id
    assert {b.t_s for b in merged[0].boxes} >= {39.5, 55.5}


def test_a_part_cut_at_the_edge_then_the_whole_is_one_finding():
    assert texts(one_per_thing([found("102937", 21.0, 21.5), found("MRN 55102937", 27.0, 28.0)])
                 ) == [("MRN 55102937", 21.0, 28.0)]
    assert texts(one_per_thing([found("OKAFO", 39.0, 39.5, Category.NAME),
                                found("OKAFOR, John", 40.0, 55.0, Category.NAME)])
                 ) == [("OKAFOR, John", 39.0, 55.0)]
    # a number leaving the frame, one digit misread: "32913" of "00482913"
    assert texts(one_per_thing([found("MRN: 00482913", 28.0, 39.0),
                                found("32913", 39.0, 39.5, x=0, w=60)])
                 ) == [("MRN: 00482913", 28.0, 39.5)]


def test_a_name_read_on_a_line_of_its_own_beside_its_line_is_one_finding():
    merged = one_per_thing([found("OLSON, Margaret", 28.0, 39.5, Category.NAME, w=90),
                            found("Margaret", 28.0, 28.5, Category.NAME, x=200, w=120)])
    assert texts(merged) == [("OLSON, Margaret", 28.0, 39.5)]
    first = [b for b in merged[0].boxes if b.t_s == 28.0]
    assert len(first) == 1 and first[0].x == 100 and first[0].x + first[0].w == 320


def test_two_identifiers_stay_two_findings():
    assert len(one_per_thing([found("Bed 1", 8.0, 21.0, Category.LOCATION),
                              found("Bed 12", 22.0, 25.0, Category.LOCATION)])) == 2
    assert len(one_per_thing([found("MRN 55102937", 1.0, 2.0),
                              found("MRN 55102938", 4.0, 5.0)])) == 2
    assert len(one_per_thing([found("Okafor", 1.0, 2.0, Category.NAME),
                              found("Okafor", 1.0, 2.0, Category.LOCATION)])) == 2
    assert not one_text("Ann", "Annabel") and not one_text("Les", "Lessons")


def test_one_name_written_twice_at_once_in_two_places_stays_two():
    board = [found("Okafor", 8.0, 21.0, Category.NAME, y=100),
             found("Okafor", 8.0, 21.0, Category.NAME, y=600)]
    assert len(one_per_thing(board)) == 2


def test_a_text_back_long_after_or_heard_is_another_finding():
    assert len(one_per_thing([found("MRN 55102937", 7.5, 8.5),
                              found("MRN 55102937", 27.0, 28.0)])) == 2
    spoken = [found("Okafor", 1.0, 2.0, Category.NAME, source=Source.SPEECH),
              found("Okafor", 3.0, 4.0, Category.NAME, source=Source.SPEECH)]
    assert len(one_per_thing(spoken)) == 2
