"""Does a scan find what was planted, and nothing on clean video? Recall and false flags.

Run: `.venv/bin/python -m bench.accuracy` (needs ../shared/realdata for real faces and a real
monitor photo, and to scan the real videos). Prints Markdown tables for docs/measurements.md.

Clips (made by bench.clips, truth written by it):
- `vertical`: 1080×1920, 30 s: identifiers in captions of several sizes, some drifting; spoken
  names, rooms and ages (espeak-ng, two voices); a second real person for 4 s; a wristband QR
  code; a Code 128 label; a real monitor photo in the background; the presenter throughout.
- `landscape`: 1280×720, 20 s: a patient board of stacked labels and values, a bed sign, speech,
  and a drawn EHR table on a laptop screen, a little tilted.
- `ward_round`: 1280×720, 30 s: mostly speech; names, a bed, a spoken date of birth, a UK phone
  number and a hospital, in two voices; a drawn patient whiteboard, its writing too small to
  read, behind from 8 to 20 s.
- `clean-vertical`, `clean-landscape`: the same kinds of picture and speech with no identifier
  (tips, slogans, hashtags, vital signs said aloud, the presenter alone), with a blank ruled
  board and a tiled wall in the background, which must not be taken for patient boards.
- `handheld`: 1080×1920, 60 s (bench.handheld): a swaying presenter filmed on a hand-held phone
  (shake, pans, tilt, zoom) that pans to a ward whiteboard, a chart on a screen with a live ECG
  and a wristband with a QR code and back; captions come and go; speech throughout. Besides
  recall, it counts findings per distinct identifier on screen (1.0: each found once).
- `edges` (bench.edge_pan): 360×640, 7 s each, a ward board panned into view from each edge of
  the frame (right, left, bottom, top; three boards, four fonts): staff after RN/Dr/Nurse/HCA,
  initials and surnames, beds, an MRN, and ordinary words the edge cuts into name-like pieces
  ("Les" of "Less", "Brady" of "Bradycardia"). It counts recall, recall with the right text,
  findings per true item, how late each identifier is flagged after enough of it shows to
  identify it (four letters or digits), and findings no item accounts for. `--edges` runs only
  these; `--edges --held-out` runs the held-out ones instead (two more boards, four more fonts,
  50 and 110 px/s: for checking a change, not for tuning one).
- ../shared/realdata/video: real footage with no identifier (false flags only); the monitor
  footage among it must give a scene finding (counted under scene recall), the rest none.
- bench.overlays: 96 burned-in overlays of medical images and record banners, half with a
  patient's name; names recall and false names per overlay without one, per kind of image; then
  the same for the held-out set (another seed, other fonts, name forms and layouts).
- bench.speech_names: names caught in the real recordings of ../shared/realdata/speech, names
  shown on screen and said once (caught by speech alone, then with the picture's names as hints,
  and falsely "heard" where never said), and ward-context recall on bench.ward_phrases.
  `--speech` runs only these. `--clean` runs only the identifier-free video and prints its
  false identifier flags per minute.

A planted item counts as found when a finding of the same source overlaps its time. Precision
is the share of findings (identifiers and context) that overlap a planted item of their source.
False flags are identifier findings on identifier-free video, per minute of it. With
`--baseline`, the on-screen recall of a naive scan (one full-frame OCR a second) is measured on
the same clips for comparison (slow: about 4 s per frame).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import cv2

from bench.clips import (
    Caption,
    ClipTruth,
    Sticker,
    Utterance,
    chart_screen_image,
    code128_image,
    make_clip,
    patient_board_image,
    qr_image,
    scaled,
    tiled_wall_image,
    tilted,
    video_frames,
)

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
# Real clips without identifiers that do show a hospital scene, and what it is.
REAL_SCENES = {"patient_monitor_reader_monitor.m4v": "a blood-gas monitor, the whole clip"}


def vertical(folder: Path) -> ClipTruth:
    presenter = video_frames(REALDATA / "video/grid/bbaf2n.mpg", 2.0)
    other = video_frames(REALDATA / "video/grid/lwbsza.mpg", 0.9)
    monitor = cv2.imread(str(REALDATA / "images/monitors/moshes7_monitor_11.jpg"))
    return make_clip(
        folder / "vertical.mp4", width=1080, height=1920, duration_s=30.0, fps=30,
        stickers=[
            Sticker(presenter, 0.0, 30.0, 180, 700),
            Sticker(other, 12.0, 16.0, 640, 300, "face", "face", "second person"),
            Sticker((monitor,), 18.0, 26.0, 700, 1300, "scene", "ward_context", "monitor"),
            Sticker((qr_image("MRN 00482913 OLSON, MARGARET", 6),), 4.0, 8.0, 80, 1450,
                    "code", "code", "wristband QR"),
            Sticker((code128_image("00917264"),), 22.0, 27.0, 60, 1650, "code", "code",
                    "specimen label"),
        ],
        captions=[
            Caption("A day in the life", 0, 30, 80, 80, size=64),
            Caption("Patient: Margaret Olson", 1.0, 5.0, 80, 260, size=48, category="name"),
            Caption("MRN 00482913", 6.0, 10.0, 80, 330, size=40, category="id", drift_px=20),
            Caption("DOB 03/14/1951", 9.0, 13.0, 80, 420, size=36, category="date"),
            Caption("Room 412 Bed B", 14.0, 18.0, 80, 260, size=56, category="location"),
            Caption("Call 617-555-0142", 19.0, 23.0, 80, 500, size=32, category="phone"),
            Caption("OLSON, MARGARET", 24.0, 28.0, 80, 330, size=44, category="name",
                    drift_px=-15),
        ],
        utterances=[
            Utterance("My patient Margaret Olson had a good night.", 1.0,
                      (("name", "Margaret Olson"),)),
            Utterance("We moved Mr Fischer to room 12 this morning.", 7.0,
                      (("name", "Fischer"), ("location", "room 12"))),
            Utterance("She is ninety three years old.", 14.0, (("age", "93 years old"),),
                      voice="en-us"),
            Utterance("Her daughter Anika Patel visited today.", 20.0, (("name", "Anika Patel"),)),
        ],
    )


def landscape(folder: Path) -> ClipTruth:
    return make_clip(
        folder / "landscape.mp4", width=1280, height=720, duration_s=20.0, fps=25,
        stickers=[Sticker((scaled(tilted(chart_screen_image(seed=21), 3, 0.1), 0.7),), 3.0, 10.0,
                          880, 380, "scene", "ward_context", "EHR table on a laptop")],
        captions=[
            Caption("PATIENT BOARD", 0, 20, 60, 40, size=40),
            Caption("NAME", 2.0, 12.0, 60, 150, size=30),
            Caption("PRZYBYLO, EDWIN", 2.0, 12.0, 60, 195, size=34, category="name"),
            Caption("DOB", 2.0, 12.0, 560, 150, size=30),
            Caption("11/04/1938", 2.0, 12.0, 560, 195, size=34, category="date"),
            Caption("BED 7", 13.0, 19.0, 900, 300, size=60, category="location"),
            Caption("Bay 3 - Ward 7B", 13.0, 19.0, 60, 450, size=40, category="location"),
        ],
        utterances=[
            Utterance("This is the board on our ward.", 1.0, (("ward_context", "on our ward"),)),
            Utterance("Call his son on 617 555 0199 if he wakes.", 9.0,
                      (("phone", "617 555 0199"),)),
        ],
    )


def ward_round(folder: Path) -> ClipTruth:
    """Mostly speech: identifiers said the way a ward round says them, two voices."""
    return make_clip(
        folder / "ward_round.mp4", width=1280, height=720, duration_s=30.0, fps=25,
        stickers=[Sticker((scaled(patient_board_image(seed=22), 0.5),), 8.0, 20.0, 900, 150,
                          "scene", "ward_context", "patient whiteboard")],
        captions=[Caption("Morning round", 0, 30, 60, 40, size=40)],
        utterances=[
            Utterance("Mrs Gonzalez in bed four slept well.", 1.0,
                      (("name", "Gonzalez"), ("location", "bed 4")), voice="en-us"),
            Utterance("Her date of birth is the second of July nineteen forty.", 6.0,
                      (("date", "2 July 1940"),)),
            Utterance("Thomas Becker is going home today.", 12.0, (("name", "Thomas Becker"),),
                      voice="en-us"),
            Utterance("Ring his wife on 020 7946 0321.", 17.0, (("phone", "020 7946 0321"),)),
            Utterance("We sent him to Saint Mary's Hospital.", 25.5,
                      (("location", "Saint Mary's Hospital"),), voice="en-us"),
        ],
    )


def clean_vertical(folder: Path) -> ClipTruth:
    presenter = video_frames(REALDATA / "video/grid/swiz3n.mpg", 2.0)
    return make_clip(
        folder / "clean_vertical.mp4", width=1080, height=1920, duration_s=30.0, fps=30,
        stickers=[Sticker((scaled(patient_board_image(written=0.0, seed=23), 1.4),), 0.0, 30.0,
                          440, 1400),  # a blank ruled board
                  Sticker(presenter, 0.0, 30.0, 180, 700)],
        captions=[
            Caption("Night shift tips", 0, 30, 80, 80, size=64),
            Caption("Drink water every hour", 2.0, 8.0, 80, 300, size=48),
            Caption("#nightshift #nursetok", 9.0, 15.0, 80, 300, size=44, drift_px=20),
            Caption("Sleep 7-8 hours", 16.0, 22.0, 80, 300, size=48),
            Caption("20 seconds with soap", 23.0, 29.0, 80, 300, size=40),
        ],
        utterances=[
            Utterance("Today I will show you how I stay awake at night.", 1.0),
            Utterance("A normal heart rate is sixty to one hundred.", 9.0),
            Utterance("Take five minutes to stretch every two hours.", 17.0),
            Utterance("Follow for more tips.", 25.0),
        ],
    )


def clean_landscape(folder: Path) -> ClipTruth:
    return make_clip(
        folder / "clean_landscape.mp4", width=1280, height=720, duration_s=20.0, fps=25,
        stickers=[Sticker((tiled_wall_image(360, 260, 45),), 0.0, 20.0, 880, 400)],
        captions=[
            Caption("Hand hygiene in five steps", 0, 20, 60, 40, size=40),
            Caption("1. Wet your hands", 2.0, 6.0, 60, 300, size=36),
            Caption("2. Soap for 20 seconds", 6.0, 10.0, 60, 300, size=36),
            Caption("3. Rinse and dry", 10.0, 14.0, 60, 300, size=36),
            Caption("@nurse_amy", 14.0, 20.0, 900, 600, size=30),
        ],
        utterances=[Utterance("Wash your hands for twenty seconds every time.", 2.0)],
    )


def handheld(folder: Path) -> ClipTruth:
    from bench.handheld import handheld_clip

    return handheld_clip(folder / "handheld.mp4")


# scored by their own benches (bench/voices.py, bench/details.py), counted apart here
APART = ("voice", "detail", "combination")


def findings_per_identifier(result, truth) -> tuple[int, int]:
    """On-screen identifier findings, and the identifiers planted on screen (each stretch of
    time one is in view counts once: the wristband glimpsed, then shown, is two)."""
    found = [f for f in result.findings if f.source.value == "screen"
             and f.severity == "identifier"]
    return len(found), len([p for p in truth.planted if p.source == "screen"])


def naive_screen_times(path: str, engines) -> list[float]:
    """Times at which a naive scan (full OCR of one frame a second) flags some screen line."""
    from app.core.media.video import iter_samples
    from app.core.picture.ocr import group_into_lines

    times = []
    for t_s, frame in iter_samples(path, 1.0):
        lines = group_into_lines(engines.ocr.read(frame), t_s)
        if any(s.category.value != "ward_context"
               for line in lines for s in engines.detector.detect(line.text, beside_identifier=0)):
            times.append(t_s)
    return times


def edges(engines, folder: Path, held_out: bool = False) -> list[str]:
    """The edge clips' table (bench.edge_pan); `held_out`: the held-out clips instead."""
    from app.core.pipeline import analyze, run
    from bench.edge_pan import edge_clips, edge_score, edge_table, held_out_clips

    score = None
    for truth in (held_out_clips if held_out else edge_clips)(folder):
        score = edge_score(run(analyze(truth.clip.path, engines=engines)), truth, score)
    for line in score.false:
        print(f"- false flag: {line}", file=sys.stderr)
    late = [f"{text} {s:+.1f} s" for text, s in score.late if s > 0.5]
    if late:
        print(f"- late: {', '.join(late)}", file=sys.stderr)
    which = "held-out boards, fonts and speeds" if held_out else "bench.edge_pan"
    return [f"Identifiers panned in from each edge of the frame ({which}):", "",
            *edge_table(score)]


