"""Recognizers Presidio lacks: record numbers, room/bed, labelled dates, old ages, local phones.

Each is a Presidio PatternRecognizer: patterns with a base score, and context words that raise
the score when they stand nearby. Patterns are matched case-insensitively by Presidio; parts
that must be upper case use a scoped `(?-i:...)` group.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from app.core.detect.patient_states import is_a_state

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# one separator throughout: "7.5/12" and "4/1.42" are doses and lab values, not dates
NUMERIC_DATE = "|".join(rf"\d{{1,2}}{sep}\d{{1,2}}{sep}(?:\d{{4}}|\d{{2}})(?![\d.]\d)"
                        for sep in ("/", r"\.", "-"))
NUMERIC_DATE = rf"(?:{NUMERIC_DATE})"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth|(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth))"
)
DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORDS})"
WORDY_DATE = (
    rf"(?:{MONTH}\s+{DAY},?\s+\d{{4}}|(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH},?\s+\d{{4}}|"
    # a record's way: 03-Mar-1953, 03/MAR/53, 3.Mar.1953 (one separator throughout)
    + "|".join(rf"\d{{1,2}}{sep}{MONTH}{sep}(?:\d{{4}}|\d{{2}})" for sep in ("-", "/", r"\."))
    + ")"
)
ANY_DATE = rf"(?:{NUMERIC_DATE}|{ISO_DATE}|{WORDY_DATE})"

SMALL_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)

RECORD_LABEL = (
    r"(?:MRN|MR\s?#|MR\s?No\.?|(?:Medical\s+)?Record\s+(?:Number|No\.?|#)(?:\s+is)?|"
    r"Medical\s+Record|"
    # "Pt 1D": OCR reads the I of "ID" as a 1 or an l
    r"Patient\s+(?:[I1l]D|No\.?|Number)|Pt\.?\s?[I1l]D|Acct\.?\s?#?|Account(?:\s+(?:Number|No\.?|#))?|"
    r"FIN|HAR|CSN|Encounter(?:\s+(?:Number|No\.?|#))?|Member\s+ID|Policy(?:\s+(?:Number|No\.?|#))?|"
    # the other names a record number goes by: hospital, unit, case, NHS, CHI, UR, registration,
    # accession, specimen, lab, visit, client numbers ("HospitalNo:" as OCR runs it together)
    r"(?:Hosp(?:ital)?|Unit|Case|NHS|CHI|UR|Reg(?:istration)?|Accession|Acc|Specimen|Sample|Lab|"
    r"Visit|Client|Resident|Subject|Study|Insurance|Medicare|Medicaid)\.?\s*"
    r"(?:No\.?|Number|Num|#|ID)(?:\s+is)?|URN|Accession|"
    # a national number under its label, even the look of a sample ("SSN 123-45-6789", which
    # the social security rule leaves as a known test value; a Canadian SIN; a UK NI number)
    r"(?:SSN|SIN|NINO)\b|Social\s+(?:Security|Insurance)(?:\s+(?:Number|No\.?|#))?|"
    r"NI\s?(?:No\.?|Number)|National\s+Insurance(?:\s+(?:Number|No\.?))?)"
)


def medical_record_recognizer() -> PatternRecognizer:
    """Medical record, account, encounter and health-plan numbers."""
    return PatternRecognizer(
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="record number",
        patterns=[
            Pattern(
                "labelled record number",
                # four digits and up: a small practice's or a test system's "MRN 4471"; not a
                # year alone ("FIN 2024 review"); a banner's sex run on by OCR is no part of it
                # ("NHS No 943 4765919F Ward 7")
                rf"\b{RECORD_LABEL}\s*[:#.]?\s*(?-i:[A-Z]{{0,3}})\s?"
                r"(?!(?:19|20)\d\d(?-i:[MF])?\b(?![\s-]?\d))\d(?:[\s-]?\d){3,14}(?:\b|(?=(?-i:[MF])\b))",
                0.95,
            ),
            Pattern("long unlabelled number", r"(?<![\d/:.,-])\b\d{7,12}\b(?![/:.,-]\d)", 0.35),
        ],
        context=["mrn", "record", "patient", "account", "chart", "id", "number"],
    )


def room_bed_recognizer() -> PatternRecognizer:
    """Room, bed, bay and cubicle numbers, written or spoken."""
    place = r"(?:room|rm\.?|bed(?:\s*space)?|bay|cubicle|cube|suite|(?:isolation|side)\s+room)"
    digits = r"(?:#\s?)?\d{1,4}(?-i:[A-Z])?"
    # a bay's sign gives its beds as a range ("Beds 13-18"); "beds 12" alone is a count
    places = r"(?:rooms|beds|bays|cubicles)"
    span = r"\d{1,4}(?-i:[A-Z])?\s?[-–]\s?\d{1,4}(?-i:[A-Z])?"
    letter_or_word = rf"(?:#\s?)?(?:(?-i:[A-Z])\d{{0,3}}|{SMALL_NUMBER_WORDS})"
    return PatternRecognizer(
        supported_entity="ROOM_BED",
        name="room or bed",
        patterns=[
            Pattern("room/bed/bay number", rf"\b{place}\s*{digits}\b", 0.7),
            Pattern("room/bed/bay range", rf"\b(?:{place}|{places})\s*{span}\b", 0.7),
            Pattern("room/bed/bay letter or word", rf"\b{place}\s+{letter_or_word}\b", 0.7),
        ],
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


class MonthDayRecognizer(PatternRecognizer):
    """ "7/22", "10/15": a month and day with no year, as ward notes and whiteboards write them.
    Not a fraction of a tablet ("1/2"), a ratio ("24/7") or a blood pressure ("120/80")."""

    FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/8"})
    # Ventilator settings are written as pairs too: "PS 10/5", "CPAP 5/5", "on 12/5 PSV".
    VENTILATION = re.compile(r"\b(?:ps|psv|cpap|bipap|peep|simv|imv|ac|vent|settings|trach|"
                             r"ipap|epap|fio2|tv|rate)\b[^.;]{0,12}$|^\s*(?:ps|psv|cpap|peep|"
                             r"bipap|simv|imv)\b", re.IGNORECASE)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results
                if not self.VENTILATION.search(text[max(0, r.start - 16): r.start])
                and not self.VENTILATION.search(text[r.end: r.end + 8])]

    def validate_result(self, pattern_text: str) -> bool:
        first, second = (int(n) for n in re.findall(r"\d+", pattern_text))
        if pattern_text.replace(" ", "") in self.FRACTIONS:
            return False
        return 1 <= first <= 12 and (1 <= second <= 31 or 32 <= second <= 99)


def month_day_recognizer() -> PatternRecognizer:
    return MonthDayRecognizer(
        supported_entity="PERSON_DATE",
        name="month/day",
        patterns=[Pattern("month/day", r"(?<![\d/.])\b\d{1,2}/\d{1,2}\b(?![/.:]?\d)"
                          r"(?!\s*(?:tab|tabs|tablet|strength|of\b|ns\b|mg|ml|cc))", 0.5)],
        context=["on", "since", "date", "admitted", "from"],
    )


# a month written as a word, capitalised ("Dec", "DEC", "December"): "dec" alone is no date; not
# the drug chart's "MAR", nor "MAY" in capitals, but joined to a day ("04-MAR")
_MONTH_WORD = rf"(?-i:(?=[A-Z]))(?!(?-i:MAR|MAY)\b){MONTH}(?![a-z])"


def day_month_recognizer() -> PatternRecognizer:
    """ "04-Dec 07:40", "4 Dec", "Dec 4th": a day and a month written as a word, with no year, as
    a progress note, a chart's entry or a whiteboard dates the day of care. Not before a name
    ("Bed 4 Jan Smith": the nurse) nor a dose or a count ("Mar 12 mg")."""
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    not_a_year = r"(?![-/.]\d)(?!,?\s+\d{2,4}\b(?!:))"
    not_a_name = r"(?!\s+(?-i:[A-Z][a-z]))"
    not_a_dose = r"(?!\s*(?:mg|ml|mcg|g\b|kg|%|mmol|units?|tabs?|x\b))"
    return PatternRecognizer(
        supported_entity="PERSON_DATE",
        name="day and month",
        patterns=[
            Pattern("day and month",
                    rf"(?<![\d/.:-])\b{day}(?:(?:[-/. ]|\s+of\s+)?{_MONTH_WORD}\.?"
                    r"|[-/.](?-i:MAR|MAY)\b)"
                    rf"{not_a_year}{not_a_name}", 0.5),
            Pattern("month and day",
                    rf"\b{_MONTH_WORD}\.?\s?{day}\b(?![-/.:]?\d)(?!,?\s+\d{{4}}\b)"
                    rf"{not_a_dose}", 0.5),
        ],
    )


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
            # a letter run onto the year is OCR's join of the next field ("14/07/1962F": sex)
            Pattern("labelled date (birth/admission/discharge/death)",
                    rf"\b{label}\s*[:#,-]?\s*{ANY_DATE}(?!\d)", 0.95),
            Pattern("full date", rf"\b{ANY_DATE}(?!\d)", 0.6),
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
            # a banner's or a label's way: "F 93y", "(93 y)"
            Pattern("age over 89, short", rf"\b{age}\s?y\b(?!/)", 0.8),
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
            Pattern("7-digit phone",
                    r"(?<![\d/:.-])\b\d{3}[-.]\d{4}\b(?![/:.-]\d)"
                    r"(?<!\d[0-5][05][-.]\d\d[03]0)", 0.4),  # not a time range "900-1300"
            Pattern("phone as whisper writes it", r"\b\d{3}[-\s]\d{3}[-\s]\d,\d{3}\b", 0.6),
            # "0490 75 40 81", "+41 (0)96 471 07 95": only with a word like "phone" nearby;
            # Whisper writes a number said in groups "617 -555 -019" (a space, then a hyphen)
            Pattern("international digit groups (with context)",
                    r"(?<![\d.,/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}"
                    r"(?:(?:\s|\s?[.-])\d{2,4}){2,4}(?![\d/]|[.,]\d)", 0.2),
            Pattern("digit groups", r"(?<![\d/.-])\b\d{3}\s\d{3}\s\d{4,5}\b(?![/.-]\d)", 0.5),
            # UK numbers as written: 07700 918342, 07700 900 123, 020 7946 0018, 0161 496 0527,
            # 07700918342
            Pattern("UK phone",
                    r"(?:(?<![\d/.-])\b0|\+44\s?(?:\(0\)\s?)?)"
                    r"(?:\d{4}\s?\d{6}|\d{4}\s\d{3}\s\d{3}|\d{2}\s\d{4}\s\d{4}|\d{3}\s\d{3}\s\d{4})\b"
                    r"(?![/.-]\d)", 0.6),
            Pattern("pager or extension",
                    r"\b(?:pager|beeper|pgr|pg|bleep|ext\.?|extension)\s*(?:number|no\.?|#)?"
                    r"\s*[:#]?\s*#?\d{4,5}\b", 0.7),
        ],
        context=["phone", "call", "cell", "mobile", "tel", "telephone", "number", "fax", "contact",
                 "reach", "ring", "text", "whatsapp"],
    )


# what a name field holds when it holds no name ("Patient: NOT GIVEN", "DE-IDENTIFIED")
_PLACEHOLDER = (r"(?i:de-?identified|anonym|anon\b|unknown|"  # "ANONYMOU S": cut or spaced
                r"not(?:\b|given|known|stated|recorded)|none\b|"
                r"redacted|withheld|removed|test\b|tbc\b|tba\b|unnamed)")


class WrittenNameRecognizer(PatternRecognizer):
    """Written names, but not a patient's state after their label ("Patient: Stable")."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not _state_after_label(text[r.start:r.end])]


