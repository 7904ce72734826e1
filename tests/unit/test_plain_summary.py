"""A finding's plain summary: the kind, where, and the label that gave it away, in words a charge
nurse reads; never the identifier, a library or a rule's name."""

import re

import pytest

from app.core.findings.hits import ScreenTracker, screen_hits, speech_findings
from app.core.findings.masking import shown_summary
from app.core.findings.plain_summary import cue_above, cue_before, summary_of
from app.core.models import Box, Category, Finding, OcrLine, Source, TextSpan, Word

TECHNICAL = re.compile(r"spacy|\bner\b|presidio|pattern|regex|recogni[sz]er|matched|"
                       r"pp-?ocr|easyocr|whisper|centerface|onnx", re.IGNORECASE)


def _span(text: str, found: str, category: Category, rule: str) -> TextSpan:
    start = text.index(found)
    return TextSpan(start, start + len(found), category, 0.8, rule, found)


def _on_screen(text: str, spans: list[TextSpan]) -> list[Finding]:
    line = OcrLine(text, 0.9, (Box(1.0, 10, 10, 300, 30),), ((0, len(text)),))
    tracker = ScreenTracker()
    tracker.update(1.0, screen_hits(line, spans))
    return tracker.finish(2.0)


@pytest.mark.parametrize(("line", "found", "category", "rule", "expected"), [
    ("Patient: Margaret Olson", "Margaret Olson", Category.NAME,
     "person name (spaCy NER) + pattern 'labelled name'",
     "A patient's name on screen, after 'Patient:'"),
    ("DOB 03/14/1951", "03/14/1951", Category.DATE,
     "pattern 'labelled date (birth/admission/discharge/death)'",
     "A date of birth on screen, after 'DOB'"),
    ("MRN 00482913", "MRN 00482913", Category.ID, "pattern 'labelled record number'",
     "A record number on screen, after 'MRN'"),
    ("Call 617-555-0142", "617-555-0142", Category.PHONE, "pattern '10-digit phone'",
     "A phone number on screen, after 'Call'"),
    ("Olson Margaret", "Margaret", Category.NAME, "known first name", "A name on screen"),
])
def test_a_screen_finding_says_its_kind_and_its_label(line, found, category, rule, expected):
    (finding,) = _on_screen(line, [_span(line, found, category, rule)])
    assert finding.summary == expected
    assert found not in finding.summary and not TECHNICAL.search(finding.summary)
    assert finding.reason.startswith(rule)  # the technical reason is kept as it was


def test_a_spoken_finding_says_it_was_spoken_and_who_the_cue_makes_them():
    said = "My patient Mr Fischer is in room 12 and her daughter Anika Patel rang 617 555 0142"
    words, at = [], 0.0
    for text in said.split():
        words.append(Word(text, at, at + 0.3, 0.9))
        at += 0.4
    spans = [_span(said, "Mr Fischer", Category.NAME, "pattern 'title and name'"),
             _span(said, "room 12", Category.LOCATION, "pattern 'room/bed/bay number'"),
             _span(said, "Anika Patel", Category.NAME, "name after a title or relation"),
             _span(said, "617 555 0142", Category.PHONE, "pattern 'digit groups'")]
    summaries = [f.summary for f in speech_findings(tuple(words), spans)]
    assert summaries == ["A patient's name, spoken, after 'patient'",
                         "A room or bed number, spoken, after 'room'",
                         "A relative's name, spoken, after 'daughter'",
                         "A phone number, spoken"]


def test_only_our_own_label_words_are_quoted():
    # a word before the identifier that is no label of ours (here a surname) is never quoted
    assert cue_before("Fischer 00482913", 8, "00482913") == ""
    assert cue_before("Olson: Margaret", 7, "Margaret") == ""
    assert cue_above("Margaret") == "under a label"
    assert cue_above("Bed") == "under 'Bed'"
    assert cue_before("Pt: Anika Patel", 4, "Anika Patel") == "after 'Pt:'"
    # the label must be on the identifier's own line
    assert cue_before("Patient:\nOlson", 9, "Olson") == ""


@pytest.mark.parametrize(("category", "source", "rule", "cue", "text", "expected"), [
    (Category.NAME, Source.SCREEN, "staff name (after Dr)", "", "Mensah",
     "A staff name on screen, after 'Dr'"),
    (Category.NAME, Source.SCREEN, "on your deny list", "", "Olson",
     "A name on your deny list on screen"),
    (Category.NAME, Source.SCREEN, "like 'Margaret Olson' on your deny list", "", "Olsen",
     "A name like one on your deny list on screen"),
    (Category.LOCATION, Source.SCREEN,
     "pattern 'room/bed/bay letter or word' (label 'Bed' above)", "under 'Bed'", "J",
     "A room or bed on screen, under 'Bed'"),
    (Category.CODE, Source.CODE, "QR code holding id, name", "", "MRN 00482913 OLSON",
     "A QR code holding an ID number and a name"),
    (Category.CODE, Source.CODE, "Code 128 (could not be decoded)", "",
     "Code 128 (could not be decoded)", "A barcode that could not be read"),
    (Category.WARD_CONTEXT, Source.SCENE, "the look of a bedside monitor", "",
     "bedside monitor", "A bedside monitor in view"),
    (Category.NAME, Source.SCREEN, "start of a name, cut at the frame's edge", "", "Okaf",
     "A name on screen, cut at the frame's edge"),
    (Category.NAME, Source.SCREEN, "name by its line (beside a date, sex, age or record number)",
     "next to a patient's record number", "OBIORA ADAEZE",
     "A patient's name on screen, next to a patient's record number"),
])
def test_summaries_of_other_kinds(category, source, rule, cue, text, expected):
    said = summary_of(category, source, rule, cue, text=text)
    assert said == expected
    assert "Margaret" not in said and "Olson" not in said and not TECHNICAL.search(said)


def test_a_finding_without_a_summary_still_says_its_kind():
    old = Finding("x", 0.0, 1.0, Source.SPEECH, Category.PHONE, "617 555 0142", 0.9,
                  "pattern '10-digit phone' matched \"617 555 0142\" in the speech")
    assert shown_summary(old) == "A phone number, spoken"
