"""The window (offscreen, its own process) receives SIGTERM while it writes a redacted copy: it
closes the normal way, so the hidden partial file is removed, the review records that an export
was interrupted, and the exit status is 128 + 15.

The child runs the real `run_window` (and so its signal handling and Qt's own event loop) on
name_and_mrn_clip; once the scan ends it exports every finding (include_open)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.hashing import file_sha256

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from pathlib import Path

from app.ui import app as window_app

out = Path(sys.argv[2])


class ExportingWindow(window_app.MainWindow):
    def __init__(self):
        super().__init__()
        self.scanFinished.connect(self.export_all)

    def export_all(self, _result):
        self.redact_export.start(out, include_open=True)


window_app.MainWindow = ExportingWindow
sys.exit(window_app.run_window([sys.argv[1]]))
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_while_the_window_writes_a_copy_leaves_nothing(stop, name_and_mrn_clip,
                                                                  tmp_path):
    """SIGINT too: Ctrl+C in the terminal the window was started from (it crashed the window,
    leaving the half-written copy, when Python's own handler raised inside Qt)."""
    folder = tmp_path / "out"
    folder.mkdir()
    out, partial = folder / "copy.mp4", folder / ".copy.partial.mp4"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(name_and_mrn_clip.path),
                                str(out)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        while not partial.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        there = partial.exists()
        process.send_signal(stop)
        _, errors = process.communicate(timeout=120)
    finally:
        process.kill()
    assert there, f"the export never began writing: {errors}"
    assert process.returncode == 128 + stop, errors
    assert "Traceback" not in errors
    assert sorted(p.name for p in folder.iterdir()) == []
    reviews = tmp_path / "data" / "reviews" / f"{file_sha256(name_and_mrn_clip.path)}.json"
    records = json.loads(reviews.read_text())["redactions"]
    assert [(r["kind"], r["stage"]) for r in records] == [("interrupted", "encode")]
