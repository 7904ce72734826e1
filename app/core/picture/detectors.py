"""The detectors of the picture stage, one class each (see stage.py for the interface).

- `TextFinder`: finds text lines every sample, follows them (text_tracks.py), reads only new or
  changed lines, and turns identifiers in them into screen findings.
- `CodeFinder`: QR codes and barcodes (codes.py), decoded text through the detectors.
- `LookFinder`: a bedside monitor or a patient board by its look (scene.py), on the frames
  whose text was read.
- `FaceFinder`: CenterFace faces, followed; the presenter's are kept apart, unflagged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import partial

import cv2
import numpy as np

from app.core.detect import TextDetector
from app.core.detect.line_names import holds_identifier
from app.core.detect.seen_names import SeenNames
from app.core.findings.hits import NUMBERS, ScreenHit, ScreenTracker, screen_hits
from app.core.geometry import Rect, part_of_picture, rects_meet, union
from app.core.models import Box, Category, Finding, OcrLine, Source, TextSpan
from app.core.picture.code_findings import code_hits
from app.core.picture.codes import CodeReader
from app.core.picture.edge_text import cut_of, edge_spans
from app.core.picture.face_tracks import (
    FaceTracker,
    face_findings,
    presenter_doubt,
    presenter_faces,
    presenter_tracks,
)
from app.core.picture.faces import FaceBox, FaceDetector
from app.core.picture.motion import move_quad, move_rect
from app.core.picture.ocr import OcrEngine, Quad, group_into_lines
from app.core.picture.scene import scene_hits
from app.core.picture.stacked_lines import (
    block_of,
    joined_text,
    row_of,
    spans_in_value,
    stacked_pairs,
)
from app.core.picture.stage import Sample
from app.core.picture.table_columns import column_cells_of, spans_in_cell
from app.core.picture.text_tracks import TextTracker
from app.core.word_lists import WordLists

log = logging.getLogger(__name__)
LOW_OCR_CONFIDENCE = 0.4
FULL_DETECT_SHARE = 0.85  # above this share of changed picture, look for text everywhere
FINE_EVERY = 6  # every this many samples (3 s), the whole frame at the fine size
ZOOM_AGAIN = 1.25  # a zoom in this much since the whole frame's last fine search: search again
LOOK_GAP_S = 1.6


def _touches(quad: Quad, rect: Rect) -> bool:
    x, y, w, h = rect
    return bool(quad[:, 0].max() >= x and quad[:, 0].min() <= x + w and
                quad[:, 1].max() >= y and quad[:, 1].min() <= y + h)


def _covered(rects: list[Rect], width: int, height: int) -> float:
    """The share of the frame the rectangles cover (overlaps counted once)."""
    mask = np.zeros((height // 8 + 1, width // 8 + 1), bool)
    for x, y, w, h in rects:
        mask[y // 8 : (y + h) // 8 + 1, x // 8 : (x + w) // 8 + 1] = True
    return float(mask.mean())


def _moved_rects(rects: list[Rect] | None, sample: Sample, width: int, height: int
                 ) -> list[Rect] | None:
    """Rectangles of earlier samples moved with the camera, and this sample's changes added;
    None once anything was all new."""
    if rects is None or sample.changed is None:
        return None
    moved: list[Rect] = []
    for rect in rects:
        x, y, w, h = move_rect(rect, sample.motion)
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(width, x + w + 1), min(height, y + h + 1)
        if x1 - x0 >= 8 and y1 - y0 >= 8:
            moved.append((x0, y0, x1 - x0, y1 - y0))
    return moved + list(sample.changed)


def grow_over_lines(rects: list[Rect], quads: list[Quad], width: int, height: int,
                    margin: int = 8) -> list[Rect]:
    """Each changed rectangle grown over the text lines it cuts (a line is searched whole or
    not at all), all kept inside the frame. Rectangles whose bounding box wastes nothing (two
    bands that overlap) become one; a band and a strip down the side stay two."""
    boxes = [(int(q[:, 0].min()) - margin, int(q[:, 1].min()) - margin,
              int(q[:, 0].max() - q[:, 0].min()) + 2 * margin,
              int(q[:, 1].max() - q[:, 1].min()) + 2 * margin) for q in quads]
    out: list[Rect] = []
    pending: list[Rect] = [(int(x), int(y), int(w), int(h)) for x, y, w, h in rects]
    while pending:
        rect = pending.pop()
        grown = True
        while grown:
            grown = False
            for box in boxes:
                if rects_meet(rect, box) and union(rect, box) != rect:
                    rect, grown = union(rect, box), True
        for index, other in enumerate(out):
            joined = union(other, rect)
            if rects_meet(other, rect) and _area(joined) <= _area(other) + _area(rect):
                del out[index]
                pending.append(joined)
                break
        else:
            out.append(rect)
    clipped: list[Rect] = []
    for x, y, w, h in out:
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(width, x + w), min(height, y + h)
        if x1 - x0 >= 8 and y1 - y0 >= 8:
            clipped.append((x0, y0, x1 - x0, y1 - y0))
    return clipped


def _area(rect: Rect) -> int:
    return max(0, rect[2]) * max(0, rect[3])


def distinct_quads(quads: list[Quad]) -> list[Quad]:
    """Lines found twice where two searched rectangles overlap, kept once (the larger box).

    Overlap is measured on the quads themselves, not on the upright rectangles around them:
    around the lines of a tilted page those rectangles overlap their neighbours' (a short line
    lies inside the rectangle of the long line under it), and the short line would go."""
    kept: list[Quad] = []
    for quad in sorted(quads, key=lambda q: -_quad_area(q)):
        area = max(_quad_area(quad), 1.0)
        if not any(shared_area(quad, other) >= 0.7 * area for other in kept):
            kept.append(quad)
    return kept


def _quad_area(quad: Quad) -> float:
    return float(cv2.contourArea(np.asarray(quad, np.float32)))


def shared_area(a: Quad, b: Quad) -> float:
    """The area two (convex) quads have in common, in square pixels."""
    area, _ = cv2.intersectConvexConvex(np.asarray(a, np.float32), np.asarray(b, np.float32))
    return float(area)


@dataclass
class TextFinder:
    """Identifiers in the text on screen."""

    ocr: OcrEngine
    detector: TextDetector
    lists: WordLists
    interval_s: float = 0.5
    name: str = "ocr"
    seconds: float = 0.0
    beside: bool = False
    frames_read: int = 0
    low_text_times: list[float] = field(default_factory=list)
    low_text_parts: list[tuple[float, str]] = field(default_factory=list)  # when, where

    def __post_init__(self) -> None:
        self.lines = TextTracker(self.ocr)
        self.detected_share = 0.0  # frames' worth of picture searched for text
        self._since_fine = 0
        self._zoom = 1.0  # how much the camera zoomed in since the whole frame was searched
        self._unseen_fine: list[Rect] | None = None  # changed since the last fine pass (None: all)
        self.ocr_side = getattr(self.ocr, "detect_side", getattr(self.ocr, "canvas_size", 1280))
        self.fine_side = max(self.ocr_side, getattr(self.ocr, "fine_side", self.ocr_side))
        self.tracker = ScreenTracker()
        # the same line comes back every sample: detect identifiers in each text once
        self._detected: dict[tuple[str, int], list[TextSpan]] = {}
        self._seen = SeenNames()  # a name read once is looked for in every line after

    @property
    def lines_read(self) -> int:
        return self.lines.lines_read

    def process_frame(self, sample: Sample) -> list[Finding]:
        quads = self._lines_on(sample)
        pieces = self.lines.update(sample.t_s, sample.frame, sample.motion, quads)
        sample.pieces = pieces
        self.frames_read += 1
        hits: list[ScreenHit] = []
        stacked: list[ScreenHit] = []
        lines = group_into_lines(pieces, round(sample.t_s, 3))
        height, width = sample.frame.shape[:2]
        for label, value in stacked_pairs(lines):
            joined = joined_text(label, value)
            stacked += screen_hits(value, spans_in_value(label, value, self._spans(joined)))
        column: list[ScreenHit] = []
        for found in column_cells_of(lines):  # "Patient" over a board's column of names
            column += screen_hits(found.cell, spans_in_cell(found, self._spans(found.joined)))
        for line, spans, beside in self._spans_by_block(lines):
            cut = cut_of(line, width, height, frame=sample.frame)
            if cut:  # part of the line is beyond the frame's edge
                spans = edge_spans(line.text, spans, cut, partial(self._spans, beside=beside),
                                   beside)
            if line.confidence < getattr(self.ocr, "doubtful_below", LOW_OCR_CONFIDENCE):
                self.low_text_times.append(round(sample.t_s, 3))
                self.low_text_parts.append((round(sample.t_s, 3), part_of_picture(
                    union(*((b.x, b.y, b.w, b.h) for b in line.boxes)), width, height)))
                # A name "found" in a garbled read is noise; patterns (numbers) still count.
                spans = [s for s in spans if not s.from_ner]
            hits += screen_hits(line, self._seen.added(line.text, spans))
        # a value found on its own line and again under its label or its header is one hit
        hits = with_labelled(hits, stacked)
        for hit in column:
            hits = one_per_place(hits, hit)
        return self.tracker.update(sample.t_s, hits)

    def _lines_on(self, sample: Sample) -> list[Quad]:
        """Where the text lines are: looked for only where the picture changed once the
        camera's motion is taken away (everywhere when most of it changed), at the coarse size;
        every `FINE_EVERY`th sample, where it changed since the last such pass, at the fine size
        (small print); elsewhere the lines followed so far, moved with the camera."""
        height, width = sample.frame.shape[:2]
        long_side = max(height, width)
        self._since_fine += 1
        self._unseen_fine = _moved_rects(self._unseen_fine, sample, width, height)
        # a camera zooming in makes print too small to find at first big enough to read, though
        # the picture "did not change" once the motion is taken away: once it has grown by
        # ZOOM_AGAIN since the whole frame was last searched finely, search it all again
        self._zoom *= float(np.sqrt(abs(np.linalg.det(np.asarray(sample.motion)[:2, :2]))))
        if self._zoom >= ZOOM_AGAIN:
            self._unseen_fine = None
        if self._unseen_fine is None or self._since_fine >= FINE_EVERY:
            if self._unseen_fine is None:
                self._zoom = 1.0
            rects, scale = self._unseen_fine, min(1.0, self.fine_side / long_side)
            self._since_fine, self._unseen_fine = 0, []
        else:
            rects, scale = sample.changed, min(1.0, self.ocr_side / long_side)
        if rects is None:
            self.detected_share += 1.0
            return self.ocr.detect(sample.frame, scale)
        carried = [move_quad(t.quad, sample.motion) for t in self.lines.tracks if t.misses == 0]
        rects = grow_over_lines(rects, carried, width, height)
        share = _covered(rects, width, height)
        if share > FULL_DETECT_SHARE:
            self.detected_share += 1.0
            return self.ocr.detect(sample.frame, scale)
        quads = [q for q in carried if not any(_touches(q, r) for r in rects)]
        found = []
        for x, y, w, h in rects:
            crop = np.ascontiguousarray(sample.frame[y : y + h, x : x + w])
            found += [q + np.array([x, y], np.float32) for q in self.ocr.detect(crop, scale)]
        self.detected_share += share
        return quads + distinct_quads(found)

    def _spans(self, text: str, beside: int = 0) -> list[TextSpan]:
        if (text, beside) not in self._detected:
            self._detected[text, beside] = self.detector.detect(text, self.lists, beside)
        return self._detected[text, beside]

    def _spans_by_block(self, lines: list[OcrLine]
                        ) -> list[tuple[OcrLine, list[TextSpan], int]]:
        """Each line with its identifiers, read again as a line beside an identifier when
        another line of its block holds one ("SMITH JOHN" over "DOB: 06.16.1976", or two lines
        over "38 YRS [F]"), and the strongest cue the line or its company gives."""
        spans = [self._spans(line.text) for line in lines]
        holds = {id(line): holds_identifier(line.text, found)
                 for line, found in zip(lines, spans, strict=True)}
        out: list[tuple[OcrLine, list[TextSpan], int]] = []
        for line, found in zip(lines, spans, strict=True):
            beside = max((holds[id(n)] for n in (*block_of(line, lines), *row_of(line, lines))),
                         default=0)
            if beside > holds[id(line)]:
                found = self._spans(line.text, beside)
            out.append((line, found, max(beside, holds[id(line)])))
        return out

    def showing(self) -> list[Finding]:
        return self.tracker.showing()

    def finish(self, duration_s: float) -> list[Finding]:
        log.debug("text: looked for in %d samples over %.1f frames' worth of picture; lines "
                  "read %s", self.frames_read, self.detected_share, self.lines.reasons)
        return self.tracker.finish(duration_s)


class _HitFinder:
    """A detector whose hits a screen tracker follows, and which reuses its last hits (moved
    with the camera) when nothing in the picture changed since it last ran."""

    tracker: ScreenTracker
    _last: list[ScreenHit] | None = None

    def hits(self, sample: Sample) -> list[ScreenHit]:
        raise NotImplementedError

    def process_frame(self, sample: Sample) -> list[Finding]:
        if sample.unchanged and self._last is not None:
            found = moved_hits(self._last, sample)
        else:
            found = self.hits(sample)
        self._last = found
        return self.tracker.update(sample.t_s, found)

    def showing(self) -> list[Finding]:
        return self.tracker.showing()

    def finish(self, duration_s: float) -> list[Finding]:
        return self.tracker.finish(duration_s)


@dataclass
class CodeFinder(_HitFinder):
    """QR codes and barcodes, and what their contents reveal."""

    codes: CodeReader
    detector: TextDetector
    lists: WordLists
    interval_s: float = 0.5
    name: str = "codes"
    seconds: float = 0.0
    beside: bool = True

    def __post_init__(self) -> None:
        # a code missed once between two looks is still the same code
        self.tracker = ScreenTracker(Source.CODE, "in a code", gap_s=2.1 * self.interval_s)

    def hits(self, sample: Sample) -> list[ScreenHit]:
        return code_hits(self.codes.find(sample.frame), sample.t_s, self.detector, self.lists)


@dataclass
class LookFinder(_HitFinder):
    """A bedside monitor or a patient board by its look. Runs after TextFinder on its frames."""

    interval_s: float = 0.5
    name: str = "scene"
    seconds: float = 0.0
    beside: bool = False

    def __post_init__(self) -> None:
        # a look rests on a few readings or rules, which flicker from sample to sample more
        # than a line of text does: a look missed twice running is still the same scene
        self.tracker = ScreenTracker(Source.SCENE, "in the picture", gap_s=LOOK_GAP_S)

    def hits(self, sample: Sample) -> list[ScreenHit]:
        return scene_hits(sample.frame, sample.pieces or [], sample.t_s)


@dataclass
class FaceFinder:
    """Faces other than the presenter's; the presenter's are kept in `mine`, unflagged."""

    faces: FaceDetector
    interval_s: float = 0.5
    name: str = "faces"
    seconds: float = 0.0
    beside: bool = True
    mine: list[Finding] = field(default_factory=list)
    doubt: str | None = None

    def __post_init__(self) -> None:
        self.tracker = FaceTracker(step_s=self.interval_s)
        self._last: list[FaceBox] | None = None

    def process_frame(self, sample: Sample) -> list[Finding]:
        if sample.unchanged and self._last is not None:
            faces = self._last  # nothing moved, motion aside: the same faces
            faces = [replace(f, x=h.box.x, y=h.box.y) for f, h in zip(
                faces, moved_hits([_as_hit(f) for f in faces], sample), strict=True)]
        else:
            faces = self.faces.detect(sample.frame)
        self._last = faces
        self.tracker.update(sample.t_s, faces)
        return []

    def finish(self, duration_s: float) -> list[Finding]:
        tracks = self.tracker.finish(duration_s)
        presenter = presenter_tracks(tracks)
        self.mine = presenter_faces(tracks, presenter)
        self.doubt = presenter_doubt(tracks, presenter)
        return face_findings(tracks, presenter)


def _as_hit(face: FaceBox) -> ScreenHit:
    span = TextSpan(0, 0, Category.FACE, face.score, "face", "")
    return ScreenHit(span, Box(0.0, face.x, face.y, face.w, face.h), face.score)


def moved_hits(hits: list[ScreenHit], sample: Sample) -> list[ScreenHit]:
    """Hits of an earlier frame, moved with the camera, as seen at this sample."""
    out = []
    for hit in hits:
        x, y, w, h = move_rect((hit.box.x, hit.box.y, hit.box.w, hit.box.h), sample.motion)
        box = Box(round(sample.t_s, 3), max(0, x), max(0, y), max(1, w), max(1, h))
        out.append(replace(hit, box=box))
    return out


def one_per_place(hits: list[ScreenHit], hit: ScreenHit) -> list[ScreenHit]:
    """`hits` with `hit` added unless one of them stands in its place already; a longer reading
    of the same words ("Szymanska Ewa" under its header, "Ewa" on the row) takes that one's
    place."""
    for index, other in enumerate(hits):
        if _same_place(hit, other):
            longer = (len(hit.span.text) > len(other.span.text)
                      and other.span.text.strip() in hit.span.text)
            return [*hits[:index], hit, *hits[index + 1:]] if longer else hits
    return [*hits, hit]


def with_labelled(hits: list[ScreenHit], labelled: list[ScreenHit]) -> list[ScreenHit]:
    """`hits` (each line's own) with the hits found in a value read with its label
    (stacked_lines): one found in its place already stays as it was; a number its own line
    took for another kind of number is what its label says ("943 476 5919" alone a phone,
    beside or under "NHS No" an ID: one finding, an ID)."""
    out = list(hits)
    for hit in labelled:
        if any(_same_place(hit, own) for own in hits):
            continue
        out = [own for own in out if not _relabelled(own, hit)] + [hit]
    return out


def _relabelled(own: ScreenHit, labelled: ScreenHit) -> bool:
    """Whether `labelled` is `own`'s number read with its label as another kind of number."""
    kinds = {own.span.category, labelled.span.category}
    digits = "".join(c for c in own.span.text if c.isdigit())
    return (len(kinds) == 2 and kinds <= NUMBERS and len(digits) >= 4
            and digits in "".join(c for c in labelled.span.text if c.isdigit())
            and rects_meet((own.box.x, own.box.y, own.box.w, own.box.h),
                           (labelled.box.x, labelled.box.y, labelled.box.w, labelled.box.h)))


def _same_place(a: ScreenHit, b: ScreenHit) -> bool:
    """Same category and overlapping boxes."""
    return a.span.category == b.span.category and rects_meet(
        (a.box.x, a.box.y, a.box.w, a.box.h), (b.box.x, b.box.y, b.box.w, b.box.h)
    )
