"""A masked review PDF leaks no identifier from anywhere: the text layer, the metadata, the
rendered pages read back by OCR, and the thumbnails read back by OCR at full size.

Identifiers are planted in every field a PDF draws on: the clip's file name, the deny list
(quoted in reasons), a reviewer's note, the words heard around a spoken finding, and two boxes
moving across the picture that share a thumbnail."""

import re
import subprocess
from dataclasses import replace

import cv2
import pytest

from app.core.models import ScanOptions
from app.core.pipeline import analyze, run
from app.core.review.decisions import Decision, Review
from app.core.review.report import write_report
from app.core.review.session import ReviewSession
from tests.conftest import LEAK_DENY, LEAK_NOTE, LEAK_SECRETS

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def scanned(leaky_clip, engines):
    return run(analyze(leaky_clip.path, ScanOptions(deny=LEAK_DENY), engines=engines))


@pytest.fixture(scope="module")
def masked_pdf(scanned, tmp_path_factory):
    folder = tmp_path_factory.mktemp("leaks")
    review = Review.load(scanned.video.sha256, folder)
    for finding in scanned.findings:
        review.decide(finding.id, Decision.MUST_FIX, LEAK_NOTE)
    import datetime as dt

    when = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    return write_report(ReviewSession(scanned, review),
                        folder / "review.pdf", reviewer="R", reviewed_at=when)


def _without_hash(text: str, scanned) -> str:
    # the clip's SHA-256 is printed on purpose; random hex may hold "555" by chance
    return text.replace(scanned.video.sha256, "").replace(scanned.video.sha256[:12], "")


def _leaks(text: str) -> list[str]:
    words = set(re.findall(r"[^\W_]+", text.lower()))
    digits = re.sub(r"\D", " ", text).split()
    return [s for s in LEAK_SECRETS if (s.lower() in words if not s.isdigit()
                                          else any(s in group for group in digits))]


def test_the_scan_found_what_the_leak_test_plants(scanned):
    """Otherwise a clean PDF would prove nothing."""
    texts = " ".join(f.text for f in scanned.findings)
    reasons = " ".join(f.reason for f in scanned.findings)
    assert "Olson" in texts and "00482913" in texts
    assert "deny list" in reasons and "Margaret Olson" in reasons
    assert any(f.source.value == "speech" for f in scanned.findings)


def test_the_masked_pdf_text_and_metadata_hold_no_identifier(scanned, masked_pdf):
    text = subprocess.run(["pdftotext", str(masked_pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "MASKED" in text and "Olson_MRN" not in text
    assert "Reviewer's note" in text  # the note is there, masked
    assert _leaks(_without_hash(text, scanned)) == []
    info = subprocess.run(["pdfinfo", str(masked_pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert _leaks(_without_hash(info, scanned)) == []
    raw = masked_pdf.read_bytes()
    assert b"Olson" not in raw and b"00482913" not in raw


def test_the_masked_pages_and_thumbnails_read_back_by_ocr_hold_no_identifier(
        scanned, masked_pdf, engines, tmp_path):
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(masked_pdf), str(tmp_path / "page")],
                   check=True)
    subprocess.run(["pdfimages", "-png", str(masked_pdf), str(tmp_path / "image")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    images = sorted(tmp_path.glob("image*.png"))
    assert pages and images
    read = []
    for path in pages + images:
        picture = cv2.imread(str(path))
        if path.name.startswith("image"):  # thumbnails are small: read them at clip size
            picture = cv2.resize(picture, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        read += [piece.text for piece in engines.ocr.read(picture)]
    text = " ".join(read)
    assert "MASKED" in text.upper()  # the OCR does read the pages
    assert _leaks(_without_hash(text, scanned)) == []


def test_an_unmasked_copy_does_show_them(scanned, tmp_path):
    """The other side: the same fields, unmasked, do carry the identifiers."""
    review = Review.load(scanned.video.sha256, tmp_path)
    review.decide(scanned.findings[0].id, Decision.MUST_FIX, LEAK_NOTE)
    out = write_report(ReviewSession(replace(scanned), review),
                       tmp_path / "u.pdf", reviewer="R", masked=False)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Olson_MRN00482913_dressing.mp4" in text and "617-555-0142" in text
