"""The verdict (app/core/review/verdict.py) the PDF prints and the window's header shows: one
function for both (made-up voices and a name on screen, no model)."""

from app.core.review.decisions import CHECKLIST, Decision
from app.core.review.session import ReviewSession
from app.core.review.verdict import (
    CLEARED_COLOUR,
    NOT_CLEARED_COLOUR,
    not_cleared_because,
    verdict_colour,
    verdict_of,
)
from tests.unit.test_my_voice import scanned


def test_not_cleared_until_every_flag_is_decided_and_every_question_allows_it(tmp_path):
    session = ReviewSession.open(scanned(), tmp_path, reviewer="Dr A")
    assert session.reviewed is not None and session.review is not None
    flags = session.flags()
    assert flags
    before = verdict_of(session.reviewed, session.review)
    assert before == session.summary()  # the session says what the PDF prints
    assert before.line().startswith("Not cleared") and verdict_colour(before) == NOT_CLEARED_COLOUR
    because = not_cleared_because(before)
    assert "still open" in because and f"{len(CHECKLIST)} checklist questions unanswered" in because
    for key, _, allowed in CHECKLIST:
        session.answer(key, allowed)
    session.decide(flags[0].id, Decision.MUST_FIX)
    assert not_cleared_because(session.summary()) == (
        "Not cleared because flags are marked must fix or still open.")
    for finding in flags:
        session.decide(finding.id, Decision.FALSE_ALARM)
    after = session.summary()
    assert after.cleared and after.line().startswith("Cleared")
    assert not_cleared_because(after) == "" and verdict_colour(after) == CLEARED_COLOUR
    session.answer(CHECKLIST[0][0], "no" if CHECKLIST[0][2] == "yes" else "yes")
    assert "a checklist answer does not allow posting" in not_cleared_because(session.summary())
