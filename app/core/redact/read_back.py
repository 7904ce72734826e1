"""The copy read back by OCR, frame by frame, for any of the hidden texts (issue 27 item 3).

Around each covered path (every frame from MARGIN_S before the first frame it was hidden in to
MARGIN_S after the last) the region of the cover, grown by MARGIN_PX and by its own height each
way, is read at 1× and at 2× (PP-OCR: lines detected at both sizes, each line read once) where
the print under the cover is small (under LINE_PX), and once, shrunk so that it is LINE_PX
high, where it is larger. The overlapping regions of one frame are read as one. Elsewhere every
ELSEWHERE_EVERY-th frame is read whole, at the scan's detection size. A region is read again
only where something changed in it since its last clean read, the camera's motion taken away
(the scan's own estimator and change blocks, motion.py), or RECHECK_FRAMES after it: a still
camera over a still fill costs one read. A read *leaks* when it shows a piece of a hidden
text as a cover drawn in that frame would leave it (leak_rule.py: a cut start or end, "Marg" or
"aret"; four letters from inside a long name, "arga"; four digits of a number, "48 29"; "Bed 4"
or its "4"...) on the cover's line (a third of the read's height inside the cover's rows) and,
as far as the word's place in the read says, under the cover or beside it (half its height) —
or such a piece anywhere near the path when no cover was drawn then (before or after it). Else
a read needs FAR_RUN characters in a row of a hidden text: other text shares three letters with
a name too often ("Pack a real lunch" holds "are" of "Margaret"), and patching it would only
hide more of the copy. The regions read are a cost worth saying: `ReadBack` counts them.

Around the paths of hidden faces and codes the same frames are also looked at by the face
detector and the code reader (look_back.py): a face or a code seen where one was hidden leaks
too.

The OCR of the regions and whole frames runs on two worker threads, one single-thread PP-OCR
each (ocr_workers.py), while this thread decodes (a frame or four ahead, on a thread of its own),
decides what to read and looks at the faces and codes. What it reads is decided as if each read
were done before the next is decided: a read still running is taken for clean, and where that
would leave a region (or a whole frame) unread, the read is waited for; its leaks are taken in
the order the reads were asked for.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from app.core.geometry import Rect, rects_meet, union
from app.core.media.frames import BLOCK, thumbnail
from app.core.media.video import DECODE_AHEAD, iter_frames
from app.core.picture.motion import MotionEstimator
from app.core.picture.ocr import OcrEngine
from app.core.redact.leak_rule import FAR_RUN, NEAR_RUN, Secret, letters, runs
from app.core.redact.same_crop import Clean, LastReads, Pending, is_clean
from app.core.text_join import readable

__all__ = ["FAR_RUN", "NEAR_RUN", "letters", "runs"]  # the leak rule's, said here too

if TYPE_CHECKING:
    from app.core.picture.codes import CodeReader
    from app.core.picture.faces import FaceDetector
    from app.core.redact.ocr_workers import OcrWorkers, Outcome

MARGIN_S = 0.5  # frames read every frame before a path's first cover and after its last
MARGIN_PX = 24  # and pixels read around a cover (plus its own height)
SOON_S = 3.0  # a text is looked for whole this long before its first cover and after its last
ELSEWHERE_EVERY = 3  # away from every path, one frame in this many is read whole
RECHECK_FRAMES = 15  # a region is read at least this often, changed or not
SAME_FRAME_S = 1e-4  # times of one frame, as two decoders say them, differ by less
MAX_SIDE = 1280  # a region is read at 2× only as far as this size (a board is large already)
LINE_PX = 24  # print under this high is read at 1× and 2×; larger, once, shrunk to this
LINE_SHARE = 0.6  # of a cover's height, the line's (a cover is padded by a third each side)
WHOLE = frozenset({"*whole frame*"})
TEXT, FACE, CODE = "text", "face", "code"  # what was hidden, and what leaked


@dataclass
class Hidden:
    """One hidden text (or face, or code: `kind`; a code's text is its payload, a face has
    none) and where its cover was, frame by frame (time → rectangle)."""

    key: str
    text: str
    covers: dict[float, Rect]
    kind: str = TEXT

    def __post_init__(self) -> None:
        self.times = sorted(self.covers)
        self.near, self.far = runs(self.text, NEAR_RUN), runs(self.text, FAR_RUN)
        self.secret = Secret(self.text)
        heights = sorted(rect[3] for rect in self.covers.values())
        self.usual_height = heights[len(heights) // 2] if heights else 0

    @property
    def looked_for(self) -> bool:
        """Whether anything of this text can be read (a face has no text)."""
        return bool(self.near) or self.secret.looked_for

    def soon(self, t_s: float) -> bool:
        """Whether `t_s` is within SOON_S of this text's covers (before or after)."""
        return bool(self.times) and (self.times[0] - SOON_S <= t_s <= self.times[-1] + SOON_S)

    def around(self, t_s: float) -> bool:
        return bool(self.times) and (self.times[0] - MARGIN_S <= t_s
                                     <= self.times[-1] + MARGIN_S)

    def side(self, t_s: float) -> int:
        """-1 before the first frame a cover was drawn in, 1 after the last, else 0."""
        return -1 if t_s < self.times[0] else 1 if t_s > self.times[-1] else 0

    def cover(self, t_s: float) -> Rect:
        """The cover at `t_s`, or the nearest one in time."""
        return self.drawn(t_s) or self.covers[min(self.times, key=lambda u: abs(u - t_s))]

    def drawn(self, t_s: float) -> Rect | None:
        """The cover drawn in the frame at `t_s`, if one was. The writer's times are the
        original's and the read-back's the copy's, as each decoder says them: a third of the
        frames differ in the last bits (1.2666…67 and 1.2666…65), and were taken as frames
        with no cover drawn."""
        at = bisect.bisect_left(self.times, t_s - SAME_FRAME_S)
        if at < len(self.times) and abs(self.times[at] - t_s) <= SAME_FRAME_S:
            return self.covers[self.times[at]]
        return None

    def shows_near(self, t_s: float, text: str, rect: Rect) -> bool:
        """Whether `text`, a line read at `rect`, shows a piece of this text as its cover drawn
        at `t_s` would leave it (leak_rule.py: "Marg" or "aret" of "Margaret", "4829" of an
        MRN, "Bed 4"; "are" inside "Pack a real lunch" is not), on the cover's line (a third
        of the read's height inside its rows) and, placed by its share of the read, under the
        cover or within half its height beside it; or anywhere near the path where no cover
        was drawn then (before the path, after it, or in a gap: "Hydrate every hour" holds
        "ver" of "HANDOVER", but no word of it starts or ends as one of that text's)."""
        cover = self.drawn(t_s)
        if cover is None:  # the text may be anywhere near: entering, or not yet covered
            return bool(self.secret.shown(text, covered=False))
        x, y, w, h = rect
        cx, cy, cw, ch = cover
        if min(y + h, cy + ch) - max(y, cy) < h / 3:
            return False
        grow, size = ch / 2, max(len(text), 1)
        for start, end in self.secret.shown(text, covered=True):
            x0, x1 = x + w * start / size, x + w * end / size
            if x1 >= cx - grow and x0 <= cx + cw + grow:
                return True
        return False

    def height(self, t_s: float) -> int:
        """The cover's height at `t_s`, but no more than its median along the path: a cover
        grows with the camera's motion (a fast pan made one 120 px high over 20 px print), and
        the region read was shrunk by it until the print beside it could not be read."""
        return min(self.cover(t_s)[3], self.usual_height)

    def region(self, t_s: float, size: tuple[int, int]) -> Rect:
        """The cover at `t_s` (or the nearest one in time), grown by its height and a margin."""
        rect = self.cover(t_s)
        grow = MARGIN_PX + min(rect[3], 120)
        x0, y0 = max(0, rect[0] - grow), max(0, rect[1] - grow)
        x1, y1 = min(size[0], rect[0] + rect[2] + grow), min(size[1], rect[1] + rect[3] + grow)
        return x0, y0, max(1, x1 - x0), max(1, y1 - y0)


