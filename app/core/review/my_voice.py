"""Whose voice is the presenter's: the scan's guess (heard longest) or the reviewer's word.

The scan keeps who spoke when, as heard (`AnalysisResult.voices`), and flags every voice but the
one it takes for the presenter's. When the reviewer says "this is me" about a voice's flag,
`mark_voice_as_mine` works out which voices are now theirs and `with_my_voices` rebuilds the
voice findings from that choice, so the window, the saved review and the PDF agree without
scanning again.

A voice marked as yours replaces the scan's guess (the voice heard longest is then someone
else: flagged); a second voice marked after that is added to yours, for when the scan heard one
person as two (a cold, a change of room, shouting across the ward).
"""

from __future__ import annotations

from dataclasses import replace

from app.core.models import AnalysisResult, Category, Finding, VoiceStretch
from app.core.speech.voices import Voices, seconds_of, settle, voice_findings
from app.core.timecode import format_time


def voice_of(result: AnalysisResult, finding: Finding) -> int:
    """Which voice a `voice` finding of `result` is (the stretch it was made from)."""
    if finding.category is not Category.VOICE:
        raise KeyError(f"{finding.id!r} is not a voice")
    heard = _settled(result)

    def overlap(s: VoiceStretch) -> float:
        return min(s.end_s, finding.end_s) - max(s.start_s, finding.start_s)

    near = max(heard.others, key=overlap, default=None)
    if near is None or overlap(near) <= 0:
        raise KeyError(f"no voice at {format_time(finding.start_s)} in this scan")
    return near.voice


def mark_voice_as_mine(result: AnalysisResult, finding: Finding) -> tuple[int, ...]:
    """The reviewer's voices after they say `finding`'s voice is theirs (`result` as they see
    it now, with their earlier choice applied)."""
    voice = voice_of(result, finding)
    kept = result.presenter_voices if result.voices_chosen else ()
    return tuple(sorted({*kept, voice}))


def with_my_voices(result: AnalysisResult, mine: tuple[int, ...] | None) -> AnalysisResult:
    """The result as the reviewer sees it: their voices unflagged, every other voice flagged.
    With `mine` None the scan's own guess is returned unchanged."""
    if mine is None or not result.voices:
        return result
    heard = settle(result.voices, mine)
    words = result.transcript.words if result.transcript else ()
    findings = [f for f in result.findings if f.category is not Category.VOICE]
    findings += voice_findings(heard, words)
    notes = [*result.coverage.notes, _choice_note(heard)]
    return replace(
        result,
        findings=tuple(sorted(findings, key=lambda f: (f.start_s, f.source, f.text))),
        presenter_voices=heard.mine,
        voices_chosen=True,
        coverage=replace(result.coverage, notes=tuple(notes)),
    )


def presenter_voice(result: AnalysisResult) -> tuple[float, float] | None:
    """How long the voice left unflagged as the presenter's speaks in all, and from when
    (None: no voice is taken as theirs)."""
    if not result.presenter_voices:
        return None
    heard = _settled(result)
    mine = [s for s in heard.stretches if s.voice in heard.mine]
    if not mine:
        return None
    return sum(s.end_s - s.start_s for s in mine), mine[0].start_s


def voice_lines(result: AnalysisResult) -> list[str]:
    """For the report and the command line: which voice was left unflagged as yours, and why."""
    mine = presenter_voice(result)
    if mine is None:
        return []
    why = ("the one you marked" if result.voices_chosen
           else "the voice heard longest; if it is not yours, mark yours in the window")
    return [f"Not flagged, as the presenter's voice: {mine[0]:.1f} s of speech from "
            f"{format_time(mine[1])} ({why})."]


def _settled(result: AnalysisResult) -> Voices:
    return settle(result.voices, result.presenter_voices)


def _choice_note(heard: Voices) -> str:
    if not heard.mine:
        return "The reviewer said none of the voices is theirs, so every voice is flagged."
    seconds = sum(seconds_of(heard.stretches, v) for v in heard.mine)
    return (f"The reviewer marked their own voice ({seconds:.1f} s of speech); every other "
            f"voice is flagged.")