_PATIENT_LABEL = re.compile(r"^(?:patient|pt)\s*:\s*", re.IGNORECASE)


def _state_after_label(found: str) -> bool:
    """ "Patient: Stable", "PT: SLEEPING": a handover's state where a name could stand; under
    a name's own label ("Name:", "Surname:") any word is the name."""
    label = _PATIENT_LABEL.match(found)
    return label is not None and is_a_state(found[label.end():])


def written_name_recognizer() -> PatternRecognizer:
    """Names as charts and wristbands write them, which a general NER model misses."""
    honorific = r"(?i:Mr|Mrs|Ms|Miss|Mx)"
    label = r"(?i:Patient|Pt|Name|Forenames?|Surname|Family\s+name|Given\s+names?)"
    name = r"(?-i:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)"
    # after a label, the whole name in title case or in capitals, up to three words ("Patient:
    # PERES YULAN": both English words, "Patient: Peres Yulan"), not the next field's label
    field = r"(?i:dob|d\.o\.b|mrn|nhs|sex|age|id|acc|born|bed|ward|room|male|female|hosp|no)"
    word = rf"(?!{field}\b)(?-i:[A-Z][a-z]+(?:[-']?[A-Z][a-z]+)*|[A-Z]{{2,}}(?:[-'][A-Z]+)?)\b"
    named = rf"(?!{_PLACEHOLDER}){word}(?:,? {word}){{0,2}}"
    return WrittenNameRecognizer(
        supported_entity="NAMED_PERSON",
        name="written name",
        patterns=[
            Pattern("title and name", rf"\b{honorific}\.?\s+{name}", 0.8),
            Pattern("labelled name", rf"\b{label}\s*:\s*{named}", 0.8),
        ],
    )


def all_medical_recognizers() -> list[PatternRecognizer]:
    return [
        medical_record_recognizer(),
        room_bed_recognizer(),
        labelled_date_recognizer(),
        month_day_recognizer(),
        day_month_recognizer(),
        age_over_89_recognizer(),
        local_phone_recognizer(),
        written_name_recognizer(),
    ]
