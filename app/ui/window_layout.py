"""Where the window's panels sit: player, problem banner and timeline on the left; flags and
transcript, presenter row, decision panel and checklist on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget


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


def arrange(window) -> QSplitter:
    tabs = QTabWidget()
    tabs.addTab(window.findings_panel, "Flags")
    tabs.addTab(window.transcript, "Transcript")
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.addWidget(tabs, 1)
    for widget in (window.presenter_row, window.decision_panel, window.checklist):
        right_layout.addWidget(widget)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.addWidget(window.banner)
    left_layout.addWidget(window.player, 1)
    left_layout.addWidget(window.timeline)
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setSizes([760, 520])
    return splitter
