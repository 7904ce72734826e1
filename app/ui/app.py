"""Starting the window: `cleartopost [VIDEO]` or `python -m app [VIDEO]` on a desktop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.model_files import cache_dir
from app.core.offline import local_desktop_only
from app.ui.gc_in_gui_thread import collect_on_gui_thread
from app.ui.main_window import MainWindow
from app.ui.stop_signals import close_on_signals


def resources_dir() -> Path:
    """resources/ of the source tree, or its copy inside a packaged build (packaging/)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources"


def app_icon() -> QIcon:
    """The application icon at every size shipped (resources/icons/hicolor)."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons" / "hicolor").glob("*/apps/cleartopost.png")):
        icon.addFile(str(png))
    return icon if not icon.isNull() else QIcon.fromTheme("video-x-generic")


def run_window(paths: list[str], screenshot: Path | None = None) -> int:
    """Open the window (on the first of `paths`, if any: a clip, or a folder whose clips are
    queued) until it is closed.

    With `screenshot`, the window saves a picture of itself once the clip's scan has ended and
    quits: exit status 0, or 1 when the scan stopped or the clip could not be opened. The
    packaging check and `make screenshot` use it. SIGTERM or SIGHUP close the window the normal
    way (an export running is stopped and cleaned up): exit status 128 + the signal's number."""
    local_desktop_only(cache_dir())  # before Qt's sound and D-Bus clients start
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("ClearToPost")
    app.setOrganizationName("ClearToPost")
    app.setStyle("Fusion")  # one look on every desktop; follows the system's light/dark scheme
    app.setDesktopFileName("cleartopost")  # Wayland/X11 match the window to cleartopost.desktop
    app.setWindowIcon(app_icon())
    collect_on_gui_thread(app)  # Qt objects are freed on the GUI thread only
    window = MainWindow()
    window.show()
    stopped_by = close_on_signals(window)
    status = {"code": 0}
    if screenshot is not None:
        def save() -> None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(screenshot))
            print(f"saved {screenshot}", flush=True)
            app.quit()

        def stopped(why: str) -> None:
            print(f"scan stopped: {why}", file=sys.stderr)
            status["code"] = 1
            save()

        # the first flag is selected at the end of the scan; give the player time to paint it
        window.scanFinished.connect(lambda _result: QTimer.singleShot(1500, save))
        window.scanStopped.connect(stopped)
    try:
        first = Path(paths[0]) if paths else None  # a folder: its clips queued (File ▸ Open folder)
        opened = first is None or (window.folder_queue.open_folder(first) if first.is_dir()
                                   else window.open_clip(first))
        if not opened and screenshot is not None:
            print(window.banner.text(), file=sys.stderr)
            return 1
        code = app.exec()
    finally:
        stopped_by.restore()
    if stopped_by.signum is not None:
        return 128 + int(stopped_by.signum)
    return status["code"] or code
