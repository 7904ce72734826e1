"""A folder at a time: find the clips in a folder, scan them one after the other with the models
loaded once, and write each clip's JSON and review PDF (`cleartopost scan DIR --out OUT`; the
window's Open folder can drive the same generator).

    queue = find_clips(folder, leave_out=out)        # the clips, and every other file and why
    outcomes = yield from scan_folder(queue, options, ClipFiles(out, masked=True), reviewer="")

The folder is walked with its subfolders, in name order; a link to a folder is not followed. A
file is a clip by its name's ending (VIDEO_SUFFIXES, as the window's Open dialog); every other
file is listed as skipped, with why. A clip that cannot be read is a failed outcome with the
one-sentence reason; the others are still scanned.

Each clip's files go under OUT (ClipFiles.names), named so that no two clips' files can be the
same file:
- `OUT/<path in the folder>.json`: the clip's path relative to the folder, with its own ending
  kept (`day1/ward.mp4` → `OUT/day1/ward.mp4.json`), subfolders made as in the folder;
- masked PDF: `OUT/review <first 12 hex of the clip's SHA-256>.pdf`, named by content as the
  window names a masked PDF, so the file's name says nothing of a patient the clip's name may
  name; two byte-identical clips are one clip with one review, and share it;
- unmasked PDF: `OUT/<path in the folder> review UNMASKED.pdf`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import ClearToPostError, InputError, ModelError
from app.core.media.video import VIDEO_SUFFIXES
from app.core.models import Category, Progress, ScanOptions, VideoInfo
from app.core.private_files import write_private_atomically
from app.core.review.decisions import Summary
from app.core.review.saved_scans import Scanned, scan_once
from app.core.review.session import ReviewSession
from app.core.steps import retold

if TYPE_CHECKING:
    from app.core.pipeline import Engines

SCANNED, REUSED, FAILED, SKIPPED = "scanned", "reused", "failed", "skipped"
UNMASKED_PDF_END = " review UNMASKED.pdf"  # how an unmasked review PDF's name ends


@dataclass(frozen=True)
class Skipped:
    """A file of the folder that is not queued, and why (one sentence)."""

    path: Path  # relative to the folder
    why: str


@dataclass(frozen=True)
class Queue:
    """The clips of a folder, in the order they are scanned, and the files left out."""

    folder: Path
    clips: tuple[Path, ...]  # relative to the folder
    skipped: tuple[Skipped, ...]


def find_clips(folder: Path, leave_out: Path | None = None) -> Queue:
    """The clips in `folder` and its subfolders, in name order; every other file (and a link
    to a folder, and `leave_out`, the output folder when it is inside) as skipped, with why.

    Raises:
        InputError: `folder` does not exist or is not a folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"The folder {folder} does not exist." if not folder.exists()
                         else f"{folder} is not a folder.")
    leave = leave_out.resolve() if leave_out is not None else None
    clips: list[Path] = []
    skipped: list[Skipped] = []
    for top, dirs, files in os.walk(folder, onerror=_unlistable(folder, skipped)):
        here = Path(top)
        dirs.sort()
        for name in list(dirs):
            inside = here / name
            if inside.is_symlink():
                skipped.append(Skipped(inside.relative_to(folder),
                                       "a link to a folder (links to folders are not followed)"))
                dirs.remove(name)
            elif leave is not None and inside.resolve() == leave:
                skipped.append(Skipped(inside.relative_to(folder), "the output folder"))
                dirs.remove(name)
        for name in sorted(files):
            path = here / name
            why = _not_a_clip(path)
            if why:
                skipped.append(Skipped(path.relative_to(folder), why))
            else:
                clips.append(path.relative_to(folder))
    return Queue(folder, tuple(clips), tuple(skipped))


