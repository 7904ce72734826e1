"""Details that add up: when the clip's details (detect/details.py), with its ages and dates,
come to three kinds or more, one `combination` finding spans them and lists each with its times.
A detail is no flag alone: the list, the timeline and the PDF show it only inside that
combination (`flags`); the JSON keeps every finding.

HIPAA's Safe Harbor asks that the poster have no actual knowledge that what is left could
identify someone, and every hospital policy warns about combinations: an age, a diagnosis, a
day and a town name nobody, yet point at one person. A rare diagnosis weighs two kinds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from app.core.findings.hits import finding_id
from app.core.findings.masking import mask_text
from app.core.findings.plain_summary import summary_of
from app.core.models import Category, Finding, Source
from app.core.timecode import format_time

ENOUGH = 3  # kinds (a rare diagnosis counts two) that make a combination
_KINDS = {"age": ("age",), "sex and age": ("age", "sex"), "rare condition": ("condition",),
          "condition": ("condition",), "procedure": ("procedure",), "day": ("day",),
          "event": ("event",), "occupation": ("occupation",), "place": ("place",)}
# identifiers that are also details of this kind
_IDENTIFIER_KIND = {Category.AGE: "age", Category.DATE: "day"}
_SAY = {"age": "an age", "sex": "sex", "condition": "a diagnosis", "procedure": "a procedure",
        "day": "a day or date", "event": "an event", "occupation": "an occupation",
        "place": "a town, school or community"}


def _kinds(finding: Finding) -> tuple[str, ...]:
    if finding.category is Category.DETAIL:
        return _KINDS.get(finding.detail, ())
    kind = _IDENTIFIER_KIND.get(finding.category)
    return (kind,) if kind else ()


def flags(findings: Iterable[Finding]) -> list[Finding]:
    """The findings a reviewer is asked about: all but the `detail` ones, which are shown only
    listed inside the clip's `combination` finding (alone, one detail narrows nobody down)."""
    return [f for f in findings if f.category is not Category.DETAIL]


def _listed(kind: str, found: list[Finding], masked: bool) -> str:
    """ "a diagnosis “dehydration” at 00:00:03.0, 00:00:09.5": each text of one kind, with
    every time it was seen or heard."""
    times: dict[str, list[str]] = {}
    for finding in found:
        times.setdefault(finding.text, []).append(format_time(finding.start_s))
    texts = [f"“{mask_text(text) if masked else text}” at {', '.join(dict.fromkeys(when))}"
             for text, when in times.items()]
    return f"{_SAY[kind]} {' and '.join(texts)}"


def combination(findings: list[Finding]) -> Finding | None:
    """The one `combination` finding for a clip's findings, or None when its details are too
    few to narrow anyone down."""
    first: dict[str, Finding] = {}
    every: dict[str, list[Finding]] = {}
    weight: dict[str, int] = {}
    for finding in sorted(findings, key=lambda f: f.start_s):
        for kind in _kinds(finding):
            first.setdefault(kind, finding)
            every.setdefault(kind, []).append(finding)
            rare = 2 if finding.detail == "rare condition" else 1
            weight[kind] = max(weight.get(kind, 0), rare)
    if sum(weight.values()) < ENOUGH:
        return None
    parts = sorted(first.items(), key=lambda item: item[1].start_s)
    listed = "; ".join(_listed(k, every[k], masked=False) for k, _ in parts)
    masked = "; ".join(_listed(k, every[k], masked=True) for k, _ in parts)
    twice = " (a rare diagnosis counts twice)" if 2 in weight.values() else ""
    advice = ("Together they can point at one person for anyone who knows them. Leave out or "
              "blur enough of them (the age, the day, the place) that they could describe "
              "many people.")
    opening = f"{len(parts)} kinds of detail in one clip{twice}: "
    sources = Counter(f.source for _, f in parts)
    start = min(f.start_s for _, f in parts)
    text = ", ".join(_SAY[k] for k, _ in parts)
    return Finding(
        id=finding_id(sources.most_common(1)[0][0], Category.COMBINATION, text, start),
        start_s=start, end_s=max(f.end_s for found in every.values() for f in found),
        source=sources.most_common(1)[0][0], category=Category.COMBINATION, text=text,
        confidence=round(min(0.95, 0.5 + 0.1 * sum(weight.values())), 2),
        reason=f"{opening}{listed}. {advice}", masked_reason=f"{opening}{masked}. {advice}",
        summary=summary_of(Category.COMBINATION, Source.SPEECH, "", text=text))
