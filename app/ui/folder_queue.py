"""File ▸ Open folder: the folder's clips in a queue beside the player (each waiting, being
scanned, or checked with its verdict and counts), an overall progress bar and Cancel, and
Ctrl+PgDown / Ctrl+PgUp to open the next / previous clip.

The clips are found and scanned by the command line's own core (app.core.review.folder_scan:
`find_clips`, then `scan_folder` one clip at a time with the window's shared models; each scan
is saved, so opening the clip later reads it back). The queue's state is
app.core.review.clip_queue. A clip of the queue is opened with the window's own `open_clip`,
exactly as when it is opened alone; the clip the window scans comes first: the queue's
background scan stops for it (that clip is scanned again later) and goes on when it ends."""

from __future__ import annotations

import html
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ClearToPostError
from app.core.findings.masking import mask_text
from app.core.models import Progress, ScanOptions
from app.core.review.clip_queue import CHECKED, SCANNING, WAITING, ClipQueue, QueuedClip
from app.core.review.folder_scan import (
    FAILED,
    REUSED,
    ClipOutcome,
    FolderProgress,
    Queue,
    find_clips,
    no_clip_sentence,
    outcome_of,
    scan_folder,
)
from app.core.review.session import ReviewSession
from app.core.steps import retold
from app.ui import settings as app_settings
from app.ui.worker import EngineWorker, in_thread, shared_engines

NEXT_CLIP, PREVIOUS_CLIP, OPEN_FOLDER = "Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+Shift+O"


class _FolderWorker(EngineWorker):
    what = "The folder's clip could not be checked"

    def __init__(self, queue: Queue, options: ScanOptions, reviewer: str) -> None:
        super().__init__(options, lambda _: _clip_steps(scan_folder(
            queue, options, lambda _clip, _session: (), reviewer=reviewer,
            load_engines=lambda: shared_engines(options))), load_first=False)


def _clip_steps(steps: Generator[FolderProgress, None, list[ClipOutcome]]
                ) -> Generator[Progress, None, list[ClipOutcome]]:
    """The clip's own progress out of the folder's (the queue is one clip at a time); closing
    it (a cancel) closes the clip's scan."""
    return (yield from retold(steps, lambda step: step.progress))


class QueuePanel(QWidget):
    """The dock's content: the folder and how far it is, Cancel, one row a clip."""

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop checking the folder's clips (each one is still "
                                      "checked when you open it)")
        self.rows = QListWidget()
        self.rows.setWordWrap(True)
        self.rows.setAlternatingRowColors(True)
        self.rows.setToolTip(f"Enter or a double click opens a clip; {NEXT_CLIP} / "
                             f"{PREVIOUS_CLIP} the next / previous one")
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.rows, 1)


