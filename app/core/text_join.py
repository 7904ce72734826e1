"""Joining pieces of text while remembering where each piece went."""


# what parts two columns of one line, written apart on a screen ("Forsberg Tintin" and, far to
# its right, "King's College Hospital"): the picture's reading writes it (picture/word_gaps.py,
# picture/ocr.py) and no text rule joins words across it (their joins allow three spaces)
COLUMN = "    "


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
