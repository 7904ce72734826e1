"""Places a patient has been: hospitals and homes named by what stands around them.

"transferred from CALVERT HOSPITAL", "sent to gh", "lives in catonsville", "St. Mary's",
"Sacred Heart Memorial". A general NER model misses most of these in clinical writing; here a
word is a place when a facility word follows it, when a movement verb ("transferred to",
"admitted from", "lives in") precedes it and it is not ordinary English or ward shorthand, or
when it is a known city or state that is not also an ordinary word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from presidio_analyzer import AnalysisExplanation, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from app.core.detect import lexicon
from app.core.detect.facility_columns import case_of, column_before_facility
from app.core.detect.name_recognizers import RELATIONS, Found, WordRecognizer
from app.core.detect.ocr_words import CARET
from app.core.detect.tokens import Style, Token, gap, joined, style, tokens

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

FACILITY_WORDS = frozenset("""
hospital hosp hospiatal hsp rehab rehabilitation infirmary clinic hospice sanatorium
manor nursing-home medical-center med-ctr regional memorial adventist
""".split())
# Words before a facility word that say which kind, not which one ("outside hospital").
GENERIC = frozenset("""
outside other another local previous prior same referring home nursing acute chronic psych
psychiatric osh rehab a an the this that his her their our your my in at to from of cardiac
pulmonary inpatient outpatient physical continue continued cont start started
""".split()) | STOP_WORDS
MOVEMENT = frozenset("""
transferred transfered transfer trans tx'd txd admitted adm admit sent taken arrived came
brought went presented referred returned readmitted medflight medflighted flown lives living
resides moved discharged d/c'd visiting go going goes transferring sending seen followed
""".split())
PREPOSITIONS = frozenset({"to", "from", "at", "in", "into", "nearby"})
# Ward shorthand and places in a hospital that follow "to" or "from" without naming anything.
WARD_WORDS = frozenset("""
icu micu sicu ccu nicu picu csru ctu pacu cvicu ed ew er or ir cath lab ct mri cxr ekg ecg eeg
us kub floor unit ward home chair bed room bathroom commode rehab osh ltc snf vicu tele step
stepdown step-down hospice shelter bay
""".split())
# "GH", "MGH", "BIDMC", "gbmc": a hospital's initials (2-5 letters ending in H or MC)
_HOSPITAL_ABBREVIATION = re.compile(r"[A-Z]{1,4}(?:H|MC)|[a-z]{1,4}(?:h|mc)")
_CUES_BEFORE_FACILITY = MOVEMENT | {"by", "to", "from", "at"}
_MOVEMENT_OR_BACK = MOVEMENT | {"back"}
_NEVER_PLACES = STOP_WORDS | WARD_WORDS | lexicon.CLINICAL_WORDS


class FacilityRecognizer(WordRecognizer):
    """ "<Name> Hospital", "<Name> Rehab", "St. <Name>"."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["NAMED_PLACE"], name="facility name")

    def load(self) -> None:
        lexicon.ordinary_words()

    def analyze(self, text: str, entities: list[str],  # noqa: ARG002 - Presidio's signature
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        words = tokens(text)
        writing = style(text)
        results: list[RecognizerResult] = []
        for i, word in enumerate(words):
            if word.lower not in FACILITY_WORDS and not _two_word_facility(words, i):
                continue
            first = i
            while (first > 0 and i - first < 3 and joined(text, words[first - 1], words[first])
                   and words[first - 1].lower not in GENERIC
                   and words[first - 1].lower not in MOVEMENT
                   and words[first - 1].lower not in RELATIONS):
                first -= 1
            # "KOWALSKA AGNIESZKA Whittington Hospital": a name in another column, read as one
            # line with the hospital's, is no part of the facility's name
            if first < i and (column := column_before_facility(words, first, i - 1)) < i - 1:
                first = column + 1
            elif i - first >= 2 and (_another_case_first(words[first : i + 1])
                                     or _caret_before(text, words, first)):
                # "KOWALSKAAGNIESZKA Whittington Hospital", "Teresa ROYAL FREE HOSPITAL": a name
                # read as one word, or printed in another case, or caret-joined to a name before
                # it ("Kreutzmann~Teresa"), is no part of the facility's name
                first += 1
            if first == i:
                continue  # "the hospital", "outside hospital": which one is not said
            first = _with_partner(text, words, first)
            named = any(_names_something(w, writing) for w in words[first:i])
            cued = first > 0 and words[first - 1].lower in _CUES_BEFORE_FACILITY
            if word.lower in _KIND_OF_CARE and not (named or cued):
                continue  # "awaiting rehab", "possible hospice"
            results.append(_result(self.name, words[first], words[i], 0.7, "name + facility word"))
        saint = (r"\b(?:St\.?|ST\.|Saint|SAINT)\s?(?:[A-Z][a-z]{2,}|(?!HIGH\b)[A-Z]{3,})"
                 r"(?:'[sS])?\b")
        for match in re.finditer(saint, text):
            results.append(RecognizerResult(
                "NAMED_PLACE", match.start(), match.end(), 0.6,
                AnalysisExplanation(self.name, 0.6, pattern_name="Saint … (hospital)"),
            ))
        return results


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "nurse", "sister", "rn"})


