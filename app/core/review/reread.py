"""The review as saved now, and whose decisions those are: every export starts here.

A window holds the review it loaded when the clip was opened; another window or the CLI may have
decided since. `reread` merges what is on disk into it (the save already merges, entry by entry,
newest first, under the file's lock), so a PDF or a redacted copy never uses a stale review,
and `decided_by` says whose decisions it used ("decisions by A, B as of 16:02")."""

from __future__ import annotations

import time
from collections.abc import Iterable

from app.core.review.copies import DecidedBy
from app.core.review.decisions import Decision, Review

NO_NAME = "an unnamed reviewer"
__all__ = ["NO_NAME", "DecidedBy", "decided_by", "reread"]


def reread(review: Review) -> float:
    """Merge into `review` what other windows or the CLI saved since it was loaded, and return
    when it was read. Nothing saved yet (no file): nothing to merge.

    Raises:
        ClearToPostError: the decisions folder cannot be written (the merge saves).
    """
    if review.path is not None and review.path.exists():
        review.save()  # re-reads the file under its lock and keeps the newer of each entry
    return time.time()


def decided_by(review: Review, finding_ids: Iterable[str], as_of: float) -> DecidedBy:
    """The reviewers whose decisions on these findings (and checklist answers, and presenter
    choices) the review holds, in name order; a note alone decides nothing."""
    wanted = set(finding_ids)
    names = {v.decided_by or NO_NAME for i, v in review.verdicts.items()
             if i in wanted and (v.decided_at > 0 or v.decision is not Decision.OPEN)}
    names |= {s.by or NO_NAME for s in review.stamps.values() if s.at > 0}
    return DecidedBy(tuple(sorted(names)), as_of)
