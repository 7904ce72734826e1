"""Names alone in a field of a banner or a header: "...|FEMALE|MADETOJAPIRJO",
"(M)ISHISHANILAURENT", "MRN 1239624 PALERMALIVIANA", "NISHIYAMATOMOMI]".

A record banner puts the patient's name in a field of its own, between bars, after a bracketed
sex marker or right after the record number; OCR often drops every space and caret of it, and
what is left is one long word in capitals that no dictionary holds. There, alone in its field,
such a word is a name unless English, overlay or facility words make it up (run_together).
line_names asks, with the line's cue.
"""

from __future__ import annotations

import re

from app.core.detect.ocr_words import label_cut
from app.core.detect.overlay_words import FACILITY_WORDS, MAKER_WORDS
from app.core.detect.run_together import names_in_a_field
from app.core.detect.tokens import Token

# what may follow a name alone in its field: DICOM's caret and a middle initial, or what OCR
# read for a caret ("^E", "]", " J.")
INITIAL_TAIL = re.compile(r"\s*(?:[\^~`´\]]\s*(?:[A-Z]\.?)?|[A-Z]\.?)?\s*")
# the end of a field before a name: a bar, a bracket, a number ("...|FEMALE|", "(M)",
# "MRN 1239624 ")
FIELD_END = re.compile(r"(?:[|丨\]）)]|\d|(?<![A-Za-z])(?:FE)?MALE[Il])\s*$")


# the start of the next field after a name: a bar, a bracketed sex marker, a number, or a label
# of a birth date, a record, a sex or an age ("KREUTZMANNJENS|BOrN 11/18/1984",
# "SAMURAKAMIMASHUU ACC#95855212")
NEXT_FIELD = re.compile(r"\s*(?:[|丨]|[\[(（]\s*[MFmf]\s*[\])）]|\d"
                        r"|(?i:d\.?\s?[o0]\.?\s?b|born|bom|birth|mrn|mr#|acc|accession|pt\s?id"
                        r"|id|sex|age)\b\s*[:#.]?"
                        r"|[A-Z][A-Za-z]{1,15}\s?:)")  # any label with its colon: "Region:"


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _device_next(line: str, end: int) -> bool:
    """The next column is a device's or a facility's: its first word a maker's or a facility's
    ("HAHLIJOUNI olympus Evisx 1": the camera's maker after the name)."""
    after = _NEXT_WORD.match(line, end)
    return after is not None and (after.group(1).lower() in MAKER_WORDS
                                  or after.group(1).lower() in FACILITY_WORDS)


def alone_in_fields(line: str, read: list[Token], person: bool, record: bool) -> list[Token]:
    """The words of `line` (as read) in capitals alone in a field, but for a caret's trace or a
    middle initial, that are names run together (`names_in_a_field`): ten letters or more on a
    line beside a sex, an age or a birth date (`person`), fourteen on a line that holds a
    record's date or number itself (`record`). A field is what lies between a bar, a bracket
    or a number and the line's end, or between the line's start (or such a field end) and the
    next field (`NEXT_FIELD`): a bar, a sex marker, a number or a label, or a device's or a
    facility's column."""
    found = []
    for word in read:
        cut = label_cut(word, line)
        if cut is None:
            continue
        before = line[: cut.start]
        starts = FIELD_END.search(before) is not None or not any(c.isalpha() for c in before)
        ends = INITIAL_TAIL.fullmatch(line, cut.end) is not None
        if not ends:
            tail = INITIAL_TAIL.match(line, cut.end)
            ends = any(NEXT_FIELD.match(line, at) is not None
                       for at in {cut.end, tail.end() if tail else cut.end}) or _device_next(
                line, cut.end)
        else:
            starts = FIELD_END.search(before) is not None  # alone on its line: _alone_on_line
        if (starts and ends
                and ((person and names_in_a_field(cut))
                     or (record and names_in_a_field(cut, least=14)))):
            found.append(cut)
    return found
