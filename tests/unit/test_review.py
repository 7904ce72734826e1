"""Decisions are saved as they are made, survive a reload, and a damaged file is kept aside."""

import json
import stat

from app.core.review.decisions import Decision, Review, Verdict

SHA = "ab" * 32


def test_decisions_survive_a_reload(tmp_path):
    review = Review.load(SHA, tmp_path)
    review.decide("f1", Decision.MUST_FIX)
    review.decide("f2", Decision.FALSE_ALARM, note="it is my own name")
    again = Review.load(SHA, tmp_path)
    assert (again.get("f1").decision, again.get("f1").note) == (Decision.MUST_FIX, "")
    assert again.get("f2").note == "it is my own name"
    assert again.get("f1").decided_at <= again.get("f2").decided_at
    assert again.get("f1").decided_at > 0 and again.get("f1").noted_at == 0  # no note written
    assert again.get("f2").noted_at == again.get("f2").decided_at
    assert again.get("unknown") == Verdict()


def test_the_file_is_private_and_no_temporary_file_is_left(tmp_path):
    review = Review.load(SHA, tmp_path)
    review.decide("f1", Decision.MUST_FIX)
    assert stat.S_IMODE(review.path.stat().st_mode) == 0o600
    # the decisions and the (empty) lock file beside them; no temporary file
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".{SHA}.json.lock", f"{SHA}.json"]
    assert stat.S_IMODE((tmp_path / f".{SHA}.json.lock").stat().st_mode) == 0o600


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
        "from app.core.review.decisions import Decision, Review\n"
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


def test_two_copies_of_one_review_merge_and_the_newest_decision_wins(tmp_path):
    """A window and the CLI (or two windows) on one clip: each saves a copy it loaded earlier.
    Nothing the other decided is erased, and an older decision never beats a newer one."""
    first = Review.load("c" * 64, tmp_path)
    second = Review.load("c" * 64, tmp_path)  # loaded before `first` decides anything
    first.reviewer, second.reviewer = "Dr A", "Dr B"
    first.decide("x", Decision.FALSE_ALARM)
    second.decide("y", Decision.MUST_FIX, "cut it")  # its copy has no "x" yet
    second.decide("x", Decision.MUST_FIX)  # newer than first's false alarm
    first.answer("consent", "yes")  # first's copy still says x is a false alarm
    merged = Review.load("c" * 64, tmp_path)
    assert merged.get("x").decision is Decision.MUST_FIX and merged.get("x").decided_by == "Dr B"
    assert merged.get("y").decision is Decision.MUST_FIX and merged.get("y").note == "cut it"
    assert merged.answers == {"consent": "yes"}
    assert first.get("x").decision is Decision.MUST_FIX  # saving brought first up to date


def test_a_withdrawn_answer_is_not_brought_back_by_an_older_copy(tmp_path):
    first = Review.load("d" * 64, tmp_path)
    first.answer("consent", "yes")
    second = Review.load("d" * 64, tmp_path)
    second.answer("consent", None)
    first.decide("z", Decision.OPEN)
    assert "consent" not in Review.load("d" * 64, tmp_path).answers


def test_a_note_edited_in_a_stale_window_does_not_bring_back_its_decision(tmp_path):
    """Issue 31: A marks X a false alarm, B (another window) marks X must fix, then A edits X's
    note. X stays must fix, decided by B, with A's note."""
    window_a = Review.load("e" * 64, tmp_path)
    window_b = Review.load("e" * 64, tmp_path)
    window_a.reviewer, window_b.reviewer = "Dr A", "Dr B"
    window_a.decide("x", Decision.FALSE_ALARM)
    window_b.decide("x", Decision.MUST_FIX)
    window_a.write_note("x", "blurred in the edit")  # A's copy still says false alarm
    merged = Review.load("e" * 64, tmp_path)
    x = merged.get("x")
    assert (x.decision, x.decided_by) == (Decision.MUST_FIX, "Dr B")
    assert (x.note, x.noted_by) == ("blurred in the edit", "Dr A")
    assert window_a.get("x").decision is Decision.MUST_FIX  # A's window is brought up to date


def test_a_decision_made_in_a_stale_window_keeps_the_note_written_elsewhere(tmp_path):
    """Issue 31: B writes a note on Y; A, whose copy has no note on Y, then decides Y. B's note
    survives beside A's decision."""
    window_a = Review.load("f" * 64, tmp_path)
    window_b = Review.load("f" * 64, tmp_path)
    window_a.reviewer, window_b.reviewer = "Dr A", "Dr B"
    window_b.write_note("y", "her own badge, fine")
    window_a.decide("y", Decision.MUST_FIX)
    y = Review.load("f" * 64, tmp_path).get("y")
    assert (y.decision, y.decided_by) == (Decision.MUST_FIX, "Dr A")
    assert (y.note, y.noted_by) == ("her own badge, fine", "Dr B")


