"""PP-OCR drops spaces in small print; they are put back where a detector needs them."""

import pytest

from app.core.picture.ppocr import respaced


@pytest.mark.parametrize("read, meant", [
    ("J.Okafor", "J. Okafor"),
    ("OLSON,Margaret", "OLSON, Margaret"),
    ("Name:OLSON,Margaret", "Name: OLSON, Margaret"),
    ("DOB:03/14/1951", "DOB: 03/14/1951"),
    ("MRN55102937", "MRN 55102937"),
    ("Bed2", "Bed 2"),
    ("HR72 BP118/76", "HR 72 BP 118/76"),
    ("WARD7B HANDOVER", "WARD 7B HANDOVER"),
    ("ROOM 412BEDB", "ROOM 412 BED B"),
    ("ROOM 412 BEDB", "ROOM 412 BED B"),
    ("Bay3", "Bay 3"),
    ("D0B: 25.05.2005", "DOB: 25.05.2005"),  # a zero between letters is an O
    ("G0LDBERG, Alice", "GOLDBERG, Alice"),
    ("Nurse: MariaHCA: Novak", "Nurse: Maria HCA: Novak"),  # a label read onto a name
    ("Sister: KimDR: Adeyemi", "Sister: Kim DR: Adeyemi"),
    # an outside tester's clips: a title read onto the words around it, a sex marker onto a date
    ("callMrsDelacroix", "call Mrs Delacroix"),
    ("DrBrennan", "Dr Brennan"),
    ("askMrJones today", "ask Mr Jones today"),
    ("M1961-03-03", "M 1961-03-03"),
    ("F03/11/1958", "F 03/11/1958"),
    ("AbernathyR", "Abernathy R"),  # a board's surname and initial
    # bench.overlays --varied, 2026-12-05 night: "D.O.B" with the record number before it and
    # the date after it run on (neither was flagged); a date with its time run on
    ("ID: 8370296D.0.B08/08/1984", "ID: 8370296 D.0.B 08/08/1984"),
    ("Acc#27810653|D.0.B14.04.1963", "Acc#27810653|D.0.B 14.04.1963"),
    ("08.06.202010:57", "08.06.2020 10:57"),
    ("2022-10-0811:57", "2022-10-08 11:57"),
    # helper 44's scrolling list and tilted letter: a list's number, a first name's capital I
    ("1.Orla Vantreight", "1. Orla Vantreight"),
    ("3)Barthokomew", "3) Barthokomew"),
    ("Dear Dr lngrid Bellcastle", "Dear Dr Ingrid Bellcastle"),
    ("lvan", "Ivan"),
])
def test_spaces_are_put_back(read, meant):
    assert respaced(read) == meant


@pytest.mark.parametrize("read", [
    "SpO2 97%", "EtCO2", "O2 2L", "B12", "03/14/1951", "15.93", "1,000 mg", "j.smith@mail.com",
    "www.clinic.org", "Stay safe on shift", "Bed 4", "4B", "12th May", "2nd floor", "100mg",
    "Bedside", "Roomy", "Beds", "McDONALD", "eGFR: 45", "pH: 7.31", "mmHg", "MacKAY",
    "Drive", "McAllister", "Drs", "Mrs", "DrAB", "M2", "F1", "Mrsa", "HbA", "McDonaldS",
    "08.06.2020 10:57", "2013-1011:57", "12:30", "D.0.B 08/08/1984",
    "1.5mg", "v1.2", "lane", "lint", "lion", "Ivan", "linda",
])
def test_what_was_read_right_is_left_alone(read):
    assert respaced(read) == read
