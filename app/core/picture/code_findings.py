"""Codes found in a frame → hits the screen tracker follows, with what their contents reveal."""

from __future__ import annotations

from app.core.detect import TextDetector
from app.core.detect.line_names import NONE
from app.core.findings.hits import ScreenHit
from app.core.models import Box, Category, TextSpan
from app.core.picture.codes import Code
from app.core.word_lists import WordLists

UNDECODED = " (could not be decoded)"  # what a code that could not be decoded is called after


def code_hits(codes: list[Code], t_s: float, detector: TextDetector,
              lists: WordLists) -> list[ScreenHit]:
    """One hit per code. A code is always worth a look (a wristband's barcode holds the record
    number); it scores higher when its decoded text holds an identifier."""
    hits = []
    for code in codes:
        if code.text is None:
            text, confidence, rule = f"{code.kind}{UNDECODED}", 0.5, code.kind
        else:
            found = detector.detect(code.text, lists, NONE)  # a code's text is read as a line
            text = code.text
            if found:
                kinds = ", ".join(dict.fromkeys(s.category.value for s in found))
                confidence, rule = 0.9, f"{code.kind} holding {kinds}"
            else:
                confidence, rule = 0.6, f"{code.kind} (decoded, no identifier recognised)"
        span = TextSpan(0, len(text), Category.CODE, confidence, rule, text)
        hits.append(ScreenHit(span, Box(round(t_s, 3), code.x, code.y, code.w, code.h), 1.0))
    return hits
