"""Decisions are saved as they are made, survive a reload, and a damaged file is kept aside."""

import json
import stat

from app.core.review import Decision, Review, Verdict

SHA = "ab" * 32


def test_decisions_survive_a_reload(tmp_path):
    review = Review.load(SHA, tmp_path)
    review.decide("f1", Decision.MUST_FIX)
    review.decide("f2", Decision.FALSE_ALARM, note="it is my own name")
    again = Review.load(SHA, tmp_path)
    assert again.get("f1") == Verdict(Decision.MUST_FIX, "")
    assert again.get("f2") == Verdict(Decision.FALSE_ALARM, "it is my own name")
    assert again.get("unknown") == Verdict()


def test_the_file_is_private_and_no_temporary_file_is_left(tmp_path):
    review = Review.load(SHA, tmp_path)
    review.decide("f1", Decision.MUST_FIX)
    assert stat.S_IMODE(review.path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [f"{SHA}.json"]


def test_a_damaged_file_is_kept_aside_and_reported(tmp_path):
    (tmp_path / f"{SHA}.json").write_text("{not json")
    review = Review.load(SHA, tmp_path)
    assert review.verdicts == {} and review.problem and "kept as" in review.problem
    kept = [p for p in tmp_path.iterdir() if "damaged" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


def test_a_file_of_another_clip_is_not_used(tmp_path):
    (tmp_path / f"{SHA}.json").write_text(json.dumps({"clip_sha256": "cd" * 32, "verdicts": {}}))
    assert Review.load(SHA, tmp_path).problem
