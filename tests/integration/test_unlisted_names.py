"""Names no list holds, burned into a header beside a patient's record number (2026-12-06, issue
26), read as the app reads a frame (real PP-OCR, the text finder's lines and blocks, the
detector): flagged in several faces, sizes and layouts; a header whose line beside the record
number is the equipment's, the study's or the site's gives no name. The names and equipment are
this file's own, not the bench's."""

import pytest

from bench.overlays import name_found, read_names, render
from tests.integration.drawn_overlays import CYAN, GREEN, WHITE, overlay

pytestmark = pytest.mark.models

@pytest.mark.parametrize("shown", [
    overlay("xray", ("ADAEZE OBIORA", "Pt ID: 48213377", "CHEST PA"), ("Adaeze", "Obiora")),
    overlay("us", ("Kahurangi Paewai", "MRN 5512093", "OBSTETRIC 2ND TRI"),
            ("Kahurangi", "Paewai"), "DejaVuSans-Bold.ttf", 18, GREEN, "tr"),
    overlay("mr", ("Patient ID: 0071946628", "NGOZI EZEKWESILI", "AX T2 FLAIR"),
            ("Ngozi", "Ezekwesili"), "hershey-duplex", 26, CYAN, "bl"),
], ids=["over-pt-id", "over-mrn-title-case", "under-patient-id"])
def test_a_name_no_list_holds_beside_a_patients_record_number_is_flagged(shown, engines):
    names = read_names(render(shown, 13), engines.ocr, engines.detector)
    assert name_found(*shown.name, names) == (True, True), names


@pytest.mark.parametrize("shown", [
    overlay("us", ("WISONIC NAVIS", "Pt ID: 48213377", "ABDOMEN"), None, "DejaVuSans.ttf", 20),
    overlay("endoscopy", ("SONOSCAPE HD-550", "MRN 5512093", "GASTROSCOPY"), None,
            "hershey-simplex", 24, GREEN, "tr"),
    overlay("xray", ("ID: 0071946628", "ROYAL INFIRMARY", "PORTABLE AP"), None,
            "DejaVuSerif.ttf", 22, WHITE, "bl"),
], ids=["device-over-pt-id", "model-with-number", "facility-under-id"])
def test_an_equipment_or_site_line_beside_a_patients_record_number_gives_no_name(shown, engines):
    assert read_names(render(shown, 17), engines.ocr, engines.detector) == []
