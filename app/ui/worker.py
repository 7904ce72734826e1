"""Runs a scan off the GUI thread. The GUI only ever reacts to this worker's signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.core.errors import ClearToPostError
from app.core.models import Progress, ScanOptions
from app.core.pipeline import Engines
from app.core.review.saved_scans import scan_once

log = logging.getLogger(__name__)

_engines: dict[str, Engines] = {}
_engines_lock = threading.Lock()
# One scan at a time uses the shared models: a cancelled scan ends its current step (and its
# speech thread its current segment) before the next one starts.
_scan_lock = threading.Lock()


def shared_engines(options: ScanOptions) -> Engines:
    """Models are loaded once per speech model for the life of the app."""
    with _engines_lock:
        if options.speech_model not in _engines:
            _engines[options.speech_model] = Engines.load(options)
        return _engines[options.speech_model]


def provide_engines(options: ScanOptions, engines: Engines) -> None:
    """Hand the worker already-loaded models (tests load them once per session)."""
    with _engines_lock:
        _engines[options.speech_model] = engines


class EngineWorker(QObject):
    """Drives a generator of Progress that uses the shared models (a scan, a redacted export)
    in a QThread; cancel takes effect between two progress steps, and closing the generator
    lets it clean up (a half-written copy is removed)."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # the generator's value
    failed = Signal(str)  # one sentence for the user
    cancelled = Signal()
    what = "The clip could not be checked"

    def __init__(self, options: ScanOptions,
                 start: Callable[[Engines | None], Generator[Progress, None, object]],
                 load_first: bool = True) -> None:
        """`load_first`: load the shared models before `start` (else `start` is given None and
        loads them with `shared_engines` if it needs them)."""
        super().__init__()
        self.options = options
        self._start = start
        self._load_first = load_first
        self._stop = threading.Event()
        self.ended = False  # the generator ran to its end (read once the thread has stopped)

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        with _scan_lock:
            if self._stop.is_set():
                self.cancelled.emit()
                return
            self._run()

    def _run(self) -> None:
        steps = None
        try:
            engines = None
            if self._load_first:
                self.progress.emit(Progress("load", 0.0, "Loading the models"))
                engines = shared_engines(self.options)
            steps = self._start(engines)
            while True:
                if self._stop.is_set():
                    self.cancelled.emit()
                    return
                try:
                    step = next(steps)
                except StopIteration as stop:
                    self.ended = True
                    self.finished.emit(stop.value)
                    return
                self.progress.emit(step)
        except ClearToPostError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug: say so in a sentence, keep the detail in the log
            log.exception("%s failed", type(self).__name__)
            self.failed.emit(f"{self.what} because of an internal error "
                             f"({type(error).__name__}); please report it.")
        finally:
            if steps is not None:
                steps.close()


class ScanWorker(EngineWorker):
    """Drives `scan_once()` in a QThread: the clip's saved scan read back when there is one of
    the same file, settings and models (no model is loaded then), else a scan, saved; finishes
    with the `Scanned` (result, the file as hashed, whether it was read back)."""

    def __init__(self, path: str, options: ScanOptions, rescan: bool = False) -> None:
        super().__init__(options, lambda _: scan_once(
            path, options, lambda: shared_engines(options), rescan=rescan), load_first=False)
        self.path = path


def in_thread(parent: QObject, worker: EngineWorker, progress, finished, failed,
              cancelled=None) -> QThread:
    """A QThread (not started) that runs `worker`, its signals connected to the given slots.
    Give bound methods of a GUI-thread object: a lambda would run in the worker's thread."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.progress.connect(progress)
    worker.finished.connect(finished)
    worker.failed.connect(failed)
    if cancelled is not None:
        worker.cancelled.connect(cancelled)
    for signal in (worker.finished, worker.failed, worker.cancelled):
        signal.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    return thread
