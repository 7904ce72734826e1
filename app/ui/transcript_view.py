"""The transcript, flagged words highlighted; clicking a word seeks the player to it."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from app.core.findings.hits import said_within
from app.core.findings.masking import mask_free_words
from app.core.models import Finding, Source, Transcript
from app.ui.style import category_colour


class TranscriptView(QTextBrowser):
    seekRequested = Signal(float)  # noqa: N815

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.transcript: Transcript | None = None
        self.findings: list[Finding] = []
        self.masked = True
        self.setPlaceholderText("The words heard in the clip appear here.")

    def show_transcript(self, transcript: Transcript | None, findings) -> None:
        self.transcript = transcript
        self.findings = [f for f in findings if f.source is Source.SPEECH]
        self._render()

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self._render()

    def _render(self) -> None:
        if self.transcript is None:
            self.setHtml("<i>No speech was transcribed.</i>")
            return
        parts = []
        words = self.transcript.words
        flags = [next((f for f in self.findings if said_within(word, f)), None) for word in words]
        texts = [word.text for word in words]
        if self.masked:
            # flagged words masked; elsewhere any digit or spelled-out number, and any word a
            # finding has
            texts = mask_free_words(texts, [k for k, flag in enumerate(flags) if flag],
                                    known=tuple(f.text for f in self.findings))
        for index, (flag, text) in enumerate(zip(flags, texts, strict=True)):
            text = html.escape(text)
            style = "text-decoration:none;color:palette(text);"
            if flag is not None:
                colour = category_colour(flag.category).name()
                style += f"background-color:{colour};color:white;font-weight:bold;"
            parts.append(f'<a href="w:{index}" style="{style}">{text}</a>')
        self.setHtml("<p style='line-height:150%'>" + " ".join(parts) + "</p>")

    def _on_anchor(self, url: QUrl) -> None:
        if self.transcript is None:
            return
        index = int(url.toString().split(":", 1)[1])
        self.seekRequested.emit(self.transcript.words[index].start_s)