def right_text(finding, planted) -> bool:
    """The finding's text is the planted item's (a part of four characters or more counts)."""
    from app.core.findings.hits import normalise, part_of

    a, b = normalise(finding.text), normalise(planted.text)
    return bool(a and b) and (a in b or b in a) and (part_of(a, b) or a == b)


def overlaps(finding, planted) -> bool:
    return finding.start_s < planted.end_s + 0.25 and planted.start_s - 0.25 < finding.end_s


def main() -> int:
    if not REALDATA.is_dir():
        print(f"The real media are not at {REALDATA}.", file=sys.stderr)
        return 2
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines, analyze, run

    engines = Engines.load(ScanOptions())
    if "--speech" in sys.argv:
        _speech(engines)
        return 0
    if "--edges" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(edges(engines, Path(tmp), "--held-out" in sys.argv)))
        return 0
    if "--clean" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            _clean_only(engines, Path(tmp))
        return 0
    baseline_found = baseline_planted = 0
    found: Counter[tuple[str, str]] = Counter()
    found_right: Counter[tuple[str, str]] = Counter()
    planted_count: Counter[tuple[str, str]] = Counter()
    right = total = 0
    clean_minutes = 0.0
    false_flags: list[str] = []
    false_by: Counter[str] = Counter()
    false_looks: list[str] = []
    misses: list[str] = []
    apart: Counter[str] = Counter()
    apart_lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for make in (vertical, landscape, ward_round, handheld):
            truth = make(folder)
            result = run(analyze(truth.path, engines=engines))
            if make is handheld:
                per_identifier = findings_per_identifier(result, truth)
            for planted in truth.planted:
                key = (planted.source, planted.category)
                planted_count[key] += 1
                same = [f for f in result.findings
                        if f.source.value == planted.source and overlaps(f, planted)]
                if same:
                    found[key] += 1
                    found_right[key] += any(right_text(f, planted) for f in same)
                else:
                    misses.append(f"{Path(truth.path).name}: {planted}")
            for finding in result.findings:
                if finding.category.value in APART:
                    continue
                total += 1
                right += any(finding.source.value == p.source and overlaps(finding, p)
                             for p in truth.planted)
            if "--baseline" in sys.argv:
                times = naive_screen_times(truth.path, engines)
                screen = [p for p in truth.planted if p.source == "screen"]
                baseline_planted += len(screen)
                baseline_found += sum(any(p.start_s - 0.25 <= t < p.end_s + 0.25 for t in times)
                                      for p in screen)
        edge_lines = edges(engines, folder)
        clean = [clean_vertical(folder).path, clean_landscape(folder).path]
        clean += sorted(str(p) for p in (REALDATA / "video").rglob("*")
                        if p.suffix in (".mp4", ".m4v", ".mpg"))
        for path in clean:
            result = run(analyze(path, engines=engines))
            clean_minutes += result.video.duration_s / 60
            looks = [f for f in result.findings if f.source.value == "scene"]
            if Path(path).name in REAL_SCENES:  # real footage of a monitor: it must be seen
                planted_count[("scene", "ward_context")] += 1
                found[("scene", "ward_context")] += bool(looks)
                if not looks:
                    misses.append(f"{Path(path).name}: {REAL_SCENES[Path(path).name]}")
            else:
                false_looks += [f"{Path(path).name}: {f.text!r}" for f in looks]
            for finding in result.findings:
                if finding.category.value in APART:
                    apart[finding.category.value] += 1
                    apart_lines.append(f"{Path(path).name}: {finding.category.value} "
                                       f"{finding.text!r}")
                elif finding.severity == "identifier":
                    false_by[finding.category.value] += 1
                    false_flags.append(f"{Path(path).name}: {finding.source.value} "
                                       f"{finding.category.value} {finding.text!r}")
    print("| source | category | planted | found | recall | right text |")
    print("|---|---|---:|---:|---:|---:|")
    by_source: dict[str, list[int]] = {}
    for key in sorted(planted_count):
        n, k = planted_count[key], found[key]
        by_source.setdefault(key[0], [0, 0])
        by_source[key[0]][0] += n
        by_source[key[0]][1] += k
        # a face, a code or a scene is planted by a description: no text to be right about
        text = f"{found_right[key] / n:.2f}" if key[0] in ("screen", "speech") else "–"
        print(f"| {key[0]} | {key[1]} | {n} | {k} | {k / n:.2f} | {text} |")
    for source, (n, k) in sorted(by_source.items()):
        print(f"| **{source}** | all | {n} | {k} | **{k / n:.2f}** | |")
    print()
    print(f"Precision: {right} of {total} findings on the labelled clips match a planted item "
          f"({right / max(total, 1):.2f}). False identifier flags on {clean_minutes:.1f} min of "
          f"identifier-free video: {len(false_flags)} "
          f"({len(false_flags) / max(clean_minutes, 1e-9):.2f} per minute); scene findings "
          f"(a monitor or patient board seen where there is none): {len(false_looks)}.")
    print("False identifier flags per clean minute, by category: " + (", ".join(
        f"{c} {k / max(clean_minutes, 1e-9):.2f}" for c, k in sorted(false_by.items()))
        or "none") + ".")
    print(f"On the same identifier-free video (health education and real footage of one "
          f"speaker): voice findings {apart['voice']}, combination findings "
          f"{apart['combination']}, detail findings (context, allowed) {apart['detail']}.")
    flagged, distinct = per_identifier
    print(f"Hand-held clip: {flagged} on-screen identifier findings for {distinct} identifiers "
          f"planted on screen ({flagged / max(distinct, 1):.2f} per identifier).")
    print()
    print("\n".join(edge_lines))
    print()
    if baseline_planted:
        ours = sum(found[k] for k in found if k[0] == "screen")
        print(f"On-screen recall of a naive scan (OCR one full frame a second, same detectors): "
              f"{baseline_found}/{baseline_planted} = {baseline_found / baseline_planted:.2f}; "
              f"this scan: {ours}/{baseline_planted} = {ours / baseline_planted:.2f}.")
    _overlays(engines)
    _speech(engines)
    for line in misses:
        print(f"- missed: {line}", file=sys.stderr)
    for line in false_flags + false_looks + apart_lines:
        print(f"- false flag: {line}", file=sys.stderr)
    return 0


