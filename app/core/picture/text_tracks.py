"""Following each line of text from sample to sample, and reading it only when it is new.

Every sample, the engine's detector says where text lines are. Each line is matched to a line
followed so far: that line's box, moved by the camera's motion since the last sample
(motion.py), or left where it was (a caption stays put while the room shakes behind it).
A line is recognised only when it is new, has grown (it was cut at the frame's edge, or
someone stepped away from it), looks different from when it was last read (its content
changed), was read while another line's box crossed or met it (a caption's band over a card the
camera tilts past: the reading mixes the two, or reads half-hidden letters, however sure the
engine is) and the two have since moved apart, or was read with low confidence: read again at
once when the line is sharper than when it was read (a hand-held camera shakes: a line first
read blurred is sharp a sample later), else a little later, up to a few times.
A presenter moving, a waveform on a monitor or the camera shaking therefore costs a detection,
not a read. Each followed line keeps one id; its pieces carry it, so the findings it gives
stay one finding however the camera moves.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.core.findings.hits import same_text
from app.core.picture.motion import move_quad
from app.core.picture.ocr import OcrEngine, OcrPiece, Quad, crop_line, piece_of

MATCH_IOU = 0.3
GROWN = 1.15  # a line this much wider than when it was read is read again
SAME_LOOK = 0.55  # correlation of a line's look now and when read, below which it changed
UNSURE = 0.9  # a reading below this confidence (or the engine's doubtful_below) is tried again...
RETRIES = 3  # ...this many times at most...
RETRY_AFTER_S = 0.9  # ...this far apart
SHARPER = 1.15  # an unsure line this much sharper than when it was read is read again at once
SHARP_HEIGHT = 32  # the height a line is looked at to say how sharp it is
MAX_MISSES = 2  # samples a line may go undetected and still be the same line
PATCH_HEIGHT = 16
EDGE_PX = 4  # a line this close to the frame's border is cut by it...
EDGE_GROWN = 0.4  # ...and read again once it shows this many line heights more (a letter)
MEET = 0.2  # boxes nearer than this many line heights (or overlapping) meet...
APART = 0.5  # ...and are apart again once this many line heights separate them


@dataclass
class TextTrack:
    id: int
    quad: Quad
    text: str = ""
    confidence: float = 0.0
    read_width: float = 0.0
    read_t: float = -1e9
    patch: np.ndarray | None = None
    patch_factor: float = 1.0
    reads: int = 0
    misses: int = 0
    read_height: float = 0.0
    read_cut: bool = False  # the frame's edge cut the line when it was read
    read_met: frozenset[int] = frozenset()  # the lines whose boxes met it when it was read
    read_sharpness: float = 0.0  # how sharp the line was at its sharpest reading (unsure ones)


def _rect(quad: Quad) -> tuple[float, float, float, float]:
    return (float(quad[:, 0].min()), float(quad[:, 1].min()), float(quad[:, 0].max()),
            float(quad[:, 1].max()))


def _iou(a: Quad, b: Quad) -> float:
    ax0, ay0, ax1, ay1 = _rect(a)
    bx0, by0, bx1, by1 = _rect(b)
    w = min(ax1, bx1) - max(ax0, bx0)
    h = min(ay1, by1) - max(ay0, by0)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter)


def _width(quad: Quad) -> float:
    return float(np.linalg.norm(quad[0] - quad[1]))


def _height(quad: Quad) -> float:
    return float(np.linalg.norm(quad[0] - quad[3]))


def at_edge(quad: Quad, frame: np.ndarray, margin: float = EDGE_PX) -> bool:
    """Whether the line's box touches the frame's border (part of it may be beyond)."""
    height, width = frame.shape[:2]
    x0, y0, x1, y1 = _rect(quad)
    return x0 <= margin or y0 <= margin or x1 >= width - margin or y1 >= height - margin


def _gap(a: Quad, b: Quad) -> tuple[float, float]:
    """The space between two boxes across and along their lines (negative: they overlap)."""
    ax0, ay0, ax1, ay1 = _rect(a)
    bx0, by0, bx1, by1 = _rect(b)
    return max(by0 - ay1, ay0 - by1), max(bx0 - ax1, ax0 - bx1)


def meets(quad: Quad, other: Quad) -> bool:
    """Whether another line's box crosses this one or lies against it (a caption's band that
    hides the top of its letters: the detector boxes what shows) for a line's height along it."""
    height = _height(quad)
    across, along = _gap(quad, other)
    return across <= MEET * height and along <= -height


def apart(quad: Quad, other: Quad) -> bool:
    """Whether two lines that met are well apart now."""
    return max(_gap(quad, other)) >= APART * _height(quad)


def _grown_at_edge(track: TextTrack, quad: Quad) -> bool:
    """A line the frame's edge cut when it was read that shows about a letter more now: read
    again at once, so a name coming into view is flagged as soon as enough of it shows."""
    return track.read_cut and (
        _width(quad) > track.read_width + EDGE_GROWN * _height(quad)
        or _height(quad) > 1.1 * max(track.read_height, 1.0))


