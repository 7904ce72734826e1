"""Saved scans (review/saved_scans.py): a real scan's result saved and read back equal; any
change of file, setting, model, schema or a damaged file means "no saved scan", with a reason,
never a crash and never a wrong reuse."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.hashing import HashedFile
from app.core.models import AnalysisResult, ScanOptions
from app.core.pipeline import analyze, run
from app.core.review import saved_scans
from app.core.review.saved_scans import SCHEMA, load_scan, save_scan, scan_once, scan_path

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def scanned(identifiers_clip, engines) -> AnalysisResult:
    """A real scan of a 12 s clip with identifiers on screen and in speech."""
    return run(analyze(identifiers_clip.path, ScanOptions(), engines))


@pytest.fixture(scope="module")
def scanned_faces(people_and_codes_clip, engines) -> AnalysisResult:
    """A real scan of an 8 s clip with the presenter's face, another face, codes and a monitor."""
    return run(analyze(people_and_codes_clip.path, ScanOptions(), engines))


@pytest.mark.parametrize("which", ["scanned", "scanned_faces"])
def test_a_real_scan_comes_back_equal(which, request, tmp_path):
    result: AnalysisResult = request.getfixturevalue(which)
    # the round trip must carry something of every kind: findings with boxes, the presenter
    assert result.findings and any(f.boxes for f in result.findings)
    if which == "scanned":
        assert result.transcript is not None and result.transcript.words and result.voices
    else:
        assert result.presenter_faces and result.timings_s
    path = save_scan(result, tmp_path)
    assert path == scan_path(result.video.sha256, tmp_path)
    loaded = load_scan(HashedFile.of(result.video.path), result.options, tmp_path)
    assert loaded.reason == "" and loaded.saved_at > 0
    assert loaded.result == result
    assert loaded.result.to_json() == result.to_json()
    assert all(type(a) is type(b) for a, b in zip(loaded.result.findings, result.findings,
                                                  strict=True))


def test_the_saved_scan_is_readable_by_the_user_only(scanned, tmp_path):
    path = save_scan(scanned, tmp_path / "reviews")
    assert path.parent == tmp_path / "reviews"
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    assert json.loads(path.read_text())["schema"] == SCHEMA


def test_it_lives_beside_the_review(scanned, tmp_path, monkeypatch):
    monkeypatch.setenv("CLEARTOPOST_DATA_DIR", str(tmp_path))
    path = save_scan(scanned)
    assert path == tmp_path / "reviews" / f"{scanned.video.sha256}.scan.json"


@pytest.mark.parametrize(("change", "words"), [
    (lambda o: replace(o, deny=("Margaret Olson",)), "other settings (deny)"),
    (lambda o: replace(o, speech_model="tiny.en"), "other settings (speech model)"),
    (lambda o: replace(o, faces=False), "other settings (faces)"),
])
def test_other_settings_mean_no_saved_scan(scanned, tmp_path, change, words):
    save_scan(scanned, tmp_path)
    loaded = load_scan(HashedFile.of(scanned.video.path), change(scanned.options), tmp_path)
    assert loaded.result is None and words in loaded.reason
    assert "Margaret" not in loaded.reason  # the lists' entries are names: never said


def test_another_model_version_means_no_saved_scan(scanned, tmp_path, monkeypatch):
    save_scan(scanned, tmp_path)
    real = saved_scans.scan_model_versions

    def newer_ocr(options):
        return {**real(options), "ocr": "another-ppocr-digest"}

    monkeypatch.setattr(saved_scans, "scan_model_versions", newer_ocr)
    loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
    assert loaded.result is None and "other models or libraries (ocr)" in loaded.reason


def test_another_app_version_means_no_saved_scan(scanned, tmp_path, monkeypatch):
    save_scan(scanned, tmp_path)
    monkeypatch.setattr(saved_scans, "__version__", "9.9.9")
    loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
    assert loaded.result is None and "9.9.9" in loaded.reason


def test_another_schema_means_no_saved_scan(scanned, tmp_path):
    path = save_scan(scanned, tmp_path)
    saved = json.loads(path.read_text())
    saved["schema"] = SCHEMA + 1
    path.write_text(json.dumps(saved))
    loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
    assert loaded.result is None and "another format" in loaded.reason


