"""Words as OCR reads small print on a picture, put back the way they were printed: the case of a
letter whose capital has the shape of its small letter ("TereSa" → "Teresa", "JoLY" → "JOLY"),
a 0 or 1 inside a word ("AZEVED0" → "AZEVEDO", "1D:" → "ID:"), the last letter of a word set
apart before a comma or a caret ("AZEVED O,Julian"), and the first letter of a given name after
DICOM's caret read small ("Krylova~olga" → "Krylova~Olga").

Every change keeps the text's length, so positions found in the restored text hold in the text
as read. The name rules of a line (line_names) look at the restored words; what they flag is
the text as read.
"""

from __future__ import annotations

import re

from app.core.detect import lexicon
from app.core.detect.overlay_words import NOT_A_NAME
from app.core.detect.tokens import Token

# letters whose capital is their small letter drawn larger: OCR's case for them is a guess
LOOK_ALIKE = frozenset("cosuvwxzkp")
# a 0 or 1 touching a letter (no digit beside it), and a 0 alone before a name's separator
_DIGIT_IN_WORD = re.compile(r"(?<![0-9])(?:(?<=[A-Za-z])[01]|[01](?=[A-Za-z]))(?![0-9])")
_LONE_O = re.compile(r"(?<=[A-Za-z] )0(?=[,^~])|(?<=[,^~])0(?= [a-z]{2})|(?<=[,^~] )0(?= [a-z]{2})"
                     # a word in capitals' last O set apart, its field's end after it
                     # ("ANGULOYAC 0|Born", "NANAH 0    Pt ID:")
                     r"|(?<=[A-Z]{3} )0(?=\s*[|丨]|\s{4}|$)"
                     # a surname's first O set apart, first on its line or after a number
                     # ("0 stermann, Lukas", "ID: 84200530 0 lofssOn, John": italic print)
                     r"|(?:^|(?<=^ )|(?<=\d ))0(?= [a-z][A-Za-z]{2,}[,^~])")
_AS_LETTER = {"0": "O", "1": "I"}
_FIELD_END = re.compile(r"\s*[|丨]|\s{4}|$")
# "RolandoLETTlERE", "HoSPiTALIST": a small l or i between capitals is the capital I it looks
# like
_SMALL_L_IN_CAPITALS = re.compile(r"(?<=[A-Z])l(?=[A-Z]{2})|(?<=[A-Z]{2})i(?=[A-Z]{2})")
# "PauIsen": a capital I between small letters is the small l it looks like when that makes a
# name in the lists (not a word's own capital: "PhilipsIngenia", "McIntyre")
_CAPITAL_I_IN_SMALL = re.compile(r"(?<=[A-Z])([a-z]+)I([a-z]{2,})")
# "lyer, Venkatesh": a name's capital I read as the small l it looks like, first in its word
_SMALL_L_FIRST = re.compile(r"(?<![^\W\d_])l([a-z]{2,})(?![^\W\d_])")
# "PETRUSSENrEdvard": DICOM's caret read as a small r between a surname in capitals and a
# given name
_CARET_AS_R = re.compile(r"(?<=[A-Z]{3})r(?=[A-Z][a-z]{2})")
CARETS = "^~`´"  # DICOM's "SURNAME^GIVEN", the caret as OCR reads it too ("~", "`", "´")
CARET = r"[\^~`´]"  # one of them, in a pattern
SEPARATORS = "," + CARETS  # and "SURNAME, Given"
_CARET = re.compile(rf"\s?{CARET}\s?")
_BEFORE_GIVEN = re.compile(r"\s?[,，\^~`´]\s?")
# a label OCR ran into the word before or after it: "PATIENTNAMEHOLM", "JAYDOB:", "VIEWSBOrn:"
_LABEL_HEAD = re.compile(r"(?i:patient\s?name|pt\s?name|patient|name)(?=[A-Z])"
                         # "FEMALEIMATTHEW": a banner's sex field, its bar read as an I or l
                         r"|(?:FE)?MALE[Il](?=[A-Z]{3})")
