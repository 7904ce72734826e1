"""One item per identifier (issue 30, item 2): the findings of one identifier across speech,
screen, codes and time linked, so that the reviewer decides the identifier once.

A surname said at 0:22 and the same surname on the board from 0:18, an MRN on screen and the
same MRN in a barcode, a name on screen at 0:05 and again at 0:40: each is found on its own
(hits.py, same_thing.py), and here linked into one item. Texts are compared as their identifier,
not as written: case, punctuation, look-alike letters of other scripts (plain_text.py), OCR's
look-alikes ("0KAF0R", "rn" for "m"; digits read as letters in a number), numbers said in
words ("five five one oh..."), one slip in a long name ("Olsen" heard, "Olson" written), a title
or label ("Mrs", "Dr", "Patient") and a date's way of writing (03/14/1951, 14 March 1951).

Two findings are one item when their identifiers are the same, or when one is a part of the
other (a surname of the full name, "J. Okafor" of "John Okafor", an MRN inside a longer
number, a name or number inside a code's decoded text) and no other item could be the whole
it is a part of: "Okafor" said beside "John Okafor" and "Mary Okafor" on the board stays alone,
two people are never made one through a part they share. Different people whose names share
a category, a first name or a surname are not linked. A staff name (after "Dr", "RN"...) and
a name that is not said to be staff are linked only when the whole name is the same and has
two words or more: a lone surname shared by a doctor and a patient stays two items.

Faces, voices, scenes, details, ward context and the combination are never linked: their text
is a description or a context, not an identifier.

    findings = with_links(findings)    # each finding's `linked`: the ids of the others of its item
    also_seen(finding, by_id)          # "also said at 0:22.0, on screen 0:40.0–0:45.5"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from app.core.detect.fuzzy_match import edit_distance, fold, sound_key
from app.core.detect.ocr_tolerance import digits_restored
from app.core.detect.spoken_numbers import with_spoken_numbers_as_digits
from app.core.detect.staff_names import TITLE
from app.core.findings.plain_text import plain_text
from app.core.models import Category, Finding, Source, Word
from app.core.timecode import format_short

# what kind of identifier each category holds: only the same kind can be one identifier
_KIND = {
    Category.NAME: "name", Category.LOCATION: "place",
    Category.ID: "number", Category.PHONE: "number", Category.DATE: "date",
    Category.AGE: "age", Category.EMAIL: "address", Category.URL: "address",
}
_NOT_TEXT = frozenset({Source.FACE, Source.SCENE})  # the text is our description
_UNDECODED = "(could not be decoded)"  # as picture/code_findings.py names such a code
# words beside a name that are not the name (titles and labels)
_NOT_NAME = frozenset("""
mr mrs ms miss mx master sir dame dr prof patient pt name surname forename first last
""".split())
_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for m in names}
LEAST_DIGITS = 3  # a number shorter than this is not compared (a bed "4", an age is its own kind)
LEAST_PART_DIGITS = 6  # a number inside a longer one: this many digits at least
LEAST_SLIP = 5  # a word with one slip (or sounding alike) must be this long


@dataclass(frozen=True)
class _Key:
    """A finding's identifier as compared: its kind and its words, digits or dates."""

    kind: str
    words: tuple[str, ...] = ()  # names, places: folded words, an initial as one letter
    digits: str = ""  # numbers, ages, and a date that is not read as one
    dates: frozenset[tuple[int, int, int]] = frozenset()  # (year, month, day) it may mean
    text: str = ""  # addresses and codes: the text normalised
    staff: bool = False
    numbers: frozenset[str] = frozenset()  # a code: each run of digits in it

    @property
    def weight(self) -> int:
        """How much of an identifier it holds (the fullest of an item stands for it)."""
        return len([w for w in self.words if len(w) > 1]) * 100 + len(self.digits) + len(
            self.text)


def with_links(findings: Sequence[Finding]) -> list[Finding]:
    """`findings` in the same order, each with `linked`: the ids of the other findings of its
    item, in time order (empty when it is an item alone)."""
    links = linked_ids(findings)
    return [replace(f, linked=links.get(f.id, ())) for f in findings]


