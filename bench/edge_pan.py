"""Hand-held pans that bring a board into view from one edge of the frame.

A clinician's phone pans to a ward board: for a second or two its lines are cut by the frame's
edge, the name half shown, an ordinary word cut into something name-like ("Les" of "Less",
"Brady" of "Bradycardia"). A scan should flag an identifier as soon as enough of it shows
(four letters of a name, four digits of a number), never flag a cut ordinary word, and give
one finding per identifier however the line is read as it comes in.

How a clip is made (`edge_clip`):
1. A wall (soft shading and fine noise) with a board on it: lines written with one of the
   system's DejaVu fonts (or Pillow's own), dark ink on a light card.
2. The camera starts with the board just outside the frame beyond `edge` (left, right, top or
   bottom) and pans it into view at a steady, slow speed, with a hand's shake (a few px at
   1-6 Hz) and a small tilt, then holds.
3. The truth, per identifier: when it becomes identifiable (its whole height in the frame and
   four of its letters or digits, or all of it when shorter; a bed, bay or room: its whole
   number and three letters of its label, all of it when shorter, since "Room" without its
   number identifies nothing), when it is whole in view, and the decoys: pieces of ordinary
   words the edge cuts that must never be flagged.

The held-out set (`HELD_OUT`, `held_out_clips`) has two boards, four fonts and two speeds the
code was not tuned on: run it only to check a change, never to shape one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from bench.clips import ClipTruth, Planted, make_frames_clip

EDGES = ("right", "left", "bottom", "top")
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansCondensed-Bold.ttf",
              "DejaVuSansMono.ttf")
HELD_OUT_FONTS = ("DejaVuSerif-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono-Bold.ttf",
                  "DejaVuSerifCondensed.ttf")
ALL_FONTS = FONT_FILES + HELD_OUT_FONTS  # indices 0-3: the tuned set, 4-7: held out
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# (line, identifiers in it as (category, text)); the decoys below are ordinary lines
BOARDS = (
    (("RN: Ann   Dr: Mensah", (("name", "Ann"), ("name", "Mensah"))),
     ("Bed 3   J. Okafor", (("location", "Bed 3"), ("name", "Okafor"))),
     ("Bradycardia watch", ()),
     ("Less fluid tonight", ())),
    (("Nurse: Maria   HCA: Novak", (("name", "Maria"), ("name", "Novak"))),
     ("Bay 2   M. Whitaker", (("location", "Bay 2"), ("name", "Whitaker"))),
     ("Markers in drawer", ()),
     ("MRN 55102937", (("id", "55102937"),))),
    (("Charge: Hughes", (("name", "Hughes"),)),
     ("Room 14   P. Gonzalez", (("location", "Room 14"), ("name", "Gonzalez"))),
     ("Lessons learned", ()),
     ("Wellness check at noon", ())),
    # held out (boards 3 and 4): other layouts, labels, name lengths and cut words
    (("Sister: Kim   Dr: Adeyemi", (("name", "Kim"), ("name", "Adeyemi"))),
     ("Cubicle 7   R. Castellano", (("location", "Cubicle 7"), ("name", "Castellano"))),
     ("Carers visit after six", ()),
     ("Handover at 19:30", ())),
    (("Room 22   Ms Fitzgerald", (("location", "Room 22"), ("name", "Fitzgerald"))),
     ("Physio: Tomasz   OT: Ruth", (("name", "Tomasz"), ("name", "Ruth"))),
     ("Mobilise with frame", ()),
     ("Hospital no 40417726", (("id", "40417726"),))),
)
TUNED_BOARDS = 3  # boards 0-2; 3 and 4 are held out
# words an edge may cut into a name-like piece: a finding whose text is one is a false flag
DECOYS = ("les", "less", "lesso", "lessons", "brady", "bradyc", "mark", "marke", "markers",
          "ness", "wellness", "lness", "ellness", "noon", "watch", "drawer")


@dataclass
class EdgeItem:
    """An identifier on the board and when it shows."""

    category: str
    text: str
    line: str
    identifiable_s: float | None  # first time enough of it shows to identify it
    whole_s: float | None  # first time all of it is in the frame
    end_s: float


@dataclass
class EdgeTruth:
    clip: ClipTruth
    edge: str
    items: list[EdgeItem] = field(default_factory=list)
    # frame index → [(identifier, its letters' box x0, y0, x1, y1 in the frame, maybe partly
    # outside)]: where each really is, for reading a copy back there
    where: dict[int, list[tuple[str, tuple[float, float, float, float]]]] = field(
        default_factory=dict)
    fps: int = 10


def font_for(index: int, size: int) -> ImageFont.FreeTypeFont:
    """One of the system's DejaVu fonts (Pillow's own where they are missing)."""
    path = FONT_DIR / ALL_FONTS[index % len(ALL_FONTS)]
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _glyph_boxes(draw, xy, text, font) -> list[tuple[int, int, int, int]]:
    """Each character's box (x0, y0, x1, y1) as drawn at xy."""
    boxes = []
    for end in range(1, len(text) + 1):
        left = draw.textbbox(xy, text[: end - 1], font=font)[2] if end > 1 else xy[0]
        _, top, right, bottom = draw.textbbox(xy, text[:end], font=font)
        boxes.append((left, top, right, bottom))
    return boxes


