"""What a read of the copy must hold to be a piece of a hidden text (the proof's leak rule).

read_back.py reads the copy around each cover; this module says which words of a read are a
piece of the hidden text as a misplaced cover would leave it (`Secret.shown`), and read_back.py
says whether they stand where the cover is. A word of the read is such a piece when it
- is one of the hidden words, or begins or ends as one does, NEAR_RUN characters or more (a
  cover's edge cuts a word: "Marg" or "aret" shows), also with a label run into it in one case
  ("PATIENTMARG") or its first letter misread ("Narg");
- holds FOUR characters in a row of the hidden values, across a space ("om Li" of "Tom Li")
  or inside a word ("arga" of "Margaret"), not inside an English or clinical word of the read
  ("hands" holds "hand" of "HANDOVER"); a hidden word that is an English word and no name
  gives none from its inside ("sult" of "Consultant"); digits alone are a number's (below);
- holds FOUR digits in a row of a hidden number, the separators and spaces between the read's
  digit groups ignored ("4829", "48 29", "12/03" of 12/03/1948), or a date's day and month
  ("3/4" of 3/4/1951);
- is the whole hidden text, labels included ("Bed 4", "Dr Ng"), or a value too short for any
  other rule: any of them when all are (under FAR_RUN characters together: "Bed 4", "Room 12",
  "Dr Ng"), else a last one after another value ("Li" of "Tom Li") — where a cover is drawn
  only (a lone "4" anywhere near is no evidence).
OCR's usual confusions are folded (`letters`), and in numbers undone the scan's own way
(detect/ocr_tolerance.py). Labels ("MRN", "Bed", "Dr"...) are no piece by themselves: a label
may show beside its cover; a label word that ends the text after another word is its value
("Sam Ward", "Dr Ward").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from app.core.detect.lexicon import is_known_name, is_ordinary
from app.core.detect.ocr_tolerance import digits_restored

NEAR_RUN, FAR_RUN = 3, 5  # characters in a row of a hidden text that make a read a leak
INNER_RUN = 4  # characters in a row of a hidden text's values that are a piece near its cover
DIGIT_RUN = 4  # digits in a row of a hidden number that are a piece
LABELS = ("patient", "name", "mrn", "dob", "nhs", "bed", "room", "ward", "dr", "mr", "mrs", "ms")
_FOLD = str.maketrans("oilszb", "011528")
LABELS_FOLDED = frozenset(label.translate(_FOLD) for label in LABELS)
# a number: digit groups apart by separators or spaces ("0048 2913", "12/03/1948", "48 29")
_NUMBER = re.compile(r"\d+(?:[\s\-/.:,]{1,3}\d+)*")
_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2\d{2,4}")


def letters(text: str) -> str:
    """Lower case letters and digits only, OCR's usual confusions folded the same way."""
    return re.sub(r"[^0-9a-z]", "", text.lower()).translate(_FOLD)


# where a word's case changes to a new word: "Marg|RN", "OKAFOR|John" (a capital after a small
# letter, or the last of a run of capitals before small letters)
_CASE_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")


def pieces(text: str) -> list[tuple[str, int, int]]:
    """The words of `text` (runs of letters and digits; where letters and digits meet, or a
    word's case starts a new word, each side too: OCR runs "Bed 3Marg" and "MargRN:"
    together), folded as `letters` folds them, with where each stands in `text`."""
    out = []
    for word in re.finditer(r"[0-9A-Za-z]+", text):
        parts = [(run_at + word.start(), part) for run_at, part in _parts(word.group())]
        whole = [(word.start(), word.group())]
        for at, piece in (whole if len(parts) == 1 else whole + parts):
            out.append((piece.lower().translate(_FOLD), at, at + len(piece)))
    return out


def _parts(word: str) -> list[tuple[int, str]]:
    """`word`'s letters and digits apart, and its letters apart where their case starts a new
    word, each with where it stands in `word`."""
    out = []
    for run in re.finditer(r"[A-Za-z]+|[0-9]+", word):
        if run.group()[0].isdigit():
            out.append((run.start(), run.group()))
            continue
        out += [(run.start() + m.start(), m.group()) for m in _CASE_PARTS.finditer(run.group())]
    return out