def _damaged(text: str) -> list[str]:
    """The saved text cut short, garbled, emptied, and with a field of the wrong type."""
    saved = json.loads(text)
    wrong_type = json.loads(text)
    wrong_type["result"]["findings"][0]["start_s"] = "soon"
    unknown_field = json.loads(text)
    unknown_field["result"]["video"]["colour"] = "red"
    missing_field = json.loads(text)
    del missing_field["result"]["coverage"]
    bad_enum = json.loads(text)
    bad_enum["result"]["findings"][0]["source"] = "telepathy"
    assert saved["result"]["findings"]
    times = []  # an outside test crashed `scan` and a whole `scan DIR` with these
    for when in ("x", 1e400, -1e20, float("nan"), None, True, 4_102_444_800):
        timed = json.loads(text)
        timed["saved_at"] = when
        times.append(json.dumps(timed))
    other_schemas = []
    for schema in (True, 1.0, "1"):  # == 1 in Python, yet not this version's schema number
        odd = json.loads(text)
        odd["schema"] = schema
        other_schemas.append(json.dumps(odd))
    return [text[: len(text) // 2], text[:-1], "", "\x00\xff garbage", "[]", "null",
            json.dumps(wrong_type), json.dumps(unknown_field), json.dumps(missing_field),
            json.dumps(bad_enum), "[" * 100_000 + "]" * 100_000, *times, *other_schemas]


def test_a_damaged_file_means_no_saved_scan_never_a_crash(scanned, tmp_path):
    path = save_scan(scanned, tmp_path)
    good = path.read_text()
    for damaged in _damaged(good):
        path.write_text(damaged, encoding="utf-8", errors="surrogateescape")
        loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
        assert loaded.result is None, damaged[:80]
        assert "could not be read" in loaded.reason or "format" in loaded.reason, loaded.reason
    path.write_bytes(good.encode()[:1000] + b"\xff\xfe")
    loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
    assert loaded.result is None and "could not be read" in loaded.reason


def test_a_link_in_place_of_the_saved_scan_is_not_followed(scanned, tmp_path):
    """The app writes its saved scans in place (0600): a link there points at a file someone
    else may write (an outside test planted a world-writable one with its findings removed)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = save_scan(scanned, tmp_path)
    path.rename(elsewhere / path.name)
    path.symlink_to(elsewhere / path.name)
    loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
    assert loaded.result is None and "link" in loaded.reason


def test_another_file_has_no_saved_scan(scanned, identifiers_clip, silent_text_clip, tmp_path):
    save_scan(scanned, tmp_path)
    # the saved scan of one clip, copied over to another clip's name, is not that clip's
    other = HashedFile.of(silent_text_clip.path)
    scan_path(scanned.video.sha256, tmp_path).rename(scan_path(other.sha256, tmp_path))
    loaded = load_scan(other, scanned.options, tmp_path)
    assert loaded.result is None and "another file" in loaded.reason
    assert "no saved scan" in load_scan(HashedFile.of(identifiers_clip.path), scanned.options,
                                        tmp_path).reason


def test_a_moved_clip_reuses_its_scan_at_its_new_place(scanned, identifiers_clip, tmp_path):
    save_scan(scanned, tmp_path)
    moved = tmp_path / "renamed.mp4"
    moved.write_bytes(Path(identifiers_clip.path).read_bytes())
    loaded = load_scan(HashedFile.of(moved), scanned.options, tmp_path)
    assert loaded.result is not None and loaded.result.video.path == str(moved.resolve())
    assert loaded.result.findings == scanned.findings


def test_scan_once_scans_saves_then_reuses(silent_text_clip, engines, tmp_path):
    first = run(scan_once(silent_text_clip.path, ScanOptions(), engines, folder=tmp_path))
    assert not first.reused and "no saved scan" in first.line() and "Saved" in first.line()
    again = run(scan_once(silent_text_clip.path, ScanOptions(), engines, folder=tmp_path))
    assert again.reused and "Reused the saved scan" in again.line()
    assert again.result == first.result and again.source == first.source
    forced = run(scan_once(silent_text_clip.path, ScanOptions(), engines, rescan=True,
                           folder=tmp_path))
    assert not forced.reused and "--rescan" in forced.line()


def test_other_rules_mean_no_saved_scan(scanned, tmp_path, monkeypatch):
    """Between two releases of one version the scan's rules change: a scan saved before is not
    the scan this code would make."""
    save_scan(scanned, tmp_path)
    assert load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path).result
    monkeypatch.setattr(saved_scans, "rules_digest", lambda: "0123456789abcdef")
    loaded = load_scan(HashedFile.of(scanned.video.path), scanned.options, tmp_path)
    assert loaded.result is None and "other rules" in loaded.reason
