"""Staff names: the name after a staff title ("RN: Ann", "Dr: Mensah", "HCA: Novak") is a name
the reviewer weighs apart from patients', so its reason says staff; and a title is never part of
a name ("RN: Ann   Dr: Mensah" is "Ann" and "Mensah", not "Ann Dr").

    spans = staff_names(text, spans)   # after the detector's own name rules
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.core.detect import lexicon
from app.core.detect.overlay_words import FACILITY_WORDS
from app.core.models import Category, TextSpan

# Staff titles and roles as boards, notes and speech write them ("Charge" only as a board label).
_TITLE = (r"RN|Dr|Doctor|Nurse|Sister|Matron|Consultant|Charge\s+Nurse|Charge(?=\s*:)|NIC|HCA|"
          r"CNA|LPN|NP|Reg|Registrar|SHO|FY[12]|Midwife|Physio|Physiotherapist|Surgeon|"
          r"Anaesthetist|Anesthetist|Attending|Therapist|Pharmacist|Porter")
TITLE = re.compile(rf"\b(?:{_TITLE})\b\.?", re.IGNORECASE)
# a board label OCR ran into the name before it ("RN: KimDr: Mensah"): a title as written, with
# its capital, right after a small letter and before its colon
_GLUED = re.compile(r"(?<=[a-z])(?:RN|Dr|HCA|NIC|CNA|LPN|NP|SHO|Nurse|Doctor|Sister|Matron|"
                    r"Consultant|Charge|Reg|Registrar|Midwife)\.?(?=\s*:)")
TITLE_WORDS = _TITLE  # the titles as a pattern's alternatives
_NAME_WORD = r"[A-Z][A-Za-z'\-]+"
_AFTER = re.compile(rf"\s*[:\-]?\s*((?:[A-Z]\.\s*)?{_NAME_WORD})(?:\s+({_NAME_WORD}))?")
# words a capital letter after a title does not make a name ("Dr: On call", "Nurse: To ward")
_NOT_NAMES = frozenset("""
me my on in at to the and is was will said says call called who note please only off of for a an
bleep ext team station desk led lead shift day night rota on-call oncall cover
staff hospitalist hospitalists resident fellow intern locum pending unassigned none tbc tba
""".split())
STAFF_RULE = "staff name (after {title})"
# how a person is addressed, written before a name, never one itself
_HONORIFICS = r"Mr|Mrs|Ms|Miss|Mx|Sir|Dame"
HONORIFIC = re.compile(rf"(?:{_HONORIFICS})\.?", re.IGNORECASE)
_AFTER_HONORIFIC = re.compile(rf"\s*[:\-]?\s*((?:{_HONORIFICS})\b\.?)"
                              rf"(?:\s*({_NAME_WORD}))?", re.IGNORECASE)


def _titles(text: str) -> list[re.Match[str]]:
    return sorted([*TITLE.finditer(text), *_GLUED.finditer(text)], key=lambda m: m.start())


# the English words of two letters: any other, written with its capital after a title, is a
# surname ("Dr Ng", "Dr Wu", "Sister Le"), though a list of words may hold it ("ng", a unit)
_TWO_LETTER_WORDS = frozenset("""
am an as at be by do go ha he hi ho if in is it me my no of oh ok on or ox so to up us we ye yo
""".split())


def _plausible(word: str) -> bool:
    lower = word.lower().strip(".")
    if lower in _NOT_NAMES or TITLE.fullmatch(word) or len(lower) < 2:
        return False
    if len(lower) == 2 and word[:1].isupper() and word[1:2].islower():
        return lower not in _TWO_LETTER_WORDS
    if lexicon.is_known_name(lower):
        return True
    # "HOSPITALISTMORRISTONHOSPITAL": a facility's word inside is a place or a role, no name
    return not lexicon.is_ordinary(lower) and not any(
        len(w) >= 6 and w in lower for w in FACILITY_WORDS)


def _without_titles(span: TextSpan, titles: list[re.Match[str]], text: str) -> list[TextSpan]:
    """A name span with the staff titles inside it cut out: what is left of it on either side
    of each ("Ann   Dr" → "Ann"), each piece that still has a letter."""
    cuts = [(m.start(), m.end()) for m in titles if m.start() < span.end and m.end() > span.start]
    if not cuts:
        return [span]
    pieces, start = [], span.start
    for a, b in [*cuts, (span.end, span.end)]:
        piece = text[start:a].strip(" .,:;-")
        if piece and any(c.isalpha() for c in piece) and len(piece.replace(" ", "")) >= 2:
            offset = start + text[start:a].find(piece)
            pieces.append(replace(span, start=offset, end=offset + len(piece), text=piece))
        start = max(start, b)
    return pieces


def _staff_span(text: str, title: re.Match[str], titles: list[re.Match[str]]
                ) -> TextSpan | None:
    """The name written after a title, when it looks like one (up to the next title, when OCR
    ran that into it: "KimDr")."""
    written = text[:_next_title(title, titles, len(text))]
    addressed = _AFTER_HONORIFIC.match(written, title.end())
    if addressed is not None:  # "Nurse: Ms Fitz" is a name; "Nurse: Ms" (the rest cut by the
        if not (addressed.group(2) and _plausible(addressed.group(2))):  # frame's edge, or on
            return None  # the next line) is a title alone, no name
        start, end = addressed.start(1), addressed.end(2)
        return _span(text, title, start, end)
    after = _AFTER.match(written, title.end())
    if after is None or not _plausible(after.group(1).split()[-1]):
        return None
    end = after.end(1)
    if after.group(2) and _plausible(after.group(2)):
        end = after.end(2)
    return _span(text, title, after.start(1), end)


def _span(text: str, title: re.Match[str], start: int, end: int) -> TextSpan:
    label = re.sub(r"\s+", " ", title.group().rstrip("."))
    return TextSpan(start, end, Category.NAME, 0.75, STAFF_RULE.format(title=label),
                    text[start:end], cue=f"after '{label}'")


def _next_title(title: re.Match[str], titles: list[re.Match[str]], end: int) -> int:
    return min([m.start() for m in titles if m.start() >= title.end()], default=end)


def staff_names(text: str, spans: list[TextSpan]) -> list[TextSpan]:
    """The spans with titles cut out of names, and each name after a staff title a `name`
    span whose rule says staff (one span per name, whatever rule found it first)."""
    titles = _titles(text)
    if not titles:
        return spans
    out: list[TextSpan] = []
    for span in spans:
        out += _without_titles(span, titles, text) if span.category is Category.NAME else [span]
    for title in titles:
        staff = _staff_span(text, title, titles)
        if staff is None:
            continue
        overlapping = [s for s in out if s.start < staff.end and s.end > staff.start]
        if any(s.category is not Category.NAME for s in overlapping):
            continue  # a date, a number, a place: not a name after all
        for other in overlapping:
            out.remove(other)
        start = min([staff.start, *(s.start for s in overlapping)])
        end = max([staff.end, *(s.end for s in overlapping)])
        confidence = max([staff.confidence, *(s.confidence for s in overlapping)])
        out.append(replace(staff, start=start, end=end, text=text[start:end],
                           confidence=confidence, from_ner=False))
    return sorted(out, key=lambda s: s.start)
