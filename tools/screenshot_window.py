"""Start the review window on a clip, wait for the scan (it selects the first flag), save a PNG.

Run under Xvfb (what `make screenshot` does):
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_window.py \\
        resources/sample_clip.mp4 out/window.png
The same as `cleartopost --screenshot out/window.png VIDEO` (app.ui.app.run_window).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.ui.app import run_window  # noqa: E402


def main() -> int:
    clip = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "resources" / "sample_clip.mp4")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "out" / "window.png")
    return run_window([clip], screenshot=out)


if __name__ == "__main__":
    sys.exit(main())