def no_clip_sentence(queue: Queue, listed: str = ", listed above") -> str:
    """Why nothing can be scanned in a folder with no clip: it is empty, or how many other
    files it holds (`listed` says where they are listed, with why), and which endings make a
    clip."""
    others = (f" (only {len(queue.skipped)} other file{'s' if len(queue.skipped) != 1 else ''}"
              f"{listed})" if queue.skipped else " (it is empty)")
    endings = ", ".join(sorted(s.lstrip(".") for s in VIDEO_SUFFIXES))
    return (f"There is no video clip in {queue.folder}{others}; nothing was scanned (clips "
            f"are files ending in {endings}).")


def _unlistable(folder: Path, skipped: list[Skipped]) -> Callable[[OSError], None]:
    def said(error: OSError) -> None:
        where = Path(error.filename or folder)
        relative = where.relative_to(folder) if where.is_relative_to(folder) else where
        skipped.append(Skipped(relative, f"a folder that cannot be read "
                                         f"({error.strerror or error})"))
    return said


def _not_a_clip(path: Path) -> str:
    """Why `path` is not queued ("" when it is a clip)."""
    if path.suffix.lower() not in VIDEO_SUFFIXES:
        return f"not a video ({'a ' + path.suffix.lower() if path.suffix else 'no'} ending)"
    if not path.exists():
        return "a link to a file that does not exist"
    return ""


@dataclass(frozen=True)
class ClipOutcome:
    """What came of one file of the folder: scanned (or its saved scan reused), failed or
    skipped; the counts over its flags as reviewed, and the files written for it."""

    clip: Path  # relative to the folder
    status: str  # SCANNED, REUSED, FAILED or SKIPPED
    video: VideoInfo | None = None
    summary: Summary | None = None
    flags: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    files: tuple[Path, ...] = ()  # relative to the output folder
    problem: str = ""  # why it failed or was skipped (one sentence)

    @property
    def verdict(self) -> str:
        """"Cleared", "Not cleared" (as the clip's PDF says), "Failed" or "Skipped"."""
        if self.summary is None:
            return "Failed" if self.status == FAILED else "Skipped"
        return "Cleared" if self.summary.cleared else "Not cleared"


@dataclass(frozen=True)
class FolderProgress:
    """Where the queue is: clip `index + 1` of `total`, and that clip's own progress."""

    index: int
    total: int
    clip: Path
    progress: Progress


class ClipFiles:
    """Writes a clip's JSON and review PDF under `out` (names: this module's docstring)."""

    def __init__(self, out: Path, *, masked: bool = True, paper: str = "a4") -> None:
        self.out, self.masked, self.paper = Path(out), masked, paper

    def names(self, clip: Path, sha256: str) -> tuple[Path, Path]:
        """The JSON's and the PDF's paths relative to `out`, for `clip` (relative to the
        folder scanned) whose SHA-256 is `sha256`."""
        pdf = (Path(f"review {sha256[:12]}.pdf") if self.masked
               else clip.with_name(f"{clip.name}{UNMASKED_PDF_END}"))
        return clip.with_name(f"{clip.name}.json"), pdf

    def __call__(self, clip: Path, session: ReviewSession) -> tuple[Path, ...]:
        """Write both (each whole or not at all); returns their paths relative to `out`.

        Raises:
            ClearToPostError: a file could not be written.
        """
        from app.core.review.report import write_report

        result, review = session.reviewed, session.review
        assert result is not None and review is not None
        json_name, pdf_name = self.names(clip, result.video.sha256)
        payload = json.dumps(result.to_json(), indent=2, ensure_ascii=False)
        try:
            write_private_atomically(self.out / json_name, payload)
        except OSError as error:
            raise ClearToPostError(f"{self.out / json_name} could not be written "
                                   f"({error.strerror or error}).") from error
        try:
            write_report(session, self.out / pdf_name, reviewer=review.reviewer,
                         masked=self.masked, paper=self.paper)
        except BaseException:  # stopped, or the PDF failed: no clip is left with half its files
            (self.out / json_name).unlink(missing_ok=True)
            raise
        return json_name, pdf_name


