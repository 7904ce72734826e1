"""Who else is speaking: the stretches of the sound track in a voice other than the presenter's.

In: the clip's audio (16 kHz mono) and its transcript. Out: `voice` findings, one per stretch of
another voice, with the words heard in it (none when Whisper heard no words there: a voice that
is too quiet or talks over the presenter still counts).

How: Silero's voice-activity model (shipped with faster-whisper) finds where anyone speaks; the
speaker encoder (voice_encoder.py) turns each 1.6 s window of it, every 0.4 s, into a voice
print; prints are grouped by average-linkage clustering on their cosine distance; the voice
heard longest is the presenter's (or the one the reviewer says is theirs). Every 0.1 s of speech
takes the voice of the windows around it, and runs of another voice become findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from app.core.findings.hits import finding_id
from app.core.models import Category, Finding, Source, Word
from app.core.models import VoiceStretch as Stretch
from app.core.speech.voice_encoder import (
    SAMPLE_RATE,
    WINDOW_FRAMES,
    VoiceEncoder,
    louder,
    mel_frames,
)
from app.core.timecode import format_time

HOP_S = 0.4
WINDOW_S = WINDOW_FRAMES / 100
STEP_S = 0.1
# Two groups of windows whose prints are further apart than this (mean cosine distance) are two
# voices: within one voice it is mostly 0.1-0.3, between two people 0.4-0.6. Chosen with
# bench/voices.py: 0.30 splits JFK's one voice in three, 0.36 and above also merge the
# overlapping stereo pair; the real pairs come out the same from 0.32 to 0.36.
SPLIT_DISTANCE = 0.32
MIN_STRETCH_S = 0.8  # a shorter run of another voice is a cough, a laugh, a misread window
# Another voice heard for less than this in all is not reported: JFK's noisy recording alone
# gives 1.3 s of "another voice" (applause, echo); every real second voice measured was longer.
MIN_VOICE_S = 1.5
BRIDGE_S = 0.6  # a pause this short inside one voice's run does not split it


@dataclass(frozen=True)
class Voices:
    """Who spoke when, once it is settled whose voice is the presenter's: `stretches` in time
    order (another voice's short runs taken as the presenter's), `mine` the presenter's voices
    (more than one when the reviewer says the scan split their voice; none when they say no
    voice is theirs)."""

    stretches: tuple[Stretch, ...]
    mine: tuple[int, ...]

    def seconds(self, voice: int) -> float:
        return seconds_of(self.stretches, voice)

    @property
    def others(self) -> tuple[Stretch, ...]:
        return tuple(s for s in self.stretches if s.voice not in self.mine)


def seconds_of(stretches: Iterable[Stretch], voice: int) -> float:
    """How long `voice` speaks in all, over `stretches`."""
    return sum(s.end_s - s.start_s for s in stretches if s.voice == voice)


def speech_regions(samples: np.ndarray) -> list[tuple[float, float]]:
    """Where anyone speaks (Silero VAD, as faster-whisper runs it), in seconds."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=300, speech_pad_ms=100)
    return [(c["start"] / SAMPLE_RATE, c["end"] / SAMPLE_RATE)
            for c in get_speech_timestamps(samples, options)]


def window_starts(regions: list[tuple[float, float]], duration_s: float) -> list[float]:
    """Where the 1.6 s windows start: every 0.4 s across each region; one centred window for
    a region shorter than a window."""
    last = max(0.0, duration_s - WINDOW_S)
    starts: set[float] = set()
    for start, end in regions:
        if end - start <= WINDOW_S:
            starts.add(round(min(last, max(0.0, (start + end - WINDOW_S) / 2)), 2))
            continue
        t = start
        while t + WINDOW_S <= end + HOP_S / 2:
            starts.add(round(min(last, t), 2))
            t += HOP_S
    return sorted(starts)