@dataclass(frozen=True)
class Leak:
    """A read of the copy holding part of a hidden text (or a face or a code seen where one
    was hidden: `kind`): when, where (frame px), what (as a person reads it: a column's gap
    is one space), and the hidden finding's id."""

    t_s: float
    rect: Rect
    read: str
    key: str
    kind: str = TEXT
    beyond: int = 0  # -1: read before the first frame its cover was drawn in; 1: after the last


@dataclass
class ReadBack:
    """What reading the copy back cost and found."""

    frames_near: int = 0  # frames read around a cover
    frames_elsewhere: int = 0  # frames read whole
    face_regions: int = 0  # regions given to the face detector (around hidden faces)
    code_regions: int = 0  # and to the code reader (around hidden codes)
    regions: int = 0  # regions read (a frame may have several)
    unchanged: int = 0  # region reads saved: it shows what it showed at its last clean read
    whole_unchanged: int = 0  # whole reads saved: nothing changed since the last clean one
    looks_unchanged: int = 0  # face and code regions not looked at again: the same
    whole_too: int = 0  # frames around a cover read whole too, for a text not covered yet
    seconds: float = 0.0
    leaks: list[Leak] = field(default_factory=list)

    @property
    def frames(self) -> int:
        return self.frames_near + self.frames_elsewhere

    def count(self, kind: str) -> int:
        """The leaks of one kind (TEXT: reads of hidden text; FACE; CODE)."""
        return sum(1 for leak in self.leaks if leak.kind == kind)

    def line(self) -> str:
        return (f"{self.frames} frames read ({self.frames_near} around the covers, "
                f"{self.whole_too} of those whole too, {self.regions} regions; "
                f"{self.frames_elsewhere} whole), "
                f"{self.count(TEXT)} reads of hidden text, {self.count(FACE)} faces and "
                f"{self.count(CODE)} codes seen where hidden, {self.seconds:.0f} s")


