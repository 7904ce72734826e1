"""Turning detector hits into findings: one per identifier occurrence, with its time range.

Speech: each span found in the transcript becomes a finding spanning its words.
Screen: the same text read in consecutive samples is one finding; it starts at the first sample
that shows it and ends at the first that no longer does (the picture stage looks at every
sample, so that is good to a sample).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from app.core.findings.masking import DESCRIBED, identifying_words, mask_text
from app.core.findings.plain_summary import cue_before, summary_of
from app.core.models import Box, Category, Finding, OcrLine, Source, TextSpan, Word
from app.core.text_join import join_with_ranges, readable

SAME_TEXT_RATIO = 0.8  # OCR reads the same words slightly differently from frame to frame
NUMBERS = {Category.ID, Category.DATE, Category.PHONE}
GAP_TOLERANCE_S = 1.0  # a text missed by OCR in one read and back in the next is still one


def finding_id(source: Source, category: Category, text: str, start_s: float) -> str:
    """Stable id: the same clip scanned twice gives the same ids (decisions are keyed on it)."""
    key = f"{source.value}|{category.value}|{normalise(text)}|{start_s:.1f}"
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def with_unique_ids(findings: list[Finding]) -> list[Finding]:
    """The findings, in time order, each with an id no other has: two identical things at once
    (a name written twice on a board, two unreadable barcodes) share `finding_id`, and the
    second would vanish wherever findings are keyed by id. The later ones (by time, then place
    top to bottom, left to right) get "-2", "-3"...: the same clip gives the same ids again."""
    def order(f: Finding) -> tuple[float, str, str, int, int]:
        first = f.boxes[0] if f.boxes else None
        return (f.start_s, f.source.value, f.text, first.y if first else 0, first.x if first else 0)

    seen: dict[str, int] = {}
    out = []
    for finding in sorted(findings, key=order):
        count = seen.get(finding.id, 0) + 1
        seen[finding.id] = count
        out.append(finding if count == 1 else replace(finding, id=f"{finding.id}-{count}"))
    return out


def normalise(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def same_text(a: str, b: str) -> bool:
    """Two readings of one line: alike, or one a part of the other (a line cut at the edge)."""
    a, b = a.lower().replace(" ", ""), b.lower().replace(" ", "")
    if not a or not b:
        return True
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.6


def part_of(a: str, b: str, least: int = 4) -> bool:
    """One normalised reading inside the other, at least `least` characters of it: a name
    coming into view at the frame's edge ("okafo", then "jokafor")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= least and short in long


def reason_for(span: TextSpan, where: str) -> str:
    return f"{span.rule} matched \"{readable(span.text)}\" {where}"


def masked_reason_for(span: TextSpan, where: str) -> str:
    """`reason_for` with the matched text and every entry of the user's the rule quotes masked."""
    # every word of what it cites, wherever the rule has it (rules are joined with " + ")
    pieces = identifying_words((*span.cites, span.text))
    rule = re.sub(r"\w+", lambda m: mask_text(m.group()) if m.group().lower() in pieces
                  else m.group(), span.rule)
    return f"{rule} matched \"{mask_text(readable(span.text))}\" {where}"


def summary_for(span: TextSpan, source: Source) -> str:
    """The finding's plain line (plain_summary.py) from what the detector knew."""
    return summary_of(span.category, source, span.rule, span.cue, span.detail, span.text)


def with_cue(span: TextSpan, text: str) -> TextSpan:
    """The span with the label or cue word right before it in `text` (or opening it), unless
    the detector gave it one already (a label above it, a line's neighbours)."""
    return span if span.cue else replace(span, cue=cue_before(text, span.start, span.text))


def transcript_text(words: tuple[Word, ...]) -> tuple[str, list[tuple[int, int]]]:
    """The transcript as one string, and each word's character range inside it."""
    return join_with_ranges([word.text for word in words])


def said_within(word: Word, finding: Finding) -> bool:
    """Whether a transcript word belongs to a spoken finding (by time; 10 ms of slack)."""
    return word.start_s >= finding.start_s - 0.01 and word.end_s <= finding.end_s + 0.01