def same_start(a: str, b: str) -> int:
    """How many characters `a` and `b` share from their start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def values(text: str) -> list[str]:
    """The words of a hidden text (lower case, dotted letters joined: "D.O.B." is "dob") that
    are not labels; a label word that ends the text after another word is a value ("Ward" of
    "Sam Ward")."""
    words = re.findall(r"[0-9a-z]+", re.sub(r"(?<=[a-z])\.(?=[a-z])", "", text.lower()))
    return [w for i, w in enumerate(words)
            if w not in LABELS or (i == len(words) - 1 and i > 0)]


def runs(text: str, size: int) -> set[str]:
    """Every `size` characters in a row of `text`'s values (folded)."""
    kept = letters("".join(values(text)))
    if len(kept) < size:
        return {kept} if len(kept) >= NEAR_RUN else set()
    return {kept[i:i + size] for i in range(len(kept) - size + 1)}


@dataclass(frozen=True)
class Number:
    """A number of a text as its digits only (confusable letters inside it read as digits, the
    scan's own way), before which of them a separator stood ("/", "-", "."; `spaced`: a space
    too), and where it stands in the text."""

    digits: str
    marks: frozenset[int]
    start: int
    end: int


def numbers(text: str, spaced: bool = False) -> list[Number]:
    out = []
    for m in _NUMBER.finditer(digits_restored(text)):
        digits, marks = "", set()
        for group in re.finditer(r"\d+", m.group()):
            before = m.group()[:group.start()].rstrip(" " if not spaced else "")
            if digits and before[-1:] != "" and before[-1:] not in "0123456789":
                marks.add(len(digits))
            digits += group.group()
        out.append(Number(digits, frozenset(marks), m.start(), m.end()))
    return out


def _within(read: Number, hidden: Number) -> bool:
    """Whether DIGIT_RUN digits in a row of `read` stand in `hidden` with no separator of the
    read's where `hidden` has none ("129/13" holds "2913" of "00482913" across its "/": no;
    "48 29" and "12/03" of "12/03/1948": yes; a read's spaces are OCR's, and said nothing)."""
    for i in range(len(read.digits) - DIGIT_RUN + 1):
        run, at = read.digits[i:i + DIGIT_RUN], hidden.digits.find(read.digits[i:i + DIGIT_RUN])
        while at >= 0:
            if all(k - i + at in hidden.marks for k in read.marks if i < k < i + DIGIT_RUN):
                return True
            at = hidden.digits.find(run, at + 1)
    return False


@cache
def _english(word: str) -> bool:
    """An English word or ward shorthand (lower case), inflected or not."""
    return word.isalpha() and is_ordinary(word)


def _plain(word: str) -> bool:
    """An English word and no name: the pieces inside it are those of many other words."""
    return _english(word) and not is_known_name(word)


