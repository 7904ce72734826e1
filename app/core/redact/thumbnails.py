"""Small pictures of the frames of a copy where the proof still read a hidden text.

Written beside the copy, in a folder named after it (`OUT.not-safe/`), one PNG a frame (at most
MAX_THUMBNAILS, spread over the leaks), THUMB_SIDE px on the long side, with what was read
outlined in red: the reviewer sees where the copy is not safe before deciding what to do. A
clean copy removes the folder a not-safe copy of the same name left.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import cv2

from app.core.media.video import iter_frames_at
from app.core.redact.read_back import Leak

MAX_THUMBNAILS = 12
THUMB_SIDE = 320


def thumbnail_folder(out: Path) -> Path:
    return out.with_name(f"{out.stem}.not-safe")


def not_safe_thumbnails(copy: Path, out: Path, leaks: list[Leak]) -> tuple[str, ...]:
    """Write the PNGs of `leaks`' frames of `copy` (see the module docstring) beside `out`, the
    name asked for; their paths."""
    folder = thumbnail_folder(out)
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)
    if not leaks:
        return ()
    times = sorted({leak.t_s for leak in leaks})
    step = max(1, -(-len(times) // MAX_THUMBNAILS))
    chosen = times[::step][:MAX_THUMBNAILS]
    folder.mkdir(exist_ok=True)
    written = []
    for t_s, frame in iter_frames_at(copy, chosen):
        for leak in (x for x in leaks if x.t_s == t_s):
            x, y, w, h = leak.rect
            cv2.rectangle(frame, (x - 4, y - 4), (x + w + 4, y + h + 4), (0, 0, 255), 6)
        scale = THUMB_SIDE / max(frame.shape[:2])
        small = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        path = folder / f"{t_s:08.3f}s.png"
        cv2.imwrite(str(path), small)
        written.append(str(path))
    return tuple(written)
