"""A decision made on a row while the scan ran stays the reviewer's once the scan has ended.

A text on screen is a row from the moment it is first read, under the id it keeps while it grows
and once it is closed (findings/hits.py), so a decision on it needs no help. At the scan's end,
though, a text read again soon after it was lost is made one with its first reading
(findings/same_thing.py): the later row's id is gone from the result, which says in `became`
what it became. `carry_over` gives the finding it became the newest decision and the newest
note made on any of its rows, and saves them under its id, so the list, the saved review, the
PDF and a reopened saved scan all have them.

    changed = carry_over(review, result)   # the ids whose verdict it changed (saved)
"""

from __future__ import annotations

from app.core.models import AnalysisResult
from app.core.review.decisions import Review


def carry_over(review: Review, result: AnalysisResult) -> list[str]:
    """Carry each decision and note made on a row the scan made one with another into that
    other (the newer of theirs wins, field by field, as a merge of two windows' decisions);
    returns the ids whose verdict changed, saved.

    Raises:
        ClearToPostError: the decisions could not be saved.
    """
    changed = []
    for earlier, kept in result.became:
        theirs = review.verdicts.get(earlier)
        if theirs is None:
            continue
        ours = review.get(kept)
        merged = ours.newer_of(theirs)
        if merged != ours:
            review.verdicts[kept] = merged
            changed.append(kept)
    if changed:
        review.save()  # merged with the file newest first: these keep their own stamps
    return changed


def carried_ids(result: AnalysisResult) -> list[str]:
    """The ids this scan listed while it ran and then made one with another: a must fix on
    them is carried over, not decided on a scan made with other settings."""
    return [earlier for earlier, _ in result.became]

