"""The window's folder queue without the window (app.core.review.clip_queue): where each clip is,
what its row says, which clip is next, how far the folder is, names masked."""

from pathlib import Path

from app.core.review.clip_queue import (
    CHECKED,
    NOT_CHECKED,
    SCANNING,
    WAITING,
    ClipQueue,
    QueuedClip,
)
from app.core.review.decisions import Summary
from app.core.review.folder_scan import (
    FAILED,
    REUSED,
    SCANNED,
    ClipOutcome,
    Queue,
    Skipped,
    find_clips,
    no_clip_sentence,
)


def _queue(*names: str) -> ClipQueue:
    return ClipQueue(Queue(Path("/week"), tuple(Path(n) for n in names),
                           (Skipped(Path("notes.txt"), "not a video (a .txt ending)"),)))


def _checked(clip: str, must_fix=0, false_alarm=0, open_=0, unanswered=(), status=SCANNED):
    summary = Summary(must_fix, false_alarm, open_, tuple(unanswered), ())
    return ClipOutcome(Path(clip), status, None, summary, must_fix + false_alarm + open_)


def test_rows_say_where_each_clip_is_with_its_verdict_and_counts():
    queue = _queue("a.mp4", "b.mp4", "c.mp4", "d.mp4")
    assert [c.status() for c in queue.clips] == [WAITING] * 4
    queue.clips[0].state, queue.clips[0].fraction = SCANNING, 0.4
    assert queue.clips[0].status() == "scanning 40%"
    queue.set_outcome(0, _checked("a.mp4", must_fix=1, open_=2, unanswered=("consent",)))
    assert queue.clips[0].state == CHECKED
    assert queue.clips[0].status() == ("Not cleared · 3 flags (1 must fix, 2 open) · "
                                       "1 question unanswered")
    queue.set_outcome(1, _checked("b.mp4", status=REUSED))
    assert queue.clips[1].status() == "Cleared · nothing found · saved scan"
    queue.set_outcome(2, ClipOutcome(Path("c.mp4"), FAILED, problem="c.mp4 is empty."))
    assert queue.clips[2].state == FAILED
    assert queue.clips[2].status() == "could not be checked: c.mp4 is empty."
    # masked, the sentence names the clip as its row does (file names are often patients')
    assert queue.clips[2].status(masked=True) == "could not be checked: c.mp4 is empty."
    olson = QueuedClip(Path("day1/Olson.mp4"), FAILED,
                       outcome=ClipOutcome(Path("day1/Olson.mp4"), FAILED,
                                           problem="/week/day1/Olson.mp4: Olson.mp4 is empty."))
    assert olson.status(masked=True) == ("could not be checked: /week/day1/O****.mp4: "
                                         "O****.mp4 is empty.")
    assert queue.line() == "3 of 4 checked"
    assert queue.fraction() == 0.75
    queue.set_outcome(3, _checked("d.mp4", false_alarm=1))
    assert queue.clips[3].status() == "Cleared · 1 flag (1 false alarm)"
    assert queue.line() == "All 4 checked: 1 not cleared, 2 cleared, 1 could not be checked"


def test_the_next_clip_waiting_and_stepping_stop_at_the_ends():
    queue = _queue("a.mp4", "b.mp4", "c.mp4")
    assert queue.next_waiting() == 0 and queue.next_waiting(but=0) == 1
    queue.set_outcome(0, _checked("a.mp4"))
    assert queue.next_waiting() == 1
    assert queue.step(None, +1) == 0 and queue.step(None, -1) == 2
    assert queue.step(0, +1) == 1 and queue.step(2, +1) is None and queue.step(0, -1) is None
    assert queue.index_of(Path("/week/b.mp4")) == 1 and queue.index_of(Path("/x/b.mp4")) is None
    assert queue.index_of(None) is None


def test_cancel_leaves_the_checked_clips_and_the_windows_clip_alone():
    queue = _queue("a.mp4", "b.mp4", "c.mp4", "d.mp4")
    queue.set_outcome(0, _checked("a.mp4"))
    queue.clips[1].state = SCANNING  # the window's
    queue.clips[2].state = SCANNING  # the background's
    queue.stop(but=1)
    assert [c.state for c in queue.clips] == [CHECKED, SCANNING, NOT_CHECKED, NOT_CHECKED]
    assert queue.next_waiting() is None
    assert queue.line() == "1 of 4 checked, 2 not checked (stopped)"


def test_masked_names_show_no_patients_name_in_the_file_or_folder():
    clip = QueuedClip(Path("Olson/Olson_MRN00482913_dressing.mp4"))
    assert clip.name(False) == "Olson/Olson_MRN00482913_dressing.mp4"
    masked = clip.name(True)
    assert masked.endswith(".mp4") and masked.startswith("O****/O")
    assert "lson" not in masked and "00482913" not in masked


def test_a_folder_without_clips_is_said_with_what_it_holds(tmp_path):
    empty = find_clips(tmp_path)
    assert no_clip_sentence(empty).startswith(f"There is no video clip in {tmp_path} (it is "
                                              f"empty); nothing was scanned")
    (tmp_path / "notes.txt").write_text("x")
    others = find_clips(tmp_path)
    assert "(only 1 other file, e.g. notes.txt)" in no_clip_sentence(others, ", e.g. notes.txt")
