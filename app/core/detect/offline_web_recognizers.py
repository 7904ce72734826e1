"""Presidio's email recognizer, made to work offline; and an email address said aloud.

Presidio's validation calls `tldextract.extract`, which fetches the public-suffix list from the
web on first use (and raises when offline). Ours uses the snapshot bundled inside tldextract and
never touches the network or the disk.

Said aloud, an address is written by Whisper as words and loose dots: "rosie dot baptiste at
yahoo dot com", "rosy .apptistatiyahu .com" (the "at" swallowed into the next word). After
"email" or "mail" (or its "at" said), a run of parts joined by dots that ends in a common
domain ending is an email address; "the dot com bubble" has no cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import tldextract
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

_OFFLINE_TLD = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """EmailRecognizer whose domain check uses tldextract's bundled suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text).fqdn != ""



_DOT = r"(?:\s?\.\s?|\s+dot\s+)"
_AT = r"(?:\s?@\s?|\s+at\s+)"
_PART = r"[A-Za-z0-9][A-Za-z0-9_-]*"
_ENDING = r"(?:co(?:\s?\.\s?|\s+dot\s+)uk|com|org|net|edu|gov|uk|ie|ca|au|nz)\b"
# with "at" said: "rosie dot baptiste at yahoo dot com"
_SAID = re.compile(rf"(?i)(?<![\w.@])({_PART})(?:{_DOT}{_PART}){{0,3}}{_AT}({_PART})"
                   rf"(?:{_DOT}{_PART}){{0,2}}{_DOT}{_ENDING}")
# after "email" only: loose dots, the "at" swallowed ("email her at rosy .apptistatiyahu .com")
_LOOSE = re.compile(rf"(?i)(?<![\w.@])({_PART})(?:{_DOT}{_PART}){{1,3}}{_DOT}{_ENDING}")
_CUE = re.compile(r"(?i)\be-?mail\b")


class SpokenEmailRecognizer(EntityRecognizer):
    """An email address as Whisper writes one said aloud (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["EMAIL_ADDRESS"], name="spoken email")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str],  # noqa: ARG002 - Presidio's signature
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        spans = [m.span() for m in _SAID.finditer(text)
                 if not {m.group(1).lower(), m.group(2).lower()} & STOP_WORDS]
        for cue in _CUE.finditer(text):
            tail = text[cue.end() : cue.end() + 60]
            for m in _LOOSE.finditer(tail):
                if m.group(1).lower() not in STOP_WORDS:
                    spans.append((cue.end() + m.start(), cue.end() + m.end()))
                    break
        name = "spoken email"
        return [RecognizerResult("EMAIL_ADDRESS", start, end, 0.6,
                                 AnalysisExplanation(name, 0.6, pattern_name=name))
                for start, end in spans]
