"""Realistic clips: a presenter who moves all the time, filmed on a phone held in one hand.

Clinicians film themselves: the presenter talks and sways, the hand shakes, the phone pans to
show something and back, turns a little and moves nearer. Every pixel changes in every frame.

How a clip is made (`handheld_clip`):
1. A *room* larger than the frame: a wall with texture (low-frequency shading and fine noise, so
   the picture is never flat), a door and a shelf, and the things to be found on it, each drawn
   with Pillow's bundled font at the size a phone sees them: a ward whiteboard (bed, patient and
   notes columns), a chart on a screen (name, MRN, date of birth and vital signs, with a live
   ECG waveform that scrolls), and a wristband with its QR code.
2. A camera path through the room: slow pans from the presenter to each thing and back
   (smoothstep between key positions), hand shake (three sines between 1 and 6 Hz, tens of
   pixels), a small tilt (±2°) and zoom (±5%). Each frame is the room warped by that camera
   (`cv2.warpAffine`).
3. The presenter on top, in frame coordinates: a real talking face from the GRID corpus
   (../shared/realdata/video/grid), in an oval, swaying at about 1.5 Hz and drifting.
4. Captions drawn on top, still on the screen as an editing app puts them, coming and going.
5. Speech throughout (espeak-ng), muxed with the frames by ffmpeg (bench.clips.make_clip).

The truth: each thing in the room is planted for the times when its whole box is in the frame
and clear of the presenter's oval (computed from the same camera path), captions for their times,
speech for its words. A scan is right when it finds each of them, once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from bench.clips import (
    Caption,
    ClipTruth,
    Planted,
    Utterance,
    make_frames_clip,
    qr_image,
    video_frames,
)

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"


@dataclass(frozen=True)
class Entry:
    """A text drawn in the room, at room pixels (x, y, w, h), and what a scan must report."""

    text: str
    box: tuple[int, int, int, int]
    category: str | None


@dataclass
class Room:
    image: np.ndarray
    entries: list[Entry]
    waveform: tuple[int, int, int, int] | None = None  # where the live ECG is drawn
    anchors: dict[str, tuple[float, float]] | None = None  # camera centres showing each thing


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _write(draw: ImageDraw.ImageDraw, entries: list[Entry], xy: tuple[int, int], text: str,
           size: int, category: str | None, fill=(20, 20, 30)) -> None:
    font = _font(size)
    left, top, right, bottom = draw.textbbox(xy, text, font=font)
    draw.text(xy, text, font=font, fill=fill)
    entries.append(Entry(text, (left, top, right - left, bottom - top), category))


BOARD_ROWS = (
    ("Bed 1", "J. Okafor", "NBM"),
    ("Bed 2", "M. Whitaker", "Falls risk"),
    ("Bed 3", "S. Lindqvist", "IV fluids"),
    ("Bed 4", "", "Clean"),
)


def _board(draw, entries, x0: int, y0: int, scale: float) -> tuple[int, int, int, int]:
    """A ward whiteboard: frame, taped grid, marker entries in three inks."""
    w, h = int(900 * scale), int(560 * scale)
    draw.rectangle((x0, y0, x0 + w, y0 + h), fill=(236, 238, 240), outline=(160, 160, 168),
                   width=max(4, int(12 * scale)))
    _write(draw, entries, (x0 + int(30 * scale), y0 + int(22 * scale)), "WARD 7B  HANDOVER",
           int(44 * scale), "ward_context", fill=(30, 60, 150))
    cols = [x0 + int(c * scale) for c in (20, 190, 560, 880)]
    rows = [y0 + int(r * scale) for r in (90, 205, 320, 435, 545)]
    for y in rows:
        draw.line((cols[0], y, cols[-1], y), fill=(150, 90, 40), width=max(2, int(4 * scale)))
    for x in cols:
        draw.line((x, rows[0], x, rows[-1]), fill=(150, 90, 40), width=max(2, int(4 * scale)))
    inks = ((20, 20, 30), (20, 50, 160), (170, 30, 30))
    for r, (bed, name, note) in enumerate(BOARD_ROWS):
        y = rows[r] + int(30 * scale)
        size = int(46 * scale)
        _write(draw, entries, (cols[0] + int(18 * scale), y), bed, size, "location",
               fill=inks[0])
        if name:
            _write(draw, entries, (cols[1] + int(18 * scale), y), name, size, "name",
                   fill=inks[1])
        _write(draw, entries, (cols[2] + int(18 * scale), y), note, size, None, fill=inks[2])
    return x0, y0, w, h


def _chart(draw, entries, x0: int, y0: int, scale: float) -> tuple[tuple[int, int, int, int],
                                                                     tuple[int, int, int, int]]:
    """A screen showing a patient's chart: bezel, banner, the patient's details, vital signs,
    and a panel where a live ECG trace is drawn (returned second)."""
    w, h = int(820 * scale), int(560 * scale)
    draw.rectangle((x0, y0, x0 + w, y0 + h), fill=(35, 35, 40))
    left, top = x0 + int(22 * scale), y0 + int(22 * scale)
    right, bottom = x0 + w - int(22 * scale), y0 + h - int(22 * scale)
    draw.rectangle((left, top, right, bottom), fill=(248, 248, 250))
    draw.rectangle((left, top, right, top + int(54 * scale)), fill=(30, 90, 160))
    size = int(34 * scale)
    _write(draw, entries, (left + int(14 * scale), top + int(10 * scale)), "Patient summary",
           size, None, fill=(255, 255, 255))
    y = top + int(74 * scale)
    for text, category in (("Name: OLSON, Margaret", "name"), ("MRN: 00482913", "id"),
                           ("DOB: 03/14/1951", "date"), ("HR 72   BP 118/76   SpO2 97%", None)):
        _write(draw, entries, (left + int(16 * scale), y), text, size, category)
        y += int(62 * scale)
    wave = (left + int(16 * scale), y + int(6 * scale), right - left - int(32 * scale),
            bottom - y - int(18 * scale))
    return (x0, y0, w, h), wave


def _wristband(draw, entries, x0: int, y0: int, scale: float
               ) -> tuple[int, int, int, int]:
    """A patient wristband: a white band with the name, MRN and date of birth, and a QR code."""
    w, h = int(900 * scale), int(170 * scale)
    draw.rounded_rectangle((x0, y0, x0 + w, y0 + h), radius=int(30 * scale),
                           fill=(250, 250, 246), outline=(200, 200, 190), width=3)
    size = int(38 * scale)
    _write(draw, entries, (x0 + int(40 * scale), y0 + int(22 * scale)), "OKAFOR, John",
           size, "name")
    _write(draw, entries, (x0 + int(40 * scale), y0 + int(92 * scale)), "MRN 55102937",
           size, "id")
    return x0, y0, w, h


def build_room(width: int, height: int, seed: int = 0) -> Room:
    """The room the phone films, for a frame of `width`×`height` (the room is larger)."""
    rng = np.random.default_rng(seed)
    scale = width / 1080
    room_w, room_h = int(3600 * scale), int(2900 * scale)
    # wall: warm grey with a large soft shading and fine noise
    low = cv2.resize(rng.normal(0, 1, (8, 10)).astype(np.float32), (room_w, room_h),
                     interpolation=cv2.INTER_CUBIC)
    wall = 190 + 14 * low[..., None] + rng.normal(0, 4, (room_h, room_w, 1)).astype(np.float32)
    wall = wall * np.array([0.95, 1.0, 1.04], np.float32)  # BGR: a little warm
    image = Image.fromarray(np.clip(wall, 0, 255).astype(np.uint8)[:, :, ::-1])
    draw = ImageDraw.Draw(image)
    s = scale
    # a door and a shelf, so the room has edges everywhere
    draw.rectangle((int(1350 * s), int(1650 * s), int(1750 * s), int(2850 * s)),
                   fill=(120, 140, 160), outline=(70, 80, 90), width=6)
    draw.rectangle((int(2000 * s), int(1750 * s), int(2600 * s), int(1780 * s)),
                   fill=(110, 90, 70))
    for k in range(6):
        x = int((2020 + 90 * k) * s)
        draw.rectangle((x, int(1600 * s), x + int(60 * s), int(1750 * s)),
                       fill=tuple(int(v) for v in rng.integers(60, 200, 3)))
    entries: list[Entry] = []
    board = _board(draw, entries, int(2500 * s), int(420 * s), s)
    chart, wave = _chart(draw, entries, int(260 * s), int(420 * s), s)
    band = _wristband(draw, entries, int(1350 * s), int(300 * s), s)
    room = np.asarray(image)[:, :, ::-1].copy()
    code = qr_image("MRN 55102937 OKAFOR JOHN", max(2, int(5 * s)))
    qx = band[0] + band[2] - code.shape[1] - int(30 * s)
    qy = band[1] + (band[3] - code.shape[0]) // 2
    room[qy : qy + code.shape[0], qx : qx + code.shape[1]] = code

    def showing(box: tuple[int, int, int, int]) -> tuple[float, float]:
        # the camera centre that puts the thing in the frame's upper half, above the presenter
        x, y, w, h = box
        return x + w / 2, y + h / 2 + 0.22 * height

    anchors = {"presenter": (room_w / 2, room_h / 2), "board": showing(board),
               "chart": showing(chart), "band": showing(band)}
    return Room(room, entries, wave, anchors)


@dataclass(frozen=True)
class Camera:
    """Where the phone points at time t: centre in the room, turn (degrees) and zoom."""

    keys: tuple[tuple[float, str], ...]
    anchors: dict[str, tuple[float, float]]
    shake_px: float
    seed: int = 0

    def at(self, t: float) -> tuple[float, float, float, float]:
        cx, cy = self._path(t)
        rng = np.random.default_rng(self.seed)
        phases = rng.uniform(0, 2 * math.pi, 6)
        sx = sy = 0.0
        for k, hz in enumerate((1.3, 3.1, 5.7)):
            amplitude = self.shake_px / (k + 1)
            sx += amplitude * math.sin(2 * math.pi * hz * t + phases[k])
            sy += amplitude * math.sin(2 * math.pi * hz * 0.9 * t + phases[k + 3])
        turn = 2.0 * math.sin(2 * math.pi * t / 7.0)
        zoom = 1.0 + 0.05 * math.sin(2 * math.pi * t / 11.0)
        return cx + sx, cy + sy, turn, zoom

    def _path(self, t: float) -> tuple[float, float]:
        keys = self.keys
        if t <= keys[0][0]:
            return self.anchors[keys[0][1]]
        for (t0, a), (t1, b) in zip(keys, keys[1:], strict=False):
            if t0 <= t <= t1:
                u = (t - t0) / max(t1 - t0, 1e-9)
                u = u * u * (3 - 2 * u)  # smoothstep: a hand starts and stops gently
                (ax, ay), (bx, by) = self.anchors[a], self.anchors[b]
                return ax + (bx - ax) * u, ay + (by - ay) * u
        return self.anchors[keys[-1][1]]

    def matrix(self, t: float, width: int, height: int) -> np.ndarray:
        """The affine map from room pixels to frame pixels at time t."""
        cx, cy, turn, zoom = self.at(t)
        m = cv2.getRotationMatrix2D((cx, cy), turn, zoom)
        m[0, 2] += width / 2 - cx
        m[1, 2] += height / 2 - cy
        return m


def default_keys(duration_s: float) -> tuple[tuple[float, str], ...]:
    """Presenter, pan to the board, back; to the chart, back; to the wristband, back, spread
    over the clip (60 s: the board is in view about 10–19 s, the chart 29–38 s, the band
    46–53 s)."""
    u = duration_s / 60.0
    plan = ((0, "presenter"), (7, "presenter"), (10, "board"), (19, "board"), (22, "presenter"),
            (26, "presenter"), (29, "chart"), (38, "chart"), (41, "presenter"), (43, "presenter"),
            (46, "band"), (53, "band"), (56, "presenter"), (60, "presenter"))
    return tuple((t * u, name) for t, name in plan)


def _oval_mask(w: int, h: int) -> np.ndarray:
    mask = np.zeros((h, w), np.float32)
    cv2.ellipse(mask, (w // 2, h // 2), (w // 2 - 2, h // 2 - 2), 0, 0, 360, 1.0, -1)
    return cv2.GaussianBlur(mask, (0, 0), 3)[..., None]


class Presenter:
    """A real talking face in an oval, swaying in the lower part of the frame."""

    def __init__(self, width: int, height: int) -> None:
        frames = video_frames(REALDATA / "video/grid/bbaf2n.mpg")
        w = int(width * 0.62)
        h = int(w * 1.25)
        self.frames = [cv2.resize(f[20:270, 70:290], (w, h)) for f in frames]
        self.mask = _oval_mask(w, h)
        self.size = (w, h)
        self.width, self.height = width, height

    def box_at(self, t: float) -> tuple[int, int, int, int]:
        w, h = self.size
        x = (self.width - w) / 2 + 0.05 * self.width * math.sin(2 * math.pi * 1.5 * t)
        x += 0.04 * self.width * math.sin(2 * math.pi * t / 9.0)
        y = self.height - h - 0.03 * self.height + 0.015 * self.height * math.sin(
            2 * math.pi * 0.8 * t)
        return int(x), int(y), w, h

    def draw(self, frame: np.ndarray, t: float) -> None:
        x, y, w, h = self.box_at(t)
        face = self.frames[int(t * 25) % len(self.frames)].astype(np.float32)
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(frame.shape[1], x + w), min(frame.shape[0], y + h)
        under = frame[y0:y1, x0:x1].astype(np.float32)
        m = self.mask[y0 - y : y1 - y, x0 - x : x1 - x]
        f = face[y0 - y : y1 - y, x0 - x : x1 - x]
        frame[y0:y1, x0:x1] = (m * f + (1 - m) * under).astype(np.uint8)


def _ecg(room: np.ndarray, box: tuple[int, int, int, int], t: float, clean: np.ndarray) -> None:
    """A scrolling ECG trace drawn into the room's monitor panel."""
    x, y, w, h = box
    room[y : y + h, x : x + w] = clean
    xs = np.arange(w)
    phase = (xs / max(w, 1) * 4 + t * 1.2) % 1.0
    beat = np.exp(-((phase - 0.5) ** 2) / 0.0008) - 0.25 * np.exp(-((phase - 0.56) ** 2) / 0.001)
    ys = (h * 0.7 - beat * h * 0.55).astype(np.int32)
    points = np.stack([xs + x, ys + y], axis=1)[None]
    cv2.polylines(room, points, False, (40, 160, 40), 2, cv2.LINE_AA)


