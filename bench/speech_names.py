"""Names caught in real speech, and what the picture adds: `bench.accuracy`'s speech table.

Run: `.venv/bin/python -m bench.speech_names` (reads ../shared/realdata/speech; makes espeak-ng
sentences; a minute or two on 2 cores).

- **Real recordings** (../shared/realdata/speech): the person names said (Azure's two speakers
  greeting "Steve" and "Katie", the LibriVox chapter's "Dashwood"s); a name is caught when a
  spoken `name` finding holds it (transcribed, then detected, as a scan does).
- **Names on screen** (espeak-ng, two voices): a name shown on screen and said once in a
  sentence (`SAID`), and shown but never said (`NOT_SAID`). Caught without the picture: as
  above; with it: adding what listen_again.py hears when the unsure stretches that sound like
  the on-screen name are transcribed again with it as a hint. False: a `name` finding holding the
  on-screen name where it was never said.
"""

from __future__ import annotations

import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata" / "speech"

# (sentence, the name on screen, espeak voice); the name's surname or first name is said once
SAID = (
    ("Then Siobhan came in to help.", "Siobhan Kelly", "en-gb"),
    ("Kwame Mensah came back from theatre.", "Kwame Mensah", "en-gb"),
    ("Mr Okonkwo is doing well today.", "Chidi Okonkwo", "en-gb"),
    ("We spoke with Nakamura about the plan.", "Yuki Nakamura", "en-gb"),
    ("Aoife said the pain was better.", "Aoife Byrne", "en-us"),
    ("I looked after Mrs Przybylo this morning.", "Teresa Przybylo", "en-gb"),
    ("Niamh went home on Tuesday.", "Niamh Doherty", "en-us"),
    ("Adeyemi was sitting up in the chair.", "Ngozi Adeyemi", "en-gb"),
)
NOT_SAID = (
    ("The dressing was changed at noon.", "Siobhan Kelly", "en-gb"),
    ("She came back from theatre an hour ago.", "Kwame Mensah", "en-gb"),
    ("He is doing well today.", "Chidi Okonkwo", "en-us"),
    ("We spoke about the plan for tomorrow.", "Yuki Nakamura", "en-gb"),
    ("The pain was better after lunch.", "Aoife Byrne", "en-us"),
    ("I looked after her this morning.", "Teresa Przybylo", "en-gb"),
    ("She went home on Tuesday.", "Niamh Doherty", "en-us"),
    ("Sitting up in the chair now.", "Ngozi Adeyemi", "en-gb"),
)


def _transcribe(transcriber, path: Path):
    scan = transcriber.transcribe(path, 0.0)
    try:
        while True:
            next(scan)
    except StopIteration as stop:
        return stop.value[0]


def _names_flagged(words, engines) -> list[str]:
    from app.core.models import Category
    from app.core.speech.heard_so_far import spoken_findings
    from app.core.word_lists import WordLists

    found = spoken_findings(words, engines.detector, WordLists((), ()))
    return [f.text.lower() for f in found if f.category is Category.NAME]


def real_names(engines) -> tuple[int, int]:
    """(names said, names caught) on the real recordings."""
    cases = [(REALDATA / "azure_katiesteve.wav", ["steve", "katie"])]
    for text_file in sorted((REALDATA / "ps_librivox").glob("*.txt")):
        count = text_file.read_text().lower().count("dashwood")
        if count:
            cases.append((text_file.with_suffix(".wav"), ["dashwood"] * count))
    said = caught = 0
    for path, names in cases:
        flagged = " | ".join(_names_flagged(_transcribe(engines.transcriber, path).words,
                                            engines))
        said += len(names)
        for name in set(names):
            caught += min(names.count(name), flagged.count(name))
    return said, caught


def _wav(folder: Path, index: int, sentence: str, voice: str) -> Path:
    from bench.clips import speak

    path = folder / f"name_{index}.wav"
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16000)
        handle.writeframes(speak(sentence, voice).tobytes())
    return path


def screen_names(engines, folder: Path) -> dict[str, int]:
    """Names on screen said once: caught without and with the picture; false where not said."""
    from faster_whisper import decode_audio

    from app.core.speech.listen_again import heard_again

    counts = {"said": len(SAID), "alone": 0, "with_picture": 0, "not_said": len(NOT_SAID),
              "false_alone": 0, "false_with_picture": 0}
    for index, (sentence, name, voice) in enumerate(SAID + NOT_SAID):
        path = _wav(folder, index, sentence, voice)
        words = _transcribe(engines.transcriber, path).words
        alone = _names_flagged(words, engines)
        audio = decode_audio(str(path), sampling_rate=16000)
        again = [f.text.lower() for f in heard_again(engines.transcriber, audio, words, (name,))]
        parts = [p.lower() for p in name.split()]
        hit_alone = any(p in text for text in alone for p in parts)
        hit_after = hit_alone or any(p in text for text in again for p in parts)
        key = "" if index < len(SAID) else "false_"
        counts[f"{key}alone"] += hit_alone
        counts[f"{key}with_picture"] += hit_after
    return counts


def print_table(engines) -> None:
    from app.core.detect import TextDetector
    from bench.ward_phrases import measure

    said, caught = real_names(engines)
    with tempfile.TemporaryDirectory() as tmp:
        c = screen_names(engines, Path(tmp))
    ward = measure(engines.detector if engines.detector is not None else TextDetector())
    print("| speech | items | caught | share |")
    print("|---|---:|---:|---:|")
    print(f"| names in real recordings (Azure, LibriVox) | {said} | {caught} | "
          f"{caught / max(said, 1):.2f} |")
    print(f"| name on screen, said once: speech alone | {c['said']} | {c['alone']} | "
          f"{c['alone'] / c['said']:.2f} |")
    print(f"| name on screen, said once: with the picture's names as hints | {c['said']} | "
          f"{c['with_picture']} | {c['with_picture'] / c['said']:.2f} |")
    print(f"| name on screen, never said: flagged as said (false), alone / with hints | "
          f"{c['not_said']} | {c['false_alone']} / {c['false_with_picture']} | "
          f"{c['false_alone'] / c['not_said']:.2f} / "
          f"{c['false_with_picture'] / c['not_said']:.2f} |")
    print(f"| ward context, phrase set (bench.ward_phrases) | {ward['placed']} | "
          f"{round(ward['recall'] * ward['placed'])} | {ward['recall']:.2f} |")
    print(f"| everyday look-alikes flagged as ward context (false) | {ward['not_placed']} | "
          f"{round(ward['false_rate'] * ward['not_placed'])} | {ward['false_rate']:.2f} |")


def main() -> int:
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines

    if not REALDATA.is_dir():
        print(f"The real speech is not at {REALDATA}.", file=sys.stderr)
        return 2
    print_table(Engines.load(ScanOptions(faces=False, codes=False, voices=False)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
