"""The window's folder queue without the window: where each clip of a folder is (waiting, being
scanned, checked with its verdict and counts, failed, not checked), which clip is next and how
far the whole folder is. The clips are folder_scan's `find_clips`; each is scanned by
folder_scan's `scan_folder` (the window: app/ui/folder_queue.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.findings.masking import mask_text
from app.core.review.folder_scan import FAILED, REUSED, ClipOutcome, Queue

WAITING, SCANNING, CHECKED, NOT_CHECKED = "waiting", "scanning", "checked", "not checked"


@dataclass
class QueuedClip:
    """One clip of the queue: its path relative to the folder and where it is."""

    clip: Path
    state: str = WAITING  # WAITING, SCANNING, CHECKED, FAILED or NOT_CHECKED
    fraction: float = 0.0  # while SCANNING
    outcome: ClipOutcome | None = None  # CHECKED or FAILED

    def name(self, masked: bool) -> str:
        """The clip's path in the folder; masked, each part as `mask_text` shows a name (file
        and folder names are often patients' names), its ending kept."""
        if not masked:
            return self.clip.as_posix()
        parts = [mask_text(p) for p in self.clip.parent.parts]
        return "/".join([*parts, mask_text(self.clip.stem) + self.clip.suffix])

    def status(self, masked: bool = False) -> str:
        """Where it is, in a few words: "waiting", "scanning 40%", "Not cleared · 3 flags
        (1 must fix, 2 open)", "Cleared · nothing found · saved scan", "could not be checked:
        …" (masked, the clip's name in that sentence is masked as `name` masks it)."""
        if self.state == SCANNING:
            return f"scanning {int(self.fraction * 100)}%"
        outcome = self.outcome
        if self.state == FAILED and outcome is not None:
            problem = outcome.problem
            if masked:
                problem = problem.replace(self.clip.name, self.name(True).rsplit("/", 1)[-1])
            return f"could not be checked: {problem}"
        if self.state != CHECKED or outcome is None or outcome.summary is None:
            return self.state
        summary = outcome.summary
        if outcome.flags:
            found = (f"{outcome.flags} flag{'s' if outcome.flags != 1 else ''} ("
                     + ", ".join(f"{n} {what}" for n, what in (
                         (summary.must_fix, "must fix"), (summary.false_alarm, "false alarm"),
                         (summary.open, "open")) if n) + ")")
        else:
            found = "nothing found"
        parts = [outcome.verdict, found]
        if summary.unanswered:
            parts.append(f"{len(summary.unanswered)} question"
                         f"{'s' if len(summary.unanswered) != 1 else ''} unanswered")
        if outcome.status == REUSED:
            parts.append("saved scan")
        return " · ".join(parts)


class ClipQueue:
    """The clips of a folder in the order `find_clips` gives them, and where each is."""

    def __init__(self, queue: Queue) -> None:
        self.queue = queue
        self.clips = [QueuedClip(clip) for clip in queue.clips]

    def path(self, index: int) -> Path:
        return self.queue.folder / self.clips[index].clip

    def index_of(self, path: Path | None) -> int | None:
        """Which clip of the queue the file `path` is (None: none)."""
        if path is None:
            return None
        wanted = Path(path).resolve()
        for index in range(len(self.clips)):
            if self.path(index).resolve() == wanted:
                return index
        return None

    def next_waiting(self, but: int | None = None) -> int | None:
        """The first clip still waiting (other than `but`), or None."""
        return next((i for i, c in enumerate(self.clips) if c.state == WAITING and i != but),
                    None)

    def step(self, current: int | None, step: int) -> int | None:
        """The clip `step` after `current` (before, when negative); None past either end. From
        no clip, the first (or, going back, the last)."""
        if not self.clips:
            return None
        if current is None:
            return 0 if step > 0 else len(self.clips) - 1
        index = current + step
        return index if 0 <= index < len(self.clips) else None

    def set_outcome(self, index: int, outcome: ClipOutcome) -> None:
        clip = self.clips[index]
        clip.outcome, clip.fraction = outcome, 1.0
        clip.state = FAILED if outcome.status == FAILED else CHECKED

    def done(self) -> int:
        """How many clips are checked or failed."""
        return sum(1 for c in self.clips if c.state in (CHECKED, FAILED))

    def fraction(self) -> float:
        """How far the whole queue is, 0 to 1 (a clip being scanned counts by its fraction)."""
        if not self.clips:
            return 1.0
        scanning = sum(c.fraction for c in self.clips if c.state == SCANNING)
        return (self.done() + scanning) / len(self.clips)

    def stop(self, but: int | None = None) -> None:
        """Cancelled: every clip waiting or being scanned (but clip `but`, which the window
        is scanning) is not checked."""
        for index, clip in enumerate(self.clips):
            if clip.state in (WAITING, SCANNING) and index != but:
                clip.state, clip.fraction = NOT_CHECKED, 0.0

    def line(self) -> str:
        """The queue in one line: "3 of 12 checked", then, when all are, the verdicts."""
        total, done = len(self.clips), self.done()
        if done < total:
            stopped = sum(1 for c in self.clips if c.state == NOT_CHECKED)
            return (f"{done} of {total} checked"
                    + (f", {stopped} not checked (stopped)" if stopped else ""))
        verdicts: dict[str, int] = {}
        for clip in self.clips:
            verdict = clip.outcome.verdict if clip.outcome else "Failed"
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
        said = ", ".join(f"{n} {v.lower() if v != 'Failed' else 'could not be checked'}"
                         for v, n in verdicts.items())
        return f"All {total} checked: {said}"