def patch_of(frame_bgr: np.ndarray, quad: Quad, factor: float | None = None
             ) -> tuple[np.ndarray, float]:
    """The line as a small grey patch, normalised for brightness and contrast, and the factor
    it was shrunk by. By default it is shrunk to `PATCH_HEIGHT` pixels high; given the factor of
    an earlier patch, it is shrunk by that, so the letters are the same size in both however
    loosely the detector boxed them this time."""
    crop = cv2.cvtColor(crop_line(frame_bgr, quad), cv2.COLOR_BGR2GRAY).astype(np.float32)
    if factor is None:
        factor = PATCH_HEIGHT / max(crop.shape[0], 1)
    factor = min(factor, 320 / max(crop.shape[1], 1))
    size = (max(4, round(crop.shape[1] * factor)), max(4, round(crop.shape[0] * factor)))
    small = cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
    return (small - small.mean()) / (small.std() + 4.0), factor


def sharpness(frame_bgr: np.ndarray, quad: Quad) -> float:
    """How sharp a line is: the energy of its edges, the line shrunk to `SHARP_HEIGHT` pixels
    high and normalised for contrast, so one line's figures at two moments compare (blur from
    a shaking camera lowers it; a line's size or lighting barely moves it)."""
    crop = cv2.cvtColor(crop_line(frame_bgr, quad), cv2.COLOR_BGR2GRAY).astype(np.float32)
    factor = min(SHARP_HEIGHT / max(crop.shape[0], 1), 1.0)
    size = (max(4, round(crop.shape[1] * factor)), max(4, round(crop.shape[0] * factor)))
    small = cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
    small = (small - small.mean()) / (small.std() + 4.0)
    return float(np.mean(cv2.Laplacian(small, cv2.CV_32F) ** 2))


