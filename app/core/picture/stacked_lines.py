"""Labels printed above their values: "DOB" on one line, "03/14/1951" on the next; labels
printed far left of their values on a form ("Bed" and, a column's gap to its right, "12"); and
the lines of one block, as an image overlay stacks a name over a date of birth.

Charts, wristbands and whiteboards often stack a label over its value, and a form prints it in a
column of labels with the values in the next, so far apart that OCR returns them as two lines
(ocr.group_into_lines joins pieces at most two heights apart); a date or number alone may not say
what it is ("12", "4B", a name in no list). Each label-only line is paired with the line right
beneath it, the two read together and what is found in the value reported on the value's own
boxes; and with the nearest line to its right on its row, the two read as one line ("Bed    12",
the gap written text_join.COLUMN: a label's rule reaches its value, a name's never joins the two
columns) and what is found reported on both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.core.detect.ocr_tolerance import stacked_label
from app.core.findings.plain_summary import cue_above
from app.core.models import OcrLine, TextSpan
from app.core.text_join import COLUMN, join_with_ranges

# labels of an address, alone on their line ("Address:", "Postcode"), besides stacked_label's
_ADDRESS_LABEL = re.compile(
    r"^\s*(?:(?:home\s+)?address|addr\.?|post\s?code|zip(?:\s+code)?)\s*[:#.]?\s*$",
    re.IGNORECASE)


def label_only(text: str) -> bool:
    """Whether a screen line is only a label ("DOB:", "MRN", "Address:"), its value elsewhere."""
    return stacked_label(text) or bool(_ADDRESS_LABEL.match(text))


def _extent(line: OcrLine) -> tuple[float, float, float, float]:
    x0 = min(b.x for b in line.boxes)
    y0 = min(b.y for b in line.boxes)
    x1 = max(b.x + b.w for b in line.boxes)
    y1 = max(b.y + b.h for b in line.boxes)
    return x0, y0, x1, y1


def value_below(label: OcrLine, lines: list[OcrLine]) -> OcrLine | None:
    """The line right beneath `label` and overlapping it sideways, within 1.5 line heights."""
    lx0, _, lx1, ly1 = _extent(label)
    height = max(b.h for b in label.boxes)
    best: tuple[float, OcrLine] | None = None
    for line in lines:
        if line is label or not line.boxes:
            continue
        x0, y0, x1, _ = _extent(line)
        gap = y0 - ly1
        if -0.3 * height <= gap <= 1.5 * height and x0 < lx1 and x1 > lx0:
            if best is None or gap < best[0]:
                best = (gap, line)
    return best[1] if best else None


def neighbours(line: OcrLine, lines: list[OcrLine]) -> list[OcrLine]:
    """The lines of `line`'s block: right above or below it (within 1.5 line heights) and
    overlapping it sideways, as an image overlay's or a banner's lines stand."""
    if not line.boxes:
        return []
    x0, y0, x1, y1 = _extent(line)
    height = max(b.h for b in line.boxes)
    near = []
    for other in lines:
        if other is line or not other.boxes:
            continue
        ox0, oy0, ox1, oy1 = _extent(other)
        apart = max(oy0 - y1, y0 - oy1)
        if apart <= 1.5 * max(height, max(b.h for b in other.boxes)) and ox0 < x1 and ox1 > x0:
            near.append(other)
    return near


BLOCK_MOST = 8  # a longer stack of lines is a page or a board, not an overlay's block


def _same_row(line: OcrLine, other: OcrLine) -> bool:
    """`other` stands on `line`'s row, a little apart (two columns of one overlay, or a line
    OCR read in two pieces)."""
    x0, y0, x1, y1 = _extent(line)
    ox0, oy0, ox1, oy1 = _extent(other)
    height = max(b.h for b in (*line.boxes, *other.boxes))
    return min(y1, oy1) - max(y0, oy0) > 0.5 * height and max(ox0 - x1, x0 - ox1) <= 3 * height


ROW_MOST_APART = 15  # line heights between two cells of one table row, at most


def row_of(line: OcrLine, lines: list[OcrLine]) -> list[OcrLine]:
    """The other lines on `line`'s row, however long the list: a table's cells beside it
    ("Virtanen, Eero" and its record number "3301000" in the next column), read as lines of
    their own where the columns stand apart."""
    if not line.boxes:
        return []
    x0, y0, x1, y1 = _extent(line)
    out = []
    for other in lines:
        if other is line or not other.boxes:
            continue
        ox0, oy0, ox1, oy1 = _extent(other)
        height = max(b.h for b in (*line.boxes, *other.boxes))
        if (min(y1, oy1) - max(y0, oy0) > 0.5 * height
                and max(ox0 - x1, x0 - ox1) <= ROW_MOST_APART * height):
            out.append(other)
    return out


def block_of(line: OcrLine, lines: list[OcrLine]) -> list[OcrLine]:
    """The other lines of `line`'s block: its neighbours, theirs and so on, and the lines beside
    them on their rows, as an overlay's header stands (a name two lines over the record number,
    beside a hospital). A block of more than `BLOCK_MOST` lines is a page, a board or a slide:
    there only the lines right above and below count (`neighbours`)."""
    if not line.boxes:
        return []
    block, todo = [line], [line]
    while todo and len(block) <= BLOCK_MOST:
        here = todo.pop()
        near = neighbours(here, lines)
        for other in lines:
            if any(other is b for b in block) or not other.boxes:
                continue
            if any(other is n for n in near) or _same_row(here, other):
                block.append(other)
                todo.append(other)
    if len(block) > BLOCK_MOST:
        return neighbours(line, lines)
    return block[1:]


def value_beside(label: OcrLine, lines: list[OcrLine]) -> OcrLine | None:
    """The nearest line to the right of `label` on its row, within ROW_MOST_APART line heights
    (a form's value printed a column's gap from its label)."""
    _, y0, lx1, y1 = _extent(label)
    best: tuple[float, OcrLine] | None = None
    for line in lines:
        if line is label or not line.boxes:
            continue
        ox0, oy0, _, oy1 = _extent(line)
        height = max(b.h for b in (*label.boxes, *line.boxes))
        gap = ox0 - lx1
        if (min(y1, oy1) - max(y0, oy0) > 0.5 * height
                and -0.3 * height <= gap <= ROW_MOST_APART * height
                and (best is None or gap < best[0])):
            best = (gap, line)
    return best[1] if best else None


def stacked_pairs(lines: list[OcrLine]) -> list[tuple[OcrLine, OcrLine]]:
    """Each label-only line with its value: the line beneath it, and the line beside it, that
    one as their row's line (`row_line`); a label is no value ("Bed" over "Room" in a form's
    column of labels, "Address:" over "Postcode")."""
    pairs = []
    for line in lines:
        if line.boxes and label_only(line.text):
            below, beside = value_below(line, lines), value_beside(line, lines)
            if below is not None and not label_only(below.text):
                pairs.append((line, below))
            if beside is not None and not label_only(beside.text):
                pairs.append((line, row_line(line, beside)))
    return pairs


def row_line(label: OcrLine, value: OcrLine) -> OcrLine:
    """The label and the value beside it as one line, a column's gap (text_join.COLUMN) between
    them as ocr.group_into_lines writes pieces that stand apart: "Bed    12" is found whole, on
    both boxes, as when the two are read as one line."""
    text, (_, at) = join_with_ranges([label.text, value.text], [COLUMN])
    offset = at[0]
    return OcrLine(text, min(label.confidence, value.confidence), label.boxes + value.boxes,
                   label.spans + tuple((a + offset, e + offset) for a, e in value.spans),
                   _tracks(label) + _tracks(value))


def _tracks(line: OcrLine) -> tuple[int, ...]:
    return line.tracks if len(line.tracks) == len(line.boxes) else (-1,) * len(line.boxes)


def _on_row(label: OcrLine, value: OcrLine) -> bool:
    """Whether `value` is `label`'s row line (`row_line`), which holds the label already."""
    return (value.boxes[: len(label.boxes)] == label.boxes
            and value.text.startswith(label.text + COLUMN))


def spans_in_value(label: OcrLine, value: OcrLine,
                   found_in_joined: list[TextSpan]) -> list[TextSpan]:
    """Spans found in `joined_text(label, value)`, on the value line: the label's part cut off
    from a value beneath it; a row line's as found, those of the label alone left out."""
    if _on_row(label, value):
        return [span for span in found_in_joined if span.end > len(label.text)]
    offset = len(label.text) + 1
    moved = []
    for span in found_in_joined:
        if span.end <= offset:
            continue
        start = max(span.start, offset) - offset
        end = span.end - offset
        moved.append(replace(span, start=start, end=end, text=value.text[start:end],
                             rule=f"{span.rule} (label '{label.text.strip()}' above)",
                             cue=cue_above(label.text)))
    return moved


def joined_text(label: OcrLine, value: OcrLine) -> str:
    """The label and its value as one line: a row line is one already."""
    return value.text if _on_row(label, value) else f"{label.text} {value.text}"