# "Bom"/"BOm": "Born" with its "rn" read as "m"; "ACC": an accession number's label
# "CAITLYNSCHULZID: 28658885": an ID's label in capitals, with its number after it
_LABEL_TAIL = re.compile(r"(?:(?i:dob|sex|mrn)|B(?i:orn)|P[tT]I[dD]|A(?i:ge|cc)|B(?i:om)|ID)$")
# "CORMACALLANRegion:": the next field's label, in Title Case with its colon, run onto capitals
_TITLE_LABEL_TAIL = re.compile(r"(?<=[A-Z]{3})[A-Z][a-z]{2,}$")
_NUMBER_NEXT = re.compile(r"\s*[:#]?\s*\d")  # after "Age", "Bom", "Acc" as labels: "Age: 87"
_NEEDS_NUMBER = ("age", "acc", "bom", "id")
_STOPS_OB = re.compile(r"\.\s?[O0o]\.\s?B")  # the rest of "D.O.B" after a word's last "D"
_CAMEL = re.compile(r"[A-Z][a-z'’]+|[A-Z]+(?![a-z])|[a-z'’]+")


def letters_restored(line: str) -> str:
    """`line` with a 0 or 1 inside a word read as the letter it stands for, a small l between
    capitals as the I it looks like ("LETTlERE") and a capital I between small letters as the
    l ("PauIsen"), a small l first in a word as the I of a name ("lyer" → "Iyer"), a small r or
    a question mark between a surname in capitals and a given name as the caret it stands for
    ("PETRUSSENrEdvard", "SCHWARZ?SARA"), and a name's first O read as the last 0 of the number
    before it ("487446860 lgaKrylova" → "48744686 OlgaKrylova")."""
    def letter(m: re.Match[str]) -> str:
        return _AS_LETTER[m.group()]

    restored = _LONE_O.sub(letter, _DIGIT_IN_WORD.sub(letter, line))
    restored = _CAPITAL_I_IN_SMALL.sub(_small_l, _SMALL_L_IN_CAPITALS.sub("I", restored))
    restored = _SMALL_L_FIRST.sub(_capital_i, restored)
    restored = _O_AFTER_NUMBER.sub(_name_with_its_o, restored)
    return _CARET_AS_R.sub("^", _CARET_AS_QUESTION.sub("^", restored))


# "Acc#487446860 lgaKrylova": a name's first O read as a 0 at the end of the number before it
_O_AFTER_NUMBER = re.compile(r"(?<=\d)0 ([A-Za-z]{2,})")
# "SCHWARZ?SARA": the caret read as a question mark between a surname and a given name
_CARET_AS_QUESTION = re.compile(r"(?<=[A-Z]{3})\?(?=[A-Z][A-Za-z]{2})")


def _name_with_its_o(m: re.Match[str]) -> str:
    """ "0 lga" → " Olga" (the same length) when "O" and the letters start with a listed name."""
    letters = m.group(1)
    head = _CAMEL.match(letters)
    word = head.group() if head else letters
    if lexicon.is_known_name("o" + word.lower()) and not lexicon.is_ordinary(word):
        return " O" + letters
    return m.group()


def _capital_i(m: re.Match[str]) -> str:
    """The match of _SMALL_L_FIRST with its l as an I, if that makes a listed name and the word
    as read is no name nor English word ("lyer" → "Iyer", "lvan" → "Ivan"; not "lee", "lamb")."""
    word, rest = m.group(), m.group(1)
    if (lexicon.is_known_name("i" + rest) and not lexicon.is_known_name(word)
            and not lexicon.is_ordinary(word)):
        return "I" + rest
    return word


def _small_l(m: re.Match[str]) -> str:
    """The match of _CAPITAL_I_IN_SMALL with its I as an l, if that and the capital before it
    (which its pattern looks behind to) make a listed name."""
    as_l = f"{m.group(1)}l{m.group(2)}"
    return as_l if lexicon.is_known_name(m.string[m.start() - 1] + as_l) else m.group()


