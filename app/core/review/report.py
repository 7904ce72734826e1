"""The review PDF: the record that a clip was checked, what was found, and what was decided.

A pure function of its inputs (the scan result, the decisions, the reviewer, the options) plus
the clip's frames for the evidence thumbnails. By default it holds no identifying text: names and
numbers are masked ("M******* O****") and the boxed regions of thumbnails are blurred.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict
from xml.sax.saxutils import escape

import cv2
import numpy as np
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.core.errors import ClearToPostError
from app.core.findings.combination import flags
from app.core.findings.hits import said_within
from app.core.findings.masking import (
    DESCRIBED,
    Finder,
    box_at,
    clip_label,
    mask_free_text,
    mask_free_words,
    padded,
    shown_reason,
    shown_summary,
    shown_text,
)
from app.core.media.fill import fill_rect
from app.core.media.video import iter_frames_at
from app.core.models import AnalysisResult, Box, Category, Finding, Source
from app.core.private_files import write_private_atomically
from app.core.review.decisions import CHECKLIST, Decision, Review, Verdict
from app.core.review.presenter import presenter_lines
from app.core.review.report_redacted import redacted_section
from app.core.review.reread import decided_by
from app.core.review.session import ReviewSession
from app.core.review.verdict import (
    hard_to_read,
    not_cleared_because,
    verdict_colour,
    verdict_of,
)
from app.core.timecode import format_time

if TYPE_CHECKING:
    from app.core.detect import TextDetector

# a page's width and height in points
Page = tuple[float, float]
Styles = dict[str, ParagraphStyle]
PAPER: dict[str, Page] = {"a4": A4, "letter": LETTER}
DECISION_TEXT = {Decision.OPEN: "OPEN", Decision.MUST_FIX: "MUST FIX",
                 Decision.FALSE_ALARM: "FALSE ALARM"}
DECISION_COLOUR = {Decision.OPEN: colors.HexColor("#e0a100"),
                   Decision.MUST_FIX: colors.HexColor("#c62828"),
                   Decision.FALSE_ALARM: colors.HexColor("#9e9e9e")}
LANES = tuple(Source)  # one strip per source, in the window's order
# what each model does, as the record says it (the JSON's tool.models names them)
MODEL_JOBS = {"speech": "speech recognition", "ocr": "text reading", "ner": "names and places",
              "faces": "faces", "voices": "voices"}
NOT_YET_CHECKED = (
    "the look of a wristband, of a whiteboard without ruled lines, or of a dark-mode screen, "
    "where no text on them is legible (bedside monitors and ruled patient boards, charts and "
    "forms are recognised by their look), faces turned fully away, and tattoos, "
    "jewellery or other marks that could identify someone"
)


def _fonts() -> tuple[str, str]:
    """Register Bitstream Vera (shipped with reportlab) so the fonts are embedded."""
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    if "CTPVera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CTPVera", str(folder / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("CTPVeraBd", str(folder / "VeraBd.ttf")))
        # so that <b> in a paragraph is set in the bold face (it was not, without a family)
        pdfmetrics.registerFontFamily("CTPVera", normal="CTPVera", bold="CTPVeraBd",
                                      italic="CTPVera", boldItalic="CTPVeraBd")
    return "CTPVera", "CTPVeraBd"


def write_report(
    session: ReviewSession,
    out: Path,
    *,
    reviewer: str,
    masked: bool = True,
    paper: str = "a4",
    reviewed_at: dt.datetime | None = None,
) -> Path:
    """Write the review PDF of the session's clip (its findings as reviewed, its decisions and
    copies) to `out` (which must not be a folder) and return its path.

    Raises:
        ClearToPostError: the PDF cannot be written there, the clip can no longer be read, or
            it has not been scanned.
    """
    result, review = session.reviewed, session.review
    if result is None or review is None:
        raise ClearToPostError("The clip has not been scanned yet: there is nothing to report.")
    regular, _ = _fonts()
    styles = _styles()
    page = PAPER.get(paper.lower())
    if page is None:
        raise ClearToPostError(f"Paper size must be A4 or Letter, not {paper}.")
    now = reviewed_at or dt.datetime.now().astimezone()
    when = now.strftime("%Y-%m-%d %H:%M %Z").strip()
    # whose decisions this record holds (the callers read the review again just before)
    decided = decided_by(review, [f.id for f in result.findings], now.timestamp())
    story = [
        *_verdict(result, review, masked, styles),
        _clip_table(result, reviewer, when, masked, styles, page,
                    ("Decisions", decided.who(dated=True))),
        *_checklist(result, review, masked, styles, page),
        Paragraph("Timeline", styles["h2"]),
        _timeline(result, review, page[0] - 4 * cm, regular),
        Paragraph("Red: must fix · grey: false alarm · amber: open.", styles["small"]),
        *_coverage(result, styles),
        *redacted_section(result, review, masked, styles,
                          lambda pairs: _facts(pairs, styles, page)),
        *_findings(result, review, masked, styles, page),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
        bottomMargin=1.8 * cm, title=f"ClearToPost review of {clip_label(result.video, masked)}",
        author=reviewer or "ClearToPost", creator=f"ClearToPost {result.tool_version}",
        initialFontName=regular,
    )
    document.build(story, onFirstPage=_footer(regular, when), onLaterPages=_footer(regular, when))
    out = Path(out)
    try:
        write_private_atomically(out, buffer.getvalue())
    except OSError as error:
        raise ClearToPostError(
            f"The PDF could not be written to {out} ({error.strerror or error}); "
            f"choose another folder."
        ) from error
    return out


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=18, leading=22, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12.5, leading=16, spaceBefore=10,
                             spaceAfter=4),
        "body": ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10,
                                textColor=colors.HexColor("#555555")),
        "verdict": ParagraphStyle("verdict", fontName=bold, fontSize=15, leading=19,
                                  spaceBefore=4, spaceAfter=4),
    }


def _verdict(result: AnalysisResult, review: Review, masked: bool, styles: Styles
             ) -> list[Flowable]:
    """The title, the verdict in colour, why it is not cleared, and whether this copy is
    masked."""
    summary = verdict_of(result, review)  # as the window's header shows it (verdict.py)
    story = [Paragraph("ClearToPost review record", styles["title"]),
             Paragraph(f'<font color="{verdict_colour(summary)}">{escape(summary.line())}'
                       f'</font>', styles["verdict"])]
    because = not_cleared_because(summary)
    if because:
        story.append(Paragraph(escape(because), styles["body"]))
    story += [Paragraph(escape(_elsewhere_line(i, review.get(i), result, masked)), styles["small"])
              for i in summary.elsewhere]
    mode = ("This copy is MASKED: identifying text is hidden and boxed regions are blurred."
            if masked else
            "This copy is UNMASKED: it shows identifying text and images. Keep it internal.")
    story += [Paragraph(f"<b>{mode}</b>", styles["body"]), Spacer(1, 6)]
    return story


def _elsewhere_line(finding_id: str, verdict: Verdict, result: AnalysisResult,
                    masked: bool) -> str:
    """ "Must fix, not in this scan: finding 3f2a…, decided 2026-… by Dr B; note: …" """
    said = f"Must fix, not in this scan: finding {finding_id}"
    if verdict.decided_at:
        when = dt.datetime.fromtimestamp(verdict.decided_at).astimezone()
        said += f", decided {when.strftime('%Y-%m-%d %H:%M')}"
        said += f" by {verdict.decided_by}" if verdict.decided_by else ""
    if verdict.note:
        note = mask_free_text(verdict.note, **_free_text_masking(result)) if masked \
            else verdict.note
        said += f"; note: {note}"
    return said + "."


def _clip_table(result: AnalysisResult, reviewer: str, when: str, masked: bool, styles: Styles,
                page: Page, decisions: tuple[str, str]) -> Table:
    video = result.video
    rows = [
        ("Clip", clip_label(video, masked)),
        ("SHA-256", video.sha256),
        ("Duration", f"{format_time(video.duration_s)} ({video.duration_s:.1f} s)"),
        ("Picture", f"{video.width}×{video.height}, {video.fps:g} fps"
                    f"{', rotated ' + str(video.rotation) + '°' if video.rotation else ''}, "
                    f"{'with sound' if video.has_audio else 'no sound'}"),
        ("Reviewed by", reviewer or "(no name given)"),
        ("Reviewed", when),
        decisions,
        ("Checked with", f"ClearToPost {result.tool_version}"),
        ("Models", _models_line(result)),
    ]
    return _facts(rows, styles, page)


def _models_line(result: AnalysisResult) -> str:
    """The models by what they do, each with the start of its SHA-256 where it has one: the
    record pins them down for an audit; the JSON (tool.models) names each in full."""
    jobs = [MODEL_JOBS.get(m.role, m.role) + (f" (SHA-256 {m.sha256[:12]}…)" if m.sha256 else "")
            for m in result.models]
    return ("; ".join(jobs) + ". Each is checked before use and named in the scan's JSON."
            if jobs else "none")


def _facts(pairs: list[tuple[str, str]], styles: Styles, page: Page) -> Table:
    """A two-column table of (label, value) facts: the clip's, a redacted copy's."""
    return _table([[Paragraph(escape(a), styles["small"]), Paragraph(escape(b), styles["body"])]
                   for a, b in pairs], [3.2 * cm, None], page)


def _checklist(result: AnalysisResult, review: Review, masked: bool, styles: Styles, page: Page
               ) -> list[Flowable]:
    rows: list[list[Flowable]] = []
    combined = next((f for f in result.findings if f.category is Category.COMBINATION), None)
    for key, question, allowed in CHECKLIST:
        answer = review.answers.get(key)
        shown = answer.upper() if answer else "NOT ANSWERED"
        flag = "" if answer == allowed else " (blocks posting)"
        asked = escape(question)
        if key == "combination":
            asked += ("<br/><font size=8>The scan found: "
                      f"{escape(shown_reason(combined, masked))}</font>" if combined else
                      "<br/><font size=8>The scan found no combination of details.</font>")
        rows.append([Paragraph(asked, styles["body"]),
                     Paragraph(f"<b>{shown}</b>{flag}", styles["body"])])
    return [Paragraph("Policy checklist (answered by the reviewer)", styles["h2"]),
            _table(rows, [None, 4.5 * cm], page)]


def _findings(result: AnalysisResult, review: Review, masked: bool, styles: Styles, page: Page
              ) -> list[Flowable]:
    shown = flags(result.findings)  # a detail is listed inside its combination
    story = [Paragraph(f"Findings ({len(shown)})", styles["h2"])]
    if not shown:
        story.append(Paragraph("Nothing identifying was found.", styles["body"]))
    items = _items(shown)
    linked = sum(len(item) for item in items if len(item) > 1)
    if linked:
        story.append(Paragraph(
            f"{linked} of them are {sum(len(i) > 1 for i in items)} identifier(s) found more "
            f"than once: each is listed once, with each time it was seen or heard, and one "
            f"decision covers every time.", styles["small"]))
    thumbnails = _thumbnails(result, masked)
    for number, item in enumerate(items, 1):
        entry = (_entry(number, item[0], result, review, thumbnails, masked, styles, page)
                 if len(item) == 1 else
                 _item_entry(number, item, result, review, thumbnails, masked, styles, page))
        story.append(KeepTogether(entry))
    return story


def _items(shown: list[Finding]) -> list[tuple[Finding, ...]]:
    """The flags as items (findings/linked_items.py): each with the findings of its
    identifier, in time order, listed where its first is."""
    by_id = {f.id: f for f in shown}
    listed: set[str] = set()
    items = []
    for finding in shown:
        if finding.id in listed:
            continue
        item = (finding, *(by_id[i] for i in finding.linked if i in by_id))
        item = tuple(sorted(item, key=lambda f: (f.start_s, f.end_s)))
        listed |= {f.id for f in item}
        items.append(item)
    return items


def _table(rows: list[list[Flowable]], widths: list[float | None], page: Page) -> Table:
    usable = page[0] - 4 * cm
    fixed = sum(w for w in widths if w)
    widths = [w or (usable - fixed) for w in widths]
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dddddd")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _timeline(result: AnalysisResult, review: Review, width: float, font: str) -> Drawing:
    label_w, lane_h = 55, 13
    height = lane_h * len(LANES) + 16
    drawing = Drawing(width, height)
    duration = max(result.video.duration_s, 1e-3)
    span_w = width - label_w
    for index, source in enumerate(LANES):
        y = height - 14 - (index + 1) * lane_h
        drawing.add(Rect(label_w, y, span_w, lane_h - 2, fillColor=colors.HexColor("#f3f3f3"),
                         strokeColor=None))
        drawing.add(String(0, y + 3, source.value, fontName=font, fontSize=7))
        for finding in (f for f in flags(result.findings) if f.source is source):
            x0 = label_w + span_w * finding.start_s / duration
            w = max(2.0, span_w * (finding.end_s - finding.start_s) / duration)
            decision = review.get(finding.id).decision
            drawing.add(Rect(x0, y, w, lane_h - 2, fillColor=DECISION_COLOUR[decision],
                             strokeColor=None))
    steps = 6
    for step in range(steps + 1):
        x = label_w + span_w * step / steps
        drawing.add(Line(x, height - 12, x, height - 14, strokeColor=colors.black))
        drawing.add(String(x - 8, height - 10, format_time(duration * step / steps)[3:8],
                           fontName=font, fontSize=6))
    return drawing


def _coverage(result: AnalysisResult, styles: Styles) -> list[Flowable]:
    coverage = result.coverage
    lines = []
    if coverage.transcribed:
        lines.append(f"Speech: {coverage.speech_seconds:.1f} s of speech transcribed in "
                     f"{coverage.audio_seconds:.1f} s of sound.")
    else:
        lines.append("Speech: NOT checked (no usable sound track).")
    lines.append(
        f"Picture: text looked for in {coverage.frames_read} of {coverage.frames_sampled} frames "
        f"sampled every {coverage.seconds_between_samples:g} s (the clip has "
        f"{coverage.frames_total} frames); {coverage.lines_read} lines of text read. Each line "
        f"was followed through the camera's motion and read again only when it was new, grew or "
        f"changed."
    )
    if coverage.low_confidence_speech:
        spans = ", ".join(f"{format_time(a)}–{format_time(b)}"
                          for a, b in coverage.low_confidence_speech)
        lines.append(f"Speech the model was unsure of: {spans}.")
    if coverage.low_confidence_text_times:
        lines.append(hard_to_read(coverage))
    lines += presenter_lines(result)
    lines += list(coverage.notes)
    lines.append(f"Not checked by this version: {NOT_YET_CHECKED}. Look for them yourself.")
    return [Paragraph("What was checked", styles["h2"]),
            *[Paragraph(escape(line), styles["body"]) for line in lines]]


def _clip(box: Box, frame: np.ndarray) -> tuple[int, int, int, int]:
    x0, y0 = max(0, box.x), max(0, box.y)
    x1, y1 = min(frame.shape[1], box.x + box.w), min(frame.shape[0], box.y + box.h)
    return x0, y0, x1, y1


def _thumbnails(result: AnalysisResult, masked: bool) -> dict[str, bytes]:
    """PNG bytes per finding with boxes: the frame at its first box, that box drawn.

    When masked, every identifier on screen in that frame is blurred, not only this one.
    """
    wanted = {f.id: f.boxes[0] for f in result.findings if f.boxes}
    if not wanted:
        return {}
    by_time: dict[float, list[str]] = {}
    for finding_id, box in wanted.items():
        by_time.setdefault(box.t_s, []).append(finding_id)
    pictures = {}
    # one full-size frame in memory at a time; each thumbnail is a small PNG
    for t_s, shown in iter_frames_at(result.video.path, list(by_time)):
        for finding_id in by_time[t_s]:
            pictures.update(_thumbnail(finding_id, wanted[finding_id], shown, result, masked))
    return pictures


def _thumbnail(finding_id: str, box: Box, shown: np.ndarray, result: AnalysisResult,
               masked: bool) -> dict[str, bytes]:
    """The frame `shown` with the finding's box drawn (and, masked, every flagged region
    filled) as a small PNG."""
    frame = shown.copy()
    if masked:
        for other in result.findings:
            other_box = box_at(other, box.t_s)
            if other_box is None:
                continue
            x0, y0, x1, y1 = _clip(padded(other_box), frame)
            if x1 > x0 and y1 > y0:
                # filled as the redacted copy fills: one colour from around the box, so no
                # pixel depends on the letters (a mosaic, even of 4×2 cells, keeps how much ink
                # each stretch holds, which candidate matching can read back)
                fill_rect(frame, (x0, y0, x1 - x0, y1 - y0))
    x0, y0, x1, y1 = _clip(box, frame)
    cv2.rectangle(frame, (x0, y0), (x1, y1), (40, 40, 220), max(2, frame.shape[1] // 200))
    scale = 360 / max(frame.shape[:2])
    small = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, png = cv2.imencode(".png", small)
    return {finding_id: png.tobytes()} if ok else {}


@functools.cache
def _free_text_detector() -> TextDetector:
    from app.core.detect import TextDetector

    return TextDetector()


class FreeTextMasking(TypedDict):
    """masking.mask_free_text's `known` and `find`, for this scan."""

    known: tuple[str, ...]
    find: Finder


