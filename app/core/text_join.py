"""Joining pieces of text while remembering where each piece went."""

import re

# what parts two columns of one line, written apart on a screen ("Forsberg Tintin" and, far to
# its right, "King's College Hospital"): the picture's reading writes it (picture/word_gaps.py,
# picture/ocr.py) and no text rule joins words across it (their joins allow three spaces)
COLUMN = "    "


def readable(text: str) -> str:
    """`text` as a person reads it: a column's gap (COLUMN), or any other run of spaces OCR's
    join left, as one space, none at either end ("MRN    1234567" reads "MRN 1234567").

    For what a reviewer reads (a finding's text and reason, a read of a redacted copy): the
    rules see COLUMN, people see the words as they would copy them off the screen. One space,
    not a mark such as " · ": a label and its value printed in two columns are one identifier
    ("DOB 03/14/1951"), and the thumbnail beside a finding already shows the columns."""
    return re.sub(r" {2,}", " ", text).strip()


def join_with_ranges(pieces: list[str], between: list[str] | None = None
                     ) -> tuple[str, list[tuple[int, int]]]:
    """Pieces joined by single spaces (or by `between[i]` before `pieces[i + 1]`), and each
    piece's (start, end) inside the result."""
    text = ""
    ranges = []
    for index, piece in enumerate(pieces):
        if index:
            text += between[index - 1] if between is not None else " "
        ranges.append((len(text), len(text) + len(piece)))
        text += piece
    return text, ranges
