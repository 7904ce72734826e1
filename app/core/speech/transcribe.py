"""Speech to words with timestamps (faster-whisper), offline."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Protocol

import numpy as np

from app.core.model_files import (
    DEFAULT_SPEECH_MODEL,
    SILERO_VAD_FILE,
    speech_model_dir,
    verify_file,
)
from app.core.models import ModelInfo, Transcript, Word

# CTranslate2's OpenMP threads sleep when idle instead of spinning: the picture stage runs
# beside the transcription on the same two cores (set before ctranslate2 is first loaded).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

RANDOM_SEED = 20261201
SAMPLE_RATE = 16_000  # what Whisper listens at

# Segments whose average token log-probability is below this are reported as low confidence.
LOW_LOGPROB = -1.0

# Words a clinician's clip is likely to hold, given to Whisper as hot words (a prompt before every
# 30 s window) so that, of two near sounds, the clinical one wins ("ward", not "world"). Kept to
# bare words: a sentence here is sometimes repeated into the transcript.
CLINICAL_HINTS = ("hospital", "ward", "patient", "bed", "room", "date of birth", "phone number")
MAX_HINTS = 40  # Whisper keeps at most 223 prompt tokens; the clinical words come first


class Transcriber(Protocol):
    """Anything that turns a clip's sound (16 kHz samples, or the file) into timed words;
    yields progress 0..1."""

    info: ModelInfo

    def transcribe(
        self, audio: np.ndarray | Path, duration_s: float, hints: tuple[str, ...] = (),
        on_segment: Callable[[list[Word]], None] | None = None,
    ) -> Generator[float, None, tuple[Transcript, tuple[tuple[float, float], ...]]]: ...

    def listen_again(self, audio: np.ndarray, start_s: float, end_s: float,
                     hints: tuple[str, ...]) -> tuple[Word, ...]: ...


class WhisperTranscriber:
    """faster-whisper on the CPU, int8, with voice-activity filtering and word timestamps."""

    def __init__(self, model: str = DEFAULT_SPEECH_MODEL, threads: int | None = None,
                 steer: bool | None = None) -> None:
        """`steer`: give Whisper hot words (see `hot_words`). By default on, except for
        tiny.en, which the hot words make worse (it starts repeating stock phrases; measured
        by bench/speech_models.py, see models/README.md)."""
        from faster_whisper import WhisperModel

        self.steer = model != "tiny.en" if steer is None else steer

        folder, self.info = speech_model_dir(model)
        verify_file(SILERO_VAD_FILE, "voice-activity model")  # faster-whisper loads it itself
        self._model = WhisperModel(
            str(folder),
            device="cpu",
            compute_type="int8",
            cpu_threads=threads or max(1, os.cpu_count() or 1),
            local_files_only=True,
        )

    def transcribe(
        self, audio: np.ndarray | Path, duration_s: float, hints: tuple[str, ...] = (),
        on_segment: Callable[[list[Word]], None] | None = None,
    ) -> Generator[float, None, tuple[Transcript, tuple[tuple[float, float], ...]]]:
        """Transcribe `audio` (16 kHz mono samples, as media/sound.py decodes them once per
        scan; or a file, decoded here), yielding the fraction of audio done.

        `on_segment` is handed each segment's words as soon as they are heard (before the
        fraction is yielded), so findings can be made while the rest is transcribed.

        `hints` are words likely to be said (the *always flag* list: today's patients, the
        ward's name); Whisper is steered towards them along with `CLINICAL_HINTS`.

        Returns:
            The transcript, and the (start, end) spans whose recognition was unsure.
        """
        import ctranslate2

        # Where greedy decoding fails its checks, faster-whisper samples at a higher
        # temperature; a fixed seed makes that the same every scan (the same clip gives the
        # same transcript, and so the same findings and ids).
        ctranslate2.set_random_seed(RANDOM_SEED)
        segments, info = self._model.transcribe(
            audio if isinstance(audio, np.ndarray) else str(audio),
            language="en",
            beam_size=5,
            word_timestamps=True,
            vad_filter=True,
            vad_parameters={"min_silence_duration_ms": 500},
            condition_on_previous_text=False,
            hotwords=hot_words(hints) if self.steer else None,
        )
        words: list[Word] = []
        spans: list[tuple[float, float]] = []
        unsure: list[tuple[float, float]] = []
        total = info.duration or duration_s or 1.0
        for segment in segments:
            spans.append((round(segment.start, 3), round(segment.end, 3)))
            if segment.avg_logprob < LOW_LOGPROB:
                unsure.append((round(segment.start, 3), round(segment.end, 3)))
            heard = [Word(word.word.strip(), round(word.start, 3), round(word.end, 3),
                          word.probability) for word in segment.words or () if word.word.strip()]
            words += heard
            if on_segment is not None:
                on_segment(heard)
            yield min(1.0, segment.end / total)
        transcript = Transcript(
            words=tuple(words),
            speech_spans=tuple(spans),
            audio_seconds=round(info.duration, 3),
            model=self.info.name,
        )
        return transcript, tuple(unsure)


    def listen_again(self, audio: np.ndarray, start_s: float, end_s: float,
                     hints: tuple[str, ...]) -> tuple[Word, ...]:
        """The words of `audio` (16 kHz mono) from `start_s` to `end_s`, transcribed again with
        `hints` as hot words (listen_again.py: the names read on screen), timed in the clip."""
        import ctranslate2

        ctranslate2.set_random_seed(RANDOM_SEED)
        first = max(0, int(start_s * SAMPLE_RATE))
        segments, _ = self._model.transcribe(
            audio[first: int(end_s * SAMPLE_RATE)],
            language="en",
            beam_size=5,
            word_timestamps=True,
            vad_filter=False,
            condition_on_previous_text=False,
            hotwords=hot_words(hints),
        )
        offset = first / SAMPLE_RATE
        return tuple(Word(w.word.strip(), round(offset + w.start, 3), round(offset + w.end, 3),
                          w.probability)
                     for segment in segments for w in segment.words or () if w.word.strip())


def hot_words(hints: tuple[str, ...] = ()) -> str:
    """The clinical words and the caller's hints, one comma-separated line, duplicates dropped."""
    words: list[str] = []
    seen: set[str] = set()
    for word in (*CLINICAL_HINTS, *hints):
        word = " ".join(word.split())
        if word and word.lower() not in seen:
            seen.add(word.lower())
            words.append(word)
            if len(words) == MAX_HINTS:
                break
    return ", ".join(words) + "."
