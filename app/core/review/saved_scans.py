"""Saved scans: a clip is scanned once, and its result read back wherever it is needed again
(reopened in the window, `scan --pdf`, `redact`).

One file per clip beside its review (`<sha256>.scan.json` in the reviews folder, 0600, written
atomically), holding the AnalysisResult and what it was made from: the clip's SHA-256, the scan
options, the models and the libraries that ran them, the app's version, a digest of the scan's
code (its rules: `hashing.rules_digest`) and the shape of the result's dataclasses, under a
`schema` number. A saved scan is reused only when all of these are the same as the scan about
to be made; otherwise, or when the file cannot be read (damaged, cut
short, another schema), it is not used and `SavedScan.reason` says why in a sentence. A new scan
replaces it.

    scan = yield from scan_once(path, options, engines)    # Progress..., then a Scanned
    print(scan.line())                                     # which it did, in one line
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.core.hashing import HashedFile, rules_digest
from app.core.media.video import hashed_input
from app.core.model_files import scan_model_versions
from app.core.models import AnalysisResult, Progress, ScanOptions
from app.core.private_files import write_private_atomically
from app.core.review.dataclass_json import from_plain, shape, to_plain
from app.core.review.decisions import data_dir

if TYPE_CHECKING:
    from app.core.pipeline import Engines

SCHEMA = 1


EARLIEST = 1_577_836_800.0  # 2020-01-01: no scan was saved before this app existed


@dataclass(frozen=True)
class SavedScan:
    """What reading a saved scan gave: the result (None: not usable) and, if not, why."""

    result: AnalysisResult | None
    reason: str = ""
    saved_at: float = 0.0


@dataclass(frozen=True)
class Scanned:
    """A scan's result, the file it is of (hashed once), and whether it was read back."""

    result: AnalysisResult
    source: HashedFile
    reused: bool
    why: str  # why it was scanned, or when the reused scan was made
    save_problem: str = ""  # set when the new scan could not be saved
    saved_at: float = 0.0  # when the reused scan was made (epoch seconds)
    saved_scan: Path | None = None  # the file it was read from (None: scanned now)

    def line(self) -> str:
        """One line saying which it did."""
        if self.reused:
            return f"Reused the saved scan of this file ({self.why}); --rescan scans it again."
        saved = (f" It could not be saved: {self.save_problem}" if self.save_problem
                 else " Saved for next time.")
        return f"Scanned the file ({self.why}).{saved}"


def scan_path(sha256: str, folder: Path | None = None) -> Path:
    """Where the scan of the clip `sha256` is saved: beside its review."""
    return (folder or data_dir() / "reviews") / f"{sha256}.scan.json"


def key_of(sha256: str, options: ScanOptions) -> dict[str, Any]:
    """Everything a scan's result depends on: the clip, the options, the models, the app's
    version and its rules (`rules_digest`: the scan's code changes between releases too)."""
    return {"sha256": sha256, "options": to_plain(options),
            "models": scan_model_versions(options), "tool_version": __version__,
            "rules": rules_digest(), "shape": shape(AnalysisResult)}


def save_scan(result: AnalysisResult, folder: Path | None = None) -> Path:
    """Save `result` (0600, atomically) where `load_scan` looks for it; returns the path.

    Raises:
        OSError: it could not be written.
    """
    path = scan_path(result.video.sha256, folder)
    payload = {"schema": SCHEMA, "saved_at": round(time.time(), 3),
               "key": key_of(result.video.sha256, result.options), "result": to_plain(result)}
    write_private_atomically(path, json.dumps(payload, ensure_ascii=False))
    return path