def _with_partner(text: str, words: list[Token], first: int) -> int:
    """Where a facility named after two starts: the name before "and" or "&" ("Brigham and
    Women's Hospital", "Baylor Scott & White Medical Center"), one or two capitalised words."""
    if first >= 2 and words[first - 1].lower == "and" and joined(text, words[first - 2],
                                                                  words[first - 1]):
        start = first - 2
    elif first >= 1 and re.fullmatch(r" ?& ?", gap(text, words[first - 1], words[first])):
        start = first - 1
    else:
        return first
    if (not words[start].text[:1].isupper() or words[start].lower in _NEVER_PLACES
            or (start > 0 and words[start - 1].lower.rstrip(".") in _TITLES)):
        return first  # "Dr Patel and Smith Hospital": a person and a hospital
    if (start > 0 and words[start - 1].text[:1].isupper() and joined(text, words[start - 1],
                                                                     words[start])
            and words[start - 1].lower not in _NEVER_PLACES):
        start -= 1
    return start


def _another_case_first(run: list[Token]) -> bool:
    """A word of four letters or more, then a facility's name all in one other case: all in
    capitals or all in title case."""
    cases = [case_of(w.text) for w in run]
    return (len(run[0].text) >= 4 and cases[1] in ("upper", "title") and cases[0] != cases[1]
            and len(set(cases[1:])) == 1)


_CARET = re.compile(rf"\s?{CARET}\s?")


def _caret_before(text: str, words: list[Token], index: int) -> bool:
    """A caret joins `words[index]` to the word before it: a name's ("Kreutzmann~Teresa")."""
    between = text[words[index - 1].end : words[index].start] if index > 0 else ""
    return _CARET.fullmatch(between) is not None


# Facility words that also name a kind of care ("rehab") need a name-like word before them.
_KIND_OF_CARE = frozenset({"rehab", "rehabilitation", "hospice", "clinic", "regional"})


def _names_something(word: Token, writing: Style) -> bool:
    if writing is Style.MIXED:
        return word.capitalised and word.lower not in _NEVER_PLACES
    return not lexicon.is_ordinary(word.text) and word.lower not in _NEVER_PLACES


def _two_word_facility(words: list[Token], i: int) -> bool:
    pair = " ".join(w.lower for w in words[i - 1 : i + 1]) if i > 0 else ""
    return pair in {"medical center", "med ctr", "medical centre", "health center", "nursing home",
                    "care center", "rehab center"}


