"""The window's panels, made together, and where they sit: the verdict across the top; player,
problem banner and timeline on the left; flags and transcript, presenter row, decision panel and
checklist on the right."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.ui.checklist import ChecklistBox
from app.ui.decision_panel import DecisionPanel
from app.ui.findings_view import FindingsPanel
from app.ui.player import PlayerWidget
from app.ui.presenter_row import PresenterRow
from app.ui.timeline import TimelineWidget
from app.ui.transcript_view import TranscriptView
from app.ui.verdict_header import VerdictHeader


class ProblemBanner(QLabel):
    """A sentence saying what went wrong, above the player until the next clip is opened."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel{background:#fde2e1;color:#7a1212;padding:6px;border-radius:4px}"
        )
        self.hide()

    def say(self, sentence: str) -> None:
        self.setText(sentence)
        self.show()


@dataclass
class Panels:
    """The widgets that show the open clip; the helpers that fill them are given these."""

    player: PlayerWidget = field(default_factory=PlayerWidget)
    timeline: TimelineWidget = field(default_factory=TimelineWidget)
    findings: FindingsPanel = field(default_factory=FindingsPanel)
    transcript: TranscriptView = field(default_factory=TranscriptView)
    banner: ProblemBanner = field(default_factory=ProblemBanner)
    decision: DecisionPanel = field(default_factory=DecisionPanel)
    presenter_row: PresenterRow = field(default_factory=PresenterRow)
    checklist: ChecklistBox = field(default_factory=ChecklistBox)
    verdict: VerdictHeader = field(default_factory=VerdictHeader)

    def masked(self) -> bool:
        """Whether identifiers are masked on screen now (the Mask box)."""
        return self.findings.mask_box.isChecked()


def arrange(panels: Panels) -> QWidget:
    tabs = QTabWidget()
    tabs.addTab(panels.findings, "Flags")
    tabs.addTab(panels.transcript, "Transcript")
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.addWidget(tabs, 1)
    for widget in (panels.presenter_row, panels.decision, panels.checklist):
        right_layout.addWidget(widget)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.addWidget(panels.banner)
    left_layout.addWidget(panels.player, 1)
    left_layout.addWidget(panels.timeline)
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setSizes([760, 520])
    # a narrower window (or the folder's queue docked beside) narrows the player, whose vertical
    # clips have room to spare, not the list, whose plain summaries need it
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(panels.verdict)
    layout.addWidget(splitter, 1)
    return window
