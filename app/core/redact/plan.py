"""Which findings a redacted copy hides, how, and over which times.

The review's decisions choose: every finding marked *must fix* (and, when asked, every finding
still *open*). Text and the look of a monitor or board are filled over, faces filled in an
ellipse, codes blacked out, spoken findings silenced or bleeped. A finding is only read every
sample, so each picture item is hidden, whatever the following finds, from one sample interval
before it was first seen to one after it was last seen (`start_s`, `end_s`): the text may have
come into view just after a read, or left just before the next one. Beyond that it is followed
frame by frame for up to LOOK_S more either side, and hidden for as long as the following
finds it in the frame (box_tracks.py): a board that slid in from an edge is in view, in part,
well before it can be read. A text or code is followed on for up to EDGE_LOOK_S (`reach`) while
its box is cut by the frame's edge: a card can sit at the edge with a few characters in view
for longer than LOOK_S before it is panned in and read.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from app.core.findings.hits import same_text
from app.core.geometry import Rect, union
from app.core.models import AnalysisResult, Box, Finding, Source
from app.core.review.decisions import Decision, Review

# (BLUR and ELLIPSE keep their names in the code; what they do is an opaque fill: obscure.py)
BLUR, ELLIPSE, BLACK, SILENCE, BLEEP = "fill", "fill face", "black out", "silence", "bleep"
SOUND_ACTIONS = (SILENCE, BLEEP)
LOOK_S = 3.0  # how far before its first read and after its last a picture item is looked for
EDGE_LOOK_S = 10.0  # and a text or code, while its box is cut by the frame's edge (box_tracks)
BRIDGE_S = 6.0  # the same text read again this soon is taken to have stayed in view between
SPEECH_MARGIN_S = 0.2  # word times are good to about a tenth of a second: a little either side


@dataclass(frozen=True)
class Redaction:
    """One finding hidden from `start_s` to `end_s` by `action`; `boxes` are where it was read
    (empty for speech)."""

    finding: Finding
    action: str
    start_s: float
    end_s: float
    reach_s: tuple[float, float] | None = None  # followed from, to (picture; None: start, end)

    @property
    def reach(self) -> tuple[float, float]:
        return self.reach_s or (self.start_s, self.end_s)

    def may_show(self, t_s: float) -> bool:
        """Whether the item is followed at `t_s` (it is hidden where it is found then)."""
        return self.reach[0] <= t_s <= self.reach[1]

    @property
    def boxes(self) -> tuple[Box, ...]:
        return self.finding.boxes

    @functools.cached_property
    def reads(self) -> list[tuple[float, Rect]]:
        """One rectangle per moment the finding was read (all its pieces then), in time order:
        worked out once, as every frame it covers asks for it."""
        by_time: dict[float, list[Box]] = {}
        for box in self.boxes:
            by_time.setdefault(round(box.t_s, 3), []).append(box)
        return [(t_s, union(*((b.x, b.y, b.w, b.h) for b in boxes)))
                for t_s, boxes in sorted(by_time.items())]

    @property
    def in_picture(self) -> bool:
        return self.action not in SOUND_ACTIONS

    def active(self, t_s: float) -> bool:
        return self.start_s <= t_s <= self.end_s


def chosen(result: AnalysisResult, review: Review, include_open: bool = False) -> list[Finding]:
    """The findings the review wants hidden: must fix, and open ones too when asked."""
    wanted = {Decision.MUST_FIX} | ({Decision.OPEN} if include_open else set())
    return [f for f in result.findings if review.get(f.id).decision in wanted]


def unplaced(result: AnalysisResult, review: Review) -> list[str]:
    """Ids the review marks must fix that this scan did not find: decided on a scan made with
    other settings (a deny list, another OCR engine or speech model). Nothing here says where
    they are, so they cannot be hidden, and a copy made without them is not safe."""
    return list(review.decided_elsewhere(f.id for f in (*result.findings,
                                                        *result.presenter_faces)))


def plan(result: AnalysisResult, review: Review, include_open: bool = False,
         sound: str = SILENCE) -> list[Redaction]:
    """The redactions for a clip, in time order."""
    if sound not in SOUND_ACTIONS:
        raise ValueError(f"sound must be one of {SOUND_ACTIONS}")
    duration = result.video.duration_s
    out = []
    for finding in chosen(result, review, include_open):
        if finding.source is Source.SPEECH:
            out.append(Redaction(finding, sound,
                                 max(0.0, float(finding.start_s) - SPEECH_MARGIN_S),
                                 min(duration, float(finding.end_s) + SPEECH_MARGIN_S)))
            continue
        if not finding.boxes:
            continue  # nothing to cover: said in the note (export.py)
        step = _read_every(finding, result)
        action = {Source.FACE: ELLIPSE, Source.CODE: BLACK}.get(finding.source, BLUR)
        start, end = max(0.0, finding.start_s - step), min(duration, finding.end_s + step)
        look = LOOK_S if action == ELLIPSE else EDGE_LOOK_S
        reach = (max(0.0, min(start, finding.start_s - look)),
                 min(duration, max(end, finding.end_s + look)))
        out.append(Redaction(finding, action, start, end, reach))
    return sorted(_bridged(out), key=lambda r: (r.start_s, r.finding.id))


def _bridged(redactions: list[Redaction]) -> list[Redaction]:
    """A text read, lost and read again soon after is two findings (a wristband during a pan:
    the scan did not read it in between, though it was in view and readable). Each text or
    code redaction is stretched over the next finding of the same text that starts within
    BRIDGE_S of its end, taking that one's reads, so the frames between are covered as those
    between two reads of one finding are: carried by the camera, followed by its look and
    along the straight line from one read to the next."""
    def next_of(r: Redaction) -> Redaction | None:
        later = [s for s in redactions if s.finding.source is r.finding.source
                 and s.finding.category is r.finding.category
                 and r.finding.end_s < s.finding.start_s <= r.finding.end_s + BRIDGE_S
                 and same_text(r.finding.text, s.finding.text)]
        return min(later, key=lambda s: s.finding.start_s) if later else None

    out = []
    for r in redactions:
        after = next_of(r) if r.finding.source in (Source.SCREEN, Source.CODE) else None
        if after is None:
            out.append(r)
            continue
        finding = dataclasses.replace(r.finding, end_s=after.finding.end_s,
                                      boxes=r.finding.boxes + after.finding.boxes)
        out.append(Redaction(finding, r.action, r.start_s, max(r.end_s, after.end_s),
                             (r.reach[0], max(r.reach[1], after.reach[1]))))
    return out


def _read_every(finding: Finding, result: AnalysisResult) -> float:
    """How long the finding could be on screen unseen before its first read or after its last."""
    options = result.options
    if finding.source is Source.FACE:
        return options.face_interval_s
    if finding.source is Source.CODE:
        return max(options.code_interval_s, result.coverage.seconds_between_samples)
    if finding.source is Source.SCENE:
        return max(options.min_read_interval_s, result.coverage.seconds_between_samples)
    return result.coverage.seconds_between_samples
