"""The window's header: the verdict the review PDF would print now ("Not cleared: 1 must fix ·
0 false alarms · 7 open", in the PDF's colour, and why not), from the same functions the PDF
uses (app.core.review.verdict), kept up to date as the reviewer decides."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from app.core.review.decisions import Summary
from app.core.review.verdict import not_cleared_because, verdict_colour

NOT_CHECKED = "Not checked yet: the verdict shows once the clip has been checked."


class VerdictHeader(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(6, 2, 6, 2)
        self.setToolTip("The verdict the review PDF would print now")
        self.summary: Summary | None = None
        self.hide()  # no clip yet

    def show_verdict(self, summary: Summary | None, clip_open: bool) -> None:
        """The verdict of the clip as reviewed now; None: not (yet) checked. Hidden when no
        clip is open."""
        self.summary = summary
        self.setVisible(clip_open)
        if summary is None:
            self.setText(f"<span style='font-size:large'>{html.escape(NOT_CHECKED)}</span>")
            return
        because = not_cleared_because(summary)
        self.setText(
            f"<span style='font-size:large;font-weight:bold;color:{verdict_colour(summary)}'>"
            f"{html.escape(summary.line())}</span>"
            + (f"<br><small>{html.escape(because)}</small>" if because else ""))

    def verdict_text(self) -> str:
        """What the header shows, as plain text ("" when hidden)."""
        if self.isHidden():
            return ""
        shown = QTextDocument()
        shown.setHtml(self.text())
        return " ".join(shown.toPlainText().split())
