"""The scan of the open clip, off the GUI thread, and its part of the status bar (what it is
doing, how far it is, Cancel). The window starts it and reacts to its signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from app.core.models import Progress, ScanOptions
from app.ui.worker import ScanWorker, in_thread


class ScanSession(QObject):
    progressed = Signal(object)  # Progress, from the scan running now (never a cancelled one)
    finished = Signal(object)  # AnalysisResult
    failed = Signal(str)  # the sentence saying why
    stopped = Signal(str)  # "cancelled"
    ended = Signal()  # not running any more, for whichever reason

    def __init__(self, parent: QObject, status_bar: QStatusBar) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: ScanWorker | None = None
        self._stopping: list[QThread] = []  # cancelled scans still ending their current step
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.stage = QLabel("")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self.cancel())
        status_bar.addWidget(self.stage, 1)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)

    def say(self, sentence: str) -> None:
        self.stage.setText(sentence)

    def start(self, path: str, options: ScanOptions) -> None:
        self.cancel()
        worker = ScanWorker(path, options)
        thread = in_thread(self, worker, self._on_progress, self._on_finished, self._on_failed)
        self._thread, self._worker = thread, worker
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.say("Starting…")
        thread.start()

    def is_running(self) -> bool:
        return (self._worker is not None and self._thread is not None
                and self._thread.isRunning())

    def cancel(self, wait: bool = False) -> None:
        """Stop the running scan. It stops at its next step (one sample: well under a second)
        and the window does not wait for it; a scan started next waits for the models until
        this one has let go of them (worker.py). `wait`: block until it has (closing)."""
        worker, thread = self._worker, self._thread
        self._worker = None
        if worker is None or thread is None or not thread.isRunning():
            return
        worker.cancel()
        self._stopping.append(thread)
        thread.finished.connect(lambda: self._stopping.remove(thread)
                                if thread in self._stopping else None)
        self._idle("Stopped: the clip was not fully checked.")
        self.stopped.emit("cancelled")
        if wait:
            thread.wait(60_000)

    def wait_for_all(self) -> None:
        """Closing: cancel, and wait until every scan has let go of the models."""
        self.cancel(wait=True)
        for thread in list(self._stopping):
            thread.wait(60_000)

    def _on_progress(self, progress: Progress) -> None:
        if self.sender() is not self._worker:
            return
        self.progress.setValue(int(progress.fraction * 100))
        self.say(progress.message)
        self.progressed.emit(progress)

    def _on_finished(self, result) -> None:
        if self.sender() is not self._worker:
            return
        self._idle("Checked.")
        self.finished.emit(result)

    def _on_failed(self, sentence: str) -> None:
        if self.sender() is not self._worker:
            return
        self._idle("Not checked.")
        self.failed.emit(sentence)

    def _idle(self, sentence: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.say(sentence)
        self.ended.emit()