def also_seen(finding: Finding, by_id: Mapping[str, Finding]) -> str:
    """Where and when else the finding's identifier is, in a few plain words for its row:
    "also said at 0:22.0", "also on screen 0:18.0–0:25.5 and 0:40.0–0:41.0, in a code
    0:19.0–0:20.0" ("" when alone). The others are looked up in `by_id` (those not there are
    left out)."""
    places: dict[str, list[str]] = {}
    for other in (by_id[i] for i in finding.linked if i in by_id):
        start, end = format_short(other.start_s), format_short(other.end_s)
        if other.source is Source.SPEECH:
            places.setdefault("said at", []).append(start)
        else:
            where = "in a code" if other.source is Source.CODE else "on screen"
            places.setdefault(where, []).append(f"{start}–{end}" if end != start else start)
    return "also " + ", ".join(f"{where} {_and(times)}" for where, times in places.items()) \
        if places else ""


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def linked_ids(findings: Iterable[Finding]) -> dict[str, tuple[str, ...]]:
    """For each finding of an item of two or more, the ids of the others, in time order."""
    out: dict[str, tuple[str, ...]] = {}
    for item in linked_items(findings):
        for finding in item:
            out[finding.id] = tuple(f.id for f in item if f.id != finding.id)
    return out


def linked_items(findings: Iterable[Finding]) -> list[tuple[Finding, ...]]:
    """The items of two findings or more, each in time order, the items by their first."""
    keyed = [(f, k) for f in findings if (k := key_of(f)) is not None]
    groups = _join_parts(_same_identifier(keyed))
    items = [tuple(sorted((f for f, _ in g), key=lambda f: (f.start_s, f.end_s, f.id)))
             for g in groups if len(g) > 1]
    return sorted(items, key=lambda item: (item[0].start_s, item[0].id))


def key_of(finding: Finding) -> _Key | None:
    """The identifier a finding holds, as compared (None: it is not linked to others)."""
    if finding.source in _NOT_TEXT or not finding.text.strip():
        return None
    text = plain_text(finding.text).text
    if finding.source is Source.CODE or finding.category is Category.CODE:
        if _UNDECODED in finding.text:
            return None
        return _Key("code", words=_words(text), text=_normalised(text),
                    numbers=frozenset(_digit_runs(text)))
    kind = _KIND.get(finding.category)
    if kind is None:
        return None
    if kind in ("name", "place"):
        words = _words(text)
        return _Key(kind, words=words, staff=_is_staff(finding)) if words else None
    if kind == "address":
        return _Key(kind, text=_normalised(text)) if _normalised(text) else None
    digits = "".join(_digit_runs(text))
    dates = _dates(text) if kind == "date" else frozenset()
    if dates:
        return _Key(kind, dates=dates)
    return _Key(kind, digits=digits) if len(digits) >= (LEAST_DIGITS if kind != "age" else 1) \
        else None


# ----- comparing two identifiers ----------------------------------------------------------------
def same(a: _Key, b: _Key) -> bool:
    """The same identifier, whole."""
    if a.kind == "code" or b.kind == "code":
        return a.kind == b.kind and bool(a.text) and a.text == b.text
    if a.kind != b.kind:
        return False
    if a.kind in ("name", "place"):
        if a.staff != b.staff and len(a.words) < 2:
            return False
        return len(a.words) == len(b.words) and _words_meet(a.words, b.words, whole=True)
    if a.dates or b.dates:
        return bool(a.dates & b.dates)
    if a.digits or b.digits:
        return a.digits == b.digits
    return a.text == b.text


