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
- (hand-held only) an independent read-back: every frame in which any part of such a text is
  in view, from 3 s before its finding to 3 s after, cropped around where the text really is
  (not where the export thinks it is) and read by PP-OCR at 2×: the frames and crops read, the
  reads holding 3 characters in a row of the hidden text, and the time that took.
Prints a Markdown table for docs/measurements.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
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


def read_back(copy: Path, findings, width: int, height: int, duration_s: float, ocr
              ) -> tuple[int, int, list]:
    """Read the copy where each hidden room text really is (see the module docstring): the
    frames read, the crops read, and the leaks (time, text, what was read, the times of the
    findings that hid it)."""
    import cv2

    from app.core.findings.hits import normalise
    from app.core.media.video import iter_frames
    from bench.handheld import text_in_frame

    where = text_in_frame(width, height, duration_s)
    screen = [f for f in findings if f.source.value == "screen" and len(normalise(f.text)) >= 3]
    frames, crops, leaks = 0, 0, []
    for t, frame in iter_frames(copy):
        if frame is None:
            continue
        read_here = False
        for entry, quad in where(t):
            found = [f for f in screen if f.start_s - 3 <= t <= f.end_s + 3
                     and normalise(f.text) in normalise(entry.text)]
            hidden = [normalise(f.text) for f in found]
            x0, y0 = max(0, int(quad[:, 0].min()) - 8), max(0, int(quad[:, 1].min()) - 8)
            x1, y1 = min(width, int(quad[:, 0].max()) + 8), min(height, int(quad[:, 1].max()) + 8)
            if not hidden or x1 - x0 < 4 or y1 - y0 < 4:
                continue
            crop = cv2.resize(frame[y0:y1, x0:x1], None, fx=2, fy=2,
                              interpolation=cv2.INTER_CUBIC)
            seen = normalise(" ".join(p.text for p in ocr.read(crop)))
            crops, read_here = crops + 1, True
            if any(h[i:i + 3] in seen for h in hidden for i in range(len(h) - 2)):
                leaks.append((round(t, 2), entry.text, seen,
                              [(round(f.start_s, 2), round(f.end_s, 2)) for f in found]))
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
    cropped around where they really are (bench.entering: `card.where`, 8 px more) and read by
    PP-OCR at 2×: frames in view, frames read, the leaks (3 characters in a row of the hidden
    text, its label left out) and the seconds it took."""
    import cv2

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
        x0, y0 = max(0, int(x0) - 8), max(0, int(y0) - 8)
        x1, y1 = min(width, int(x1) + 8), min(height, int(y1) + 8)
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        crop = cv2.resize(frame[y0:y1, x0:x1], None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        seen = normalise(" ".join(p.text for p in ocr.read(crop)))
        crops += 1
        if any(g in seen for g in grams):
            leaks.append((round(t, 2), seen))
    return in_view, crops, leaks, time.perf_counter() - started


def _edges(engines) -> list[str]:
    """The four clips where a card enters from an edge (bench.entering), each read back
    independently in every frame the card is in view (`read_card`)."""
    from bench.entering import EDGES, entering_clip

    rows = []
    for edge in EDGES:
        with tempfile.TemporaryDirectory() as tmp:
            _, card = entering_clip(Path(tmp) / f"{edge}.mp4", edge)
            result, copy, _, spent, scan_s, total = _redact(Path(tmp) / f"{edge}.mp4",
                                                            engines, Path(tmp))
            in_view, crops, leaks, read_s = read_card(Path(copy.file), card, engines.ocr)
            rows.append(_row(f"enters from the {edge}, 360×640", result, copy, spent, scan_s,
                             total, f"– | {in_view} ({crops}) | {len(leaks)} | {read_s:.0f} s"))
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


def _edge_pan(engines) -> list[str]:
    """bench.edge_pan's twelve clips (a ward board panned in from each edge, 7 s, 10 fps),
    every finding hidden, each copy read whole in every frame (`read_whole`)."""
    from bench.edge_pan import edge_clips

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for truth in edge_clips(Path(tmp)):
            clip = Path(truth.clip.path)
            result, copy, _, spent, scan_s, total = _redact(clip, engines, Path(tmp))
            hidden = [f.text for f in result.findings if f.source.value == "screen"]
            frames, leaks, read_s = read_whole(Path(copy.file), hidden, engines.ocr)
            rows.append(_row(f"board from the {truth.edge} ({clip.stem}), 360×640", result,
                             copy, spent, scan_s, total,
                             f"– | {frames} (whole) | {len(leaks)} | {read_s:.0f} s"))
            for leak in leaks[:10]:
                print(f"read back ({clip.stem}):", *leak, file=sys.stderr)
            for number, each in enumerate(copy.proof.rounds):
                print(f"{clip.stem}:", each.line(number), *each.examples, file=sys.stderr)
            Path(copy.file).unlink()
    return rows


def main() -> None:
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines
    from bench.handheld import handheld_clip

    engines = Engines.load(ScanOptions())
    print(HEAD)
    print("|---|" + "---:|" * (HEAD.count("|") - 2))
    if sys.argv[1:] == ["--edges"]:
        print(*_edges(engines), sep="\n")
        return
    if sys.argv[1:] == ["--edge-pan"]:
        print(*_edge_pan(engines), sep="\n")
        return
    with tempfile.TemporaryDirectory() as tmp:
        clip = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp) / "handheld60.mp4"
        if len(sys.argv) <= 1:
            print("rendering the 60 s hand-held clip…", file=sys.stderr)
            handheld_clip(clip)
        result, copy, covers, spent, scan_s, total = _redact(clip, engines, Path(tmp))
        info = result.video
        checked, misses = uncovered(covers, result.findings, info.width, info.height,
                                    info.duration_s)
        clock = time.perf_counter()
        frames_read, crops, leaks = read_back(Path(copy.file), result.findings,
                                              info.width, info.height, info.duration_s,
                                              engines.ocr)
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
