"""Decide while it plays (issue 30, item 3): a decision made on a row while the scan ran is the
reviewer's once it has ended, when the scan made that row one with an earlier reading of the same
text (review/carry_over.py). Hits built by hand through the real tracker and merge, no model."""

from dataclasses import replace

from app.core.findings.hits import ScreenHit, ScreenTracker
from app.core.findings.same_thing import made_one
from app.core.models import Box, Category, TextSpan
from app.core.review.decisions import Decision, Review
from app.core.review.session import ReviewSession
from app.core.review.verdict import verdict_of
from tests.unit.test_my_voice import SHA, scanned


def mrn(t: float, x: int = 100) -> ScreenHit:
    span = TextSpan(0, 12, Category.ID, 0.9, "test rule", "MRN 55102937")
    return ScreenHit(span, Box(t, x, 300, 160, 30), 0.9)


def scan_of_a_wristband():
    """A wristband's MRN read at 1-2 s, lost, read again at 4-6 s (a hand-held pan): two rows
    while the scan runs, one finding at its end. Returns the rows as they were listed while on
    screen, and the result."""
    tracker = ScreenTracker()
    rows, closed = {}, []
    for step in range(0, 14):
        t = step / 2
        on_screen = 1.0 <= t <= 2.0 or 4.0 <= t <= 6.0
        closed += tracker.update(t, [mrn(t, x=100 if t < 3 else 20)] if on_screen else [])
        for finding in tracker.showing():
            rows.setdefault(finding.id, finding)
    closed += tracker.finish(7.0)
    findings, became = made_one(closed)
    result = replace(scanned(), findings=tuple(findings), became=tuple(sorted(became.items())))
    return list(rows.values()), result


def test_the_later_row_made_one_with_the_earlier_says_which_it_became():
    rows, result = scan_of_a_wristband()
    assert len(rows) == 2 and [f.id for f in result.findings] == [rows[0].id]
    assert result.became == ((rows[1].id, rows[0].id),)


def test_a_decision_on_the_later_row_is_carried_to_the_finding_and_saved(tmp_path):
    rows, result = scan_of_a_wristband()
    first, later = rows
    review = Review.load(SHA, tmp_path)
    review.decide(first.id, Decision.FALSE_ALARM)  # decided while the scan ran ...
    review.decide(later.id, Decision.MUST_FIX)  # ... and changed on its second reading
    review.write_note(later.id, "blur the band")
    session = ReviewSession.open(result, tmp_path, reviewer="Dr A")
    assert session.verdict(first.id).decision is Decision.MUST_FIX  # the newer of the two
    assert session.verdict(first.id).note == "blur the band"
    again = Review.load(SHA, tmp_path)  # saved: a reopened saved scan has it
    assert again.get(first.id).decision is Decision.MUST_FIX
    summary = verdict_of(result, again)
    # one must fix, and the row it came from is not "a must fix not in this scan"
    assert (summary.must_fix, summary.elsewhere) == (1, ())


def test_nothing_is_carried_when_the_finding_was_decided_later_or_nothing_was_decided(tmp_path):
    rows, result = scan_of_a_wristband()
    first, later = rows
    review = Review.load(SHA, tmp_path)
    review.decide(later.id, Decision.MUST_FIX)
    review.decide(first.id, Decision.FALSE_ALARM)  # the reviewer's last word, on the finding
    session = ReviewSession.open(result, tmp_path)
    assert session.verdict(first.id).decision is Decision.FALSE_ALARM
    untouched = tmp_path / "other"
    session = ReviewSession.open(result, untouched)
    assert session.verdict(first.id).decision is Decision.OPEN
    assert not (untouched / f"{SHA}.json").exists()  # nothing to carry: nothing written


def test_a_scan_finishing_in_a_session_carries_the_decision_and_tells(tmp_path):
    rows, result = scan_of_a_wristband()
    session = ReviewSession()
    session.load_review(SHA, tmp_path, reviewer="Dr A")
    session.decide(rows[1].id, Decision.MUST_FIX)  # on the row while the scan runs
    told = []
    session.events.decisions.subscribe(told.append)
    session.set_scanned(result)
    assert session.verdict(rows[0].id).decision is Decision.MUST_FIX and told == [None]
    assert session.summary().must_fix == 1 and session.summary().elsewhere == ()


def linked_scan():
    """A name on screen at 1 s (listed while the scan runs) and said at 5 s, linked into one
    item only at the scan's end (findings/linked_items.py), with a phone number alone."""
    from app.core.findings.linked_items import with_links
    from app.core.models import Finding, Source

    def finding(text, source, at, category=Category.NAME):
        return Finding(id=f"{source.value}-{at}", start_s=at, end_s=at + 1.0, source=source,
                       category=category, text=text, confidence=0.9, reason="test rule")

    shown = finding("Priya Raman", Source.SCREEN, 1.0)
    said = finding("Raman", Source.SPEECH, 5.0)
    phone = finding("0161 496 0731", Source.SCREEN, 2.0, Category.PHONE)
    findings = tuple(with_links([shown, said, phone]))
    assert {f.id: f.linked for f in findings}[shown.id] == (said.id,)  # the real linking
    return shown, said, phone, replace(scanned(), findings=findings)


def test_a_must_fix_made_before_the_links_is_given_to_the_rest_of_its_item(tmp_path):
    shown, said, phone, result = linked_scan()
    session = ReviewSession()
    session.load_review(SHA, tmp_path, reviewer="Dr A")
    session.decide(shown.id, Decision.MUST_FIX)  # while the scan ran: no links yet
    assert session.verdict(said.id) is None or session.verdict(said.id).decision is Decision.OPEN
    session.set_scanned(result)
    given = session.verdict(said.id)
    assert given.decision is Decision.MUST_FIX and given.decided_by == "Dr A"
    assert Review.load(SHA, tmp_path).get(said.id).decision is Decision.MUST_FIX  # saved
    assert session.verdict(phone.id).decision is Decision.OPEN  # not of the item: untouched
    assert session.summary().open == 1


def test_a_false_alarm_is_not_spread_nor_a_row_decided_apart_changed(tmp_path):
    shown, said, _, result = linked_scan()
    review = Review.load(SHA, tmp_path)
    review.decide(shown.id, Decision.FALSE_ALARM)
    session = ReviewSession.open(result, tmp_path)
    assert session.verdict(said.id).decision is Decision.OPEN  # left for the reviewer to see
    other = tmp_path / "other"
    review = Review.load(SHA, other)
    review.decide(said.id, Decision.FALSE_ALARM)  # decided apart, before the links
    review.decide(shown.id, Decision.MUST_FIX)
    session = ReviewSession.open(result, other)
    assert session.verdict(said.id).decision is Decision.FALSE_ALARM  # the reviewer's word
    assert session.verdict(shown.id).decision is Decision.MUST_FIX
