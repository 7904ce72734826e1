"""File ▸ Export review PDF (Ctrl+E) and its unmasked variant: where to save it, then the report
written (the engine: app.core.review.report)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from app.core.errors import ClearToPostError
from app.ui import settings as app_settings


class PdfExport:
    def __init__(self, window) -> None:
        self.window = window

    def choose(self, masked: bool) -> None:
        window = self.window
        if window.result is None or window.clip is None:
            return
        # a masked record is named by the clip's hash, not its (often a patient's) file name
        name = (f"review {window.result.video.sha256[:12]}.pdf" if masked
                else f"{window.clip.stem} review UNMASKED.pdf")
        suggested = str(window.clip.with_name(name))
        # Qt's save dialog asks before replacing an existing file.
        path, _ = QFileDialog.getSaveFileName(window, "Export review PDF", suggested,
                                              "PDF (*.pdf)")
        if path:
            self.write(Path(path), masked=masked)

    def write(self, path: Path, masked: bool = True) -> bool:
        """Write the review PDF; returns False (and says why) when it could not be written."""
        from app.core.review.report import write_report

        window = self.window
        decided = window.reread_review()  # what other windows or the CLI decided counts too
        if decided is None or window.result is None:
            return False
        reviewer = str(app_settings.settings().value("reviewer", "") or "")
        try:
            write_report(window.result, window.review, path, reviewer=reviewer, masked=masked)
        except ClearToPostError as error:
            window.show_problem(str(error))
            return False
        summary = window.review.summary(list(window.flags.findings))
        window.scan.say(f"Review PDF saved: {path.name} ({summary.line()}; {decided.line()}).")
        return True
