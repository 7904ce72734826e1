"""One pass over the media (issue 29): a scan decodes the clip's sound once; `redact` after
`scan` of the same clip reads the saved scan instead of scanning again, decodes the sound once
and does not hash the file again. Counted by wrapping every function that decodes sound, hashes
a file or starts a scan, as the command line runs in this process."""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path

import pytest

from app.cli import build_parser, redact_command, scan_command

pytestmark = pytest.mark.models

# (module, function, what it does): every place a function of these is looked up at call time
WATCHED = [
    ("faster_whisper", "decode_audio", "decode"),
    ("faster_whisper.audio", "decode_audio", "decode"),
    ("faster_whisper.transcribe", "decode_audio", "decode"),
    ("app.core.media.sound", "decode_speech_sound", "decode"),
    ("app.core.pipeline", "decode_speech_sound", "decode"),
    ("app.core.redact.audio", "read_sound", "decode"),
    ("app.core.redact.export", "read_sound", "decode"),
    ("app.core.hashing", "file_sha256", "hash"),
    ("app.core.media.video", "file_sha256", "hash"),
    ("app.core.redact.export", "file_sha256", "hash"),
    ("app.core.pipeline", "analyze", "scan"),
]


@pytest.fixture
def counts(monkeypatch) -> Counter:
    """(what, file) → how many times it was done to that file. Every module is imported first,
    and one wrapper counts each function wherever it is looked up from."""
    done: Counter = Counter()
    found = []
    for module_name, name, what in WATCHED:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # (the code before saved scans had no media.sound)
        if getattr(module, name, None) is not None:
            found.append((module, name, what))
    wrappers = {}
    for module, name, what in found:
        real = getattr(module, name)
        if id(real) not in wrappers:

            def counted(*args, _real=real, _what=what, **kwargs):
                if args and isinstance(args[0], str | Path):
                    done[(_what, str(Path(args[0]).resolve()))] += 1
                return _real(*args, **kwargs)

            wrappers[id(real)] = counted
        monkeypatch.setattr(module, name, wrappers[id(real)])
    return done


@pytest.fixture
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEARTOPOST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLEARTOPOST_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def elsewhere(counts: Counter, clip: str) -> dict[str, int]:
    """How many times each thing was done to files other than `clip`."""
    done: Counter = Counter()
    for (what, path), n in counts.items():
        if path != clip:
            done[what] += n
    return dict(done)


def cli(*argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    return scan_command(args) if args.command == "scan" else redact_command(args)


def test_redact_after_scan_reads_the_saved_scan_and_the_media_once(
        identifiers_clip, folders, counts, capsys):
    clip = str(Path(identifiers_clip.path).resolve())
    assert cli("scan", clip, "--quiet") == 1
    assert counts[("scan", clip)] == 1
    assert counts[("decode", clip)] == 1  # the speech model and the voices share one decode
    assert counts[("hash", clip)] == 1
    assert "Scanned the file (no saved scan of it). Saved" in capsys.readouterr().err

    counts.clear()
    copy = str((folders / "copy.mp4").resolve())
    assert cli("redact", clip, "--out", copy, "--include-open", "--quiet") in (0, 1)
    assert counts[("scan", clip)] == 0  # the saved scan, not a new one
    assert counts[("decode", clip)] == 1  # the sound to hush, read once
    assert counts[("hash", clip)] == 1  # to find the saved scan; the redaction takes that hash
    # the proof: the copy (under its hidden name until it passes) scanned once, decoded once
    other = elsewhere(counts, clip)
    assert (other["scan"], other["decode"]) == (1, 1)
    err = capsys.readouterr().err
    assert "Reused the saved scan of this file" in err and "--rescan" in err

    counts.clear()
    again = str((folders / "again.mp4").resolve())
    assert cli("redact", clip, "--out", again, "--include-open", "--quiet", "--rescan") in (0, 1)
    assert counts[("scan", clip)] == 1 and counts[("decode", clip)] == 2  # scan + hush
    assert counts[("hash", clip)] == 1
    assert "Scanned the file (--rescan asked for a new scan)" in capsys.readouterr().err
