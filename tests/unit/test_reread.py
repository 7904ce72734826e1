"""An export reads the review again as it starts: two reviewers' decisions merged into the
window's stale copy, whose they were, and the record of an interrupted export."""

import datetime as dt
import json

from app.core.review.copies import InterruptedExport
from app.core.review.decisions import Decision, Review
from app.core.review.interrupted import interrupted_line, record_interrupted
from app.core.review.reread import decided_by, reread
from app.core.review.session import ReviewSession

SHA = "e" * 64


def _reviewer(tmp_path, name):
    review = Review.load(SHA, tmp_path)
    review.reviewer = name
    return review


def test_a_stale_review_takes_what_another_reviewer_saved_since(tmp_path):
    window = _reviewer(tmp_path, "Dr A")
    window.decide("name", Decision.MUST_FIX)
    other = _reviewer(tmp_path, "Dr B")  # another window, or the CLI
    other.decide("mrn", Decision.MUST_FIX)
    other.answer("consent", "yes")
    assert window.get("mrn").decision is Decision.OPEN  # loaded before: stale
    read_at = reread(window)
    assert window.get("mrn").decision is Decision.MUST_FIX
    assert window.get("name").decision is Decision.MUST_FIX and window.answers == {
        "consent": "yes"}
    decided = decided_by(window, ["name", "mrn"], read_at)
    assert decided.names == ("Dr A", "Dr B")
    hhmm = dt.datetime.fromtimestamp(read_at).astimezone().strftime("%H:%M")
    assert decided.line() == f"decisions by Dr A, Dr B as of {hhmm}"
    assert decided.who(dated=True).startswith("by Dr A, Dr B as of 20")
    # only the findings of this scan count (and unnamed reviewers are said so)
    stray = _reviewer(tmp_path / "b", "")
    stray.decide("x", Decision.FALSE_ALARM)
    assert decided_by(stray, ["y"], read_at).line().startswith("no decisions yet")
    assert decided_by(stray, ["x"], read_at).names == ("an unnamed reviewer",)
    # a note alone decides nothing
    noted = _reviewer(tmp_path / "c", "Dr C")
    noted.write_note("z", "looked at it")
    assert decided_by(noted, ["z"], read_at).names == ()


def test_a_review_never_saved_is_not_written_by_reading_it(tmp_path):
    review = Review.load(SHA, tmp_path)
    reread(review)
    assert not review.path.exists()


def test_an_interrupted_export_is_recorded_and_said(tmp_path):
    review = _reviewer(tmp_path, "Dr A")
    record = record_interrupted(ReviewSession(review=review), "encode")
    saved = json.loads(review.path.read_text())["redactions"]
    assert saved == [record.to_json()] and saved[0]["kind"] == "interrupted"
    loaded = Review.load(SHA, tmp_path).redactions[0]
    assert isinstance(loaded, InterruptedExport) and loaded == record and not loaded.copy_kept
    line = interrupted_line(loaded)
    assert line.startswith("An export was interrupted at 20")
    assert line.endswith("while the copy was written (started by Dr A); no copy was kept.")
    record_interrupted(ReviewSession(review=review), "rescan")
    assert "while the copy was checked" in interrupted_line(review.redactions[-1])
