"""Recognizers Presidio lacks: record numbers, room/bed, labelled dates, old ages, local phones.

Each is a Presidio PatternRecognizer: patterns with a base score, and context words that raise
the score when they stand nearby. Patterns are matched case-insensitively by Presidio; parts
that must be upper case use a scoped `(?-i:...)` group.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
NUMERIC_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
WORDY_DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}})"
)
ANY_DATE = rf"(?:{NUMERIC_DATE}|{ISO_DATE}|{WORDY_DATE})"

SMALL_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)

RECORD_LABEL = (
    r"(?:MRN|MR\s?#|MR\s?No\.?|(?:Medical\s+)?Record\s+(?:Number|No\.?|#)(?:\s+is)?|"
    r"Medical\s+Record|"
    r"Patient\s+(?:ID|No\.?|Number)|Pt\.?\s?ID|Acct\.?\s?#?|Account(?:\s+(?:Number|No\.?|#))?|"
    r"FIN|HAR|CSN|Encounter(?:\s+(?:Number|No\.?|#))?|Member\s+ID|Policy(?:\s+(?:Number|No\.?|#))?)"
)


def medical_record_recognizer() -> PatternRecognizer:
    """Medical record, account, encounter and health-plan numbers."""
    return PatternRecognizer(
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="record number",
        patterns=[
            Pattern(
                "labelled record number",
                rf"\b{RECORD_LABEL}\s*[:#.]?\s*(?-i:[A-Z]{{0,3}})\s?\d(?:[\s-]?\d){{4,14}}\b",
                0.95,
            ),
            Pattern("long unlabelled number", r"(?<![\d/:.,-])\b\d{7,12}\b(?![/:.,-]\d)", 0.35),
        ],
        context=["mrn", "record", "patient", "account", "chart", "id", "number"],
    )


def room_bed_recognizer() -> PatternRecognizer:
    """Room, bed, bay and cubicle numbers, written or spoken."""
    place = r"(?:room|rm\.?|bed|bay|cubicle|cube|suite|isolation\s+room)"
    number = rf"(?:#\s?)?(?:\d{{1,4}}(?-i:[A-Z])?|(?-i:[A-Z])\d{{0,3}}|{SMALL_NUMBER_WORDS})"
    return PatternRecognizer(
        supported_entity="ROOM_BED",
        name="room or bed",
        patterns=[Pattern("room/bed/bay number", rf"\b{place}\s*{number}\b", 0.7)],
        context=["patient", "ward", "unit", "icu"],
    )


_NUMERIC_DATE_RE = re.compile(rf"{ISO_DATE}|{NUMERIC_DATE}")


def plausible_numeric_date(text: str) -> bool | None:
    """Whether the numeric date in `text` can be a real day; None when it has none.

    "01.00.06" (a timecode) and "13/45/2020" are not; 03/14/1951 (US) and 14.03.1951 (UK) are.
    """
    numeric = _NUMERIC_DATE_RE.search(text)
    if not numeric:
        return None
    first, second, third = (int(n) for n in re.findall(r"\d+", numeric.group(0)))
    if numeric.group(0)[:4].isdigit():
        return 1 <= second <= 12 and 1 <= third <= 31
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


class DateRecognizer(PatternRecognizer):
    """Pattern dates whose numbers can be a real day."""

    def validate_result(self, pattern_text: str) -> bool | None:
        return plausible_numeric_date(pattern_text)


def labelled_date_recognizer() -> PatternRecognizer:
    """Dates tied to a person by a label (birth, admission, discharge, death) and bare dates."""
    label = (
        r"(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|DOA|admitted(?:\s+on)?|"
        r"admission(?:\s+date)?|discharged?(?:\s+on)?|discharge\s+date|DOD|died(?:\s+on)?|"
        r"date\s+of\s+death|deceased)"
    )
    return DateRecognizer(
        supported_entity="PERSON_DATE",
        name="date",
        patterns=[
            Pattern("labelled date (birth/admission/discharge/death)",
                    rf"\b{label}\s*[:#-]?\s*{ANY_DATE}\b", 0.95),
            Pattern("full date", rf"\b{ANY_DATE}\b", 0.6),
        ],
        context=["birth", "born", "dob", "admitted", "discharged", "died"],
    )


def age_over_89_recognizer() -> PatternRecognizer:
    """Ages of 90 and over, which Safe Harbor counts as identifying."""
    age = r"(?:9\d|1[01]\d)"
    return PatternRecognizer(
        supported_entity="AGE_OVER_89",
        name="age over 89",
        patterns=[
            Pattern("age over 89",
                    rf"\b{age}(?:\s?|-)(?:years?(?:\s?|-)old|y/?o|yrs?(?:\s+old)?)\b", 0.9),
            Pattern("labelled age over 89", rf"\b(?:age|aged)\s*:?\s*{age}\b", 0.85),
        ],
    )


def local_phone_recognizer() -> PatternRecognizer:
    """Phone numbers the phonenumbers library will not validate (7-digit local, fictional 555)."""
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="phone pattern",
        patterns=[
            Pattern("10-digit phone",
                    r"(?<!\d)\(?\b\d{3}\)?[-.\s,]{0,2}\d{3}[-.\s,]{0,2}\d{4}\b", 0.6),
            Pattern("7-digit phone", r"(?<![\d/:.-])\b\d{3}[-.]\d{4}\b(?![/:.-]\d)", 0.4),
        ],
        context=["phone", "call", "cell", "mobile", "tel", "number", "fax", "contact"],
    )


def written_name_recognizer() -> PatternRecognizer:
    """Names as charts and wristbands write them, which a general NER model misses."""
    honorific = r"(?i:Mr|Mrs|Ms|Miss|Mx)"
    label = r"(?i:Patient|Pt|Name)"
    name = r"(?-i:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)"
    return PatternRecognizer(
        supported_entity="PERSON",
        name="written name",
        patterns=[
            Pattern("title and name", rf"\b{honorific}\.?\s+{name}", 0.8),
            Pattern("labelled name", rf"\b{label}\s*:\s*{name}", 0.8),
            Pattern("SURNAME, Given", r"\b(?-i:[A-Z]{2,}(?:[-'][A-Z]+)?,\s?[A-Z][A-Za-z]+)\b", 0.6),
        ],
    )


def all_medical_recognizers() -> list[PatternRecognizer]:
    return [
        medical_record_recognizer(),
        room_bed_recognizer(),
        labelled_date_recognizer(),
        age_over_89_recognizer(),
        local_phone_recognizer(),
        written_name_recognizer(),
    ]
