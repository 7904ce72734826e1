"""A list's rows: a name in one column and its record number in the next, read as lines of their
own, one row apart (real PP-OCR and the text finder on a drawn patient list). The number is the
name's cue though the list is long (more lines than an overlay's block) and the columns stand
apart; a drug list with its doses in the same layout gives no name. Names and layout differ from
the outside tester's list."""

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.overlays import read_names

pytestmark = pytest.mark.models

FONTS = "/usr/share/fonts/truetype/dejavu/"


def listing(rows: list[tuple[str, str]], font: str, dark: bool) -> np.ndarray:
    ink, paper = ((235, 235, 235), (25, 30, 40)) if dark else ((15, 15, 15), (250, 250, 250))
    image = Image.new("RGB", (900, 80 + 44 * len(rows)), paper)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(FONTS + font, 22)
    for r, (left, right) in enumerate(rows):
        draw.text((40, 40 + 44 * r), left, font=face, fill=ink)
        draw.text((560, 40 + 44 * r), right, font=face, fill=ink)
    return cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)


PATIENTS = [("Lahtinen, Oona", "4410927"), ("Okafor-Reyes, Adaku", "4418846"),
            ("Nieminen, Aapo", "4426765"), ("Ferreira, Joaquim", "4434684"),
            ("Quispe, Wayra", "4442503"), ("Haddad, Rima", "4450422"),
            ("Turunen, Ilmari", "4458341"), ("Mbeki, Zola", "4466260"),
            ("Salonen, Venla", "4474189"), ("Kowal, Jadwiga", "4482008")]
DRUGS = [("Apixaban", "5 mg"), ("Furosemide", "40 mg"), ("Ramipril", "2.5 mg"),
         ("Metformin", "500 mg"), ("Atorvastatin", "20 mg"), ("Bisoprolol", "1.25 mg"),
         ("Sertraline", "50 mg"), ("Omeprazole", "20 mg"), ("Amlodipine", "5 mg"),
         ("Warfarin", "3 mg")]


@pytest.mark.parametrize(("font", "dark"), [("DejaVuSans.ttf", False),
                                            ("DejaVuSansMono.ttf", True)])
def test_a_name_beside_its_record_number_in_a_long_list_is_flagged(font, dark, engines):
    names = read_names(listing(PATIENTS, font, dark), engines.ocr, engines.detector)
    flagged = {surname for surname, _ in (row[0].split(", ") for row in PATIENTS)
               if any(surname in n for n in names)}
    assert len(flagged) >= 9, names  # one OCR slip allowed in ten


def test_a_drug_list_with_doses_gives_no_name(engines):
    assert read_names(listing(DRUGS, "DejaVuSans.ttf", False), engines.ocr,
                      engines.detector) == []