def _free_text_masking(result: AnalysisResult) -> FreeTextMasking:
    """How free text is masked for this scan (masking.mask_free_text's `known` and `find`):
    what the detectors and the lists find in its plain form, and every text a finding of this
    scan has and every entry of the deny list."""
    from app.core.word_lists import WordLists

    lists = WordLists(result.options.deny, result.options.allow)

    def find(plain: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in _free_text_detector().detect(plain, lists)]

    known = tuple(telling(f.text) for f in result.findings if f.source not in DESCRIBED)
    return {"known": known + tuple(result.options.deny), "find": find}


def telling(text: str) -> str:
    """A finding's text without the words that name no one: the labels and common words the
    detectors read around an identifier ("Patient", "MRN", "Room", "the"). A note's "one
    patient" stays readable; "Margaret", "Olson" and "00482913" are still masked in it."""
    import re

    from app.core.detect.name_recognizers import NOT_NAMES
    from app.core.detect.overlay_words import NOT_A_NAME

    return " ".join(w for w in re.findall(r"\w+", text)
                    if w.casefold() not in NOT_NAMES and w.casefold() not in NOT_A_NAME)


def _sentence(finding: Finding, result: AnalysisResult, masked: bool) -> str:
    """The transcript around a spoken finding, its words in bold (masked when asked)."""
    words = result.transcript.words if result.transcript else ()

    inside = [i for i, w in enumerate(words) if said_within(w, finding)]
    if not inside:
        return ""
    spoken = [f for f in result.findings if f.source is Source.SPEECH]
    first, last = max(0, inside[0] - 8), min(len(words), inside[-1] + 9)
    texts = [words[index].text for index in range(first, last)]
    if masked:
        # this or another finding's words, and anything else identifying heard around them
        flagged = [k for k in range(len(texts))
                   if any(said_within(words[first + k], f) for f in spoken)]
        texts = mask_free_words(texts, flagged, **_free_text_masking(result))
    parts = [f"<b><u>{escape(text)}</u></b>" if first + k in inside else escape(text)
             for k, text in enumerate(texts)]
    return ("… " if first else "") + " ".join(parts) + (" …" if last < len(words) else "")