def speech_findings(words: tuple[Word, ...], spans: list[TextSpan]) -> list[Finding]:
    """One finding per span detected in the transcript, timed by the words it covers."""
    said, ranges = transcript_text(words)
    findings = []
    for span in (with_cue(s, said) for s in spans):
        covered = [w for w, (a, b) in zip(words, ranges, strict=True)
                   if a < span.end and b > span.start]
        if not covered:
            continue
        start, end = covered[0].start_s, covered[-1].end_s
        heard = min(w.probability for w in covered)
        findings.append(
            Finding(
                id=finding_id(Source.SPEECH, span.category, span.text, start),
                start_s=start,
                end_s=end,
                source=Source.SPEECH,
                category=span.category,
                text=span.text,
                confidence=round(span.confidence * (0.5 + 0.5 * heard), 3),
                reason=reason_for(span, "in the speech"),
                masked_reason=masked_reason_for(span, "in the speech"),
                detail=span.detail,
                summary=summary_for(span, Source.SPEECH),
            )
        )
    return findings


@dataclass(frozen=True)
class ScreenHit:
    """An identifier read on one frame."""

    span: TextSpan
    box: Box
    ocr_confidence: float
    tracks: frozenset[int] = frozenset()  # ids of the followed text lines it was read on


def screen_hits(line: OcrLine, spans: list[TextSpan]) -> list[ScreenHit]:
    """Attach to each span the union of the boxes of the OCR pieces it covers."""
    hits = []
    for span in (with_cue(s, line.text) for s in spans):
        covered = [i for i, (a, e) in enumerate(line.spans) if a < span.end and e > span.start]
        boxes = [line.boxes[i] for i in covered]
        tracks = frozenset(line.tracks[i] for i in covered if i < len(line.tracks)) - {-1}
        if not boxes:
            continue
        x0 = min(b.x for b in boxes)
        y0 = min(b.y for b in boxes)
        x1 = max(b.x + b.w for b in boxes)
        y1 = max(b.y + b.h for b in boxes)
        hits.append(ScreenHit(span, Box(boxes[0].t_s, x0, y0, x1 - x0, y1 - y0), line.confidence,
                              tracks))
    return hits


@dataclass
class _Track:
    span: TextSpan
    start_s: float
    boxes: list[Box]
    confidence: float
    ended_s: float | None = None  # set when a read no longer shows it
    texts: dict[str, float] = field(default_factory=dict)  # reading → width × confidence, summed
    lines: set[int] = field(default_factory=set)  # the followed text lines it was read on
    id: str = ""  # given at first sight and kept to the close: the row the reviewer decides

    def matches(self, hit: ScreenHit) -> bool:
        a = normalise(hit.span.text)
        if hit.span.category != self.span.category:
            # a number cut at the frame's edge is read as a number before its label shows
            return {hit.span.category, self.span.category} <= NUMBERS and any(
                part_of(a, normalise(text)) for text in self.texts)
        for text in {self.span.text, *self.texts}:  # every reading so far: cut, then whole
            b = normalise(text)
            if a == b or SequenceMatcher(None, a, b).ratio() >= SAME_TEXT_RATIO or part_of(a, b):
                return True
        # the same followed line read differently ("Oka" at the frame's edge, then "Okafor")
        return bool(hit.tracks & self.lines) and same_text(a, normalise(self.span.text))

    def add(self, hit: ScreenHit) -> None:
        self.boxes.append(hit.box)
        weight = max(hit.box.w, 1) * max(hit.ocr_confidence, 0.05)
        self.texts[hit.span.text] = self.texts.get(hit.span.text, 0.0) + weight
        self.lines |= hit.tracks