def cluster(prints: np.ndarray, split: float = SPLIT_DISTANCE) -> np.ndarray:
    """A voice number per print (0, 1, ...), by average-linkage clustering of their cosine
    distances, cut at `split` (groups merge while their mean distance is at most `split`)."""
    if len(prints) < 2:
        return np.zeros(len(prints), dtype=int)
    unit = prints / np.maximum(np.linalg.norm(prints, axis=1, keepdims=True), 1e-12)
    distance = 1.0 - unit @ unit.T
    np.fill_diagonal(distance, np.inf)
    sizes = np.ones(len(prints))
    labels = np.arange(len(prints))
    while True:
        i, j = np.unravel_index(int(np.argmin(distance)), distance.shape)
        if not distance[i, j] <= split:
            break
        # Average linkage (Lance-Williams): the merged group's distance to every other group is
        # the size-weighted mean of its two parts' distances; j's row and column are retired.
        row = (sizes[i] * distance[i] + sizes[j] * distance[j]) / (sizes[i] + sizes[j])
        distance[i, :] = row
        distance[:, i] = row
        distance[i, i] = np.inf
        distance[j, :] = np.inf
        distance[:, j] = np.inf
        sizes[i] += sizes[j]
        labels[labels == j] = i
    numbered: np.ndarray = np.unique(labels, return_inverse=True)[1]
    return numbered


def stretches(regions: list[tuple[float, float]], starts: list[float], labels: np.ndarray
              ) -> list[Stretch]:
    """Every 0.1 s of speech takes the voice most of the windows over it have (the nearest
    window's voice on a tie); runs of one voice, short pauses bridged, become stretches."""
    if not starts:
        return []
    centres = np.array(starts) + WINDOW_S / 2
    steps: list[tuple[float, int]] = []
    for start, end in regions:
        for t in np.arange(start, end, STEP_S):
            near = np.abs(centres - (t + STEP_S / 2))
            over = np.flatnonzero(near <= WINDOW_S / 2)
            if len(over) == 0:
                over = np.array([int(np.argmin(near))])
            votes = np.bincount(labels[over])
            best = np.flatnonzero(votes == votes.max())
            voice = int(labels[over[np.argmin(near[over])]]) if len(best) > 1 else int(best[0])
            steps.append((float(t), voice))
    runs: list[list[float]] = []
    for t, voice in steps:
        if runs and runs[-1][2] == voice and t - runs[-1][1] <= BRIDGE_S:
            runs[-1][1] = t + STEP_S
        else:
            runs.append([t, t + STEP_S, voice])
    return [Stretch(round(a, 2), round(b, 2), int(v)) for a, b, v in runs]


def _absorb_short(found: list[Stretch], main: int | None, mine: tuple[int, ...]
                  ) -> list[Stretch]:
    """A run of another voice shorter than MIN_STRETCH_S is taken as the presenter's (`main`);
    with no voice the presenter's, runs stay as heard."""
    if main is None:
        return list(found)
    kept = [s if s.voice in mine or s.end_s - s.start_s >= MIN_STRETCH_S
            else Stretch(s.start_s, s.end_s, main) for s in found]
    merged: list[Stretch] = []
    for s in kept:
        if merged and merged[-1].voice == s.voice and s.start_s - merged[-1].end_s <= BRIDGE_S:
            merged[-1] = Stretch(merged[-1].start_s, max(merged[-1].end_s, s.end_s), s.voice)
        else:
            merged.append(s)
    return merged


def voices_and_prints(samples: np.ndarray, encoder: VoiceEncoder, split: float = SPLIT_DISTANCE,
                      regions: list[tuple[float, float]] | None = None
                      ) -> tuple[list[Stretch], dict[int, np.ndarray]]:
    """Who spoke when in `samples`, and each voice's mean voice print (unit length);
    `regions`: where to listen (by default wherever anyone speaks)."""
    duration = len(samples) / SAMPLE_RATE
    regions = speech_regions(samples) if regions is None else regions
    starts = window_starts(regions, duration)
    if not starts:
        return [], {}
    mels = mel_frames(louder(samples))
    prints = encoder.embed(mels, [int(round(s * 100)) for s in starts])
    labels = cluster(prints, split)
    means = {}
    for voice in set(labels.tolist()):
        mean = prints[labels == voice].mean(axis=0)
        means[int(voice)] = mean / max(float(np.linalg.norm(mean)), 1e-9)
    return stretches(regions, starts, labels), means


