"""How identifying text is hidden, in the window and in the masked PDF alike."""

import re
from pathlib import Path

from app.core.models import Box, Category, Finding, Source, VideoInfo

# Findings whose text we wrote ourselves ("face of another person", "bedside monitor"): nothing
# in it identifies anyone, so masking it would only hide what the finding is (and its reason does
# not say it "matched" that text: findings.py).
DESCRIBED = frozenset({Source.FACE, Source.SCENE})


def mask_text(text: str) -> str:
    """"Margaret Olson" → "M******* O****"; digits become "#": enough to recognise, not to read."""
    return " ".join(w[:1] + re.sub(r"\w", "*", w[1:]) if not w[:1].isdigit()
                    else re.sub(r"\d", "#", w) for w in text.split())


def shown_text(finding: Finding, masked: bool) -> str:
    # a combination's text is our list of the kinds it adds up ("an age, a day"), nobody's words
    ours = finding.source in DESCRIBED or finding.category is Category.COMBINATION
    return mask_text(finding.text) if masked and not ours else finding.text


def shown_reason(finding: Finding, masked: bool) -> str:
    """The reason as the reviewer may see it. Masked, it is the sentence built masked with the
    finding (never the raw one rewritten); one without it says only what kind of thing it is."""
    if not masked or finding.source in DESCRIBED:
        return finding.reason
    if finding.masked_reason:
        return finding.masked_reason
    return f"a {finding.category.value} matched \"{mask_text(finding.text)}\""


def identifying_words(entries) -> set[str]:
    """The words (lower case, two letters or more) of identifying texts: each is masked wherever
    it stands, as a name's surname alone still names someone."""
    return {w.lower() for entry in entries for w in re.findall(r"\w+", entry) if len(w) > 1}


def mask_free_text(text: str, spans: list[tuple[int, int]] = (), known: tuple[str, ...] = ()
                   ) -> str:
    """Free text (a reviewer's note, the words heard around a finding) as a masked copy shows it.

    Every word that `spans` (character ranges a detector found) touch, every word of a `known`
    identifier (the findings' texts, the deny list), matched without regard to case, is masked,
    and every digit anywhere becomes "#": a number nobody flagged is still nobody's business.
    """
    marked = [False] * len(text)
    for start, end in spans:
        marked[max(0, start):max(0, end)] = [True] * (max(0, end) - max(0, start))
    pieces = identifying_words(known)

    def shown(match: re.Match) -> str:
        word = match.group(0)
        if any(marked[match.start():match.end()]) or any(
                w.lower() in pieces for w in re.findall(r"\w+", word)):
            return mask_text(word)
        return re.sub(r"\d", "#", word)

    return re.sub(r"\S+", shown, text)


def clip_label(video: VideoInfo, masked: bool) -> str:
    """How a copy names the clip. Clinicians name files after patients
    ("Olson_MRN00482913_dressing.mp4"), so a masked copy names it by its content instead: the
    start of its SHA-256 and its length."""
    if not masked:
        return Path(video.path).name
    return f"clip {video.sha256[:12]} ({video.duration_s:.1f} s)"


def padded(box: Box) -> Box:
    """The box grown on every side by a quarter of its height (4 px at least): a detector's box
    can shave a letter's edge, and a blur must cover it."""
    pad = max(4, box.h // 4)
    return Box(box.t_s, box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)


def box_at(finding: Finding, t_s: float) -> Box | None:
    """Where the finding is at `t_s`, if it is on screen then: its box read at that moment, or,
    between two reads, one box over both (it moved from one to the other: what lies between
    is where it was)."""
    if not finding.boxes or not finding.start_s - 0.05 <= t_s <= finding.end_s + 0.05:
        return None
    exact = [b for b in finding.boxes if abs(b.t_s - t_s) < 0.01]
    if exact:
        return exact[0]
    before = [b for b in finding.boxes if b.t_s < t_s]
    after = [b for b in finding.boxes if b.t_s > t_s]
    near = ([max(before, key=lambda b: b.t_s)] if before else []) + \
        ([min(after, key=lambda b: b.t_s)] if after else [])
    x0, y0 = min(b.x for b in near), min(b.y for b in near)
    x1, y1 = max(b.x + b.w for b in near), max(b.y + b.h for b in near)
    return Box(t_s, x0, y0, x1 - x0, y1 - y0)
