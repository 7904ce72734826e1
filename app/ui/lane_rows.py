"""Which sub-row of its lane each timeline span is drawn in, so that none hides another: spans
that overlap in time go in rows of their own, those that do not share a row.

Greedy interval packing: the spans by start time, each in the first row whose last span has
ended by then (a new row when none has). Taken in that order it needs no more rows than the most
spans overlapping at one moment. No Qt: the timeline (timeline.py) draws what this decides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One thing drawn in a lane: its id and its time, in seconds."""

    id: str
    start_s: float
    end_s: float


def pack_rows(spans: Iterable[Span], min_length_s: float = 0.0) -> dict[str, int]:
    """Each span's row (0 the first). `min_length_s`: a span is drawn at least this long (a
    short one is widened to stay clickable), so it takes that much of its row."""
    row_ends: list[float] = []
    rows: dict[str, int] = {}
    for span in sorted(spans, key=lambda s: (s.start_s, s.end_s, s.id)):
        if span.id in rows:
            continue
        end = max(span.end_s, span.start_s + min_length_s)
        row = next((i for i, row_end in enumerate(row_ends) if row_end <= span.start_s),
                   len(row_ends))
        if row == len(row_ends):
            row_ends.append(end)
        else:
            row_ends[row] = end
        rows[span.id] = row
    return rows


def row_count(rows: dict[str, int]) -> int:
    """How many rows a lane's spans take (at least one: an empty lane is still drawn)."""
    return max(rows.values(), default=0) + 1