def looks_changed(then: np.ndarray, now: np.ndarray) -> bool:
    """Whether a line's content changed: the middle of its earlier patch, searched for in the
    patch now at a few sizes (detected boxes wobble in place and in height, more so between the
    coarse and the fine pass), no longer correlates."""
    h, w = then.shape
    dy, dx = max(1, h // 6), max(1, min(w // 8, h // 2))
    template = then[dy : h - dy, dx : w - dx].astype(np.float32)
    if template.size == 0 or float(template.std()) < 1e-3:
        return False
    best = -1.0
    nh, nw = now.shape
    for scale in (0.85, 1.0, 1.18):
        size = (max(template.shape[1], round(nw * scale)),
                max(template.shape[0], round(nh * scale)))
        seen = cv2.resize(now.astype(np.float32), size, interpolation=cv2.INTER_AREA)
        best = max(best, float(cv2.matchTemplate(seen, template, cv2.TM_CCOEFF_NORMED).max()))
        if best >= SAME_LOOK:
            return False
    return True


class TextTracker:
    """The lines followed so far, updated sample by sample."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self.tracks: list[TextTrack] = []
        self._next_id = 0
        self.lines_read = 0
        self.reasons: dict[str, int] = {}  # why lines were read: new, grown, changed, unsure

    def update(self, t_s: float, frame: np.ndarray, motion: np.ndarray,
               quads: list[Quad]) -> list[OcrPiece]:
        """Take the lines detected at `t_s` (motion: the map from the last sample's pixels);
        return the pieces of text on this frame, each with its line's id."""
        moved = [move_quad(track.quad, motion) for track in self.tracks]
        was = {t.id: m for t, m in zip(self.tracks, moved, strict=True)}
        pairs = sorted(((max(_iou(q, m), _iou(q, t.quad)), i, j)
                        for i, q in enumerate(quads)
                        for j, (t, m) in enumerate(zip(self.tracks, moved, strict=True))),
                       reverse=True)
        matched: dict[int, TextTrack] = {}
        taken: set[int] = set()
        for iou, i, j in pairs:
            if iou < MATCH_IOU:
                break
            if i in matched or j in taken:
                continue
            matched[i] = self.tracks[j]
            taken.add(j)
        kept: list[TextTrack] = []
        for j, track in enumerate(self.tracks):
            if j in taken:
                continue
            track.quad = moved[j]
            if self._still_there(track, frame, quads):
                track.misses = 0
                kept.append(track)
            else:
                track.misses += 1
        self.tracks = [t for j, t in enumerate(self.tracks)
                       if j in taken or t.misses <= MAX_MISSES]
        # where each line followed so far is now: detected, or moved with the camera
        now = was | {t.id: quads[i] for i, t in matched.items()}
        to_read: list[tuple[int, TextTrack]] = []
        for i, quad in enumerate(quads):
            known = matched.get(i)
            if known is None:
                new = TextTrack(self._new_id(), quad)
                self.tracks.append(new)
                matched[i] = new
                to_read.append((i, new))
                self.reasons["new"] = self.reasons.get("new", 0) + 1
                continue
            track = known
            track.misses = 0
            track.quad = quad
            why = self._needs_read(track, frame, quad, t_s, now)
            if why:
                to_read.append((i, track))
                self.reasons[why] = self.reasons.get(why, 0) + 1
        self._read(t_s, frame, quads, to_read, matched)
        pieces = []
        for i, quad in enumerate(quads):
            track = matched[i]
            if track.text:
                pieces.append(piece_of(track.text, track.confidence, quad, track.id))
        pieces += [piece_of(t.text, t.confidence, t.quad, t.id) for t in kept if t.text]
        return pieces

    def _read(self, t_s: float, frame: np.ndarray, quads: list[Quad],
              to_read: list[tuple[int, TextTrack]], matched: dict[int, TextTrack]) -> None:
        """Recognise the lines to read; each remembers the lines whose boxes met it then."""
        readings = self.engine.recognise(frame, [quads[i] for i, _ in to_read])
        self.lines_read += len(to_read)
        for (i, track), (text, confidence) in zip(to_read, readings, strict=True):
            met = frozenset(matched[j].id for j, q in enumerate(quads)
                            if j != i and meets(quads[i], q))
            self._take(track, frame, quads[i], t_s, text, confidence, met)

    @staticmethod
    def _still_there(track: TextTrack, frame: np.ndarray, quads: list[Quad]) -> bool:
        """A line the detector missed this time (small print flickers in and out of its
        threshold) that still looks as it did when read, where the camera moved it, and that
        no detected line overlaps, is still there."""
        if not track.text or track.patch is None:
            return False
        height, width = frame.shape[:2]
        x0, y0, x1, y1 = _rect(track.quad)
        if at_edge(track.quad, frame):
            return False  # at the edge it was cut: the detector finds it again as it grows
        if any(_iou(track.quad, q) > 0.0 for q in quads):
            return False
        return not looks_changed(track.patch, patch_of(frame, track.quad, track.patch_factor)[0])

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _needs_read(self, track: TextTrack, frame: np.ndarray, quad: Quad, t_s: float,
                    now: dict[int, Quad]) -> str:
        """Why the line must be read again ("" when what was read still holds)."""
        if _width(quad) > GROWN * max(track.read_width, 1.0) or _grown_at_edge(track, quad):
            return "grown"
        if track.read_cut and not at_edge(quad, frame):
            return "whole"  # read while the edge cut it, now all in view
        if any(i in now and apart(quad, now[i]) for i in track.read_met):
            return "apart"  # read while another line lay over or against it, now apart
        if _width(quad) * GROWN < track.read_width:
            return "split"  # a part of what was read: the line was split from its neighbour
        if track.patch is not None:
            # at its own shape: a box a little wider or narrower than when read is the same text
            if looks_changed(track.patch, patch_of(frame, quad, track.patch_factor)[0]):
                return "changed"
        unsure = getattr(self.engine, "doubtful_below", UNSURE)
        if track.confidence >= unsure:
            return ""
        if t_s > track.read_t and sharpness(frame, quad) > SHARPER * track.read_sharpness:
            return "sharper"  # read blurred (the camera shook), sharp now
        if track.reads < RETRIES and t_s - track.read_t >= RETRY_AFTER_S:
            return "unsure"
        return ""

    def _take(self, track: TextTrack, frame: np.ndarray, quad: Quad, t_s: float, text: str,
              confidence: float, met: frozenset[int] = frozenset()) -> None:
        # the first reading since a line that lay over or against it moved away
        clear = bool(track.read_met - met)
        track.read_met = met
        track.reads += 1
        track.read_t = t_s
        track.patch, track.patch_factor = patch_of(frame, quad)
        grew = _width(quad) > GROWN * max(track.read_width, 1.0) or _grown_at_edge(track, quad)
        track.read_cut, track.read_height = at_edge(quad, frame), _height(quad)
        split = _width(quad) * GROWN < track.read_width
        track.read_width = max(track.read_width, _width(quad)) if same_text(
            text, track.text) and not split else _width(quad)
        if text and track.text and not same_text(text, track.text):
            # the content changed: a new line in the same place
            track.id = self._new_id()
            track.reads = 1
            track.read_width = _width(quad)
            track.read_sharpness = 0.0
            track.text, track.confidence = text, confidence
        elif text and (not track.text or grew or clear or confidence >= track.confidence):
            track.text, track.confidence = text, confidence
        self._note_sharpness(track, frame, quad)

    def _note_sharpness(self, track: TextTrack, frame: np.ndarray, quad: Quad) -> None:
        """Remember how sharp the line was at its sharpest reading so far, while what was read
        is unsure (a sure reading is not read again for being sharper)."""
        if track.text and track.confidence >= getattr(self.engine, "doubtful_below", UNSURE):
            track.read_sharpness = 0.0
        else:
            track.read_sharpness = max(track.read_sharpness, sharpness(frame, quad))
