"""File ▸ Export review PDF (Ctrl+E) and its unmasked variant: where to save it, then the report
of the session written (the engine: app.core.review.report)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.errors import ClearToPostError
from app.core.review.reread import DecidedBy
from app.core.review.session import ReviewSession
from app.core.settings import PAPER, REVIEWER, Settings


class PdfExport:
    def __init__(self, session: ReviewSession, parent: QWidget, clip: Callable[[], Path | None],
                 reread: Callable[[], DecidedBy | None], say: Callable[[str], None],
                 problem: Callable[[str], None]) -> None:
        """`reread`: the review as saved now, shown in every panel (None: it could not be read,
        and was said); `say` writes the status line, `problem` the banner."""
        self.session, self.parent = session, parent
        self._clip, self._reread, self._say, self._problem = clip, reread, say, problem

    def choose(self, masked: bool) -> None:
        result, clip = self.session.reviewed, self._clip()
        if result is None or clip is None:
            return
        # a masked record is named by the clip's hash, not its (often a patient's) file name
        name = (f"review {result.video.sha256[:12]}.pdf" if masked
                else f"{clip.stem} review UNMASKED.pdf")
        # Qt's save dialog asks before replacing an existing file.
        path, _ = QFileDialog.getSaveFileName(self.parent, "Export review PDF",
                                              str(clip.with_name(name)), "PDF (*.pdf)")
        if path:
            self.write(Path(path), masked=masked)

    def write(self, path: Path, masked: bool = True) -> bool:
        """Write the review PDF; returns False (and says why) when it could not be written."""
        from app.core.review.report import write_report

        decided = self._reread()  # what other windows or the CLI decided counts too
        summary = self.session.summary()
        if decided is None or summary is None:
            return False
        settings = Settings.load()
        try:
            write_report(self.session, path, reviewer=settings.get(REVIEWER), masked=masked,
                         paper=settings.get(PAPER))
        except ClearToPostError as error:
            self._problem(str(error))
            return False
        self._say(f"Review PDF saved: {path.name} ({summary.line()}; {decided.line()}).")
        return True
