"""A reviewer's note written with look-alike tricks leaks nothing from the masked PDF (issue 31,
item 3), read back as text (pdftotext) and as the page shows it (the app's PP-OCR on the
rendered pages); unmasked, the same notes do show the name and the number.

The clip is a real scan of a short one (silent_text_clip: 4 s, a caption "MRN 00482913") with
"Margaret Olson" on the deny list, so neither the name nor the phone number is anywhere in the
PDF but in the notes."""

import re
import subprocess

import cv2
import pytest

from app.core.findings.plain_text import plain_text
from app.core.models import ScanOptions
from app.core.pipeline import analyze, run
from app.core.review.decisions import Decision, Review
from app.core.review.report import write_report
from app.core.review.session import ReviewSession

pytestmark = pytest.mark.models

TRICKS = (
    "Told Marga\u00adret Ol\u200bson.",  # soft hyphen, zero-width space
    "Mrs Olsön agreed.",  # a diacritic
    "Mrs \u041els\u043en rang.",  # Cyrillic О and о
    "Her number ⁴¹⁵-⁵⁵⁵-⁰¹⁹⁹,",  # superscript digits
    "code ④①⑤,",  # circled digits
    "or four one five five five five zero one nine nine.",  # spelled out
)
NAME = ("margaret", "olson")
DIGITS = ("415", "555", "0199")
SPELLED = "four one five five five five zero one nine nine"


@pytest.fixture(scope="module")
def scanned(silent_text_clip, engines):
    return run(analyze(silent_text_clip.path, ScanOptions(deny=("Margaret Olson",)),
                       engines=engines))


def _pdf(scanned, folder, masked: bool):
    review = Review.load(scanned.video.sha256, folder)
    review.reviewer = "Dr R"
    for number, finding in enumerate(scanned.findings):
        # each finding gets every trick; the first finding's note is all of them in one
        note = " ".join(TRICKS) if number == 0 else TRICKS[number % len(TRICKS)]
        review.decide(finding.id, Decision.MUST_FIX, note)
    return write_report(ReviewSession(scanned, review),
                        folder / f"{'masked' if masked else 'plain'}.pdf",
                        reviewer="Dr R", masked=masked)


def _texts(pdf, engines, folder) -> tuple[str, str]:
    """The PDF's text layer and what OCR reads on its pages rendered at 110 dpi."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(folder / pdf.stem)],
                   check=True)
    pages = sorted(folder.glob(f"{pdf.stem}*.png"))
    assert pages
    read = " ".join(piece.text for page in pages
                    for piece in engines.ocr.read(cv2.imread(str(page))))
    return text, read


def _found(text: str, scanned) -> list[str]:
    """Which of the name's words, the phone number's digit groups and the spelled-out number
    the text holds, read plainly (look-alikes as Latin letters, any digits as digits). The
    clip's SHA-256, printed on purpose, may hold "415" by chance: it is left out, and so is
    any run of hex that OCR read of it (it splits the checksum at places of its own)."""
    text = text.replace(scanned.video.sha256, "").replace(scanned.video.sha256[:12], "")
    text = re.sub(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{5,}\b", "", text)
    plain = plain_text(text).text.casefold()
    words = set(re.findall(r"[^\W\d_]+", plain))
    groups = re.findall(r"\d+", plain)
    spelled = " ".join(re.findall(r"[^\W\d_]+", plain))
    return ([w for w in NAME if w in words] + [d for d in DIGITS if any(d in g for g in groups)]
            + ([SPELLED] if SPELLED in spelled else []))


def test_the_masked_pdf_shows_none_of_the_tricks(scanned, engines, tmp_path):
    assert scanned.findings  # otherwise no note would be printed
    text, read = _texts(_pdf(scanned, tmp_path, masked=True), engines, tmp_path)
    assert "Reviewer's note" in text and "MASKED" in read.upper()  # the OCR reads the pages
    assert _found(text, scanned) == [], text
    assert _found(read, scanned) == [], read
    notes = [line for line in text.splitlines() if "M*******" in line or "O****" in line]
    assert notes, text  # the name is there, masked
    # nothing the page could be read through: no invisible character, look-alike or odd digit
    assert not re.search(r"[\u00ad\u200b-\u200d\u2060\ufeff\u0400-\u04ff\u0370-\u03ff"
                         r"\u2070-\u209f\u2460-\u24ff]", text)


def test_the_unmasked_pdf_does_show_them(scanned, engines, tmp_path):
    """The other side: unmasked, the notes print the name and the spelled-out number, and the
    page reads them. The PDF's font (Bitstream Vera) has no Cyrillic letters, no superscript 4,
    5, 0 or 9 and no circled digits: those characters are not drawn (nor in the text layer),
    so on paper only the window's copy of them could be read; the unit tests mask them."""
    text, read = _texts(_pdf(scanned, tmp_path, masked=False), engines, tmp_path)
    assert _found(text, scanned) == [*NAME, SPELLED], text
    assert "Olsön" in text and "Told Margaret" in text  # the soft hyphen is not drawn
    assert set(_found(read, scanned)) == {*NAME, SPELLED}, read


