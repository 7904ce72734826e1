"""The command line as a script or a user runs it: exit codes, lines, JSON, one-sentence errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_clip.mp4"


def cli(*args, timeout=600, env=None):
    """Run the CLI with its own empty settings and data folders unless told otherwise."""
    import os
    import tempfile

    home = tempfile.mkdtemp(prefix="cleartopost-cli-")
    isolated = {"CLEARTOPOST_DATA_DIR": f"{home}/data", "CLEARTOPOST_CONFIG_DIR": f"{home}/config"}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, **isolated, **(env or {})})


@pytest.mark.models
def test_scan_of_the_sample_clip(tmp_path):
    out = tmp_path / "result.json"
    done = cli("scan", str(SAMPLE), "--json", str(out))
    assert done.returncode == 1, done.stderr  # 1 = findings were made
    data = json.loads(out.read_text())
    assert data["video"]["width"] == 540 and data["video"]["height"] == 960
    truth = json.loads(SAMPLE.with_suffix(".truth.json").read_text())
    screen_truth = [p for p in truth["planted"] if p["source"] == "screen"]
    for planted in screen_truth:
        assert any(
            f["source"] == "screen" and f["category"] == planted["category"]
            and f["start_s"] < planted["end_s"] and f["end_s"] > planted["start_s"]
            for f in data["findings"]
        ), planted
    lines = done.stdout.splitlines()
    assert len([line for line in lines if " screen " in line]) >= len(screen_truth)
    assert "Reading the picture" in done.stderr  # progress went to stderr
    assert (out.stat().st_mode & 0o777) == 0o600  # the JSON holds PHI: user-only

    again = cli("scan", str(SAMPLE), "--json", str(out))
    assert again.returncode == 2 and "--force" in again.stderr  # never overwrite silently


@pytest.mark.models
def test_scan_writes_the_review_pdf(tmp_path):
    pdf = tmp_path / "review.pdf"
    env_dirs = {"CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
                "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    done = cli("scan", str(SAMPLE), "--pdf", str(pdf), "--reviewer", "Dr CLI", env=env_dirs)
    assert done.returncode == 1, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    assert "Dr CLI" in text and "Not cleared" in text and "MASKED" in text
    assert "Review PDF:" in done.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(["scan", "no/such/clip.mp4"], "does not exist", id="missing"),
        pytest.param(["scan", str(ROOT / "pyproject.toml")], "not a video", id="not-a-video"),
        pytest.param(["scan", str(SAMPLE), "--speech-model", "huge"], "no speech model",
                     id="unknown-model"),
    ],
)
def test_errors_exit_2_with_one_sentence(args, words):
    done = cli(*args)
    assert done.returncode == 2
    message = done.stderr.strip().splitlines()[-1]
    assert message.startswith("cleartopost: ") and words in message
    assert "Traceback" not in done.stderr


@pytest.mark.models
def test_every_file_and_folder_the_app_makes_is_private(tmp_path, silent_text_clip):
    """Settings (recent file names, the reviewer's name), screenshots and the app's folders are
    the user's only, including a settings file an older version left readable by others."""
    import os
    import stat

    config, data, cache = tmp_path / "config", tmp_path / "data", tmp_path / "cache"
    config.mkdir(mode=0o755)
    config.chmod(0o755)
    old = config / "settings.ini"
    old.write_text("[General]\nreviewer=Dr Old\n")
    old.chmod(0o644)
    shot = tmp_path / "shots" / "window.png"
    env = {"CLEARTOPOST_CONFIG_DIR": str(config), "CLEARTOPOST_DATA_DIR": str(data),
           "XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(shot),
                           silent_text_clip.path], capture_output=True, text=True, timeout=600,
                          cwd=ROOT, env={**os.environ, **env})
    assert shot.exists(), done.stderr
    made = [p for p in (config, data, shot.parent) if p.exists()]
    made += [p for folder in made for p in folder.rglob("*")]
    assert old in made and shot in made
    loose = [(str(p), oct(stat.S_IMODE(p.stat().st_mode))) for p in made
             if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert loose == []
    assert not (tmp_path / "home" / ".EasyOCR").exists()


@pytest.mark.models
def test_scan_pdf_reuses_the_saved_scan_and_says_so(tmp_path, silent_text_clip):
    env = {"CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    clip = str(silent_text_clip.path)
    first = cli("scan", clip, "--quiet", env=env)
    assert first.returncode == 1, first.stderr
    assert "Scanned the file (no saved scan of it). Saved for next time." in first.stderr
    pdf = tmp_path / "review.pdf"
    again = cli("scan", clip, "--pdf", str(pdf), "--quiet", env=env)
    assert again.returncode == 1 and pdf.is_file()
    assert "Reused the saved scan of this file (made " in again.stderr
    assert again.stdout == first.stdout  # the same findings, read back
    forced = cli("scan", clip, "--rescan", "--quiet", env=env)
    assert "Scanned the file (--rescan asked for a new scan)" in forced.stderr
    assert forced.stdout == first.stdout
    deny = tmp_path / "deny.txt"
    deny.write_text("Margaret Olson\n")
    other = cli("scan", clip, "--deny", str(deny), "--quiet", env=env)
    assert "the saved scan was made with other settings (deny)" in other.stderr
    assert "Olson" not in other.stderr


@pytest.mark.models
def test_redact_makes_a_checked_copy_and_refuses_what_it_must(tmp_path):
    env = {"CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    out = tmp_path / "safe.mp4"
    nothing = cli("redact", str(SAMPLE), "--out", str(out), "--quiet", env=env)
    assert nothing.returncode == 2 and "must fix" in nothing.stderr  # nothing decided yet
    assert not out.exists()
    record = tmp_path / "copy.json"
    pdf = tmp_path / "review.pdf"
    done = cli("redact", str(SAMPLE), "--out", str(out), "--include-open", "--json",
               str(record), "--pdf", str(pdf), env=env)
    assert done.returncode == 0, done.stdout + done.stderr  # re-scan finds none of it
    assert out.is_file() and "Re-scan of the copy: 0 of the" in done.stdout
    assert "Writing the redacted copy" in done.stderr  # progress
    data = json.loads(record.read_text())
    assert data["rescan"]["still_found"] == [] and len(data["items"]) >= 4
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Redacted copy" in text and data["sha256"][:12] in text
    before = out.read_bytes()
    again = cli("redact", str(SAMPLE), "--out", str(out), "--include-open", env=env)
    assert again.returncode == 2 and "--force" in again.stderr and out.read_bytes() == before
    same = cli("redact", str(SAMPLE), "--out", str(SAMPLE), "--force", env=env)
    assert same.returncode == 2 and "original" in same.stderr


@pytest.mark.models
def test_redact_follows_the_voice_the_reviewer_marked_as_theirs(tmp_path, two_voices_clip,
                                                                 engines):
    """The reviewer said in the window that the guest's voice is theirs and marked the other
    voice "must fix": the command line's copy must silence that voice, not the guest's."""
    from app.core.models import Category
    from app.core.pipeline import analyze, run
    from app.core.review.decisions import Decision, Review
    from app.core.review.my_voice import mark_voice_as_mine
    from app.core.review.presenter import as_reviewed

    path, said = two_voices_clip
    result = run(analyze(path, engines=engines))
    [guest] = [f for f in result.findings if f.category is Category.VOICE]
    review = Review.load(result.video.sha256, tmp_path / "data" / "reviews")
    review.choose_voices(mark_voice_as_mine(result, guest))
    other = [f for f in as_reviewed(result, review).findings if f.category is Category.VOICE]
    assert other and guest.id not in {f.id for f in other}
    for finding in other:
        review.decide(finding.id, Decision.MUST_FIX)

    env = {"CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    out, record = tmp_path / "safe.mp4", tmp_path / "copy.json"
    done = cli("redact", str(path), "--out", str(out), "--json", str(record), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    items = json.loads(record.read_text())["items"]
    assert sorted(i["finding_id"] for i in items) == sorted(f.id for f in other)
    assert all(i["category"] == "voice" and i["action"] == "silence" for i in items), items
    assert not any(i["start_s"] < guest.end_s and i["end_s"] > guest.start_s for i in items)
