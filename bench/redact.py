"""How long a redacted copy of a 60 s hand-held 1080×1920 clip takes, and whether it covers.

Run: `.venv/bin/python -m bench.redact [CLIP.mp4]` (default: renders bench.handheld's 60 s clip,
about 3 minutes), or `... --edges` (the four 3 s clips where a card enters from an edge,
bench.entering: each copy read back independently in every frame the card is in view, as the
hand-held clip's is, around where the card really is), or `... --edge-pan` (bench.edge_pan's twelve
clips, a ward board panned in from each edge: each copy read whole in every frame). Every finding
of the scan is marked must fix; the copy is made with the spoken ones silenced; then
- the time of each step (follow the camera, hide the sound, encode, the proof's read-back, scan
  the copy again), summed over the proof's rounds (a repair writes and reads the copy again);
- the proof: frames it read back (around the covers, and whole), its rounds, its reads of
  hidden text in each round (3→0: three reads, patched, none in the next round);
- the re-scan's verdict (redacted findings found again, new findings);
- (hand-held only) frame by frame, each text of the room the scan found, at every frame inside
  that finding's times, checked against the rectangles hidden in that frame, using where the
  text really is (bench.handheld.text_in_frame: the camera path the clip was rendered with);
- (hand-held only) an independent read-back: every frame in which any part of a hidden text
  (a room text or a caption holding an on-screen or scene finding) is in view, from 3 s before
  its finding to 3 s after (`--margin inf`: wherever it is in view), cropped around where the
  text really is (not where the export thinks it is) and read at 2×: the frames and crops read,
  the reads holding 3 characters in a row of the hidden text, and the time that took.
The independent read-back is PP-OCR, the app's own engine, unless `--easyocr` (the app's other
engine, EasyOCR, which shares nothing with PP-OCR: another reader's misses are not the same);
with it `--edge-pan` reads crops at 2× around each hidden identifier where its letters really
are (bench.edge_pan's `where`), 3 characters in a row, instead of whole frames, and `--edges`
and `--edge-pan` also read the originals the same way (the reader must read them there).
EasyOCR reads about 6 crops a second on 2 cores, so the hand-held read-back is split: `--keep
DIR` keeps the copy and its hidden texts, and `--read-back DIR --from S --to S` reads a window
of it (`--control N`: the original too, every Nth frame; `--ink`: no OCR, the original's ink
inside each hidden text's letters still in the copy). Prints a Markdown table for
docs/measurements.md.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path


def uncovered(covers: dict[float, list], findings, width: int, height: int, duration_s: float
              ) -> tuple[int, list]:
    """Check a hand-held copy's covers (time → rectangles hidden then) against where each text
    of the room really is (bench.handheld.text_in_frame), for every text an on-screen finding
    names, at every frame inside that finding's times: how many were checked, and the misses
    (time, text, its outline, the rectangles hidden then)."""
    from app.core.findings.hits import normalise
    from bench.handheld import text_in_frame

    where = text_in_frame(width, height, duration_s)
    screen = [f for f in findings if f.source.value == "screen"]
    checked, misses = 0, []
    for t, rects in covers.items():
        for entry, quad in where(t):
            if not any(f.start_s <= t <= f.end_s and normalise(entry.text)
                       and normalise(f.text) in normalise(entry.text) for f in screen):
                continue
            x0, y0 = max(0, quad[:, 0].min()), max(0, quad[:, 1].min())
            x1, y1 = min(width, quad[:, 0].max()), min(height, quad[:, 1].max())
            if x1 <= x0 or y1 <= y0:
                continue  # out of the frame then
            checked += 1
            if not any(rx <= x0 + 1 and ry <= y0 + 1 and x1 - 1 <= rx + rw and y1 - 1 <= ry + rh
                       for rx, ry, rw, rh in rects):
                misses.append((round(t, 2), entry.text, [int(v) for v in (x0, y0, x1, y1)],
                               rects))
    return checked, misses


@dataclass(frozen=True)
class Hidden:
    """A text the copy hides, and the times of the finding that hid it."""

    text: str
    start_s: float
    end_s: float


def hidden_texts(findings) -> list[Hidden]:
    """The texts a copy hides: every on-screen and scene finding of 3 characters or more."""
    from app.core.findings.hits import normalise

    return [Hidden(f.text, f.start_s, f.end_s) for f in findings
            if f.source.value in ("screen", "scene") and len(normalise(f.text)) >= 3]


def read_crop(frame, box, ocr) -> str | None:
    """The frame cut 8 px around `box` (x0, y0, x1, y1, maybe partly outside the frame) and
    read at 2×, normalised; None when less than 4 px of it is in the frame."""
    import cv2

    from app.core.findings.hits import normalise

    height, width = frame.shape[:2]
    x0, y0 = max(0, int(box[0]) - 8), max(0, int(box[1]) - 8)
    x1, y1 = min(width, int(box[2]) + 8), min(height, int(box[3]) + 8)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    crop = cv2.resize(frame[y0:y1, x0:x1], None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return normalise(" ".join(p.text for p in ocr.read(crop)))


def _shows(hidden: list[str], seen: str) -> bool:
    """Whether a read holds 3 characters in a row of a hidden text (normalised)."""
    return any(h[i:i + 3] in seen for h in hidden for i in range(len(h) - 2))


def places(width: int, height: int, duration_s: float):
    """t → [(text, its letters' box x0, y0, x1, y1)] for the hand-held clip: each text of the
    room where it really is (bench.handheld.text_in_frame, the camera path it was rendered
    with) and each caption while it is drawn (bench.clips.caption_box)."""
    from bench.clips import Caption, caption_box
    from bench.handheld import CAPTIONS, text_in_frame

    where = text_in_frame(width, height, duration_s)
    scale, u = width / 1080, duration_s / 60.0
    captions = [Caption(text, a * u, b * u, int(80 * scale), int(90 * scale),
                        size=int(58 * scale)) for text, a, b, _ in CAPTIONS]

    def at(t: float) -> list[tuple[str, tuple[float, float, float, float]]]:
        out = [(entry.text, (float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()),
                             float(q[:, 1].max()))) for entry, q in where(t)]
        out += [(c.text, tuple(float(v) for v in caption_box(c, t))) for c in captions
                if c.start_s <= t < c.end_s]
        return out

    return at


def read_back(copy: Path, hidden: list[Hidden], width: int, height: int, duration_s: float, ocr,
              margin_s: float = 3.0, window: tuple[float, float] = (0.0, math.inf),
              every: int = 1) -> tuple[int, int, list]:
    """Read the copy where each hidden text really is (see the module docstring): in every
    frame of `window` where any part of it is in view, from `margin_s` before its finding to
    `margin_s` after (math.inf: the whole clip), or in every `every`th frame of it (the check
    of the reader on the original): the frames read, the crops read, and the leaks (time,
    text, what was read, the times of the findings that hid it)."""
    from app.core.findings.hits import normalise
    from app.core.media.video import iter_frames

    where = places(width, height, duration_s)
    frames, crops, leaks, count = 0, 0, [], 0
    for t, frame in iter_frames(copy, lambda t: window[0] <= t < window[1]):
        if frame is None:
            continue
        count += 1
        if (count - 1) % every:
            continue
        read_here = False
        for text, box in where(t):
            found = [h for h in hidden if h.start_s - margin_s <= t <= h.end_s + margin_s
                     and normalise(h.text) in normalise(text)]
            if not found:
                continue
            seen = read_crop(frame, box, ocr)
            if seen is None:
                continue
            crops, read_here = crops + 1, True
            if _shows([normalise(h.text) for h in found], seen):
                leaks.append((round(t, 2), text, seen,
                              [(round(h.start_s, 2), round(h.end_s, 2)) for h in found]))
        frames += read_here
    return frames, crops, leaks


def _redact(clip: Path, engines, tmp: Path):
    """Scan `clip`, mark every finding must fix, make the copy; the scan, the copy, the covers
    hidden in each frame, the seconds each stage of the export took (summed over the proof's
    rounds: a repair writes and reads again), the scan's and the export's seconds."""
    from app.core.pipeline import analyze, run
    from app.core.redact.export import redact_clip
    from app.core.review.decisions import Decision, Review
    from app.core.review.session import ReviewSession

    started = time.perf_counter()
    result = run(analyze(clip, engines=engines))
    scan_s = time.perf_counter() - started
    review = Review.load(result.video.sha256, tmp)
    for finding in result.findings:
        review.decide(finding.id, Decision.MUST_FIX)
    covers: dict[float, list] = {}
    spent: dict[str, float] = {}
    clock = [time.perf_counter()]

    def on_progress(progress) -> None:
        now = time.perf_counter()
        spent[progress.stage] = spent.get(progress.stage, 0.0) + now - clock[0]
        clock[0] = now

    started = time.perf_counter()
    copy = run(redact_clip(ReviewSession(result, review), tmp / "copy.mp4", engines=engines,
                           on_frame=lambda t, c: covers.__setitem__(t, [r for _, r in c])),
               on_progress)
    return result, copy, covers, spent, scan_s, time.perf_counter() - started


HEAD = ("| clip | length | scan | follow camera | sound | encode | proof: read back | "
        "scan the copy | redact total | hidden | found again | new | proof: frames read "
        "(around covers) | rounds | proof: reads of hidden text (each round) | "
        "text frames covered | independent read-back: frames (crops) | leaks | its time |")


def _row(name: str, result, copy, spent: dict, scan_s: float, total: float, truth: str) -> str:
    proof = copy.proof
    around = sum(r.around for r in proof.rounds)
    reads = "→".join(str(r.leaks) for r in proof.rounds)
    return (f"| {name} | {result.video.duration_s:.0f} s | {scan_s:.1f} s | "
            f"{spent.get('follow', 0):.1f} s | {spent.get('sound', 0):.1f} s | "
            f"{spent.get('encode', 0):.1f} s | {spent.get('proof', 0):.1f} s | "
            f"{spent.get('rescan', 0):.1f} s | {total:.1f} s | {len(copy.items)} | "
            f"{len(proof.still_found)} | {len(proof.new)} | {proof.frames_read} ({around}) | "
            f"{len(proof.rounds)} | {reads} | {truth} |")


def read_card(copy: Path, card, ocr) -> tuple[int, int, list, float]:
    """(--edges) Read every frame of the copy where any part of the card's letters is in view,
    cropped around where they really are (bench.entering: `card.where`, 8 px more) and read at
    2× (`read_crop`): frames in view, frames read, the leaks (3 characters in a row of the
    hidden text, its label left out) and the seconds it took."""
    from app.core.findings.hits import normalise
    from app.core.media.video import iter_frames

    secret = normalise(card.text.split(":")[-1])
    grams = {secret[i:i + 3] for i in range(len(secret) - 2)} - {"mrn"}
    started, in_view, crops, leaks = time.perf_counter(), 0, 0, []
    for t, frame in iter_frames(copy):
        if frame is None:
            continue
        height, width = frame.shape[:2]
        x0, y0, x1, y1 = card.where(t)
        if x1 <= 0 or y1 <= 0 or x0 >= width or y0 >= height:
            continue
        in_view += 1
        seen = read_crop(frame, (x0, y0, x1, y1), ocr)
        if seen is None:
            continue
        crops += 1
        if any(g in seen for g in grams):
            leaks.append((round(t, 2), seen))
    return in_view, crops, leaks, time.perf_counter() - started


def _edges(engines, ocr, keep: Path | None) -> list[str]:
    """The four clips where a card enters from an edge (bench.entering), each read back
    independently in every frame the card is in view (`read_card`) by `ocr`; with `keep`, a
    copy with a leak is kept there."""
    from bench.entering import EDGES, entering_clip

    rows = []
    for edge in EDGES:
        with tempfile.TemporaryDirectory() as tmp:
            _, card = entering_clip(Path(tmp) / f"{edge}.mp4", edge)
            result, copy, _, spent, scan_s, total = _redact(Path(tmp) / f"{edge}.mp4",
                                                            engines, Path(tmp))
            in_view, crops, leaks, read_s = read_card(Path(copy.file), card, ocr)
            # the same reader on the original, same crops: it must read the card there
            _, control, shown, _ = read_card(Path(tmp) / f"{edge}.mp4", card, ocr)
            print(f"{edge}: the original read the same way shows the hidden text in "
                  f"{len(shown)} of {control} crops", file=sys.stderr)
            rows.append(_row(f"enters from the {edge}, 360×640", result, copy, spent, scan_s,
                             total, f"– | {in_view} ({crops}) | {len(leaks)} | {read_s:.0f} s"))
            if leaks and keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(copy.file, keep / f"{edge}_copy.mp4")
            for leak in leaks[:10]:
                print(f"read back ({edge}):", *leak, file=sys.stderr)
            for number, each in enumerate(copy.proof.rounds):
                print(f"{edge}:", each.line(number), *each.examples, file=sys.stderr)
            for t, read in copy.proof.leaks[:10]:
                print(f"proof read ({edge}):", t, read, file=sys.stderr)
    return rows


def read_whole(copy: Path, hidden: list[str], ocr) -> tuple[int, list, float]:
    """(--edge-pan) Read every frame of the copy whole, by PP-OCR at 1×: frames read, the reads
    holding 4 characters in a row of a hidden text (all of it when shorter: "Ann"), and the
    seconds it took."""
    from app.core.findings.hits import normalise
    from app.core.media.video import iter_frames

    grams = set()
    for text in (normalise(h) for h in hidden):
        grams |= {text[i:i + 4] for i in range(len(text) - 3)} if len(text) > 4 else {text}
    grams.discard("")
    started, frames, leaks = time.perf_counter(), 0, []
    for t, frame in iter_frames(copy):
        if frame is None:
            continue
        frames += 1
        for piece in ocr.read(frame):
            seen = normalise(piece.text)
            if any(g in seen for g in grams):
                leaks.append((round(t, 2), piece.text))
    return frames, leaks, time.perf_counter() - started


def read_items(copy: Path, truth, found: list[str], ocr, every: int = 1
               ) -> tuple[int, int, list, list, float]:
    """(--edge-pan with a crop reader) Read every frame of the copy where any part of a hidden
    identifier is in view, cropped around where its letters really are (the clip's
    `truth.where`, 8 px more) and read at 2× (`read_crop`): frames read, crops read, the leaks
    (3 characters in a row of the identifier, all of it when shorter), the identifiers no
    finding hid (not looked for: nothing hid them) and the seconds it took. An identifier is
    hidden when a finding's text holds it or a cut piece of it. `every`: only every so many
    frames (the check of the reader on the original)."""
    from app.core.findings.hits import normalise
    from app.core.media.video import iter_frames

    found = [normalise(f) for f in found if normalise(f)]
    hidden = {i.text for i in truth.items
              if any(normalise(i.text) in f or f in normalise(i.text) for f in found)}
    missed = sorted({i.text for i in truth.items} - hidden)
    fps = truth.fps
    started, frames, crops, leaks = time.perf_counter(), 0, 0, []
    for t, frame in iter_frames(copy):
        if frame is None or int(round(t * fps)) % every:
            continue
        read_here = False
        for text, box in truth.where.get(int(round(t * fps)), []):
            if text not in hidden:
                continue
            seen = read_crop(frame, box, ocr)
            if seen is None:
                continue
            crops, read_here = crops + 1, True
            if _shows([normalise(text)], seen):
                leaks.append((round(t, 2), text, seen))
        frames += read_here
    return frames, crops, leaks, missed, time.perf_counter() - started


def _edge_pan(engines, ocr, crops: bool, clips: slice, keep: Path | None) -> list[str]:
    """bench.edge_pan's twelve clips (a ward board panned in from each edge, 7 s, 10 fps), or
    `clips` of them, every finding hidden, each copy read whole in every frame by `ocr`
    (`read_whole`), or with `crops` around each hidden identifier where any part of it is in
    view (`read_items`); with `keep`, a copy with a leak is kept there."""
    from bench.edge_pan import CLIPS, edge_clips

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        wanted = set(range(len(CLIPS))[clips])
        for number, truth in enumerate(edge_clips(Path(tmp))):
            if number not in wanted:
                continue
            clip = Path(truth.clip.path)
            result, copy, _, spent, scan_s, total = _redact(clip, engines, Path(tmp))
            hidden = [f.text for f in result.findings if f.source.value == "screen"]
            if crops:
                frames, read, leaks, missed, read_s = read_items(Path(copy.file), truth, hidden,
                                                                 ocr)
                said = f"{frames} ({read})"
                # the same reader on the original, every 5th frame: it must read them there
                _, control, shown, _, _ = read_items(clip, truth, hidden, ocr, every=5)
                print(f"{clip.stem}: the original read the same way (every 5th frame) shows "
                      f"a hidden identifier in {len(shown)} of {control} crops",
                      file=sys.stderr)
                if missed:
                    print(f"{clip.stem}: not hidden, so not read:", *missed, file=sys.stderr)
            else:
                frames, leaks, read_s = read_whole(Path(copy.file), hidden, ocr)
                said = f"{frames} (whole)"
            rows.append(_row(f"board from the {truth.edge} ({clip.stem}), 360×640", result,
                             copy, spent, scan_s, total,
                             f"– | {said} | {len(leaks)} | {read_s:.0f} s"))
            if leaks and keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(copy.file, keep / f"{clip.stem}_copy.mp4")
            for leak in leaks[:10]:
                print(f"read back ({clip.stem}):", *leak, file=sys.stderr)
            for number, each in enumerate(copy.proof.rounds):
                print(f"{clip.stem}:", each.line(number), *each.examples, file=sys.stderr)
            Path(copy.file).unlink()
    return rows


def _easyocr():
    """The app's EasyOCR engine (app.core.picture.ocr), its bundled weights, never a download."""
    import os

    from app.core.picture.ocr import EasyOcrEngine

    return EasyOcrEngine(threads=os.cpu_count() or 1)


def _args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.redact", description=__doc__.split(
        "\n")[0])
    parser.add_argument("clip", nargs="?", type=Path,
                        help="the hand-held clip (default: render it, about 3 minutes)")
    parser.add_argument("--edges", action="store_true", help="bench.entering's four clips")
    parser.add_argument("--edge-pan", action="store_true", help="bench.edge_pan's twelve clips")
    parser.add_argument("--clips", default=":", help="(--edge-pan) which clips, as a slice: 0:6")
    parser.add_argument("--easyocr", action="store_true",
                        help="the independent read-back by EasyOCR instead of PP-OCR (the "
                        "app's own engine); --edge-pan then reads crops around each hidden "
                        "identifier at 2× instead of whole frames")
    parser.add_argument("--keep", type=Path,
                        help="keep the copy there (hand-held: with the hidden texts, for "
                        "--read-back); --edges, --edge-pan: the copies with a leak")
    parser.add_argument("--read-back", type=Path, metavar="DIR",
                        help="(hand-held) no redaction: read back the copy kept in DIR")
    parser.add_argument("--from", dest="start", type=float, default=0.0,
                        help="(hand-held) read back from this second")
    parser.add_argument("--to", dest="stop", type=float, default=math.inf,
                        help="(hand-held) read back up to this second")
    parser.add_argument("--margin", type=float, default=3.0,
                        help="(hand-held) read a hidden text this long before and after its "
                        "finding (inf: wherever it is in view)")
    parser.add_argument("--ink", action="store_true",
                        help="(--read-back) no OCR: the original's ink surviving in the copy")
    parser.add_argument("--control", type=int, default=0, metavar="N",
                        help="(--read-back) also read the original so, every Nth frame")
    return parser.parse_args(argv)


