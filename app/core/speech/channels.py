"""Two microphones: when a clip's two sound channels carry different sound (an interview filmed
with a clip-on microphone on each person, one per channel), each channel is listened to on its
own, so two people talking at once are both heard; mixed, they come out as one voice.

A phone's own stereo microphones hear the same room: their channels rise and fall together
(correlation near 1) and are listened to mixed, as before.

Each microphone also hears the other person faintly. A channel is listened to only where it is
about as loud as the other one or louder (its own wearer speaking, alone or over the other):
the faint copy of the other person is not taken for a third voice. A voice still heard on both
channels (one person close to both microphones) is one voice: the voices of the second channel
whose mean voice print is within the split distance of one on the first take its number.
"""

from __future__ import annotations

import numpy as np

from app.core.models import VoiceStretch as Stretch
from app.core.speech.voice_encoder import VoiceEncoder
from app.core.speech.voices import (
    BRIDGE_S,
    SPLIT_DISTANCE,
    numbered,
    speech_regions,
    voices_and_prints,
)

# Below this correlation the channels are two microphones: measured 1.00 on the phone-recorded
# realdata clip (mono stored as stereo), -0.01 on the one-speaker-per-channel file. The best
# correlation over lags up to 1 ms is taken: a phone's two microphones are a few centimetres
# apart, so one hears the room a fraction of a millisecond after the other.
DISTINCT_CORRELATION = 0.5
MAX_LAG = 16  # samples at 16 kHz: 1 ms
MEASURED_S = 60  # the first minute tells
# A channel is listened to where it is no more than this much quieter than the other. On the
# one-speaker-per-channel file the two are up to 12 dB apart while both talk (6 dB lost a third
# of the quieter one's time in bench.voices); the faint copy of the other person on a clip-on
# microphone is further down (the tests plant it 26 dB down)
OWN_DB = 12.0
FRAME = 160  # 10 ms
MIN_OWNED_S = 0.3


def distinct(left: np.ndarray, right: np.ndarray) -> bool:
    """Whether the two channels carry different sound (a silent channel does not count)."""
    n = min(len(left), len(right), MEASURED_S * 16_000)
    if n <= 2 * MAX_LAG:
        return False
    a, b = left[:n].astype(np.float64), right[:n].astype(np.float64)
    a, b = a - a.mean(), b - b.mean()
    if min(np.dot(a, a), np.dot(b, b)) < 1e-7 * n:  # a channel (or both) silent
        return False
    middle = a[MAX_LAG:n - MAX_LAG]
    best = 0.0
    for lag in range(-MAX_LAG, MAX_LAG + 1):
        other = b[MAX_LAG + lag:n - MAX_LAG + lag]
        power = float(np.sqrt(np.dot(middle, middle) * np.dot(other, other)))
        best = max(best, float(np.dot(middle, other)) / max(power, 1e-12))
    return best < DISTINCT_CORRELATION


def heard_in(channels: tuple[np.ndarray, np.ndarray], encoder: VoiceEncoder,
             split: float = SPLIT_DISTANCE) -> tuple[Stretch, ...]:
    """Who spoke when in a clip's sound (`channels`: left and right, 16 kHz; the same array
    twice for mono), as heard: each channel on its own when they differ, else mixed."""
    left, right = channels
    if not distinct(left, right):
        return numbered(voices_and_prints((left + right) / 2, encoder, split)[0])
    first, first_prints = voices_and_prints(left, encoder, split, _owned(left, right))
    second, second_prints = voices_and_prints(right, encoder, split, _owned(right, left))
    offset = max(first_prints, default=-1) + 1
    same: dict[int, int] = {}
    for voice, mean in second_prints.items():
        near = min(first_prints, default=None,
                   key=lambda v: 1 - float(np.dot(first_prints[v], mean)))
        close = near is not None and 1 - float(np.dot(first_prints[near], mean)) < split
        same[voice] = near if near is not None and close else voice + offset
    both = first + [Stretch(s.start_s, s.end_s, same[s.voice]) for s in second]
    return numbered(_joined(both))


def _owned(channel: np.ndarray, other: np.ndarray) -> list[tuple[float, float]]:
    """Where someone speaks on `channel` and it is about as loud as `other` or louder."""
    n = min(len(channel), len(other)) // FRAME
    if n == 0:
        return []

    def level(x: np.ndarray) -> np.ndarray:
        power = (x[:n * FRAME].astype(np.float64) ** 2).reshape(n, FRAME).mean(axis=1)
        smooth = np.convolve(power, np.ones(10) / 10, mode="same")  # over 100 ms
        return 10 * np.log10(smooth + 1e-10)

    own = level(channel) >= level(other) - OWN_DB
    out = []
    for start, end in speech_regions(channel):
        a, b = int(start * 100), min(n, int(np.ceil(end * 100)))
        t = a
        while t < b:
            if not own[t]:
                t += 1
                continue
            u = t
            while u < b and own[u]:
                u += 1
            if (u - t) / 100 >= MIN_OWNED_S:
                out.append((t / 100, u / 100))
            t = u
    return out


def _joined(found: list[Stretch]) -> list[Stretch]:
    """One voice's stretches from both channels, overlapping or a short pause apart, joined."""
    out: list[Stretch] = []
    for voice in {s.voice for s in found}:
        runs = sorted((s for s in found if s.voice == voice), key=lambda s: s.start_s)
        merged = [runs[0]]
        for s in runs[1:]:
            if s.start_s - merged[-1].end_s <= BRIDGE_S:
                merged[-1] = Stretch(merged[-1].start_s, max(merged[-1].end_s, s.end_s), voice)
            else:
                merged.append(s)
        out += merged
    return out
