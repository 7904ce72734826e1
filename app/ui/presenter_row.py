"""Lines under the flags: whose face and whose voice are taken to be yours (not flagged), and a
way to say no.

"This is me" itself is on a face's or a voice's flag (button and M key in the window); these
lines show the outcome and undo it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.models import AnalysisResult
from app.core.review.my_voice import presenter_voice
from app.core.timecode import format_short


class ChoiceLine(QWidget):
    """One sentence about your face (or voice), "Not me" and "Let the scan decide"."""

    notMine = Signal()  # noqa: N815  the one taken to be yours is not
    automatic = Signal()  # noqa: N815  forget the reviewer's choice: the scan's guess again

    def __init__(self, thing: str, guess: str) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.not_mine_button = QPushButton("Not me")
        self.not_mine_button.setToolTip(f"The {thing} taken to be yours is someone else's: "
                                        f"flag it")
        self.automatic_button = QPushButton("Let the scan decide")
        self.automatic_button.setToolTip(f"Take the {thing} {guess} to be yours again")
        self.not_mine_button.clicked.connect(self.notMine)
        self.automatic_button.clicked.connect(self.automatic)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.not_mine_button)
        layout.addWidget(self.automatic_button)
        self.hide()

    def say(self, text: str | None, yours_left: bool, chosen: bool) -> None:
        """Show `text` (None: hide the line); "Not me" while something is taken as yours,
        "Let the scan decide" once the reviewer has chosen."""
        if text is None:
            self.hide()
            return
        self.label.setText(text)
        self.not_mine_button.setVisible(yours_left)
        self.automatic_button.setVisible(chosen)
        self.show()


class PresenterRow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.faces = ChoiceLine("face", "on screen longest")
        self.voices = ChoiceLine("voice", "heard longest")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.faces)
        layout.addWidget(self.voices)
        self.hide()

    def show_for(self, result: AnalysisResult | None, faces_mine: tuple[str, ...] | None,
                 voices_mine: tuple[int, ...] | None) -> None:
        if result is None:
            self.hide()
            return
        faces = result.presenter_faces
        self.faces.say(_face_sentence(result, faces_mine), bool(faces), faces_mine is not None)
        self.voices.say(_voice_sentence(result, voices_mine), bool(result.presenter_voices),
                        voices_mine is not None)
        self.setVisible(self.faces.isVisibleTo(self) or self.voices.isVisibleTo(self))


def _face_sentence(result: AnalysisResult, mine: tuple[str, ...] | None) -> str | None:
    faces = result.presenter_faces
    if mine is None and not faces:
        return None
    times = ", ".join(f"{format_short(f.start_s)}–{format_short(f.end_s)}" for f in faces)
    if mine is None:
        return (f"Your face, not flagged: taken to be the one on screen longest ({times}). "
                f"Not yours? Select your face's flag, press M.")
    if faces:
        return f"Your face, not flagged: the one you marked ({times})."
    return "You said no face is yours: every face is flagged."


def _voice_sentence(result: AnalysisResult, mine: tuple[int, ...] | None) -> str | None:
    if not result.voices:
        return None
    heard = presenter_voice(result)
    if heard is None:
        return "You said no voice is yours: every voice is flagged."
    seconds, first = heard
    if mine is None:
        return (f"Your voice, not flagged: taken to be the one heard longest ({seconds:.1f} s "
                f"from {format_short(first)}). Not yours? Select your voice's flag, press M.")
    return (f"Your voice, not flagged: the one you marked ({seconds:.1f} s from "
            f"{format_short(first)}). If the scan heard you as two voices, mark the other too.")