def read_back(copy: Path, hidden: list[Hidden], ocr: OcrEngine, duration_s: float,
              faces: FaceDetector | None = None, codes: CodeReader | None = None,
              workers: int | None = None) -> Generator[float, None, ReadBack]:
    """Read the copy (see the module docstring), yielding the share done now and then; the
    hidden faces are looked for by `faces`, the hidden codes by `codes` (look_back.py).
    The OCR runs on `workers` single-thread twins of `ocr` (ocr_workers.py; by default one a
    core, up to two), each read decided as one after the other would: what is read, and what
    it finds, are the same with any number of workers."""
    from app.core.redact.ocr_workers import workers_for

    pool = workers_for(ocr, workers)
    try:
        return (yield from _read_back(copy, hidden, pool, duration_s, faces, codes))
    finally:
        pool.close()


def _read_back(copy: Path, hidden: list[Hidden], pool: OcrWorkers, duration_s: float,
               faces: FaceDetector | None, codes: CodeReader | None
               ) -> Generator[float, None, ReadBack]:
    from app.core.redact.look_back import Looked, look

    started, out, looked = time.perf_counter(), ReadBack(), Looked()
    pictures = [h for h in hidden if h.times and h.kind in (FACE, CODE)]
    hidden = [h for h in hidden if h.times and h.looked_for]
    changes, regions, looks = _Changes(), LastReads(RECHECK_FRAMES), LastReads(RECHECK_FRAMES)
    found: list[Outcome[list[Leak]] | list[Leak]] = []  # the leaks, in the order read
    for index, (t_s, frame) in enumerate(iter_frames(copy, ahead=DECODE_AHEAD)):
        if frame is None:
            continue
        if index % 10 == 0:
            yield min(1.0, t_s / max(duration_s, 1e-3))
        near = [h for h in hidden if h.around(t_s)]
        seen = [h for h in pictures if h.around(t_s)]
        if seen:
            found.append(look(t_s, frame, seen, faces, codes, looked, looks))
        out.frames_near += bool(near or seen)
        # while other covers are drawn, a text the scan read later (or earlier) may show whole
        # here: the frame is read whole too for the texts not yet (or no longer) covered, up to
        # SOON_S from their covers (the copy promises no more: README)
        far = [h for h in hidden if h not in near and (not near or h.soon(t_s))]
        whole = bool(far) and index % ELSEWHERE_EVERY == 0
        if not near and not whole:
            continue
        size = (frame.shape[1], frame.shape[0])
        if near:
            for region, keys in merged([(h.region(t_s, size), {h.key}) for h in near]):
                line = min(h.height(t_s) for h in near if h.key in keys) * LINE_SHARE
                ours = [h for h in near if h.key in keys]
                covers = tuple(h.cover(t_s) for h in ours)
                # the leak rule differs where a cover is drawn: the same state, or read
                state = (keys, tuple(h.drawn(t_s) is None for h in ours))
                if regions.same(state, frame, region, covers, line):
                    out.unchanged += 1
                    continue
                out.regions += 1
                leaks = pool.submit(_region_job(t_s, frame, region, line, near))
                regions.read(state, frame, region, covers, clean=_clean(leaks))
                found.append(leaks)
        if whole:
            changes.see(frame, index)
        if whole and not changes.due():
            out.whole_unchanged += 1
        elif whole:
            if near:
                out.whole_too += 1
            else:
                out.frames_elsewhere += not seen  # a frame looked at around a face counts once
            leaks = pool.submit(_whole_job(t_s, frame, far))
            changes.read(clean=_clean(leaks))
            found.append(leaks)
    for each in found:
        out.leaks += each if isinstance(each, list) else each.result()
    out.face_regions, out.code_regions = looked.face_regions, looked.code_regions
    out.looks_unchanged = looked.unchanged
    out.seconds = time.perf_counter() - started
    return out


