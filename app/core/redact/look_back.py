"""The copy looked at again for the faces and codes it hid (issue 27 item 3, with read_back.py).

In every frame from read_back.MARGIN_S before the first frame a face's (or a code's) cover was
drawn to MARGIN_S after the last, the region around it (the cover drawn then, or the nearest one
in time, grown by half its size and MARGIN_PX each way) is given to the app's own detectors:
CenterFace (picture/faces.py, at a lower threshold than the scan's) for a hidden face, the code
reader (picture/codes.py: zxing-cpp, then OpenCV's QR and barcode finders) for a hidden code.
The overlapping regions of one frame are looked at once, in every such frame but where the region
shows what it showed when last looked at clean (same_crop.py, as the OCR's regions; at least
every read_back.RECHECK_FRAMES frames): the detectors would find what they found then.

A face found there *leaks* when at least FACE_SHARE of its box lies in the hidden face's
expected place: the cover drawn in that frame grown by a quarter of its size each way, or, in a
frame where none was drawn (before the path, after it, in a gap), the nearest cover grown by
half (the face moves). A code leaks when it meets its expected place, decoded or not, or when
anything in the region decodes to the hidden code's payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from app.core.geometry import Rect, rects_meet
from app.core.redact.read_back import CODE, FACE, MARGIN_PX, Hidden, Leak, letters, merged
from app.core.redact.same_crop import LastReads

if TYPE_CHECKING:
    from app.core.picture.codes import CodeReader
    from app.core.picture.faces import FaceDetector

FACE_THRESHOLD = 0.4  # CenterFace's score for a face here (the scan's is 0.5: a part shows)
FACE_SHARE = 0.25  # of a face's box inside the expected place, for it to be the hidden one


@dataclass
class Looked:
    """What looking at the faces' and codes' regions cost: regions given to each detector."""

    face_regions: int = 0
    code_regions: int = 0
    unchanged: int = 0  # regions not looked at again: the same as when looked at clean


def grown(rect: Rect, share: float, size: tuple[int, int] | None = None, more: int = 0) -> Rect:
    """`rect` grown by `share` of its width and height each way and `more` px (clipped to
    `size` when given)."""
    dx, dy = round(rect[2] * share) + more, round(rect[3] * share) + more
    x0, y0, x1, y1 = rect[0] - dx, rect[1] - dy, rect[0] + rect[2] + dx, rect[1] + rect[3] + dy
    if size is not None:
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(size[0], x1), min(size[1], y1)
    return x0, y0, max(1, x1 - x0), max(1, y1 - y0)


def expected(hidden: Hidden, t_s: float) -> Rect:
    """Where the hidden face or code is taken to be at `t_s` (see the module docstring)."""
    drawn = hidden.drawn(t_s)
    return grown(drawn, 0.25) if drawn is not None else grown(hidden.cover(t_s), 0.5)


def share_inside(rect: Rect, place: Rect) -> float:
    """The share of `rect`'s area that lies inside `place`."""
    w = min(rect[0] + rect[2], place[0] + place[2]) - max(rect[0], place[0])
    h = min(rect[1] + rect[3], place[1] + place[3]) - max(rect[1], place[1])
    return max(0, w) * max(0, h) / max(1, rect[2] * rect[3])


def look(t_s: float, frame: np.ndarray, near: list[Hidden], faces: FaceDetector | None,
         codes: CodeReader | None, looked: Looked, last: LastReads | None = None
         ) -> list[Leak]:
    """The leaks of the hidden faces and codes `near` this frame (around their paths); with
    `last`, a region that shows what it showed when last looked at clean (same_crop.py) is
    not looked at again (counted in `looked.unchanged`)."""
    out: list[Leak] = []
    for kind, detector in ((FACE, faces), (CODE, codes)):
        if detector is None:
            continue
        for crop, at, mine in _regions(t_s, frame, [h for h in near if h.kind == kind]):
            covers = tuple(h.cover(t_s) for h in mine)
            state = (kind, tuple(h.key for h in mine),
                     tuple(h.drawn(t_s) is None for h in mine))
            region = (at[0], at[1], crop.shape[1], crop.shape[0])
            line = max(8.0, min(c[3] for c in covers) / 4)
            if last is not None and last.same(state, frame, region, covers, line):
                looked.unchanged += 1
                continue
            if faces is not None and kind == FACE:
                looked.face_regions += 1
                found = _face_leaks(t_s, crop, at, mine, faces)
            elif codes is not None:
                looked.code_regions += 1
                found = _code_leaks(t_s, crop, at, mine, codes)
            if last is not None:
                last.read(state, frame, region, covers, clean=not found)
            out += found
    return out


def _regions(t_s: float, frame: np.ndarray, hidden: list[Hidden]
             ) -> list[tuple[np.ndarray, tuple[int, int], list[Hidden]]]:
    """The regions to look at (merged where they overlap): the crop, where it starts, and the
    hidden items it is for."""
    size = (frame.shape[1], frame.shape[0])
    out = []
    for (x, y, w, h), keys in merged([(grown(one.cover(t_s), 0.5, size, MARGIN_PX), {one.key})
                                      for one in hidden]):
        crop = np.ascontiguousarray(frame[y:y + h, x:x + w])
        out.append((crop, (x, y), [one for one in hidden if one.key in keys]))
    return out


def _face_leaks(t_s: float, crop: np.ndarray, at: tuple[int, int], hidden: list[Hidden],
                faces: FaceDetector) -> list[Leak]:
    out = []
    for box in faces.detect(crop, FACE_THRESHOLD):
        rect = (at[0] + box.x, at[1] + box.y, box.w, box.h)
        for h in hidden:
            if share_inside(rect, expected(h, t_s)) >= FACE_SHARE:
                out.append(Leak(round(t_s, 3), rect, f"a face (CenterFace {box.score:.2f})",
                                h.key, FACE, h.side(t_s)))
                break
    return out


def _code_leaks(t_s: float, crop: np.ndarray, at: tuple[int, int], hidden: list[Hidden],
                codes: CodeReader) -> list[Leak]:
    out = []
    for code in codes.find(crop):
        rect = (at[0] + code.x, at[1] + code.y, code.w, code.h)
        payload = letters(code.text or "")
        for h in hidden:
            if rects_meet(rect, expected(h, t_s)) or (payload and payload == letters(h.text)):
                said = f"{code.kind} \"{code.text}\"" if code.text else f"a {code.kind}"
                out.append(Leak(round(t_s, 3), rect, said, h.key, CODE, h.side(t_s)))
                break
    return out