def _visible(entry: Entry, m: np.ndarray, width: int, height: int,
             presenter: tuple[int, int, int, int]) -> bool:
    x, y, w, h = entry.box
    corners = np.float32([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])
    seen = cv2.transform(corners[None], m)[0]
    if seen[:, 0].min() < 0 or seen[:, 1].min() < 0:
        return False
    if seen[:, 0].max() > width or seen[:, 1].max() > height:
        return False
    px, py, pw, ph = presenter
    # clear of the presenter's oval: the text's lowest edge above the oval's top third
    return not (seen[:, 1].max() > py + 0.1 * ph and seen[:, 0].max() > px and
                seen[:, 0].min() < px + pw)


def _intervals(flags: list[bool], fps: int, min_s: float = 0.5) -> list[tuple[float, float]]:
    spans, start = [], None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            if (index - start) / fps >= min_s:
                spans.append((start / fps, index / fps))
            start = None
    return spans


CAPTIONS = [
    ("Night shift: what I eat", 0.0, 6.0, None), ("Hydrate every hour", 6.5, 12.0, None),
    ("Stretch on your break", 13.0, 18.0, None), ("Call 617-555-0142", 22.0, 27.0, "phone"),
    ("Pack a real lunch", 30.0, 36.0, None), ("Patient: Anika Patel", 40.0, 44.0, "name"),
    ("Walk at the end", 47.0, 53.0, None), ("See you next week", 55.0, 60.0, None),
]
SENTENCES = [
    ("Here is what a night shift looks like for me.", ()),
    ("This is our handover board.", ()),
    ("My patient Mr Fischer is in room 12.", (("name", "Mr Fischer"), ("location", "room 12"))),
    ("I drink water every hour.", ()),
    ("And here is the chart on the screen.", ()),
    ("Her daughter Anika Patel visited today.", (("name", "Anika Patel"),)),
    ("Take your breaks and stretch.", ()),
    ("Always check the wristband first.", ()),
    ("Thanks for watching, see you next week.", ()),
]


