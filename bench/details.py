"""How well `detail` findings and the `combination` they add up to are found (detect/details.py,
findings/combination.py).

Run: `.venv/bin/python -m bench.details` (a few seconds).

- The labelled set (bench/data/details_labelled.py, written for this bench): stories told the
  way clinicians tell them, each with a combination, and health-education sentences, which
  must give none. A detail counts as found when a `detail` span (or an age or date identifier,
  which the combination counts too) of the same kind overlaps the labelled words.
- The PhysioNet deid nurses' notes (../shared/realdata/text/physionet_deid): unlabelled for
  details, so only counted: how many notes show an age, a diagnosis, and a combination. Nurses'
  notes are written about one patient, so most should.
"""

from __future__ import annotations

import sys
from collections import Counter

from app.core.detect import TextDetector
from app.core.findings.combination import combination
from app.core.models import Category, Finding, Source
from bench.data.details_labelled import EDUCATION, STORIES
from bench.deid_text import load_deid

_GROUP = {"sex and age": "age", "rare condition": "condition"}
_IDENTIFIER_KIND = {Category.AGE: "age", Category.DATE: "day"}


def predicted(detector: TextDetector, text: str) -> list[tuple[str, int, int, object]]:
    out = []
    for span in detector.detect(text):
        if span.category is Category.DETAIL:
            out.append((_GROUP.get(span.detail, span.detail), span.start, span.end, span))
        elif span.category in _IDENTIFIER_KIND:
            out.append((_IDENTIFIER_KIND[span.category], span.start, span.end, span))
    return out


def as_findings(spans) -> list[Finding]:
    return [Finding(id=str(i), start_s=float(i), end_s=float(i) + 0.5, source=Source.SPEECH,
                    category=s.category, text=s.text, confidence=s.confidence, reason=s.rule,
                    detail=s.detail) for i, (_, _, _, s) in enumerate(spans)]


def labelled_table(detector: TextDetector) -> tuple[str, list[str]]:
    per_kind: dict[str, Counter] = {}
    combos = Counter()
    misses = []
    for text, labels, has_combination in STORIES + EDUCATION:
        found = predicted(detector, text)
        used = set()
        after: dict[str, int] = {}
        for kind, words in labels:
            kind = _GROUP.get(kind, kind)
            start = text.find(words, after.get(words, 0))  # the same words twice: the next
            after[words] = start + len(words)
            hit = next((i for i, (k, a, b, _) in enumerate(found) if k == kind and i not in used
                        and a < start + len(words) and b > start), None)
            per_kind.setdefault(kind, Counter())["tp" if hit is not None else "fn"] += 1
            if hit is None:
                misses.append(f"missed {kind} “{words}” in: {text}")
            else:
                used.add(hit)
        for i, (kind, _, _, span) in enumerate(found):
            if i not in used:
                per_kind.setdefault(kind, Counter())["fp"] += 1
                misses.append(f"extra {kind} “{span.text}” in: {text}")
        said = combination(as_findings(found)) is not None
        combos[("tp" if has_combination else "fp") if said else
               ("fn" if has_combination else "tn")] += 1
        if said != has_combination:
            misses.append(f"combination {'given' if said else 'missed'}: {text}")
    rows = ["| kind | labelled | found | precision | recall |", "|---|---|---|---|---|"]
    total = Counter()
    for kind, c in sorted(per_kind.items()):
        total.update(c)
        rows.append(_row(kind, c))
    rows.append(_row("**all details**", total))
    rows.append(f"| **combination** (stories {len(STORIES)}, education {len(EDUCATION)}) | "
                f"{combos['tp'] + combos['fn']} | {combos['tp'] + combos['fp']} | "
                f"{_ratio(combos['tp'], combos['tp'] + combos['fp'])} | "
                f"{_ratio(combos['tp'], combos['tp'] + combos['fn'])} |")
    rows.append(f"\nEducation sentences given a combination: {combos['fp']} of {len(EDUCATION)}.")
    return "\n".join(rows), misses


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "–"


def _row(kind: str, c: Counter) -> str:
    return (f"| {kind} | {c['tp'] + c['fn']} | {c['tp'] + c['fp']} | "
            f"{_ratio(c['tp'], c['tp'] + c['fp'])} | {_ratio(c['tp'], c['tp'] + c['fn'])} |")


def deid_counts(detector: TextDetector) -> str:
    notes = load_deid()
    ages = conditions = combined = 0
    kinds = Counter()
    for note in notes:
        found = [f for line in note.body.splitlines() for f in predicted(detector, line)]
        seen = {k for k, *_ in found}
        kinds.update(seen)
        ages += "age" in seen
        conditions += "condition" in seen
        combined += combination(as_findings(found)) is not None
    share = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
    return (f"PhysioNet deid nurses' notes: {len(notes)} notes; with an age {ages}, with a "
            f"diagnosis {conditions}, with a combination {combined} (notes showing each kind: "
            f"{share}).")


def main(argv: list[str]) -> int:
    detector = TextDetector()
    table, misses = labelled_table(detector)
    print(table)
    try:
        print("\n" + deid_counts(detector))
    except FileNotFoundError as error:
        print(f"note: the deid notes are absent ({error})", file=sys.stderr)
    if "--misses" in argv:
        print("\n".join(["", *misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
