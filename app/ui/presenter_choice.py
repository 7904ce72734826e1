"""The reviewer's word on whose face and whose voice are theirs: "This is me" (M) on a face's or
a voice's flag, and the presenter row's "Not me" and "Let the scan decide". The choice is the
session's (it rebuilds the findings as reviewed and tells the window); this says what happened."""

from __future__ import annotations

from collections.abc import Callable

from app.core.errors import ClearToPostError
from app.core.models import Finding
from app.core.review.session import ReviewSession
from app.ui.presenter_row import PresenterRow


class PresenterChoice:
    def __init__(self, session: ReviewSession, row: PresenterRow,
                 current: Callable[[], Finding | None], say: Callable[[str], None],
                 problem: Callable[[str], None]) -> None:
        self.session, self.row = session, row
        self._current, self._say, self._problem = current, say, problem
        row.faces.notMine.connect(lambda: self.choose_faces(()))
        row.faces.automatic.connect(lambda: self.choose_faces(None))
        row.voices.notMine.connect(lambda: self.choose_voices(()))
        row.voices.automatic.connect(lambda: self.choose_voices(None))

    def show(self) -> None:
        review = self.session.review
        self.row.show_for(self.session.reviewed, review.presenter if review else None,
                          review.voices if review else None)

    def mark_me(self) -> None:
        """The selected face (or voice) is the reviewer's own: unflag it, and flag the one
        taken for theirs."""
        try:
            said = self.session.mark_mine(self._current())
        except ClearToPostError as error:
            self._problem(str(error))
            return
        if said:
            self._say(said)

    def choose_faces(self, mine: tuple[str, ...] | None) -> bool:
        return self._choose(lambda: self.session.choose_faces(mine))

    def choose_voices(self, mine: tuple[int, ...] | None) -> bool:
        return self._choose(lambda: self.session.choose_voices(mine))

    def _choose(self, record: Callable[[], bool]) -> bool:
        try:
            return record()
        except ClearToPostError as error:
            self._problem(str(error))
            return False
