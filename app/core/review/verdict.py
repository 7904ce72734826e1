"""The verdict on a clip as reviewed: whether it may be posted, its counts, and why not. The one
place it is worked out: the review PDF prints it (report.py), the window's header shows it live
and the command line and the folder scan say it, all from these functions.

    summary = verdict_of(session.reviewed, session.review)
    summary.line()                 # "Not cleared: 1 must fix · 0 false alarms · 7 open"
    not_cleared_because(summary)   # "Not cleared because flags are marked must fix or …"
    hard_to_read(result.coverage)  # "Text it could not read clearly was seen at 0:01, …"
"""

from __future__ import annotations

from app.core.findings.combination import flags
from app.core.geometry import PARTS
from app.core.models import AnalysisResult, Coverage
from app.core.review.carry_over import carried_ids
from app.core.review.decisions import Review, Summary
from app.core.timecode import format_short, joined

CLEARED_COLOUR = "#2e7d32"
NOT_CLEARED_COLOUR = "#c62828"


def scan_ids(result: AnalysisResult) -> list[str]:
    """Every id this scan has (findings and presenter faces, and the rows it listed while it
    ran and then made one with another, whose decisions are carried over: carry_over.py): a
    must fix outside them was decided on a scan made with other settings."""
    return [f.id for f in (*result.findings, *result.presenter_faces)] + carried_ids(result)


def verdict_of(result: AnalysisResult, review: Review) -> Summary:
    """The counts over the scan's flags as reviewed (a detail is inside its combination); a
    must fix decided on a scan made with other settings is counted too, and the clip is then
    not cleared."""
    return review.summary([f.id for f in flags(result.findings)], scan_ids(result))


def verdict_colour(summary: Summary) -> str:
    """Green when cleared, red when not (the PDF's and the window's)."""
    return CLEARED_COLOUR if summary.cleared else NOT_CLEARED_COLOUR


def not_cleared_because(summary: Summary) -> str:
    """The sentence under the verdict saying why it is not cleared ("" when it is)."""
    reasons = []
    if summary.must_fix or summary.open:
        reasons.append("flags are marked must fix or still open")
    if summary.unanswered:
        count = len(summary.unanswered)
        reasons.append(f"{count} checklist question{'s' if count != 1 else ''} unanswered")
    if summary.blocking_answers:
        reasons.append("a checklist answer does not allow posting")
    if summary.elsewhere:
        count, many = len(summary.elsewhere), len(summary.elsewhere) != 1
        reasons.append(f"{count} finding{'s' if many else ''} marked must fix on a scan made "
                       f"with other settings (deny list, OCR engine or speech model) "
                       f"{'are' if many else 'is'} not in this scan: scan with those settings "
                       f"to see and hide {'them' if many else 'it'}")
    return "Not cleared because " + "; ".join(reasons) + "." if reasons else ""


HARD_TO_READ_SHOWN = 8  # stretches listed; the rest counted
HARD_TO_READ_JOINED_S = 1.0  # samples this close are one stretch ("0:00.0–0:26.0", not 53 times)
HARD_TO_READ_PARTS = 3  # parts of the picture named; in more, the text is "across the picture"


def hard_to_read(coverage: Coverage) -> str:
    """The sentence saying where the picture held text OCR could not read clearly (handwriting,
    blur, small print, a script font): nothing in it can be flagged, and a clip whose board is
    handwritten would otherwise say only that nothing was found. "" when there was none.

    It says where in the picture, and when there: a sharp monitor clip with one logo's small
    print unread at the top left is not a clip whose text could not be read."""
    times = coverage.low_confidence_text_times
    if not times:
        return ""
    share = (f" ({len(times)} of the {coverage.frames_sampled} frames looked at)"
             if coverage.frames_sampled else "")
    return (f"Look yourself {_where_and_when(coverage)}{share}: text there could not be read "
            f"clearly (handwriting, blur, small print), so nothing in it could be flagged.")


def _where_and_when(coverage: Coverage) -> str:
    """"at 0:00.0–0:26.0 at the top left of the picture, at 0:03.0 in the middle": each part
    of the picture with its stretches (the earliest first: a status bar cuts the rest), parts
    with the same stretches said together, more than HARD_TO_READ_PARTS of them "across the
    picture"; only the times for a scan saved before parts were kept."""
    if not coverage.low_confidence_text_parts:
        return "at " + _stretches(joined([(t, t) for t in coverage.low_confidence_text_times],
                                         HARD_TO_READ_JOINED_S), HARD_TO_READ_SHOWN)
    times: dict[str, list[float]] = {}
    for t, part in coverage.low_confidence_text_parts:
        times.setdefault(part, []).append(t)
    together: dict[tuple[tuple[float, float], ...], list[str]] = {}
    for part in PARTS:
        if part in times:
            spans = tuple(joined([(t, t) for t in times[part]], HARD_TO_READ_JOINED_S))
            together.setdefault(spans, []).append(part)
    said: list[str] = []
    left = HARD_TO_READ_SHOWN
    # the earliest first; of two from the same moment, the one that lasts longer
    groups = sorted(together.items(), key=lambda item: (item[0][0][0], -item[0][-1][1]))
    for index, (spans, parts) in enumerate(groups):
        if left <= 0:
            said[-1] += f" and {sum(len(s) for s, _ in groups[index:])} more elsewhere"
            break
        if len(parts) > HARD_TO_READ_PARTS:
            where = "across the picture"
        else:
            where = " and ".join(f"{'in' if p == 'middle' else 'at'} the {p}" for p in parts)
            where += "" if said else " of the picture"
        said.append(f"at {_stretches(list(spans), left)} {where}")
        left -= len(spans)
    return ", ".join(said)


def _stretches(spans: list[tuple[float, float]], shown: int) -> str:
    """"0:00.5–0:03.0, 0:07.0 and 3 more": at most `shown` stretches listed."""
    listed = ", ".join(f"{format_short(a)}–{format_short(b)}" if b > a else format_short(a)
                       for a, b in spans[:shown])
    return listed + (f" and {len(spans) - shown} more" if len(spans) > shown else "")
