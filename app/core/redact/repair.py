"""Repairs of a copy the proof found leaking: covers widened and extended where it read.

Each read of a hidden text (read_back.Leak), each face or code seen where one was hidden
(look_back.py) and each box of a hidden finding the copy's re-scan found again becomes a patch: the
rectangle read, padded like a cover (a third of the line's height, 8 px at least: on a face's box,
taller than wide, more than its cover's 30%) and by HOLD_PX more for the camera's shake, hidden
over the frames from HOLD_S before to HOLD_S after the read (the proof reads whole frames only one
in three away from the covers, so the frames between are patched too). The copy is then written
again with its covers and the patches, and read back again: the frames around a patch are read
every frame then, like any cover's. A leak before the first frame a cover was drawn in (or after
the last) is patched BEYOND_S further that way: what shows at the edge of the frames read was
likely there before too (a face the cover starts late on), and each round reads only
read_back.MARGIN_S beyond. A patch belongs to the finding whose text it read, and is counted in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.geometry import Rect
from app.core.models import Finding
from app.core.redact.cover import clip, pad
from app.core.redact.read_back import Leak

MAX_ROUNDS = 2  # repairs before the copy is called not safe
HOLD_S = 0.12  # a patch covers this long either side of the read it comes from
HOLD_PX = 12  # and this much more each way than a cover's own padding
BEYOND_S = 0.5  # a leak beyond a path's ends is patched this long further out


@dataclass(frozen=True)
class Patch:
    """A rectangle hidden over a stretch of time, for the finding `key`."""

    key: str
    start_s: float
    end_s: float
    rect: Rect

    def at(self, t_s: float) -> bool:
        return self.start_s <= t_s <= self.end_s


def patches_for(leaks: list[Leak], size: tuple[int, int]) -> list[Patch]:
    """A patch over each read of a hidden text, and each face or code seen where hidden."""
    out = []
    for leak in leaks:
        x, y, w, h = pad(leak.rect)
        rect = clip((x - HOLD_PX, y - HOLD_PX, w + 2 * HOLD_PX, h + 2 * HOLD_PX), size)
        if rect is not None:
            before, after = (BEYOND_S if leak.beyond == -1 else HOLD_S,
                             BEYOND_S if leak.beyond == 1 else HOLD_S)
            out.append(Patch(leak.key, leak.t_s - before, leak.t_s + after, rect))
    return out


def patches_found_again(found: list[tuple[str, Finding]], size: tuple[int, int]
                        ) -> list[Patch]:
    """A patch over each box of a finding the copy's re-scan found again (the hidden
    finding's id, and the copy's finding), from one sample before its box to one after."""
    leaks = [Leak(round(box.t_s, 3), (box.x, box.y, box.w, box.h), again.text, key)
             for key, again in found for box in again.boxes]
    out = []
    for patch in patches_for(leaks, size):
        out.append(Patch(patch.key, patch.start_s - 0.5, patch.end_s + 0.5, patch.rect))
    return out
