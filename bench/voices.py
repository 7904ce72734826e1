"""How well the scan tells the presenter's voice from anyone else's (speech/voices.py).

Run: `.venv/bin/python -m bench.voices` (reads ../shared/realdata/speech; makes espeak-ng
conversations itself; about a minute).

Sets, each with its truth of who speaks when:
- espeak pairs: two espeak-ng voices taking turns (the presenter says more), as the generated
  clips do: en-gb with en-us (the same synthesiser, two accents), en-gb with en-us+f3 (a
  woman's pitch), and en-gb with en-gb-scotland.
- real pairs: recordings of real people, joined end to end with a pause between: JFK's speech
  (fw_jfk.flac) with the LibriVox reader (ps_librivox), with the vosk digit reader, and the
  LibriVox reader with the pocketsphinx cards speaker.
- fw_stereo_diarization.wav: one speaker per channel, talking at once; the truth is where each
  channel has speech. The scan hears the two channels apart (speech/channels.py); the mix is
  measured beside it, as a clip whose channels were mixed down would be heard.
- azure_katiesteve.wav: two people greeting each other by name; no timed truth, so it reports
  how many voices were found and which voice says each of the two greetings.

Measures, per clip and in all, on 10 ms frames of speech in the truth:
- voice error rate (DER without overlap): speech missed + silence called speech + speech given
  to the wrong voice (after the best one-to-one mapping of found voices to true ones), over the
  truth's speech time;
- other-voice recall: of the time someone other than the presenter speaks, the share inside a
  `voice` finding; presenter flagged: of the time the presenter speaks alone, the share wrongly
  inside one (both count each speaker's time on its own where two talk at once).
The other option measured beside the encoder is MFCC statistics (mean and spread of 20 MFCCs per
window, no model), clustered the same way: the offline baseline that needs nothing downloaded.
pyannote and SpeechBrain need their weights fetched from Hugging Face, so they are not options.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from app.core.speech import voices as voices_module
from app.core.speech.channels import heard_in
from app.core.speech.voice_encoder import SAMPLE_RATE, VoiceEncoder
from bench.clips import speak

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "speech"
PAUSE_S = 0.6
ESPEAK_LINES = (
    "Good morning everyone, today I want to talk about night shifts.",
    "Thank you doctor, that was really helpful.",
    "The first thing to remember is to drink water every hour.",
    "And to eat something proper before you start.",
    "Sleep is the hardest part, so block out the light at home.",
    "My husband always says the same thing to me.",
    "Finally, look after each other on the ward.",
)


def decode(path: Path, channel: int | None = None) -> np.ndarray:
    from faster_whisper import decode_audio

    if channel is None:
        return decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    return decode_audio(str(path), sampling_rate=SAMPLE_RATE, split_stereo=True)[channel]


def join(pieces: list[tuple[np.ndarray, int]]) -> tuple[np.ndarray, list[tuple[float, float, int]]]:
    """Pieces of (samples, speaker) end to end with pauses; the truth of who speaks when (where
    the voice-activity model hears speech in each piece on its own)."""
    out, truth, t = [], [], 0.0
    gap = np.zeros(int(PAUSE_S * SAMPLE_RATE), np.float32)
    for samples, speaker in pieces:
        truth += [(t + a, t + b, speaker) for a, b in voices_module.speech_regions(samples)]
        out += [samples, gap]
        t += (len(samples) + len(gap)) / SAMPLE_RATE
    return np.concatenate(out).astype(np.float32), truth


def espeak_pair(second: str) -> tuple[np.ndarray, list]:
    pieces = [(speak(line, "en-gb" if i % 2 == 0 else second).astype(np.float32) / 32768,
               i % 2) for i, line in enumerate(ESPEAK_LINES)]
    return join(pieces)


def real_pairs() -> dict[str, tuple[np.ndarray, list]]:
    jfk = decode(REALDATA / "fw_jfk.flac")
    libri = [decode(p) for p in sorted((REALDATA / "ps_librivox").glob("*.wav"))]
    vosk = decode(REALDATA / "vosk_test.wav")
    cards = [decode(p) for p in sorted((REALDATA / "ps_cards").glob("*.wav"))]
    return {
        "JFK + LibriVox reader": join([(jfk, 0), (libri[0], 1), (libri[1], 1)]),
        "LibriVox reader + vosk": join([(libri[2], 0), (vosk, 1), (libri[3], 0), (libri[4], 0)]),
        "LibriVox reader + cards": join([(libri[0], 0), (cards[0], 1), (libri[1], 0),
                                         (cards[1], 1), (libri[2], 0)]),
    }


def one_voice() -> dict[str, tuple[np.ndarray, list]]:
    """Recordings of one person only: any `voice` finding on them is a false flag."""
    video = REALDATA.parent / "video" / "autoeditor_example.mp4"
    libri = sorted((REALDATA / "ps_librivox").glob("*.wav"))
    clips = {"one voice: JFK": [decode(REALDATA / "fw_jfk.flac")],
             "one voice: auto-editor example (42 s)": [decode(video)],
             "one voice: LibriVox reader, 5 pieces": [decode(p) for p in libri],
             "one voice: espeak en-gb": [speak(line).astype(np.float32) / 32768
                                         for line in ESPEAK_LINES]}
    return {name: join([(p, 0) for p in pieces]) for name, pieces in clips.items()}


def stereo() -> dict[str, tuple[tuple[np.ndarray, np.ndarray], list]]:
    path = REALDATA / "fw_stereo_diarization.wav"
    left, right = decode(path, 0), decode(path, 1)
    truth = []
    for speaker, channel in enumerate((left, right)):
        for a, b in voices_module.speech_regions(channel):
            truth.append((a, b, speaker))
    mixed = decode(path)
    return {"fw_stereo_diarization, two channels": ((left, right), sorted(truth)),
            "fw_stereo_diarization, mixed down": ((mixed, mixed), sorted(truth))}


def mono(sets: dict) -> dict:
    """Mono sets as the scan hears a mono clip: the same sound on both channels."""
    return {name: ((samples, samples), truth) for name, (samples, truth) in sets.items()}


def frames(spans, length: int) -> np.ndarray:
    """Who speaks in each 10 ms frame: -1 nobody."""
    out = np.full(length, -1)
    for a, b, who in spans:
        out[int(a * 100):int(b * 100)] = who
    return out


def score(truth, found, duration_s: float) -> dict[str, float]:
    """`found`: a Voices; its presenter is the scan's own choice (the voice heard longest)."""
    from scipy.optimize import linear_sum_assignment

    n = int(duration_s * 100) + 1
    t = frames(truth, n)
    speaking = {who: frames([(a, b, 1) for a, b, w in truth if w == who], n) > 0
                for who in {w for _, _, w in truth}}
    f = frames([(s.start_s, s.end_s, s.voice) for s in found.stretches], n)
    speech = t >= 0
    true_ids, found_ids = sorted(set(t[speech])), sorted(set(f[f >= 0]))
    overlap = np.array([[np.sum((t == a) & (f == b)) for b in found_ids] for a in true_ids])
    rows, cols = linear_sum_assignment(-overlap) if overlap.size else ([], [])
    mapped = {found_ids[c]: true_ids[r] for r, c in zip(rows, cols, strict=True)}
    named = np.array([mapped.get(v, -2) if v >= 0 else -1 for v in f])
    missed = np.sum(speech & (f < 0))
    false_alarm = np.sum(~speech & (f >= 0))
    confused = np.sum(speech & (f >= 0) & (named != t))
    presenter = max(speaking, key=lambda a: np.sum(speaking[a]))
    flagged = frames([(s.start_s, s.end_s, 1) for s in found.others], n) > 0
    other = np.any([speaking[w] for w in speaking if w != presenter] or [np.zeros(n, bool)],
                   axis=0)
    alone = speaking[presenter] & ~other
    return {
        "speech_s": speech.sum() / 100,
        "error": (missed + false_alarm + confused) / max(1, speech.sum()),
        "recall": np.sum(other & flagged) / max(1, other.sum()),
        "presenter_flagged": np.sum(alone & flagged) / max(1, alone.sum()),
        "voices": len(found_ids),
        "others": int(other.sum()),
    }


