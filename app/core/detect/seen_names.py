"""A name read once in a clip is a name wherever the clip shows it again.

A monitor's strip read "BED 06   PATEL, ANIL   M 71   ADM 02-DEC-2026" in one sample, and
"ED 06 PATEL, ANILM 71 ADM G2-DEC-2026" in the next (the edge cut the B, the sex marker ran
into the name, a 0 became a G): the line's rules, which need the date or the sex marker beside
the name, found nothing there, so the finding ended after half a second and the copy's cover
with it. The clip's own reads are the best list of its names: a name a rule (not the language
model alone, whose guesses on a garbled read are noise) found in one line is looked for in every
line read after it, its words in order with any spaces, commas or carets between them.

    seen = SeenNames()
    spans = seen.added(text, spans)   # each line's spans, in the order the clip is read
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.models import Category, TextSpan

RULE = "the same name read elsewhere in this clip"
_MIN_LETTERS = 5  # "Ann" or "Li" alone would turn up inside other words and names


@dataclass
class SeenNames:
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def added(self, text: str, spans: list[TextSpan]) -> list[TextSpan]:
        """`spans` and the names seen before found again in `text`; then learns `spans`' names."""
        out = list(spans)
        for pattern in self.patterns.values():
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(not (s.end <= start or s.start >= end) for s in out):
                    continue  # found here already, or taken for something else
                out.append(TextSpan(start, end, Category.NAME, 0.8, RULE, match.group(),
                                    cue="as read elsewhere in this clip"))
        for span in spans:
            self._learn(span)
        return sorted(out, key=lambda s: s.start)

    def _learn(self, span: TextSpan) -> None:
        if span.category is not Category.NAME or span.from_ner or span.rule == RULE:
            return
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", span.text)
        if sum(len(w) for w in words) < _MIN_LETTERS or len(words) > 4:
            return
        key = " ".join(w.lower() for w in words)
        if key not in self.patterns:
            # one word is whole ("PATEL", not in "PATELLA"); after two, a letter the OCR ran
            # on may follow ("PATEL, ANILM 71": the sex marker)
            end = r"(?![A-Za-z])" if len(words) == 1 else r"(?![A-Za-z]{2})"
            self.patterns[key] = re.compile(
                r"(?<![A-Za-z])" + r"[\s,.^~`´]+".join(re.escape(w) for w in words) + end,
                re.IGNORECASE)
