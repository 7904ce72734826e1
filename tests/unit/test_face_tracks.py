"""Who is the presenter and who is someone else, on made-up face boxes (no model)."""

from app.core.models import Category, Source
from app.core.picture.face_tracks import (
    FaceTracker,
    face_findings,
    presenter_doubt,
    presenter_tracks,
)
from app.core.picture.faces import FaceBox

STEP = 0.5


def run_tracker(frames: dict[float, list[FaceBox]], duration: float):
    tracker = FaceTracker(step_s=STEP)
    t = 0.0
    while t < duration:
        tracker.update(t, frames.get(round(t, 2), []))
        t = round(t + STEP, 2)
    return tracker.finish(duration)


def face(x, y, w=100, score=0.9):
    return FaceBox(x, y, w, int(w * 1.3), score)


def test_presenter_alone_is_not_flagged():
    frames = {round(i * STEP, 2): [face(300 + i, 500)] for i in range(16)}
    tracks = run_tracker(frames, 8.0)
    assert len(tracks) == 1
    assert face_findings(tracks) == []


def test_second_person_is_flagged_with_her_time_range():
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    for i in range(6, 12):  # 3.0 .. 5.5 s
        frames[round(i * STEP, 2)].append(face(50, 100, w=40))
    [finding] = face_findings(run_tracker(frames, 8.0))
    assert finding.source is Source.FACE and finding.category is Category.FACE
    assert finding.start_s == 3.0 and finding.end_s == 6.0
    assert len(finding.boxes) == 6 and all(b.x == 50 for b in finding.boxes)


def test_an_unclear_face_for_a_single_glance_is_not_a_finding():
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    frames[2.0].append(face(50, 100, w=40, score=0.6))
    assert face_findings(run_tracker(frames, 8.0)) == []


def test_a_clear_face_seen_once_is_a_finding():
    """Someone crossing the frame between two checks, or entering it in the last second."""
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    frames[2.0].append(face(50, 100, w=40, score=0.88))
    [finding] = face_findings(run_tracker(frames, 8.0))
    assert finding.start_s == 2.0 and len(finding.boxes) == 1


def test_a_face_moving_faster_than_the_checks_is_flagged_at_each_place():
    """A person walking in: two glimpses too far apart to be joined are two findings, not none."""
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    frames[2.0].append(face(10, 100, w=80, score=0.9))
    frames[2.5].append(face(200, 100, w=80, score=0.9))
    assert [f.start_s for f in face_findings(run_tracker(frames, 8.0))] == [2.0, 2.5]


def test_presenter_turning_away_is_still_the_presenter():
    """Two pieces of the presenter's track, apart in time, at the same place: not a finding."""
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16) if not 6 <= i < 10}
    tracks = run_tracker(frames, 8.0)
    assert len(tracks) == 2
    assert presenter_tracks(tracks) == {0, 1}
    assert face_findings(tracks) == []


def test_someone_else_in_the_presenters_place_at_the_same_time_is_flagged():
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    for i in range(4, 10):
        frames[round(i * STEP, 2)].append(face(420, 520))  # beside the presenter, overlapping
    findings = face_findings(run_tracker(frames, 8.0))
    assert len(findings) == 1


def test_two_people_on_screen_as_long_raise_a_doubt_about_the_presenter():
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    for i in range(2, 14):  # 6 s of the 8
        frames[round(i * STEP, 2)].append(face(40, 100, w=60))
    tracks = run_tracker(frames, 8.0)
    assert presenter_doubt(tracks, presenter_tracks(tracks)) is not None


def test_a_brief_second_person_raises_no_doubt():
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16)}
    for i in range(6, 9):
        frames[round(i * STEP, 2)].append(face(40, 100, w=60))
    tracks = run_tracker(frames, 8.0)
    assert presenter_doubt(tracks, presenter_tracks(tracks)) is None
