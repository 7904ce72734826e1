"""The review window: drop a clip, watch the flags appear, step through them, decide.

The panels are widgets of their own (player, timeline, flags, decision panel, checklist,
presenter row) and the work is in helpers of their own (ScanSession runs the scan, FlagWalk
steps through its flags, PdfExport and RedactExport write the records). The open clip's scan,
review, choices and copies are one ReviewSession (app.core.review.session): each helper is given
the session, the widgets it fills and the callbacks it needs, never the window; the window only
wires their signals and the session's events.

A drop is taken as a copy, never a move: the file manager must not delete the clip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

from app.core.errors import ClearToPostError
from app.core.findings.masking import clip_label
from app.core.models import AnalysisResult, Progress, VideoInfo
from app.core.review.decisions import Decision, Review
from app.core.review.reread import DecidedBy
from app.core.review.session import ReviewSession
from app.core.review.verdict import hard_to_read
from app.ui import settings as app_settings
from app.ui.clip_files import ask_for_clip, video_problem
from app.ui.flag_walk import FlagWalk
from app.ui.folder_queue import FolderQueue
from app.ui.menus import MenuCommands, build_menus, build_shortcuts
from app.ui.pdf_export import PdfExport
from app.ui.presenter_choice import PresenterChoice
from app.ui.redact_export import RedactExport
from app.ui.scan_session import ScanSession
from app.ui.stop_at_flags import StopAtFlags
from app.ui.window_layout import Panels, arrange


class MainWindow(QMainWindow):
    scanFinished = Signal(object)  # noqa: N815  AnalysisResult, for tests and scripts
    scanStopped = Signal(str)  # noqa: N815  "cancelled" or the error sentence

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("ClearToPost")
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.clip: Path | None = None
        self._video: VideoInfo | None = None  # the clip as probed (its hash names it masked)
        # the open clip's scan, review, choices, findings as reviewed and copies: the one place
        self.session = ReviewSession()
        self.panels = panels = Panels()
        self.player, self.timeline = panels.player, panels.timeline
        self.findings_panel, self.transcript = panels.findings, panels.transcript
        self.banner, self.decision_panel = panels.banner, panels.decision
        self.presenter_row, self.checklist = panels.presenter_row, panels.checklist
        self.verdict = panels.verdict
        self.setCentralWidget(arrange(panels))
        self.scan = ScanSession(self, self.statusBar())
        self._helpers(self.scan.say, self.show_problem)
        self._connect()

    @property
    def review(self) -> Review | None:
        return self.session.review

    @property
    def result(self) -> AnalysisResult | None:
        """The scan as reviewed: their face and voice unflagged (the session's)."""
        return self.session.reviewed

    def _helpers(self, say: Callable[[str], None], problem: Callable[[str], None]) -> None:
        """The helpers, each given the session and what it shows or asks through."""
        session, panels = self.session, self.panels
        self.flags = FlagWalk(session, panels, say)
        self.presenter_choice = PresenterChoice(session, panels.presenter_row,
                                                lambda: self.flags.current, say, problem)
        self.pdf_export = PdfExport(session, self, lambda: self.clip, self.reread_review, say,
                                    problem)
        self.redact_export = RedactExport(session, self, lambda: self.clip, self.reread_review,
                                          say, problem, panels.masked)
        flags = self.flags
        self.stop_at_flags = StopAtFlags(
            self, panels.player, lambda: [flags.findings[i] for i in panels.findings.visible_ids()
                                          if i in flags.findings],
            lambda finding: flags.select(finding.id), say)
        queue = self.folder_queue = FolderQueue(self, self.scan, session, self.open_clip,
                                                lambda: self.clip, panels.masked, say, problem)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, queue.dock)
        menus = build_menus(self.menuBar(), self, MenuCommands(
            self.choose_clip, self.open_clip, self.pdf_export.choose, self.redact_export.choose,
            self.close, panels.masked, lambda: self.result, self.scan.scan_again_action,
            self.stop_at_flags.action, (queue.open_action, queue.next_action,
                                        queue.previous_action)))
        self.recent_menu, self.export_action = menus.recent, menus.export_pdf
        self.export_unmasked_action = menus.export_unmasked
        self.redact_action = menus.export_redacted
        player = panels.player
        self.shortcuts = build_shortcuts(self, {
            "N": lambda: flags.step(+1), "P": lambda: flags.step(-1),
            "F": lambda: flags.decide(Decision.MUST_FIX),
            "D": lambda: flags.decide(Decision.FALSE_ALARM),
            "M": self.presenter_choice.mark_me, "Space": player.toggle_play,
            "Left": lambda: player.step(-1), "Right": lambda: player.step(+1)})

    def _connect(self) -> None:
        """The panels' signals and the session's events to the window's slots: it only wires."""
        flags, mask_box = self.flags, self.findings_panel.mask_box
        self.decision_panel.decided.connect(flags.decide)
        self.decision_panel.noteEdited.connect(flags.save_note)
        self.decision_panel.mine.connect(self.presenter_choice.mark_me)
        self.checklist.answered.connect(self._answer)
        self.player.positionChanged.connect(self.timeline.set_position)
        self.timeline.seekRequested.connect(self.player.seek)
        self.timeline.findingClicked.connect(flags.select)
        self.transcript.seekRequested.connect(self.player.seek)
        self.findings_panel.findingSelected.connect(flags.select)
        self.findings_panel.allowRequested.connect(flags.allow)
        mask_box.toggled.connect(self.transcript.set_masked)
        mask_box.toggled.connect(self._set_masked)
        queue, scan = self.folder_queue, self.scan
        mask_box.toggled.connect(queue.set_masked)
        scan.started.connect(queue.window_started)
        scan.progressed.connect(queue.window_progressed)
        scan.failed.connect(queue.window_failed)
        scan.stopped.connect(queue.window_stopped)
        self.scanFinished.connect(queue.window_finished)  # once the session holds the scan
        self.scan.progressed.connect(self._on_progress)
        self.scan.finished.connect(self._on_finished)
        self.scan.failed.connect(self._on_failed)
        self.scan.stopped.connect(self.scanStopped)
        self.scan.ended.connect(flags.end_live)
        self.session.events.reviewed.subscribe(lambda _result: self.show_result())
        events = self.session.events
        for emitter in (events.reviewed, events.decisions, events.review):
            emitter.subscribe(lambda _changed: self._show_verdict())

    def _show_verdict(self) -> None:
        """The header: the verdict the PDF would print now (the session's summary, which the
        PDF prints), or that the clip is not checked yet."""
        self.verdict.show_verdict(self.session.summary(), self.clip is not None)

    # ----- opening and scanning -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls and all(url.isLocalFile() for url in urls) and _as_copy(event):
            event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if _as_copy(event):
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if not urls or not _as_copy(event):
            return
        event.accept()
        path = Path(urls[0].toLocalFile())
        # never do the work inside the drop handler: the source application is waiting
        opened = self.folder_queue.open_folder if path.is_dir() else self.open_clip
        QTimer.singleShot(0, lambda: opened(path))

    def choose_clip(self) -> None:
        path = ask_for_clip(self)
        if path:
            self.open_clip(path)

    def show_problem(self, sentence: str) -> None:
        self.banner.say(sentence)

    def open_clip(self, path: str | Path) -> bool:
        """Start checking a clip; returns False (and says why) when it cannot be opened."""
        path = Path(path)
        problem = video_problem(path)
        if problem:
            self.show_problem(problem)
            return False
        self.scan.cancel()
        self._forget_clip()
        self.clip = path
        self._show_verdict()
        self._update_title()
        app_settings.remember_file(str(path))
        self.scan.start(str(path), app_settings.scan_options())
        return True

    def _forget_clip(self) -> None:
        """Empty every panel: nothing of the last clip stays on screen."""
        self.banner.hide()
        self._video = None
        self.session.clear()
        self._set_exports_enabled(False)
        self.checklist.show_review(None)
        self.checklist.show_combination(None, True)
        self.flags.clear()
        self.timeline.set_clip(0.0, None)
        self.transcript.show_transcript(None, [])
        self.presenter_row.hide()
        self.flags.show_detail()

    def _set_exports_enabled(self, enabled: bool) -> None:
        for action in (self.export_action, self.export_unmasked_action, self.redact_action):
            action.setEnabled(enabled)

    def is_scanning(self) -> bool:
        return self.scan.is_running()

    def _on_progress(self, progress: Progress) -> None:
        if progress.video is not None:
            self._prepare_clip(progress.video)
        self.flags.add(progress.showing, live=True)  # a row, decidable, as soon as it shows
        self.flags.add(progress.findings)  # complete: gone from the picture (the same ids)

    def _on_finished(self, scanned: AnalysisResult) -> None:
        if self.review is None:
            self._prepare_clip(scanned.video)
        self.session.set_scanned(scanned)  # the list, timeline and player filled from it
        self.session.hold_source(self.scan.source, self.scan.saved_scan)  # hashed once
        result = self.session.reviewed
        assert result is not None
        self.transcript.show_transcript(result.transcript, result.findings)
        count = len(self.session.flags())
        hard = hard_to_read(result.coverage)
        self.scan.say(f"Checked: {count} flag{'s' if count != 1 else ''} to review. "
                      f"N / P move between flags, F marks must fix, D false alarm. {hard}"
                      if count else f"Checked: nothing identifying was found. {hard}")
        if self.review and self.review.problem:
            self.show_problem(self.review.problem)
            self.review.problem = None  # said once
        if count and self.flags.current_id is None:
            self.flags.step(+1)
        self._set_exports_enabled(True)
        self.scanFinished.emit(result)

    def _prepare_clip(self, video: VideoInfo) -> None:
        """Load the player and the saved decisions as soon as the file is known."""
        self._video = video
        self._update_title()
        if self.review is None or self.review.clip_sha256 != video.sha256:
            self.session.load_review(video.sha256, reviewer=app_settings.reviewer())
            self.flags.clear()
            self.timeline.set_clip(video.duration_s, self.review)
            self.checklist.show_review(self.review)
        self.player.load(video.path, video.fps, video.duration_s, (video.width, video.height))

    def _on_failed(self, sentence: str) -> None:
        self.show_problem(sentence)
        self.scanStopped.emit(sentence)

    def show_result(self) -> None:
        """(Re)fill the list, the timeline and the player from the scan as the reviewer sees it
        (the session's): with the face and voice they marked as theirs unflagged."""
        result = self.session.reviewed
        if result is None or self.session.scanned is None:
            return
        self.flags.clear(keep_selection=True)
        self.timeline.set_clip(result.video.duration_s, self.review)
        self.flags.add(result.findings)
        self.presenter_choice.show()
        self.checklist.show_combination(result, self.panels.masked())
        self.flags.reselect()

    def reread_review(self) -> DecidedBy | None:
        """The review as saved now (another window or the CLI may have decided since it was
        loaded), shown in every panel; every export starts here. None (and said why): it could
        not be read."""
        if self.review is None or self.session.scanned is None:
            return None
        self.flags.save_note()
        try:
            decided = self.session.reread()  # what changed is told to the panels
        except ClearToPostError as error:
            self.show_problem(str(error))
            return None
        if self.review.problem:  # the file on disk could not be read: kept aside, said here
            self.show_problem(self.review.problem)
            self.review.problem = None
        self.show_result()
        self.checklist.show_review(self.review)
        return decided

    def _answer(self, key: str, answer: str | None) -> None:
        try:
            self.session.answer(key, answer)
        except ClearToPostError as error:
            self.show_problem(str(error))

    # ----- masking ------------------------------------------------------------------------------
    def _set_masked(self, masked: bool) -> None:
        self.timeline.masked = masked
        self.player.set_masked(masked)
        self.checklist.show_combination(self.result, masked)
        self._update_title()
        self.flags.show_detail()

    def _update_title(self) -> None:
        """The clip's file name (often a patient's) only when unmasked; masked, its hash."""
        if self.clip is None:
            self.setWindowTitle("ClearToPost")
        elif not self.findings_panel.mask_box.isChecked():
            self.setWindowTitle(f"{self.clip.name} — ClearToPost")
        elif self._video is not None:
            self.setWindowTitle(f"{clip_label(self._video, True)} — ClearToPost")
        else:
            self.setWindowTitle("a clip — ClearToPost")

    def closeEvent(self, event) -> None:  # noqa: N802
        self.flags.save_note()
        self.scan.wait_for_all()
        self.folder_queue.wait_for_all()
        self.redact_export.interrupt()
        self.player.shutdown()
        super().closeEvent(event)


def _as_copy(event: QDragMoveEvent | QDropEvent) -> bool:
    """Take the drop as a copy (the only action accepted; a move would let the source delete
    the clip); False when the source offers no copy."""
    if not event.possibleActions() & Qt.DropAction.CopyAction:
        return False
    event.setDropAction(Qt.DropAction.CopyAction)
    return True
