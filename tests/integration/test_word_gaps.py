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
