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


def test_kill_minus_9_mid_review_loses_at_most_the_last_click(tmp_path):
    """A child process decides flag after flag, printing each one once saved; it is killed with
    SIGKILL mid-stream. Every decision it reported as saved must be there on reopening."""
    import os
    import signal
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.core.review import Decision, Review\n"
        f"review = Review.load({SHA!r}, Path({str(tmp_path)!r}))\n"
        "for i in range(100000):\n"
        "    review.decide(f'f{i}', Decision.MUST_FIX if i % 2 else Decision.FALSE_ALARM)\n"
        "    print(i, flush=True)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    confirmed = -1
    while confirmed < 40:
        confirmed = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    review = Review.load(SHA, tmp_path)
    assert review.problem is None
    for i in range(confirmed + 1):
        expected = Decision.MUST_FIX if i % 2 else Decision.FALSE_ALARM
        assert review.get(f"f{i}").decision is expected
