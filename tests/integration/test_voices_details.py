"""Real scans: a second voice is a `voice` finding over its own times only, and a story whose
details add up gets one `combination` finding, while health education gets neither."""

import pytest

from app.core.models import Category
from app.core.pipeline import analyze, run
from bench.clips import SAMPLE_RATE, Utterance, make_clip, speak

PRESENTER, GUEST = "en-gb", "en-us+f3"


def said_at(utterances):
    """(start, end, voice) of each utterance, from the length espeak gives it."""
    return [(u.start_s, u.start_s + len(speak(u.text, u.voice)) / SAMPLE_RATE, u.voice)
            for u in utterances]


@pytest.fixture(scope="module")
def two_voices(media_dir):
    utterances = [
        Utterance("Welcome back, today I am talking about looking after your skin on nights.",
                  0.3, voice=PRESENTER),
        Utterance("Thank you so much for looking after me last week.", 7.2, voice=GUEST),
        Utterance("Remember a good moisturiser and plenty of water.", 12.3, voice=PRESENTER),
    ]
    path = media_dir / "two_voices.mp4"
    make_clip(path, width=360, height=640, duration_s=17.5, fps=10, utterances=utterances)
    return path, said_at(utterances)


def overlap(a, b):
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def test_a_second_voice_is_flagged_over_its_times_and_the_presenter_is_not(two_voices, engines):
    path, said = two_voices
    result = run(analyze(path, engines=engines))
    voices = [f for f in result.findings if f.category is Category.VOICE]
    assert voices, [f.category for f in result.findings]
    guest = [(a, b) for a, b, v in said if v == GUEST]
    presenter = [(a, b) for a, b, v in said if v == PRESENTER]
    covered = sum(overlap((f.start_s, f.end_s), g) for f in voices for g in guest)
    assert covered >= 0.7 * sum(b - a for a, b in guest)
    for finding in voices:
        assert sum(overlap((finding.start_s, finding.end_s), p) for p in presenter) < 0.4
        assert "second voice" in finding.reason and "looking after me" in finding.text
        assert "looking after me" not in finding.masked_reason


def test_a_story_whose_details_add_up_gets_one_combination(story_clip, engines):
    result = run(analyze(story_clip, engines=engines))
    [combined] = [f for f in result.findings if f.category is Category.COMBINATION]
    kinds = {f.detail for f in result.findings if f.category is Category.DETAIL}
    kinds |= {"age" for f in result.findings if f.category is Category.AGE}
    assert {"age", "occupation", "place", "day"} <= kinds, kinds
    assert combined.start_s <= 2.0 and combined.end_s >= 4.0
    assert "teacher" in combined.reason and "teacher" not in combined.masked_reason
    assert all(f.severity == "context" for f in result.findings
               if f.category is Category.DETAIL)


def test_health_education_gets_no_voice_and_no_combination(clean_clip, engines):
    result = run(analyze(clean_clip.path, engines=engines))
    assert not [f for f in result.findings
                if f.category in (Category.VOICE, Category.COMBINATION)]