def _region_job(t_s: float, frame: np.ndarray, region: Rect, line: float, near: list[Hidden]
                ) -> Callable[[OcrEngine], list[Leak]]:
    """A region's read and its leaks, for whichever engine is free."""
    return lambda ocr: _leaks(t_s, region, _read(ocr, frame, region, line), near, NEAR_RUN)


def _whole_job(t_s: float, frame: np.ndarray, far: list[Hidden]
               ) -> Callable[[OcrEngine], list[Leak]]:
    """A whole frame's read and its leaks, for whichever engine is free."""
    size = (frame.shape[1], frame.shape[0])
    return lambda ocr: _leaks(t_s, (0, 0, *size), _read_whole(ocr, frame), far, FAR_RUN)


def _clean(leaks: Outcome[list[Leak]]) -> Clean:
    """Whether a read found nothing: now, or (a read still running) once it is done."""
    return leaks.result() == [] if leaks.done() else _Later(leaks)


class _Later:
    """Whether a read still running found nothing, asked once it is wanted (same_crop.Clean)."""

    def __init__(self, leaks: Outcome[list[Leak]]) -> None:
        self._leaks = leaks

    def done(self) -> bool:
        return self._leaks.done()

    def result(self) -> bool:
        return self._leaks.result() == []


def merged(regions: list[tuple[Rect, set[str]]]) -> list[tuple[Rect, frozenset[str]]]:
    """Overlapping rectangles joined, until none overlap; with the keys of the covers in each."""
    out: list[tuple[Rect, set[str]]] = []
    for rect, keys in regions:
        while (other := next((o for o in out if rects_meet(o[0], rect)), None)) is not None:
            out.remove(other)
            rect, keys = union(rect, other[0]), keys | other[1]
        out.append((rect, keys))
    return [(rect, frozenset(keys)) for rect, keys in out]


def _read(ocr: OcrEngine, frame: np.ndarray, region: Rect, line: float = 16.0
          ) -> list[tuple[str, Rect]]:
    """The lines of `region`, each read once; their rectangles in frame px. Lines are detected
    at 1× and 2× where the print is small (`line`, its height, under LINE_PX), else once, at the
    size that makes it LINE_PX high (never under the scan's own third)."""
    x, y, w, h = region
    crop = frame[y:y + h, x:x + w]
    first = max(1 / 3, min(1.0, LINE_PX / max(line, 1.0)))
    quads = list(ocr.detect(crop, first))
    big = min(2.0, MAX_SIDE / max(w, h))
    if first == 1.0 and big > 1.2:
        quads += [q for q in ocr.detect(crop, big)
                  if not any(_same_quad(q, p) for p in quads)]
    return _recognised(ocr, crop, quads, (x, y))


