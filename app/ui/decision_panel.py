"""Under the list: what the selected flag is in plain words, the technical reason behind "Why,
in detail" (closed by default), its note, and the decision buttons."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.findings.masking import shown_reason, shown_summary, shown_text
from app.core.models import Finding
from app.core.review.decisions import Decision, Verdict
from app.ui.style import DECISION_LABEL

NOTHING_SELECTED = "Select a flag to see what was found and why."


class DecisionPanel(QWidget):
    decided = Signal(object)  # Decision
    noteEdited = Signal()  # noqa: N815 (Qt style)
    mine = Signal()  # "this is me" on the selected face or voice

    def __init__(self) -> None:
        super().__init__()
        self.detail = QLabel(NOTHING_SELECTED)
        self.detail.setWordWrap(True)
        # the detector's own account (rules, models), for whoever wants it: closed by default
        self.why_button = QToolButton()
        self.why_button.setText("Why, in detail")
        self.why_button.setCheckable(True)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_button.setAutoRaise(True)
        self.why_button.setEnabled(False)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setStyleSheet("QLabel{color:#555555}")
        self.why.hide()
        self.why_button.toggled.connect(self._show_why)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note (optional), e.g. “blurred in the edit”")
        self.note.editingFinished.connect(self.noteEdited)
        self.must_fix_button = QPushButton("Must fix (F)")
        self.false_alarm_button = QPushButton("False alarm (D)")
        self.reopen_button = QPushButton("Undecided")
        self.this_is_me_button = QPushButton("This is me (M)")
        self.this_is_me_button.setToolTip("This face or voice is yours: do not flag it, flag "
                                          "the others")
        self.this_is_me_button.clicked.connect(self.mine)
        self.must_fix_button.clicked.connect(lambda: self.decided.emit(Decision.MUST_FIX))
        self.false_alarm_button.clicked.connect(lambda: self.decided.emit(Decision.FALSE_ALARM))
        self.reopen_button.clicked.connect(lambda: self.decided.emit(Decision.OPEN))
        buttons = QHBoxLayout()
        for button in (self.must_fix_button, self.false_alarm_button, self.reopen_button,
                       self.this_is_me_button):
            buttons.addWidget(button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.detail)
        self.layout_.addWidget(self.why_button)
        self.layout_.addWidget(self.why)
        self.layout_.addWidget(self.note)
        self.layout_.addLayout(buttons)

    def show_finding(self, finding: Finding | None, verdict: Verdict | None, masked: bool,
                     can_mark_me: bool) -> None:
        """Show a flag (None: nothing selected), masked as the window is."""
        enabled = finding is not None
        for widget in (self.note, self.must_fix_button, self.false_alarm_button,
                       self.reopen_button):
            widget.setEnabled(enabled)
        self.this_is_me_button.setEnabled(enabled and can_mark_me)
        self.why_button.setEnabled(enabled)
        if finding is None:
            self.detail.setText(NOTHING_SELECTED)
            self.why.setText("")
            self.note.setText("")
            return
        text = shown_text(finding, masked)
        self.detail.setText(
            f"<b>{html.escape(shown_summary(finding))}</b><br>"
            f"“{html.escape(text)}” · {finding.category.value}, {finding.source.value} · "
            f"confidence {finding.confidence:.2f}<br>"
            f"Decision: <b>{DECISION_LABEL[verdict.decision] if verdict else 'open'}</b>"
        )
        self.why.setText(shown_reason(finding, masked))
        self.note.setText(verdict.note if verdict else "")

    def _show_why(self, shown: bool) -> None:
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.why.setVisible(shown)
