"""Names of the world's shapes burned into a header beside a patient's record number, a sex, an
age or a birth date (2026-12-06, issue 26), read as the app reads a frame (real PP-OCR, the text
finder's lines and blocks, the detector): a surname's particles, a given name that is a rare
English word, a surname in capitals run into its given name; and equipment and settings beside
the same numbers give no name. An outside tester's pictures had found each missed or falsely
flagged; the names and equipment here are this file's own."""

import pytest

from bench.overlays import name_found, read_names, render
from tests.integration.drawn_overlays import CYAN, GREEN, WHITE, overlay

pytestmark = pytest.mark.models

@pytest.mark.parametrize("shown", [
    overlay("ct", ("TE RANGI HEMI", "Hosp No: 40442551", "DOB: 24/11/2007  F"),
            ("Hemi", "Te Rangi"), "DejaVuSansMono-Bold.ttf", 22),
    overlay("us", ("Patient ID: 0071946628", "LE VAN THANH", "Sex: M  Age: 61"),
            ("Thanh", "Le Van"), "DejaVuSans.ttf", 20, GREEN, "tr"),
    overlay("mr", ("Pt ID: 55120937", "TIMUR ABDRAKHMANOV", "AX T2 FLAIR"),
            ("Timur", "Abdrakhmanov"), "DejaVuSerif.ttf", 22, CYAN, "bl"),
    overlay("xray", ("HOSSEINI^Mahnaz", "Sex: F  Age: 47", "MRN 7158718"),
            ("Mahnaz", "Hosseini"), "DejaVuSans-Oblique.ttf", 26, WHITE, "tl"),
], ids=["particle-first", "particles-vietnamese", "rare-word-given-name", "caret-surname"])
def test_names_of_the_worlds_shapes_beside_a_record_number_are_flagged_whole(shown, engines):
    names = read_names(render(shown, 21), engines.ocr, engines.detector)
    assert name_found(*shown.name, names) == (True, True), names


@pytest.mark.parametrize("shown", [
    overlay("us", ("Planmeca Viso", "Hosp No 38631768", "Study Date 20250224"), None,
            "DejaVuSerifCondensed.ttf", 18),
    overlay("endoscopy", ("Pt ID: 44454109", "Iris: Peak", "Focus: Near"), None,
            "DejaVuSans.ttf", 22, GREEN, "tr"),
    overlay("us", ("VER 9.0.1 LITE", "ID: 447091905", "Abd Gen"), None,
            "DejaVuSansMono.ttf", 20, WHITE, "bl"),
    overlay("us", ("Fetal Biometry", "NHS No: 321 151 8410", "Draeger Infinity"), None,
            "hershey-simplex", 24, CYAN, "tl"),
], ids=["maker-and-model", "settings", "software-version", "study-and-monitor"])
def test_equipment_settings_and_studies_beside_a_record_number_give_no_name(shown, engines):
    assert read_names(render(shown, 23), engines.ocr, engines.detector) == []
