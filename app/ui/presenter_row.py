"""One line under the flags: whose face is taken to be yours (not flagged), and a way to say no.

"This is me" itself is on a face's flag (button and M key in the window); this row shows the
outcome and undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.models import AnalysisResult
from app.core.timecode import format_time


class PresenterRow(QWidget):
    notMine = Signal()  # noqa: N815  the face taken to be yours is not
    automatic = Signal()  # noqa: N815  forget the reviewer's choice: on screen longest again

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.not_mine_button = QPushButton("Not me")
        self.not_mine_button.setToolTip("The face taken to be yours is someone else: flag it")
        self.automatic_button = QPushButton("Let the scan decide")
        self.automatic_button.setToolTip("Take the face on screen longest to be yours again")
        self.not_mine_button.clicked.connect(self.notMine)
        self.automatic_button.clicked.connect(self.automatic)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.not_mine_button)
        layout.addWidget(self.automatic_button)
        self.hide()

    def show_for(self, result: AnalysisResult | None, mine: tuple[str, ...] | None) -> None:
        faces = result.presenter_faces if result else ()
        if result is None or (mine is None and not faces):
            self.hide()
            return
        times = ", ".join(f"{format_time(f.start_s)}–{format_time(f.end_s)}" for f in faces)
        if mine is None:
            text = (f"Your face, not flagged: taken to be the one on screen longest ({times}). "
                    f"If it is not you, select your face's flag and press This is me (M).")
        elif faces:
            text = f"Your face, not flagged: the one you marked ({times})."
        else:
            text = "You said no face is yours: every face is flagged."
        self.label.setText(text)
        self.not_mine_button.setVisible(bool(faces))
        self.automatic_button.setVisible(mine is not None)
        self.show()
