"""Text cut by the frame's edge: flagged as soon as enough of it shows, never misread whole.

On a pan a line comes into view letter by letter. Its word at the cut side is only part of a
word: "Les" may be "Less", "Oka" may be "Okafor". So that word is never looked up as a whole
word; instead the visible part is matched against the start (cut on the right) or the end (cut
on the left) of the names in the name lists, and flagged once four letters show, unless it is
as much the start or end of an ordinary word and nothing around it says name (a title, an
initial, a label, a name beside it). Four digits of a number showing are flagged too. A piece
of three letters or fewer is never a finding of its own.

Coming in from the left, a word whose visible part is written as a word starts, a capital and
then small letters ("Ann", "Maria"), followed by a label or a title ("Ann   Dr: Mensah") or a
name, shows its start: the cut is in the space before it, so it is looked up whole, as its
line's reading found it. A room number whose label is cut ("oom 14"
of "Room 14") is a room number once three letters of its label show (four of a longer label);
"om 14" may as well be "from 14".

    cut = cut_of(line, width, height)
    spans = edge_spans(line.text, spans, cut)   # when cut
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from app.core.detect import lexicon
from app.core.detect.device_names import is_maker_word
from app.core.detect.line_names import PERSON, holds_identifier
from app.core.detect.name_neighbours import SHAPE_RULE
from app.core.detect.overlay_words import HOSPITAL_ROYALS, NOT_A_NAME
from app.core.detect.staff_names import HONORIFIC, TITLE
from app.core.models import Box, Category, OcrLine, TextSpan

EDGE_PX = 4  # a box this close to the frame's border is cut by it
MIN_LETTERS = 4  # letters of a name that must show before a cut word is flagged
MIN_DIGITS = 4  # digits of a number, likewise
_CUE = re.compile(r"^(?:[A-Z]\.?|mr|mrs|ms|miss|mx|dr|name|patient|pt|surname|given)[.:,]?$",
                  re.IGNORECASE)
# a word, up to a space or a separator of fields or of a name's parts ("Pratt^Jam": only "Jam"
# is cut; "DOB: 1957 | (M)": a bar)
_WORD = re.compile(r"[^\s^~|丨,，]+")
# the words OCR ran together in one cut word, at their capitals ("FemaleMCDOWELLAdam")
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+")
# labels a room number is written after, whose end may show alone at the left edge (a bed or
# bay, three letters, is only known whole)
_PLACE_LABELS = ("room", "cubicle", "suite")
_PLACE_NUMBER = re.compile(r"#?\d{1,4}[A-Z]?[.,;]?$")


@dataclass(frozen=True)
class Cut:
    """Which of the frame's edges cut a line: its start (left), its end (right), or its height
    (top or bottom)."""

    left: bool = False
    right: bool = False
    across: bool = False

    def __bool__(self) -> bool:
        return self.left or self.right or self.across


def cut_of(line: OcrLine, width: int, height: int, margin: int = EDGE_PX,
           frame: np.ndarray | None = None) -> Cut:
    """Where the frame's border cuts the line (its boxes run left to right). A box a little
    short of the border is cut too when the line's ink goes on to the border (`frame` given):
    the detector's box often leaves off the half-letter the edge cuts ("EITONEN" of "VEITONEN"
    at 8 px from the border)."""
    if not line.boxes:
        return Cut()
    first, last = line.boxes[0], line.boxes[-1]
    left, right = first.x <= margin, last.x + last.w >= width - margin
    if frame is not None:
        left = left or _ink_to_border(frame, first, "left")
        right = right or _ink_to_border(frame, last, "right")
    return Cut(left=left, right=right,
               across=any(b.y <= margin or b.y + b.h >= height - margin for b in line.boxes))


INK_GAP = 0.4  # of the line's height: the farthest from the border a cut line's box may end
_INK_SHARE = (0.05, 0.9)  # of a border column's pixels: strokes, not blank, not a solid edge


def _ink_to_border(frame: np.ndarray, box: Box, side: str) -> bool:
    """Whether strokes of the line's own ink touch the frame's border beside the box: the
    columns at the border, in the box's rows, hold pixels as far from the box's background as
    its text is, some of them, none of them solid (a frame's rule, a picture's dark margin)."""
    height, width = frame.shape[:2]
    gap = box.x if side == "left" else width - (box.x + box.w)
    if gap <= 0 or gap > INK_GAP * box.h or box.w < 2 or box.h < 4:
        return False
    rows = frame[max(0, box.y) : min(height, box.y + box.h)]
    gray = (rows if rows.ndim == 2 else rows.mean(axis=2)).astype(np.float32)
    inside = gray[:, box.x : box.x + box.w]
    background = float(np.median(np.concatenate([inside[:2].ravel(), inside[-2:].ravel()])))
    contrast = float(np.percentile(np.abs(inside - background), 95))
    border = gray[:, :3] if side == "left" else gray[:, -3:]
    share = (np.abs(border - background) > max(0.5 * contrast, 25.0)).mean(axis=0)
    low, high = _INK_SHARE
    return bool(share.mean() >= low and share.max() <= high)


@cache
def _sorted_names() -> tuple[list[str], list[str]]:
    names = (lexicon.census_first_names() | lexicon.surnames()) - lexicon.CLINICAL_WORDS
    return sorted(names), sorted(n[::-1] for n in names)


@cache
def _sorted_words() -> tuple[list[str], list[str]]:
    """Ordinary words that are not names too (Webster's lists "maria" and "patel")."""
    words = lexicon.ordinary_words() | lexicon.CLINICAL_WORDS | lexicon.CALENDAR_AND_LANGUAGES
    words -= lexicon.first_names() | lexicon.surnames()
    return sorted(words), sorted(w[::-1] for w in words)


def _starts_one(sorted_words: list[str], prefix: str) -> bool:
    i = bisect_left(sorted_words, prefix)
    return i < len(sorted_words) and sorted_words[i].startswith(prefix)


def name_part(fragment: str, side: str) -> bool:
    """Whether a name in the lists starts (`side` "right": the end is cut off) or ends (`side`
    "left") with the fragment."""
    return _part_of(_sorted_names(), fragment, side)


def _part_of(sorted_both: tuple[list[str], list[str]], fragment: str, side: str) -> bool:
    """Whether a word of a list, sorted forwards and backwards, starts (`side` "right") or
    ends with the fragment."""
    forward, backward = sorted_both
    lower = fragment.lower()
    return _starts_one(forward, lower) if side == "right" else _starts_one(backward, lower[::-1])


def image_part(fragment: str, side: str) -> bool:
    """Whether an image's, a maker's or a facility's word starts (`side` "right") or ends with
    the fragment."""
    lower = fragment.lower()
    return any(w.startswith(lower) if side == "right" else w.endswith(lower)
               for w in NOT_A_NAME if len(w) >= len(lower))


def word_part(fragment: str, side: str, inflected: bool = False) -> bool:
    """Whether an ordinary English word (not a name too) starts (or ends) with the fragment;
    `inflected`: the end of a word with an ending the list leaves off too ("arkers" of
    "markers": the list holds "marker")."""
    forward, backward = _sorted_words()
    lower = fragment.lower()
    if side == "right":
        return _starts_one(forward, lower)
    stems = [lower] + [lower[: -len(end)] for end in _INFLECTIONS
                       if inflected and lower.endswith(end) and len(lower) - len(end) >= 3]
    return any(_starts_one(backward, stem[::-1]) for stem in stems)


@cache
def _sorted_places() -> tuple[list[str], list[str]]:
    """Places whose first word (last word) is no name: "Jackson" and "Fort Collins" are a
    surname's too."""
    places = [p.split() for p in lexicon.place_names() if p.strip()]
    return (sorted(" ".join(p) for p in places if not lexicon.is_known_name(p[0])),
            sorted(" ".join(p)[::-1] for p in places if not lexicon.is_known_name(p[-1])))


def place_part(fragment: str, side: str) -> bool:
    """Whether a place's name (a city, a state) that is no person's starts (`side` "right") or
    ends with the fragment: "SOUTHAMP" of "SOUTHAMPTON GENERAL" is a hospital's town, not
    "Southam"."""
    return _part_of(_sorted_places(), fragment, side)


_INFLECTIONS = ("s", "es", "ed", "ing")
# a sentence goes on after the word: small words in small letters ("arkers in drawer")
_SENTENCE_AFTER = re.compile(r"\s+[a-z]+\s+[a-z]+")


def _overlaps(span: TextSpan, start: int, end: int) -> bool:
    return span.start < end and span.end > start


def _looked_up(span: TextSpan) -> bool:
    """A span that rests on whole words being what they are (a name, a place), not a pattern
    of digits a cut leaves true ("Bed 3", "MRN 5510…")."""
    return span.category is Category.NAME or (
        span.category is Category.LOCATION and not any(c.isdigit() for c in span.text))


def _trimmed(span: TextSpan, start: int, end: int, text: str) -> TextSpan | None:
    """A looked-up span without the cut word, if a whole word of two letters or more is left
    (the "Margaret" of "Margaret Ols") that is not a title alone."""
    if span.start < start:
        left, right = span.start, start
    else:
        left, right = end, span.end
    piece = text[left:right].strip(" .,:;-^~|`")
    words = [w for w in re.findall(r"[A-Za-z']+", piece) if len(w) >= 2]
    if not words or TITLE.fullmatch(piece) or HONORIFIC.fullmatch(piece):
        return None  # a title, or "Ms" of "Ms Fi|" (the name cut off): no name is left
    offset = left + text[left:right].find(piece)
    return replace(span, start=offset, end=offset + len(piece), text=piece)


def _weak_alone(word: str) -> bool:
    """A word that was a name only by the initial after it: short, or an English or an image
    word ("Tte" of "Echo Tte C|")."""
    lower = word.lower()
    return len(lower) <= 3 or lexicon.is_ordinary(lower) or lower in NOT_A_NAME


def _cue_beside(words: list[re.Match[str]], index: int, side: str, spans: list[TextSpan]) -> bool:
    """Something beside the cut word says it is a name: a title, an initial or a label before
    it, or a name found next to it (a word of letters: the "14" a name span swallowed in
    "RoOm 14 P. Gonzalez" is no name)."""
    near = index - 1 if side == "right" else index + 1
    if not 0 <= near < len(words):
        return False
    word = words[near]
    between = (word.string[word.end() : words[index].start()] if side == "right"
               else word.string[words[index].end() : word.start()])
    if "|" in between or "丨" in between:
        return False  # another field's: "| M | Hosp" (the sex, not an initial)
    if side == "right" and (_CUE.match(word.group()) or TITLE.fullmatch(word.group().rstrip(":"))):
        return True
    if not any(c.isalpha() for c in word.group()):
        return False
    return any(s.category is Category.NAME and _overlaps(s, word.start(), word.end())
               for s in spans)


def starts_shown(word: str) -> bool:
    """Whether a word cut on its left shows its own start: written as a word starts, a capital
    and then small letters only ("Ann", not "RoOm", "nn" or "ANN", which may be any part)."""
    raw = word.strip(".,:;()[]'\"")
    return len(raw) >= 2 and raw[0].isupper() and raw[1:].isalpha() and raw[1:].islower()


def _label_after(words: list[re.Match[str]], index: int) -> bool:
    """The next word is a label ("Dr:", "HCA:") or a title: what came before it ended."""
    if index + 1 >= len(words):
        return False
    after = words[index + 1].group()
    return bool(re.fullmatch(r"[A-Za-z.]{1,8}:", after) or TITLE.fullmatch(after.rstrip(":")))


def _after_cut_label(text: str, words: list[re.Match[str]], spans: list[TextSpan]
                     ) -> TextSpan | None:
    """A listed name after a label the left edge cuts ("r: Mensah" of "Dr: Mensah"): what
    the label said is gone, but a name there is a value, not a word of a sentence."""
    if len(words) < 2 or not words[0].group().endswith(":"):
        return None
    word = words[1]
    raw = word.group().strip(".,;")
    if (not raw.isalpha() or not raw[0].isupper() or not lexicon.is_known_name(raw)
            or lexicon.is_ordinary(raw) or any(_overlaps(s, word.start(), word.end())
                                               for s in spans)):
        return None
    return TextSpan(word.start(), word.start() + len(raw), Category.NAME, 0.5,
                    "name after a label cut at the frame's edge", raw)


def _row_of_names(words: list[re.Match[str]], index: int, spans: list[TextSpan]) -> bool:
    """The line goes on after the word with a label and a name ("Tomasz   OT: Ruth"): a row
    of people, each after a label."""
    if not _label_after(words, index) or index + 2 >= len(words):
        return False
    value = words[index + 2]
    return any(s.category is Category.NAME and _overlaps(s, value.start(), value.end())
               for s in spans)


def _labelled_value(words: list[re.Match[str]], index: int, spans: list[TextSpan]
                    ) -> TextSpan | None:
    """A word written as a name is (a capital, then small letters), whose own label the left
    edge cut ("Tomasz" of "Physio: Tomasz", cut before it or in its label), in a row that
    goes on with a label and a name: a name though no list knows it, as whole the row's label
    would have said, unless it is an ordinary word ("Soft" of "Diet: Soft")."""
    word = words[index]
    raw = word.group().strip(".,;")
    if (not starts_shown(raw) or not raw.isalpha() or lexicon.is_ordinary(raw)
            or not _row_of_names(words, index, spans)
            or any(_overlaps(s, word.start(), word.end()) for s in spans)):
        return None
    return TextSpan(word.start(), word.start() + len(raw), Category.NAME, 0.5,
                    "name in a row of labelled names, its label cut at the frame's edge", raw)


def _label_cut(text: str, words: list[re.Match[str]]) -> TextSpan | None:
    """A room number whose label the left edge cuts ("oom 14" of "Room 14"): three letters of
    the label or more (four of a longer one) and a number after them."""
    if len(words) < 2 or not _PLACE_NUMBER.match(words[1].group()):
        return None
    raw = words[0].group().lower()
    if not raw.isalpha() or not any(
            label.endswith(raw) and len(raw) >= min(4, len(label) - 1) for label in _PLACE_LABELS):
        return None
    end = words[1].start() + len(words[1].group().rstrip(".,;"))
    return TextSpan(words[0].start(), end, Category.LOCATION, 0.6,
                    "room number, its label cut at the frame's edge", text[words[0].start():end])


def _fragment(text: str, word: re.Match[str], side: str, cue: bool, staff: str) -> TextSpan | None:
    """The cut word as a finding, when enough of it shows to identify it."""
    raw = word.group().strip(".,:;()[]'\"")
    start = word.start() + word.group().find(raw) if raw else word.start()
    digits = sum(c.isdigit() for c in raw)
    run = max((sum(c.isdigit() for c in m) for m in re.findall(r"\d[\d-]*", raw)), default=0)
    if run >= MIN_DIGITS and digits * 2 >= len(raw):
        # four digits in one number ("617-555", "1951"): "118/76", a blood pressure, is none
        category = Category.DATE if re.search(r"\d[/.]\d", raw) else Category.ID
        return TextSpan(start, start + len(raw), category, 0.6,
                        f"{digits} digits of a number cut at the frame's edge", raw)
    if len(raw) < MIN_LETTERS or not raw.isalpha() or word.group().endswith(":"):
        return None  # too little of it, not a word, or a label ("urse:" of "Nurse:")
    if side == "right" and not raw[0].isupper():
        return None  # the start of a name shows its capital
    if not (name_part(raw, side) or word_part(raw, side) or place_part(raw, side)
            ) and len(raw) > MIN_LETTERS:
        # no name or word ends (starts) so: the letter the edge cuts was misread ("Tensah",
        # half an "M"); what is left is matched
        kept = raw[1:] if side == "left" else raw[:-1]
        start, raw = (start + 1, kept) if side == "left" else (start, kept)
    # "Marker" of "Markers" is a word itself; the end of a word cut on its left ("llano" of
    # "Castellano") is a word itself only where it may be the whole word: a name that is also
    # a rare word ("llano", "ness") counts as one only if an ordinary word ends with it too
    ordinary = word_part(raw, side, inflected=bool(_SENTENCE_AFTER.match(
        text, word.end()))) or place_part(raw, side) or (lexicon.is_ordinary(raw) and not (
        side == "left" and not starts_shown(raw) and lexicon.is_known_name(raw)))
    if not name_part(raw, side) or (ordinary and not cue):
        return None
    if is_maker_word(raw):
        return None  # "Philips Lumify" at the edge: a maker's whole word, though a surname too
    rule = f"{staff}, cut at the frame's edge" if staff else (
        f"{'start' if side == 'right' else 'end'} of a name, cut at the frame's edge")
    return TextSpan(start, start + len(raw), Category.NAME, 0.6 if cue else 0.5, rule, raw)


# a field's end before a cut name: a bar, or a sex marker ("| M | KADYRC", "MALE NEAI")
_FIELD_BEFORE = re.compile(r"(?:[|丨]|(?<![A-Za-z])(?:[MF]|MALE|FEMALE|Male|Female))\s*$")
_FIELD_AFTER = re.compile(r"\s*[|丨]")


def _banner_field(text: str, word: re.Match[str], side: str, spans: list[TextSpan]
                  ) -> TextSpan | None:
    """A word cut by the edge in a record banner's field of its own, after a bar or the sex
    (cut on the right: "MRN 42605143 | DOB: 28-APR-1938 | M | KADYRC"), or before a bar (cut
    on the left: "EITONEN | DOB: 19.09.2000 | M"), on a line that holds a birth date, a sex or
    an age itself: the banner's name field, though no list knows the name. Four letters or
    more, no label, not the start (end) of an ordinary or an image word."""
    raw = word.group().strip(".,;()[]'\"")
    start = word.start() + word.group().find(raw) if raw else word.start()
    if (len(raw) < MIN_LETTERS or not raw.isalpha() or not raw[0].isupper()
            or (side == "left" and not raw.isupper())
            or word.group().endswith(":") or holds_identifier(text, spans) != PERSON):
        return None
    if side == "right" and not _FIELD_BEFORE.search(text, 0, word.start()):
        return None
    if side == "left" and not _FIELD_AFTER.match(text, word.end()):
        return None
    if (image_part(raw, side) or word_part(raw, side) or lexicon.is_ordinary(raw)
            or place_part(raw, side)):
        return None  # "| (F) | MASSACHUSETTS" of "MASSACHUSETTS GENERAL": a place
    return TextSpan(start, start + len(raw), Category.NAME, 0.5,
                    "name in a record banner's field, cut at the frame's edge", raw)


_FIELD_WORD = re.compile(r"[A-Z][A-Za-z]*[.,]?")


def _banner_field_words(text: str, words: list[re.Match[str]], index: int,
                        spans: list[TextSpan]) -> TextSpan | None:
    """The whole words before a word the right edge cuts, in a record banner's last field of
    their own after a bar or the sex, on a line that holds a birth date, a sex or an age: the
    banner's name field, its end cut off ("| Male | King, I|", "| Sex: F | Idris R. IB|").
    Capitalised words, up to three, none an image's, a facility's or a place's word, not all
    English unless written as a surname before its comma ("King,")."""
    field: list[re.Match[str]] = []
    for near in range(index - 1, max(-1, index - 4), -1):
        word = words[near]
        between = text[word.end() : (field[0] if field else words[index]).start()]
        if "|" in between or "丨" in between or not _FIELD_WORD.fullmatch(word.group()):
            break
        field.insert(0, word)
    if not field or holds_identifier(text, spans) != PERSON:
        return None
    if not _FIELD_BEFORE.search(text, 0, field[0].start()):
        return None
    letters = [w.group().strip(".,") for w in field]
    if any(w.lower() in NOT_A_NAME or lexicon.is_place(w) or len(w) < 2 for w in letters):
        return None
    surname_first = len(field) == 1 and len(words[index].group()) <= 2 and (
        field[0].group()[-1] in ".," or text.startswith((",", "，"), field[0].end()))
    if (letters[0].lower() in HOSPITAL_ROYALS and field[0].group()[-1] not in ".,"
            and not text.startswith((",", "，"), field[0].end())):
        return None  # "| Sex: F | Queen El|": a hospital named after a royal, not "King, I|"
    if all(lexicon.is_ordinary(w) for w in letters) and not surname_first:
        return None
    if any(_overlaps(s, field[0].start(), field[-1].end()) for s in spans):
        return None
    cut = words[index]
    if len(cut.group()) >= 3 and image_part(cut.group(), "right"):
        return None  # "Sunnybrook Hsc|": the field is a facility's or a study's name
    end = cut.end() if cut.group().isalpha() else field[-1].end()
    return TextSpan(field[0].start(), end, Category.NAME, 0.5,
                    "name in a record banner's field, cut at the frame's edge",
                    text[field[0].start() : end])


def _given_then_cut(text: str, words: list[re.Match[str]], spans: list[TextSpan]
                    ) -> TextSpan | None:
    """A listed given name and the start of the surname the right edge cuts ("WILHELMINA TRA|",
    or run together: "SAMUELOKAR|"), on a line that holds or sits beside an identifier: the
    name, though the surname's start is too short to look up."""
    cut = words[-1]
    raw = cut.group().strip(".,;()[]'\"")
    if not raw.isalpha() or not raw[0].isupper() or any(
            _overlaps(s, cut.start(), cut.end()) for s in spans):
        return None
    start = cut.start() + cut.group().find(raw)
    if raw.isupper() and len(raw) >= 6:  # run together: a given name, then two letters or more
        for size in range(4, len(raw) - 1):
            if _listed_given(raw[:size]):
                return TextSpan(start, start + len(raw), Category.NAME, 0.5,
                                "given name and the start of a surname, cut at the frame's edge",
                                raw)
    if len(words) < 2:
        return None
    given = words[-2]
    if (not _listed_given(given.group()) or text[given.end() : cut.start()].strip()
            or not given.group()[0].isupper()
            or any(_overlaps(s, given.start(), given.end()) for s in spans)):
        return None
    return TextSpan(given.start(), start + len(raw), Category.NAME, 0.5,
                    "given name and the start of a surname, cut at the frame's edge",
                    text[given.start() : start + len(raw)])


def _listed_given(word: str) -> bool:
    return (len(word) >= 4 and word.isalpha() and lexicon.is_first_name(word)
            and not lexicon.is_ordinary(word) and word.lower() not in NOT_A_NAME)


def _given_after_cut_surname(text: str, word: re.Match[str], spans: list[TextSpan]
                             ) -> TextSpan | None:
    """A word in capitals the left edge cuts that ends with a listed given name (and perhaps
    its middle initial), on a line that holds a birth date, a sex or an age: the end of the
    surname, its caret dropped, and the given name ("HAYEVJENNIFERS" of
    "UMKHAYEV^JENNIFER^S")."""
    raw = word.group().strip(".,;()[]'\"")
    if not (len(raw) >= 8 and raw.isalpha() and raw.isupper()
            and holds_identifier(text, spans) == PERSON):
        return None
    lower = raw.lower()
    for end in (len(lower), len(lower) - 1):
        for start in range(2, end - 3):
            given = lower[start:end]
            if lexicon.is_census_first_name(given) and not lexicon.is_ordinary(given):
                at = word.start() + word.group().find(raw)
                return TextSpan(at, at + len(raw), Category.NAME, 0.5,
                                "end of a name and a given name, cut at the frame's edge", raw)
    return None


def _with_given_run_on(text: str, found: TextSpan, before: re.Match[str],
                       spans: list[TextSpan]) -> TextSpan:
    """The start of a name cut at the edge, with the first name OCR ran onto it
    ("GregoryHALVORSE|"): both are one name."""
    if (before.end() == found.start and lexicon.is_first_name(before.group())
            and not any(_overlaps(s, before.start(), before.end()) for s in spans)):
        return replace(found, start=before.start(), text=text[before.start() : found.end])
    return found


def _run_together(text: str, word: re.Match[str], side: str) -> list[re.Match[str]]:
    """The words OCR ran together in `word`, told apart at their capitals when each is three
    letters or more ("FemaleMCDOWELLAdam": only "Adam" is cut, "Female MCDOWELL" show whole;
    "RoOm" is one word); else `word`. The piece at the cut (`side`) may be shorter: the edge's
    half-letter is read as anything ("StephanFENSTEl": "FENSTE" and a half "R" read "l")."""
    parts = list(_CAMEL_PART.finditer(text, word.start(), word.end()))
    if len(parts) > 1 and "".join(p.group() for p in parts) == word.group():
        at_cut = -1 if side == "right" else 0
        if len(parts) > 2 and len(parts[at_cut].group()) < 3:
            inner = parts[at_cut - 1] if side == "right" else parts[1]
            lo = min(inner.start(), parts[at_cut].start())
            hi = max(inner.end(), parts[at_cut].end())
            merged = re.compile(r".+", re.S).match(text, lo, hi)
            assert merged is not None
            parts = parts[:-2] + [merged] if side == "right" else [merged] + parts[2:]
        if all(len(p.group()) >= 3 for p in parts):
            return parts
    return [word]


def edge_spans(text: str, spans: list[TextSpan], cut: Cut,
               detect: Callable[[str], list[TextSpan]] | None = None,
               cue: int = 0) -> list[TextSpan]:
    """The spans of a line the frame's edge cuts: the cut word not looked up whole, but as the
    start or end of a name or number; a line cut across its height keeps only what does not
    rest on the statistical model's reading of its half-letters. `detect` (the line's
    detector) reads the line again without the word its left edge cuts: what follows is then
    the start of the line, as it is of the banner or list whose start the edge cut off
    ("MA NANAHO    Pt ID: …": the name is the first field). `cue`: what the line's company
    says (line_names.RECORD or PERSON), as the detector was told."""
    if cut.across:
        spans = [s for s in spans if not s.from_ner]
    words = list(_WORD.finditer(text))
    if not words or not (cut.left or cut.right):
        return spans
    if cut.right:
        words[-1:] = _run_together(text, words[-1], "right")
    if cut.left:
        words[:1] = _run_together(text, words[0], "left")
    if cut.right:
        spans = _at_the_cut(text, words, len(words) - 1, "right", spans)
        if cue and (given := _given_then_cut(text, words, spans)) is not None:
            spans.append(given)
    if cut.left:
        spans = _at_the_cut(text, words, 0, "left", spans)
        if detect is not None and len(words) > 1:
            spans += _after_the_cut(text, words[0], spans, detect)
    return _one_name_each(text, sorted(spans, key=lambda s: s.start))


def _at_the_cut(text: str, words: list[re.Match[str]], index: int, side: str,
                spans: list[TextSpan]) -> list[TextSpan]:
    """The line's spans with the word the edge cuts on `side` (`words[index]`) read as part
    of a word: what rested on it whole trimmed off, and the part itself flagged when enough of
    it shows."""
    word = words[index]
    if side == "left" and (label := _label_cut(text, words)) is not None:
        return [s for s in spans if not _overlaps(s, label.start, label.end)] + [label]
    # its start shows and the board's layout goes on after it ("Ann   Dr: Mensah"): the word
    # is whole, as the line's reading found it
    whole = side == "left" and starts_shown(word.group()) and (
        _label_after(words, index) or _cue_beside(words, index, side, spans))
    before = spans
    spans = []
    staff = ""
    for span in before:
        if whole or not (_looked_up(span) and _overlaps(span, word.start(), word.end())):
            spans.append(span)
            continue
        staff = span.rule if span.rule.startswith("staff name") else staff
        rest = _trimmed(span, word.start(), word.end(), text)
        if (rest is not None and len(word.group().strip(".,")) == 1
                and SHAPE_RULE in span.rule and _weak_alone(rest.text)):
            rest = None  # "Tte C|" of "Echo Tte Complete": the initial was a cut word
        spans += [rest] if rest is not None else []
    if any(_overlaps(s, word.start(), word.end()) for s in spans):
        return spans  # a pattern still holds it ("Bed 3", a date)
    if side == "left" and (named := _after_cut_label(text, words, spans)) is not None:
        return [*spans, named]
    if side == "left" and (named := _labelled_value(
            words, 1 if words[0].group().endswith(":") else 0, spans)) is not None:
        return [*spans, named]
    found = _fragment(text, word, side, _cue_beside(words, index, side, before), staff)
    if found is None:
        found = _banner_field(text, word, side, before)
    if found is None and side == "left":
        found = _given_after_cut_surname(text, word, before)
    if side == "right" and (field := _banner_field_words(text, words, index, before)):
        # the field's whole words with the cut one ("EmeseK. ZOLT|": not "ZOLT" alone)
        found = field if found is None else replace(
            found, start=field.start, text=text[field.start : found.end])
    if found is not None and side == "right" and index > 0:
        found = _with_given_run_on(text, found, words[index - 1], spans)
    return [*spans, found] if found is not None else spans


_NAME_JOIN = re.compile(r"\s?[,^~]?\s?")


def _one_name_each(text: str, spans: list[TextSpan]) -> list[TextSpan]:
    """A name cut at the edge and the rest of it beside ("andberg" and "Malvina" of
    "andberg~Malvina") are one name: two names apart by only a space, a comma or a caret are
    made one span (the first one's rule)."""
    out: list[TextSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if (last is not None and last.category is Category.NAME is span.category
                and last.end <= span.start
                and _NAME_JOIN.fullmatch(text, last.end, span.start) is not None):
            out[-1] = replace(last, end=span.end, text=text[last.start : span.end])
            continue
        out.append(span)
    return out


def _after_the_cut(text: str, word: re.Match[str], spans: list[TextSpan],
                   detect: Callable[[str], list[TextSpan]]) -> list[TextSpan]:
    """Names found when the line is read from the word after the one its left edge cuts."""
    blank = text[: word.start()] + " " * (word.end() - word.start()) + text[word.end() :]
    return [s for s in detect(blank) if s.category is Category.NAME
            and s.start >= word.end() and not any(_overlaps(o, s.start, s.end) for o in spans)]