def _entry(number: int, finding: Finding, result: AnalysisResult, review: Review,
           thumbnails: dict[str, bytes], masked: bool, styles: Styles, page: Page
           ) -> list[Flowable]:
    verdict = review.get(finding.id)
    text = shown_text(finding, masked)
    colour = DECISION_COLOUR[verdict.decision].hexval().replace("0x", "#")
    head = (f"<b>#{number} · {format_time(finding.start_s)}–{format_time(finding.end_s)} · "
            f"{finding.source.value} · {finding.category.value}</b> · confidence "
            f"{finding.confidence:.2f} · <font color='{colour}'><b>"
            f"{DECISION_TEXT[verdict.decision]}</b></font>")
    if verdict.decided_at:
        head += f" · decided {_when_by(verdict.decided_at, verdict.decided_by)}"
    # the plain summary, not the detector's trace (that stays in the JSON and the window's
    # "Why, in detail"): a record is read by people who do not know the rules' names. A
    # combination's reason is ours in plain words, each detail with its times: it is kept.
    body = [Paragraph(head, styles["body"]),
            Paragraph(f"Found: “{escape(text)}”", styles["body"]),
            Paragraph(f"<b>{escape(shown_summary(finding))}</b>", styles["body"])]
    if finding.category is Category.COMBINATION:
        body.append(Paragraph(escape(shown_reason(finding, masked)), styles["small"]))
    if verdict.note:
        # the reviewers' own names, as the head shows who decided; the note itself is masked
        note = mask_free_text(verdict.note, **_free_text_masking(result)) if masked \
            else verdict.note
        written = f" (written {_when_by(verdict.noted_at, verdict.noted_by)})" \
            if verdict.noted_at else ""
        body.append(Paragraph(f"Reviewer's note{written}: {escape(note)}", styles["body"]))
    if finding.id in thumbnails:
        block = _beside(thumbnails[finding.id], body)
    else:
        sentence = _sentence(finding, result, masked)
        block = body + ([Paragraph(f"Heard: {sentence}", styles["body"])] if sentence else [])
    return [*block, Spacer(1, 8)]


