""""This is me" for voices: the reviewer overrides the scan's guess of whose voice is the
presenter's (made-up stretches of who spoke when, no model)."""

import json

import pytest

from app.core.models import (
    AnalysisResult,
    Category,
    Coverage,
    Finding,
    ScanOptions,
    Source,
    Transcript,
    VideoInfo,
    VoiceStretch,
    Word,
)
from app.core.review.decisions import Review
from app.core.review.my_voice import mark_voice_as_mine, voice_lines, with_my_voices
from app.core.review.presenter import as_reviewed, presenter_lines
from app.core.speech.voices import scan_guess, settle, voice_findings

SHA = "cd" * 32
# the patient talks most (0-10 s and 20-30 s), the clinician 10-18 s, and a cough at 18.2 s
HEARD = (VoiceStretch(0.0, 10.0, 0), VoiceStretch(10.0, 18.0, 1), VoiceStretch(18.2, 18.6, 2),
         VoiceStretch(20.0, 30.0, 0))
WORDS = (Word("my", 1.0, 1.3, 0.9), Word("knee", 1.3, 1.8, 0.9),
         Word("welcome", 11.0, 11.6, 0.9), Word("back", 11.6, 12.0, 0.9),
         Word("thank", 21.0, 21.4, 0.9), Word("you", 21.4, 21.7, 0.9))
NAME = Finding("screen-name-1", 3.0, 4.0, Source.SCREEN, Category.NAME, "Anika Patel", 0.9,
               "a name on screen")


def scanned() -> AnalysisResult:
    """What the scan returns: the voice heard longest (the patient's) taken as the presenter's."""
    guess = scan_guess(HEARD)
    findings = [NAME, *voice_findings(settle(HEARD, guess), WORDS)]
    return AnalysisResult(
        video=VideoInfo("clip.mp4", SHA, 30.0, 720, 1280, 15.0, 450, 0, True, "h264", "aac"),
        findings=tuple(findings),
        transcript=Transcript(WORDS, (), 30.0, "en"),
        coverage=Coverage(30.0, 30.0, True, 10, 60, 450, 0.5),
        options=ScanOptions(), tool_version="test", models=(),
        voices=HEARD, presenter_voices=guess)


def voices_of(result):
    return [f for f in result.findings if f.category is Category.VOICE]


def spans(result):
    return [(f.start_s, f.end_s) for f in voices_of(result)]


def test_the_scan_takes_the_voice_heard_longest_and_absorbs_a_cough():
    result = scanned()
    assert result.presenter_voices == (0,)
    assert spans(result) == [(10.0, 18.0)]  # the clinician, wrongly; the cough is not a voice
    [clinician] = voices_of(result)
    assert clinician.text == "welcome back" and "second voice" in clinician.reason
    assert [v["presenter"] for v in result.to_json()["voices"]] == [True, False, False, True]
    assert "voice heard longest" in voice_lines(result)[0]


def test_marking_your_voice_flags_the_one_taken_for_yours_instead():
    result = scanned()
    [clinician] = voices_of(result)
    mine = mark_voice_as_mine(result, clinician)
    assert mine == (1,)
    seen = with_my_voices(result, mine)
    assert spans(seen) == [(0.0, 10.0), (20.0, 30.0)]  # the patient, both stretches
    assert [f.text for f in voices_of(seen)] == ["my knee", "thank you"]
    assert all(f.id != clinician.id for f in voices_of(seen))
    assert NAME in seen.findings  # nothing but voices changes
    assert seen.presenter_voices == (1,) and seen.voices_chosen
    assert any("marked their own voice (8.6 s" in n for n in seen.coverage.notes)
    [line] = voice_lines(seen)
    assert "the one you marked" in line and "8.6 s" in line  # the cough taken as theirs


def test_a_second_mark_adds_to_your_voices_for_a_voice_heard_as_two():
    result = scanned()
    seen = with_my_voices(result, mark_voice_as_mine(result, voices_of(result)[0]))
    again = mark_voice_as_mine(seen, voices_of(seen)[1])  # the scan split you in two
    assert again == (0, 1)
    assert voices_of(with_my_voices(result, again)) == []


def test_none_of_the_voices_is_yours_flags_every_voice_but_not_a_cough():
    seen = with_my_voices(scanned(), ())
    assert spans(seen) == [(0.0, 10.0), (10.0, 18.0), (20.0, 30.0)]
    assert "first voice" in voices_of(seen)[0].reason
    assert seen.presenter_voices == () and voice_lines(seen) == []
    assert any("none of the voices is theirs" in n for n in seen.coverage.notes)


def test_the_scans_guess_stands_until_the_reviewer_chooses():
    result = scanned()
    assert with_my_voices(result, None) is result
    with pytest.raises(KeyError):
        mark_voice_as_mine(result, NAME)


def test_the_saved_choice_of_face_and_voice_is_applied_together(tmp_path):
    result = scanned()
    review = Review.load(SHA, tmp_path)
    assert as_reviewed(result, review) is result
    review.choose_voices((1,))
    loaded = Review.load(SHA, tmp_path)
    assert loaded.voices == (1,) and loaded.presenter is None
    seen = as_reviewed(result, loaded)
    assert spans(seen) == [(0.0, 10.0), (20.0, 30.0)]
    assert any("presenter's voice" in line for line in presenter_lines(seen))
    loaded.choose_voices(None)
    assert Review.load(SHA, tmp_path).voices is None


def test_a_damaged_voice_choice_is_kept_aside_not_believed(tmp_path):
    review = Review.load(SHA, tmp_path)
    review.choose_voices((1,))
    data = json.loads(review.path.read_text())
    data["presenter_voices"] = "everyone"
    review.path.write_text(json.dumps(data))
    again = Review.load(SHA, tmp_path)
    assert again.voices is None and "could not be read" in again.problem
