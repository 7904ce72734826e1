""""This is me": the reviewer overrides the scan's guess of whose face is the presenter's
(made-up face boxes, no model)."""

from app.core.models import AnalysisResult, Coverage, ScanOptions, Source, VideoInfo
from app.core.picture.face_tracks import (
    PRESENTER_DOUBT,
    face_findings,
    presenter_doubt,
    presenter_faces,
    presenter_tracks,
)
from app.core.review.decisions import Review
from app.core.review.presenter import mark_as_mine, with_presenter
from tests.unit.test_face_tracks import STEP, face, run_tracker


def scan_of(frames, duration=8.0) -> AnalysisResult:
    """What the scan would return for these face boxes (faces only)."""
    tracks = run_tracker(frames, duration)
    presenter = presenter_tracks(tracks)
    doubt = presenter_doubt(tracks, presenter)
    return AnalysisResult(
        video=VideoInfo("clip.mp4", "ab" * 32, duration, 720, 1280, 15.0, 120, 0, False,
                        "h264", None),
        findings=tuple(face_findings(tracks, presenter)),
        transcript=None,
        coverage=Coverage(0.0, 0.0, False, 10, 30, 120, 0.25, notes=(doubt,) if doubt else ()),
        options=ScanOptions(),
        tool_version="test",
        models=(),
        presenter_faces=tuple(presenter_faces(tracks, presenter)),
    )


def patient_longer_than_clinician():
    """The patient (left) on screen the whole 8 s; the clinician (right) from 2 to 6 s."""
    frames = {round(i * STEP, 2): [face(40, 500)] for i in range(16)}
    for i in range(4, 12):
        frames[round(i * STEP, 2)].append(face(420, 500))
    return scan_of(frames)


def test_the_scan_keeps_the_presenters_face_unflagged_and_doubts_it():
    result = patient_longer_than_clinician()
    [flagged] = result.findings
    [guess] = result.presenter_faces
    assert guess.boxes[0].x == 40 and "presenter" in guess.text  # the patient, wrongly
    assert flagged.boxes[0].x == 420 and "another person" in flagged.text
    assert PRESENTER_DOUBT in result.coverage.notes
    assert {f["id"] for f in result.to_json()["presenter_faces"]} == {guess.id}


def test_this_is_me_swaps_who_is_flagged_and_keeps_the_ids():
    result = patient_longer_than_clinician()
    clinician, patient = result.findings[0], result.presenter_faces[0]
    mine = mark_as_mine(result, None, clinician.id)
    assert mine == (clinician.id,)  # the patient was on screen at the same time: not me
    seen = with_presenter(result, mine)
    [flagged] = seen.findings
    assert flagged.id == patient.id and flagged.boxes == patient.boxes
    assert "another person" in flagged.text and "you marked" in flagged.reason
    assert [f.id for f in seen.presenter_faces] == [clinician.id]
    assert PRESENTER_DOUBT not in seen.coverage.notes
    assert any("marked their own face (00:00:02.0" in n for n in seen.coverage.notes)


def test_marking_your_turned_away_face_keeps_the_rest_of_you():
    """You on screen 0–3 s and 5–8 s (two tracks, the scan merges them); the same person
    can be marked again without the other piece being lost."""
    frames = {round(i * STEP, 2): [face(300, 500)] for i in range(16) if not 6 <= i < 10}
    for i in range(6, 10):
        frames[round(i * STEP, 2)] = [face(40, 100, w=60)]  # someone else while you look away
    result = scan_of(frames)
    assert len(result.presenter_faces) == 2
    first, second = result.presenter_faces
    mine = mark_as_mine(result, None, second.id)
    assert set(mine) == {first.id, second.id}  # never on screen together: both you
    assert [f.boxes[0].x for f in with_presenter(result, mine).findings] == [40]


def test_not_me_flags_the_face_and_none_means_the_scans_guess():
    result = patient_longer_than_clinician()
    guess = result.presenter_faces[0]
    seen = with_presenter(result, ())  # the window's "Not me": none of the faces is yours
    assert {f.id for f in seen.findings} == {guess.id, result.findings[0].id}
    assert seen.presenter_faces == ()
    assert with_presenter(result, None) is result
    assert all(f.source is Source.FACE for f in seen.findings)


def test_the_choice_is_saved_with_the_review(tmp_path):
    review = Review.load("ab" * 32, tmp_path)
    assert review.presenter is None
    review.choose_presenter(("face-1", "face-2"))
    assert Review.load("ab" * 32, tmp_path).presenter == ("face-1", "face-2")
    review.choose_presenter(())
    assert Review.load("ab" * 32, tmp_path).presenter == ()
    review.choose_presenter(None)
    assert Review.load("ab" * 32, tmp_path).presenter is None
