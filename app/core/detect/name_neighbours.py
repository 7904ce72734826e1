"""Names by their neighbours. A name takes in the name written next to it: "MARTA KOWALCZYK"
gave "KOWALCZYK" (the model's span), "Kowalczyk^Marta" gave "Marta" (a list's), and a cover of
either left the other half readable. A word next to a name, one space, a comma or a caret away,
is part of it when it is a known name that is no ordinary word; a word a caret joins to a name
always is (DICOM's "SURNAME^GIVEN", the caret often read as "~": no ordinary text writes one
between words), and so is a second name found there. Two spaces or more part columns
("Siobhan   Mensah": a patient and her nurse), so they are not crossed.

And on a screen line, a name alone with nothing around it is still a name by its shape: two
words a caret joins ("OYELARAN^TEMITOPE", a DICOM header's first line; not "CT^HEAD", whose
words an image prints), a surname and an initial ("Lindqvist-Oduya, M."), or a known first name
beside a word that is no ordinary or image word ("Marta KOWALCZYK", "Szymanska Ewa": a name
card, a chart's title, a board's row). Where any rule found something, the shape adds nothing.

    spans = names_widened(text, spans, allowed)   # after the detector's own name rules
    spans = names_by_shape(text, spans, allowed)  # screen lines only
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from app.core.detect import lexicon
from app.core.detect.facility_columns import is_facility_text
from app.core.detect.name_recognizers import RELATIONS
from app.core.detect.ocr_words import CARET, CARETS
from app.core.detect.overlay_words import FACILITY_WORDS
from app.core.detect.overlay_words import NOT_A_NAME as IMAGE_WORDS
from app.core.models import Category, TextSpan, joined_rule

_WORD = r"[A-Za-z][A-Za-z'’-]*[A-Za-z]"
_CARETS = re.compile(rf"{CARET}+")
_BEFORE = re.compile(rf"({_WORD})({CARET}+|,\s?|\s)$")
_AFTER = re.compile(rf"^({CARET}+|,\s?|\s)({_WORD})")
# labels and titles a name is written after, never part of it
_NEVER = frozenset("""
patient pt name surname forename given family nurse doctor dr mr mrs ms miss rn hca room bed bay
mrn dob sex age male female ward unit consultant sister matron the and of postcode zip address
""".split()) | RELATIONS  # "MOM GIVEN THIS AM": a relation before a name is no part of it


def names_widened(text: str, spans: list[TextSpan],
                  allowed: Callable[[str], bool] = lambda _word: False) -> list[TextSpan]:
    """`spans` with each name grown over the name words next to it (up to two each side)."""
    out = list(spans)
    for i, span in enumerate(out):
        if span.category is not Category.NAME:
            continue
        start, end = span.start, span.end
        others = [s for j, s in enumerate(out) if j != i]
        for _ in range(2):
            before = _BEFORE.search(text[:start])
            if before and _joins(before.group(1), before.group(2), allowed) and _free(
                    before.start(), start, others):
                start = before.start()
        for _ in range(2):
            after = _AFTER.match(text[end:])
            if after and _joins(after.group(2), after.group(1), allowed) and _free(
                    end, end + after.end(), others) and not _facility_soon(
                    text[end + after.end() :]):
                end += after.end()
        if (start, end) != (span.start, span.end):
            out[i] = replace(span, start=start, end=end, text=text[start:end])
    return _caret_joined(text, out)


def _caret_joined(text: str, spans: list[TextSpan]) -> list[TextSpan]:
    """Two names with only a caret between them are one: "Kowalczyk~Marta"."""
    out: list[TextSpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        if (last is not None and span.category is last.category is Category.NAME
                and _CARETS.fullmatch(text[last.end:span.start])):
            out[-1] = replace(last, end=span.end, text=text[last.start:span.end],
                              rule=joined_rule(last.rule, span.rule),
                              from_ner=last.from_ner and span.from_ner)
        else:
            out.append(span)
    return out


# a caret as OCR reads it too: "OYELARAN~ADEBAYO~T"
_NOT_WORD = rf"[\w{re.escape(CARETS)}]"  # a letter, a digit or a caret
_CARET_PAIR = re.compile(rf"(?<!{_NOT_WORD})({_WORD}){CARET}+({_WORD})(?:{CARET}+[A-Z]\b)?"
                         rf"(?!{_NOT_WORD}*\d)")
# "Lindqvist-Oduya, M.", "Moreau, J.", a board's "Abernathy R": a surname and an initial
_SURNAME_INITIAL = re.compile(r"(?<![\w^])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:, ([A-Z])\.| ([A-Z])\.?"
                              r"(?![\w'’-]))")
_GIVEN_SURNAME = re.compile(r"(?<![\w^])([A-Z][a-z]+) ([A-Z]{3,}(?:[-'][A-Z]+)?)(?![\w^])")
_SURNAME_GIVEN = re.compile(r"(?<![\w^])([A-Z]{3,}(?:[-'][A-Z]+)?) ([A-Z][a-z]+)(?![\w^])")
# in title case, either order: "Szymanska Ewa" on a board's row, "Ewa Szymanska" on a card
_TITLE_PAIR = re.compile(r"(?<![\w^])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                         r"(?![\w^])")
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’]*)")
SHAPE_RULE = "name by its shape (a caret, an initial, a first name beside a surname in capitals)"


def names_by_shape(text: str, spans: list[TextSpan],
                   allowed: Callable[[str], bool] = lambda _word: False) -> list[TextSpan]:
    """`spans` with the names a screen line shows alone found by their shape (see above)."""
    out = list(spans)
    found: list[tuple[re.Match[str], tuple[str, ...]]] = [
        (m, (m.group(1), m.group(2))) for m in _CARET_PAIR.finditer(text)
        if not any(_image_word(w) for w in m.groups())
        and any(_name_shaped(w) or _known(w) for w in m.groups())]
    for pattern, given_at in ((_GIVEN_SURNAME, 0), (_SURNAME_GIVEN, 1), (_TITLE_PAIR, 0),
                              (_TITLE_PAIR, 1)):
        for m in pattern.finditer(text):
            words = m.group(1), m.group(2)
            given, surname = words[given_at], words[1 - given_at]
            if (lexicon.is_first_name(given) and not lexicon.is_ordinary(given)
                    and _name_shaped(surname)):
                found.append((m, words))
    found += [(m, (m.group(1),)) for m in _SURNAME_INITIAL.finditer(text)
              if all(_name_shaped(part) for part in m.group(1).split("-"))]
    for m, said in found:
        if any(allowed(w) for w in said):
            continue
        start, end = m.start(), m.end()
        after = _NEXT_WORD.match(text[end:])
        if after and after.group(1).lower() in FACILITY_WORDS:
            continue  # "William Harvey Hospital", "Josephine Kerr Infirmary": a facility's name
        # where a rule found anything here but a name of whole words, it read the line better
        # ("Ingrid KOWALCZYKDOB:" is "Ingrid KOWALCZYK" and a label); "Ewa" of "Szymanska Ewa"
        # grows to the whole
        here = [s for s in out if not (s.end <= start or s.start >= end)]
        edges = {m.start(), m.end(), *(m.start(g) for g in range(1, len(m.groups()) + 1)),
                 *(m.end(g) for g in range(1, len(m.groups()) + 1))}
        if any(s.category is not Category.NAME or s.start not in edges or s.end not in edges
               for s in here):
            continue
        rule = joined_rule(*(s.rule for s in here), SHAPE_RULE)
        out = [s for s in out if s not in here]
        out.append(TextSpan(start, end, Category.NAME, 0.7, rule, text[start:end]))
    return sorted(out, key=lambda s: s.start)


def _image_word(word: str) -> bool:
    """A label, a title or a word an image prints ("HEAD", "Patient", "Mr")."""
    return word.lower() in _NEVER or word.lower() in IMAGE_WORDS


def _name_shaped(word: str) -> bool:
    """Letters that are no ordinary word, shorthand or image word: "OYELARAN", not "HEAD"."""
    return len(word) >= 2 and not _image_word(word) and not lexicon.is_ordinary(word)


def _known(word: str) -> bool:
    """A census name that is no image word or label ("Anna", though "anna" is a coin)."""
    return not _image_word(word) and lexicon.is_known_name(word)


def _joins(word: str, separator: str, allowed: Callable[[str], bool]) -> bool:
    if word.lower() in _NEVER or allowed(word):
        return False
    if separator[0] in CARETS:
        return True
    # a known name, or a word in no list at all that is written like one ("Szymanska Ewa Ravi"
    # on a board's row: the list knew "Ewa" and "Ravi" and left the surname bare), but no
    # facility's name run together ("ROYALINFIRMARY")
    if lexicon.is_known_name(word):
        return word[0].isupper() and not lexicon.is_ordinary(word)
    return (word[0].isupper() and len(word) >= 3 and _name_shaped(word)
            and not is_facility_text(word))


def _facility_soon(after: str) -> bool:
    """A facility's word within the next two words: the word before them is the facility's
    own name ("Northwick" of "VIRTANENELINA Northwick Park Hospital"), not more of a name."""
    return any(w.lower() in FACILITY_WORDS for w in _NEXT_WORDS.findall(after)[:2])


_NEXT_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _free(start: int, end: int, others: list[TextSpan]) -> bool:
    """No other span holds any of text[start:end]."""
    return all(s.end <= start or s.start >= end for s in others)
