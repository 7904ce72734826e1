"""The record of an export that was stopped (Ctrl+C, SIGTERM or SIGHUP, the window closed while
it ran): kept in the review's `redactions` list beside the copies made, so the PDF can say that
an export was interrupted and that no copy of it was kept."""

from __future__ import annotations

import datetime as dt
import time

from app.core.review.decisions import Review

INTERRUPTED = "interrupted"
# the export's stage when it stopped, as the PDF says it
WHILE = {"encode": "while the copy was written", "rescan": "while the copy was checked",
         "sound": "while the sound was read", "follow": "while the camera was followed"}


def record_interrupted(review: Review, stage: str) -> dict:
    """Add the record of an interrupted export (its clean-up has run: no copy is left)."""
    record = {"kind": INTERRUPTED, "made_at": round(time.time(), 3), "by": review.reviewer,
              "stage": stage, "copy_kept": False}
    review.add_redaction(record)
    return record


def is_interrupted(record: dict) -> bool:
    return record.get("kind") == INTERRUPTED


def interrupted_line(record: dict) -> str:
    """"An export was interrupted at 2026-12-04 16:02 UTC while the copy was written; no copy
    was kept." """
    at = dt.datetime.fromtimestamp(float(record.get("made_at", 0))).astimezone()
    by = f" (started by {record['by']})" if record.get("by") else ""
    during = WHILE.get(str(record.get("stage", "")), "")
    return (f"An export was interrupted at {at.strftime('%Y-%m-%d %H:%M %Z').strip()}"
            f"{' ' + during if during else ''}{by}; no copy was kept.")
