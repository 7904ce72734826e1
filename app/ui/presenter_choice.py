"""The reviewer's word on whose face and whose voice are theirs: "This is me" (M) on a face's or
a voice's flag, and the presenter row's "Not me" and "Let the scan decide"."""

from __future__ import annotations

from app.core.errors import ClearToPostError
from app.core.models import AnalysisResult, Category, Source
from app.core.review.my_voice import mark_voice_as_mine
from app.core.review.presenter import as_reviewed, mark_as_mine


class PresenterChoice:
    def __init__(self, window) -> None:
        self.window = window
        row = window.presenter_row
        row.faces.notMine.connect(lambda: self.choose_faces(()))
        row.faces.automatic.connect(lambda: self.choose_faces(None))
        row.voices.notMine.connect(lambda: self.choose_voices(()))
        row.voices.automatic.connect(lambda: self.choose_voices(None))

    def seen(self, scan_result: AnalysisResult) -> AnalysisResult:
        """The scan as the reviewer sees it: their face and voice unflagged."""
        review = self.window.review
        if review is None:
            return scan_result
        return as_reviewed(scan_result, review)

    def show(self) -> None:
        review = self.window.review
        self.window.presenter_row.show_for(self.window.result, review and review.presenter,
                                           review and review.voices)

    @staticmethod
    def can_mark(finding) -> bool:
        return finding is not None and (finding.source is Source.FACE
                                        or finding.category is Category.VOICE)

    def mark_me(self) -> None:
        """The selected face (or voice) is the reviewer's own: unflag it, and flag the one
        taken for theirs."""
        window = self.window
        finding = window.flags.current
        if not self.can_mark(finding) or window.scan_result is None or window.review is None:
            return
        if finding.source is Source.FACE:
            mine = mark_as_mine(window.scan_result, window.review.presenter, finding.id)
            if self.choose_faces(mine):
                window.scan.say("Marked as your face: it is no longer flagged. Every face on "
                                "screen at the same time as it is flagged.")
            return
        try:
            voices = mark_voice_as_mine(window.result, finding)
        except KeyError:
            return
        if self.choose_voices(voices):
            window.scan.say("Marked as your voice: it is no longer flagged, and every other "
                            "voice is.")

    def choose_faces(self, mine: tuple[str, ...] | None) -> bool:
        return self._choose(lambda review: review.choose_presenter(mine))

    def choose_voices(self, mine: tuple[int, ...] | None) -> bool:
        return self._choose(lambda review: review.choose_voices(mine))

    def _choose(self, record) -> bool:
        window = self.window
        if window.review is None or window.scan_result is None:
            return False
        try:
            record(window.review)
        except ClearToPostError as error:
            window.show_problem(str(error))
            return False
        window.show_result()
        return True