# issue 31's second outside attack: tricks the first masking let through
DISGUISES = (
    "Spelled O l s o n, O.l.s.o.n and O-l-s-o-n.",  # spaced, dotted, hyphened letters
    "The OlsonFamily came.",  # inside a longer word
    "Mrs Ol-\nson signed.",  # split over two lines
    "0lson agreed.",  # a digit for a letter
    "Call O2O 7946 OOl8.",  # letters for digits
    "Room four hundred and twelve, bed four twelve.",  # "and", two words
    "PIN double seven treble nine; uno dos tres; won too five.",  # repeats, foreign, sound-alike
)
NUMBERS = ("7946", "0018")
WORDS = ("four hundred and twelve", "four twelve", "double seven treble nine", "uno dos tres",
         "won too five")


def _disguised_found(text: str, scanned) -> list[str]:
    """Which secrets the text holds read through every disguise: the name in its letters run
    together (a digit read as the letter it looks like), the phone number's groups with O read
    as 0 and l as 1, and the spelled-out numbers as words."""
    from app.core.findings.disguised import skeleton

    text = text.replace(scanned.video.sha256, "").replace(scanned.video.sha256[:12], "")
    text = re.sub(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{5,}\b", "", text)
    plain = plain_text(text).text.casefold()
    letters = "".join(c for c in skeleton(plain) if c.isalpha())
    groups = [g.replace("o", "0").replace("l", "1") for g in re.findall(r"[0-9ol]*\d[0-9ol]*",
                                                                         plain)]
    words = " ".join(re.findall(r"[^\W\d_]+", plain))
    return ([w for w in NAME if w in letters] + [n for n in NUMBERS if n in groups]
            + [w for w in WORDS if w in words])


def _disguised_pdf(scanned, folder, masked: bool):
    review = Review.load(scanned.video.sha256, folder)
    review.reviewer = "Dr R"
    for finding in scanned.findings:
        review.decide(finding.id, Decision.MUST_FIX, " ".join(DISGUISES))
    return write_report(ReviewSession(scanned, review),
                        folder / f"d-{'masked' if masked else 'plain'}.pdf", reviewer="Dr R",
                        masked=masked)


def test_the_masked_pdf_shows_no_name_or_number_in_disguise(scanned, engines, tmp_path):
    text, read = _texts(_disguised_pdf(scanned, tmp_path, masked=True), engines, tmp_path)
    assert "Reviewer's note" in text and "MASKED" in read.upper()
    assert _disguised_found(text, scanned) == [], text
    assert _disguised_found(read, scanned) == [], read
    # the note's own words still read
    assert all(w in text for w in ("Spelled", "came", "agreed", "signed", "PIN"))


def test_the_unmasked_pdf_shows_the_disguises(scanned, engines, tmp_path):
    """The other side: unmasked, the same note shows every one of them, on the page too."""
    text, read = _texts(_disguised_pdf(scanned, tmp_path, masked=False), engines, tmp_path)
    every = [*NAME[1:], *NUMBERS, *WORDS]
    assert _disguised_found(text, scanned) == every, text
    assert "olson" in _disguised_found(read, scanned), read
    # OCR may run "O2O 7946" together: the groups are looked for inside what it read
    digits = re.sub(r"[^0-9]", "", plain_text(read).text.replace("O", "0").replace("l", "1"))
    assert all(n in digits for n in NUMBERS), read
