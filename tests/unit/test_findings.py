"""Merging hits into findings: one per occurrence, timed by the samples that show it."""

from app.core.findings.hits import ScreenHit, ScreenTracker, finding_id, speech_findings
from app.core.models import Box, Category, Source, TextSpan, Word


def hit(text, t, x=10, y=10, category=Category.NAME, confidence=0.8):
    span = TextSpan(0, len(text), category, confidence, "test rule", text)
    return ScreenHit(span, Box(t, x, y, 100, 20), 0.9)


def test_same_text_across_reads_is_one_finding_with_all_boxes():
    tracker = ScreenTracker()
    assert tracker.update(1.0, [hit("Margaret Olson", 1.0)]) == []
    assert tracker.update(2.0, [hit("Margaret 0lson", 2.0)]) == []  # OCR jitter
    assert tracker.update(3.0, []) == []
    closed = tracker.update(5.0, [])
    assert len(closed) == 1
    finding = closed[0]
    # from the first sample that shows it to the first that no longer does
    assert (finding.start_s, finding.end_s) == (1.0, 3.0)
    assert len(finding.boxes) == 2 and finding.source is Source.SCREEN


def test_text_missed_once_by_ocr_stays_one_finding():
    tracker = ScreenTracker()
    tracker.update(0.0, [hit("MRN 00482913", 0.0, category=Category.ID)])
    tracker.update(0.5, [])
    tracker.update(1.0, [hit("MRN 00482913", 1.0, category=Category.ID)])
    closed = tracker.finish(4.0)
    assert [(f.start_s, f.end_s) for f in closed] == [(0.0, 4.0)]


def test_text_that_comes_back_later_is_a_second_finding():
    tracker = ScreenTracker()
    tracker.update(0.0, [hit("Anika Patel", 0.0)])
    tracker.update(1.0, [])
    closed = tracker.update(5.0, [hit("Anika Patel", 5.0)])
    closed += tracker.finish(6.0)
    assert [(f.start_s, f.end_s) for f in closed] == [(0.0, 1.0), (5.0, 6.0)]


def test_different_texts_are_different_findings():
    tracker = ScreenTracker()
    tracker.update(0.0, [hit("Margaret Olson", 0.0), hit("Anika Patel", 0.0, y=200)])
    assert sorted(f.text for f in tracker.finish(2.0)) == ["Anika Patel", "Margaret Olson"]


def test_speech_finding_spans_its_words():
    words = (Word("Call", 0.0, 0.3, 0.9), Word("Mr", 0.4, 0.6, 0.9),
             Word("Fischer", 0.6, 1.1, 0.8), Word("now", 1.2, 1.4, 0.9))
    span = TextSpan(5, 15, Category.NAME, 0.8, "title and name", "Mr Fischer")
    [finding] = speech_findings(words, [span])
    assert (finding.start_s, finding.end_s) == (0.4, 1.1)
    assert "title and name" in finding.reason and "Mr Fischer" in finding.reason


def test_finding_ids_are_stable_and_distinct():
    a = finding_id(Source.SCREEN, Category.NAME, "Margaret Olson", 1.0)
    assert a == finding_id(Source.SCREEN, Category.NAME, "margaret olson", 1.02)
    assert a != finding_id(Source.SPEECH, Category.NAME, "Margaret Olson", 1.0)


def followed(text, t, line, x=10, w=100):
    span = TextSpan(0, len(text), Category.NAME, 0.8, "test rule", text)
    return ScreenHit(span, Box(t, x, 10, w, 20), 0.9, frozenset({line}))


def test_readings_of_one_followed_line_are_one_finding_with_the_best_reading():
    tracker = ScreenTracker()
    # a name panned into view: cut at the edge, then whole, then once misread; the camera moved
    # it 300 px meanwhile, which position alone would take for another text
    tracker.update(0.0, [followed("Oka", 0.0, 7, x=600, w=40)])
    tracker.update(0.5, [followed("Okafc", 0.5, 7, x=450, w=80)])
    for step in range(2, 6):
        tracker.update(step / 2, [followed("Okafor", step / 2, 7, x=300, w=100)])
    closed = tracker.update(5.0, []) + tracker.finish(6.0)
    assert [f.text for f in closed] == ["Okafor"]
    assert len(closed[0].boxes) == 6


def test_another_text_on_the_same_followed_line_is_another_finding():
    tracker = ScreenTracker()
    tracker.update(0.0, [followed("Margaret Olson", 0.0, 3)])
    tracker.update(0.5, [followed("Anika Patel", 0.5, 3)])
    closed = tracker.finish(2.0)
    assert sorted(f.text for f in closed) == ["Anika Patel", "Margaret Olson"]


def test_a_text_still_on_screen_is_shown_at_once_and_no_longer_once_it_has_gone():
    tracker = ScreenTracker()
    assert tracker.showing() == []
    tracker.update(1.0, [hit("Margaret Olson", 1.0), hit("Drink water", 1.0, y=200,
                                                        category=Category.NAME)])
    tracker.update(1.5, [hit("Margaret Olson", 1.5)])
    showing = tracker.showing()
    assert [(f.text, f.start_s, f.end_s) for f in showing] == [("Margaret Olson", 1.0, 1.5)]
    tracker.update(2.0, [])  # gone from the picture: not shown as on screen any more
    assert tracker.showing() == []
    closed = tracker.update(5.0, [])
    assert "Margaret Olson" in [f.text for f in closed]
    assert showing[0].id == next(f.id for f in closed if f.text == "Margaret Olson")


def test_two_identical_texts_at_once_are_two_findings_with_their_own_stable_ids():
    from app.core.findings.hits import with_unique_ids

    def scan_once():
        tracker = ScreenTracker()
        tracker.update(1.0, [hit("Bed 4", 1.0, y=10, category=Category.LOCATION),
                             hit("Bed 4", 1.0, y=300, category=Category.LOCATION)])
        return with_unique_ids(tracker.finish(3.0))

    first, again = scan_once(), scan_once()
    assert len(first) == 2 and len({f.id for f in first}) == 2
    assert [f.id for f in first] == [f.id for f in again]
    assert [f.boxes[0].y for f in first] == [10, 300]


def test_a_text_keeps_the_id_of_its_first_sight_while_it_grows_and_once_closed():
    # issue 30 item 3: the row listed (and maybe decided) at first sight is the row closed
    tracker = ScreenTracker()
    tracker.update(0.0, [followed("Oka", 0.0, 7, x=600, w=40)])  # cut at the frame's edge
    [first] = tracker.showing()
    ids = {first.id}
    for step in range(1, 8):
        tracker.update(step / 2, [followed("Okafor", step / 2, 7, x=300, w=100)])
        [now] = tracker.showing()
        ids.add(now.id)
    assert now.text == "Okafor" and now.end_s == 3.5 and len(now.boxes) == 8  # it grew
    closed = tracker.update(4.0, []) + tracker.update(5.5, [])
    assert [f.text for f in closed] == ["Okafor"]
    assert ids == {first.id} == {closed[0].id}


def test_two_texts_first_read_alike_at_once_never_share_an_id_even_while_on_screen():
    tracker = ScreenTracker()
    tracker.update(1.0, [hit("Bed 4", 1.0, y=10, category=Category.LOCATION),
                         hit("Bed 4", 1.0, y=300, category=Category.LOCATION)])
    assert len({f.id for f in tracker.showing()}) == 2
