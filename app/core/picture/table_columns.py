"""A table's column header as the cue for the cells beneath it: "Patient" over "Okoro Chidi",
"Nurse" over "Ravi", down a ward's electronic patient board.

A label printed right above its value is read with it (stacked_lines.py); a table's header stands
over a whole column, and a row of the table holds no cue of its own ("6 | Okoro Chidi | Ravi").
Here a header that names people is found among the pieces OCR returned (a piece may hold one
title or the whole header row, and one line may hold a whole row of cells), the table's rows are
followed down from it (one after another with no big gap, at most `MOST_ROWS`), and each row's
words within the header's column are one cell. The cell is read as "<label>: <cell>" by the same
detector, so its label rules decide; what is found is put on the cell's own boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.core.detect.lexicon import common_surnames, is_first_name, is_known_name, is_ordinary
from app.core.detect.run_together import made_of_words
from app.core.findings.plain_summary import cue_above
from app.core.models import Box, Category, OcrLine, TextSpan

MOST_ROWS = 40  # a longer run is no table row by row (a page of text)
ROW_GAP = 3.0  # line heights between one row's text and the next's, at most
CELL_MOST_WORDS = 5  # a longer cell is a note, not a name
CELL_GAP = 1.2  # line heights between two words of one cell, at most
HEADER_MOST_WORDS = 8  # a piece of more words is a sentence, not a row of titles

# Headers that name people, and the label each is read with (one the detector knows).
_HEADERS = (
    (r"patient(?:'?s)?(?:\s+name)?|pt(?:\s+name)?|(?:full\s+|last\s+|first\s+|family\s+)?name|"
     r"surname|forenames?|given\s+names?", "Patient"),
    (r"nok|next\s+of\s+kin|relative|contact\s+name", "Name"),
    (r"(?:named\s+|staff\s+|key\s+|charge\s+)?nurse|rn|midwife|hca|carer", "Nurse"),
    (r"doctor|dr|consultant|cons|registrar|reg|sho|physician|surgeon|clinician|gp", "Doctor"),
)
_HEADER = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(f"(?P<h{i}>{pattern})" for i, (pattern, _) in enumerate(_HEADERS))
    + r")(?![A-Za-z])", re.IGNORECASE)
# a column title that may stand right before "Name" on a header row read as one piece
_BEFORE_NAME = frozenset({"bed", "bay", "room", "cubicle", "no", "no.", "#", "id", "mrn", "age"})
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# a word's first letter read "l" where no English word has it: before a consonant but l or y
_SMALL_L_FOR_I = re.compile(r"(?<![A-Za-z])l(?=[b-df-hj-km-np-tv-xz][a-z])")


@dataclass(frozen=True)
class Word:
    """One word of an OCR piece, its place estimated from its share of the piece's text."""

    line: OcrLine
    piece: int
    start: int  # inside line.text
    end: int
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end]

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def centre_y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Header:
    words: tuple[Word, ...]
    label: str  # what the cells are read after

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def words_of(line: OcrLine) -> list[Word]:
    """The words of each piece of `line`, each with its share of the piece's box."""
    out = []
    for index, (box, (a, e)) in enumerate(zip(line.boxes, line.spans, strict=False)):
        piece = line.text[a:e]
        if not piece:
            continue
        per_char = box.w / len(piece)
        for match in _WORD.finditer(piece):
            out.append(Word(line, index, a + match.start(), a + match.end(),
                            box.x + match.start() * per_char, box.x + match.end() * per_char,
                            box.y, box.y + box.h))
    return out


def _height(word: Word) -> float:
    return max(word.y1 - word.y0, 1.0)