class ScreenTracker:
    """Follows identifiers across the frames read and closes them into findings."""

    def __init__(self, source: Source = Source.SCREEN, where: str = "on screen",
                 gap_s: float = GAP_TOLERANCE_S) -> None:
        self._open: list[_Track] = []
        self._ids: set[str] = set()  # every id given: two tracks never share one
        self.source = source
        self.where = where
        self.gap_s = gap_s

    def update(self, t_s: float, hits: list[ScreenHit]) -> list[Finding]:
        """Take the hits of the sample at `t_s`; return the findings that are now over. A text
        starts at the first sample that shows it and ends at the first that no longer does."""
        closed = []
        for track in list(self._open):
            if track.ended_s is not None and t_s - track.ended_s > self.gap_s:
                self._open.remove(track)
                closed.append(self._finding(track, track.ended_s))
        unmatched_tracks = list(self._open)
        for hit in hits:
            seen = _best_track(unmatched_tracks, hit)
            if seen is None:
                new = _Track(hit.span, t_s, [], hit.span.confidence * _ocr_weight(hit))
                new.id = self._new_id(hit.span, t_s)
                new.add(hit)
                self._open.append(new)
                continue
            unmatched_tracks.remove(seen)
            seen.ended_s = None
            seen.add(hit)
            if (hit.span.category is seen.span.category and _says_staff(hit.span)
                    and not _says_staff(seen.span)):
                seen.span = hit.span  # a name first read cut, its label read later: staff
            seen.confidence = max(seen.confidence, hit.span.confidence * _ocr_weight(hit))
        for track in unmatched_tracks:
            if track.ended_s is None:
                track.ended_s = t_s
        return closed

    def _new_id(self, span: TextSpan, t_s: float) -> str:
        """The id of a text first seen now, as it was first read: a finding is a row the
        reviewer can decide from its first sight, and keeps that id while it grows (its end,
        its best reading, even its rule) and once closed. Two texts first read alike at once (a
        name written twice on a board) get "-2", "-3"... in the order they were read."""
        base = finding_id(self.source, span.category, span.text, t_s)
        given, count = base, 1
        while given in self._ids:
            count += 1
            given = f"{base}-{count}"
        self._ids.add(given)
        return given

    def _finding(self, track: _Track, end_s: float) -> Finding:
        return _finding(track, end_s, self.source, self.where)

    def showing(self) -> list[Finding]:
        """The findings still on screen where the scan has reached, as they stand so far (their
        end, best reading and boxes can still grow; `update` or `finish` gives the complete
        one, with the same id)."""
        return [self._finding(t, t.boxes[-1].t_s) for t in self._open if t.ended_s is None]

    def finish(self, duration_s: float) -> list[Finding]:
        """Close every track at the end of the video."""
        closed = [self._finding(t, t.ended_s if t.ended_s is not None else duration_s)
                  for t in self._open]
        self._open = []
        return closed


def _says_staff(span: TextSpan) -> bool:
    return span.rule.startswith("staff name")


def _best_track(tracks: list[_Track], hit: ScreenHit) -> _Track | None:
    candidates = [t for t in tracks if t.matches(hit)]
    if not candidates:
        return None
    last = hit.box
    # the same followed line first; then the nearest
    return min(candidates, key=lambda t: (
        not (hit.tracks & t.lines), abs(t.boxes[-1].x - last.x) + abs(t.boxes[-1].y - last.y)))


def _ocr_weight(hit: ScreenHit) -> float:
    return 0.6 + 0.4 * max(0.0, min(1.0, hit.ocr_confidence))


def _finding(track: _Track, end_s: float, source: Source, where: str) -> Finding:
    # The reading seen most, widest and surest is the best guess at what is really written;
    # shown as a person reads it (a column's gap as one space: text_join.readable)
    text = readable(max(track.texts, key=lambda reading: track.texts[reading]))
    span = track.span
    seen = f"{where} ({len(track.boxes)} frame(s) read)"
    return Finding(
        id=track.id or finding_id(source, span.category, text, track.start_s),
        start_s=round(track.start_s, 3),
        end_s=round(max(end_s, track.start_s), 3),
        source=source,
        category=span.category,
        text=text,
        confidence=round(track.confidence, 3),
        reason=(f"{span.rule}, seen {seen}"
                if source in DESCRIBED  # its text is our description, not what was read
                else reason_for(span, seen)),
        boxes=tuple(track.boxes),
        masked_reason="" if source in DESCRIBED else masked_reason_for(span, seen),
        detail=span.detail,
        summary=summary_of(span.category, source, span.rule, span.cue, span.detail, text),
    )