class FolderQueue(QObject):
    """The queue of the folder opened last, its dock and its menu actions; the window gives
    it how to open a clip, which clip is open, the window's scan and session, and where to say
    things."""

    changed = Signal()  # a row or the overall progress changed (tests, scripts)

    def __init__(self, parent: QWidget, scan, session: ReviewSession,
                 open_clip: Callable[[Path], bool], open_clip_now: Callable[[], Path | None],
                 masked: Callable[[], bool], say: Callable[[str], None],
                 problem: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.parent_widget, self.window_scan, self.session = parent, scan, session
        self._open, self._open_now = open_clip, open_clip_now
        self._masked, self._say, self._problem = masked, say, problem
        self.queue: ClipQueue | None = None
        self._worker: _FolderWorker | None = None
        self._thread: QThread | None = None
        self._running: int | None = None  # the clip the background scan is on
        self._stopping: list[QThread] = []
        self._cancelled = False
        self._window_busy = False  # the window is scanning (or reading a saved scan)
        self.panel = QueuePanel()
        self.dock = QDockWidget("Clips of the folder", parent)
        self.dock.setObjectName("folder-queue")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)  # no way back
        self.dock.hide()
        self.panel.cancel_button.clicked.connect(self.cancel)
        self.panel.rows.itemActivated.connect(
            lambda item: self.open_index(self.panel.rows.row(item)))
        self.open_action = QAction("Open &folder…", parent, shortcut=QKeySequence(OPEN_FOLDER))
        self.open_action.triggered.connect(self.choose)
        self.next_action = QAction("&Next clip of the folder", parent,
                                   shortcut=QKeySequence(NEXT_CLIP))
        self.next_action.triggered.connect(lambda: self.step(+1))
        self.previous_action = QAction("Pre&vious clip of the folder", parent,
                                       shortcut=QKeySequence(PREVIOUS_CLIP))
        self.previous_action.triggered.connect(lambda: self.step(-1))
        for action in (self.next_action, self.previous_action):
            action.setEnabled(False)
        events = session.events
        for emitter in (events.decisions, events.review):
            emitter.subscribe(lambda _changed: self._recount_open_clip())

    # ----- opening a folder -----------------------------------------------------------------
    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget, "Open a folder of clips")
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path) -> bool:
        """Queue the folder's clips, open the first (unless the open clip is one of them) and
        check the others one after the other. A folder with no clip, or one that cannot be
        read, is said in a sentence and changes nothing: the queue and clip open stay."""
        try:
            queue = find_clips(Path(folder))
        except ClearToPostError as error:
            self._problem(str(error))
            return False
        if not queue.clips:
            first = queue.skipped[0] if queue.skipped else None
            listed = (f", e.g. {first.path.name}: {first.why}" if first else "")
            self._problem(no_clip_sentence(queue, listed).replace("scanned", "queued"))
            return False
        self._stop_background(wait=False)
        self.queue, self._cancelled = ClipQueue(queue), False
        self.dock.show()
        for action in (self.next_action, self.previous_action):
            action.setEnabled(True)
        self._fill()
        skipped = len(queue.skipped)
        self._say(f"Queued {len(queue.clips)} clip{'s' if len(queue.clips) != 1 else ''} of "
                  f"the folder" + (f"; {skipped} other file{'s' if skipped != 1 else ''} "
                                   f"skipped (listed under the clips)" if skipped else "")
                  + f". {NEXT_CLIP} / {PREVIOUS_CLIP}: next / previous clip.")
        if self.queue.index_of(self._open_now()) is None:
            self.open_index(0)
        else:
            self._show_open()
        self._start_next()
        return True

    # ----- moving through the clips -----------------------------------------------------------
    def step(self, step: int) -> None:
        """Open the next (+1) or previous (-1) clip of the queue."""
        if self.queue is None:
            return
        index = self.queue.step(self.queue.index_of(self._open_now()), step)
        if index is None:
            self._say(f"This is the {'last' if step > 0 else 'first'} clip of the folder.")
            return
        self.open_index(index)

    def open_index(self, index: int) -> None:
        """Open clip `index` of the queue in the window, as if it were opened alone."""
        if self.queue is None or not 0 <= index < len(self.queue.clips):
            return
        self._open(self.queue.path(index))
        self._show_open()

    # ----- the window's scan (main_window wires its signals here): it comes first ---------------
    def _window_index(self) -> int | None:
        return self.queue.index_of(self._open_now()) if self.queue is not None else None

    def _window_clip(self) -> QueuedClip | None:
        """The queue's row of the clip open in the window (None: it is not in the queue)."""
        index = self._window_index()
        return self.queue.clips[index] if self.queue is not None and index is not None else None

    def window_started(self) -> None:
        """The window scans a clip: the background scan lets it have the models."""
        self._window_busy = True
        self._stop_background(wait=False)
        clip = self._window_clip()
        if clip is not None:
            clip.state, clip.fraction = SCANNING, 0.0
        self._refresh()

    def window_progressed(self, progress) -> None:
        clip = self._window_clip()
        if clip is not None and clip.state == SCANNING:
            clip.fraction = progress.fraction
            self._refresh()

    def window_finished(self, _result=None) -> None:
        """The window's scan has ended and the session holds it: the row says its verdict."""
        self._recount(reused=self.window_scan.reused, checked_only=False)
        self._window_done()

    def window_failed(self, sentence: str) -> None:
        clip = self._window_clip()
        if clip is not None:
            clip.state, clip.outcome = FAILED, ClipOutcome(clip.clip, FAILED, problem=sentence)
            self._refresh()
        self._window_done()

    def window_stopped(self, _why: str = "") -> None:
        """The window's scan was cancelled (or another clip opened): its clip waits again."""
        clip = self._window_clip()
        if clip is not None and clip.state == SCANNING:
            clip.state, clip.fraction = WAITING, 0.0
            self._refresh()
        self._window_done()

    def _window_done(self) -> None:
        """The window's scan has ended: the queue goes on, once the window has started
        whatever it does next (opening another clip stops a scan, then starts one)."""
        self._window_busy = False
        QTimer.singleShot(0, self._start_next)

    def _recount_open_clip(self) -> None:
        """The reviewer decided on the open clip: its row says its verdict now."""
        clip = self._window_clip()
        if clip is not None and clip.outcome is not None:
            self._recount(reused=clip.outcome.status == REUSED, checked_only=True)

    def _recount(self, reused: bool, checked_only: bool) -> None:
        clip = self._window_clip()
        if (clip is None or self.session.reviewed is None
                or (checked_only and clip.state != CHECKED)):
            return
        clip.outcome = outcome_of(clip.clip, self.session, reused=reused)
        clip.state, clip.fraction = CHECKED, 1.0
        self._refresh()

    # ----- the background scan ------------------------------------------------------------------
    def _start_next(self) -> None:
        queue = self.queue
        if queue is None or self._cancelled or self._worker is not None or self._window_busy:
            self._refresh()
            return
        index = queue.next_waiting()
        if index is None:
            self._refresh()
            return
        one = Queue(queue.queue.folder, (queue.clips[index].clip,), ())
        worker = _FolderWorker(one, app_settings.scan_options(), app_settings.reviewer())
        thread = in_thread(self, worker, self._on_progress, self._on_finished, self._on_failed,
                           self._on_cancelled)
        self._worker, self._thread, self._running = worker, thread, index
        queue.clips[index].state, queue.clips[index].fraction = SCANNING, 0.0
        self._refresh()
        thread.start()

    def _on_progress(self, progress: Progress) -> None:
        if self.sender() is not self._worker or self._running is None or self.queue is None:
            return
        self.queue.clips[self._running].fraction = progress.fraction
        self._refresh()

    def _on_finished(self, outcomes: list[ClipOutcome]) -> None:
        if self.sender() is not self._worker or self._running is None or self.queue is None:
            return
        self.queue.set_outcome(self._running, outcomes[0])
        self._background_ended()

    def _on_failed(self, sentence: str) -> None:
        """The models could not be loaded (or a bug): no clip can be checked in the
        background; said once, the queue stops."""
        if self.sender() is not self._worker or self.queue is None:
            return
        self._background_ended()
        self._cancelled = True
        self.queue.stop()
        self._problem(f"The folder's clips could not be checked: {sentence}")
        self._refresh()

    def _on_cancelled(self) -> None:
        pass  # _stop_background has already put the clip back

    def _background_ended(self) -> None:
        self._worker = self._thread = self._running = None
        self._start_next()

    def _stop_background(self, wait: bool) -> None:
        worker, thread, index = self._worker, self._thread, self._running
        self._worker = self._thread = self._running = None
        if worker is None or thread is None:
            return
        worker.cancel()
        if self.queue is not None and index is not None:
            clip = self.queue.clips[index]
            if clip.state == SCANNING:
                clip.state, clip.fraction = WAITING, 0.0  # scanned again later
        if thread.isRunning():
            self._stopping.append(thread)
            thread.finished.connect(lambda: self._stopping.remove(thread)
                                    if thread in self._stopping else None)
            if wait:
                thread.wait(60_000)

    def cancel(self) -> None:
        """Stop checking the folder (the clip open in the window is not stopped); the clips
        not checked stay in the queue and are checked when opened."""
        if self.queue is None:
            return
        self._cancelled = True
        self._stop_background(wait=False)
        self.queue.stop(but=self._window_index())
        self._say("Stopped checking the folder: the clips not checked yet are checked when "
                  "you open them.")
        self._refresh()

    def wait_for_all(self) -> None:
        """Closing: stop, and wait until the background scan has let go of the models."""
        self._stop_background(wait=True)
        for thread in list(self._stopping):
            thread.wait(60_000)

    def is_running(self) -> bool:
        return self._worker is not None

    # ----- showing it -----------------------------------------------------------------------------
    def _fill(self) -> None:
        rows = self.panel.rows
        rows.clear()
        assert self.queue is not None
        for _clip in self.queue.clips:
            rows.addItem(QListWidgetItem(""))
        for _skipped in self.queue.queue.skipped:
            item = QListWidgetItem("")
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # not a clip: listed, not opened
            rows.addItem(item)
        self._refresh()

    def set_masked(self, _masked: bool = True) -> None:
        self._refresh()

    def _refresh(self) -> None:
        queue = self.queue
        if queue is None:
            return
        masked, rows, panel = self._masked(), self.panel.rows, self.panel
        folder = queue.queue.folder
        name = mask_text(folder.name) if masked else folder.name
        panel.title.setText(f"Folder <b>{html.escape(name)}</b>: {queue.line()}")
        panel.progress.setValue(int(queue.fraction() * 1000))
        panel.cancel_button.setVisible(not self._cancelled and queue.done() < len(queue.clips))
        opened = self._window_index()
        for index, clip in enumerate(queue.clips):
            item = rows.item(index)
            mark = "▶ " if index == opened else ""
            item.setText(f"{mark}{index + 1}. {clip.name(masked)}\n    {clip.status(masked)}")
            font = item.font()
            font.setBold(index == opened)
            item.setFont(font)
        for offset, skipped in enumerate(queue.queue.skipped):
            item = rows.item(len(queue.clips) + offset)
            path = QueuedClip(skipped.path).name(masked)  # masked as a clip's name is
            item.setText(f"{path}\n    skipped: {skipped.why}")
        self.changed.emit()

    def _show_open(self) -> None:
        index = self._window_index()
        if index is not None:
            self.panel.rows.setCurrentRow(index)
        self._refresh()
