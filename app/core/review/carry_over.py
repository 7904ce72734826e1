"""A decision made on a row while the scan ran stays the reviewer's once the scan has ended.

A text on screen is a row from the moment it is first read, under the id it keeps while it grows
and once it is closed (findings/hits.py), so a decision on it needs no help. At the scan's end,
though, a text read again soon after it was lost is made one with its first reading
(findings/same_thing.py): the later row's id is gone from the result, which says in `became`
what it became. `carry_over` gives the finding it became the newest decision and the newest
note made on any of its rows, and saves them under its id, so the list, the saved review, the
PDF and a reopened saved scan all have them.

The scan links the findings of one identifier at its end too (findings/linked_items.py): a name
read on screen and later said is one item, and a decision on one of its rows is a decision on
all (session.py). A row decided *must fix* before the links existed (while the scan ran, or in
a review saved by an older scan) gives its decision to the rows of its item nobody decided yet
(`spread_must_fix`): they are the same identifier, and hiding more is the safe side. A *false
alarm* is not spread: the rows it did not see stay open for the reviewer to look at.

    changed = carry_over(review, result)   # the ids whose verdict it changed (saved)
    changed += spread_must_fix(review, result)
"""

from __future__ import annotations

from dataclasses import replace

from app.core.models import AnalysisResult
from app.core.review.decisions import Decision, Review


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


def spread_must_fix(review: Review, result: AnalysisResult) -> list[str]:
    """Give each row of a linked item that was never decided the *must fix* of a row of it
    (who decided it and when, the newest if several); returns the ids given it, saved.

    Raises:
        ClearToPostError: the decisions could not be saved.
    """
    changed = []
    for finding in result.findings:
        if not finding.linked or review.get(finding.id).decided_at:
            continue
        decided = [review.get(other) for other in finding.linked]
        fixes = [v for v in decided if v.decision == Decision.MUST_FIX and v.decided_at]
        if fixes and not any(v.decision == Decision.FALSE_ALARM for v in decided):
            newest = max(fixes, key=lambda v: v.decided_at)
            review.verdicts[finding.id] = replace(
                review.get(finding.id), decision=Decision.MUST_FIX,
                decided_at=newest.decided_at, decided_by=newest.decided_by)
            changed.append(finding.id)
    if changed:
        review.save()
    return changed


def carried_ids(result: AnalysisResult) -> list[str]:
    """The ids this scan listed while it ran and then made one with another: a must fix on
    them is carried over, not decided on a scan made with other settings."""
    return [earlier for earlier, _ in result.became]

