"""A clip's sound as the speech stages hear it, decoded once per scan: 16 kHz, mixed to one
channel for the speech model and its two channels apart for the voices (a clip-on microphone
per person puts each on a channel of its own; speech/channels.py).

One pass over the file feeds two resamplers, so the arrays are, sample for sample, what
faster-whisper's `decode_audio` gives for each (mono, and `split_stereo=True`): the same
transcript, the same voices, one decode instead of two.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import av
import numpy as np

from app.core.offline import LOCAL_FILES_ONLY

RATE = 16_000
_GROUP = 500_000  # samples handed to the resamplers at a time (as faster-whisper does)


@dataclass(frozen=True)
class SpeechSound:
    """The sound at 16 kHz, float32 in [-1, 1]: mixed to one channel, and left and right
    (for a mono clip, the one channel twice, as FFmpeg spreads it)."""

    mixed: np.ndarray
    left: np.ndarray
    right: np.ndarray

    @property
    def seconds(self) -> float:
        return len(self.mixed) / RATE


def decode_speech_sound(path: str | Path) -> SpeechSound:
    """Decode the clip's first sound track once, into what the speech model and the voices take.

    Raises:
        av.error.FFmpegError: the sound cannot be decoded (the caller says so in a sentence).
    """
    mono = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    stereo = av.AudioResampler(format="s16", layout="stereo", rate=RATE)
    mixed: list[np.ndarray] = []
    both: list[np.ndarray] = []
    with av.open(str(Path(path).resolve()), options=LOCAL_FILES_ONLY,
                 metadata_errors="ignore") as container:
        for group in chain(_grouped(_valid(container.decode(audio=0))), [None]):
            # a resampler takes the frame it is given: the other one gets a copy
            mixed += [frame.to_ndarray().ravel() for frame in mono.resample(_copy(group))]
            both += [frame.to_ndarray().ravel() for frame in stereo.resample(group)]
    # no gc.collect() here (faster-whisper's decode_audio has one): this runs on the speech
    # thread, and a full collection there freed the window's Qt objects off the GUI thread
    del mono, stereo
    interleaved = _floats(both)
    return SpeechSound(_floats(mixed), interleaved[0::2], interleaved[1::2])


def _copy(frame: av.AudioFrame | None) -> av.AudioFrame | None:
    if frame is None:
        return None
    copy = av.AudioFrame.from_ndarray(frame.to_ndarray(), format=frame.format.name,
                                      layout=frame.layout.name)
    copy.sample_rate = frame.sample_rate
    return copy


def _floats(chunks: list[np.ndarray]) -> np.ndarray:
    if not chunks:
        return np.zeros(0, np.float32)
    return np.concatenate(chunks).astype(np.float32) / 32768.0


def _valid(frames: Iterator[av.AudioFrame]) -> Iterator[av.AudioFrame]:
    """The frames that decode; a damaged one is skipped (as faster-whisper does)."""
    while True:
        try:
            yield next(frames)
        except StopIteration:
            return
        except av.error.InvalidDataError:
            continue


def _grouped(frames: Iterator[av.AudioFrame]) -> Iterator[av.AudioFrame]:
    """The frames joined into pieces of `_GROUP` samples, their times dropped."""
    fifo = av.AudioFifo()
    for frame in frames:
        frame.pts = None
        fifo.write(frame)
        if fifo.samples >= _GROUP:
            yield from _read(fifo)
    if fifo.samples > 0:
        yield from _read(fifo)


def _read(fifo: av.AudioFifo) -> Iterator[av.AudioFrame]:
    frame = fifo.read()
    if frame is not None:
        yield frame
