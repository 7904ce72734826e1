"""`cleartopost scan VIDEO`: the headless front end. Exit 0 clean, 1 findings, 2 error."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.core.errors import ClearToPostError
from app.core.model_files import BUNDLED_SPEECH_MODELS
from app.core.models import AnalysisResult, Progress, ScanOptions
from app.core.private_files import write_private_atomically
from app.core.settings import OCR, PAPER, REVIEWER, SPEECH_MODEL, Settings
from app.core.timecode import format_time
from app.core.word_lists import WordLists, read_entries

if TYPE_CHECKING:  # the engine is imported when a command runs, not to print --help
    from app.core.pipeline import Engines
    from app.core.redact.export import MadeCopy
    from app.core.review.saved_scans import Scanned
    from app.core.review.session import ReviewSession

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleartopost",
        description="Check a short video for patient identifiers before posting it. "
        "Runs entirely on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"cleartopost {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    scan = commands.add_parser(
        "scan",
        help="scan a video and print its findings",
        description="Scan a video and print one line per finding; or scan a folder of clips "
        "(with its subfolders) and write each clip's JSON and review PDF and a summary "
        "(summary.csv, summary.pdf) into --out. Exit status: 0 nothing found, 1 findings, "
        "2 error (a folder: 2 if a clip could not be scanned, else 1 if any clip has "
        "findings, else 0).",
    )
    scan.add_argument("video", type=Path, help="the video file to check, or a folder of clips")
    scan.add_argument("--out", type=Path, metavar="DIR",
                      help="with a folder: where each clip's JSON and PDF and the summary go")
    scan.add_argument("--json", type=Path, metavar="OUT",
                      help="also write the full result as JSON to OUT ('-' for stdout)")
    _scan_options(scan)
    scan.add_argument("--pdf", type=Path, metavar="OUT",
                      help="write the review PDF to OUT, with the decisions saved in the window")
    scan.add_argument("--unmasked", action="store_true",
                      help="show identifying text and images in the PDF (internal records only)")
    scan.add_argument("--paper", choices=PAPER.choices,
                      help=f"PDF paper size (default: the one in Settings, else {PAPER.default})")
    scan.add_argument("--force", action="store_true", help="overwrite an existing PDF or JSON")
    scan.add_argument("--quiet", action="store_true", help="no progress bar")
    _redact_parser(commands)
    return parser


def _scan_options(parser: argparse.ArgumentParser) -> None:
    """How to scan, and who reviews: the same for `scan` and `redact`."""
    parser.add_argument(
        "--speech-model", metavar="M",
        help=f"bundled speech model ({', '.join(BUNDLED_SPEECH_MODELS)}; default: the one in "
        f"Settings, else {SPEECH_MODEL.default}) or a folder holding a CTranslate2 Whisper model",
    )
    parser.add_argument(
        "--ocr", choices=OCR.choices,
        help="text-reading engine: ppocr (PP-OCRv4, fast) or easyocr (slower, an extra: pip "
        "install -e '.[easyocr]'; see models/README.md); default: the one in Settings, else "
        "ppocr",
    )
    parser.add_argument("--deny", type=Path, metavar="FILE",
                      help="names/terms that must always be flagged, one a line (default: "
                      "deny.txt in the settings folder)")
    parser.add_argument("--allow", type=Path, metavar="FILE",
                      help="names/terms never to flag, e.g. your own name, one a line (default: "
                      "allow.txt in the settings folder)")
    parser.add_argument("--reviewer", metavar="NAME",
                        help="who reviewed the clip, for the PDF (default: the name in Settings)")
    parser.add_argument("--rescan", action="store_true",
                        help="scan the clip again even if a scan of the same file with the same "
                        "settings and models was saved (by the window or an earlier command)")


def _redact_parser(commands) -> None:
    redact = commands.add_parser(
        "redact",
        help="make a copy safe to post: fill, black out and silence what the review marked",
        description="Scan a video (or reuse its saved scan), then write a copy with every "
        "finding marked \"must fix\" in the window (or by `scan`) hidden: text filled with the "
        "colour around it and faces filled in an ellipse in every frame they are in (not "
        "blurred: a fill cannot be "
        "undone), codes blacked out, spoken identifiers silenced. The copy is scanned again "
        "before it gets its name; a copy that fails that check is named OUT.NOT-SAFE.mp4. Exit "
        "status: 0 the re-scan finds none of what was hidden and everything marked was hidden, "
        "1 it finds some (or something new, or a marked finding was not hidden), 2 error or "
        "stopped.",
    )
    redact.add_argument("video", type=Path, help="the original video (never changed)")
    redact.add_argument("--out", type=Path, required=True, metavar="OUT.mp4",
                        help="where to write the redacted copy (H.264 + AAC)")
    redact.add_argument("--include-open", action="store_true",
                        help="also hide the findings not yet decided")
    redact.add_argument("--bleep", action="store_true",
                        help="bleep spoken identifiers instead of silencing them")
    redact.add_argument("--pdf", type=Path, metavar="OUT",
                        help="also write the review PDF, with its \"Redacted copy\" section")
    redact.add_argument("--json", type=Path, metavar="OUT",
                        help="write the record of the copy (what was hidden, the re-scan) as JSON")
    _scan_options(redact)
    redact.add_argument("--force", action="store_true",
                        help="overwrite an existing copy, PDF or JSON")
    redact.add_argument("--quiet", action="store_true", help="no progress bar")


class ProgressBar:
    """A one-line bar on stderr; on a non-terminal, one line per stage instead."""

    def __init__(self, stream=sys.stderr, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self._stage = ""
        self._last_draw = 0.0

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        if not self.tty:
            if progress.stage != self._stage:
                self._stage = progress.stage
                print(f"[{progress.fraction:4.0%}] {progress.message}", file=self.stream,
                      flush=True)
            return
        now = time.monotonic()
        if now - self._last_draw < 0.1 and progress.fraction < 1.0:
            return
        self._last_draw = now
        width = 30
        filled = int(width * progress.fraction)
        bar = "#" * filled + "-" * (width - filled)
        print(f"\r[{bar}] {progress.fraction:4.0%} {progress.message:<45}", end="",
              file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled and self.tty:
            print(file=self.stream, flush=True)


def print_findings(result: AnalysisResult, stream=sys.stdout) -> None:
    """One line per finding: time range, source, category, confidence, text."""
    from app.core.findings.combination import flags
    from app.core.review.presenter import presenter_lines
    from app.core.review.verdict import hard_to_read

    video = result.video
    print(f"{Path(video.path).name}: {format_time(video.duration_s)}, "
          f"{video.width}x{video.height}, {'sound' if video.has_audio else 'no sound'}",
          file=stream)
    shown = flags(result.findings)  # a detail is listed inside its combination
    if not shown:
        print("No identifiers found.", file=stream)
    for finding in shown:
        print(
            f"{format_time(finding.start_s)}–{format_time(finding.end_s)}  "
            f"{finding.source.value:<6}  {finding.category.value:<12}  "
            f"{finding.confidence:4.2f}  {finding.text}",
            file=stream,
        )
    coverage = result.coverage
    print(
        f"Checked: {coverage.speech_seconds:.1f} s of speech; text looked for in "
        f"{coverage.frames_read} of {coverage.frames_sampled} frames sampled "
        f"({coverage.frames_total} in the clip), {coverage.lines_read} "
        f"{'line' if coverage.lines_read == 1 else 'lines'} read.",
        file=stream,
    )
    for note in [hard_to_read(coverage), *presenter_lines(result), *coverage.notes]:
        if note:
            print(f"Note: {note}", file=stream)


def scan_command(args: argparse.Namespace) -> int:
    from app.core.pipeline import run
    from app.core.review.saved_scans import scan_once

    if args.video.is_dir() or (args.out is not None and not args.video.exists()):
        from app.cli_folder import folder_command

        return folder_command(args)
    if args.out is not None:
        raise ClearToPostError("--out is for scanning a folder; for one clip use --json OUT "
                               "and --pdf OUT.")
    _refuse_overwriting(args, dash_is_stdout=True)
    options = _options(args)
    bar = ProgressBar(enabled=not args.quiet)
    try:
        scan = run(scan_once(args.video, options, rescan=args.rescan), bar)
    finally:
        bar.close()
    print(f"cleartopost: {scan.line()}", file=sys.stderr)
    # the face and voice the reviewer marked as theirs in the window hold here too
    session = _session(scan, args)
    result, review = session.reviewed, session.review
    assert result is not None and review is not None
    if args.json is not None:
        payload = json.dumps(result.to_json(), indent=2, ensure_ascii=False)
        if str(args.json) == "-":
            print(payload)
        else:
            write_private(args.json, payload)
    if str(args.json) != "-":
        print_findings(result)
    if args.pdf is not None:
        from app.core.review.report import write_report
        from app.core.review.reread import decided_by
        from app.core.review.verdict import verdict_of

        write_report(session, args.pdf, reviewer=review.reviewer, masked=not args.unmasked,
                     paper=args.paper or Settings.load().get(PAPER))
        ids = [f.id for f in session.flags()]
        print(f"Review PDF: {args.pdf} ({verdict_of(result, review).line()}; "
              f"{decided_by(review, ids, time.time()).line()}; "
              f"{'unmasked' if args.unmasked else 'masked'})", file=sys.stderr)
    return EXIT_FOUND if session.flags() else EXIT_CLEAN


def _session(scan: Scanned, args: argparse.Namespace) -> ReviewSession:
    """The scan (with the file as hashed for it, and the saved scan it was read from) with the
    decisions and choices saved for its clip, as `args.reviewer` (or the name in Settings); a
    decisions file that could not be read is said on stderr."""
    from app.core.review.session import ReviewSession

    reviewer = args.reviewer if args.reviewer is not None else Settings.load().get(REVIEWER)
    session = ReviewSession.open(scan.result, reviewer=reviewer)
    session.hold_source(scan.source, scan.saved_scan)
    if session.review is not None and session.review.problem:
        print(f"cleartopost: {session.review.problem}", file=sys.stderr)
        session.review.problem = None  # said once (a later one, on saving, is said then)
    return session


def _refuse_overwriting(args: argparse.Namespace, dash_is_stdout: bool = False) -> None:
    """Before any work: an existing --json or --pdf file is kept unless --force (`scan`
    writes `--json -` to stdout, so "-" is no file there)."""
    for out in (args.json, args.pdf):
        if out is None or (dash_is_stdout and str(out) == "-"):
            continue
        if out.exists() and not args.force:
            raise ClearToPostError(f"{out} already exists; add --force to overwrite it.")


def _options(args: argparse.Namespace) -> ScanOptions:
    defaults, settings = WordLists.from_settings(), Settings.load()
    return ScanOptions(
        speech_model=args.speech_model or settings.get(SPEECH_MODEL),
        ocr=args.ocr or settings.get(OCR),
        deny=_entries(args.deny) if args.deny else defaults.deny,
        allow=_entries(args.allow) if args.allow else defaults.allow,
    )


def redact_command(args: argparse.Namespace) -> int:
    from app.core.pipeline import Engines, run
    from app.core.redact.export import check_output
    from app.core.review.saved_scans import scan_once

    check_output(args.video, args.out, args.force)
    _refuse_overwriting(args)
    options = _options(args)
    engines = Engines.load(options)  # the copy is scanned again whether or not the clip is
    bar = ProgressBar(enabled=not args.quiet)
    try:
        scan = run(scan_once(args.video, options, engines, rescan=args.rescan), bar)
        bar.close()
        print(f"cleartopost: {scan.line()}", file=sys.stderr)
        session = _session(scan, args)  # with the face and voice marked as theirs
        copy = _make_copy(args, session, engines, bar)
    finally:
        bar.close()
    result = session.reviewed
    review = session.review
    assert result is not None and review is not None
    print(f"Redacted copy: {copy.file} (SHA-256 {copy.sha256[:16]}…; "
          f"{copy.decisions.line() if copy.decisions else 'decisions as saved'})")
    for item in copy.items:
        print(f"  {format_time(item.start_s)}–{format_time(item.end_s)}  "
              f"{item.action:<9}  {item.source:<6}  {item.category}")
    print(copy.proof.line())
    if review.problem:  # the decisions file could not be read as it was saved: kept aside
        print(f"cleartopost: {review.problem}", file=sys.stderr)
    findings = {f.id: f for f in result.findings}
    for missed in filter(None, (findings.get(i) for i in copy.proof.not_hidden)):
        print(f"  not hidden: {format_time(missed.start_s)}  {missed.source.value}  "
              f"{missed.category.value}  {missed.text}")
    for unknown in (i for i in copy.proof.not_hidden if i not in findings):
        print(f"  not hidden: finding {unknown}, marked must fix on a scan with other settings "
              f"(deny list, OCR engine or speech model): scan with those to hide it")
    for again in copy.proof.new:
        print(f"  new: {format_time(again.start_s)}  {again.source.value}  "
              f"{again.category.value}  {again.text}")
    for t_s, read in copy.proof.leaks[:20]:
        print(f"  still read or seen: {format_time(t_s)}  \"{read}\"")
    for picture in copy.proof.thumbnails:
        print(f"  picture of a frame not safe: {picture}")
    if args.json is not None:
        write_private(args.json, json.dumps(copy.to_json(), indent=2, ensure_ascii=False))
    if args.pdf is not None:
        from app.core.review.report import write_report

        write_report(session, args.pdf, reviewer=copy.record.by, masked=True)
        print(f"Review PDF: {args.pdf} (masked)", file=sys.stderr)
    return EXIT_CLEAN if copy.proof.clean else EXIT_FOUND


def _make_copy(args: argparse.Namespace, session: ReviewSession, engines: Engines,
               bar: ProgressBar) -> MadeCopy:
    """The export driven to its end. Stopped (Ctrl+C, SIGTERM, SIGHUP), its clean-up runs
    first (no half-written or unchecked copy is left), then the review records that an export
    was interrupted. Once the proved copy is being put in place and recorded, a stop waits for
    that to end (the copy and its record would otherwise disagree)."""
    from app.core.pipeline import run
    from app.core.redact.export import COMMIT, redact_clip
    from app.core.redact.plan import BLEEP, SILENCE
    from app.core.review.interrupted import record_interrupted

    export = redact_clip(session, args.out, include_open=args.include_open,
                         sound=BLEEP if args.bleep else SILENCE, force=args.force,
                         engines=engines)
    stage = ["plan"]

    def seen(progress: Progress) -> None:
        stage[0] = progress.stage
        _Hold.active = progress.stage == COMMIT
        bar(progress)

    try:
        return run(export, seen)
    except KeyboardInterrupt:
        export.close()  # closing it removes what it wrote (if it was not already unwound)
        if stage[0] != COMMIT:  # from COMMIT on, a stop waits for the copy to be recorded
            record_interrupted(session, stage[0])
            bar.close()
            print("cleartopost: the export was stopped; no copy was kept (the review records "
                  "it).", file=sys.stderr)
        raise
    finally:
        if _Hold.active and _Hold.pending is not None:
            print(f"cleartopost: {signal.Signals(_Hold.pending).name} came as the checked copy "
                  f"was put in place: it was finished first.", file=sys.stderr)
        _Hold.active, _Hold.pending = False, None


class _Hold:
    """Whether a stop signal waits (the proved copy is being put in place), and which came."""

    active = False
    pending: int | None = None


def _stop_like_ctrl_c() -> None:
    """SIGTERM (`kill`, a shutdown) and SIGHUP (a closed terminal, a logout) stop the CLI as
    Ctrl+C does, so the same clean-up runs: by default they end the process at once and leave a
    half-written copy behind. A second signal while it cleans up is ignored; one that comes
    while a proved copy is put in place waits (`_Hold`)."""
    names = [n for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]

    def stop(signum, _frame) -> None:
        if _Hold.active:
            _Hold.pending = signum
            return
        for name in names:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for name in names:
        signal.signal(getattr(signal, name), stop)


def _entries(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        raise ClearToPostError(f"The list file {path} does not exist.")
    return read_entries(path)


def write_private(path: Path, text: str) -> None:
    """Write a file that may hold patient data, readable by the user only."""
    try:
        write_private_atomically(path, text)
    except OSError as error:
        raise ClearToPostError(
            f"Could not write {path} ({error.strerror or error}); choose another place."
        ) from error


def has_display() -> bool:
    """Whether a window can be shown (a desktop session, or Qt told where to draw)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _start_safely() -> None:
    """Start-up for every front end: nothing leaves the machine, nothing is readable by others."""
    from app.core.model_files import cache_dir
    from app.core.offline import block_network
    from app.core.private_files import private_by_default
    from app.core.review.decisions import data_dir
    from app.core.word_lists import config_dir

    block_network()
    private_by_default((config_dir(), data_dir(), cache_dir()))