def rejoined(line: str, words: list[Token]) -> list[Token]:
    """`words` with a one-letter word set apart by one space from the word before it and
    followed by a separator ("AZEVED O,Julian") made part of that word again; and a capital O
    (read as a 0) set apart from the small letters after it by one space, after a comma or a
    caret ("Krylova, 0 lga" → "Olga"), or first on its line or after a number and before a
    comma or a caret ("0 stermann, Lukas" → "Ostermann"); and a capitalised piece of two or
    three letters and the small letters after one space, no word of their own ("Ba rtholomew").
    """
    out: list[Token] = []
    for word in words:
        before = out[-1] if out else None
        if (before is not None and before.text == "O" and word.text.islower()
                and len(word.text) >= 2 and line[before.end : word.start] == " "
                and line[: before.start].rstrip().endswith(tuple(SEPARATORS))):
            out[-1] = Token(before.start, word.end, before.text + word.text)
            continue
        if (before is not None and before.text == "O" and word.text[:1].islower()
                and len(word.text) >= 3 and line[before.end : word.start] == " "
                and (not line[: before.start].strip()
                     or line[: before.start].rstrip()[-1:].isdigit())
                and line[word.end : word.end + 1] in tuple(SEPARATORS)
                and not lexicon.is_ordinary(word.text)):
            # "0 stermann, Lukas": a surname's O read as a 0 and set apart, first on its line
            # or after a number, before its comma or caret
            out[-1] = Token(before.start, word.end, before.text + word.text)
            continue
        if (before is not None and before.text[:1].isupper() and 2 <= len(before.text) <= 3
                and before.text[1:].islower() and word.text.isalpha() and word.text.islower()
                and len(word.text) >= 3 and line[before.end : word.start] == " "
                and not lexicon.is_ordinary(word.text)
                and not lexicon.is_ordinary(before.text + word.text)):
            # "ASHCOMBE, Ba rtholomew": a space OCR put inside a capitalised word; the small
            # letters after it are no word of their own
            out[-1] = Token(before.start, word.end, before.text + word.text)
            continue
        if (before is not None and len(word.text) == 1 and len(before.text) >= 2
                and line[before.end : word.start] == " "
                and (line[word.end : word.end + 1] in tuple(SEPARATORS)
                     or (word.text == "O" and before.text.isupper()
                         and _FIELD_END.match(line, word.end)))):
            out[-1] = Token(before.start, word.end, before.text + word.text)
            continue
        out.append(word)
    return out


def capital_after_caret(line: str, words: list[Token]) -> list[Token]:
    """`words` with the first letter of a word right after a caret (or the tilde OCR reads it as)
    that follows a capitalised word put back in capitals when its capital has the shape of its
    small letter: "Krylova~olga" → "Olga" (DICOM's "Surname^Given" prints a given name there);
    and so the first word of a line before a comma or caret and a capitalised word
    ("oliveira, Melissa" → "Oliveira")."""
    out = list(words)
    for index in range(1, len(words)):
        before, word = words[index - 1], words[index]
        if (_CARET.fullmatch(line[before.end : word.start]) and before.capitalised
                and word.text[0] in LOOK_ALIKE):
            out[index] = Token(word.start, word.end, word.text[0].upper() + word.text[1:])
    # "oliveira, Melissa": a surname first on its line, its capital read small, before a comma
    # or a caret and a capitalised given name
    if (len(words) >= 2 and words[0].text[0] in LOOK_ALIKE and words[0].text[1:].islower()
            and not line[: words[0].start].strip() and words[1].capitalised
            and _BEFORE_GIVEN.fullmatch(line[words[0].end : words[1].start])):
        first = words[0]
        out[0] = Token(first.start, first.end, first.text[0].upper() + first.text[1:])
    return out


