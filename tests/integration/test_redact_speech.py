"""A hidden spoken name is hidden whole even where Whisper's word times are loose, and a bleep
replaces the voice under it (issue 27): real espeak-ng speech, real Silero VAD, the real scan,
export and transcription."""

import numpy as np
import pytest

from app.core.media.video import probe
from app.core.models import ScanOptions, Source
from app.core.pipeline import analyze, run
from app.core.redact.audio import (
    BLEEP_HZ,
    FADE_S,
    Sound,
    hush,
    read_sound,
    to_pauses,
    voice_regions,
)
from app.core.redact.export import redact_clip
from app.core.redact.plan import BLEEP, SILENCE, SPEECH_MARGIN_S
from app.core.review.decisions import Decision, Review
from app.core.review.session import ReviewSession
from bench.clips import Utterance, make_clip, speak

pytestmark = pytest.mark.models

RATE = 16_000


def _voiced(samples: np.ndarray) -> tuple[float, float]:
    """Where the samples are loud enough to be voice (first and last 10 ms above -40 dB)."""
    n = int(0.01 * RATE)
    frames = samples[:len(samples) // n * n].reshape(-1, n)
    loud = np.flatnonzero(np.sqrt((frames ** 2).mean(axis=1)) > 0.01)
    return loud[0] * n / RATE, (loud[-1] + 1) * n / RATE


def _talk() -> tuple[Sound, tuple[float, float]]:
    """'The patient is' … 'Margaret Olson' … 'She is better', a second of quiet between, and
    where the name is voiced."""
    track, name = np.zeros(int(0.3 * RATE), np.float32), (0.0, 0.0)
    for text in ("The patient is", "Margaret Olson", "She is better"):
        voice = speak(text).astype(np.float32) / 32768
        if text == "Margaret Olson":
            a, b = _voiced(voice)
            name = (len(track) / RATE + a, len(track) / RATE + b)
        track = np.concatenate([track, voice, np.zeros(RATE, np.float32)])
    return Sound(track[None].copy(), RATE, "mono"), name


def _voice_left(sound: Sound, span: tuple[float, float]) -> float:
    a, b = (int(t * RATE) for t in span)
    return float(np.abs(sound.samples[0, a:b]).max())


def test_a_name_whose_word_times_are_loose_is_silenced_to_the_pauses_around_it():
    """Whisper's times for the name a third of a second short at each end (plus the plan's
    margin): on their own they leave its first and last sounds; widened to the pauses around
    the name (Silero VAD on the track), nothing of it is left, and the words before and after
    it are untouched."""
    sound, (a, b) = _talk()
    loose = [(a + 0.35 - SPEECH_MARGIN_S, b - 0.35 + SPEECH_MARGIN_S, SILENCE)]
    as_said = Sound(sound.samples.copy(), RATE, "mono")
    hush(as_said, loose)
    assert _voice_left(as_said, (a, a + 0.1)) > 0.05  # the loose times alone leave voice
    assert _voice_left(as_said, (b - 0.1, b)) > 0.05
    widened = to_pauses(loose, voice_regions(sound))
    hushed = Sound(sound.samples.copy(), RATE, "mono")
    hush(hushed, widened)
    assert _voice_left(hushed, (a + FADE_S, b - FADE_S)) < 0.02
    before, after = widened[0][0], widened[0][1]
    assert a - 0.2 < before <= a and b <= after < b + 0.2  # to the pauses, not further
    assert np.array_equal(hushed.samples[0, :int((a - 0.6) * RATE)],
                          sound.samples[0, :int((a - 0.6) * RATE)])
    assert np.array_equal(hushed.samples[0, int((b + 0.6) * RATE):],
                          sound.samples[0, int((b + 0.6) * RATE):])


def test_a_bleep_replaces_the_voice_and_does_not_lie_over_it():
    sound, (a, b) = _talk()
    bleeped = Sound(sound.samples.copy(), RATE, "mono")
    hush(bleeped, [(a, b, BLEEP)])
    i, j = int((a + FADE_S) * RATE), int((b - FADE_S) * RATE)
    t = np.arange(i, j, dtype=np.float32) / RATE
    tone = 0.25 * np.sin(2 * np.pi * BLEEP_HZ * t)
    assert np.abs(bleeped.samples[0, i:j] - tone).max() < 1e-4  # the tone alone
    assert np.abs(sound.samples[0, i:j]).max() > 0.1  # where there was a voice


@pytest.fixture(scope="module")
def spoken(engines, tmp_path_factory):
    folder = tmp_path_factory.mktemp("spoken")
    path = folder / "talk.mp4"
    make_clip(path, width=320, height=240, duration_s=9.5, fps=10, utterances=[
        Utterance("Today my patient Margaret Olson is doing much better.", 0.3),
        Utterance("We called Mr Fischer this morning.", 5.6)])
    return run(analyze(path, ScanOptions(), engines=engines)), folder


@pytest.mark.parametrize("sound", [BLEEP, SILENCE])
def test_a_copy_lets_no_hidden_name_be_heard(spoken, engines, sound):
    result, folder = spoken
    names = [f for f in result.findings if f.source is Source.SPEECH
             and f.category.value == "name"]
    assert len(names) == 2, result.findings
    review = Review.load(result.video.sha256, folder / sound)
    for finding in result.findings:
        review.decide(finding.id, Decision.MUST_FIX if finding in names else Decision.OPEN)
    out = folder / f"{sound}.mp4"
    copy = run(redact_clip(ReviewSession(result, review), out, sound=sound, engines=engines))
    heard = run(engines.transcriber.transcribe(out, probe(out).duration_s))[0]
    words = " ".join(w.text for w in heard.words).lower()
    for piece in ("marg", "garet", "olso", "olse", "fisch", "fish"):
        assert piece not in words.replace(" ", ""), words
    assert "better" in words and "morning" in words  # the rest is still heard
    items = [i for i in copy.items if i.source == "speech"]
    original, made = read_sound(result.video.path), read_sound(out)
    for item, name in zip(sorted(items, key=lambda i: i.start_s),
                          sorted(names, key=lambda f: f.start_s), strict=True):
        assert item.start_s <= name.start_s - SPEECH_MARGIN_S + 1e-3
        assert item.end_s >= name.end_s + SPEECH_MARGIN_S - 1e-3
        if sound == SILENCE:  # nothing of the voice inside, after AAC
            i, j = (int(t * made.rate) for t in (item.start_s + 0.03, item.end_s - 0.03))
            assert np.abs(made.samples[:, i:j]).max() < 0.1 * np.abs(
                original.samples[:, i:j]).max()