def _clean_only(engines, folder: Path) -> None:
    """`--clean`: only the identifier-free video (the clean clips and ../shared/realdata/video),
    its false identifier flags per minute, each printed to stderr (a quicker check of a
    detector change than the whole bench; the full run prints the same line)."""
    from app.core.pipeline import analyze, run

    clean = [clean_vertical(folder).path, clean_landscape(folder).path]
    clean += sorted(str(p) for p in (REALDATA / "video").rglob("*")
                    if p.suffix in (".mp4", ".m4v", ".mpg"))
    minutes, flags = 0.0, []
    for path in clean:
        result = run(analyze(path, engines=engines))
        minutes += result.video.duration_s / 60
        flags += [f"{Path(path).name}: {f.source.value} {f.category.value} {f.text!r}"
                  for f in result.findings
                  if f.category.value not in APART and f.severity == "identifier"]
    print(f"False identifier flags on {minutes:.1f} min of identifier-free video: {len(flags)} "
          f"({len(flags) / max(minutes, 1e-9):.2f} per minute).")
    for line in flags:
        print(f"- false flag: {line}", file=sys.stderr)


def _overlays(engines) -> None:
    """Names in burned-in overlays (bench.overlays: 96 rendered images, read as frames)."""
    from bench import overlays

    print()
    print("Names in burned-in overlays (`python -m bench.overlays`):")
    print()
    overlays.print_table(overlays.measure(overlays.overlay_set(), engines.ocr, engines.detector))
    print()
    print("The held-out overlays (`python -m bench.overlays --held-out`: another seed, other "
          "fonts, name forms and layouts):")
    print()
    held_out = overlays.overlay_set(seed=overlays.HELD_OUT_SEED, held_out=True)
    overlays.print_table(overlays.measure(held_out, engines.ocr, engines.detector))


def _speech(engines) -> None:
    """Names in real speech and with the picture's help, ward context (bench.speech_names)."""
    from bench import speech_names

    print()
    print("Speech (`python -m bench.speech_names`):")
    print()
    speech_names.print_table(engines)


if __name__ == "__main__":
    sys.exit(main())
