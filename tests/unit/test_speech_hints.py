"""Whisper is steered towards clinical words and the always-flag list (its hot words)."""

from types import SimpleNamespace

import numpy as np

from app.core.media.sound import SpeechSound
from app.core.models import ModelInfo, Transcript
from app.core.pipeline import _speech
from app.core.speech.transcribe import CLINICAL_HINTS, MAX_HINTS, hot_words
from app.core.word_lists import WordLists


def test_clinical_words_come_first_then_the_lists_entries_once_each():
    line = hot_words(("Anika  Patel", "WARD", "Ward 7B", "anika patel"))
    words = line.rstrip(".").split(", ")
    assert words[: len(CLINICAL_HINTS)] == list(CLINICAL_HINTS)
    assert words[len(CLINICAL_HINTS):] == ["Anika Patel", "Ward 7B"]


def test_a_long_list_is_cut_to_what_whisper_keeps():
    line = hot_words(tuple(f"Name{i}" for i in range(200)))
    assert len(line.split(", ")) == MAX_HINTS
    assert hot_words(()) == ", ".join(CLINICAL_HINTS) + "."


class RecordingTranscriber:
    info = ModelInfo("speech", "test", "test", "")

    def __init__(self):
        self.hints = None

    def transcribe(self, audio, duration_s, hints=(), on_segment=None):
        self.hints = hints
        yield 1.0
        return Transcript((), (), duration_s, "test"), ()


def test_the_scan_hands_the_always_flag_list_to_the_transcriber():
    transcriber = RecordingTranscriber()
    engines = SimpleNamespace(transcriber=transcriber, voices=None,
                              detector=SimpleNamespace(detect=lambda text, lists: []))
    lists = WordLists(deny=("Anika Patel", "Ward 7B"), allow=("Amy",))
    silence = np.zeros(5 * 16_000, np.float32)
    speech = _speech(SpeechSound(silence, silence, silence), 5.0, engines, lists)
    try:
        while True:
            next(speech)
    except StopIteration as stop:
        transcript, _, found, heard = stop.value
    assert transcriber.hints == ("Anika Patel", "Ward 7B")  # not the allow list
    assert found == [] and transcript.words == () and heard == ()
