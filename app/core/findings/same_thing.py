"""One finding per thing on screen (issue 26): the findings of one identifier, however often its
line was lost and read again, cut by the frame's edge or read apart from its neighbours, made one.

The screen tracker closes a finding once its text has been out of sight for a second; during a
hand-held pan a wristband's MRN is then read, lost and read again three times in ten seconds,
and the name beside a label is read once on a line of its own. Each such finding is the same
identifier to the reviewer, who decides it once. Findings of one source and category (or two
kinds of number) are one thing when:

- their texts are one: the same once normalised, or one a part of the other with at least four
  of its letters or four of its digits ("OKAFO" of "OKAFOR, John", "102937" of "MRN 55102937"),
  or a part but for one misread character ("32913" of "00482913" cut at the edge), and
- the later starts within `BRIDGE_S` of the earlier's end (the redacted copy covers such a
  gap as if the text had stayed in view: redact.plan), and
- when they are on screen at once, they are read in one place (one line read whole and in
  part), not two (a name written twice on a board stays two findings).

The one finding keeps the earlier's id (the row the window listed first), the fullest reading,
every read's box (boxes read at one moment joined into one) and the span of both. The later's
id was a row too while the scan ran (a reviewer may have decided it): `made_one` says which id
each such row became, so its decision is carried over (review/carry_over.py).
"""

from __future__ import annotations

from dataclasses import replace

from app.core.findings.hits import NUMBERS, normalise, part_of
from app.core.models import Box, Finding, Source

BRIDGE_S = 6.0  # as redact.plan.BRIDGE_S: read again this soon, it stayed in view between
AT_ONCE_S = 0.5  # two reads this close in time are of one moment
LEAST_PART = 4  # letters or digits a part must show to be known as a part (issue 26, item 2)


def one_per_thing(findings: list[Finding]) -> list[Finding]:
    """`findings` with the screen findings of one identifier made one (the others as given)."""
    return made_one(findings)[0]


def made_one(findings: list[Finding]) -> tuple[list[Finding], dict[str, str]]:
    """`one_per_thing(findings)`, and the id each finding made one with an earlier one became
    (the earlier's)."""
    out: list[Finding] = []
    became: dict[str, str] = {}
    for finding in sorted(findings, key=lambda f: (f.start_s, f.end_s)):
        into = next((i for i, kept in enumerate(out) if _same_thing(kept, finding)), None)
        if into is None:
            out.append(finding)
        else:
            out[into] = _joined(out[into], finding)
            if finding.id != out[into].id:
                became[finding.id] = out[into].id
    return out, became


def _same_thing(earlier: Finding, later: Finding) -> bool:
    if earlier.source is not Source.SCREEN or later.source is not Source.SCREEN:
        return False
    if earlier.category is not later.category and not (
            {earlier.category, later.category} <= NUMBERS):
        return False
    if later.start_s > earlier.end_s + BRIDGE_S or not one_text(earlier.text, later.text):
        return False
    at_once = later.start_s < earlier.end_s - AT_ONCE_S
    return not at_once or _read_in_one_place(earlier.boxes, later.boxes)


def one_text(a: str, b: str) -> bool:
    """Two readings of one identifier: the same, or one a part of the other that shows enough
    of it to identify (four letters or four digits), or such a part but for one character."""
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if not (sum(c.isalpha() for c in short) >= LEAST_PART
            or sum(c.isdigit() for c in short) >= LEAST_PART):
        return False
    if part_of(short, long, LEAST_PART):
        return True
    return 5 <= len(short) < len(long) and any(
        sum(x != y for x, y in zip(short, long[i : i + len(short)], strict=True)) <= 1
        for i in range(len(long) - len(short) + 1))


def _read_in_one_place(boxes: tuple[Box, ...], others: tuple[Box, ...]) -> bool:
    """Some read of each, at one moment, on one line and side by side or overlapping."""
    return any(abs(a.t_s - b.t_s) <= AT_ONCE_S and _side_by_side(a, b)
               for a in boxes for b in others)


def _side_by_side(a: Box, b: Box) -> bool:
    height = max(a.h, b.h, 1)
    rows_meet = min(a.y + a.h, b.y + b.h) - max(a.y, b.y) > 0.5 * min(a.h, b.h)
    apart = max(a.x, b.x) - min(a.x + a.w, b.x + b.w)
    return rows_meet and apart <= 2 * height


def _joined(kept: Finding, other: Finding) -> Finding:
    whole = max((kept, other), key=lambda f: (len(normalise(f.text)), len(f.boxes)))
    return replace(
        whole, id=kept.id, start_s=min(kept.start_s, other.start_s),
        end_s=max(kept.end_s, other.end_s), confidence=max(kept.confidence, other.confidence),
        boxes=_boxes_by_moment(kept.boxes + other.boxes))


def _boxes_by_moment(boxes: tuple[Box, ...]) -> tuple[Box, ...]:
    """The boxes in time order, those read at one moment joined into one (a place is hidden
    by the box read at its moment: both parts of a line read apart must be in it)."""
    moments: dict[float, Box] = {}
    for box in sorted(boxes, key=lambda b: b.t_s):
        key = round(box.t_s, 3)
        seen = moments.get(key)
        if seen is None:
            moments[key] = box
            continue
        x0, y0 = min(seen.x, box.x), min(seen.y, box.y)
        x1, y1 = max(seen.x + seen.w, box.x + box.w), max(seen.y + seen.h, box.y + box.h)
        moments[key] = Box(seen.t_s, x0, y0, x1 - x0, y1 - y0)
    return tuple(moments.values())
