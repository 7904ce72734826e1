"""Starting the window: `cleartopost [VIDEO]` or `python -m app [VIDEO]` on a desktop."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow


def run_window(paths: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ClearToPost")
    app.setOrganizationName("ClearToPost")
    app.setStyle("Fusion")  # one look on every desktop; follows the system's light/dark scheme
    window = MainWindow()
    window.setWindowIcon(QIcon.fromTheme("video-x-generic"))
    window.show()
    if paths:
        window.open_clip(paths[0])
    return app.exec()