def part(a: _Key, b: _Key) -> bool:
    """One is a part of the other (or the same): the surname of a full name, an initial and a
    surname of it, a number inside a longer number, a name or a number inside a code."""
    if same(a, b):
        return True
    if a.kind == "code" or b.kind == "code":
        code, other = (a, b) if a.kind == "code" else (b, a)
        return other.kind != "code" and _in_code(other, code)
    if a.kind != b.kind:
        return False
    if a.kind in ("name", "place"):
        if a.staff != b.staff:
            return False  # a staff name and another are one only when the same (above)
        short, long = sorted((a.words, b.words), key=len)
        return _words_meet(short, long, whole=False)
    if a.digits and b.digits:
        short_digits, long_digits = sorted((a.digits, b.digits), key=len)
        return len(short_digits) >= LEAST_PART_DIGITS and short_digits in long_digits
    return False


def _in_code(other: _Key, code: _Key) -> bool:
    if other.kind in ("name", "place"):
        named = [w for w in other.words if len(w) > 1]
        return bool(named) and _words_meet(tuple(named), code.words, whole=False)
    if other.dates:
        return any(_dates(n) & other.dates for n in code.numbers)
    if other.digits:
        return len(other.digits) >= LEAST_DIGITS + 1 and other.digits in code.numbers
    return bool(other.text) and other.text in code.text


def _words_meet(short: tuple[str, ...], long: tuple[str, ...], whole: bool) -> bool:
    """Each word of `short` is a different word of `long`, in any order ("Okafor, John" is
    "John Okafor"); unless `whole`, an initial stands for a word it begins (either way), and
    at least one word that is not an initial must be the same."""
    if not short or len(short) > len(long):
        return False
    return _assign(list(short), list(long), whole, named=False)


def _assign(short: list[str], long: list[str], whole: bool, named: bool) -> bool:
    if not short:
        return named
    word, rest = short[0], short[1:]
    for index, other in enumerate(long):
        left = long[:index] + long[index + 1:]
        if _same_word(word, other):
            if _assign(rest, left, whole, named or len(word) > 1):
                return True
        elif not whole and _initial_of(word, other) and _assign(rest, left, whole, named):
            return True
    return False


def _same_word(a: str, b: str) -> bool:
    """One word, allowing for a slip: one edit, or the same sound, in a long enough word."""
    if a == b:
        return True
    if min(len(a), len(b)) < LEAST_SLIP:
        return False
    return (a[0] == b[0] and edit_distance(a, b) <= 1) or (
        sound_key(a) == sound_key(b) and abs(len(a) - len(b)) <= 2)


def _initial_of(a: str, b: str) -> bool:
    return (len(a) == 1) != (len(b) == 1) and a[0] == b[0]


# ----- reading an identifier --------------------------------------------------------------------
def _is_staff(finding: Finding) -> bool:
    return "staff name (after" in finding.reason


def _words(text: str) -> tuple[str, ...]:
    """The words of a name or place, folded (case, OCR's digits for letters), without titles
    and labels; a number in a place stays a number ("Ward 7B": "ward", "7b")."""
    out = []
    for raw in re.findall(r"[^\W_]+(?:['’][^\W_]+)?", TITLE.sub(" ", text)):
        word = raw.lower() if any(c.isdigit() for c in raw) and not _mostly_letters(raw) \
            else fold(raw)
        word = re.sub(r"['’]", "", word)
        if word and word not in _NOT_NAME:
            out.append(word)
    return tuple(out)


def _mostly_letters(word: str) -> bool:
    return sum(c.isalpha() for c in word) > len(word) / 2


def _normalised(text: str) -> str:
    return re.sub(r"[^0-9a-z@.]+", "", text.lower()).strip(".")


def _digit_runs(text: str) -> list[str]:
    """The runs of digits in a number as written, read or said: OCR's letters for digits
    restored ("0O482913"), number words read as digits ("five five one oh..."); the
    separators a number is written with (space, -, /, .) do not split a run."""
    said = with_spoken_numbers_as_digits(tuple(Word(w, 0.0, 0.0, 1.0) for w in text.split()))
    joined = " ".join(w.text for w in said)
    restored = digits_restored(joined)
    runs = re.findall(r"\d(?:[\d\s\-/.()]*\d)?", restored)
    return [re.sub(r"\D", "", run) for run in runs]