class _LoadOnce:
    """The models, loaded the first time a clip needs them (a saved scan needs none), then
    kept for every other clip; `load` loads them (default: `Engines.load`)."""

    def __init__(self, options: ScanOptions, engines: Engines | None,
                 load: Callable[[], Engines] | None = None) -> None:
        self.options, self.engines, self.load = options, engines, load

    def __call__(self) -> Engines:
        if self.engines is None:
            from app.core.pipeline import Engines

            self.engines = self.load() if self.load is not None else Engines.load(self.options)
        return self.engines


def scan_folder(queue: Queue, options: ScanOptions,
                write: Callable[[Path, ReviewSession], tuple[Path, ...]], *, reviewer: str,
                rescan: bool = False, engines: Engines | None = None,
                load_engines: Callable[[], Engines] | None = None,
                on_scanned: Callable[[Path, Scanned, ReviewSession], None] | None = None,
                ) -> Generator[FolderProgress, None, list[ClipOutcome]]:
    """Scan the queue's clips one after the other (each reusing its saved scan unless
    `rescan`), with the models loaded once, and `write` each one's files; yields each clip's
    progress with where the queue is. Returns one outcome per clip and per skipped file. A clip
    that cannot be read or written fails alone (its outcome says why); `on_scanned` is told of
    each clip scanned, with the decisions saved for it (as `reviewer`). The models are
    `engines`, or loaded by `load_engines` the first time a clip needs them (the window's
    shared models), else by `Engines.load`.

    Raises:
        ModelError: the models could not be loaded (no clip could be scanned).
        KeyboardInterrupt: stopped; the clips finished before keep their files (each is
            written whole or not at all).
    """
    load = _LoadOnce(options, engines, load_engines)
    outcomes: list[ClipOutcome] = []
    total = len(queue.clips)
    for index, clip in enumerate(queue.clips):
        def seen(progress: Progress, index: int = index, clip: Path = clip) -> FolderProgress:
            return FolderProgress(index, total, clip, progress)

        outcomes.append((yield from _one_clip(queue.folder, clip, options, write, reviewer,
                                              rescan, load, seen, on_scanned)))
    outcomes += [ClipOutcome(s.path, SKIPPED, problem=s.why) for s in queue.skipped]
    return outcomes


def _one_clip(folder: Path, clip: Path, options: ScanOptions,
              write: Callable[[Path, ReviewSession], tuple[Path, ...]], reviewer: str,
              rescan: bool, load: _LoadOnce, seen: Callable[[Progress], FolderProgress],
              on_scanned: Callable[[Path, Scanned, ReviewSession], None] | None,
              ) -> Generator[FolderProgress, None, ClipOutcome]:
    scan = scan_once(folder / clip, options, load, rescan=rescan)
    try:
        scanned = yield from retold(scan, seen)
        session = ReviewSession.open(scanned.result, reviewer=reviewer)
        session.hold_source(scanned.source, scanned.saved_scan)
        if on_scanned is not None:
            on_scanned(clip, scanned, session)
        files = write(clip, session)
    except ModelError:
        raise
    except ClearToPostError as error:  # this clip cannot be read, or its files written
        return ClipOutcome(clip, FAILED, problem=str(error))
    finally:
        scan.close()
    return outcome_of(clip, session, reused=scanned.reused, files=files)


def outcome_of(clip: Path, session: ReviewSession, *, reused: bool,
               files: tuple[Path, ...] = ()) -> ClipOutcome:
    """The outcome of `clip` (relative to its folder) as `session` holds it now: its verdict
    and counts over the flags as reviewed (the window's queue recounts the open clip's this
    way as the reviewer decides)."""
    result = session.reviewed
    assert result is not None
    found = session.flags()
    by_category = {c.value: n for c in Category
                   if (n := sum(1 for f in found if f.category is c))}
    return ClipOutcome(clip, REUSED if reused else SCANNED, result.video, session.summary(),
                       len(found), by_category, files)