def _draw_board(size: tuple[int, int], board, font_index: int, text_px: int, seed: int):
    """The wall with the board on it, and each line's text, glyph boxes and identifiers."""
    rng = np.random.default_rng(seed)
    width, height = size
    low = cv2.resize(rng.normal(0, 1, (6, 6)).astype(np.float32), (width, height),
                     interpolation=cv2.INTER_CUBIC)
    wall = 170 + 15 * low[..., None] + rng.normal(0, 4, (height, width, 1)).astype(np.float32)
    image = Image.fromarray(np.clip(wall * np.float32([1.0, 0.98, 0.94]), 0, 255)
                            .astype(np.uint8)[:, :, ::-1])
    draw = ImageDraw.Draw(image)
    font = font_for(font_index, text_px)
    widths = [draw.textbbox((0, 0), text, font=font)[2] for text, _ in board]
    pad, step = text_px, int(text_px * 1.8)
    bw, bh = max(widths) + 2 * pad, step * len(board) + pad
    x0, y0 = (width - bw) // 2, (height - bh) // 2
    draw.rectangle((x0, y0, x0 + bw, y0 + bh), fill=(238, 240, 236), outline=(120, 120, 128),
                   width=3)
    lines = []
    ink = ((25, 25, 35), (25, 50, 150), (150, 30, 30))
    for k, (text, identifiers) in enumerate(board):
        xy = (x0 + pad, y0 + pad // 2 + k * step)
        draw.text(xy, text, font=font, fill=ink[k % len(ink)])
        lines.append((text, _glyph_boxes(draw, xy, text, font), identifiers))
    room = np.asarray(image)[:, :, ::-1].copy()
    return room, lines, (x0, y0, bw, bh)


def _path(edge: str, board_box, frame, t: float, start_s: float, speed: float):
    """The camera's centre in the room at t: the board just beyond `edge` until `start_s`,
    then panned into view at `speed` px/s until it is in the middle of the frame."""
    x0, y0, bw, bh = board_box
    fw, fh = frame
    centre = (x0 + bw / 2, y0 + bh / 2)
    start = {"right": (x0 - fw / 2 - 4, centre[1]), "left": (x0 + bw + fw / 2 + 4, centre[1]),
             "bottom": (centre[0], y0 - fh / 2 - 4), "top": (centre[0], y0 + bh + fh / 2 + 4)}[edge]
    distance = math.hypot(centre[0] - start[0], centre[1] - start[1])
    u = min(1.0, max(0.0, (t - start_s) * speed / distance))
    return start[0] + (centre[0] - start[0]) * u, start[1] + (centre[1] - start[1]) * u


def _matrix(centre, t: float, frame, shake_px: float, seed: int) -> np.ndarray:
    phases = np.random.default_rng(seed).uniform(0, 2 * math.pi, 6)
    sx = sum(shake_px / (k + 1) * math.sin(2 * math.pi * hz * t + phases[k])
             for k, hz in enumerate((1.3, 3.1, 5.7)))
    sy = sum(shake_px / (k + 1) * math.sin(2 * math.pi * hz * 0.9 * t + phases[k + 3])
             for k, hz in enumerate((1.3, 3.1, 5.7)))
    cx, cy = centre[0] + sx, centre[1] + sy
    m = cv2.getRotationMatrix2D((cx, cy), 1.0 * math.sin(2 * math.pi * t / 5.0), 1.0)
    m[0, 2] += frame[0] / 2 - cx
    m[1, 2] += frame[1] / 2 - cy
    return m


def _inside(box, m: np.ndarray, frame) -> bool:
    x0, y0, x1, y1 = box
    corners = cv2.transform(np.float32([[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]]), m)[0]
    return bool(corners[:, 0].min() >= 0 and corners[:, 1].min() >= 0
                and corners[:, 0].max() <= frame[0] and corners[:, 1].max() <= frame[1])


def _letters(glyphs, m: np.ndarray) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) around these glyph boxes as the camera `m` shows them."""
    corners = np.float32([[[x, y] for x0, y0, x1, y1 in glyphs
                           for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]])
    seen = cv2.transform(corners, m)[0]
    return (float(seen[:, 0].min()), float(seen[:, 1].min()), float(seen[:, 0].max()),
            float(seen[:, 1].max()))


def _shown(glyphs, start: int, text: str, m, frame, category: str) -> tuple[bool, bool]:
    """Whether enough of the identifier is in the frame to identify it (four of its letters
    and digits, all when fewer; a bed or room: its whole number and three letters of its
    label), and whether all of it is."""
    marks = [k for k in range(start, start + len(text)) if text[k - start].isalnum()]
    inside = {k for k in marks if _inside(glyphs[k], m, frame)}
    digits = [k for k in marks if text[k - start].isdigit()]
    if category == "location" and digits:
        letters = len(marks) - len(digits)
        enough = set(digits) <= inside and len(inside) - len(digits) >= min(3, letters)
    else:
        enough = len(inside) >= min(4, len(marks))
    return enough, len(inside) == len(marks)


def edge_clip(path: Path, *, edge: str = "right", width: int = 360, height: int = 640,
              duration_s: float = 5.0, fps: int = 10, board: int = 0, font: int = 0,
              text_px: int | None = None, shake_px: float = 3.0, seed: int = 0,
              start_s: float = 0.5, speed_px_s: float | None = None) -> EdgeTruth:
    """Render a clip whose board pans in from `edge`, and return what it shows when."""
    text_px = text_px or max(14, width // 16)
    speed = speed_px_s or 70.0 * width / 360
    room_size = (width * 3, height * 3)
    room, lines, board_box = _draw_board(room_size, BOARDS[board % len(BOARDS)], font, text_px,
                                         seed)
    frame = (width, height)
    total = int(round(duration_s * fps))
    state: dict[tuple[str, str], list] = {}
    where: dict[int, list[tuple[str, tuple[float, float, float, float]]]] = {}
    for text, glyphs, identifiers in lines:
        for category, found in identifiers:
            state[(text, found)] = [category, text.index(found), glyphs, None, None, None]

    def frame_at(index: int) -> np.ndarray:
        t = index / fps
        centre = _path(edge, board_box, frame, t, start_s, speed)
        m = _matrix(centre, t, frame, shake_px, seed)
        where[index] = [(found, _letters(item[2][item[1]:item[1] + len(found)], m))
                        for (_, found), item in state.items()]
        for (_, found), item in state.items():
            enough, whole = _shown(item[2], item[1], found, m, frame, item[0])
            if enough and item[3] is None:
                item[3] = t
            if whole and item[4] is None:
                item[4] = t
            if whole:
                item[5] = t + 1 / fps
        return cv2.warpAffine(room, m, frame, flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REFLECT)

    clip = make_frames_clip(path, width=width, height=height, duration_s=duration_s, fps=fps,
                            frame_at=frame_at, captions=[], utterances=[])
    assert total > 0
    truth = EdgeTruth(clip, edge, where=where, fps=fps)
    for (text, found), (category, _, _, identifiable, whole, end) in state.items():
        truth.items.append(EdgeItem(category, found, text, identifiable, whole,
                                    end if end is not None else duration_s))
        if whole is not None:
            clip.planted.append(Planted("screen", category, found, whole, end or duration_s))
    return truth


def main() -> None:
    """Render one clip per edge and print what each shows when (a look at the generator)."""
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/edges")
    out.mkdir(parents=True, exist_ok=True)
    for k, edge in enumerate(EDGES):
        truth = edge_clip(out / f"edge_{edge}.mp4", edge=edge, board=k, font=k, seed=k,
                          duration_s=7.0)
        capture = cv2.VideoCapture(truth.clip.path)
        tiles = []
        for t in (1.5, 2.5, 3.5, 4.5, 6.5):
            capture.set(cv2.CAP_PROP_POS_MSEC, t * 1000)
            ok, image = capture.read()
            if ok:
                tiles.append(cv2.resize(image, (180, 320)))
        capture.release()
        cv2.imwrite(str(out / f"edge_{edge}.png"), np.hstack(tiles))
        for item in truth.items:
            print(edge, item)


if __name__ == "__main__":
    main()


def _same(finding_text: str, item_text: str) -> bool:
    a, b = _normal(finding_text), _normal(item_text)
    short, long = sorted((a, b), key=len)
    return bool(short) and (short in long) and (len(short) >= 4 or short == b)


def _normal(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


@dataclass
class EdgeScore:
    """What a scan of one edge clip got right, per category."""

    planted: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)  # a finding of its category overlaps it
    right_text: dict[str, int] = field(default_factory=dict)  # ...whose text is the item's
    findings: int = 0  # identifier findings on screen
    late: list[tuple[str, float]] = field(default_factory=list)  # (item, s after identifiable)
    false: list[str] = field(default_factory=list)  # findings no item accounts for
    minutes: float = 0.0


def edge_score(result, truth: EdgeTruth, score: EdgeScore | None = None) -> EdgeScore:
    """Score a scan of an edge clip (adding to `score`)."""
    score = score or EdgeScore()
    score.minutes += truth.clip.duration_s / 60
    screen = [f for f in result.findings if f.source.value == "screen"
              and f.severity == "identifier"]
    score.findings += len(screen)
    for item in truth.items:
        if item.whole_s is None:
            continue
        key = item.category
        score.planted[key] = score.planted.get(key, 0) + 1
        same = [f for f in screen if f.category.value == key and f.start_s < item.end_s + 0.25
                and item.whole_s - 0.25 < f.end_s]
        score.found[key] = score.found.get(key, 0) + bool(same)
        right = [f for f in same if _same(f.text, item.text)]
        score.right_text[key] = score.right_text.get(key, 0) + bool(right)
        if right and item.identifiable_s is not None:
            score.late.append((item.text, min(f.start_s for f in right) - item.identifiable_s))
    for finding in screen:
        if not any(finding.category.value == i.category and _same(finding.text, i.text)
                   for i in truth.items):
            score.false.append(f"{truth.edge}: {finding.category.value} {finding.text!r}")
    return score


def edge_table(score: EdgeScore) -> list[str]:
    """Markdown lines: recall, recall with the right text, findings per item, lateness."""
    lines = ["| category | planted | found | recall | right text |", "|---|---:|---:|---:|---:|"]
    for key in sorted(score.planted):
        n, k, r = score.planted[key], score.found[key], score.right_text[key]
        lines.append(f"| {key} | {n} | {k} | {k / n:.2f} | {r / n:.2f} |")
    items = sum(score.planted.values())
    within = sum(late <= 0.5 for _, late in score.late)
    lines.append("")
    lines.append(f"Findings per true item: {score.findings}/{items} = "
                 f"{score.findings / max(items, 1):.2f}. Flagged within 0.5 s of becoming "
                 f"identifiable: {within}/{len(score.late)}; worst "
                 f"{max((late for _, late in score.late), default=0):.1f} s. False flags: "
                 f"{len(score.false)} in {score.minutes:.1f} min "
                 f"({len(score.false) / max(score.minutes, 1e-9):.2f} per minute).")
    return lines


CLIPS = tuple((edge, board, font) for edge in EDGES for board, font in ((0, 0), (1, 1), (2, 2)))
# (edge, board, font, speed px/s): the held-out boards 3 and 4 in the held-out fonts 4-7, slower
# and faster than the tuned set's 70 px/s
HELD_OUT = tuple((edge, board, 4 + (k + board) % 4, (50.0, 110.0)[(k + board) % 2])
                 for k, edge in enumerate(EDGES) for board in (3, 4))


def edge_clips(folder: Path, clips=CLIPS, **kwargs):
    """The bench's edge clips: each board from each edge, fonts varied (360×640, 7 s)."""
    for k, (edge, board, font) in enumerate(clips):
        yield edge_clip(folder / f"edge_{edge}_{board}.mp4", edge=edge, board=board,
                        font=(font + k) % len(FONT_FILES), seed=k, duration_s=7.0, **kwargs)


def held_out_clips(folder: Path, clips=HELD_OUT):
    """The held-out edge clips (360×640, 8 s): boards, fonts and speeds not tuned on."""
    for k, (edge, board, font, speed) in enumerate(clips):
        yield edge_clip(folder / f"held_{edge}_{board}.mp4", edge=edge, board=board, font=font,
                        seed=100 + k, duration_s=8.0, speed_px_s=speed)