def _dates(text: str) -> frozenset[tuple[int, int, int]]:
    """The (year, month, day) a date may mean: 03/14/1951, 14/03/51, 1951-03-14, 14 March 1951,
    "the 14th of March 1951" (a date read either day or month first may mean either)."""
    said = " ".join(w.text for w in with_spoken_numbers_as_digits(
        tuple(Word(w, 0.0, 0.0, 1.0) for w in text.split())))
    lower = digits_restored(said).lower()
    numbers = [int(n) for n in re.findall(r"\d+", lower)]
    month_words = [_MONTHS[w] for w in re.findall(r"[a-z]+", lower) if w in _MONTHS]
    out: set[tuple[int, int, int]] = set()
    if month_words and len(numbers) == 2:
        day, year = sorted(numbers)
        out |= _date(year, month_words[0], day)
    elif not month_words and len(numbers) == 3:
        first, second, third = numbers
        if first > 31:
            out |= _date(first, second, third)
        else:
            out |= _date(third, first, second) | _date(third, second, first)
    elif not month_words and len(numbers) == 1 and len(digits := re.sub(r"\D", "", lower)) == 8:
        out |= _date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        out |= _date(int(digits[4:]), int(digits[:2]), int(digits[2:4]))
        out |= _date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    return frozenset(out)


def _date(year: int, month: int, day: int) -> set[tuple[int, int, int]]:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return set()
    if year < 100:  # a year of two digits is its last two digits, any century
        return {(century + year, month, day) for century in (1900, 2000)}
    return {(year, month, day)} if 1800 <= year <= 2200 else set()


# ----- grouping ---------------------------------------------------------------------------------
_Group = list[tuple[Finding, _Key]]


def _same_identifier(keyed: list[tuple[Finding, _Key]]) -> list[_Group]:
    """The findings grouped by `same` (each group: one identifier, whole)."""
    groups: list[_Group] = []
    for finding, key in keyed:
        joins = [g for g in groups if any(same(key, k) for _, k in g)]
        merged: _Group = [(finding, key)]
        for group in joins:
            merged = group + merged
            groups.remove(group)
        groups.append(merged)
    return groups


def _whole(group: _Group) -> _Key:
    """The fullest identifier of a group (a code's text only when it holds nothing else)."""
    return max((k for _, k in group), key=lambda k: (k.kind != "code", k.weight))


def _join_parts(groups: list[_Group]) -> list[_Group]:
    """Join two groups when one is a part of the other and no third group could be the
    whole that part belongs to: "Okafor" joins "John Okafor" unless "Mary Okafor" is there too
    (a group that fits the whole but not the part, such as "John", is only another part of the
    whole). A code is taken as the part: its text holds the identifier, and if it fits two
    groups that are not one (a wristband's name and its number) it joins neither. A joined
    group stands for its whole, so what fits it is what fits that whole."""
    wholes = [_whole(g) for g in groups]
    fits = {(i, j) for i, j in combinations(range(len(groups)), 2)
            if (wholes[i].kind == wholes[j].kind or "code" in (wholes[i].kind, wholes[j].kind))
            and part(wholes[i], wholes[j])}
    fits |= {(j, i) for i, j in fits}
    pairs = []
    for a, b in fits:
        piece, whole = (a, b) if wholes[a].kind == "code" else (b, a) \
            if wholes[b].kind == "code" else sorted((a, b), key=lambda i: (wholes[i].weight, i))
        if (piece, whole) not in pairs:
            pairs.append((piece, whole))
    pairs.sort(key=lambda p: (wholes[p[0]].weight, p))
    alive = set(range(len(groups)))
    joined = True
    while joined:
        joined = False
        for piece, whole in pairs:
            if piece not in alive or whole not in alive or any(
                    (c, piece) in fits and (c, whole) not in fits
                    for c in alive if c not in (piece, whole)):
                continue
            groups[whole] = groups[whole] + groups[piece]
            alive.discard(piece)
            joined = True
    return [groups[i] for i in sorted(alive)]
