"""A short hand-held clip where a card with an identifier comes into view from one edge.

The phone pans across a textured wall until a card on it ("Patient: Margaret Olson" or
"MRN 00482913") is in the frame, then holds, shaking a little all the time. The card enters
from the `edge` asked for: its first column (or row) shows some frames before enough of it is
in view for a scan to read it. A harmless caption ("Wash hands often") stays on the screen
all along, on the other side of the frame. `where(t)` says where the card's letters are in the
frame at t (the truth a redaction is checked against).

`sitting_clip`: the card first sits cut by the edge, `shown` px of its letters in view (a
character or two, too little to read), for seconds before it is panned in (issue 27: a line is
covered from the frame its first column shows, however long it sat there before it was read).
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from bench.clips import Caption, ClipTruth, Planted, caption_box, make_frames_clip

EDGES = ("left", "right", "top", "bottom")
TEXTS = {"left": "Patient: Margaret Olson", "right": "MRN 00482913",
         "top": "MRN 00482913", "bottom": "Patient: Margaret Olson"}
KEPT = "Wash hands often"
ARRIVE_S = (0.3, 2.0)  # the pan that brings the card in starts and ends then


def _wall(width: int, height: int, seed: int) -> np.ndarray:
    """Painted plaster: smooth shading, blotches and fine grain (corners to follow)."""
    rng = np.random.default_rng(seed)
    low = cv2.resize(rng.normal(0, 1, (height // 64 + 2, width // 64 + 2)).astype(np.float32),
                     (width, height), interpolation=cv2.INTER_CUBIC)
    wall = 170 + 18 * low[..., None] + np.float32([0, 6, 14])
    for _ in range(width * height // 6000):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        shade = float(rng.uniform(-30, 30))
        cv2.circle(wall, (x, y), int(rng.integers(3, 14)), (shade + 160,) * 3, -1)
    wall += rng.normal(0, 6, wall.shape).astype(np.float32)
    return cv2.GaussianBlur(wall, (3, 3), 0).clip(0, 255).astype(np.uint8)


class PannedRoom:
    """A room image seen through a frame that moves over it (`origin`, the frame's top left in
    the room at t): each frame, and where the letters followed (`letters`, room px) are in it."""

    room: np.ndarray
    letters: tuple[float, float, float, float]
    width: int
    height: int

    def origin(self, t: float) -> tuple[float, float]:
        raise NotImplementedError

    def where(self, t: float) -> tuple[float, float, float, float]:
        """The letters followed, in the frame at t (x0, y0, x1, y1), maybe partly outside."""
        ox, oy = self.origin(t)
        x0, y0, x1, y1 = self.letters
        return x0 - ox, y0 - oy, x1 - ox, y1 - oy

    def frame(self, t: float) -> np.ndarray:
        ox, oy = self.origin(t)
        m = np.float32([[1, 0, -ox], [0, 1, -oy]])
        return cv2.warpAffine(self.room, m, (self.width, self.height), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=(170, 176, 184))


class EnteringCard(PannedRoom):
    """The wall with the card on it, and the camera's path across it."""

    def __init__(self, edge: str, width: int, height: int, duration_s: float, seed: int = 0,
                 text: str | None = None, *, font_file: Path | None = None, shown: int = 0,
                 arrive_s: tuple[float, float] = ARRIVE_S):
        self.edge, self.width, self.height, self.duration_s = edge, width, height, duration_s
        self.text, self.arrive_s = text or TEXTS[edge], arrive_s
        image = Image.fromarray(_wall(3 * width, 3 * height, seed))
        draw = ImageDraw.Draw(image)
        size = max(14, round(26 * width / 360))
        font = (ImageFont.truetype(str(font_file), size) if font_file is not None
                else ImageFont.load_default(size=size))
        left, top, right, bottom = draw.textbbox((0, 0), self.text, font=font)
        cx, cy = 1.5 * width, 1.5 * height  # the card's centre on the wall
        x0, y0 = int(cx - (right + left) / 2), int(cy - (bottom + top) / 2)
        self.letters = draw.textbbox((x0, y0), self.text, font=font)
        pad = 10
        card = (self.letters[0] - pad, self.letters[1] - pad, self.letters[2] + pad,
                self.letters[3] + pad)
        draw.rectangle(card, fill=(246, 246, 240))
        draw.text((x0, y0), self.text, font=font, fill=(25, 25, 35))
        self.room = np.asarray(image).copy()
        # at rest the card's centre is at (width / 2, rest_y) in the frame, near the edge it
        # came in by (it creeps in, as a hand slowly tilts); at the start it is just past
        # `edge`, out of view
        cw, ch = card[2] - card[0], card[3] - card[1]
        rest_y = {"top": 0.15, "bottom": 0.75}.get(edge, 0.4) * height
        self.rest = (cx - width / 2, cy - rest_y)
        away = {"left": (width / 2 + cw / 2 + 16, 0), "right": (-(width / 2 + cw / 2 + 16), 0),
                "top": (0, rest_y + ch / 2 + 16),
                "bottom": (0, -(height - rest_y + ch / 2 + 16))}[edge]
        self.start = (self.rest[0] + away[0], self.rest[1] + away[1])
        if shown:  # `shown` px of the letters in view at the start, by `edge`
            lx0, ly0, lx1, ly1 = self.letters
            self.start = {"left": (lx1 - shown, self.start[1]),
                          "right": (lx0 - width + shown, self.start[1]),
                          "top": (self.start[0], ly1 - shown),
                          "bottom": (self.start[0], ly0 - height + shown)}[edge]
        else:
            self._check_path()
        caption_y = int(0.86 * height) if edge != "bottom" else int(0.08 * height)
        self.caption = Caption(KEPT, 0.0, duration_s, int(0.1 * width), caption_y,
                               size=max(14, round(26 * width / 360)))

    @property
    def caption_box(self) -> tuple[float, float, float, float]:
        """The harmless caption's letters (x0, y0, x1, y1): still on the screen."""
        return caption_box(self.caption, 0.0)

    def origin(self, t: float) -> tuple[float, float]:
        """The room point at the frame's top left corner at t: the pan plus a hand's shake."""
        a, b = self.arrive_s
        u = min(1.0, max(0.0, (t - a) / (b - a)))
        u = u * u * (3 - 2 * u)
        x = self.start[0] + (self.rest[0] - self.start[0]) * u
        y = self.start[1] + (self.rest[1] - self.start[1]) * u
        x += 4 * math.sin(2 * math.pi * 1.7 * t) + 2 * math.sin(2 * math.pi * 4.3 * t + 1)
        y += 3 * math.sin(2 * math.pi * 1.3 * t + 2) + 2 * math.sin(2 * math.pi * 3.7 * t)
        return x, y

    def _check_path(self) -> None:
        x0, y0, x1, y1 = self.where(0.0)
        assert x1 < 0 or x0 > self.width or y1 < 0 or y0 > self.height, "the card starts out"
        x0, y0, x1, y1 = self.where(ARRIVE_S[1])
        assert 0 <= x0 and x1 <= self.width and 0 <= y0 and y1 <= self.height, "and comes in"


