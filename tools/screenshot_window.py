"""Start the review window on a clip, wait for the scan (it selects the first flag), save a PNG.

Run under Xvfb (what `make screenshot` does):
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_window.py \
        resources/sample_clip.mp4 out/window.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    clip = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "resources" / "sample_clip.mp4")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "out" / "window.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    window = MainWindow()
    window.show()
    status = {"code": 0}

    def save() -> None:
        window.grab().save(str(out))
        print(f"saved {out}")
        app.quit()

    def finished(_result) -> None:
        QTimer.singleShot(1500, save)  # the first flag is selected; let the player paint it

    def stopped(why: str) -> None:
        print(f"scan stopped: {why}", file=sys.stderr)
        status["code"] = 1
        save()

    window.scanFinished.connect(finished)
    window.scanStopped.connect(stopped)
    if not window.open_clip(clip):
        print(window.banner.text(), file=sys.stderr)
        return 1
    app.exec()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
