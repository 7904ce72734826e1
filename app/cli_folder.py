"""`cleartopost scan DIR --out OUT`: every clip of a folder, one after the other, with the models
loaded once; each clip's JSON and review PDF, and the summary (summary.csv, summary.pdf), in OUT.
The work is app/core/review/folder_scan.py and folder_summary.py; this is the terminal's side."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, ProgressBar, _options
from app.core.errors import ClearToPostError
from app.core.review.folder_scan import UNMASKED_PDF_END, no_clip_sentence
from app.core.settings import PAPER, REVIEWER, Settings

if TYPE_CHECKING:
    from app.core.review.folder_scan import ClipOutcome, FolderProgress, Queue
    from app.core.review.saved_scans import Scanned
    from app.core.review.session import ReviewSession

SUMMARY_CSV, SUMMARY_PDF = "summary.csv", "summary.pdf"


class FolderBar:
    """"clip k of n: NAME" on stderr as each clip starts, then that clip's own bar."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.index = -1
        self.bar = ProgressBar(enabled=False)

    def __call__(self, progress: FolderProgress) -> None:
        if progress.index != self.index:
            self.bar.close()
            self.index = progress.index
            if self.enabled:
                print(f"cleartopost: clip {progress.index + 1} of {progress.total}: "
                      f"{progress.clip}", file=sys.stderr, flush=True)
            self.bar = ProgressBar(enabled=self.enabled)
        self.bar(progress.progress)

    def close(self) -> None:
        self.bar.close()
        self.bar = ProgressBar(enabled=False)  # closed once


def folder_command(args: argparse.Namespace) -> int:
    """Scan the folder `args.video` into `args.out`; the exit status as for one clip: 2 if a
    clip could not be scanned, else 1 if any clip has findings, else 0."""
    from app.core.pipeline import run
    from app.core.review.folder_scan import FAILED, ClipFiles, find_clips, scan_folder
    from app.core.review.folder_summary import write_cover_page, write_summary_csv

    queue = _queue(args, find_clips)
    settings = Settings.load()
    reviewer = args.reviewer if args.reviewer is not None else settings.get(REVIEWER)
    paper = args.paper or settings.get(PAPER)
    files = ClipFiles(args.out, masked=not args.unmasked, paper=paper)
    bar = FolderBar(enabled=not args.quiet)
    scan = scan_folder(queue, _options(args), files, reviewer=reviewer, rescan=args.rescan,
                       on_scanned=_said(bar))
    try:
        outcomes = run(scan, bar)
    except KeyboardInterrupt:
        bar.close()
        print(f"cleartopost: stopped at clip {max(bar.index, 0) + 1} of {len(queue.clips)}; "
              f"the clips finished before it keep their files in {args.out}; no summary was "
              f"written.", file=sys.stderr)
        raise
    finally:
        bar.close()
    for outcome in outcomes:
        if outcome.status != "skipped":
            print(_line(outcome))
    summary = (args.out / SUMMARY_CSV, args.out / SUMMARY_PDF)
    for old in summary:  # an earlier run's, which must not stand beside half of this one's
        old.unlink(missing_ok=True)
    try:
        table = write_summary_csv(outcomes, summary[0])
        cover = write_cover_page(outcomes, summary[1], folder=queue.folder,
                                 reviewer=reviewer, masked=not args.unmasked, paper=paper)
    except KeyboardInterrupt:
        for written in summary:
            written.unlink(missing_ok=True)
        print(f"cleartopost: stopped while the summary was written; every clip's files are in "
              f"{args.out}; no summary was written.", file=sys.stderr)
        raise
    print(f"Summary: {table}, {cover} ({'unmasked' if args.unmasked else 'masked'})")
    if any(o.status == FAILED for o in outcomes):
        return EXIT_ERROR
    return EXIT_FOUND if any(o.flags for o in outcomes) else EXIT_CLEAN


def _queue(args: argparse.Namespace, find_clips) -> Queue:
    """The folder's clips, the files skipped said one a line; refused before any work: no
    --out, --json or --pdf given, a folder with no clip, an --out that holds files (unless
    --force)."""
    if args.json is not None or args.pdf is not None:
        raise ClearToPostError("--json and --pdf are for one clip; a folder's files all go "
                               "into --out DIR.")
    if args.out is None:
        raise ClearToPostError(f"{args.video} is a folder: add --out DIR, the folder for each "
                               f"clip's JSON and PDF and the summary.")
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise ClearToPostError(f"--out {out} is a file; give a folder.")
    if out.resolve() == Path(args.video).resolve():
        raise ClearToPostError("--out is the folder being scanned; give another folder (one "
                               "inside it is fine: it is left out of the scan).")
    queue = find_clips(args.video, leave_out=out)
    for skipped in queue.skipped:
        print(f"cleartopost: skipped {skipped.path}: {skipped.why}.", file=sys.stderr)
    if not queue.clips:
        raise ClearToPostError(no_clip_sentence(queue))
    if out.is_dir() and any(out.iterdir()) and not args.force:
        raise ClearToPostError(f"{out} already holds files (an earlier scan's?); add --force "
                               f"to overwrite them, or give an empty or new folder.")
    unmasked = sorted(out.rglob(f"*{UNMASKED_PDF_END}")) if out.is_dir() else []
    if unmasked and not args.unmasked:  # --force would leave them beside the masked files
        raise ClearToPostError(f"{out} holds {len(unmasked)} unmasked review PDF(s) of an "
                               f"earlier scan (e.g. {unmasked[0].relative_to(out)}), which a "
                               f"masked scan would leave there; remove them or give another "
                               f"folder.")
    return queue


def _said(bar: FolderBar):
    def said(clip: Path, scan: Scanned, session: ReviewSession) -> None:
        bar.close()
        print(f"cleartopost: {clip}: {scan.line()}", file=sys.stderr)
        if session.review is not None and session.review.problem:
            print(f"cleartopost: {clip}: {session.review.problem}", file=sys.stderr)
            session.review.problem = None
    return said


def _line(outcome: ClipOutcome) -> str:
    """One line on stdout per clip: its verdict and counts and its files, or why it failed."""
    if outcome.summary is None:
        return f"{outcome.clip}: failed: {outcome.problem}"
    kinds = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in outcome.by_category.items())
    found = (f"{outcome.flags} flag{'s' if outcome.flags != 1 else ''} ({kinds})"
             if outcome.flags else "no identifiers found")
    return (f"{outcome.clip}: {found}; {outcome.summary.line()} → "
            f"{', '.join(f.as_posix() for f in outcome.files)}")
