"""The review PDF's "Redacted copy" section: each copy made, what was hidden in it, and what
scanning it again found. Masked, the copy's file name (which the clinician chose, and may name
the patient) and every finding's text are masked like the rest of the record.
An export that was interrupted is said in one line: no copy of it was kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from app.core.findings.masking import DESCRIBED, mask_text, shown_text
from app.core.models import AnalysisResult, Finding
from app.core.review.copies import HiddenItem, InterruptedExport, RedactedCopy
from app.core.review.decisions import Review
from app.core.review.interrupted import interrupted_line
from app.core.timecode import format_time


def redacted_section(result: AnalysisResult, review: Review, masked: bool,
                     styles: dict[str, ParagraphStyle],
                     facts: Callable[[list[tuple[str, str]]], Flowable]) -> list[Flowable]:
    """Flowables for every redacted copy recorded in the review (none: an empty list);
    `facts` draws (label, value) pairs as the report's first table does."""
    if not review.redactions:
        return []
    story: list[Flowable] = [Paragraph("Redacted copy", styles["h2"])]
    findings = {f.id: f for f in result.findings}
    for record in review.redactions:
        if isinstance(record, InterruptedExport):
            story.append(Paragraph(escape(interrupted_line(record)), styles["body"]))
            continue
        story.append(facts(_facts(record, masked)))
        items = [_item_line(item, findings.get(item.finding_id), masked)
                 for item in record.items]
        story.append(Paragraph("Hidden: " + ("<br/>".join(items) or "nothing"), styles["body"]))
        story.append(Paragraph(_rescan_line(record, findings, masked), styles["body"]))
        if record.read_back:
            story.append(Paragraph(_read_back_line(record.read_back, masked), styles["body"]))
    return story


def _facts(record: RedactedCopy, masked: bool) -> list[tuple[str, str]]:
    name = Path(record.file).name
    shown = f"copy {record.sha256[:12]}" if masked else name
    made = dt.datetime.fromtimestamp(record.made_at).astimezone()
    sound = "bleeped" if record.sound == "bleep" else "silenced"
    decided = record.decisions
    used = [("Decisions", decided.who(dated=True))] if decided else []
    return [("File", shown), ("SHA-256", record.sha256),
            ("Made", f"{made.strftime('%Y-%m-%d %H:%M %Z').strip()}"
                     f"{' by ' + record.by if record.by else ''}"),
            ("Chosen", "must fix and open findings" if record.include_open
             else "findings marked must fix"),
            *used, ("Speech", f"spoken identifiers {sound}")]


def _item_line(item: HiddenItem, finding: Finding | None, masked: bool) -> str:
    what = shown_text(finding, masked) if finding is not None else item.category
    where = f", in {item.frames} frames" if item.frames is not None else ""
    return escape(f"{format_time(item.start_s)}–{format_time(item.end_s)}  {item.action} "
                  f"({item.source} {item.category}): \"{what}\"{where}")


def _rescan_line(record: RedactedCopy, findings: dict[str, Finding], masked: bool) -> str:
    rescan = record.rescan
    still, new, missed = rescan.still_found, rescan.new, rescan.not_hidden
    hidden = len(record.items)
    verdict = ("<b>none of what was hidden was found again</b>" if not still else
               f"<b>{len(still)} of the {hidden} hidden findings were found again</b>")
    if missed:
        verdict += (f"; <b>NOT SAFE: {len(missed)} finding{'s' if len(missed) != 1 else ''} "
                    f"marked to hide when it was checked {'were' if len(missed) != 1 else 'was'}"
                    f" not hidden</b>")
    parts = [f"Scanned again: {verdict}; {len(new)} new finding{'s' if len(new) != 1 else ''}."]
    for label, ids in (("Still found", still), ("Not hidden", missed)):
        for finding in filter(None, (findings.get(i) for i in ids)):
            parts.append(escape(f"{label}: {finding.category.value} "
                                f"\"{shown_text(finding, masked)}\""))
    for again in new:
        text = again.text
        if masked and again.source not in {s.value for s in DESCRIBED}:
            text = mask_text(text)
        parts.append(escape(f"New: {format_time(again.start_s)} "
                            f"{again.source} {again.category} \"{text}\""))
    return "<br/>".join(parts)


def _read_back_line(read_back: dict[str, Any], masked: bool) -> str:
    """The proof's read-back: how many frames each round read, what it found and changed, and
    the frames where hidden text could still be read, or a hidden face or code seen (NOT
    SAFE)."""
    rounds = read_back.get("rounds", [])
    frames = sum(int(r.get("frames", 0)) for r in rounds)
    parts = [f"Read back by OCR: {frames} frames in {len(rounds)} round"
             f"{'s' if len(rounds) != 1 else ''}."]
    for number, r in enumerate(rounds):
        said = (f"Round {number}: {r.get('frames', 0)} frames read ({r.get('around', 0)} "
                f"around the covers, every frame; the rest whole, one in three), "
                f"{r.get('leaks', 0)} reads of hidden text")
        if r.get("unchanged") or r.get("looks_unchanged"):
            said += (f" ({r.get('unchanged', 0) + r.get('looks_unchanged', 0)} regions not read "
                     f"again: each showed what it showed when last read clean, within 15 "
                     f"frames)")
        if r.get("looked"):
            said += (f", {r.get('faces', 0)} faces and {r.get('codes', 0)} codes seen where "
                     f"hidden (face detector and code reader around each hidden one, every "
                     f"frame)")
        if r.get("found_again"):
            said += f", {r['found_again']} found again by the re-scan"
        if r.get("patched"):
            said += (f"; covers widened or extended by {r['patched']} patches over "
                     f"{r.get('findings', 0)} findings, and the copy written again")
        parts.append(escape(said + "."))
    leaks = read_back.get("leaks", [])
    if leaks:
        times = sorted({float(leak.get("t_s", 0)) for leak in leaks})
        shown = ", ".join(format_time(t) for t in times[:10]) + ("…" if len(times) > 10 else "")
        reads = "" if masked else " (read: " + ", ".join(
            f"\"{leak.get('read', '')}\"" for leak in leaks[:5]) + ")"
        parts.append(f"<b>NOT SAFE: hidden text can still be read, or a hidden face or code "
                     f"seen, in {len(times)} frames, at "
                     f"{escape(shown)}</b>{escape(reads)}; pictures of them: "
                     f"{len(read_back.get('thumbnails', []))} beside the copy.")
    return "<br/>".join(parts)
