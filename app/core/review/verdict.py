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


def hard_to_read(coverage: Coverage) -> str:
    """The sentence saying where the picture held text OCR could not read clearly (handwriting,
    blur, small print, a script font): nothing in it can be flagged, and a clip whose board is
    handwritten would otherwise say only that nothing was found. "" when there was none."""
    times = coverage.low_confidence_text_times
    if not times:
        return ""
    stretches = joined([(t, t) for t in times], HARD_TO_READ_JOINED_S)
    shown = ", ".join(f"{format_short(a)}–{format_short(b)}" if b > a else format_short(a)
                      for a, b in stretches[:HARD_TO_READ_SHOWN])
    more = (f" and {len(stretches) - HARD_TO_READ_SHOWN} more"
            if len(stretches) > HARD_TO_READ_SHOWN else "")
    share = (f" ({len(times)} of the {coverage.frames_sampled} frames looked at)"
             if coverage.frames_sampled else "")
    return (f"Look yourself at {shown}{more}{share}: text there could not be read clearly "
            f"(handwriting, blur, small print), so nothing in it could be flagged.")
