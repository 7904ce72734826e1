"""`cleartopost redact` stopped by SIGTERM or SIGHUP as Ctrl+C stops it: while the copy is
written (the hidden partial file is there) or while it is checked (the copy is there but not
yet proved), nothing is left, the exit status says it did not finish, and the review records
that an export was interrupted.

The clip: silent_text_clip (4 s, an MRN on screen, no sound), every finding hidden with
--include-open, so no decision needs to be saved first."""

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


def _wait_for(path: Path, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize(
    ("signum", "stage", "says"),
    [
        pytest.param(signal.SIGTERM, "encode", "Writing the redacted copy", id="SIGTERM-writing"),
        pytest.param(signal.SIGTERM, "rescan", "Scanning the copy again", id="SIGTERM-checking"),
        pytest.param(signal.SIGHUP, "rescan", "Scanning the copy again", id="SIGHUP-checking"),
    ],
)
def test_a_killed_export_leaves_no_copy_and_the_review_says_so(silent_text_clip, tmp_path,
                                                               signum, stage, says):
    folder = tmp_path / "out"
    folder.mkdir()
    out, partial = folder / "copy.mp4", folder / ".copy.partial.mp4"
    env = {**os.environ, "CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "redact", str(silent_text_clip.path), "--out", str(out),
         "--include-open"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    seen = []
    try:
        for line in process.stderr:  # one line per stage: the CLI's progress off a terminal
            seen.append(line)
            if says in line:
                break
        # the file this stage leaves if it is cut short: the partial one, or the unproved copy
        there = _wait_for(partial if stage == "encode" else out)
        process.send_signal(signum)
        rest, errors = process.communicate(timeout=120)
    finally:
        process.kill()
    assert there, f"never saw the {stage} stage's file: {seen}"
    assert process.returncode == 2, (process.returncode, errors)  # not 0 nor 1: it did not end
    assert "the export was stopped; no copy was kept" in errors
    assert "Traceback" not in errors
    assert sorted(p.name for p in folder.iterdir()) == []  # neither partial nor unchecked copy
    reviews = tmp_path / "data" / "reviews" / f"{file_sha256(silent_text_clip.path)}.json"
    records = json.loads(reviews.read_text())["redactions"]
    assert [(r["kind"], r["stage"], r["copy_kept"]) for r in records] == [
        ("interrupted", stage, False)]