def _item_entry(number: int, item: tuple[Finding, ...], result: AnalysisResult,
                review: Review, thumbnails: dict[str, bytes], masked: bool, styles: Styles,
                page: Page) -> list[Flowable]:
    """One identifier found more than once: listed once, with each time it was seen or heard
    (and each one's decision, should they differ: decided apart before they were linked)."""
    verdicts = [review.get(f.id) for f in item]
    decisions = {v.decision for v in verdicts}
    sources = ", ".join(dict.fromkeys(f.source.value for f in item))
    head = (f"<b>#{number} · {len(item)} times, from {format_time(item[0].start_s)} · "
            f"{sources} · {item[0].category.value}</b> · confidence "
            f"{max(f.confidence for f in item):.2f} · ")
    if len(decisions) == 1:
        decision = verdicts[0].decision
        colour = DECISION_COLOUR[decision].hexval().replace("0x", "#")
        head += f"<font color='{colour}'><b>{DECISION_TEXT[decision]}</b></font>"
        last = max(verdicts, key=lambda v: v.decided_at)
        if last.decided_at:
            head += f" · decided {_when_by(last.decided_at, last.decided_by)}"
    else:
        head += "<b>DECIDED APART</b> (each time's decision below)"
    fullest = max(item, key=lambda f: len(shown_text(f, False)))
    summaries = set(map(shown_summary, item))  # one, said once; or each time's own
    body = [Paragraph(head, styles["body"]),
            Paragraph(f"Found: “{escape(shown_text(fullest, masked))}”", styles["body"]),
            *([Paragraph(f"<b>{escape(summaries.pop())}</b>", styles["body"])]
              if len(summaries) == 1 else []),
            Paragraph("One identifier, found at each of these times:", styles["body"])]
    for finding, verdict in zip(item, verdicts, strict=True):
        line = (f"• {format_time(finding.start_s)}–{format_time(finding.end_s)} · "
                f"{finding.source.value} · “{escape(shown_text(finding, masked))}”")
        if summaries:
            line += f" · <b>{escape(shown_summary(finding))}</b>"
        if len(decisions) > 1:
            line += f" · {DECISION_TEXT[verdict.decision]}"
        body.append(Paragraph(line, styles["body"]))
    for note in dict.fromkeys(v.note for v in verdicts if v.note):
        note = mask_free_text(note, **_free_text_masking(result)) if masked else note
        body.append(Paragraph(f"Reviewer's note: {escape(note)}", styles["body"]))
    body += [Paragraph(f"Heard at {format_time(f.start_s)}: {sentence}", styles["body"])
             for f in item if f.source is Source.SPEECH
             and (sentence := _sentence(f, result, masked))]
    pictured = next((f for f in item if f.id in thumbnails), None)
    return [*(_beside(thumbnails[pictured.id], body) if pictured else body), Spacer(1, 8)]


def _beside(png: bytes, body: list[Flowable]) -> list[Flowable]:
    """The thumbnail on the left, `body` beside it."""
    picture = Image(io.BytesIO(png))
    ratio = picture.imageHeight / picture.imageWidth
    picture.drawWidth = 5.5 * cm if ratio < 1.2 else 3.6 * cm
    picture.drawHeight = picture.drawWidth * ratio
    table = Table([[picture, body]], colWidths=[picture.drawWidth + 0.4 * cm, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [table]


def _when_by(at: float, by: str) -> str:
    """ "2026-01-02 03:04 by Dr A": when a decision or a note was made (local time), and who."""
    when = dt.datetime.fromtimestamp(at).astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{when}{' by ' + escape(by) if by else ''}"


def _footer(font: str, when: str) -> Callable[[Any, Any], None]:
    def draw(canvas: Any, document: Any) -> None:  # reportlab's Canvas and DocTemplate
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.drawString(2 * cm, 1.1 * cm, f"ClearToPost review record · {when}")
        canvas.drawRightString(document.pagesize[0] - 2 * cm, 1.1 * cm,
                               f"page {document.page}")
        canvas.restoreState()
    return draw

