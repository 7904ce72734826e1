"""The record of an export that was stopped (Ctrl+C, SIGTERM or SIGHUP, the window closed while
it ran): kept in the review's `redactions` list beside the copies made, so the PDF can say that
an export was interrupted and that no copy of it was kept."""

from __future__ import annotations

import datetime as dt
import time

from app.core.review.copies import INTERRUPTED, InterruptedExport
from app.core.review.session import ReviewSession

__all__ = ["INTERRUPTED", "WHILE", "interrupted_line", "record_interrupted"]

# the export's stage when it stopped, as the PDF says it
WHILE = {"encode": "while the copy was written", "rescan": "while the copy was checked",
         "proof": "while the copy was read back",
         "sound": "while the sound was read", "follow": "while the camera was followed"}


def record_interrupted(session: ReviewSession, stage: str) -> InterruptedExport:
    """Add the record of an interrupted export to the session's review (its clean-up has run:
    no copy is left)."""
    review = session.review
    record = InterruptedExport(round(time.time(), 3), review.reviewer if review else "", stage)
    session.add_copy(record)
    return record


def interrupted_line(record: InterruptedExport) -> str:
    """"An export was interrupted at 2026-12-04 16:02 UTC while the copy was written; no copy
    was kept." """
    at = dt.datetime.fromtimestamp(record.made_at).astimezone()
    by = f" (started by {record.by})" if record.by else ""
    during = WHILE.get(record.stage, "")
    return (f"An export was interrupted at {at.strftime('%Y-%m-%d %H:%M %Z').strip()}"
            f"{' ' + during if during else ''}{by}; no copy was kept.")