def _read_whole(ocr: OcrEngine, frame: np.ndarray) -> list[tuple[str, Rect]]:
    """The lines of a whole frame, detected at the scan's size."""
    return _recognised(ocr, frame, list(ocr.detect(frame)), (0, 0))


def _recognised(ocr: OcrEngine, image: np.ndarray, quads: list[np.ndarray], at: tuple[int, int]
                ) -> list[tuple[str, Rect]]:
    out = []
    for quad, (text, _) in zip(quads, ocr.recognise(image, quads), strict=True):
        if text:
            xs, ys = quad[:, 0], quad[:, 1]
            x0, y0 = int(xs.min()), int(ys.min())
            out.append((text, (at[0] + x0, at[1] + y0, max(1, int(xs.max()) - x0),
                               max(1, int(ys.max()) - y0))))
    return out


def _same_quad(a: np.ndarray, b: np.ndarray) -> bool:
    return float(np.abs(a - b).max()) < 6


def _leaks(t_s: float, region: Rect, lines: list[tuple[str, Rect]], hidden: list[Hidden],
           run: int) -> list[Leak]:
    """The reads of `lines` that hold `run` characters in a row of a hidden text. By NEAR_RUN
    only where the cover drawn in this frame is (`Hidden.shows_near`); anywhere else a read
    needs FAR_RUN, as in a whole frame (the text beside a board is not the board's name).
    Before a cover's first frame and after its last, any line near it counts."""
    out = []
    for text, rect in lines:
        read = letters(text)
        for h in hidden:
            if any(part in read for part in h.far) or (
                    run == NEAR_RUN and h.shows_near(t_s, text, rect)):
                out.append(Leak(round(t_s, 3), rect, readable(text), h.key, TEXT,
                                h.side(t_s)))
                break
    return out


class _Changes:
    """Which parts of the frame changed since the last clean read of a whole frame, the
    camera's motion taken away (motion.py: the scan's estimator and change blocks), seen in
    each frame that may be read whole (one in ELSEWHERE_EVERY). A read still running is taken
    for clean until it is known, and waited for only where the frame would not be read
    otherwise (as same_crop.LastReads)."""

    def __init__(self) -> None:
        self._motion = MotionEstimator()
        self._grid: tuple[int, int] = (1, 1)
        self._index = 0
        # changed since the last clean read, and that read's frame (None: none clean yet)
        self._mask: np.ndarray | None = None
        self._read_at = 0
        self._waiting: Pending | None = None

    def see(self, frame: np.ndarray, index: int) -> None:
        thumb = thumbnail(frame)
        self._grid = (-(-thumb.shape[0] // BLOCK), -(-thumb.shape[1] // BLOCK))
        _, blocks = self._motion.update(thumb, thumb.shape[1] / frame.shape[1])
        mask = np.ones(self._grid, bool) if blocks is None else (blocks[0] | blocks[1])
        self._index = index
        if self._mask is not None:
            self._mask = self._mask | mask if self._mask.shape == mask.shape else None

    def due(self) -> bool:
        """Whether the frame must be read whole now: something changed in it since the last
        clean read (what came into view is in the change blocks), or RECHECK_FRAMES passed."""
        if self._waiting is not None and self._waiting.done():
            self._known()
        if (self._mask is None or self._index - self._read_at >= RECHECK_FRAMES
                or bool(self._mask.any())):
            return True
        if self._waiting is not None:
            self._known()
        return self._mask is None

    def _known(self) -> None:
        """The read waited for: when it was not clean, nothing since counts as read clean."""
        assert self._waiting is not None
        if not is_clean(self._waiting):
            self._mask = None
        self._waiting = None

    def read(self, clean: Clean) -> None:
        self._mask = None if clean is False else np.zeros(self._grid, bool)
        self._waiting = None if isinstance(clean, bool) else clean
        self._read_at = self._index