def headers_in(words: list[Word]) -> list[Header]:
    """Column titles that name people. A title stands in its piece with only other titles or
    ordinary words ("Bed Patient Nurse Doctor", "Patient"), never before a value of its own
    ("Patient: Okoro Chidi" is a label beside its value, not a header)."""
    out = []
    pieces: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        pieces.setdefault((id(word.line), word.piece), []).append(word)
    for piece_words in pieces.values():
        line = piece_words[0].line
        start, end = piece_words[0].start, piece_words[-1].end
        text = line.text[start:end]
        if len(piece_words) > HEADER_MOST_WORDS or not all(
                _title_like(w.text) for w in piece_words):
            continue
        # a row of titles is written in capitals; a lone title in any case
        alone = bool(_HEADER.fullmatch(text.strip(" :|")))
        if not alone and not all(w.text[0].isupper() or not w.text[0].isalpha()
                                 for w in piece_words):
            continue  # a sentence's words ("the patient was seen by the nurse")
        for match in _HEADER.finditer(text):
            a, e = start + match.start(), start + match.end()
            after = line.text[e:end].lstrip()
            if after.startswith(":"):
                # a label, its value beside it ("Nurse: Ravi", "RN:" then "Ann") or cut off by
                # the frame's edge; one over its value is a stacked label's (stacked_lines)
                continue
            before = line.text[start:a].split()
            if (match.group().lower() == "name" and before
                    and before[-1].strip(":|").lower() not in _BEFORE_NAME):
                continue  # "Drug Name", "Ward name": a thing's name, not a person's
            own = tuple(w for w in piece_words if w.start < e and w.end > a)
            kind = next(i for i in range(len(_HEADERS)) if match.group(f"h{i}"))
            out.append(Header(own, _HEADERS[kind][1]))
    return out


def _title_like(word: str) -> bool:
    bare = word.strip(":|#.,")
    if not bare:
        return True
    return bool(_HEADER.fullmatch(bare)) or (is_ordinary(bare) and not is_first_name(bare))


def _row_of(word: Word, words: list[Word]) -> list[Word]:
    height = _height(word)
    return [w for w in words if abs(w.centre_y - word.centre_y) <= 0.5 * max(height, _height(w))]


def _column(header: Header, row: list[Word]) -> tuple[float, float]:
    """The header's column sideways: up to half way to the next title on its row each side
    (a long way when none)."""
    x0, x1 = header.words[0].x0, header.words[-1].x1
    height = _height(header.words[0])
    own = {id(w) for w in header.words}
    left = [w.x1 for w in row if id(w) not in own and w.x1 <= x0 + 0.5 * height]
    right = [w.x0 for w in row if id(w) not in own and w.x0 >= x1 - 0.5 * height]
    lo = (max(left) + x0) / 2 if left else x0 - 4 * height
    hi = (min(right) + x1) / 2 if right else x1 + 12 * height
    return lo, hi


def column_cells(header: Header, words: list[Word]) -> list[list[Word]]:
    """The cells beneath `header`, top to bottom: the table's rows followed down from the
    header's row while one follows the last within `ROW_GAP` line heights, and in each the
    runs of words whose middle lies in the header's column."""
    row = _row_of(header.words[0], words)
    lo, hi = _column(header, row)
    height = _height(header.words[0])
    bottom = max(w.y1 for w in row)
    # what stands beneath the header row, across the table's width
    table_x0, table_x1 = min(w.x0 for w in row), max(w.x1 for w in row)
    below = sorted((w for w in words if w.centre_y > bottom and w.x1 > min(table_x0, lo)
                    and w.x0 < max(table_x1, hi)), key=lambda w: w.centre_y)
    cells: list[list[Word]] = []
    rows = 0
    while below and rows < MOST_ROWS:
        first = below[0]
        if first.y0 - bottom > ROW_GAP * max(height, _height(first)):
            break
        here = _row_of(first, below)
        ids = {id(w) for w in here}
        below = [w for w in below if id(w) not in ids]
        bottom = max(w.y1 for w in here)
        rows += 1
        cell = [w for run in _runs(here) if lo <= (run[0].x0 + run[-1].x1) / 2 < hi
                for w in run]
        if cell and len(cell) <= CELL_MOST_WORDS:
            cells.append(cell)
    return cells


