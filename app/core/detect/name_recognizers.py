"""Person names found by what stands around them, whatever the case: "son bill called",
"MR. EDWIN PRZYBYLO", "spoke with suzette", "OLSON, MARGARET".

A general NER model reads capital letters as the sign of a name, so it misses names in all-lower
notes and tags every word of an all-capitals monitor. Here a word is a name when a cue says so
(a title, a relation, "spoke with"), or when it is a known first name that is not also an
ordinary English word ("Suzette", but not "Bill" or "Grace" on their own).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from app.core.detect import lexicon
from app.core.detect.tokens import Style, Token, gap, joined, style, tokens

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "mister", "missus"})
RELATIONS = frozenset("""
wife husband spouse partner son sons daughter daughters dtr dau child children sister sisters
brother brothers mother mom mum mommy mother-in-law father dad daddy father-in-law niece nephew
grandson granddaughter grandaughter grandchild grandmother grandfather grandma grandpa aunt uncle
cousin friend fiance fiancee boyfriend girlfriend neighbor neighbour stepdaughter stepson
son-in-law daughter-in-law sister-in-law brother-in-law proxy guardian caregiver hcp
""".split())
WEAK_CUES = frozenset({"pt", "patient", "named", "name", "with", "per", "called", "by", "visitor",
                       "resident", "mrn"})
FOLLOWING_CUES = frozenset({"family", "families"})
NOT_NAMES = (STOP_WORDS | TITLES | RELATIONS | WEAK_CUES | FOLLOWING_CUES
             | lexicon.CLINICAL_WORDS | lexicon.CALENDAR_AND_LANGUAGES)

# What a recognizer found at a word: the index of its last word, its score, and why.
Found = tuple[int, float, str]

# What may stand between a cue and the name: spaces, a comma, a colon, dashes, an opening bracket.
_CUE_GAP = r"\s{1,3}|\s?[,:(-]{1,3}\s?|\s?-{2,3}\s?|\.\s?"


class WordRecognizer(EntityRecognizer):
    """A Presidio recognizer of ours (it looks at words and what stands around them)."""

    # Presidio's __init__ sets it from a parameter typed `str = None`, which mypy cannot use
    name: str


class ContextNameRecognizer(WordRecognizer):
    """Names after titles and relations, and first names that cannot be anything else."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["NAMED_PERSON"], name="name in context")

    def load(self) -> None:
        lexicon.first_names()
        lexicon.ordinary_words()

    def analyze(self, text: str, entities: list[str],  # noqa: ARG002 - Presidio's signature
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        words = tokens(text)
        writing = style(text)
        results: list[RecognizerResult] = []
        index = 0
        while index < len(words):
            found = self._name_at(text, words, index, writing)
            if found is None:
                index += 1
                continue
            last, score, why = found
            results.append(_result(self.name, words[index], words[last], score, why))
            # "Sons Smokey, Morris and Roger": the names listed after a name are names too
            while (listed := _listed_after(text, words, last, writing)) is not None:
                results.append(_result(self.name, words[listed], words[listed], score,
                                       "name listed with a name"))
                last = listed
            index = last + 1
        return results

    def _name_at(self, text: str, words: list[Token], i: int, writing: Style) -> Found | None:
        word = words[i]
        if word.lower in NOT_NAMES or len(word.lower) < 2 or not _can_be_name(word, writing):
            return None
        before = words[i - 1] if i > 0 else None
        cue = _cue_before(text, before, word)
        if cue is None:
            cue = _cue_after(text, words, i)
        known = lexicon.is_known_name(word.text)
        ordinary = lexicon.is_ordinary(word.text)
        if cue == "strong" and (known or not ordinary):
            score, why = 0.8, "name after a title or relation"
        elif cue == "weak" and known and not ordinary:
            score, why = 0.6, "known name after 'patient', 'with', 'per'…"
        elif (lexicon.is_census_first_name(word.text) and not ordinary
              and len(word.lower) >= 3
              and (word.capitalised if writing is Style.MIXED else len(words) >= 4)):
            # a lone lower-case word on a screen ("tina" on a monitor) is a brand, not a person;
            # with no cue, a name by the census lists only (the world's given names hold drugs
            # and shorthand: "Flovent", "GERD", "genta")
            score, why = 0.55, "known first name"
        elif (writing is Style.MIXED and word.capitalised and not word.text.isupper()
              and lexicon.is_census_name(word.text) and not ordinary and i > 0
              and not _sentence_start(text, before)):
            score, why = 0.5, "known surname, capitalised"
        else:
            return None
        last = i
        while (last + 1 < len(words) and last - i < 2 and joined(text, words[last], words[last + 1])
               and _continues_name(words[last + 1], writing)):
            last += 1
        return last, score, why


def _result(name: str, first: Token, last: Token, score: float, why: str) -> RecognizerResult:
    return RecognizerResult("NAMED_PERSON", first.start, last.end, score,
                            AnalysisExplanation(name, score, pattern_name=why))


def _listed_after(text: str, words: list[Token], last: int, writing: Style) -> int | None:
    """The index of a name that follows the name ending at `last` in a list (", X", " and X")."""
    j = last + 1
    if j < len(words) and re.fullmatch(r"\s?,\s?|\s?&\s?", gap(text, words[last], words[j])):
        if words[j].lower == "and":
            return None
        candidate = j
    elif j + 1 < len(words) and words[j].lower == "and" and re.fullmatch(
        r",?\s{1,2}", gap(text, words[last], words[j])
    ):
        candidate = j + 1
    else:
        return None
    word = words[candidate]
    if word.lower in NOT_NAMES or not _can_be_name(word, writing):
        return None
    known = lexicon.is_known_name(word.text)
    return candidate if known or not lexicon.is_ordinary(word.text) else None


def _can_be_name(word: Token, writing: Style) -> bool:
    if not word.text.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    return writing is not Style.MIXED or word.capitalised


def _continues_name(word: Token, writing: Style) -> bool:
    if word.lower in NOT_NAMES or not _can_be_name(word, writing):
        return False
    return lexicon.is_known_name(word.text) or not lexicon.is_ordinary(word.text)


def _cue_before(text: str, before: Token | None, word: Token) -> str | None:
    if before is None or not re.fullmatch(_CUE_GAP, gap(text, before, word)):
        return None
    if "." in gap(text, before, word) and before.lower not in TITLES:
        return None  # a sentence ended between them
    if before.lower in TITLES or before.lower in RELATIONS:
        return "strong"
    if before.lower == "law" and text[max(0, before.start - 4): before.start].lower() == "-in-":
        return "strong"  # "dtr-in-law Rita"
    if before.lower in WEAK_CUES:
        return "weak"
    if before.lower == "re" and ":" in gap(text, before, word):
        return "strong"  # a letter's subject, "Re: Leocadia Fenwright": whom it is about
    return None


def _cue_after(text: str, words: list[Token], i: int) -> str | None:
    """ "Hank Przybylo (son)", "ROMERO FAMILY": the cue follows the name (or its surname)."""
    for j in (i + 1, i + 2):
        if j >= len(words):
            return None
        between = gap(text, words[j - 1], words[j])
        if words[j].lower in FOLLOWING_CUES and re.fullmatch(r"\s{1,2}", between):
            return "strong"
        if words[j].lower in RELATIONS and re.fullmatch(r"\s?[(,]\s?", between):
            return "strong"
        if not re.fullmatch(r"\s{1,2}", between):
            return None
    return None


def _sentence_start(text: str, before: Token | None) -> bool:
    if before is None:
        return True
    between = text[before.end : before.end + 4]
    return bool(re.match(r"\s*[.!?:;\n]", between))


# a surname's particles ("Van der Berg", "de la Cruz", "VON TRAPP") and its parts: a word in
# capitals, in title case, "McDonald", "O'Neil", "D'SOUZA"; two parts joined by a hyphen
_PARTICLE = r"(?i:van|von|de|der|den|di|da|du|del|dos|la|le)\s"
_PART = r"(?:[A-Z]{2,}|[A-Z][a-z]+|Ma?c[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+|[A-Z]'[A-Z]{2,})"


def _parts(surname: str) -> tuple[list[str], bool]:
    """The words of a surname that can be looked up ("Smith-Jones" → Smith, Jones; "O'Neil" →
    Neil; particles left out) and whether it has particles."""
    words = surname.split()
    particles = len(words) > 1
    parts = [p for p in re.split(r"[-']", words[-1]) if len(p) >= 2]
    return parts, particles


class SurnameGivenRecognizer(WordRecognizer):
    """ "OLSON, MARGARET", "OLSON, Margaret" and "Okafor, Chidi" as wristbands, monitors, cards
    and EHR lists print a name, when at least one of the two is a known name and neither is an
    ordinary word ("PT, PTT" is not); written "Surname, Given", neither may be a place either
    ("Houston, Texas"). A surname of parts is one name, looked up by its parts: "Smith-Jones,
    Amy", "O'Neil, Mary", "McDonald, Jane", and "Van der Berg, Anna", whose particles say
    surname when the given name is a known one."""

    _PATTERN = re.compile(rf"(?<![\w'-])((?:{_PARTICLE}){{0,2}}{_PART}(?:-{_PART})?),"
                          r"\s?([A-Z][A-Za-z]+)\b")

    def __init__(self) -> None:
        super().__init__(supported_entities=["NAMED_PERSON"], name="SURNAME, Given")

    def load(self) -> None:
        lexicon.surnames()

    def analyze(self, text: str, entities: list[str],  # noqa: ARG002 - Presidio's signature
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in self._PATTERN.finditer(text):
            surname, given = match.group(1), match.group(2)
            parts, particles = _parts(surname)
            words = [*parts, given]
            if not parts or any(w.lower() in NOT_NAMES for w in words):
                continue
            # one is surely a name ("ANIKA", "Jones"), or particles stand before the surname of
            # a known given name; the others are names too or no ordinary words
            if not (any(lexicon.is_known_name(w) and not lexicon.is_ordinary(w) for w in words)
                    or particles and lexicon.is_known_name(given)):
                continue
            if not all(lexicon.is_known_name(w) or not lexicon.is_ordinary(w) for w in words):
                continue
            if not surname.isupper() and any(lexicon.is_place(w.lower()) for w in words):
                continue  # "Houston, Texas", "Boston, Massachusetts"
            results.append(RecognizerResult(
                "NAMED_PERSON", match.start(), match.end(), 0.75,
                AnalysisExplanation(self.name, 0.75, pattern_name="SURNAME, Given"),
            ))
        return results


def _starts_an_entry(text: str, at: int) -> bool:
    """Whether the words at `at` begin a line or follow a label, a number or a separator
    ("Bed 4 R. Castellano", "Pt: R. Castellano", "| J. Young"), not a word of a sentence
    ("Vitamin D. Green", "Hepatitis B. Young children")."""
    before = text[:at].rstrip()
    return not before or not before[-1].isalpha() and before[-1] != "."


class InitialSurnameRecognizer(WordRecognizer):
    """ "S. Lindqvist", "J. Okafor": an initial and a surname, as a ward whiteboard lists its
    patients, when the surname is no ordinary word ("A. Fib" is not one), or a known name that
    starts an entry ("Bed 4 R. Castellano", not "Vitamin D. Green")."""

    _PATTERN = re.compile(r"(?<![\w.])([A-Z])\.\s?([A-Z][a-z]{2,}(?:[-'][A-Z][a-z]+)?)\b")

    def __init__(self) -> None:
        super().__init__(supported_entities=["NAMED_PERSON"], name="Initial. Surname")

    def load(self) -> None:
        lexicon.surnames()

    def analyze(self, text: str, entities: list[str],  # noqa: ARG002 - Presidio's signature
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in self._PATTERN.finditer(text):
            surname = match.group(2)
            if surname.lower() in NOT_NAMES:
                continue
            if lexicon.is_ordinary(surname) and not (
                    lexicon.is_known_name(surname) and _starts_an_entry(text, match.start())):
                continue  # "Vitamin D. Green vegetables", but "Bed 4 R. Castellano"
            results.append(RecognizerResult(
                "NAMED_PERSON", match.start(), match.end(), 0.6,
                AnalysisExplanation(self.name, 0.6, pattern_name="initial and surname"),
            ))
        return results
