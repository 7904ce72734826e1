"""The review session (app/core/review/session.py): every change goes through it and is told to
its subscribers, plain callbacks, no Qt (made-up voices and a name on screen, no model)."""

import json

import pytest

from app.core.models import Category
from app.core.review.copies import (
    HiddenItem,
    InterruptedExport,
    RedactedCopy,
    Rescan,
    SeenAgain,
    record_from_json,
)
from app.core.review.decisions import Decision, Review
from app.core.review.events import Emitter
from app.core.review.session import ReviewSession, can_mark
from tests.unit.test_my_voice import NAME, SHA, scanned, voices_of


@pytest.fixture
def session(tmp_path) -> ReviewSession:
    return ReviewSession.open(scanned(), tmp_path, reviewer="Dr A")


def heard(session: ReviewSession) -> dict[str, list]:
    """Every event the session sends, as it sends it."""
    seen: dict[str, list] = {}
    events = session.events
    for emitter in (events.scanned, events.review, events.choices, events.reviewed,
                    events.decisions, events.copies):
        emitter.subscribe(lambda value, name=emitter.name: seen.setdefault(name, []).append(value))
    return seen


def a_copy(made_at: float = 1.0) -> RedactedCopy:
    return RedactedCopy("/tmp/copy.mp4", "f" * 64, made_at, "Dr A", "silence", False,
                        (HiddenItem(NAME.id, "screen", "name", "blur", 3.0, 4.0, 15),),
                        Rescan(new=(SeenAgain("screen", "name", 5.0, 6.0, "Ann"),)))


def test_a_decision_is_saved_and_told(session, tmp_path):
    seen = heard(session)
    session.decide(NAME.id, Decision.MUST_FIX)
    assert seen == {"decisions": [NAME.id]}
    assert Review.load(SHA, tmp_path).get(NAME.id).decision is Decision.MUST_FIX
    assert session.verdict(NAME.id).decided_by == "Dr A"
    session.write_note(NAME.id, "blurred in the edit")
    session.write_note(NAME.id, "blurred in the edit")  # unchanged: nothing to tell
    session.answer("consent", "yes")
    assert seen == {"decisions": [NAME.id, NAME.id, None]}
    assert session.summary().must_fix == 1


def test_unsubscribe_stops_the_calls(session):
    calls = []
    stop = session.events.decisions.subscribe(calls.append)
    session.decide(NAME.id, Decision.FALSE_ALARM)
    stop()
    session.decide(NAME.id, Decision.MUST_FIX)
    session.events.decisions.unsubscribe(calls.append)  # twice: no harm
    assert calls == [NAME.id] and len(session.events.decisions) == 0


def test_a_callback_may_unsubscribe_itself_while_it_is_called():
    emitter: Emitter[int] = Emitter("n")
    calls: list[str] = []

    def once(_value: int) -> None:
        calls.append("once")
        emitter.unsubscribe(once)

    emitter.subscribe(once)
    emitter.subscribe(lambda _value: calls.append("always"))
    emitter.emit(1)
    emitter.emit(2)
    assert calls == ["once", "always", "always"]


def test_a_voice_marked_mine_changes_the_findings_as_reviewed_and_keeps_decisions(session,
                                                                                 tmp_path):
    clinician = voices_of(session.reviewed)[0]
    session.decide(NAME.id, Decision.MUST_FIX)
    seen = heard(session)
    said = session.mark_mine(clinician)
    assert said and said.startswith("Marked as your voice")
    assert list(seen) == ["choices", "reviewed"] and seen["reviewed"] == [session.reviewed]
    assert session.review.voices == (1,) and session.reviewed.presenter_voices == (1,)
    assert session.scanned.presenter_voices == (0,)  # the scan itself is kept as scanned
    assert clinician.id not in {f.id for f in voices_of(session.reviewed)}
    assert session.verdict(NAME.id).decision is Decision.MUST_FIX  # the decision survives
    assert Review.load(SHA, tmp_path).voices == (1,)
    session.choose_voices(None)  # "let the scan decide"
    assert spans_of(session) == spans_of(ReviewSession(scanned(), Review(SHA)))


def spans_of(session: ReviewSession) -> list[tuple[float, float]]:
    return [(f.start_s, f.end_s) for f in voices_of(session.reviewed)]


def test_only_a_face_or_a_voice_can_be_marked_mine(session):
    seen = heard(session)
    assert not can_mark(NAME) and session.mark_mine(NAME) is None and seen == {}
    assert can_mark(voices_of(session.reviewed)[0]) and not can_mark(None)


def test_a_choice_before_the_scan_has_finished_changes_nothing(tmp_path):
    session = ReviewSession()
    session.load_review(SHA, tmp_path)
    seen = heard(session)
    assert session.choose_voices((1,)) is False and session.reviewed is None and seen == {}


def test_another_windows_decisions_and_choices_are_told_on_reread(session, tmp_path):
    other = Review.load(SHA, tmp_path)
    other.reviewer = "Dr B"
    other.decide(NAME.id, Decision.FALSE_ALARM)
    other.choose_voices((1,))
    other.add_redaction(a_copy())
    seen = heard(session)
    decided = session.reread()
    assert decided.names == ("Dr B",)
    assert seen["decisions"] == [None] and seen["choices"] == [session.review]
    assert seen["copies"] == [a_copy()] and session.copies == (a_copy(),)
    assert session.reviewed.presenter_voices == (1,)
    seen.clear()
    session.reread()  # nothing new: nothing said
    assert seen == {}


