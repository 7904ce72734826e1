"""The review window: drop a clip, watch the flags appear, step through them, decide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.errors import ClearToPostError
from app.core.findings.masking import clip_label
from app.core.model_files import DEFAULT_SPEECH_MODEL
from app.core.models import AnalysisResult, Finding, Progress, ScanOptions, Source, VideoInfo
from app.core.review.decisions import Decision, Review
from app.core.review.presenter import mark_as_mine, with_presenter
from app.core.word_lists import WordLists
from app.ui import settings as app_settings
from app.ui.checklist import ChecklistBox
from app.ui.decision_panel import DecisionPanel
from app.ui.findings_view import FindingsPanel
from app.ui.menus import build_menus, build_shortcuts, fill_recent
from app.ui.player import PlayerWidget
from app.ui.presenter_row import PresenterRow
from app.ui.redact_export import RedactExport
from app.ui.timeline import TimelineWidget
from app.ui.transcript_view import TranscriptView
from app.ui.worker import ScanWorker, in_thread

VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".mpg", ".mpeg", ".3gp"}


def video_problem(path: Path) -> str | None:
    """A sentence saying why this path cannot be opened as a clip, or None."""
    if not path.exists():
        return f"{path.name} does not exist."
    if path.is_dir():
        return f"{path.name} is a folder; drop a video file instead."
    if path.suffix.lower() not in VIDEO_SUFFIXES:
        return (f"{path.name} is not a video this app reads (it takes "
                f"{', '.join(sorted(s.lstrip('.') for s in VIDEO_SUFFIXES))}).")
    return None


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
        self.result: AnalysisResult | None = None  # as reviewed: the reviewer's face unflagged
        self.review: Review | None = None
        self.findings: dict[str, Finding] = {}
        self.current_id: str | None = None
        self._thread: QThread | None = None
        self._stopping: list[QThread] = []  # cancelled scans still ending their current step
        self._worker: ScanWorker | None = None

        self.player = PlayerWidget()
        self.timeline = TimelineWidget()
        self.findings_panel = FindingsPanel()
        self.transcript = TranscriptView()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel{background:#fde2e1;color:#7a1212;padding:6px;border-radius:4px}"
        )
        self.banner.hide()
        self.decision_panel = DecisionPanel()
        panel = self.decision_panel
        self.detail, self.note = panel.detail, panel.note
        self.must_fix_button, self.false_alarm_button = (panel.must_fix_button,
                                                         panel.false_alarm_button)
        self.reopen_button, self.this_is_me_button = panel.reopen_button, panel.this_is_me_button
        self.presenter_row = PresenterRow()
        self.checklist = ChecklistBox()
        self.checklist_boxes = self.checklist.boxes
        self.setCentralWidget(self._layout())
        self._build_status_bar()
        self.redact_export = RedactExport(self)
        build_menus(self)
        self.shortcuts = build_shortcuts(self)
        self._connect()

    def _layout(self) -> QSplitter:
        """Player, banner and timeline on the left; flags, presenter row, decision and
        checklist on the right."""
        tabs = QTabWidget()
        tabs.addTab(self.findings_panel, "Flags")
        tabs.addTab(self.transcript, "Transcript")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(tabs, 1)
        for widget in (self.presenter_row, self.decision_panel, self.checklist):
            right_layout.addWidget(widget)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.player, 1)
        left_layout.addWidget(self.timeline)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([760, 520])
        return splitter

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.stage = QLabel("")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self.cancel_scan())
        self.statusBar().addWidget(self.stage, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        """The panels' signals to the window's slots: the window only wires."""
        self.decision_panel.decided.connect(self.decide)
        self.decision_panel.noteEdited.connect(self._save_note)
        self.decision_panel.mine.connect(self.mark_me)
        self.presenter_row.notMine.connect(lambda: self._choose_presenter(()))
        self.presenter_row.automatic.connect(lambda: self._choose_presenter(None))
        self.player.positionChanged.connect(self.timeline.set_position)
        self.timeline.seekRequested.connect(self.player.seek)
        self.timeline.findingClicked.connect(self.select_finding)
        self.transcript.seekRequested.connect(self.player.seek)
        self.findings_panel.findingSelected.connect(self.select_finding)
        self.findings_panel.allowRequested.connect(self._allow_finding_text)
        self.findings_panel.mask_box.toggled.connect(self.transcript.set_masked)
        self.findings_panel.mask_box.toggled.connect(self._set_timeline_masked)
        self.findings_panel.mask_box.toggled.connect(lambda _: self._show_detail())

    def _fill_recent(self) -> None:
        fill_recent(self)

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
        patterns = " ".join(f"*{s}" for s in sorted(VIDEO_SUFFIXES))
        path, _ = QFileDialog.getOpenFileName(self, "Open a clip", "", f"Videos ({patterns})")
        if path:
            self.open_clip(path)

    def show_problem(self, sentence: str) -> None:
        self.banner.setText(sentence)
        self.banner.show()

    def open_clip(self, path: str | Path) -> bool:
        """Start checking a clip; returns False (and says why) when it cannot be opened."""
        path = Path(path)
        problem = video_problem(path)
        if problem:
            self.show_problem(problem)
            return False
        self.cancel_scan()
        self.banner.hide()
        self.clip = path
        self.scan_result = self.result = None
        self.review = None
        self.findings = {}
        self.current_id = None
        for action in (self.export_action, self.export_unmasked_action, self.redact_action):
            action.setEnabled(False)
        self.checklist.show_review(self.review)
        self._video = None
        self._update_title()
        self.findings_panel.model.reset(None)
        self.timeline.set_clip(0.0, None)
        self.transcript.show_transcript(None, [])
        self.player.findings = ()
        self.presenter_row.hide()
        self._show_detail()
        app_settings.remember_file(str(path))
        lists = WordLists.from_settings()
        options = ScanOptions(speech_model=DEFAULT_SPEECH_MODEL, deny=lists.deny,
                              allow=lists.allow)
        self._start_worker(str(path), options)
        return True

    def _start_worker(self, path: str, options: ScanOptions) -> None:
        worker = ScanWorker(path, options)
        thread = in_thread(self, worker, self._on_progress, self._on_finished, self._on_failed)
        self._thread, self._worker = thread, worker
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.stage.setText("Starting…")
        thread.start()

    def cancel_scan(self, wait: bool = False) -> None:
        """Stop the running scan. It stops at its next step (one sample: well under a second)
        and the window does not wait for it; a scan started next waits for the models until
        this one has let go of them (worker.py). `wait`: block until it has (closing)."""
        worker, thread = self._worker, self._thread
        self._worker = None
        if worker is None or thread is None or not thread.isRunning():
            return
        worker.cancel()
        self._stopping.append(thread)
        thread.finished.connect(lambda: self._ended(thread))
        self._on_stopped("cancelled")
        if wait:
            thread.wait(60_000)

    def _ended(self, thread: QThread) -> None:
        if thread in self._stopping:
            self._stopping.remove(thread)

    def is_scanning(self) -> bool:
        return (self._worker is not None and self._thread is not None
                and self._thread.isRunning())

    def _on_progress(self, progress: Progress) -> None:
        if self.sender() is not self._worker:
            return
        self.progress.setValue(int(progress.fraction * 100))
        self.stage.setText(progress.message)
        if progress.video is not None:
            self._prepare_clip(progress.video)
        self._add_findings(progress.findings)
        self.timeline.set_showing([f for f in progress.showing if f.id not in self.findings])

    def _add_findings(self, findings) -> None:
        if not findings:
            return
        new = [f for f in findings if f.id not in self.findings]
        for finding in new:
            self.findings[finding.id] = finding
        self.findings_panel.model.add(new)
        self.timeline.add_findings(new)
        self.player.set_findings(tuple(self.findings.values()))

    def _on_finished(self, result: AnalysisResult) -> None:
        if self.sender() is not self._worker:
            return
        self._finish_ui()
        self.scan_result = result
        if self.review is None:
            self._prepare_clip(result.video)
        self._show_result()
        result = self.result
        self.transcript.show_transcript(result.transcript, result.findings)
        count = len(result.findings)
        self.stage.setText(
            f"Checked: {count} flag{'s' if count != 1 else ''} to review. "
            f"N / P move between flags, F marks must fix, D false alarm."
            if count else "Checked: nothing identifying was found."
        )
        if self.review and self.review.problem:
            self.show_problem(self.review.problem)
        if count and self.current_id is None:
            self.step_finding(+1)
        self.export_action.setEnabled(True)
        self.export_unmasked_action.setEnabled(True)
        self.redact_action.setEnabled(True)
        self.scanFinished.emit(result)

    def _prepare_clip(self, video: VideoInfo) -> None:
        """Load the player and the saved decisions as soon as the file is known."""
        self._video = video
        self._update_title()
        if self.review is None or self.review.clip_sha256 != video.sha256:
            self.review = Review.load(video.sha256)
            self.review.reviewer = str(app_settings.settings().value("reviewer", "") or "")
            self.findings_panel.model.reset(self.review)
            self.timeline.set_clip(video.duration_s, self.review)
            self.findings = {}
            self.checklist.show_review(self.review)
        self.player.load(video.path, video.fps, video.duration_s, (video.width, video.height))

    def _on_failed(self, sentence: str) -> None:
        if self.sender() is not self._worker:
            return
        self._finish_ui()
        self.stage.setText("Not checked.")
        self.show_problem(sentence)
        self.scanStopped.emit(sentence)

    def _on_stopped(self, why: str) -> None:
        self._finish_ui()
        self.stage.setText("Stopped: the clip was not fully checked.")
        self.scanStopped.emit(why)

    def _finish_ui(self) -> None:
        self.timeline.set_showing(())
        self.progress.hide()
        self.cancel_button.hide()

    def _show_result(self) -> None:
        """(Re)fill the list, the timeline and the player from the scan as the reviewer sees it:
        with the face they marked as theirs unflagged."""
        if self.scan_result is None:
            return
        mine = self.review.presenter if self.review else None
        self.result = with_presenter(self.scan_result, mine)
        self.findings = {}
        self.findings_panel.model.reset(self.review)
        self.timeline.set_clip(self.result.video.duration_s, self.review)
        self._add_findings(self.result.findings)
        self.presenter_row.show_for(self.result, mine)
        if self.current_id not in self.findings:
            self.current_id = None
        elif self.current_id:
            self.select_finding(self.current_id)
        self._show_detail()

    def mark_me(self) -> None:
        """The selected face is the reviewer's own: unflag it, flag the face taken for theirs."""
        finding = self.findings.get(self.current_id or "")
        if finding is None or finding.source is not Source.FACE or self.scan_result is None:
            return
        mine = mark_as_mine(self.scan_result, self.review.presenter, finding.id)
        if self._choose_presenter(mine):
            self.stage.setText("Marked as your face: it is no longer flagged. Every face on "
                               "screen at the same time as it is flagged.")

    def _choose_presenter(self, mine: tuple[str, ...] | None) -> bool:
        if self.review is None or self.scan_result is None:
            return False
        try:
            self.review.choose_presenter(mine)
        except ClearToPostError as error:
            self.show_problem(str(error))
            return False
        self._show_result()
        return True

    # ----- reviewing --------------------------------------------------------------------------
    def select_finding(self, finding_id: str) -> None:
        finding = self.findings.get(finding_id)
        if finding is None:
            return
        self.current_id = finding_id
        self.findings_panel.select(finding_id)
        self.timeline.select(finding_id)
        self.player.seek(finding.start_s + 0.05)
        self._show_detail()

    def step_finding(self, direction: int) -> None:
        ids = self.findings_panel.visible_ids()
        if not ids:
            return
        if self.current_id not in ids:
            index = 0 if direction > 0 else len(ids) - 1
        else:
            index = max(0, min(len(ids) - 1, ids.index(self.current_id) + direction))
        self.select_finding(ids[index])

    def decide(self, decision: Decision) -> None:
        if self.review is None or self.current_id is None:
            return
        try:
            self.review.decide(self.current_id, decision, self.note.text())
        except ClearToPostError as error:
            self.show_problem(str(error))
            return
        self.findings_panel.model.decision_changed(self.current_id)
        self.findings_panel.proxy.refilter()
        self.timeline.update()
        self._show_detail()

    def _save_note(self) -> None:
        if self.review is None or self.current_id is None:
            return
        verdict = self.review.get(self.current_id)
        if verdict.note != self.note.text():
            self.review.decide(self.current_id, verdict.decision, self.note.text())

    def _set_timeline_masked(self, masked: bool) -> None:
        self.timeline.masked = masked
        self.player.set_masked(masked)
        self._update_title()

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

    def _show_detail(self) -> None:
        finding = self.findings.get(self.current_id or "")
        verdict = self.review.get(finding.id) if self.review and finding else None
        self.decision_panel.show_finding(finding, verdict,
                                         self.findings_panel.mask_box.isChecked(),
                                         self.scan_result is not None)

    def _allow_finding_text(self, finding_id: str) -> None:
        finding = self.findings.get(finding_id)
        if finding is None:
            return
        app_settings.add_to_allow_list(finding.text)
        self.stage.setText("Added to the allow list; it will not be flagged in the next scan.")

    # ----- the review PDF ----------------------------------------------------------------------
    def choose_export(self, masked: bool) -> None:
        if self.result is None or self.clip is None:
            return
        # a masked record is named by the clip's hash, not its (often a patient's) file name
        name = (f"review {self.result.video.sha256[:12]}.pdf" if masked
                else f"{self.clip.stem} review UNMASKED.pdf")
        suggested = str(self.clip.with_name(name))
        # Qt's save dialog asks before replacing an existing file.
        path, _ = QFileDialog.getSaveFileName(self, "Export review PDF", suggested, "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path), masked=masked)

    def export_pdf(self, path: Path, masked: bool = True) -> bool:
        """Write the review PDF; returns False (and says why) when it could not be written."""
        from app.core.review.report import write_report

        if self.result is None or self.review is None:
            return False
        self._save_note()
        reviewer = str(app_settings.settings().value("reviewer", "") or "")
        try:
            write_report(self.result, self.review, path, reviewer=reviewer, masked=masked)
        except ClearToPostError as error:
            self.show_problem(str(error))
            return False
        summary = self.review.summary(list(self.findings))
        self.stage.setText(f"Review PDF saved: {path.name} ({summary.line()}).")
        return True

    # ----- dialogs ---------------------------------------------------------------------------
    def open_settings(self) -> None:
        app_settings.SettingsDialog(self).exec()

    def about(self) -> None:
        models = (
            "<br>".join(f"{m.role}: {m.name} ({m.package})" for m in self.result.models)
            if self.result else
            "speech: Whisper base / tiny.en (faster-whisper)<br>ocr: EasyOCR CRAFT + english_g2"
            "<br>ner: Presidio + spaCy en_core_web_sm"
        )
        QMessageBox.about(
            self, "About ClearToPost",
            f"<b>ClearToPost {__version__}</b><br>Checks a clip for patient identifiers before "
            f"it is posted. Everything runs on this computer; nothing is uploaded.<br><br>"
            f"Models:<br>{models}",
        )

    def closeEvent(self, event) -> None:  # noqa: N802
        self._save_note()
        self.cancel_scan(wait=True)
        self.redact_export.cancel(wait=True)
        for thread in list(self._stopping):
            thread.wait(60_000)
        self.player.shutdown()
        super().closeEvent(event)
