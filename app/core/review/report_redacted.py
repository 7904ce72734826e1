"""The review PDF's "Redacted copy" section: each copy made, what was hidden in it, and what
scanning it again found. Masked, the copy's file name (which the clinician chose, and may name
the patient) and every finding's text are masked like the rest of the record.
An export that was interrupted is said in one line: no copy of it was kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from app.core.findings.masking import DESCRIBED, mask_text, shown_text
from app.core.models import AnalysisResult
from app.core.review.decisions import Review
from app.core.review.interrupted import interrupted_line, is_interrupted
from app.core.review.reread import DecidedBy
from app.core.timecode import format_time


def redacted_section(result: AnalysisResult, review: Review, masked: bool, styles: dict,
                     facts) -> list:
    """Flowables for every redacted copy recorded in the review (none: an empty list);
    `facts` draws (label, value) pairs as the report's first table does."""
    if not review.redactions:
        return []
    story: list = [Paragraph("Redacted copy", styles["h2"])]
    findings = {f.id: f for f in result.findings}
    for record in review.redactions:
        if is_interrupted(record):
            story.append(Paragraph(escape(interrupted_line(record)), styles["body"]))
            continue
        story.append(facts(_facts(record, masked)))
        items = [_item_line(item, findings.get(item.get("finding_id")), masked)
                 for item in record.get("items", [])]
        story.append(Paragraph("Hidden: " + ("<br/>".join(items) or "nothing"), styles["body"]))
        story.append(Paragraph(_rescan_line(record, findings, masked), styles["body"]))
    return story


def _facts(record: dict, masked: bool) -> list[tuple[str, str]]:
    name = Path(str(record.get("file", ""))).name
    shown = f"copy {str(record.get('sha256', ''))[:12]}" if masked else name
    made = dt.datetime.fromtimestamp(float(record.get("made_at", 0))).astimezone()
    sound = "bleeped" if record.get("sound") == "bleep" else "silenced"
    decided = DecidedBy.from_json(record.get("decisions"))
    used = [("Decisions", decided.who(dated=True))] if decided else []
    return [("File", shown), ("SHA-256", str(record.get("sha256", ""))),
            ("Made", f"{made.strftime('%Y-%m-%d %H:%M %Z').strip()}"
                     f"{' by ' + record['by'] if record.get('by') else ''}"),
            ("Chosen", "must fix and open findings" if record.get("include_open")
             else "findings marked must fix"),
            *used, ("Speech", f"spoken identifiers {sound}")]


def _item_line(item: dict, finding, masked: bool) -> str:
    what = shown_text(finding, masked) if finding is not None else item.get("category", "")
    frames = item.get("frames")
    where = f", in {frames} frames" if frames is not None else ""
    return escape(f"{format_time(float(item.get('start_s', 0)))}–"
                  f"{format_time(float(item.get('end_s', 0)))}  {item.get('action', '')} "
                  f"({item.get('source', '')} {item.get('category', '')}): \"{what}\"{where}")


def _rescan_line(record: dict, findings: dict, masked: bool) -> str:
    rescan = record.get("rescan", {})
    still = rescan.get("still_found", [])
    new = rescan.get("new", [])
    missed = rescan.get("not_hidden", [])
    hidden = len(record.get("items", []))
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
        text = str(again.get("text", ""))
        if masked and again.get("source") not in {s.value for s in DESCRIBED}:
            text = mask_text(text)
        parts.append(escape(f"New: {format_time(float(again.get('start_s', 0)))} "
                            f"{again.get('source', '')} {again.get('category', '')} "
                            f"\"{text}\""))
    return "<br/>".join(parts)