def _runs(row: list[Word]) -> list[list[Word]]:
    """A row's words in runs, left to right: a gap wider than `CELL_GAP` line heights (from
    one cell to the next, in one piece or two) ends a run."""
    runs: list[list[Word]] = []
    for word in sorted(row, key=lambda w: w.x0):
        if runs and word.x0 - runs[-1][-1].x1 <= CELL_GAP * max(_height(word), 1.0):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def cell_line(cell: list[Word]) -> OcrLine:
    """The cell as a line of its own: one piece per OCR piece it takes words from, each boxed
    by its words' share of the piece."""
    groups: list[list[Word]] = []
    for word in cell:
        if groups and groups[-1][-1].line is word.line and groups[-1][-1].piece == word.piece:
            groups[-1].append(word)
        else:
            groups.append([word])
    text, spans, boxes, tracks = "", [], [], []
    for group in groups:
        line = group[0].line
        piece = line.text[group[0].start : group[-1].end]
        if text:
            text += " "
        spans.append((len(text), len(text) + len(piece)))
        text += piece
        box = line.boxes[group[0].piece]
        x0, x1 = round(min(w.x0 for w in group)), round(max(w.x1 for w in group))
        boxes.append(Box(box.t_s, x0, box.y, max(1, x1 - x0), box.h))
        tracks.append(line.tracks[group[0].piece] if group[0].piece < len(line.tracks) else -1)
    confidence = min(w.line.confidence for w in cell)
    return OcrLine(text, confidence, tuple(boxes), tuple(spans), tuple(tracks))


@dataclass(frozen=True)
class ColumnCell:
    header: Header
    cell: OcrLine

    @property
    def joined(self) -> str:
        """The cell read after its header's label, a capital I read as a small l at a word's
        start put back ("lwasaki" → "Iwasaki"; the length kept, so positions hold)."""
        return f"{self.header.label}: {_SMALL_L_FOR_I.sub('I', self.cell.text)}"


def column_cells_of(lines: list[OcrLine]) -> list[ColumnCell]:
    """Every cell beneath a header that names people, on this frame's lines."""
    words = [w for line in lines for w in words_of(line)]
    out = []
    for header in headers_in(words):
        for cell in column_cells(header, words):
            out.append(ColumnCell(header, cell_line(cell)))
    return out


def spans_in_cell(found: ColumnCell, found_in_joined: list[TextSpan]) -> list[TextSpan]:
    """The names found in "<label>: <cell>", moved onto the cell (the label's part cut off); a
    name made only of ordinary words or short capitals ("Discharged", "Side room", "TBC") is no name
    in a column of names; two names side by side in one cell are one."""
    offset = len(found.header.label) + 2
    text = found.cell.text
    moved: list[TextSpan] = []
    for span in sorted(found_in_joined, key=lambda s: s.start):
        if span.end <= offset or span.category != Category.NAME:
            continue  # the header cues names; what else the cell holds its row finds
        start, end = max(span.start, offset) - offset, span.end - offset
        piece = text[start:end]
        if _no_name(piece):
            continue
        last = moved[-1] if moved else None
        if last is not None and not text[last.end : start].strip(" ,"):
            moved[-1] = replace(last, end=end, text=text[last.start : end],
                                confidence=max(last.confidence, span.confidence))
            continue
        moved.append(replace(span, start=start, end=end, text=piece,
                             rule=f"{span.rule} (column '{found.header.text}')",
                             cue=cue_above(found.header.text)))
    return moved


def _no_name(text: str) -> bool:
    """Whether a cell's "name" is only words: each an English word, short capitals or words
    run together, and not all of them first names or common surnames ("Discharged", "Side
    room", "Bed free", "TBC"; but "Blackwood", "Smith", "Rose Hill")."""
    words = _LETTERS.findall(text)
    if not words:
        return True
    if all(is_first_name(w) or w.lower() in common_surnames() for w in words):
        return False
    return all(is_ordinary(w) or (w.isupper() and len(w) <= 3) or _words_run_together(w)
               for w in words)


def _words_run_together(word: str) -> bool:
    """An image's words in capitals, their space lost ("LIVERTRANSVERSE" under "Ref: ED
    PHYSICIAN"): ten letters or more that English and overlay words make up whole."""
    return (word.isupper() and len(word) >= 10 and not is_known_name(word)
            and made_of_words(word.lower()))
