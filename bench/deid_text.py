"""How much of the identifying text do the detectors find? Measured on real labelled text.

Run: `.venv/bin/python -m bench.deid_text` (reads ../shared/realdata/text). Prints Markdown
tables; docs/measurements.md quotes them.

Two sets:
- PhysioNet deid gold standard: 1,450 real nursing notes with their PHI spans labelled (real PHI
  replaced by realistic surrogates). Recall per PHI type: a labelled span is caught when a
  detected span overlaps it. Precision: of the detected identifier spans (not ward context, not
  details such as a diagnosis, which are no flag alone), the share that overlap a labelled span
  (of any type). Notes are fed a line at a time, as screen lines and transcript sentences
  reach the detector in the app.
- Presidio research synthetic set: 1,500 general-PII sentences, recall per entity type.

The deid label "DateYear" (a year alone) and "Age" under 90 are not Safe Harbor identifiers in
our reading of PRODUCT.md and are reported but not counted in the precision's favour.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.core.detect.text_detector import TextDetector
from app.core.models import CONTEXT_CATEGORIES, TextSpan

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT.parent / "shared" / "realdata" / "text"
DEID = TEXT / "physionet_deid"
SYNTH = TEXT / "presidio_research" / "synth_dataset_v2.json"

# deid types the target (issue 3) is about, and the others reported for information
TARGET_TYPES = ("PTName", "RelativeProxyName", "Date", "Phone", "Location")
OTHER_TYPES = ("HCPName", "PTNameInitial", "DateYear", "Age", "Other")
# Presidio synth types we claim to find (others, e.g. TITLE, ORGANIZATION, NRP, are not identifiers
# of a patient in a clinician's video, or not ones we look for)
SYNTH_TYPES = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_TIME", "STREET_ADDRESS", "GPE",
               "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "AGE")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    kind: str
    text: str


@dataclass
class Note:
    key: tuple[str, str]
    body: str
    gold: list[Gold]


def load_deid() -> list[Note]:
    raw = (DEID / "id.text").read_text(encoding="utf-8", errors="replace")
    notes: dict[tuple[str, str], Note] = {}
    pattern = re.compile(r"START_OF_RECORD=(\d+)\|\|\|\|(\d+)\|\|\|\|\n(.*?)\|\|\|\|END_OF_RECORD",
                         re.DOTALL)
    for match in pattern.finditer(raw):
        key = (match.group(1), match.group(2))
        notes[key] = Note(key, match.group(3), [])
    for line in (DEID / "id-phi.phrase").read_text(encoding="utf-8").splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) < 6:
            continue
        patient, note, start, end, kind, phrase = parts
        if (patient, note) in notes:
            notes[(patient, note)].gold.append(Gold(int(start), int(end), kind, phrase))
    return list(notes.values())


def detect_by_line(detector: TextDetector, body: str) -> list[TextSpan]:
    """Spans over the whole body, found a line (or a sentence-sized chunk) at a time."""
    spans: list[TextSpan] = []
    offset = 0
    for line in body.split("\n"):
        for chunk_start, chunk in _chunks(line):
            for span in detector.detect(chunk):
                shift = offset + chunk_start
                spans.append(TextSpan(span.start + shift, span.end + shift, span.category,
                                      span.confidence, span.rule, span.text, span.from_ner))
        offset += len(line) + 1
    return spans


def _chunks(line: str, size: int = 400):
    """Long lines cut at sentence ends near `size` characters, as a transcript segment is."""
    start = 0
    while len(line) - start > size:
        cut = max(line.rfind(". ", start, start + size), line.rfind("; ", start, start + size))
        cut = cut + 2 if cut > start else start + size
        yield start, line[start:cut]
        start = cut
    yield start, line[start:]


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def deid_table(detector: TextDetector, notes: list[Note]) -> tuple[str, list[str]]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[str] = []
    detected = true_detected = 0
    context_spans: Counter[str] = Counter()
    false_by_category: Counter[str] = Counter()
    detected_by_category: Counter[str] = Counter()
    false_examples: list[str] = []
    for note in notes:
        spans = detect_by_line(detector, note.body)
        for gold in note.gold:
            total[gold.kind] += 1
            if any(overlaps(s.start, s.end, gold.start, gold.end) for s in spans):
                found[gold.kind] += 1
            elif gold.kind in TARGET_TYPES:
                context = note.body[max(0, gold.start - 30): gold.end + 30].replace("\n", " ")
                missed.append(f"{gold.kind:18} {gold.text!r:20} … {context}")
        for span in spans:
            if span.category in CONTEXT_CATEGORIES:
                context_spans[span.category.value] += 1  # no identifier: neither right nor wrong
                continue
            detected += 1
            detected_by_category[span.category.value] += 1
            if any(overlaps(span.start, span.end, g.start, g.end) for g in note.gold):
                true_detected += 1
            else:
                false_by_category[span.category.value] += 1
                false_examples.append(f"{span.category.value:10} {span.text!r} ({span.rule})")
    rows = ["| PHI type (deid) | labelled | found | recall |", "|---|---:|---:|---:|"]
    for kind in TARGET_TYPES + OTHER_TYPES:
        if total[kind]:
            mark = "" if kind in TARGET_TYPES else " (not a target)"
            rows.append(f"| {kind}{mark} | {total[kind]} | {found[kind]} | "
                        f"{found[kind] / total[kind]:.2f} |")
    precision = true_detected / detected if detected else 0.0
    rows.append("")
    rows.append(f"Precision: {true_detected} of {detected} detected spans overlap a labelled "
                f"span = **{precision:.2f}**. Unlabelled detections by category: "
                + ", ".join(f"{k} {v}" for k, v in false_by_category.most_common()) + ". "
                "Context spans (ward context and details: no identifier alone, not counted): "
                + ", ".join(f"{k} {v}" for k, v in sorted(context_spans.items())) + ".")
    rows += ["", "| detected category | spans | overlap a labelled span | precision |",
             "|---|---:|---:|---:|"]
    for category, count in detected_by_category.most_common():
        right = count - false_by_category[category]
        rows.append(f"| {category} | {count} | {right} | {right / count:.2f} |")
    return "\n".join(rows), missed + ["--- detected, not labelled:"] + false_examples


def synth_table(detector: TextDetector) -> str:
    items = json.loads(SYNTH.read_text(encoding="utf-8"))
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item in items:
        text = item["full_text"]
        spans = detector.detect(text)
        for gold in item["spans"]:
            kind = gold["entity_type"]
            total[kind] += 1
            if any(overlaps(s.start, s.end, gold["start_position"], gold["end_position"])
                   for s in spans):
                found[kind] += 1
    rows = ["| entity type (Presidio synthetic) | labelled | found | recall |",
            "|---|---:|---:|---:|"]
    for kind in SYNTH_TYPES:
        if total[kind]:
            rows.append(f"| {kind} | {total[kind]} | {found[kind]} | "
                        f"{found[kind] / total[kind]:.2f} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    if not DEID.is_dir() or not SYNTH.is_file():
        print(f"The labelled text is not at {TEXT} (../shared/realdata/text beside the project).",
              file=sys.stderr)
        return 2
    verbose = "--verbose" in argv
    detector = TextDetector()
    started = time.perf_counter()
    notes = load_deid()
    table, details = deid_table(detector, notes)
    deid_seconds = time.perf_counter() - started
    print(f"### PhysioNet deid nursing notes ({len(notes)} notes, "
          f"{sum(len(n.gold) for n in notes)} labelled spans, {deid_seconds:.0f} s)\n")
    print(table)
    print()
    started = time.perf_counter()
    synth = synth_table(detector)
    print(f"### Presidio research synthetic sentences ({time.perf_counter() - started:.0f} s)\n")
    print(synth)
    if verbose:
        print("\n".join(details), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