def numbered(found: Iterable[Stretch]) -> tuple[Stretch, ...]:
    """The stretches in time order with their voices numbered 0, 1, ... in the order first
    heard (so a second scan of the clip numbers them the same way, and the reviewer's choice of
    voice still holds)."""
    in_order = sorted(found, key=lambda s: (s.start_s, s.end_s))
    order: dict[int, int] = {}
    for s in in_order:
        order.setdefault(s.voice, len(order))
    return tuple(Stretch(s.start_s, s.end_s, order[s.voice]) for s in in_order)


def scan_guess(heard: Sequence[Stretch]) -> tuple[int, ...]:
    """The presenter's voice as the scan takes it: the one heard longest."""
    voices = {s.voice for s in heard}
    return (max(sorted(voices), key=lambda v: seconds_of(heard, v)),) if voices else ()


def settle(heard: Sequence[Stretch], mine: tuple[int, ...]) -> Voices:
    """Who spoke when, with `mine` the presenter's voices: another voice's runs shorter than
    MIN_STRETCH_S, and voices heard less than MIN_VOICE_S in all, are taken as the presenter's
    (with no voice the presenter's, such quiet voices are dropped)."""
    voices = {s.voice for s in heard}
    mine = tuple(sorted(v for v in set(mine) if v in voices))
    main = max(mine, key=lambda v: seconds_of(heard, v)) if mine else None
    found = _absorb_short(list(heard), main, mine)
    quiet = {v for v in voices if v not in mine and seconds_of(found, v) < MIN_VOICE_S}
    if main is None:
        found = [s for s in found if s.voice not in quiet]
    else:
        found = _absorb_short([Stretch(s.start_s, s.end_s, main) if s.voice in quiet else s
                               for s in found], main, mine)
    return Voices(tuple(found), mine)


def voice_findings(voices: Voices, words: tuple[Word, ...]) -> list[Finding]:
    """One `voice` finding per stretch of a voice that is not the presenter's."""
    others = sorted({s.voice for s in voices.others})
    first = 2 if voices.mine else 1  # with no voice the presenter's, the first is "a first"
    names = ("first", "second", "third", "fourth", "fifth", "sixth")
    ordinal = {v: names[i + first - 1] if i + first <= len(names) else f"{i + first}th"
               for i, v in enumerate(others)}
    findings = []
    for stretch in voices.others:
        heard = [w.text for w in words
                 if w.end_s > stretch.start_s and w.start_s < stretch.end_s]
        text = " ".join(heard)
        total = voices.seconds(stretch.voice)
        where = f"{format_time(stretch.start_s)}–{format_time(stretch.end_s)}"
        reason = (f"a {ordinal[stretch.voice]} voice, {total:.1f} s in total; here {where}, "
                  + (f"saying “{text}”" if text else "no words transcribed (too quiet or "
                     "over the presenter), but the voice can be heard"))
        masked = (f"a {ordinal[stretch.voice]} voice, {total:.1f} s in total; here {where}, "
                  + (f"{len(heard)} word(s) heard" if text else "no words transcribed"))
        findings.append(Finding(
            id=finding_id(Source.SPEECH, Category.VOICE, f"voice{stretch.voice}",
                          stretch.start_s),
            start_s=stretch.start_s, end_s=stretch.end_s, source=Source.SPEECH,
            category=Category.VOICE, text=text or f"(a {ordinal[stretch.voice]} voice)",
            confidence=0.8, reason=reason, masked_reason=masked,
            summary=f"Another person's voice (the {ordinal[stretch.voice]} voice heard)"))
    return findings
