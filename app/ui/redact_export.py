"""File ▸ Export redacted video (Ctrl+Shift+E): what to hide, where to write it, then the copy
made with progress and Cancel, off the GUI thread (the engine: app.core.redact). The review is
read again first (another window or the CLI may have decided since), and an export stopped by
closing the window (or SIGTERM/SIGHUP, which close it: stop_signals.py) is recorded in it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ClearToPostError
from app.core.findings.masking import mask_text
from app.core.models import AnalysisResult, Source
from app.core.redact.export import MadeCopy, redact_clip
from app.core.redact.plan import BLEEP, SILENCE, chosen
from app.core.review.decisions import Review
from app.core.review.interrupted import record_interrupted
from app.core.review.reread import DecidedBy
from app.core.review.session import ReviewSession
from app.ui.worker import EngineWorker, in_thread

log = logging.getLogger(__name__)

KIND = {Source.SCREEN: "text", Source.SCENE: "monitor or board", Source.FACE: "face",
        Source.CODE: "code", Source.SPEECH: "spoken"}


def describe(result: AnalysisResult, review: Review, include_open: bool) -> str:
    """"2 text, 1 face, 1 spoken": what a copy would hide."""
    counts: dict[str, int] = {}
    for finding in chosen(result, review, include_open):
        if finding.source is Source.SPEECH or finding.boxes:
            counts[KIND[finding.source]] = counts.get(KIND[finding.source], 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "nothing"


class RedactOptions(QDialog):
    """Which findings to hide and how to hide speech."""

    def __init__(self, parent, result: AnalysisResult, review: Review) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export redacted video")
        self._result, self._review = result, review
        self.include_open = QCheckBox("Also hide the findings not decided yet")
        self.silence = QRadioButton("Silence spoken identifiers")
        self.bleep = QRadioButton("Bleep spoken identifiers")
        self.silence.setChecked(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        about = QLabel("A new clip is written with the flagged text and faces blurred in every "
                       "frame, codes blacked out and spoken identifiers hidden; the original is "
                       "not changed. The copy is then scanned again.")
        about.setWordWrap(True)
        self.setMinimumWidth(460)
        layout.addWidget(about)
        for widget in (self.include_open, self.silence, self.bleep, self.summary, self.buttons):
            layout.addWidget(widget)
        self.include_open.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        what = describe(self._result, self._review, self.include_open.isChecked())
        self.summary.setText(f"To hide: {what}.")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(what != "nothing")
        if what == "nothing":
            self.summary.setText("Nothing is marked \"must fix\": mark the flags to hide, or "
                                 "tick the box to hide the undecided ones too.")

    @property
    def sound(self) -> str:
        return BLEEP if self.bleep.isChecked() else SILENCE


class RedactExport(QObject):
    """Runs one export at a time for the session; `finished` carries the MadeCopy."""

    finished = Signal(object)
    stopped = Signal(str)  # "cancelled", or the sentence saying why it failed
    progressed = Signal(int)  # percent done, as the progress dialog shows it

    def __init__(self, session: ReviewSession, parent: QWidget,
                 clip: Callable[[], Path | None], reread: Callable[[], DecidedBy | None],
                 say: Callable[[str], None], problem: Callable[[str], None],
                 masked: Callable[[], bool]) -> None:
        """`reread`: the review as saved now, shown in every panel (None: it could not be read,
        and was said); `say` writes the status line, `problem` the banner; `masked`: whether
        the window masks identifiers now."""
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self._clip, self._reread, self._say, self._problem = clip, reread, say, problem
        self._masked = masked
        self._thread: QThread | None = None
        self._worker: EngineWorker | None = None
        self._dialog: QProgressDialog | None = None
        self._stage = ""  # the running export's stage, for the record if it is interrupted
        self.finished.connect(self._say_made)
        self.stopped.connect(self._say_stopped)

    def _say_made(self, copy: MadeCopy) -> None:
        """In the status bar (masked as the window is: the name the user gave may be the
        patient's) and, if the re-scan found anything, in a warning."""
        self._reread()  # decisions another reviewer made meanwhile (read for the proof)
        name = Path(copy.file).name
        if self._masked():
            name = f"{mask_text(Path(name).stem)}.mp4"
        used = f" ({copy.decisions.line()})" if copy.decisions else ""
        safe = "" if copy.proof.clean else " NOT SAFE to post."
        self._say(f"Redacted copy saved: {name}{used}. {copy.proof.line()}{safe}")
        if not copy.proof.clean:
            pictures = ""
            if copy.proof.thumbnails:  # the proof's pictures of the frames it could still read
                folder = Path(copy.proof.thumbnails[0]).parent.name
                if self._masked():
                    folder = "the one named after the copy, ending .not-safe,"
                pictures = (f" Pictures of those frames ({len(copy.proof.thumbnails)}) are in "
                            f"the folder {folder} beside the copy.")
            QMessageBox.warning(self.parent_widget, "The redacted copy is not safe to post",
                                f"{copy.proof.line()}{pictures} Do not post this copy: look at "
                                f"it, mark what it still shows and export again.")

    def _say_stopped(self, why: str) -> None:
        if why == "cancelled":
            self._say("Export cancelled: no copy was written.")
        else:
            self._problem(why)

    def choose(self) -> None:
        """Ask what to hide and where, then start."""
        clip = self._clip()
        if clip is None or self._reread() is None:
            return
        result, review = self.session.reviewed, self.session.review
        if result is None or review is None:
            return
        options = RedactOptions(self.parent_widget, result, review)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        # named by the clip's hash: the original's name is often the patient's
        suggested = str(clip.with_name(f"redacted {result.video.sha256[:12]}.mp4"))
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Export redacted video",
                                              suggested, "MP4 video (*.mp4)")
        if path:  # Qt's save dialog has asked before replacing a file
            self.start(Path(path), options.include_open.isChecked(), options.sound, force=True)

    def start(self, out: Path, include_open: bool = False, sound: str = SILENCE,
              force: bool = False) -> bool:
        if self.is_running() or self._reread() is None:
            return False
        session, reviewed = self.session, self.session.reviewed  # as saved now, by whoever decided
        if reviewed is None:
            return False
        # the export records its copy in the session from the worker's thread: the window
        # listens to no `copies` event, and reads the review again when it has finished
        worker = EngineWorker(reviewed.options, lambda engines: redact_clip(
            session, out, include_open=include_open, sound=sound, force=force,
            engines=engines))
        worker.what = "The redacted copy could not be made"
        thread = in_thread(self, worker, self._on_progress, self._on_finished, self._on_failed,
                           self._on_cancelled)
        self._thread, self._worker, self._stage = thread, worker, "plan"
        self._dialog = QProgressDialog("Writing the redacted copy…", "Cancel", 0, 100,
                                       self.parent_widget)
        self._dialog.setWindowTitle("Export redacted video")
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.setMinimumDuration(0)
        self._dialog.canceled.connect(self.cancel)
        self._dialog.show()
        thread.start()
        return True

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def cancel(self, wait: bool = False) -> None:
        if self._worker is not None:
            self._worker.cancel()
        if wait and self._thread is not None:
            self._thread.wait(60_000)

    def interrupt(self) -> None:
        """The window is closing (the user, or SIGTERM/SIGHUP): stop the export, wait for its
        clean-up (no half-written or unchecked copy is left) and record that it was
        interrupted."""
        worker = self._worker
        if not self.is_running() or worker is None:
            return
        self.cancel(wait=True)
        if worker.ended:  # it had passed its last step: the copy was put in place and recorded
            return
        if self.session.review is not None:
            try:
                record_interrupted(self.session, self._stage)
            except ClearToPostError as error:  # closing: nowhere left to say it but the log
                log.warning("the interrupted export could not be recorded: %s", error)

    @Slot(object)
    def _on_progress(self, progress) -> None:
        # a window-modal QProgressDialog's setValue runs the event loop, in which the export
        # may finish and close the dialog: keep hold of it, and set the text first
        self._stage = progress.stage
        dialog = self._dialog
        if dialog is not None:
            dialog.setLabelText(progress.message)
            dialog.setValue(int(progress.fraction * 100))
        self.progressed.emit(int(progress.fraction * 100))

    @Slot(object)
    def _on_finished(self, copy) -> None:
        self._close_dialog()
        self._worker = None
        self.finished.emit(copy)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self._end(sentence)

    @Slot()
    def _on_cancelled(self) -> None:
        self._end("cancelled")

    def _end(self, why: str) -> None:
        self._close_dialog()
        self._worker = None
        self.stopped.emit(why)

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog = None
