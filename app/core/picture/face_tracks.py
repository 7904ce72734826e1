"""Faces followed across the frames checked, the presenter told apart, everyone else reported.

A face seen in one check continues a track when it overlaps the track's last box or its centre
is within one face-width of it; a track not seen for `GAP_S` ends. (A wider reach would join a
person walking into view to their earlier box, but also a patient's face to the presenter's
track in a check where the presenter's face was missed: a face left unflagged.) The presenter
is the person on screen longest (summed over their tracks); tracks that never overlap the
presenter's in time and sit where the presenter sits (same place and size, within a face-width)
are the presenter too, turned away for a moment. Every other track seen in at least
`MIN_CHECKS` checks (faces are looked for every second, `ScanOptions.face_interval_s`: about a
second on screen) is a finding, and so is a face seen once whose score is at least
`CLEAR_FACE`: someone crossing the frame, or entering it in the clip's last second, may be in
one check only. Small and partial faces count.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.core.findings.hits import finding_id
from app.core.models import Box, Category, Finding, Source
from app.core.picture.faces import FaceBox

GAP_S = 1.25
MIN_CHECKS = 2
# CenterFace's score for a face seen clearly (faces in the bench and test clips score 0.85-0.95;
# the one-check mistakes MIN_CHECKS is there for score lower, near the 0.5 threshold)
CLEAR_FACE = 0.8
PRESENTER_DOUBT = (
    "Another person is on screen for almost as long as the presenter; the face on screen longest "
    "was taken to be yours and is not flagged. Check that it is (\"This is me\" in the window)."
)


@dataclass
class FaceTrack:
    boxes: list[Box] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    last_seen_s: float = 0.0
    end_s: float = 0.0

    @property
    def start_s(self) -> float:
        return self.boxes[0].t_s

    @property
    def seen_s(self) -> float:
        return max(self.end_s - self.start_s, 0.0)

    def centre(self) -> tuple[float, float, float]:
        xs = [b.x + b.w / 2 for b in self.boxes]
        ys = [b.y + b.h / 2 for b in self.boxes]
        ws = [b.w for b in self.boxes]
        n = len(self.boxes)
        return sum(xs) / n, sum(ys) / n, sum(ws) / n


class FaceTracker:
    def __init__(self, step_s: float) -> None:
        self.step_s = step_s
        self._open: list[FaceTrack] = []
        self._closed: list[FaceTrack] = []

    def update(self, t_s: float, faces: list[FaceBox]) -> None:
        for track in list(self._open):
            if t_s - track.last_seen_s > GAP_S:
                self._open.remove(track)
                self._closed.append(track)
        unmatched = list(self._open)
        for face in sorted(faces, key=lambda f: -f.score):
            box = Box(round(t_s, 3), face.x, face.y, face.w, face.h)
            near = _nearest(unmatched, box)
            if near is None:
                track = FaceTrack()
                self._open.append(track)
            else:
                track = near
                unmatched.remove(track)
            track.boxes.append(box)
            track.scores.append(face.score)
            track.last_seen_s = t_s
            track.end_s = t_s + self.step_s

    def finish(self, duration_s: float) -> list[FaceTrack]:
        tracks = self._closed + self._open
        for track in tracks:
            track.end_s = min(track.end_s, duration_s)
        self._open, self._closed = [], []
        return tracks


def _nearest(tracks: list[FaceTrack], box: Box) -> FaceTrack | None:
    best: tuple[float, FaceTrack] | None = None
    for track in tracks:
        last = track.boxes[-1]
        dx = (last.x + last.w / 2) - (box.x + box.w / 2)
        dy = (last.y + last.h / 2) - (box.y + box.h / 2)
        distance = (dx * dx + dy * dy) ** 0.5
        if distance <= max(last.w, box.w) and (best is None or distance < best[0]):
            best = (distance, track)
    return best[1] if best else None


def presenter_tracks(tracks: list[FaceTrack]) -> set[int]:
    """Indexes of the tracks that are the presenter."""
    if not tracks:
        return set()
    main = max(range(len(tracks)), key=lambda i: tracks[i].seen_s)
    chosen = {main}
    mx, my, mw = tracks[main].centre()
    for i, track in enumerate(tracks):
        if i in chosen:
            continue
        overlaps = any(overlap_in_time(track, tracks[j]) for j in chosen)
        x, y, w = track.centre()
        same_place = abs(x - mx) <= mw and abs(y - my) <= mw and 0.5 <= w / mw <= 2.0
        if not overlaps and same_place:
            chosen.add(i)
    return chosen


def overlap_in_time(a: FaceTrack | Finding, b: FaceTrack | Finding) -> bool:
    """On screen at the same moment (tracks or face findings alike)."""
    return a.start_s < b.end_s and b.start_s < a.end_s


def face_findings(tracks: list[FaceTrack], presenter: set[int] | None = None) -> list[Finding]:
    """A finding for every track that is not the presenter and was seen for more than a moment."""
    return _findings(tracks, presenter, want_presenter=False)


def presenter_faces(tracks: list[FaceTrack], presenter: set[int]) -> list[Finding]:
    """The presenter's tracks as findings that are not flagged, kept so the reviewer can say
    "this is me" about another face (app.core.review.presenter) and the swap needs no second
    scan."""
    return _findings(tracks, presenter, want_presenter=True)


def _findings(tracks: list[FaceTrack], presenter: set[int] | None,
              want_presenter: bool) -> list[Finding]:
    presenter = presenter_tracks(tracks) if presenter is None else presenter
    findings = []
    # numbered over all tracks, so a face keeps its id whichever side of the swap it is on
    for number, (i, track) in enumerate(
        sorted(enumerate(tracks), key=lambda item: item[1].start_s), start=1
    ):
        if (i in presenter) != want_presenter:
            continue
        if len(track.boxes) < MIN_CHECKS and max(track.scores) < CLEAR_FACE:
            continue  # one unclear glimpse: a moment, or the detector's mistake
        face = Finding(
            id=finding_id(Source.FACE, Category.FACE, f"face{number}", track.start_s),
            start_s=round(track.start_s, 3),
            end_s=round(max(track.end_s, track.start_s), 3),
            source=Source.FACE,
            category=Category.FACE,
            text="",
            confidence=round(max(track.scores), 3),
            reason="",
            boxes=tuple(track.boxes),
        )
        findings.append(described(face, presenter=want_presenter))
    return findings


def described(face: Finding, presenter: bool, chosen_by_reviewer: bool = False) -> Finding:
    """The face's text and reason, as the presenter's or as someone else's."""
    largest = max(face.boxes, key=lambda b: b.w * b.h)
    size = f"{largest.w}×{largest.h} px"
    seen = f"seen in {len(face.boxes)} checks over {face.end_s - face.start_s:.1f} s (CenterFace)"
    if presenter:
        text = f"presenter's face ({size})"
        why = ("marked by you as your own face" if chosen_by_reviewer
               else "taken to be the presenter: on screen longest")
        summary = ("Your face, as you marked it" if chosen_by_reviewer
                   else "The presenter's face, on screen longest")
    else:
        text = f"face of another person ({size})"
        why = ("a face other than the one you marked as yours" if chosen_by_reviewer
               else "a face other than the presenter's")
        summary = ("Another person's face (not the one you marked as yours)"
                   if chosen_by_reviewer else "Another person's face")
    return replace(face, text=text, reason=f"{why}, {seen}", summary=summary)


def presenter_doubt(tracks: list[FaceTrack], presenter: set[int]) -> str | None:
    """A sentence for the report when someone else is on screen about as long as the presenter,
    since then "on screen longest" may have picked the wrong person (a patient, not you)."""
    if not presenter:
        return None
    longest = max(tracks[i].seen_s for i in presenter)
    others = [t for i, t in enumerate(tracks) if i not in presenter]
    if any(t.seen_s >= 0.5 * longest and len(t.boxes) >= MIN_CHECKS for t in others):
        return PRESENTER_DOUBT
    return None
