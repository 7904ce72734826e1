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
from app.core.detect.run_together import names_in_a_field
from app.core.detect.tokens import Token

# what may follow a name alone in its field: DICOM's caret and a middle initial, or what OCR
# read for a caret ("^E", "]", " J.")
INITIAL_TAIL = re.compile(r"\s*(?:[\^~`´\]]\s*(?:[A-Z]\.?)?|[A-Z]\.?)?\s*")
# the end of a field before a name: a bar, a bracket, a number ("...|FEMALE|", "(M)",
# "MRN 1239624 ")
FIELD_END = re.compile(r"(?:[|丨\]）)]|\d|(?<![A-Za-z])(?:FE)?MALE[Il])\s*$")


def alone_in_fields(line: str, read: list[Token], person: bool, record: bool) -> list[Token]:
    """The words of `line` (as read) in capitals alone in a field after a bar, a bracket or a
    number, but for a caret's trace or a middle initial, that are names run together
    (`names_in_a_field`): ten letters or more on a line beside a sex, an age or a birth date
    (`person`), fourteen on a line that holds a record's date or number itself (`record`)."""
    found = []
    for word in read:
        cut = label_cut(word, line)
        if (cut is not None and FIELD_END.search(line[: cut.start])
                and INITIAL_TAIL.fullmatch(line, cut.end)
                and ((person and names_in_a_field(cut))
                     or (record and names_in_a_field(cut, least=14)))):
            found.append(cut)
    return found
