"""Whose face is the presenter's: the scan's guess (on screen longest) or the reviewer's word.

The scan keeps every face it tracked: the presenter's in `AnalysisResult.presenter_faces`, the
others as findings. When the reviewer says "this is me" about a face, `mark_as_mine` works out
which faces are now theirs and `with_presenter` rebuilds the result from that choice, so the
window, the saved review and the PDF agree without scanning again.

One person has one face at a time: marking a face as yours drops, from your faces, every face
on screen at the same moment as it (that one was someone else all along), and keeps the ones
that never overlap it (you, turned away or walking back in).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.core.findings.masking import shown_summary
from app.core.models import AnalysisResult, Finding, Source
from app.core.picture.face_tracks import PRESENTER_DOUBT, described, overlap_in_time
from app.core.review.my_voice import voice_lines, with_my_voices
from app.core.timecode import format_time

if TYPE_CHECKING:
    from app.core.review.decisions import Review


def all_faces(result: AnalysisResult) -> list[Finding]:
    faces = [f for f in result.findings if f.source is Source.FACE]
    return sorted(faces + list(result.presenter_faces), key=lambda f: f.start_s)


def mark_as_mine(result: AnalysisResult, mine: tuple[str, ...] | None,
                 face_id: str) -> tuple[str, ...]:
    """The reviewer's faces after they say `face_id` is theirs; `mine` is None while the scan's
    guess stands."""
    faces = {f.id: f for f in all_faces(result)}
    if face_id not in faces:
        raise KeyError(f"no face {face_id!r} in this scan")
    current = _mine(result, mine)
    chosen = faces[face_id]
    kept = [i for i in current
            if i in faces and i != face_id and not overlap_in_time(faces[i], chosen)]
    return tuple(sorted([*kept, face_id], key=lambda i: faces[i].start_s))


def with_presenter(result: AnalysisResult, mine: tuple[str, ...] | None) -> AnalysisResult:
    """The result as the reviewer sees it: their faces unflagged, every other face a finding.
    With `mine` None the scan's own guess is returned unchanged."""
    if mine is None:
        return result
    chosen = set(mine)
    faces = all_faces(result)
    others = [described(f, presenter=False, chosen_by_reviewer=True)
              for f in faces if f.id not in chosen]
    theirs = [described(f, presenter=True, chosen_by_reviewer=True)
              for f in faces if f.id in chosen]
    findings = [f for f in result.findings if f.source is not Source.FACE] + others
    notes = [n for n in result.coverage.notes if n != PRESENTER_DOUBT]
    notes.append(_choice_note(theirs))
    return replace(
        result,
        findings=tuple(sorted(findings, key=lambda f: (f.start_s, f.source, f.text))),
        presenter_faces=tuple(theirs),
        coverage=replace(result.coverage, notes=tuple(notes)),
    )


def as_reviewed(result: AnalysisResult, review: Review) -> AnalysisResult:
    """The result as the reviewer sees it, from their saved choices (a decisions.Review): the
    face and voice they marked as theirs unflagged, everyone else's flagged. The window, the
    PDF and the redacted copy all start from this, so a decision made on a face or voice the
    reviewer's choice brought in is never lost."""
    return with_my_voices(with_presenter(result, review.presenter), review.voices)


def presenter_lines(result: AnalysisResult) -> list[str]:
    """For the report and the command line: which faces and voice were left unflagged as yours,
    and why."""
    return [f"Not flagged: {_lower_first(shown_summary(f))} ({format_time(f.start_s)}–"
            f"{format_time(f.end_s)})." for f in result.presenter_faces
            ] + voice_lines(result)


def _lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def _mine(result: AnalysisResult, mine: tuple[str, ...] | None) -> tuple[str, ...]:
    return tuple(f.id for f in result.presenter_faces) if mine is None else mine


def _choice_note(theirs: list[Finding]) -> str:
    if not theirs:
        return "The reviewer said none of the faces is theirs, so every face is flagged."
    times = ", ".join(f"{format_time(f.start_s)}–{format_time(f.end_s)}" for f in theirs)
    return f"The reviewer marked their own face ({times}); every other face is flagged."
