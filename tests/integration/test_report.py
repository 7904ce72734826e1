"""The review PDF, read back as text: verdict, every finding's time and decision, coverage, and
no identifying text in the masked copy."""

import re
import subprocess
from pathlib import Path

import pytest

from app.core.findings.masking import mask_text
from app.core.pipeline import analyze, run
from app.core.review.decisions import Decision, Review
from app.core.review.report import write_report
from app.core.review.session import ReviewSession
from app.core.timecode import format_time

pytestmark = pytest.mark.models


def pdf_text(path: Path) -> str:
    """The PDF's text with runs of white space folded, so wrapped lines read as one."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


@pytest.fixture(scope="module")
def scanned(identifiers_clip, engines):
    return run(analyze(identifiers_clip.path, engines=engines))


@pytest.fixture
def review(scanned, tmp_path):
    review = Review.load(scanned.video.sha256, tmp_path)
    ids = [f.id for f in scanned.findings]
    review.decide(ids[0], Decision.MUST_FIX, "cut this part")
    review.decide(ids[1], Decision.FALSE_ALARM)
    return review


def test_masked_report_has_verdict_findings_coverage_and_no_identifiers(
    scanned, review, identifiers_clip, tmp_path
):
    out = write_report(ReviewSession(scanned, review),
                       tmp_path / "review.pdf", reviewer="Dr Reviewer")
    text = pdf_text(out)
    open_count = len(scanned.findings) - 2
    assert f"Not cleared: 1 must fix · 1 false alarm · {open_count} open" in text
    assert "MASKED" in text and "Dr Reviewer" in text and scanned.video.sha256 in text
    for finding in scanned.findings:
        assert f"{format_time(finding.start_s)}–{format_time(finding.end_s)}" in text
    assert len(re.findall(r"MUST\s+FIX", text)) == 1  # a long line may wrap between the words
    assert len(re.findall(r"FALSE\s+ALARM", text)) == 1
    assert "cut this part" in text
    coverage = scanned.coverage
    assert (f"text looked for in {coverage.frames_read} of {coverage.frames_sampled} frames"
            in text)
    assert f"{coverage.lines_read} lines of text read" in text
    assert f"the clip has {coverage.frames_total} frames" in text
    assert f"{coverage.speech_seconds:.1f} s of speech" in text
    planted = [p.text for p in identifiers_clip.planted] + [f.text for f in scanned.findings]
    labels = {"patient", "room", "bed", "dob", "mrn"}  # words that identify no one by themselves
    for secret in planted:
        for word in secret.replace(".", " ").split():
            # a summary quotes the label it was found after ("after 'Patient:'"), never more
            if len(word) > 2 and word.lower().rstrip(":") not in labels:
                assert word not in text, word
    assert (out.stat().st_mode & 0o777) == 0o600


def test_unmasked_report_shows_the_text_and_says_so(scanned, review, tmp_path):
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "r.pdf", reviewer="R",
                                 masked=False, paper="letter"))
    assert "UNMASKED" in text
    assert all(f.text in text for f in scanned.findings if len(f.text) < 30)


def test_checklist_answers_decide_cleared(scanned, tmp_path):
    review = Review.load(scanned.video.sha256, tmp_path)
    for finding in scanned.findings:
        review.decide(finding.id, Decision.FALSE_ALARM)
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "a.pdf", reviewer="R"))
    assert "Not cleared" in text and "NOT ANSWERED" in text
    review.answer("consent", "yes")
    review.answer("care_area", "no")
    review.answer("combination", "no")
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "b.pdf", reviewer="R"))
    assert "Cleared: 0 must fix" in text and "Not cleared" not in text
    review.answer("care_area", "yes")
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "c.pdf", reviewer="R"))
    assert "Not cleared" in text and "blocks posting" in text


def test_a_must_fix_decided_on_a_scan_with_other_settings_is_never_cleared(scanned, tmp_path):
    """Another scan (another deny list) found "Ward 7B" and a reviewer marked it must fix; this
    scan has no such finding. Every flag here a false alarm and the checklist answered: the PDF
    must not say Cleared, and says which finding, who decided it and why it is not here."""
    review = Review.load(scanned.video.sha256, tmp_path)
    for finding in scanned.findings:
        review.decide(finding.id, Decision.FALSE_ALARM)
    for key, answer in (("consent", "yes"), ("care_area", "no"), ("combination", "no")):
        review.answer(key, answer)
    review.reviewer = "Dr B"
    review.decide("deadbeef0001", Decision.MUST_FIX, "Ward 7B Olson on the door sign")
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "e.pdf", reviewer="R"))
    assert "Not cleared: 0 must fix" in text and "1 must fix not in this scan" in text
    assert "marked must fix on a scan made with other settings" in text
    assert "Must fix, not in this scan: finding deadbeef0001" in text and "by Dr B" in text
    assert "Olson" not in text  # its note is masked as every note is
    summary = review.summary([f.id for f in scanned.findings],
                             [f.id for f in scanned.findings])
    assert not summary.cleared and summary.elsewhere == ("deadbeef0001",)
    review.decide("deadbeef0001", Decision.FALSE_ALARM)  # the other side: nothing left to fix
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "f.pdf", reviewer="R"))
    assert "Cleared: 0 must fix" in text and "not in this scan" not in text


def test_fonts_are_embedded(scanned, review, tmp_path):
    out = write_report(ReviewSession(scanned, review), tmp_path / "f.pdf", reviewer="R")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    vera = [line for line in fonts.splitlines() if "Vera" in line]
    assert vera and all(" yes yes " in line for line in vera)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        pytest.param("Margaret Olson", "M******* O****", id="name"),
        pytest.param("MRN 00482913", "M** ########", id="record-number"),
        pytest.param("415-555-0199", "###-###-####", id="phone"),
    ],
)
def test_mask_text(text, masked):
    assert mask_text(text) == masked


def test_thumbnails_are_built_one_frame_at_a_time(scanned, review, tmp_path, monkeypatch):
    """Each full-size frame is made into its thumbnail before the next is decoded."""
    import app.core.review.report as report

    events = []
    real_frames, real_thumbnail = report.iter_frames_at, report._thumbnail

    def frames(path, times):
        for t_s, frame in real_frames(path, times):
            events.append("frame")
            yield t_s, frame

    def thumbnail(*args):
        events.append("thumbnail")
        return real_thumbnail(*args)

    monkeypatch.setattr(report, "iter_frames_at", frames)
    monkeypatch.setattr(report, "_thumbnail", thumbnail)
    write_report(ReviewSession(scanned, review), tmp_path / "t.pdf", reviewer="R")
    assert events.count("frame") >= 2
    assert "frame frame" not in " ".join(events)


def test_a_moving_box_is_covered_where_it_is_between_two_reads():
    from app.core.findings.masking import box_at as _box_at
    from app.core.models import Box, Category, Finding, Source

    moving = Finding("m", 1.0, 3.0, Source.SCREEN, Category.NAME, "Margaret Olson", 0.9, "r",
                     boxes=(Box(1.0, 10, 100, 80, 20), Box(2.0, 110, 130, 80, 20)))
    between = _box_at(moving, 1.5)
    assert (between.x, between.y) == (10, 100)
    assert (between.x + between.w, between.y + between.h) == (190, 150)
    assert _box_at(moving, 2.0) == moving.boxes[1]
    assert _box_at(moving, 3.5) is None


def test_the_pdf_says_who_decided_each_finding_and_when(scanned, tmp_path):
    review = Review.load(scanned.video.sha256, tmp_path)
    review.reviewer = "Dr Ada Reviewer"
    review.decide(scanned.findings[0].id, Decision.MUST_FIX)
    text = pdf_text(write_report(ReviewSession(scanned, review), tmp_path / "w.pdf", reviewer="R"))
    assert re.search(r"decided \d{4}-\d\d-\d\d \d\d:\d\d by Dr Ada Reviewer", text)
    assert text.count("decided ") == 1  # the open ones were never decided
    assert "note (written" not in text  # nor was a note written


def _detail(text: str, kind: str, t_s: float):
    from app.core.models import Category, Finding, Source

    return Finding(f"detail-{kind}-{t_s}", t_s, t_s + 1.0, Source.SPEECH, Category.DETAIL, text,
                   0.6, f"a detail: “{text}”", masked_reason="a detail", detail=kind)


def test_a_lone_detail_is_no_finding_in_the_pdf_and_details_that_add_up_are_listed_under_it(
        scanned, tmp_path):
    """Health education naming one condition gets no flag for it; a story's details are one
    combination, each detail listed in it with its times, and the verdict counts neither."""
    from dataclasses import replace

    from app.core.findings.combination import combination

    lone = replace(scanned, findings=(*scanned.findings, _detail("dehydration", "condition", 6.0)))
    review = Review.load(scanned.video.sha256, tmp_path)
    text = pdf_text(write_report(ReviewSession(lone, review), tmp_path / "lone.pdf", reviewer="R",
                                 masked=False))
    assert f"Findings ({len(scanned.findings)})" in text
    assert "dehydration" not in text
    assert f"{len(scanned.findings)} open" in text
    details = [_detail("dehydration", "condition", 6.0), _detail("teacher", "occupation", 7.0),
               _detail("from our town", "place", 9.0)]
    combined = combination(details)
    story = replace(scanned, findings=(*scanned.findings, *details, combined))
    text = pdf_text(write_report(ReviewSession(story, review), tmp_path / "story.pdf", reviewer="R",
                                 masked=False))
    assert f"Findings ({len(scanned.findings) + 1})" in text  # the combination, not its parts
    assert f"{len(scanned.findings) + 1} open" in text
    for words in ("“dehydration” at 00:00:06.0", "“teacher” at 00:00:07.0"):
        assert words in text
    assert text.count("dehydration") == 2  # under the combination, in the list and checklist


def test_the_pdf_says_who_wrote_each_note_apart_from_who_decided(scanned, tmp_path):
    """Decisions and notes are separate (issue 31): one reviewer decides, another writes the
    note; both names are printed, masked or not (they are the reviewers', not the patient's)."""
    deciding = Review.load(scanned.video.sha256, tmp_path)
    noting = Review.load(scanned.video.sha256, tmp_path)
    deciding.reviewer, noting.reviewer = "Dr Ada Reviewer", "Nurse Bo Second"
    deciding.decide(scanned.findings[0].id, Decision.MUST_FIX)
    noting.write_note(scanned.findings[0].id, "cut this part")
    noting.write_note(scanned.findings[1].id, "looks fine")  # a note on an undecided finding
    merged = Review.load(scanned.video.sha256, tmp_path)
    for masked in (True, False):
        text = pdf_text(write_report(ReviewSession(scanned, merged),
                                     tmp_path / f"n{masked}.pdf", reviewer="R",
                                     masked=masked))
        stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d"
        assert re.search(rf"MUST FIX · decided {stamp} by Dr Ada Reviewer", text)
        assert re.search(rf"Reviewer's note \(written {stamp} by Nurse Bo Second\): cut this "
                         r"part", text)
        assert re.search(rf"OPEN Found.*Reviewer's note \(written {stamp} by Nurse Bo Second\):"
                         r" looks fine", text)
        assert text.count("decided ") == 1
