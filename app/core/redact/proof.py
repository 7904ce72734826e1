"""The proof a redacted copy is safe: the copy scanned again, and the result compared.

A finding of the original is *still found* in the copy when a finding of the copy has the same
source, overlaps it in time (a second of slack either side: reads fall on other frames) and
matches it: the same text read or heard again (findings.same_text), or, on screen, a box that
overlaps one of the original's (a face or a monitor: its box alone). A finding of the copy that
matches no finding of the original is *new* (the fill itself should never look like a name).
A hidden text read again on screen at any other time, where no other finding of the original
explains it, is still found too: the same thing showing where its cover had ended (a strip at
the frame's edge whose cover was followed to 3.9 s, read again at 4.2 s), so it is patched
(repair.py) rather than called new.
A finding the review wanted hidden when the copy was checked (must fix, and open ones when asked)
that the copy did not hide is *not hidden*: a decision made in another window, or one with
nothing to cover. Any of the three and the copy is not safe.

Before that the copy is read back by OCR around every cover and now and then elsewhere
(read_back.py), and looked at by the face detector and the code reader around every hidden face and
code (look_back.py); a read of a hidden text, or a face or code seen there, is a leak, repaired
(repair.py) and written again, up to twice. Each round is kept (`rounds`); reads left after the last
one make the copy not safe too, and their frames are said (`leaks`) and shown (`thumbnails`, small
PNGs beside the copy).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from app.core.findings.hits import same_text
from app.core.geometry import rects_meet
from app.core.models import Finding, Source

SLACK_S = 1.0


@dataclass(frozen=True)
class ProofRound:
    """One round of the proof: what reading the copy back cost and found, the findings its
    re-scan found again (run once the read-back was clean, or in the last round), and how
    many patches the round added to the covers for the next (0: the last round)."""

    frames: int  # frames read back
    around: int  # of them, frames read around a cover (the others whole)
    regions: int  # regions read around the covers
    seconds: float
    leaks: int  # reads of a hidden text
    found_again: int = 0  # hidden findings the re-scan found again (on screen)
    patched: int = 0
    findings: int = 0  # findings whose covers were patched
    examples: tuple[tuple[float, str], ...] = ()  # a few of its reads: time, what was read
    faces: int = 0  # faces seen where a face was hidden (look_back.py)
    codes: int = 0  # codes seen where a code was hidden
    looked: int = 0  # regions given to the face detector and the code reader
    unchanged: int = 0  # region reads saved: each showed what it showed at its last clean read
    whole_unchanged: int = 0  # whole reads saved: nothing changed since the last clean one
    looks_unchanged: int = 0  # face and code regions not looked at again: the same

    def line(self, number: int) -> str:
        said = (f"round {number}: {self.frames} frames read ({self.around} around the covers,"
                f" {self.regions} regions read, {self.unchanged} unchanged since read clean,"
                 f" {self.seconds:.0f} s), {self.leaks} read"
                f"{'s' if self.leaks != 1 else ''} of hidden text")
        if self.looked:
            said += (f", {self.faces} face{'s' if self.faces != 1 else ''} and {self.codes} "
                     f"code{'s' if self.codes != 1 else ''} seen where hidden")
        if self.found_again:
            said += f", {self.found_again} found again by the re-scan"
        if self.patched:
            said += (f"; covers widened or extended by {self.patched} patch"
                     f"{'es' if self.patched != 1 else ''} over {self.findings} finding"
                     f"{'s' if self.findings != 1 else ''}, and the copy written again")
        return said


@dataclass(frozen=True)
class Proof:
    """The re-scan of a redacted copy against what was redacted."""

    redacted: tuple[str, ...]  # ids of the original's findings that were hidden
    still_found: tuple[str, ...]  # of those, the ones the copy's scan found again
    new: tuple[Finding, ...]  # findings of the copy that match nothing of the original
    kept: int  # findings of the original, not redacted, found again in the copy
    # ids of the findings the review wanted hidden at the check that the copy did not hide
    not_hidden: tuple[str, ...] = ()
    rounds: tuple[ProofRound, ...] = ()
    # reads of hidden text, and faces and codes seen where hidden, left: time, what was read
    leaks: tuple[tuple[float, str], ...] = ()
    thumbnails: tuple[str, ...] = field(default=(), compare=False)  # PNGs of those frames

    @property
    def clean(self) -> bool:
        return not (self.still_found or self.new or self.not_hidden or self.leaks)

    @property
    def frames_read(self) -> int:
        return sum(r.frames for r in self.rounds)

    def line(self) -> str:
        said = (f"{len(self.still_found)} of the {len(self.redacted)} redacted finding"
                f"{'s' if len(self.redacted) != 1 else ''} found again")
        if self.not_hidden:
            n = len(self.not_hidden)
            said += f"; {n} finding{'s' if n != 1 else ''} marked to hide not hidden"
        line = f"Re-scan of the copy: {said}; {len(self.new)} new."
        if self.rounds:
            repairs = len(self.rounds) - 1
            line += (f" Read back: {self.frames_read} frames in {len(self.rounds)} round"
                     f"{'s' if len(self.rounds) != 1 else ''} ({repairs} repair"
                     f"{'s' if repairs != 1 else ''}); ")
            times = sorted({t for t, _ in self.leaks})
            line += (f"NOT SAFE: hidden text, a face or a code seen in {len(times)} frame"
                     f"{'s' if len(times) != 1 else ''}, at "
                     + ", ".join(f"{t:.2f} s" for t in times[:8])
                     + ("…" if len(times) > 8 else "") + "." if times
                     else "nothing hidden read or seen.")
        return line


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
          again: tuple[Finding, ...], wanted_ids: Collection[str] = ()) -> Proof:
    """The copy's scan (`again`) against the original's findings; `wanted_ids`: the findings
    the review wants hidden now (a wanted one that was not redacted fails the proof)."""
    redacted, wanted, here = set(redacted_ids), set(wanted_ids), {f.id for f in original}
    hidden = [f for f in original if f.id in redacted]
    # wanted and not hidden: found by this scan, or not (decided on a scan with other settings)
    missed = [f.id for f in original if f.id in wanted - redacted]
    missed += [i for i in wanted_ids if i not in here]
    kept = [f for f in original if f.id not in redacted | wanted]
    still = [f.id for f in hidden if any(matches(f, g) or shown_again(f, g, original)
                                         for g in again)]
    new = [g for g in again if not any(matches(f, g) for f in original)
           and not any(shown_again(f, g, original) for f in hidden)]
    found_kept = sum(1 for f in kept if any(matches(f, g) for g in again))
    return Proof(tuple(f.id for f in hidden), tuple(still), tuple(new), found_kept,
                 tuple(missed))


def shown_again(hidden: Finding, again: Finding, original: Collection[Finding]) -> bool:
    """The hidden text read on screen in the copy at any time, where no other finding of the
    original (one kept by the review, or another with the same text) is what was read."""
    return (hidden.source is again.source is Source.SCREEN
            and same_text(hidden.text, again.text)
            and not any(matches(k, again) for k in original if k.id != hidden.id))


def _boxes_meet(a: Finding, b: Finding) -> bool:
    for p in a.boxes:
        for q in b.boxes:
            if abs(p.t_s - q.t_s) > SLACK_S:
                continue
            if rects_meet((p.x, p.y, p.w, p.h), (q.x, q.y, q.w, q.h)):
                return True
    return False