def main(argv: list[str] | None = None) -> int:
    """`cleartopost scan VIDEO ...` scans; `cleartopost [VIDEO]` opens the window (or, with no
    display, scans VIDEO and prints its findings); `cleartopost --screenshot OUT.png [VIDEO]`
    opens the window, saves a picture of it when the scan ends, and quits."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _start_safely()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--screenshot"] and len(argv) >= 2:
        # `cleartopost --screenshot OUT.png [VIDEO]`: the window, pictured once the scan ends
        from app.ui.app import run_window

        return run_window(argv[2:], screenshot=Path(argv[1]))
    if not argv or (argv[0] not in ("scan", "redact") and not argv[0].startswith("-")):
        if has_display():
            from app.ui.app import run_window

            return run_window(argv)
        if not argv:
            print("cleartopost: no display here; use `cleartopost scan VIDEO`.", file=sys.stderr)
            return EXIT_ERROR
        argv = ["scan", *argv]
    _stop_like_ctrl_c()
    args = build_parser().parse_args(argv)
    try:
        if args.command == "scan":
            return scan_command(args)
        if args.command == "redact":
            return redact_command(args)
    except ClearToPostError as error:
        print(f"cleartopost: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("cleartopost: stopped.", file=sys.stderr)
        return EXIT_ERROR
    except Exception:  # a bug: say so, and never exit 1, which means "findings were made"
        logging.getLogger("cleartopost").exception("unexpected error")
        print("cleartopost: an unexpected error stopped the scan (details above); "
              "please report it.", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