def load_scan(source: HashedFile, options: ScanOptions,
              folder: Path | None = None) -> SavedScan:
    """The saved scan of `source` made with `options` and today's models, as it was saved,
    with the clip's path where it is now; or None and why not. Never raises for a bad file."""
    path = scan_path(source.sha256, folder)
    if path.is_symlink():  # ours are written in place, 0600: a link points somewhere else
        return SavedScan(None, "the saved scan is a link, not a file this app wrote")
    if not path.is_file():
        return SavedScan(None, "no saved scan of it")
    try:
        if path.stat().st_uid != os.getuid():
            return SavedScan(None, "the saved scan belongs to another user")
        saved = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(saved, dict):
            raise ValueError("not a JSON object")
        if type(saved.get("schema")) is not int or saved["schema"] != SCHEMA:
            return SavedScan(None, f"the saved scan is in another format (schema "
                                   f"{saved.get('schema')!r}; this version reads {SCHEMA})")
        differs = _differences(saved.get("key"), key_of(source.sha256, options))
        if differs:
            return SavedScan(None, f"the saved scan was made with {differs}")
        result = from_plain(AnalysisResult, saved["result"], "result")
        saved_at = _saved_at(saved.get("saved_at"))
    # RecursionError: nested too deep for the JSON reader; anything else a hand-edited file
    # can make the rebuilding raise is a file not to use, never a crash
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError,
            OverflowError, RecursionError) as error:
        return SavedScan(None, f"the saved scan could not be read ({type(error).__name__}: "
                               f"{str(error)[:120]})")
    if result.video.sha256 != source.sha256 or result.options != options:
        return SavedScan(None, "the saved scan is of another file or other settings")
    moved = replace(result, video=replace(result.video, path=source.path))
    return SavedScan(moved, saved_at=saved_at)


def _saved_at(value: object) -> float:
    """A saved scan's time: epoch seconds, not before 2020 nor after tomorrow.

    Raises:
        ValueError: anything else.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"its time is {value!r}")
    when = float(value)
    if not (EARLIEST <= when <= time.time() + 86_400):  # NaN fails both
        raise ValueError(f"its time is {value!r}")
    return when


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _differences(saved: object, wanted: dict[str, Any]) -> str:
    """What differs between a saved scan's key and the one wanted, in words ("" if nothing)."""
    if not isinstance(saved, dict):
        return "no key"
    if saved.get("sha256") != wanted["sha256"]:
        return "another file"
    said = []
    options = _dict(saved.get("options"))
    names = sorted(n for n in {*options, *wanted["options"]}
                   if options.get(n) != wanted["options"].get(n))
    if names:
        said.append("other settings (" + ", ".join(n.replace("_", " ") for n in names) + ")")
    models = _dict(saved.get("models"))
    roles = sorted(r for r in {*models, *wanted["models"]}
                   if models.get(r) != wanted["models"].get(r))
    if roles:
        said.append("other models or libraries (" + ", ".join(roles) + ")")
    if saved.get("tool_version") != wanted["tool_version"]:
        said.append(f"ClearToPost {saved.get('tool_version')}, not {wanted['tool_version']}")
    if saved.get("rules") != wanted["rules"] and not said:
        said.append("other rules (the scan's code changed since)")
    if saved.get("shape") != wanted["shape"] and not said:
        said.append("a version whose results had other fields")
    return "; ".join(said)


def scan_once(path: str | Path, options: ScanOptions,
              engines: Engines | Callable[[], Engines] | None = None, *,
              rescan: bool = False, folder: Path | None = None
              ) -> Generator[Progress, None, Scanned]:
    """The scan of `path` with `options`: the saved one when there is one of the same file,
    options and models (unless `rescan`), else a new scan, saved for next time, with `engines`
    (or those a function given there loads; None: loaded by `analyze`): a reused scan loads
    no model. The file is hashed once here; its hash goes with the result. Yields Progress as
    `analyze` does (a reused scan: the probe's and "done", with all its findings).

    Raises:
        InputError, ModelError: as `analyze` does.
    """
    from app.core.pipeline import analyze

    yield Progress("probe", 0.0, "Reading the file")
    source = hashed_input(path)
    saved = SavedScan(None, "--rescan asked for a new scan") if rescan else load_scan(
        source, options, folder)
    if saved.result is not None:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(saved.saved_at))
        yield Progress("probe", 0.01, "File read", video=saved.result.video)
        yield Progress("done", 1.0, "Read the saved scan", findings=saved.result.findings)
        return Scanned(saved.result, source, True, f"made {when}", saved_at=saved.saved_at,
                       saved_scan=scan_path(source.sha256, folder))
    if callable(engines):
        yield Progress("load", 0.01, "Loading the models")
        engines = engines()
    result = yield from analyze(path, options, engines, hashed=source)
    try:
        save_scan(result, folder)
        problem = ""
    except OSError as error:
        problem = f"{error.strerror or error}"
    return Scanned(result, source, False, saved.reason, problem)

