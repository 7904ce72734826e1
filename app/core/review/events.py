"""Plain callbacks for the review session (session.py): no Qt, no threads of their own.

Modelled on napari's event emitters (`viewer.layers.events.inserted.connect(...)`), kept small:
one `Emitter` per thing that changes, grouped in `SessionEvents`. A callback runs on the thread
that made the change, in the order it was subscribed: a window changes its widgets only from
changes made on its own thread (an export's worker records its copy, which the window does not
listen to, and the window reads the review again when the export has finished)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from app.core.models import AnalysisResult
from app.core.review.copies import CopyRecord
from app.core.review.decisions import Review

T = TypeVar("T")


class Emitter(Generic[T]):
    """Calls every subscribed callback with the new value."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[Callable[[T], None]] = []

    def subscribe(self, callback: Callable[[T], None]) -> Callable[[], None]:
        """Call `callback` on every change from now on; returns the way to stop."""
        self._callbacks.append(callback)
        return lambda: self.unsubscribe(callback)

    def unsubscribe(self, callback: Callable[[T], None]) -> None:
        """Stop calling `callback` (nothing happens if it was not subscribed)."""
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):  # a callback may unsubscribe itself
            callback(value)

    def __len__(self) -> int:
        return len(self._callbacks)


@dataclass(frozen=True)
class SessionEvents:
    """What a session tells its subscribers."""

    # the scan's result (as scanned) was set or cleared
    scanned: Emitter[AnalysisResult | None] = field(
        default_factory=lambda: Emitter[AnalysisResult | None]("scanned"))
    # another clip's review was loaded (or none: the clip was closed)
    review: Emitter[Review | None] = field(
        default_factory=lambda: Emitter[Review | None]("review"))
    # the reviewer's word on whose face or voice is theirs changed
    choices: Emitter[Review] = field(default_factory=lambda: Emitter[Review]("choices"))
    # the findings as reviewed (their face and voice unflagged) changed
    reviewed: Emitter[AnalysisResult | None] = field(
        default_factory=lambda: Emitter[AnalysisResult | None]("reviewed"))
    # a decision or note changed: that finding's id, or None when several may have (a re-read
    # of the saved review, a checklist answer)
    decisions: Emitter[str | None] = field(
        default_factory=lambda: Emitter[str | None]("decisions"))
    # a redacted copy (or an interrupted export) was recorded
    copies: Emitter[CopyRecord] = field(default_factory=lambda: Emitter[CopyRecord]("copies"))

