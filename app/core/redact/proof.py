"""The proof a redacted copy is safe: the copy scanned again, and the result compared.

A finding of the original is *still found* in the copy when a finding of the copy has the same
source, overlaps it in time (a second of slack either side: reads fall on other frames) and
matches it: the same text read or heard again (findings.same_text), or, on screen, a box that
overlaps one of the original's (a face or a monitor: its box alone). A finding of the copy that
matches no finding of the original is *new* (the fill itself should never look like a name).
A finding the review wanted hidden when the copy was checked (must fix, and open ones when asked)
that the copy did not hide is *not hidden*: a decision made in another window, or one with
nothing to cover. Any of the three and the copy is not safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.findings.hits import same_text
from app.core.geometry import rects_meet
from app.core.models import Finding, Source

SLACK_S = 1.0


@dataclass(frozen=True)
class Proof:
    """The re-scan of a redacted copy against what was redacted."""

    redacted: tuple[str, ...]  # ids of the original's findings that were hidden
    still_found: tuple[str, ...]  # of those, the ones the copy's scan found again
    new: tuple[Finding, ...]  # findings of the copy that match nothing of the original
    kept: int  # findings of the original, not redacted, found again in the copy
    # ids of the findings the review wanted hidden at the check that the copy did not hide
    not_hidden: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.still_found and not self.new and not self.not_hidden

    def line(self) -> str:
        said = (f"{len(self.still_found)} of the {len(self.redacted)} redacted finding"
                f"{'s' if len(self.redacted) != 1 else ''} found again")
        if self.not_hidden:
            n = len(self.not_hidden)
            said += f"; {n} finding{'s' if n != 1 else ''} marked to hide not hidden"
        return f"Re-scan of the copy: {said}; {len(self.new)} new."


def matches(original: Finding, again: Finding) -> bool:
    if original.source is not again.source:
        return False
    if again.end_s < original.start_s - SLACK_S or again.start_s > original.end_s + SLACK_S:
        return False
    if original.source in (Source.FACE, Source.SCENE):
        return _boxes_meet(original, again) or not (original.boxes and again.boxes)
    if original.source is Source.SPEECH:
        # the words themselves: what is left around a silenced name can be heard as another
        # word ("rang" as "Ron"), which is new, not the name found again
        return same_text(original.text, again.text)
    return same_text(original.text, again.text) or _boxes_meet(original, again)


def prove(original: tuple[Finding, ...], redacted_ids: list[str],
          again: tuple[Finding, ...], wanted_ids=()) -> Proof:
    """The copy's scan (`again`) against the original's findings; `wanted_ids`: the findings
    the review wants hidden now (a wanted one that was not redacted fails the proof)."""
    redacted, wanted, here = set(redacted_ids), set(wanted_ids), {f.id for f in original}
    hidden = [f for f in original if f.id in redacted]
    # wanted and not hidden: found by this scan, or not (decided on a scan with other settings)
    missed = [f.id for f in original if f.id in wanted - redacted]
    missed += [i for i in wanted_ids if i not in here]
    kept = [f for f in original if f.id not in redacted | wanted]
    still = [f.id for f in hidden if any(matches(f, g) for g in again)]
    new = [g for g in again if not any(matches(f, g) for f in original)]
    found_kept = sum(1 for f in kept if any(matches(f, g) for g in again))
    return Proof(tuple(f.id for f in hidden), tuple(still), tuple(new), found_kept,
                 tuple(missed))


def _boxes_meet(a: Finding, b: Finding) -> bool:
    for p in a.boxes:
        for q in b.boxes:
            if abs(p.t_s - q.t_s) > SLACK_S:
                continue
            if rects_meet((p.x, p.y, p.w, p.h), (q.x, q.y, q.w, q.h)):
                return True
    return False
