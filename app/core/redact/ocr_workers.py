"""The read-back's OCR on worker threads, one engine each (issue 27 item 5).

One PP-OCR engine with two threads inside each network kept 1.55 of the 2 cores busy on the
hand-held clip's read-back (66 s, 103 s of CPU: a crop a few hundred pixels wide leaves the
threads little to share, and they wait on each other); two engines of one thread each, each on
its own worker thread (ONNX Runtime lets go of the GIL while it runs), keep 1.94 busy (48 s,
93 s of CPU; docs/measurements.md). Each job is a whole read — a region's (or a
frame's) lines detected, read and judged — and runs on whichever engine is free: the engines are
alike (the same networks, the same sizes), so what a job reads does not depend on which one ran
it, nor on what else ran beside it. The caller keeps the jobs' order: their results are taken
in the order they were asked for.

With one engine (an engine that cannot make single-thread twins, or one worker asked for) each
job runs at once on the caller's thread: the read-back as it always was.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, Protocol, TypeVar

from app.core.picture.ocr import OcrEngine

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
AHEAD = 4  # jobs asked for and not yet done, per worker, before the caller waits for one


class Outcome(Protocol[T_co]):
    """A job's result, now or later."""

    def done(self) -> bool: ...

    def result(self) -> T_co: ...


class Now(Generic[T]):
    """A result there already."""

    def __init__(self, value: T) -> None:
        self._value = value

    def done(self) -> bool:
        return True

    def result(self) -> T:
        return self._value


def worker_count() -> int:
    """How many OCR workers the read-back runs: one a core, up to two."""
    return max(1, min(2, os.cpu_count() or 1))


class OcrWorkers:
    """Jobs (`engine → result`) run on `engines`, one worker thread each; or, with one engine,
    at once on the caller's thread."""

    def __init__(self, engines: list[OcrEngine]) -> None:
        self._engines = engines
        self._pool: ThreadPoolExecutor | None = None
        self._free: deque[OcrEngine] = deque(engines)
        self._mine = threading.local()
        self._asked: deque[Future[object]] = deque()
        if len(engines) > 1:
            self._pool = ThreadPoolExecutor(len(engines), "read-back-ocr", self._take)

    @property
    def count(self) -> int:
        return len(self._engines)

    def _take(self) -> None:
        self._mine.engine = self._free.popleft()

    def _run(self, job: Callable[[OcrEngine], T]) -> T:
        engine: OcrEngine = self._mine.engine
        return job(engine)

    def submit(self, job: Callable[[OcrEngine], T]) -> Outcome[T]:
        """Run `job` on a free engine; its result is there when asked for (`result()` waits)."""
        if self._pool is None:
            return Now(job(self._engines[0]))
        while self._asked and self._asked[0].done():
            self._asked.popleft()
        if len(self._asked) >= AHEAD * len(self._engines):
            self._asked.popleft().result()  # a bound on the frames held for the jobs
        future = self._pool.submit(self._run, job)
        self._asked.append(future)  # type: ignore[arg-type]
        return future

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def workers_for(ocr: OcrEngine, count: int | None = None) -> OcrWorkers:
    """Workers for `ocr`'s reads: `count` (by default `worker_count()`) single-thread twins of
    it when it can make them (PpOcrEngine.twins), else `ocr` alone on the caller's thread."""
    count = worker_count() if count is None else count
    twins: Callable[[int], list[OcrEngine]] | None = getattr(ocr, "twins", None)
    if count > 1 and twins is not None:
        return OcrWorkers(twins(count))
    return OcrWorkers([ocr])
