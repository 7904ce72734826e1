"""A finding in one plain line for the people who decide about it: what kind of thing it is,
where it was (said, on screen, in view) and what gave it away ("after 'Patient:'").

    summary_of(Category.NAME, Source.SCREEN, rule, cue="after 'Patient:'")
    → "A patient's name on screen, after 'Patient:'"

A charge nurse or a communications officer reads this, not the detector's trace (the finding's
`reason`, which stays for "Why, in detail" and the JSON). A summary is built only from our own
words: the kind, the source, and a cue, which quotes a label or title only when it is one of the
words below ("Patient:", "DOB", "Bed", "Dr"). It never holds the identifier, so a masked copy
shows it as it is, and it never names a library or a rule.
"""

from __future__ import annotations

import re

from app.core.detect.line_names import NEXT_TO, PATIENT, PERSON
from app.core.detect.name_recognizers import RELATIONS, TITLES
from app.core.detect.staff_names import TITLE_WORDS
from app.core.models import Category, Source

# Labels and cue words a summary may quote when they stand right before an identifier.
_PATIENT = r"patient\s+name|patient|pt|name|named|called|resident|visitor"
_BIRTH = r"d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|born"
_RECORD = (r"mrn|mr\s?#|nhs\s+(?:no\.?|number)|hospital\s+(?:no\.?|number)|patient\s+id|"
           r"pt\.?\s?id|acct\.?|account|fin|csn|id")
_PLACE = r"room|rm|bed(?:\s*space)?|bay|cubicle|side\s+room|ward"
_CONTACT = r"phone|tel|telephone|mobile|cell|call|ring|contact|e-?mail|fax"
_DATE = r"admitted|admission(?:\s+date)?|discharged|discharge|seen|date|age|aged"
_RELATION = "|".join(sorted((re.escape(r) for r in RELATIONS), key=len, reverse=True))
_HONORIFIC = "|".join(sorted(TITLES, key=len, reverse=True))
_CUE_WORD = (rf"{_PATIENT}|{_BIRTH}|{_RECORD}|{_PLACE}|{_CONTACT}|{_DATE}|{_RELATION}|"
             rf"{_HONORIFIC}|{TITLE_WORDS}")
# the label, then only what separates a label from its value (spaces, ":", "#", "-", and the
# comma speech is written with: "my patient, Mr Fisher")
_BEFORE = re.compile(rf"(?<![\w.])((?:{_CUE_WORD})\.?)(\s*:)?[\s#\-–,]*$", re.IGNORECASE)
_LEADING = re.compile(rf"^((?:{_CUE_WORD})\.?)(\s*:)?[\s#\-–]+(?=\w)", re.IGNORECASE)
_PATIENT_WORD = re.compile(rf"^(?:{_PATIENT})\W*$", re.IGNORECASE)
_BIRTH_WORD = re.compile(rf"^(?:{_BIRTH})\W*$", re.IGNORECASE)
_RELATION_WORD = re.compile(rf"^(?:{_RELATION})\W*$", re.IGNORECASE)
_STAFF_RULE = re.compile(r"staff name \(after ([^)]*)\)")
_QUOTED = re.compile(r"'([^']*)'")

_NUMBER_KINDS = (("social security", "A social security number"), ("card number", "A card number"),
                 ("bank account", "A bank account number"),
                 ("licence number", "A medical licence number"),
                 ("long unlabelled number", "A long number"), ("record number", "A record number"))
_CONTEXT_KINDS = (("monitor label", "Bedside monitor readings"),
                  ("signage or chart label", "Ward signs or chart labels"),
                  ("equipment maker", "A hospital equipment maker or model"))
_CODE_HOLDS = {"name": "a name", "id": "an ID number", "date": "a date", "age": "an age",
               "phone": "a phone number", "email": "an email address", "url": "a web address",
               "location": "a place", "ward_context": "ward words", "detail": "a personal detail"}
_DETAIL = {"age": "an age", "sex and age": "sex and age", "condition": "a diagnosis",
           "rare condition": "a rare diagnosis", "procedure": "a procedure", "day": "a day",
           "event": "an event", "occupation": "an occupation",
           "place": "a town, school or community"}
_KIND = {Category.DATE: "A date", Category.AGE: "An age over 89",
         Category.PHONE: "A phone number", Category.EMAIL: "An email address",
         Category.URL: "A web address", Category.ID: "An ID number",
         Category.LOCATION: "A place name", Category.FACE: "Another person's face",
         Category.VOICE: "Another person's voice",
         Category.OTHER: "Something that may identify someone"}


def _quote(label: str, colon: str | None) -> str:
    spaced = re.sub(r"\s+", " ", label)
    return f"'{spaced}{':' if colon else ''}'"


