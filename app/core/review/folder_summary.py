"""The summary of a folder's scan (folder_scan.py): a CSV, one row per file of the folder, and a
PDF cover page with the same table. A masked cover page names each clip as its masked review
PDF does (by content: `clip <SHA-256 start> (<length> s)`), and a file it could not read by its
masked name; the CSV, like the clips' JSON, names them as they are (it is the user's own, 0600).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.core.errors import ClearToPostError
from app.core.findings.masking import clip_label, mask_text
from app.core.models import Category
from app.core.private_files import write_private_atomically
from app.core.review.folder_scan import FAILED, SKIPPED, ClipOutcome
from app.core.review.report import PAPER, _fonts, _footer, _styles

# the flag kinds counted (a detail is not a flag: it is listed inside its combination)
KINDS = tuple(c.value for c in Category if c is not Category.DETAIL)
CSV_COLUMNS = ("clip", "status", "verdict", "flags", "must_fix", "open", "false_alarm",
               "checklist_unanswered", *KINDS, "masked_name", "sha256", "duration_s", "json",
               "pdf", "problem")
VERDICT_COLOUR = {"Cleared": "#2e7d32", "Not cleared": "#c62828", "Failed": "#c62828",
                  "Skipped": "#616161"}


def csv_rows(outcomes: list[ClipOutcome]) -> list[dict[str, str]]:
    """One row per outcome, CSV_COLUMNS its keys (counts as numbers, empty when not scanned)."""
    rows = []
    for outcome in outcomes:
        summary, video = outcome.summary, outcome.video
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(clip=outcome.clip.as_posix(), status=outcome.status, verdict=outcome.verdict,
                   problem=outcome.problem)
        if summary is not None:
            row.update(flags=str(outcome.flags), must_fix=str(summary.must_fix),
                       open=str(summary.open), false_alarm=str(summary.false_alarm),
                       checklist_unanswered=str(len(summary.unanswered)))
            row.update({k: str(outcome.by_category.get(k, 0)) for k in KINDS})
        if video is not None:
            row.update(masked_name=clip_label(video, True), sha256=video.sha256,
                       duration_s=f"{video.duration_s:.3f}")
        if len(outcome.files) == 2:
            row.update(json=outcome.files[0].as_posix(), pdf=outcome.files[1].as_posix())
        rows.append({k: _inert(v) for k, v in row.items()})
    return rows


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: one starting as a formula would ("=HYPERLINK(..)"
    in a clip's name) is given a leading apostrophe, as spreadsheets write it themselves."""
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def write_summary_csv(outcomes: list[ClipOutcome], out: Path) -> Path:
    """Write the CSV (UTF-8, a header row, 0600, whole or not at all) and return its path.

    Raises:
        ClearToPostError: it could not be written.
    """
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(outcomes))
    _write(out, text.getvalue())
    return out


def shown_name(outcome: ClipOutcome, masked: bool) -> str:
    """How the cover page names the file: as its review PDF names the clip."""
    if outcome.video is not None:
        return clip_label(outcome.video, masked)
    return mask_text(outcome.clip.as_posix()) if masked else outcome.clip.as_posix()


def _kinds(outcome: ClipOutcome) -> str:
    if outcome.summary is None:
        return "(not read)" if outcome.status == FAILED else "(not a clip)"
    return ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in outcome.by_category.items()) \
        or "none"


def _table(outcomes: list[ClipOutcome], masked: bool, width: float) -> Table:
    cell = _styles()["body"]
    bold = ParagraphStyle("bold", parent=cell, fontName=_fonts()[1])
    head = ["#", "Clip", "Verdict", "Must fix", "Open", "False alarm", "Flags by kind"]
    rows: list[list[object]] = [[Paragraph(h, bold) for h in head]]
    for number, outcome in enumerate(outcomes, 1):
        summary = outcome.summary
        counts = ([str(summary.must_fix), str(summary.open), str(summary.false_alarm)]
                  if summary is not None else ["", "", ""])
        colour = VERDICT_COLOUR[outcome.verdict]
        rows.append([
            Paragraph(str(number), cell), Paragraph(escape(shown_name(outcome, masked)), cell),
            Paragraph(f'<font color="{colour}">{outcome.verdict}</font>', bold),
            *(Paragraph(c, cell) for c in counts), Paragraph(escape(_kinds(outcome)), cell),
        ])
    shares = (0.05, 0.29, 0.17, 0.07, 0.09, 0.10, 0.23)
    table = Table(rows, colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bdbdbd")),
    ]))
    return table


def _tally(outcomes: list[ClipOutcome]) -> str:
    clips = [o for o in outcomes if o.status != SKIPPED]
    said = [f"{len(clips)} clip{'s' if len(clips) != 1 else ''}"]
    for verdict in ("Cleared", "Not cleared", "Failed"):
        count = sum(1 for o in clips if o.verdict == verdict)
        if count or verdict != "Failed":
            said.append(f"{count} {verdict.lower()}")
    skipped = len(outcomes) - len(clips)
    files = f"; {skipped} other file{'s' if skipped != 1 else ''} skipped" if skipped else ""
    return f"{said[0]}: {', '.join(said[1:])}{files}."


def write_cover_page(outcomes: list[ClipOutcome], out: Path, *, folder: Path, reviewer: str,
                     masked: bool = True, paper: str = "a4",
                     when: dt.datetime | None = None) -> Path:
    """Write the cover page PDF (the summary table; masked: clips named by content and the
    folder not named) and return its path.

    Raises:
        ClearToPostError: it could not be written, or `paper` is not a size.
    """
    regular, _ = _fonts()
    styles = _styles()
    page = PAPER.get(paper.lower())
    if page is None:
        raise ClearToPostError(f"Paper size must be A4 or Letter, not {paper}.")
    stamp = (when or dt.datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    where = "" if masked else f" of {folder}"
    mode = ("This page is MASKED: clips are named by their content, as in their masked review "
            "PDFs." if masked else "This page is UNMASKED: it names the clips' files. Keep it "
            "internal.")
    story = [
        Paragraph("ClearToPost folder review", styles["title"]),
        Paragraph(escape(f"The scan{where}: {_tally(outcomes)}"), styles["body"]),
        Paragraph(escape(f"Reviewed by {reviewer or '(no name given)'}, {stamp}. Each clip's "
                         "review PDF holds its flags, its decisions and its checklist; a clip "
                         "is cleared only when each flag is decided and the checklist "
                         "allows it."), styles["body"]),
        Paragraph(f"<b>{mode}</b>", styles["body"]), Spacer(1, 8),
        _table(outcomes, masked, page[0] - 4 * cm),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=2 * cm, rightMargin=2 * cm,
        topMargin=1.8 * cm, bottomMargin=1.8 * cm, title="ClearToPost folder review",
        author=reviewer or "ClearToPost", creator="ClearToPost", initialFontName=regular)
    document.build(story, onFirstPage=_footer(regular, stamp),
                   onLaterPages=_footer(regular, stamp))
    _write(out, buffer.getvalue())
    return out


def _write(out: Path, data: str | bytes) -> None:
    try:
        write_private_atomically(Path(out), data)
    except OSError as error:
        raise ClearToPostError(f"{out} could not be written ({error.strerror or error}); "
                               f"choose another folder.") from error
