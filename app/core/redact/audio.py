"""The sound track of a redacted copy: the original, with each spoken finding silenced or
bleeped over its words' times, widened to the pauses around them.

Whisper's word times can be a tenth of a second or more off, and a word's first or last sound
left in is enough to guess it. So each hidden stretch that begins or ends while someone is
speaking is widened to where that speech began or ended (Silero VAD, as faster-whisper runs it,
with short pauses counted), when that is at most VOICE_REACH_S away; further than that, the
stretch keeps its own margin (plan.SPEECH_MARGIN_S). A bleep replaces the sound; it is not
laid over it.

The track is decoded from its first sample, as the speech model heard it (faster-whisper decodes
with PyAV from the start too), so a word's time is a sample index here. Each hidden stretch
fades in and out over 10 ms, so the cut itself makes no click; the rest is left sample for
sample as decoded (the AAC encoder then compresses it again).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from app.core.offline import LOCAL_FILES_ONLY
from app.core.redact.plan import BLEEP

FADE_S = 0.01
VOICE_REACH_S = 0.6  # how far a hidden stretch may be widened to the pause before or after it
VAD_RATE = 16_000
BLEEP_HZ = 1000.0
BLEEP_LEVEL = 0.25


@dataclass
class Sound:
    """Decoded samples, planar float (channels × samples), with their rate and layout."""

    samples: np.ndarray
    rate: int
    layout: str


def read_sound(path: str | Path) -> Sound | None:
    """The clip's first sound track, or None if it has none."""
    with av.open(str(Path(path).resolve()), options=LOCAL_FILES_ONLY) as container:
        if not container.streams.audio:
            return None
        stream = container.streams.audio[0]
        layout = stream.layout.name if stream.layout.nb_channels <= 2 else "stereo"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=stream.rate)
        chunks = []
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray())
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray())
    channels = 1 if layout == "mono" else 2
    samples = np.concatenate(chunks, axis=1) if chunks else np.zeros((channels, 0), np.float32)
    return Sound(samples.astype(np.float32), stream.rate, layout)


def resampled(mono: np.ndarray, rate: int, to: int) -> np.ndarray:
    """`mono` (float samples at `rate`) at `to` samples a second, by FFmpeg's resampler (the one
    faster-whisper's own decoding uses), so no signal library is needed beside PyAV."""
    if rate == to:
        return mono.astype(np.float32)
    frame = av.AudioFrame.from_ndarray(mono.reshape(1, -1).astype(np.float32), format="fltp",
                                       layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="fltp", layout="mono", rate=to)
    outs = resampler.resample(frame) + resampler.resample(None)
    if not outs:
        return np.zeros(0, np.float32)
    return np.concatenate([out.to_ndarray()[0] for out in outs]).astype(np.float32)


def voice_regions(sound: Sound) -> list[tuple[float, float]]:
    """Where someone speaks, in seconds: Silero VAD on the track mixed down to 16 kHz mono,
    with pauses from 80 ms counted (between words, not only between sentences)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    mono = sound.samples.mean(axis=0)
    if mono.size == 0:
        return []
    mono = resampled(mono, sound.rate, VAD_RATE)
    options = VadOptions(min_silence_duration_ms=80, speech_pad_ms=30)
    return [(c["start"] / VAD_RATE, c["end"] / VAD_RATE)
            for c in get_speech_timestamps(mono, options)]


def to_pauses(spans: list[tuple[float, float, str]], regions: list[tuple[float, float]]
              ) -> list[tuple[float, float, str]]:
    """Each (start, end, action) stretch widened: a start inside someone's speech back to
    where that speech began, an end inside it on to where it ended (each when at most
    VOICE_REACH_S away)."""
    out = []
    for start, end, action in spans:
        for a, b in regions:
            if a < start < b and start - a <= VOICE_REACH_S:
                start = a
            if a < end < b and b - end <= VOICE_REACH_S:
                end = b
        out.append((start, end, action))
    return out


def hush(sound: Sound, spans: list[tuple[float, float, str]]) -> None:
    """Silence or bleep each (start, end, action) stretch in place."""
    rate, total = sound.rate, sound.samples.shape[1]
    fade = max(1, int(FADE_S * rate))
    for start_s, end_s, action in spans:
        a, b = max(0, int(start_s * rate)), min(total, int(np.ceil(end_s * rate)))
        if b <= a:
            continue
        n = b - a
        # gain: 1 outside, 0 inside, with a short ramp either side (inside the stretch)
        gain = np.zeros(n, np.float32)
        ramp = min(fade, n // 2)
        if ramp:
            gain[:ramp] = np.linspace(1, 0, ramp, dtype=np.float32)
            gain[n - ramp:] = np.linspace(0, 1, ramp, dtype=np.float32)
        sound.samples[:, a:b] *= gain
        if action == BLEEP:
            t = np.arange(a, b, dtype=np.float32) / rate
            tone = BLEEP_LEVEL * np.sin(2 * np.pi * BLEEP_HZ * t) * (1 - gain)
            sound.samples[:, a:b] += tone.astype(np.float32)


def frames_of(sound: Sound, size: int = 1024) -> Iterator[tuple[float, av.AudioFrame]]:
    """The samples as PyAV frames of `size` samples, with their times, for an encoder."""
    total = sound.samples.shape[1]
    for start in range(0, total, size):
        chunk = np.ascontiguousarray(sound.samples[:, start:start + size])
        frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout=sound.layout)
        frame.sample_rate = sound.rate
        frame.pts = start
        yield start / sound.rate, frame