def cue_before(text: str, start: int, span_text: str = "") -> str:
    """ "after 'Patient:'" when a label or cue word of ours stands right before `start` in
    `text` (or opens the identifier's own text, as "MRN" opens "MRN 00482913"); else ""."""
    before = _BEFORE.search(text[:start].split("\n")[-1])
    if before:
        return f"after {_quote(before.group(1), before.group(2))}"
    leading = _LEADING.match(span_text)
    return f"after {_quote(leading.group(1), leading.group(2))}" if leading else ""


def cue_above(label: str) -> str:
    """ "under 'Bed'": the label printed on the line above a value (stacked_lines)."""
    shown = label.strip()
    whole = _BEFORE.fullmatch(shown)  # only a label of ours is quoted
    return f"under {_quote(whole.group(1), whole.group(2))}" if whole else "under a label"


def _cue_word(cue: str) -> str:
    quoted = _QUOTED.search(cue)
    return quoted.group(1) if quoted else ""


def _name(rule: str, cue: str) -> tuple[str, str]:
    """The kind of name, and its cue (a staff name's title when no other)."""
    staff = _STAFF_RULE.search(rule)
    if staff:
        return "A staff name", cue or f"after {_quote(staff.group(1), None)}"
    if "deny list" in rule:
        what = "A name on your deny list" if rule.startswith("on your deny list") \
            else "A name like one on your deny list"
        return what, cue
    word = _cue_word(cue)
    if _PATIENT_WORD.match(word) or cue in (NEXT_TO[PERSON], NEXT_TO[PATIENT]):
        return "A patient's name", cue
    if _RELATION_WORD.match(word):
        return "A relative's name", cue
    return "A name", cue


def _kind(category: Category, source: Source, rule: str, cue: str, text: str) -> str:
    """What it is, as a noun phrase."""
    if "cut at the frame's edge" in rule and category in (Category.ID, Category.DATE):
        return "Part of a number"
    if category is Category.DATE and _BIRTH_WORD.match(_cue_word(cue)):
        return "A date of birth"
    if category is Category.ID:
        return next((said for key, said in _NUMBER_KINDS if key in rule), _KIND[category])
    if category is Category.URL and "IP address" in rule:
        return "An IP address"
    if category is Category.LOCATION:
        if "room" in rule or "bed" in rule:
            return "A room or bed number" if "number" in rule else "A room or bed"
        return "A hospital's name" if "hospital" in rule else _KIND[category]
    if category is Category.WARD_CONTEXT:
        if source is Source.SCENE:  # its text is our name for what it looks like
            return f"A {text}"
        return next((said for key, said in _CONTEXT_KINDS if key in rule),
                    "Words that place the video on a ward")
    if category is Category.CODE:
        return _code(rule, text)
    return _KIND.get(category, _KIND[Category.OTHER])


def _code(rule: str, text: str) -> str:
    kind = "A QR code" if text.startswith("QR") or rule.startswith("QR") else "A barcode"
    if "could not be decoded" in rule:
        return f"{kind} that could not be read"
    if " holding " in rule:
        held = [_CODE_HOLDS.get(k.strip(), "an identifier")
                for k in rule.split(" holding ", 1)[1].split(",")]
        listed = ", ".join(held[:-1]) + (" and " if len(held) > 1 else "") + held[-1]
        return f"{kind} holding {listed}"
    return f"{kind}, with nothing identifying read in it"


def summary_of(category: Category, source: Source, rule: str, cue: str = "",
               detail: str = "", text: str = "") -> str:
    """One plain line: the kind, where it was, and its cue (see the module's docstring).

    Args:
        category, source: the finding's.
        rule: the detector's own words for why (the technical reason's start); read for the
            kind of number, place or code, never quoted.
        cue: a phrase this module made (`cue_before`, `cue_above`) or line_names.NEXT_TO.
        detail: a `detail` finding's kind.
        text: the finding's text, used only for findings whose text is ours (a code's kind
            when it could not be read, a combination's list of kinds).
    """
    if category is Category.COMBINATION:
        return f"Details that together could point at one person: {text}"
    if category is Category.DETAIL:
        where = ", spoken" if source is Source.SPEECH else " on screen"
        return f"A personal detail{where}: {_DETAIL.get(detail, 'a detail')}"
    if category is Category.NAME:
        kind, cue = _name(rule, cue)
    else:
        kind = _kind(category, source, rule, cue, text)
    where = {Source.SPEECH: ", spoken", Source.SCREEN: " on screen",
             Source.SCENE: " in view"}.get(source, "")
    if category is Category.VOICE:
        where = ""
    if "cut at the frame's edge" in rule:
        where += ", cut at the frame's edge"
    return f"{kind}{where}{', ' + cue if cue else ''}"