def text_in_frame(width: int = 1080, height: int = 1920, duration_s: float = 60.0,
                  shake_px: float = 30.0, seed: int = 0):
    """Where each text of the room lies in the frame at time t, for a clip rendered by
    `handheld_clip` with the same arguments: a function t → [(entry, 4×2 corner array)]
    (the truth a redaction is checked against, frame by frame)."""
    room = build_room(width, height, seed)
    camera = Camera(default_keys(duration_s), room.anchors, shake_px * width / 1080, seed)

    def at(t: float) -> list[tuple[Entry, np.ndarray]]:
        m = camera.matrix(t, width, height)
        out = []
        for entry in room.entries:
            x, y, w, h = entry.box
            corners = np.float32([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])
            out.append((entry, cv2.transform(corners[None], m)[0]))
        return out

    return at


def handheld_clip(path: Path, *, width: int = 1080, height: int = 1920, duration_s: float = 60.0,
                  fps: int = 30, shake_px: float = 30.0, speech: bool = True, seed: int = 0,
                  captions: bool = True) -> ClipTruth:
    """Render a hand-held selfie clip (see the module docstring) and return its truth."""
    room = build_room(width, height, seed)
    camera = Camera(default_keys(duration_s), room.anchors, shake_px * width / 1080, seed)
    presenter = Presenter(width, height)
    scale = width / 1080
    u = duration_s / 60.0
    shown = [Caption(text, a * u, b * u, int(80 * scale), int(90 * scale), size=int(58 * scale),
                     category=category) for text, a, b, category in CAPTIONS] if captions else []
    utterances = []
    if speech:
        step = duration_s / len(SENTENCES)
        utterances = [Utterance(text, 0.6 + k * step, planted=planted)
                      for k, (text, planted) in enumerate(SENTENCES)
                      if 0.6 + k * step + 4.5 < duration_s]
    frames_total = int(round(duration_s * fps))
    seen = {entry: [] for entry in room.entries}
    wave_clean = None
    if room.waveform is not None:
        x, y, w, h = room.waveform
        wave_clean = room.image[y : y + h, x : x + w].copy()
    world = room.image.copy()

    def frame_at(index: int) -> np.ndarray:
        t = index / fps
        if room.waveform is not None:
            _ecg(world, room.waveform, t, wave_clean)
        m = camera.matrix(t, width, height)
        frame = cv2.warpAffine(world, m, (width, height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REFLECT)
        presenter.draw(frame, t)
        for entry in room.entries:
            seen[entry].append(_visible(entry, m, width, height, presenter.box_at(t)))
        return frame

    truth = make_frames_clip(path, width=width, height=height, duration_s=duration_s, fps=fps,
                             frame_at=frame_at, captions=shown, utterances=utterances)
    for entry in room.entries:
        if entry.category is None:
            continue
        source = "scene" if entry.category == "ward_context" else "screen"
        for start, end in _intervals(seen[entry][:frames_total], fps):
            truth.planted.append(Planted(source, entry.category, entry.text, start, end))
    return truth


def main() -> None:
    """Render a clip (60 s, 1080×1920, 30 fps unless told) to the path given and save a contact
    sheet of frames beside it: `python -m bench.handheld PATH [--seconds S] [--width W]
    [--fps F]` (the height is 16/9 of the width; `make screenshot` renders a short small one)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.handheld")
    parser.add_argument("path", nargs="?", type=Path, default=Path("out/handheld.mp4"))
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--width", type=int, default=1080)
    parser.add_argument("--fps", type=int, default=30)
    args = parser.parse_args()
    out: Path = args.path
    out.parent.mkdir(parents=True, exist_ok=True)
    height = int(round(args.width * 16 / 9 / 2)) * 2
    truth = handheld_clip(out, width=args.width, height=height, duration_s=args.seconds,
                          fps=args.fps)
    truth.write(out.with_suffix(".json"))
    capture = cv2.VideoCapture(str(out))
    tiles = []
    for share in (0.05, 0.2, 0.27, 0.4, 0.55, 0.67, 0.82, 0.97):
        capture.set(cv2.CAP_PROP_POS_MSEC, share * args.seconds * 1000)
        ok, frame = capture.read()
        if ok:
            tiles.append(cv2.resize(frame, (270, 480)))
    capture.release()
    cv2.imwrite(str(out.with_suffix(".png")), np.hstack(tiles))
    for planted in truth.planted:
        print(planted)


if __name__ == "__main__":
    main()
