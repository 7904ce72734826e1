"""Spaces PP-OCR drops between words are put back where the picture shows a gap (real PP-OCR on
rendered lines; picture/word_gaps.py). PP-OCR reads "HALVORSEN INGRID" as "HALVORSENINGRID" in
many faces and sizes, and no rule on the text can tell where a name in no list ends; a single
word, even one of narrow letters in a monospaced face ("HILLINGDON", "PORTILLO"), is never
parted. Names, words and faces differ from the overlay bench's (bench.overlays)."""

import pytest

from bench.overlays import Overlay, render

pytestmark = pytest.mark.models

WHITE = (255, 255, 255)
FACES = ("hershey-simplex", "hershey-duplex-italic", "DejaVuSerif.ttf", "DejaVuSansMono.ttf",
         "DejaVuSansMono-Oblique.ttf", "DejaVuSansCondensed.ttf")


def read(lines: tuple[str, ...], face: str, size: int, engines) -> list[str]:
    image = render(Overlay("xray", lines, None, face, size, "tl", WHITE, False), 1)
    pieces = sorted(engines.ocr.read(image), key=lambda p: p.y)
    return [p.text for p in pieces]


@pytest.mark.parametrize(("line", "face", "size"), [
    ("HALVORSEN INGRID", "hershey-simplex", 21),
    ("HALVORSEN INGRID", "DejaVuSerif.ttf", 21),
    ("HALVORSEN INGRID", "hershey-duplex-italic", 21),
    ("OKONJO TAIWO", "hershey-simplex", 21),
    ("OKONJO TAIWO", "DejaVuSansMono.ttf", 14),
    ("MILLICENT ILLINGWORTH", "DejaVuSerif.ttf", 14),
    ("MILLICENT ILLINGWORTH", "DejaVuSansMono-Oblique.ttf", 14),
    ("LINDGREN ASTRID", "DejaVuSansCondensed.ttf", 21),
])
def test_two_words_read_as_one_are_parted_where_the_picture_shows_a_gap(line, face, size,
                                                                        engines):
    assert read((line,), face, size, engines) == [line]


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("size", [14, 21])
def test_one_word_is_never_parted(face, size, engines):
    words = ("HILLINGDON", "PORTILLO", "WILLIAMSON", "Illumination", "MINIMUM")
    got = read(words, face, size, engines)
    assert not [text for text in got if " " in text], got


def flagged(lines: tuple[str, ...], face: str, size: int, engines) -> tuple[list[str], list[str]]:
    from bench.overlays import read_overlay

    image = render(Overlay("xray", lines, None, face, size, "tl", WHITE, False), 1)
    return read_overlay(image, engines.ocr, engines.detector)


@pytest.mark.parametrize(("lines", "face", "size", "name"), [
    (("Lindholm Saara     Whittington Hospital", "DOB: 04/11/1961  F"), "DejaVuSans.ttf", 22,
     "Lindholm Saara"),
    (("KORHONEN AATU     ST MARY'S HOSPITAL", "MRN 5530917  Age: 61"), "hershey-simplex", 22,
     "KORHONEN AATU"),
    (("Ojala Venla     Queen Alexandra Hospital", "ID: 44180265  12/07/1988"),
     "DejaVuSerif.ttf", 18, "Ojala Venla"),
    (("NIEMI KALLE     Cor T2 Flair", "Age: 44 M"), "DejaVuSansMono.ttf", 16, "NIEMI KALLE"),
])
def test_a_name_printed_apart_from_the_next_column_is_flagged_whole(lines, face, size, name,
                                                                    engines):
    """A name, then a wide gap, then a hospital's name or a study's words in the same case:
    read as one line, the gap was a space, and the name was taken for part of the hospital's
    name or lost with the study's words. The gap is kept as a column's."""
    names, read = flagged(lines, face, size, engines)
    # the name whole (its own space may be dropped: "OjalaVenla"), nothing of the next column's
    assert name.replace(" ", "") in [n.replace(" ", "") for n in names], (names, read)


@pytest.mark.parametrize(("lines", "face", "size"), [
    (("Royal Marsden Hospital", "DOB: 04/11/1961  F"), "DejaVuSans.ttf", 22),
    (("ST MARY'S HOSPITAL     PORTABLE CHEST", "MRN 5530917  Age: 61"), "hershey-simplex", 22),
])
def test_a_hospitals_name_alone_in_its_column_is_no_name(lines, face, size, engines):
    names, read = flagged(lines, face, size, engines)
    assert names == [], read