class MovementPlaceRecognizer(WordRecognizer):
    """The unknown word after "transferred to", "admitted from", "lives in"; and known cities."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["NAMED_PLACE"], name="place in context")

    def load(self) -> None:
        lexicon.place_names()

    def analyze(self, text: str, entities: list[str],  # noqa: ARG002 - Presidio's signature
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        words = tokens(text)
        writing = style(text)
        results: list[RecognizerResult] = []
        i = 0
        while i < len(words):
            end = self._place_at(text, words, i, writing)
            if end is None:
                i += 1
                continue
            last, score, why = end
            results.append(_result(self.name, words[i], words[last], score, why))
            i = last + 1
        return results

    def _place_at(self, text: str, words: list[Token], i: int, writing: Style) -> Found | None:
        word = words[i]
        if word.lower in _NEVER_PLACES:
            return None
        for length in (3, 2, 1):
            phrase = words[i : i + length]
            if len(phrase) == length and all(
                joined(text, a, b) for a, b in zip(phrase, phrase[1:], strict=False)
            ) and lexicon.is_place(" ".join(w.text for w in phrase)):
                ambiguous = lexicon.is_ordinary(word.text) or lexicon.is_first_name(word.text)
                if length == 1 and ambiguous:
                    break
                if writing is Style.MIXED and not word.capitalised:
                    break
                return i + length - 1, 0.6, "known city or state"
        if word.lower in RELATIONS or len(word.lower) < 2:
            return None
        ordinary = lexicon.is_ordinary(word.text)
        if _after_movement(text, words, i):
            if ordinary and not (writing is Style.MIXED and word.capitalised):
                return None
            score, why = 0.6, "name after 'transferred to', 'admitted from', 'lives in'…"
        elif (ward := _ward_name(text, words, i, writing)) is not None:
            return ward
        elif _HOSPITAL_ABBREVIATION.fullmatch(word.text) and not ordinary and _after_preposition(
                text, words, i, {"at", "to", "from", "by", "in"}):
            score, why = 0.5, "hospital initials after 'at', 'to', 'from'"
        elif (writing is Style.MIXED and word.capitalised
              and _after_preposition(text, words, i, {"at", "to", "from", "in"})
              and i + 1 < len(words) and joined(text, word, words[i + 1])
              and words[i + 1].capitalised and words[i + 1].lower not in _NEVER_PLACES):
            score, why = 0.45, "capitalised name after 'at', 'to', 'from'"
        else:
            return None
        last = i
        while (last + 1 < len(words) and last - i < 2 and joined(text, words[last], words[last + 1])
               and _continues_place(words[last + 1], writing)):
            last += 1
        return last, score, why


_NEAR = r"[ \t]{1,3}"


def _after_movement(text: str, words: list[Token], i: int) -> bool:
    """Whether a movement verb, then a preposition and perhaps "the", stand right before."""
    j = i - 1
    if j >= 0 and words[j].lower == "the" and joined(text, words[j], words[i], _NEAR):
        j -= 1
    if j < 0 or not joined(text, words[j], words[j + 1], _NEAR):
        return False
    if words[j].lower in PREPOSITIONS:
        return (j >= 1 and words[j - 1].lower in _MOVEMENT_OR_BACK
                and joined(text, words[j - 1], words[j], _NEAR))
    return words[j].lower in {"transfer", "trans", "medflight", "tx'd", "txd"}


def _after_preposition(text: str, words: list[Token], i: int, allowed: set[str]) -> bool:
    return i > 0 and words[i - 1].lower in allowed and joined(text, words[i - 1], words[i], _NEAR)


def _ward_name(text: str, words: list[Token], i: int, writing: Style) -> Found | None:
    """ "Quartermain 2", "ELLISON 12": a named ward or floor and its number."""
    word = words[i]
    if len(word.lower) < 4 or lexicon.is_ordinary(word.text) or lexicon.is_known_name(word.text):
        return None
    if writing is Style.MIXED and not word.capitalised:
        return None
    if not _after_preposition(text, words, i, {"on", "to", "from", "at", "per", "or", "and"}):
        return None
    after = re.match(r"[ \t]?(\d{1,2})(?![\d/:%]|\.\d)(?!\s*(?:mg|mcg|g|gm|ml|cc|u|units?|l|"
                     r"mm|cm|kg|hr|hrs|x|times|days?|weeks?|pm|am)\b)", text[word.end :],
                     re.IGNORECASE)
    if not after:
        return None
    return i, 0.45, "named ward and its number"


def _continues_place(word: Token, writing: Style) -> bool:
    if word.lower in STOP_WORDS or word.lower in WARD_WORDS:
        return False
    if writing is Style.MIXED:
        return word.capitalised
    return not lexicon.is_ordinary(word.text)


def _result(name: str, first: Token, last: Token, score: float, why: str) -> RecognizerResult:
    return RecognizerResult("NAMED_PLACE", first.start, last.end, score,
                            AnalysisExplanation(name, score, pattern_name=why))