@dataclass
class Secret:
    """What of one hidden text a read may show (see the module docstring)."""

    text: str
    words: set[str] = field(init=False)  # folded values (and case parts), NEAR_RUN or longer
    inner: set[str] = field(init=False)  # INNER_RUN in a row of its values (see below)
    numbers: list[Number] = field(init=False)  # its numbers of DIGIT_RUN digits or more
    dates: set[tuple[str, str]] = field(init=False)  # its dates' day and month
    whole: str = field(init=False)  # the whole text, folded, labels included
    short: set[str] = field(init=False)  # its values, when all are short

    def __post_init__(self) -> None:
        kept = values(self.text)
        own = {letters(v) for v in kept}
        self.words = {p for p, _, _ in pieces(self.text) if len(p) >= NEAR_RUN
                      and (p not in LABELS_FOLDED or p in own)}
        # INNER_RUN in a row of its values, across their spaces ("om Li" of "Tom Li") or inside
        # a word that is no English word but a name ("arga"); not digits only (`numbers` says)
        at, joined = [i for i, v in enumerate(kept) for _ in v], "".join(kept)
        self.inner = {letters(joined[i:i + INNER_RUN]) for i in range(len(joined) - INNER_RUN + 1)
                      if any(c.isalpha() for c in joined[i:i + INNER_RUN])
                      and (at[i] != at[i + INNER_RUN - 1] or not _plain(kept[at[i]]))}
        self.numbers = [n for n in numbers(self.text, spaced=True)
                        if len(n.digits) >= DIGIT_RUN]
        self.dates = {(str(int(m[1])), str(int(m[3]))) for m in _DATE.finditer(self.text)}
        whole = letters(self.text)
        self.whole = whole if kept and len(whole) >= NEAR_RUN else ""  # a label alone: none
        # all its values when they are short ("Dr Ng", "Bed 4"), else a short last one after
        # another ("Li" of "Tom Li": a surname; not "in" of "Nurse in charge", nor an initial)
        short = [letters(v) for v in kept if len(v) < NEAR_RUN]
        last = short[-1:] if len(kept) >= 2 and len(kept[-1]) < NEAR_RUN else []
        self.short = set(short if len("".join(own)) < FAR_RUN else last)

    @property
    def looked_for(self) -> bool:
        return bool(self.words or self.inner or self.numbers or self.whole or self.short)

    def shown(self, text: str, covered: bool) -> list[tuple[int, int]]:
        """Where in `text` (a line read) a piece of this hidden text stands, as (start, end);
        `covered`: a cover of it is drawn in this frame (a short value alone counts then only)."""
        out = [(start, end) for piece, start, end in pieces(text)
               if self.word_shown(piece, text[start:end].lower(), covered)]
        for number in numbers(text):
            if (any(_within(number, own) for own in self.numbers)
                    or self._date(text[number.start:number.end])):
                out.append((number.start, number.end))
        if self.whole and self.whole in letters(text):
            out.append(_where(text, self.whole))
        read = letters(text)
        for run in (run for run in self.inner if run in read):
            start, end = _where(text, run)
            word = next((m.group() for m in re.finditer(r"[0-9A-Za-z]+", text)
                         if m.start() <= start and end <= m.end()), "")
            if not _english(word.lower()):  # inside "hands" (an English word): no piece
                out.append((start, end))
        return out

    def word_shown(self, piece: str, raw: str, covered: bool = True) -> bool:
        """Whether `piece` (a folded word of a read; `raw` as read, lower case) is a piece of
        this hidden text by itself."""
        if piece in LABELS_FOLDED and piece not in self.words:
            return False  # a label may show beside its cover
        if covered and piece in self.short:
            return True
        if _english(raw):  # "hands", "large", "person": only if no more than a hidden word's
            return any(word.startswith(piece) or word.endswith(piece)  # start or end ("son")
                       for word in self.words if len(piece) >= NEAR_RUN)
        if self.cut_from(piece):
            return True
        return self._misread_start(piece) or any(
            piece.startswith(label) and len(piece) - len(label) >= NEAR_RUN
            and (self._starts(piece[len(label):]) or self._misread_start(piece[len(label):]))
            for label in LABELS_FOLDED)  # "PATIENTMARG", "PATIENTNARG"

    def cut_from(self, piece: str) -> bool:
        """Whether `piece` holds one of this text's words, or starts or ends as one does,
        NEAR_RUN characters or more."""
        return any(word in piece or same_start(piece[::-1], word[::-1]) >= NEAR_RUN
                   for word in self.words) or self._starts(piece)

    def _starts(self, piece: str) -> bool:
        return any(same_start(piece, word) >= NEAR_RUN for word in self.words)

    def _misread_start(self, piece: str) -> bool:
        """"Narg" for "Marg": all but the first letter start as a word does (NEAR_RUN)."""
        return len(piece) > NEAR_RUN and any(
            piece[0] != word[0] and same_start(piece[1:], word[1:]) >= NEAR_RUN
            for word in self.words)

    def _date(self, read: str) -> bool:
        groups = re.findall(r"\d+", digits_restored(read))
        return len(groups) >= 2 and (str(int(groups[0])), str(int(groups[1]))) in self.dates


def _where(text: str, folded: str) -> tuple[int, int]:
    """Where `folded` (a run of `letters(text)`) stands in `text`."""
    at = [m.start() for m in re.finditer(r"[0-9a-z]", text.lower())]
    start = letters(text).index(folded)
    return at[start], at[start + len(folded) - 1] + 1
