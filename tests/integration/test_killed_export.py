"""`cleartopost redact` stopped by SIGTERM or SIGHUP as Ctrl+C stops it: while the copy is
written (the hidden partial file is there) or while it is checked (the copy is there but not
yet proved), nothing is left, the exit status says it did not finish, and the review records
that an export was interrupted. Killed outright (SIGKILL: no clean-up runs), the copy is never
under its name before its proof: only the hidden partial file can be left. A stop that comes
while the proved copy is put in place and recorded waits for that: the copy and its record
agree.

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
        # the file either stage leaves if it is cut short: the hidden partial one (the copy
        # keeps that name until its proof passes)
        there = _wait_for(partial)
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


def _redact(clip, out: Path, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "redact", str(clip.path), "--out", str(out),
         "--include-open"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def test_a_copy_killed_while_it_is_checked_is_never_under_its_name(silent_text_clip, tmp_path):
    """SIGKILL runs no clean-up: whatever is on disk then stays. While the copy is checked it
    must not be under the name asked for (someone would post it), only the hidden partial."""
    folder = tmp_path / "out"
    folder.mkdir()
    out, partial = folder / "copy.mp4", folder / ".copy.partial.mp4"
    process = _redact(silent_text_clip, out, tmp_path)
    try:
        for line in process.stderr:
            if "Scanning the copy again" in line:
                break
        named_while_checked = out.exists()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        process.kill()
    assert not named_while_checked and not out.exists()
    assert [p.name for p in folder.iterdir()] in ([], [partial.name])


def test_a_stop_while_the_proved_copy_is_recorded_leaves_copy_and_record_agreeing(
        silent_text_clip, engines, tmp_path, monkeypatch):
    """SIGTERM lands while the record of the proved copy is written (the old order left the
    copy under its name and recorded "no copy was kept"): it waits, and the copy is kept and
    recorded, with no record of an interrupted export."""
    import argparse

    from app import cli
    from app.core.models import ScanOptions
    from app.core.pipeline import analyze, run
    from app.core.review.copies import RedactedCopy
    from app.core.review.decisions import Review
    from app.core.review.session import ReviewSession

    monkeypatch.setenv("CLEARTOPOST_DATA_DIR", str(tmp_path / "data"))
    scanned = run(analyze(silent_text_clip.path, ScanOptions(), engines))
    review = Review.load(scanned.video.sha256)
    out = tmp_path / "copy.mp4"
    add = Review.add_redaction

    def signalled(self, record) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # its handler runs before the next line
        add(self, record)

    monkeypatch.setattr(Review, "add_redaction", signalled)
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    args = argparse.Namespace(out=out, include_open=True, bleep=False, force=False)
    bar = type("Bar", (), {"__call__": lambda self, _p: None, "close": lambda self: None})()
    try:
        cli._stop_like_ctrl_c()
        copy = cli._make_copy(args, ReviewSession(scanned, review), engines, bar)
    except KeyboardInterrupt:
        copy = None  # stopped between the copy and its record: said below
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    records = Review.load(scanned.video.sha256).redactions
    assert copy is not None, (out.exists(), records)  # the old order: a copy, "none kept"
    assert out.exists() and copy.file == str(out.resolve())
    assert [(type(r), r.file, r.sha256) for r in records] == [
        (RedactedCopy, str(out.resolve()), file_sha256(out))]
