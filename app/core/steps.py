"""Long work as a generator that yields how far it is and returns its result (a scan, an
export, a folder): driven to the end here, or re-told as another's progress."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TypeVar

Told = TypeVar("Told")  # what the work yields as it goes
Retold = TypeVar("Retold")  # what the caller yields instead
Result = TypeVar("Result")


def run(work: Generator[Told, None, Result],
        on_progress: Callable[[Told], None] | None = None) -> Result:
    """Drive `work` to the end, telling `on_progress` of each step; return its result."""
    while True:
        try:
            step = next(work)
        except StopIteration as stop:
            result: Result = stop.value
            return result
        if on_progress is not None:
            on_progress(step)


def retold(work: Generator[Told, None, Result], tell: Callable[[Told], Retold]
           ) -> Generator[Retold, None, Result]:
    """Drive `work`, yielding what `tell` makes of each step; return its result. Closing this
    (a cancel) closes `work` too."""
    try:
        while True:
            try:
                step = next(work)
            except StopIteration as stop:
                result: Result = stop.value
                return result
            yield tell(step)
    finally:
        work.close()