def entering_clip(path: Path, edge: str, *, width: int = 360, height: int = 640,
                  duration_s: float = 3.0, fps: int = 15, seed: int = 0,
                  text: str | None = None) -> tuple[ClipTruth, EnteringCard]:
    """Render the clip; its truth (the card's text from the first frame it is whole in view,
    and the caption), and the card (for `where`); `text`: the card's, if not the edge's own."""
    card = EnteringCard(edge, width, height, duration_s, seed, text)
    truth = make_frames_clip(Path(path), width=width, height=height, duration_s=duration_s,
                             fps=fps, frame_at=lambda index: card.frame(index / fps),
                             captions=[card.caption])
    category = "name" if "Olson" in card.text else "id"
    truth.planted.append(Planted("screen", category, card.text, ARRIVE_S[1], duration_s))
    return truth, card


def sitting_clip(path: Path, edge: str, text: str, font_file: Path, *, shown: int = 22,
                 arrive_s: tuple[float, float] = (3.6, 4.4), duration_s: float = 5.4,
                 width: int = 360, height: int = 640, fps: int = 15
                 ) -> tuple[ClipTruth, EnteringCard]:
    """A clip where the card sits cut by `edge` (`shown` px of its letters in view, shaking)
    until `arrive_s`, is then panned in and held."""
    card = EnteringCard(edge, width, height, duration_s, text=text, font_file=font_file,
                        shown=shown, arrive_s=arrive_s)
    truth = make_frames_clip(Path(path), width=width, height=height, duration_s=duration_s,
                             fps=fps, frame_at=lambda index: card.frame(index / fps),
                             captions=[card.caption])
    category = "name" if "Olson" in text else "id"
    truth.planted.append(Planted("screen", category, text, arrive_s[1], duration_s))
    return truth, card
