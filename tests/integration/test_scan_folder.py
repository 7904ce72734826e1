"""`cleartopost scan DIR --out OUT`: a folder of clips, each clip's files, the summary, the exit
status, a bad file among good ones, an empty folder, a stop half-way."""

import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_cli import ROOT, cli


def _env(tmp_path: Path) -> dict[str, str]:
    return {"CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
            "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout


def _flag_counts(data: dict) -> dict[str, int]:
    """The flags of a clip's JSON by category (a `detail` is not a flag)."""
    counts: dict[str, int] = {}
    for finding in data["findings"]:
        if finding["category"] != "detail":
            counts[finding["category"]] = counts.get(finding["category"], 0) + 1
    return counts


@pytest.mark.models
def test_scan_dir_writes_each_clips_files_and_a_summary_that_matches_them(
        tmp_path, silent_text_clip, clean_clip):
    folder, out, env = tmp_path / "week", tmp_path / "out", _env(tmp_path)
    (folder / "tuesday").mkdir(parents=True)
    shutil.copy(silent_text_clip.path, folder / "Olson_MRN.mp4")  # a caption "MRN 00482913"
    shutil.copy(silent_text_clip.path, folder / "tuesday" / "Olson_MRN.mp4")  # same name
    shutil.copy(clean_clip.path, folder / "hands.mp4")  # nothing identifying
    (folder / "notes.txt").write_text("not a clip\n")
    (folder / "broken.mp4").write_bytes(b"\x00 this is no video " * 200)

    done = cli("scan", str(folder), "--out", str(out), "--reviewer", "Dr Batch", env=env)
    assert done.returncode == 2, done.stdout + done.stderr  # broken.mp4 could not be read
    assert "cleartopost: skipped notes.txt: not a video (a .txt ending)." in done.stderr
    assert "clip 1 of 4: Olson_MRN.mp4" in done.stderr and "clip 4 of 4" in done.stderr
    assert "Reading the picture" in done.stderr  # each clip's own progress
    assert "broken.mp4: failed: broken.mp4 is not a video this app can read" in done.stdout
    assert "Traceback" not in done.stderr

    rows = {r["clip"]: r for r in csv.DictReader((out / "summary.csv").open(encoding="utf-8"))}
    assert sorted(rows) == ["Olson_MRN.mp4", "broken.mp4", "hands.mp4", "notes.txt",
                            "tuesday/Olson_MRN.mp4"]  # every file of the folder, none lost
    assert rows["notes.txt"]["status"] == "skipped" and rows["broken.mp4"]["status"] == "failed"
    for clip in ("Olson_MRN.mp4", "tuesday/Olson_MRN.mp4", "hands.mp4"):
        row = rows[clip]
        data = json.loads((out / row["json"]).read_text())
        assert row["json"] == f"{clip}.json"  # two clips of one name: two files
        assert Path(data["video"]["path"]) == (folder / clip).resolve()
        counts = _flag_counts(data)
        assert int(row["flags"]) == sum(counts.values()) == int(row["open"])  # none decided
        assert {k: int(row[k]) for k in counts} == counts
        assert row["sha256"] == data["video"]["sha256"] and (out / row["pdf"]).is_file()
        assert row["verdict"] == "Not cleared"  # the checklist is not answered
    assert int(rows["Olson_MRN.mp4"]["id"]) >= 1  # the MRN
    assert rows["hands.mp4"]["flags"] == "0" and rows["hands.mp4"]["id"] == "0"
    assert rows["tuesday/Olson_MRN.mp4"]["status"] == "reused"  # the same file: scanned once
    assert (out / "summary.csv").stat().st_mode & 0o777 == 0o600

    cover = " ".join(_pdf_text(out / "summary.pdf").split())
    for clip in ("Olson_MRN.mp4", "hands.mp4"):
        assert f"clip {rows[clip]['sha256'][:12]}" in cover
    assert "Dr Batch" in cover and "MASKED" in cover and "4 clips: 0 cleared, 3 not cleared" \
        in cover
    for name in ("Olson", "MRN", "hands", "broken", "notes", "tuesday", "week"):
        assert name not in cover, name  # the file and folder names are masked

    refused = cli("scan", str(folder), "--out", str(out), "--quiet", env=env)
    assert refused.returncode == 2 and "--force" in refused.stderr

    (folder / "broken.mp4").unlink()
    again = cli("scan", str(folder), "--out", str(out), "--force", "--quiet", env=env)
    assert again.returncode == 1, again.stderr  # findings, no error
    assert again.stderr.count("Reused the saved scan") == 3 and "Loading" not in again.stderr

    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(clean_clip.path, clean / "hands.mp4")
    unmasked = cli("scan", str(clean), "--out", str(tmp_path / "out2"), "--unmasked", env=env)
    assert unmasked.returncode == 0, unmasked.stderr  # nothing found anywhere
    assert (tmp_path / "out2" / "hands.mp4 review UNMASKED.pdf").is_file()
    assert "hands.mp4" in _pdf_text(tmp_path / "out2" / "summary.pdf")


def test_an_empty_folder_or_one_without_clips_says_so_and_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    done = cli("scan", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(
        f"cleartopost: There is no video clip in {tmp_path / 'empty'} (it is empty)")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "photo.jpg").write_bytes(b"\xff\xd8")
    done = cli("scan", str(tmp_path / "other"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and "skipped photo.jpg: not a video" in done.stderr
    assert "only 1 other file" in done.stderr and not (tmp_path / "out").exists()
    nothing = cli("scan", str(tmp_path / "other"))
    assert nothing.returncode == 2 and "add --out DIR" in nothing.stderr
    itself = cli("scan", str(tmp_path / "other"), "--out", str(tmp_path / "other"), "--force")
    assert itself.returncode == 2 and "--out is the folder being scanned" in itself.stderr
    # an earlier unmasked run's PDFs would stay beside a masked run's files, even with --force
    (tmp_path / "other" / "clip.mp4").write_bytes(b"not scanned: refused before")
    earlier = tmp_path / "earlier"
    (earlier / "day1").mkdir(parents=True)
    (earlier / "day1" / "Olson.mp4 review UNMASKED.pdf").write_bytes(b"%PDF")
    masked = cli("scan", str(tmp_path / "other"), "--out", str(earlier), "--force")
    assert masked.returncode == 2 and "1 unmasked review PDF" in masked.stderr
    assert sorted(p.name for p in earlier.rglob("*")) == ["Olson.mp4 review UNMASKED.pdf", "day1"]


@pytest.mark.models
def test_a_stopped_batch_keeps_the_finished_clips_files_and_no_partial_file(
        tmp_path, silent_text_clip, name_and_mrn_clip):
    folder, out = tmp_path / "clips", tmp_path / "out"
    folder.mkdir()
    shutil.copy(silent_text_clip.path, folder / "a.mp4")
    shutil.copy(name_and_mrn_clip.path, folder / "b.mp4")
    sha = hashlib.sha256((folder / "a.mp4").read_bytes()).hexdigest()
    first_pdf = out / f"review {sha[:12]}.pdf"  # written after a.mp4.json
    scan = subprocess.Popen(
        [sys.executable, "-m", "app", "scan", str(folder), "--out", str(out), "--rescan"],
        cwd=ROOT, env={**os.environ, **_env(tmp_path)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not first_pdf.exists() and scan.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert first_pdf.exists(), scan.communicate()[1] if scan.poll() is not None else ""
    scan.send_signal(signal.SIGTERM)
    _, err = scan.communicate(timeout=120)
    assert scan.returncode == 2, err
    assert "no summary was written" in err and "Traceback" not in err
    left = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert left == ["a.mp4.json", first_pdf.name], left  # b's none, half-written none