def label_cut(word: Token, line: str) -> Token | None:
    """`word` without a label OCR ran into it ("PATIENTNAMEHOLM" → "HOLM", "JAYDOB" → "JAY",
    "PETRTKLOZAge: 41" → "PETRTKLOZ", "PYYSALOACC#139685" → "PYYSALO", "ROBINETTEBOm: 21.03"
    → "ROBINETTE", "CORMACALLANRegion: Abdomen" → "CORMACALLAN" (any label in Title Case with
    its colon after capitals),
    "LONGD" of "LONGD.0.B." → "LONG"); None when nothing but the label is left. A word that is a
    name or an English word as it stands is kept whole."""
    text = word.text
    if lexicon.is_known_name(text) or lexicon.is_ordinary(text):
        return word
    start, end = word.start, word.end
    head = _LABEL_HEAD.match(text)
    if head:
        start += head.end()
    tail = _LABEL_TAIL.search(text)
    if (tail and tail.group().lower() in _NEEDS_NUMBER
            and not _NUMBER_NEXT.match(line, word.end)):
        tail = None  # "HERITAGE", "SAGE", "TABACC": no number after it
    if tail is None and line[word.end : word.end + 1] == ":":
        tail = _TITLE_LABEL_TAIL.search(text)
    if tail and tail.start() > 0:
        end = word.start + tail.start()
    elif text.endswith("D") and _STOPS_OB.match(line, word.end):
        end -= 1
    if (start, end) == (word.start, word.end):
        return word
    return Token(start, end, line[start:end]) if end - start >= 3 else None


def case_restored(text: str) -> str:
    """The look-alike letters of `text` (but its first) in the case of the letters around them
    when those agree: "TereSa" → "Teresa", "AzEVED" → "AZEVED", "SeX" → "Sex"; but a capital
    right after a listed name starts the next name ("JenniferUmkhayeV" → "JenniferUmkhayev"), and
    a small look-alike first letter of a word with capitals further on is a capital too
    ("olsenTOSH" → "OlsenTOSH")."""
    chars = list(text)
    if (len(text) >= 6 and text.isalpha() and text[0] in LOOK_ALIKE and text[1].islower()
            and any(c.isupper() for c in text[2:])):
        chars[0] = text[0].upper()  # "olsenTOSH": the caret dropped, the capital O read small
    for index in range(1, len(text)):
        if text[index].lower() not in LOOK_ALIKE:
            continue
        if text[index].isupper() and index >= 3 and lexicon.is_census_name(text[:index]):
            continue  # a name's capital after a listed name: "JenniferUmkhayev", not "...rum..."
        left = [c for c in text[1:index] if c.isalpha() and c.lower() not in LOOK_ALIKE][-1:]
        right = [c for c in text[index + 1 :] if c.isalpha() and c.lower() not in LOOK_ALIKE][:1]
        cases = {c.isupper() for c in left + right}
        if len(cases) == 1:
            chars[index] = text[index].upper() if cases.pop() else text[index].lower()
    return "".join(chars)


def camel_parts(text: str) -> list[str]:
    return [m.group() for m in _CAMEL.finditer(text)]


def _reading_score(text: str) -> tuple[bool, bool, int]:
    """(the reading is a plain word or words run together at their capitals, it is in one
    case, how many of its parts are known words or names)."""
    parts = camel_parts(text)
    if parts and parts[-1] in ("M", "F"):
        parts = parts[:-1]  # "ElvinMagnussonM": a sex marker run on
    plain = (text.isupper() or text.islower() or text[1:].islower()
             or (len(parts) > 1 and all(len(p) >= 3 for p in parts)))
    known = sum(lexicon.is_known_name(p) or lexicon.is_ordinary(p) for p in parts)
    # one case throughout reads better than look-alike letters in another: "HOSPITALIST", not
    # "Hos" + "PITALIST"; "BONEWINDOW", not "BONEWIN" + "Dow" (though "Dow" is a name)
    uniform = text.isupper() or text.islower()
    return plain, uniform, known


def best_reading(word: Token) -> Token:
    """The word as read, or with its look-alike letters' case restored when that reads better
    ("TereSaKREUTZMANN" → "TeresaKREUTZMANN"; "JulianSex" stays)."""
    text = word.text
    if (text.lower() in NOT_A_NAME and text[:2].isupper()
            and sum(c.islower() for c in text) <= 2):
        return Token(word.start, word.end, text.upper())  # "FUjIFILM": a maker's, in capitals
    restored = case_restored(word.text)
    first_only = restored[1:] == word.text[1:]  # a name's first letter: capital is better
    if restored == word.text or _reading_score(restored) < _reading_score(word.text) or (
            _reading_score(restored) == _reading_score(word.text) and not first_only):
        return word
    return Token(word.start, word.end, restored)