def test_a_copy_recorded_is_told_saved_and_read_back_typed(session, tmp_path):
    seen = heard(session)
    session.add_copy(a_copy(2.0))
    session.add_copy(InterruptedExport(3.0, "Dr A", "encode"))
    assert seen == {"copies": [a_copy(2.0), InterruptedExport(3.0, "Dr A", "encode")]}
    saved = json.loads((tmp_path / f"{SHA}.json").read_text())["redactions"]
    assert saved[0]["items"][0]["finding_id"] == NAME.id and saved[1]["kind"] == "interrupted"
    loaded = Review.load(SHA, tmp_path).redactions
    assert loaded == [a_copy(2.0), InterruptedExport(3.0, "Dr A", "encode")]
    assert [record_from_json(r) for r in saved] == loaded
    assert loaded[0].rescan.new[0].text == "Ann" and not loaded[0].rescan.clean


def test_a_record_that_is_not_an_object_is_refused():
    with pytest.raises(ValueError):
        record_from_json(["not", "a", "record"])


def test_a_new_clip_and_closing_it_are_told(tmp_path):
    session = ReviewSession()
    seen = heard(session)
    session.load_review(SHA, tmp_path, reviewer="Dr A")
    session.load_review(SHA, tmp_path)  # the same clip: kept, not loaded again
    session.set_scanned(scanned())
    assert [r.clip_sha256 for r in seen["review"]] == [SHA]
    assert seen["scanned"] == [session.scanned] and session.source_sha256 == SHA
    assert seen["reviewed"][-1] is session.reviewed and session.flags()
    assert session.review.reviewer == "Dr A" and session.saved_scan is None
    session.clear()
    assert session.reviewed is None and session.review is None and session.copies == ()
    assert seen["scanned"][-1] is None and seen["review"][-1] is None
    assert session.flags() == [] and session.source_sha256 is None


def test_the_session_sees_the_scan_as_reviewed_from_the_saved_choices(tmp_path):
    saved = Review.load(SHA, tmp_path)
    saved.choose_voices((1,))
    session = ReviewSession.open(scanned(), tmp_path)
    assert session.reviewed.voices_chosen and session.reviewed.presenter_voices == (1,)
    assert all(f.category is not Category.VOICE or f.start_s != 10.0
               for f in session.reviewed.findings)


def test_decisions_survive_this_is_me_on_a_face_and_its_undo(tmp_path):
    from tests.unit.test_presenter import patient_longer_than_clinician

    scan = patient_longer_than_clinician()
    session = ReviewSession.open(scan, tmp_path, reviewer="Dr A")
    [clinician] = session.flags()
    [patient] = scan.presenter_faces
    session.decide(clinician.id, Decision.FALSE_ALARM)
    seen = heard(session)
    said = session.mark_mine(clinician)
    assert said and said.startswith("Marked as your face")
    assert [f.id for f in session.flags()] == [patient.id]  # the patient is flagged now
    assert seen["choices"] == [session.review] and len(seen["reviewed"]) == 1
    session.decide(patient.id, Decision.MUST_FIX)
    session.choose_faces(None)  # "let the scan decide": the scan's guess again
    assert [f.id for f in session.flags()] == [clinician.id]
    assert session.verdict(clinician.id).decision is Decision.FALSE_ALARM
    assert session.verdict(patient.id).decision is Decision.MUST_FIX
    assert session.scanned is scan


def test_the_session_holds_the_clips_hash_only_for_its_own_scan(session, tmp_path):
    from app.core.hashing import HashedFile

    mine = HashedFile("/clip.mp4", SHA, 10, 1, 2)
    session.hold_source(mine, tmp_path / f"{SHA}.scan.json")
    assert session.source == mine and session.saved_scan == tmp_path / f"{SHA}.scan.json"
    session.hold_source(HashedFile("/other.mp4", "0" * 64, 10, 1, 2))
    assert session.source is None and session.saved_scan is None  # another file's: not kept
    session.hold_source(mine)
    session.clear()
    assert session.source is None and session.saved_scan is None


def test_a_decision_on_one_finding_of_an_item_decides_every_finding_of_it(tmp_path):
    """One identifier, one decision (issue 30, item 2): the name on the board, said, and on the
    board again are one item; a name of someone else is not decided with them."""
    from dataclasses import replace

    from app.core.findings.linked_items import with_links
    from app.core.models import Finding, Source

    def name(fid, text, source, at):
        return Finding(fid, at, at + 1.0, source, Category.NAME, text, 0.9, "a name")

    item = [name("board", "OKAFOR, John", Source.SCREEN, 18.0),
            name("said", "Mr Okafor", Source.SPEECH, 22.0),
            name("again", "John Okafor", Source.SCREEN, 40.0)]
    other = name("other", "Margaret Olson", Source.SPEECH, 25.0)
    result = scanned()
    result = replace(result, findings=tuple(with_links([*item, other, *result.findings])))
    session = ReviewSession.open(result, tmp_path, reviewer="Dr A")
    seen = heard(session)
    session.decide("said", Decision.MUST_FIX)
    assert sorted(seen["decisions"]) == ["again", "board", "said"]
    saved = Review.load(result.video.sha256, tmp_path)
    assert [saved.get(i).decision for i in ("board", "said", "again", "other")] == [
        Decision.MUST_FIX, Decision.MUST_FIX, Decision.MUST_FIX, Decision.OPEN]
    session.decide("again", Decision.OPEN)  # undone on one: undone on all
    assert {session.verdict(i).decision for i in ("board", "said", "again")} == {Decision.OPEN}
    session.decide("other", Decision.FALSE_ALARM)
    assert session.verdict("board").decision is Decision.OPEN
    assert session.linked("other") == () and session.linked("board") == ("said", "again")