def _contrast_left(was, now) -> float:
    """How much of the contrast between ink and background `was` had is left in `now` (two
    grey crops of one place), in the strip about a letter wide where most is left: 1 where the
    letters show as before, about 0 where a fill covers them (ink and background alike)."""
    import numpy as np

    ink = np.abs(was - np.median(was)) >= 40
    step, best = max(4, was.shape[0]), 0.0
    for x in range(0, was.shape[1], step // 2):
        strip = ink[:, x:x + step]
        if strip.sum() < 15 or (~strip).sum() < 15:
            continue
        before = was[:, x:x + step][strip].mean() - was[:, x:x + step][~strip].mean()
        after = now[:, x:x + step][strip].mean() - now[:, x:x + step][~strip].mean()
        best = max(best, float(after / before))
    return best


def ink_left(copy: Path, original: Path, hidden: list[Hidden], width: int, height: int,
             duration_s: float, window: tuple[float, float] = (0.0, math.inf)
             ) -> tuple[int, int, list]:
    """(no OCR) In every frame of `window`, inside the letters' box of each hidden text in view
    (`places`, whole clip): how much of the contrast between the original's ink and its
    background the copy still shows (`_contrast_left`). The frames and boxes looked at, and
    the boxes where a strip a letter wide keeps 30 % or more of it (time, text, the share)."""
    import cv2
    import numpy as np

    from app.core.findings.hits import normalise
    from app.core.media.video import iter_frames

    where = places(width, height, duration_s)
    keys = [normalise(h.text) for h in hidden]
    frames, boxes, left = 0, 0, []
    wanted = (lambda t: window[0] <= t < window[1])  # noqa: E731
    for (t, shown), (_, source) in zip(iter_frames(copy, wanted), iter_frames(original, wanted),
                                       strict=True):
        if shown is None or source is None:
            continue
        looked = False
        for text, box in where(t):
            if not any(k in normalise(text) for k in keys):
                continue
            x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
            x1, y1 = min(width, int(box[2]) + 1), min(height, int(box[3]) + 1)
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            was = cv2.cvtColor(source[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY).astype(np.int16)
            now = cv2.cvtColor(shown[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY).astype(np.int16)
            boxes, looked = boxes + 1, True
            share = _contrast_left(was, now)
            if share >= 0.3:
                left.append((round(t, 2), text, round(share, 2)))
        frames += looked
    return frames, boxes, left


def _read_kept(args: argparse.Namespace) -> None:
    """Read back a hand-held copy kept by `--keep` in a window (`--from`, `--to`)."""
    kept = json.loads((args.read_back / "hidden.json").read_text())
    hidden = [Hidden(**h) for h in kept["hidden"]]
    if args.ink:
        clock = time.perf_counter()
        frames, boxes, left = ink_left(args.read_back / "copy.mp4", Path(kept["original"]),
                                       hidden, kept["width"], kept["height"], kept["duration_s"],
                                       (args.start, args.stop))
        print(f"| {args.start:g}–{args.stop:g} s | ink, no OCR | whole clip | {frames} ({boxes}) "
              f"| {len(left)} | {time.perf_counter() - clock:.0f} s |")
        for each in left[:40]:
            print("ink left:", *each, file=sys.stderr)
        return
    ocr = _easyocr() if args.easyocr else _ppocr()
    clock = time.perf_counter()
    frames, crops, leaks = read_back(args.read_back / "copy.mp4", hidden, kept["width"],
                                     kept["height"], kept["duration_s"], ocr, args.margin,
                                     (args.start, args.stop))
    print(f"| {args.start:g}–{args.stop:g} s | {'EasyOCR' if args.easyocr else 'PP-OCR'} | "
          f"±{args.margin:g} s | {frames} ({crops}) | {len(leaks)} | "
          f"{time.perf_counter() - clock:.0f} s |")
    for leak in leaks[:30]:
        print("read back:", *leak, file=sys.stderr)
    if args.control:
        _, control, shown = read_back(Path(kept["original"]), hidden, kept["width"],
                                      kept["height"], kept["duration_s"], ocr, args.margin,
                                      (args.start, args.stop), args.control)
        print(f"the original read the same way (every {args.control}th frame) shows a hidden "
              f"text in {len(shown)} of {control} crops", file=sys.stderr)


def _ppocr():
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines

    return Engines.load(ScanOptions()).ocr


def main(argv: list[str] | None = None) -> None:
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines
    from bench.handheld import handheld_clip

    args = _args(sys.argv[1:] if argv is None else argv)
    if args.read_back is not None:
        _read_kept(args)
        return
    engines = Engines.load(ScanOptions())
    ocr = _easyocr() if args.easyocr else engines.ocr
    print(HEAD)
    print("|---|" + "---:|" * (HEAD.count("|") - 2))
    if args.edges:
        print(*_edges(engines, ocr, args.keep), sep="\n")
        return
    if args.edge_pan:
        clips = slice(*(int(v) if v else None for v in args.clips.split(":")))
        print(*_edge_pan(engines, ocr, args.easyocr, clips, args.keep), sep="\n")
        return
    with tempfile.TemporaryDirectory() as tmp:
        clip = args.clip or Path(tmp) / "handheld60.mp4"
        if args.clip is None:
            print("rendering the 60 s hand-held clip…", file=sys.stderr)
            handheld_clip(clip)
        result, copy, covers, spent, scan_s, total = _redact(clip, engines, Path(tmp))
        info = result.video
        checked, misses = uncovered(covers, result.findings, info.width, info.height,
                                    info.duration_s)
        hidden = hidden_texts(result.findings)
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(copy.file, args.keep / "copy.mp4")
            (args.keep / "hidden.json").write_text(json.dumps(
                {"original": str(clip.resolve()), "width": info.width, "height": info.height,
                 "duration_s": info.duration_s,
                 "hidden": [asdict(h) for h in hidden]}, indent=1))
        clock = time.perf_counter()
        frames_read, crops, leaks = read_back(Path(copy.file), hidden, info.width, info.height,
                                              info.duration_s, ocr, args.margin,
                                              (args.start, args.stop))
        read_s = time.perf_counter() - clock
    print(_row("hand-held 1080×1920", result, copy, spent, scan_s, total,
               f"{checked - len(misses)}/{checked} | {frames_read} ({crops}) | {len(leaks)} | "
               f"{read_s:.0f} s"))
    for leak in leaks[:30]:
        print("read back:", *leak, file=sys.stderr)
    for miss in misses[:30]:
        print("not covered:", *miss, file=sys.stderr)
    for t, read in copy.proof.leaks[:30]:
        print("proof read:", t, read, file=sys.stderr)
    for number, each in enumerate(copy.proof.rounds):
        print(each.line(number), *each.examples, file=sys.stderr)
    for again in copy.proof.new:
        print(f"new: {again.source.value} {again.category.value} {again.text!r} "
              f"{again.start_s:.1f}-{again.end_s:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
