"""The review window: drop a clip, watch the flags appear, step through them, decide.

The panels are widgets of their own (player, timeline, flags, decision panel, checklist,
presenter row) and the work is in helpers of their own (ScanSession runs the scan, FlagWalk
steps through its flags, PdfExport and RedactExport write the records); the window holds the
open clip and its review and wires their signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from app.core.errors import ClearToPostError
from app.core.findings.combination import flags
from app.core.findings.masking import clip_label
from app.core.model_files import DEFAULT_SPEECH_MODEL
from app.core.models import AnalysisResult, Progress, ScanOptions, VideoInfo
from app.core.review.decisions import Review
from app.core.review.reread import DecidedBy, decided_by, reread
from app.core.word_lists import WordLists
from app.ui import settings as app_settings
from app.ui.checklist import ChecklistBox
from app.ui.clip_files import ask_for_clip, video_problem
from app.ui.decision_panel import DecisionPanel
from app.ui.findings_view import FindingsPanel
from app.ui.flag_walk import FlagWalk
from app.ui.menus import build_menus, build_shortcuts
from app.ui.pdf_export import PdfExport
from app.ui.player import PlayerWidget
from app.ui.presenter_choice import PresenterChoice
from app.ui.presenter_row import PresenterRow
from app.ui.redact_export import RedactExport
from app.ui.scan_session import ScanSession
from app.ui.timeline import TimelineWidget
from app.ui.transcript_view import TranscriptView
from app.ui.window_layout import ProblemBanner, arrange


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
        self.scan_result: AnalysisResult | None = None  # as scanned
        self.result: AnalysisResult | None = None  # as reviewed: their face and voice unflagged
        self.review: Review | None = None
        self.stopped_by_signal: int | None = None  # SIGTERM/SIGHUP closed it (stop_signals.py)
        self.player, self.timeline = PlayerWidget(), TimelineWidget()
        self.findings_panel, self.transcript = FindingsPanel(), TranscriptView()
        self.banner, self.decision_panel = ProblemBanner(), DecisionPanel()
        self.presenter_row, self.checklist = PresenterRow(), ChecklistBox()
        self.setCentralWidget(arrange(self))
        self.scan = ScanSession(self, self.statusBar())
        self.flags, self.presenter_choice = FlagWalk(self), PresenterChoice(self)
        self.pdf_export, self.redact_export = PdfExport(self), RedactExport(self)
        build_menus(self)
        self.shortcuts = build_shortcuts(self)
        self._connect()

    def _connect(self) -> None:
        """The panels' signals to the window's slots: the window only wires."""
        flags, mask_box = self.flags, self.findings_panel.mask_box
        self.decision_panel.decided.connect(flags.decide)
        self.decision_panel.noteEdited.connect(flags.save_note)
        self.decision_panel.mine.connect(self.presenter_choice.mark_me)
        self.player.positionChanged.connect(self.timeline.set_position)
        self.timeline.seekRequested.connect(self.player.seek)
        self.timeline.findingClicked.connect(flags.select)
        self.transcript.seekRequested.connect(self.player.seek)
        self.findings_panel.findingSelected.connect(flags.select)
        self.findings_panel.allowRequested.connect(flags.allow)
        mask_box.toggled.connect(self.transcript.set_masked)
        mask_box.toggled.connect(self._set_masked)
        self.scan.progressed.connect(self._on_progress)
        self.scan.finished.connect(self._on_finished)
        self.scan.failed.connect(self._on_failed)
        self.scan.stopped.connect(self.scanStopped)
        self.scan.ended.connect(lambda: self.timeline.set_showing(()))

    # ----- opening and scanning -------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if not urls:
            return
        event.acceptProposedAction()
        path = urls[0].toLocalFile()
        # never do the work inside the drop handler: the source application is waiting
        QTimer.singleShot(0, lambda: self.open_clip(path))

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
        self._update_title()
        app_settings.remember_file(str(path))
        lists = WordLists.from_settings()
        self.scan.start(str(path), ScanOptions(speech_model=DEFAULT_SPEECH_MODEL,
                                               deny=lists.deny, allow=lists.allow))
        return True

    def _forget_clip(self) -> None:
        """Empty every panel: nothing of the last clip stays on screen."""
        self.banner.hide()
        self.scan_result = self.result = self.review = self._video = None
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
        self.flags.add(progress.findings)
        self.timeline.set_showing([f for f in flags(progress.showing)
                                   if f.id not in self.flags.findings])

    def _on_finished(self, result: AnalysisResult) -> None:
        self.scan_result = result
        if self.review is None:
            self._prepare_clip(result.video)
        self.show_result()
        self.transcript.show_transcript(self.result.transcript, self.result.findings)
        count = len(flags(self.result.findings))
        self.scan.say(f"Checked: {count} flag{'s' if count != 1 else ''} to review. "
                      f"N / P move between flags, F marks must fix, D false alarm."
                      if count else "Checked: nothing identifying was found.")
        if self.review and self.review.problem:
            self.show_problem(self.review.problem)
        if count and self.flags.current_id is None:
            self.flags.step(+1)
        self._set_exports_enabled(True)
        self.scanFinished.emit(self.result)

    def _prepare_clip(self, video: VideoInfo) -> None:
        """Load the player and the saved decisions as soon as the file is known."""
        self._video = video
        self._update_title()
        if self.review is None or self.review.clip_sha256 != video.sha256:
            self.review = Review.load(video.sha256)
            self.review.reviewer = str(app_settings.settings().value("reviewer", "") or "")
            self.flags.clear()
            self.timeline.set_clip(video.duration_s, self.review)
            self.checklist.show_review(self.review)
        self.player.load(video.path, video.fps, video.duration_s, (video.width, video.height))

    def _on_failed(self, sentence: str) -> None:
        self.show_problem(sentence)
        self.scanStopped.emit(sentence)

    def show_result(self) -> None:
        """(Re)fill the list, the timeline and the player from the scan as the reviewer sees it:
        with the face and voice they marked as theirs unflagged."""
        if self.scan_result is None:
            return
        self.result = self.presenter_choice.seen(self.scan_result)
        self.flags.clear(keep_selection=True)
        self.timeline.set_clip(self.result.video.duration_s, self.review)
        self.flags.add(self.result.findings)
        self.presenter_choice.show()
        self.checklist.show_combination(self.result, self.findings_panel.mask_box.isChecked())
        self.flags.reselect()

    def reread_review(self) -> DecidedBy | None:
        """The review as saved now (another window or the CLI may have decided since it was
        loaded), shown in every panel; every export starts here. None (and said why): it could
        not be read."""
        if self.review is None or self.scan_result is None:
            return None
        self.flags.save_note()
        try:
            read_at = reread(self.review)
        except ClearToPostError as error:
            self.show_problem(str(error))
            return None
        self.show_result()
        self.checklist.show_review(self.review)
        return decided_by(self.review, [f.id for f in self.result.findings], read_at)

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
        self.redact_export.interrupt()
        self.player.shutdown()
        super().closeEvent(event)