class MfccPrints:
    """The baseline: 20 MFCCs' mean and spread per window, as a unit vector."""

    def embed(self, mels: np.ndarray, starts: list[int]) -> np.ndarray:
        from scipy.fft import dct

        logs = np.log(mels + 1e-6)
        ceps = dct(logs, type=2, axis=1, norm="ortho")[:, 1:21]
        rows = []
        for s in starts:
            piece = ceps[s:s + 160]
            rows.append(np.concatenate([piece.mean(0), piece.std(0)]))
        rows = np.array(rows)
        rows -= rows.mean(0)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True).clip(1e-9)


def settled(heard) -> voices_module.Voices:
    """As the scan settles them: the voice heard longest taken as the presenter's."""
    return voices_module.settle(heard, voices_module.scan_guess(heard))


def main() -> int:
    encoder = VoiceEncoder()
    sets = mono({f"espeak en-gb + {v}": espeak_pair(v)
                 for v in ("en-us", "en-us+f3", "en-gb-scotland")})
    if REALDATA.is_dir():
        sets.update(mono(real_pairs()))
        sets.update(stereo())
        sets.update(mono(one_voice()))
    else:
        print(f"note: {REALDATA} is absent; only espeak pairs are measured", file=sys.stderr)
    print("| clip | speech s | method | voices found | voice error rate | other-voice recall "
          "| presenter flagged |")
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list] = {}
    for name, (channels, truth) in sets.items():
        for method, prints, split in (("encoder", encoder, voices_module.SPLIT_DISTANCE),
                                      ("MFCC", MfccPrints(), 0.6)):
            found = settled(heard_in(channels, prints, split))
            s = score(truth, found, len(channels[0]) / SAMPLE_RATE)
            totals.setdefault(method, []).append(s)
            recall = f"{s['recall']:.0%}" if s["others"] else "–"
            print(f"| {name} | {s['speech_s']:.1f} | {method} | {s['voices']} | "
                  f"{s['error']:.1%} | {recall} | {s['presenter_flagged']:.0%} |")
    for method, rows in totals.items():
        weight = np.array([r["speech_s"] for r in rows])
        mean = {k: float(np.average([r[k] for r in rows], weights=weight))
                for k in ("error", "presenter_flagged")}
        pairs = [r for r in rows if r["others"]]
        mean["recall"] = float(np.average([r["recall"] for r in pairs],
                                          weights=[r["others"] for r in pairs]))
        print(f"| **all ({method})** | {weight.sum():.1f} | {method} | | {mean['error']:.1%} "
              f"| {mean['recall']:.0%} | {mean['presenter_flagged']:.0%} |")
    if REALDATA.is_dir():
        katie_steve(encoder)
    return 0


def katie_steve(encoder: VoiceEncoder) -> None:
    samples = decode(REALDATA / "azure_katiesteve.wav")
    found = settled(heard_in((samples, samples), encoder))
    voices = sorted({s.voice for s in found.stretches})
    print(f"\nazure_katiesteve.wav: {len(voices)} voice(s); presenter {found.mine}; "
          + ", ".join(f"{s.start_s:.1f}-{s.end_s:.1f} s voice {s.voice}"
                      for s in found.stretches))


if __name__ == "__main__":
    sys.exit(main())