def test_a_note_written_again_unchanged_is_not_a_newer_note(tmp_path):
    """The window saves the note box when it loses focus; saving what is there changes nothing,
    so it cannot overwrite a note written meanwhile in another window."""
    window_a = Review.load("a" * 64, tmp_path)
    window_b = Review.load("a" * 64, tmp_path)
    window_b.write_note("z", "from B")
    window_a.write_note("z", "")  # what A's copy holds already
    window_a.decide("z", Decision.FALSE_ALARM, note="")
    assert Review.load("a" * 64, tmp_path).get("z").note == "from B"


def test_a_decisions_file_of_the_older_shape_still_loads(tmp_path):
    """Before decisions and notes had their own times, a verdict held one "at" and "by": both
    fields take them, and the older note or decision loses to a newer one of either field."""
    old = {"clip_sha256": SHA, "verdicts": {
        "f1": {"decision": "false_alarm", "note": "mine", "at": 1000.5, "by": "Dr Old"},
        "f2": {"decision": "must_fix", "note": ""},  # older still: no time at all
    }}
    (tmp_path / f"{SHA}.json").write_text(json.dumps(old))
    review = Review.load(SHA, tmp_path)
    assert review.problem is None
    assert review.get("f1") == Verdict(Decision.FALSE_ALARM, "mine", 1000.5, "Dr Old",
                                       1000.5, "Dr Old")
    assert review.get("f2") == Verdict(Decision.MUST_FIX)
    review.reviewer = "Dr New"
    review.write_note("f1", "not mine after all")
    again = Review.load(SHA, tmp_path).get("f1")
    assert (again.decision, again.decided_by, again.decided_at) == (
        Decision.FALSE_ALARM, "Dr Old", 1000.5)
    assert (again.note, again.noted_by) == ("not mine after all", "Dr New")


def test_a_reviewer_whose_clock_is_behind_still_overrides_an_older_decision(tmp_path,
                                                                           monkeypatch):
    """Dr A (clock right) marks f1 false alarm and notes it; a minute later Dr B, whose clock
    is 30 s behind, marks it must fix and rewrites the note: B's are the newer and stay."""
    import app.core.review.decisions as decisions

    first, second = Review.load(SHA, tmp_path), Review.load(SHA, tmp_path)
    first.reviewer, second.reviewer = "Dr A", "Dr B"
    first.decide("f1", Decision.FALSE_ALARM, "her own badge")
    first.answer("consent", "yes")
    right = decisions._now
    monkeypatch.setattr(decisions, "_now", lambda: right() - 30.0)
    second.decide("f1", Decision.MUST_FIX, "a patient's badge")
    second.answer("consent", "no")
    monkeypatch.setattr(decisions, "_now", right)
    again = Review.load(SHA, tmp_path)
    assert (again.get("f1").decision, again.get("f1").note) == (Decision.MUST_FIX,
                                                                 "a patient's badge")
    assert again.get("f1").decided_by == "Dr B" and again.answers["consent"] == "no"
    # the stamps only ever go up in the file, and the other side: A, deciding after B, wins
    assert again.get("f1").decided_at > first.get("f1").decided_at
    first.decide("f1", Decision.FALSE_ALARM)
    assert Review.load(SHA, tmp_path).get("f1").decision is Decision.FALSE_ALARM


def test_an_entry_this_version_cannot_read_is_kept_and_said(tmp_path):
    """A newer version wrote a decision this one does not know ("blur_only") beside a must
    fix: the must fix counts, the unknown entry is said and written back unchanged on save."""
    unknown = {"decision": "blur_only", "decided_at": 2000.0, "decided_by": "Dr New"}
    saved = {"clip_sha256": SHA, "verdicts": {
        "f1": unknown,
        "f2": {"decision": "must_fix", "decided_at": 1000.0, "decided_by": "Dr B"}}}
    (tmp_path / f"{SHA}.json").write_text(json.dumps(saved))
    review = Review.load(SHA, tmp_path)
    assert review.get("f2").decision is Decision.MUST_FIX
    assert review.problem and "f1" in review.problem and "kept" in review.problem
    review.decide("f3", Decision.FALSE_ALARM)
    written = json.loads((tmp_path / f"{SHA}.json").read_text())["verdicts"]
    assert written["f1"] == unknown and written["f2"]["decision"] == "must_fix"
    assert written["f3"]["decision"] == "false_alarm"
    assert not [p for p in tmp_path.iterdir() if "damaged" in p.name]  # nothing moved aside


def test_a_file_that_became_unreadable_is_kept_aside_when_saved_over(tmp_path):
    """Damaged after it was loaded: the next save keeps it aside (not replaced silently)."""
    review = Review.load(SHA, tmp_path)
    review.decide("f1", Decision.MUST_FIX)
    (tmp_path / f"{SHA}.json").write_text('{"clip_sha256": "' + SHA + '", "verdicts": {')
    review.decide("f2", Decision.FALSE_ALARM)
    kept = [p for p in tmp_path.iterdir() if "damaged" in p.name]
    assert len(kept) == 1 and kept[0].read_text().endswith('"verdicts": {')
    assert review.problem and kept[0].name in review.problem
    again = Review.load(SHA, tmp_path)
    assert again.get("f1").decision is Decision.MUST_FIX and again.problem is None
