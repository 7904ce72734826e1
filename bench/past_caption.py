"""A hand-held clip where a card sits cut by the frame's bottom (or top) edge, then the phone
tilts it in past the clip's caption.

A card of lines hangs on a textured wall. For 5 s the phone shows only a strip of its first line
at the bottom edge (`shown`: the share of the line's height in view; its last line at the top
edge), shaking; then it tilts in 1.5 s to rest with the card at 0.4 of the height. The caption
("Wash hands often", drawn over the picture on its own band at 0.88 of the height) lies across
the way in: the sample taken while its band hid the top of the first line read a mix of the two
(PP-OCR read "IMRIN UU 40Z913" for "MRN 00482913" there, sure of it at 0.91). An outside
tester's clip (540×960, 15 fps, 9 s), made again here. `where(t)` says where the first line's
letters are in the frame; `clear_s` is when the card has come to rest.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from bench.clips import Caption, ClipTruth, Planted, make_frames_clip
from bench.entering import KEPT, PannedRoom, _wall

TILT_S = (5.0, 6.5)  # the tilt that brings the card in


class CardPastCaption(PannedRoom):
    """The wall with the card, the caption, and the camera's path."""

    def __init__(self, edge: str, lines: list[str], font_file: Path, size: int, *,
                 shown: float = 0.35, width: int = 540, height: int = 960,
                 duration_s: float = 9.0, seed: int = 0):
        self.edge, self.lines, self.width, self.height = edge, lines, width, height
        self.duration_s = duration_s
        font = ImageFont.truetype(str(font_file), size)
        image = Image.fromarray(_wall(3 * width, 3 * height, seed))
        draw = ImageDraw.Draw(image)
        cx, cy = 1.5 * width, 1.5 * height
        widths = [draw.textbbox((0, 0), t, font=font) for t in lines]
        card_w, step = max(b[2] - b[0] for b in widths), int(size * 1.5)
        x0, y0 = int(cx - card_w / 2), int(cy - step * len(lines) / 2)
        draw.rectangle((x0 - 14, y0 - 14, x0 + card_w + 14, y0 + step * len(lines) + 4),
                       fill=(246, 246, 240))
        boxes = []
        for i, text in enumerate(lines):
            draw.text((x0, y0 + i * step), text, font=font, fill=(25, 25, 35))
            boxes.append(draw.textbbox((x0, y0 + i * step), text, font=font))
        self.room = np.asarray(image).copy()
        self.letters = boxes[0] if edge == "bottom" else boxes[-1]
        self.rest = (cx - width / 2, cy - 0.4 * height)
        top, bottom = self.letters[1], self.letters[3]
        self.start_y = (top + shown * (bottom - top) - height if edge == "bottom"
                        else bottom - shown * (bottom - top))
        self.phases = np.random.default_rng(seed).uniform(0, 6.28, 4)
        self.caption = Caption(KEPT, 0.0, duration_s, round(40 * width / 540),
                               int(0.88 * height), size=round(30 * width / 540))
        self.clear_s = TILT_S[1]

    def origin(self, t: float) -> tuple[float, float]:
        """The room point at the frame's top left corner at t: the tilt and a hand's shake."""
        u = min(1.0, max(0.0, (t - TILT_S[0]) / (TILT_S[1] - TILT_S[0])))
        u = u * u * (3 - 2 * u)
        p = self.phases
        x = self.rest[0] + 5 * math.sin(2 * math.pi * 1.7 * t + p[0]) + 3 * math.sin(
            2 * math.pi * 4.3 * t + p[1])
        y = self.start_y + (self.rest[1] - self.start_y) * u
        y += 4 * math.sin(2 * math.pi * 1.3 * t + p[2]) + 2 * math.sin(2 * math.pi * 3.7 * t + p[3])
        return x, y



def past_caption_clip(path: Path, edge: str, lines: list[str], font_file: Path, size: int, *,
                      category: str | None, shown: float = 0.35, fps: int = 15
                      ) -> tuple[ClipTruth, CardPastCaption]:
    """Render the clip; its truth names the line nearest the edge (with `category`, None for a
    harmless one) from when the card is at rest."""
    card = CardPastCaption(edge, lines, font_file, size, shown=shown)
    truth = make_frames_clip(Path(path), width=card.width, height=card.height,
                             duration_s=card.duration_s, fps=fps,
                             frame_at=lambda index: card.frame(index / fps),
                             captions=[card.caption])
    if category is not None:
        first = lines[0] if edge == "bottom" else lines[-1]
        truth.planted.append(Planted("screen", category, first, card.clear_s, card.duration_s))
    return truth, card
