"""Speech to words with timestamps (faster-whisper), offline."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import Protocol

from app.core.model_files import DEFAULT_SPEECH_MODEL, speech_model_dir
from app.core.models import ModelInfo, Transcript, Word

# Segments whose average token log-probability is below this are reported as low confidence.
LOW_LOGPROB = -1.0


class Transcriber(Protocol):
    """Anything that turns a file's audio into timed words; yields progress 0..1."""

    info: ModelInfo

    def transcribe(
        self, path: Path, duration_s: float
    ) -> Generator[float, None, tuple[Transcript, tuple[tuple[float, float], ...]]]: ...


class WhisperTranscriber:
    """faster-whisper on the CPU, int8, with voice-activity filtering and word timestamps."""

    def __init__(self, model: str = DEFAULT_SPEECH_MODEL, threads: int | None = None) -> None:
        from faster_whisper import WhisperModel

        folder, self.info = speech_model_dir(model)
        self._model = WhisperModel(
            str(folder),
            device="cpu",
            compute_type="int8",
            cpu_threads=threads or max(1, os.cpu_count() or 1),
            local_files_only=True,
        )

    def transcribe(
        self, path: Path, duration_s: float
    ) -> Generator[float, None, tuple[Transcript, tuple[tuple[float, float], ...]]]:
        """Transcribe, yielding the fraction of audio done.

        Returns:
            The transcript, and the (start, end) spans whose recognition was unsure.
        """
        segments, info = self._model.transcribe(
            str(path),
            language="en",
            beam_size=5,
            word_timestamps=True,
            vad_filter=True,
            vad_parameters={"min_silence_duration_ms": 500},
            condition_on_previous_text=False,
        )
        words: list[Word] = []
        spans: list[tuple[float, float]] = []
        unsure: list[tuple[float, float]] = []
        total = info.duration or duration_s or 1.0
        for segment in segments:
            spans.append((round(segment.start, 3), round(segment.end, 3)))
            if segment.avg_logprob < LOW_LOGPROB:
                unsure.append((round(segment.start, 3), round(segment.end, 3)))
            for word in segment.words or ():
                text = word.word.strip()
                if text:
                    words.append(
                        Word(text, round(word.start, 3), round(word.end, 3), word.probability)
                    )
            yield min(1.0, segment.end / total)
        transcript = Transcript(
            words=tuple(words),
            speech_spans=tuple(spans),
            audio_seconds=round(info.duration, 3),
            model=self.info.name,
        )
        return transcript, tuple(unsure)
