"""The scan of the open clip, off the GUI thread, and its part of the status bar (what it is
doing, how far it is, Cancel; "Scan again" when the findings shown are a saved scan's). The
window starts it and reacts to its signals. A clip scanned before with the same settings and
models is not scanned again: its saved scan is read back (review/saved_scans.py) and its
findings shown at once."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from app.core.hashing import HashedFile
from app.core.models import Progress, ScanOptions
from app.core.review.saved_scans import Scanned
from app.ui.worker import ScanWorker, in_thread


class ScanSession(QObject):
    started = Signal()  # a scan (or the read of a saved one) was started
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
        self._clip: tuple[str, ScanOptions] | None = None  # what was last asked for
        # the open clip as hashed when its scan started (its redaction does not read it again),
        # and whether the findings shown were read back from a saved scan
        self.source: HashedFile | None = None
        self.reused = False
        self.saved_scan: Path | None = None  # the saved scan read back (None: scanned now)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.stage = QLabel("")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.saved_label = QLabel("")  # "Saved scan of <when>"
        self.saved_label.hide()
        self.scan_again_button = QPushButton("Scan again")
        self.scan_again_button.setToolTip("The findings shown are from a saved scan of this "
                                          "file with the same settings: check it again now")
        self.scan_again_button.hide()
        self.scan_again_button.clicked.connect(lambda: self.scan_again())
        # File ▸ Scan again (menus.py): enabled once a scan of the open clip has ended
        self.scan_again_action = QAction("Scan &again", parent)
        self.scan_again_action.setEnabled(False)
        self.scan_again_action.triggered.connect(lambda: self.scan_again())
        status_bar.addWidget(self.stage, 1)
        status_bar.addPermanentWidget(self.saved_label)
        status_bar.addPermanentWidget(self.scan_again_button)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)

    def say(self, sentence: str) -> None:
        self.stage.setText(sentence)
        self.stage.setToolTip(sentence)  # the whole of it, where the status bar cuts it short

    def start(self, path: str, options: ScanOptions, rescan: bool = False) -> None:
        """Check `path`: its saved scan when there is one (unless `rescan`), else a scan."""
        self.cancel()
        self._clip, self.source, self.reused, self.saved_scan = (path, options), None, False, None
        self._show_saved(None)
        worker = ScanWorker(path, options, rescan)
        thread = in_thread(self, worker, self._on_progress, self._on_finished, self._on_failed)
        self._thread, self._worker = thread, worker
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.say("Starting…")
        self.started.emit()
        thread.start()

    def scan_again(self) -> None:
        """Scan the open clip again, whatever was saved (the saved scan is then replaced)."""
        if self._clip is not None and not self.is_running():
            self.start(*self._clip, rescan=True)

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

    def _on_finished(self, scanned: Scanned) -> None:
        if self.sender() is not self._worker:
            return
        self.source, self.reused = scanned.source, scanned.reused
        self.saved_scan = scanned.saved_scan
        self._idle("Checked.")
        self._show_saved(scanned)
        self.finished.emit(scanned.result)

    def _show_saved(self, scanned: Scanned | None) -> None:
        """ "Saved scan of <when>" and "Scan again" when the findings are a saved scan's."""
        reused = scanned is not None and scanned.reused
        if scanned is not None and reused:
            when = time.strftime("%d %b %H:%M", time.localtime(scanned.saved_at))
            self.saved_label.setText(f"Saved scan of {when}")
        self.saved_label.setVisible(reused)
        self.scan_again_button.setVisible(reused)
        self.scan_again_action.setEnabled(scanned is not None)

    def _on_failed(self, sentence: str) -> None:
        if self.sender() is not self._worker:
            return
        self._idle("Not checked.")
        self.failed.emit(sentence)

    def _idle(self, sentence: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.scan_again_action.setEnabled(self._clip is not None)
        self.say(sentence)
        self.ended.emit()
