"""Whether a region of the copy still shows what it showed when it was last read clean: where
it does, no reading of it can have changed, and the read-back (read_back.py) need not read it.

The region now is looked for in the frame in which it was last *read* (not the frame before: a
slow change adds up until it is read again): first where the covers' move puts it (a cover
moves with what it hides, and that with the camera), then at the best match within SEARCH_PX of
that (a cover followed a few pixels off). A pixel has *changed* when it is darker than the
darkest or lighter than the lightest of the pixels within SLACK_PX of its place then by more
than LEVELS: a shift of a pixel or two, the camera's blur, the encoder's noise keep a pixel
between what its neighbours spanned; a letter that shows, or a fill that slipped off one, does
not. The comparison is made in grey at half the size (a stroke a pixel wide keeps half its
contrast there). The region is *the same* when in no square a line high (the print's height)
more than INK_SHARE of the pixels changed: a letter that shows changes about a tenth of its
square (its ink), and a leak is three letters or more (leak_rule.NEAR_RUN). Where the region now
reaches outside what was kept of it then, it is not the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from app.core.geometry import Rect

SLACK_PX = 2  # a pixel may have moved this far (px of the frame) and not count as changed
SLACK = SLACK_PX // 2  # the same at half size, where the comparison is made
LEVELS = 24  # grey levels beyond what its neighbours spanned, for a pixel to count as changed
INK_SHARE = 0.02  # of a square a line high: more changed pixels than this, and it changed
SEARCH_PX = 12  # how far from where the covers say the region may be found moved
KEEP_PX = SEARCH_PX + SLACK_PX + 16  # kept around a region read: it may grow or move a little


@dataclass(frozen=True)
class Kept:
    """A region as it was when read clean, KEEP_PX around it (`at`: where, in the frame), in
    grey at half the size (`grey`): the darkest and the lightest of each pixel's neighbours
    within SLACK_PX, a quarter-size copy to find it again by, and where each cover in it was
    then."""

    low: np.ndarray
    high: np.ndarray
    grey: np.ndarray
    small: np.ndarray
    at: Rect
    covers: tuple[Rect, ...]


def keep(frame: np.ndarray, region: Rect, covers: tuple[Rect, ...]) -> Kept:
    """What to keep of `frame` around `region`, read clean with `covers` drawn in it."""
    height, width = frame.shape[:2]
    x, y, w, h = region
    x0, y0 = max(0, x - KEEP_PX) // 2 * 2, max(0, y - KEEP_PX) // 2 * 2
    x1, y1 = min(width, x + w + KEEP_PX), min(height, y + h + KEEP_PX)
    small = _small(_grey(frame[y0:y1, x0:x1]))
    kernel = np.ones((2 * SLACK + 1, 2 * SLACK + 1), np.uint8)
    return Kept(cv2.erode(small, kernel), cv2.dilate(small, kernel), small, _small(small),
                (x0, y0, x1 - x0, y1 - y0), covers)


def same(kept: Kept, frame: np.ndarray, region: Rect, covers: tuple[Rect, ...], line: float
         ) -> bool:
    """Whether `region` of `frame`, with `covers` drawn (one for each of kept's, in the same
    order), shows what `kept` showed, moved (see the module docstring); `line`: the height of
    the print (px)."""
    x, y, w, h = region
    x, y, w, h = x // 2 * 2, y // 2 * 2, w + x % 2, h + y % 2  # even, at half size
    now = _small(_grey(frame[y:y + h, x:x + w]))
    return any(_unchanged(kept, now, place, line / 2)
               for place in _found(kept, now, (x // 2, y // 2), _shift(kept.covers, covers)))


def _unchanged(kept: Kept, now: np.ndarray, place: tuple[int, int], line: float) -> bool:
    """Whether `now` (half size) lies between the darkest and the lightest of what was kept
    around each of its pixels (LEVELS of slack), put at `place` in kept's half-size pixels, but
    for more than INK_SHARE of the pixels of any square a line (`line`, half-size px) high."""
    (kx, ky), (h, w) = place, now.shape[:2]
    low, high = kept.low[ky:ky + h, kx:kx + w], kept.high[ky:ky + h, kx:kx + w]
    beyond = cv2.max(cv2.subtract(low, now), cv2.subtract(now, high))
    _, changed = cv2.threshold(beyond, LEVELS, 1, cv2.THRESH_BINARY)
    side = max(3, round(line))
    count = cv2.countNonZero(changed)
    if count <= INK_SHARE * side * side:
        return True
    share = cv2.boxFilter(changed.astype(np.float32), -1, (side, side), normalize=True,
                          borderType=cv2.BORDER_CONSTANT)
    return float(cv2.minMaxLoc(share)[1]) <= INK_SHARE


def _found(kept: Kept, now: np.ndarray, at: tuple[int, int], shift: tuple[int, int]
           ) -> Iterator[tuple[int, int]]:
    """Where in what was kept the region now (`now`, half-size grey, at `at` in the half-size
    frame) may lie (its top left, in kept's half-size pixels): where the covers' move puts it;
    then the best match within SEARCH_PX of that, found at a quarter of the size, then refined
    to the half-size pixel. Nothing when it is not wholly inside what was kept there."""
    h, w = now.shape[:2]
    ox, oy = kept.at[0] // 2, kept.at[1] // 2
    kx, ky = at[0] - round(shift[0] / 2) - ox, at[1] - round(shift[1] / 2) - oy
    reach = SEARCH_PX // 2
    kh, kw = kept.grey.shape[:2]
    x0, y0 = max(0, kx - reach) // 2 * 2, max(0, ky - reach) // 2 * 2
    x1, y1 = min(kw, kx + w + reach), min(kh, ky + h + reach)
    if x1 - x0 < w or y1 - y0 < h:
        return
    if x0 <= kx <= x1 - w and y0 <= ky <= y1 - h:
        yield kx, ky
    tiny = _small(now)
    coarse = kept.small[y0 // 2:y1 // 2, x0 // 2:x1 // 2]
    if coarse.shape[0] < tiny.shape[0] or coarse.shape[1] < tiny.shape[1]:
        return
    bx, by = _best(coarse, tiny)
    fx, fy = _best(kept.grey, now, (x0 + 2 * bx - 2, y0 + 2 * by - 2))
    if (fx, fy) != (kx, ky):
        yield fx, fy


def _best(image: np.ndarray, part: np.ndarray, near: tuple[int, int] | None = None,
          reach: int = 4) -> tuple[int, int]:
    """Where `part`'s top left best matches `image`: anywhere, or (`near`) from there to
    `reach` pixels beyond."""
    h, w = part.shape[:2]
    x0 = y0 = 0
    if near is not None:
        x0 = min(max(0, near[0]), image.shape[1] - w)
        y0 = min(max(0, near[1]), image.shape[0] - h)
        image = image[y0:y0 + h + reach, x0:x0 + w + reach]
    _, _, best, _ = cv2.minMaxLoc(cv2.matchTemplate(image, part, cv2.TM_SQDIFF))
    return x0 + best[0], y0 + best[1]


def _grey(pixels: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY) if pixels.ndim == 3 else pixels


def _small(grey: np.ndarray) -> np.ndarray:
    return cv2.resize(grey, (max(1, grey.shape[1] // 2), max(1, grey.shape[0] // 2)),
                      interpolation=cv2.INTER_AREA)


def _shift(then: tuple[Rect, ...], now: tuple[Rect, ...]) -> tuple[int, int]:
    """How far the covers moved, on the whole (their centres' mean, rounded)."""
    if len(then) != len(now) or not then:
        return 0, 0
    moves = [((b[0] + b[2] / 2) - (a[0] + a[2] / 2), (b[1] + b[3] / 2) - (a[1] + a[3] / 2))
             for a, b in zip(then, now, strict=True)]
    return round(sum(m[0] for m in moves) / len(moves)), round(sum(m[1] for m in moves)
                                                               / len(moves))


class Pending(Protocol):
    """Whether a read still running found nothing (read_back.py's OCR workers): `done()` when
    it is known, `result()` waits for it."""

    def done(self) -> bool: ...

    def result(self) -> bool: ...


Clean = bool | Pending  # a read found nothing: known now, or once the read is done


def is_clean(clean: Clean) -> bool:
    """Whether the read found nothing, waiting for it if it is still running."""
    return clean if isinstance(clean, bool) else clean.result()


class LastReads:
    """Each region as it was when last read (or looked at) clean, by what it was read for
    (`state`: the covers in it, and which of them were drawn), and how many frames ago: a
    region is read again once it is not the same, or `every` frames after its last read.

    A read still running (`read` given a `Pending`) is taken for clean until it is known: a
    region that is not the same as it was then is read again either way, and only where it is
    the same is the read waited for — so what is read is what reading one region after the
    other would read."""

    def __init__(self, every: int) -> None:
        self._every = every
        self._kept: dict[Hashable, tuple[Kept, int]] = {}
        self._waiting: dict[Hashable, Pending] = {}
        self.skipped = 0

    def same(self, state: Hashable, frame: np.ndarray, region: Rect,
             covers: tuple[Rect, ...], line: float) -> bool:
        """Whether the region read for `state` need not be read now (counted in `skipped`)."""
        if state not in self._kept:
            return False
        kept, age = self._kept[state]
        if age + 1 >= self._every:
            return False
        if state in self._waiting and self._waiting[state].done() and not self._known(state):
            return False
        if not same(kept, frame, region, covers, line):
            return False
        if state in self._waiting and not self._known(state):
            return False
        self._kept[state] = (kept, age + 1)
        self.skipped += 1
        return True

    def _known(self, state: Hashable) -> bool:
        """The read waited for: whether it was clean (when not, it is forgotten)."""
        if is_clean(self._waiting.pop(state)):
            return True
        del self._kept[state]
        return False

    def read(self, state: Hashable, frame: np.ndarray, region: Rect,
             covers: tuple[Rect, ...], clean: Clean) -> None:
        """The region was read for `state` now: kept when clean (or while that is not known
        yet), else read every frame."""
        self._waiting.pop(state, None)
        if clean is False:
            self._kept.pop(state, None)
            return
        self._kept[state] = (keep(frame, region, covers), 0)
        if clean is not True:
            self._waiting[state] = clean
