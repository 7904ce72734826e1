"""What OCR gets wrong in numbers and labels, undone before the recognizers look.

EasyOCR reads a "0" as "O", a "1" as "l" or "I", a "5" as "S", an "8" as "B" where the font is
small or the camera moves. Inside a run that is mostly digits ("MRN 0O482913", "4l5-555-0199",
"O3/14/l951") those letters are swapped for the digits they stand for, one character for one, so
every position still points at the same character of what was read.

A label printed above its value ("DOB" over "03/14/1951") comes back as two lines; `stacked_label`
tells when a line is such a label, so the caller can read the two together.
"""

from __future__ import annotations

import re

_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1",
                           "i": "1", "S": "5", "B": "8", "Z": "2", "G": "6"})
# A run of digits, confusable letters and the separators numbers are written with; a final "S"
# is a plural ("90S", "100-170S"), not a 5. A bar is a 1 only between digits ("4|5"): beside
# anything else it is the bar between a banner's fields ("DOB 05/28/2002|[M]", "41379066|DOB").
_CHAR = r"(?:[0-9OoDQlIiSBZG]|(?<=\d)\|(?=\d))"
_RUN = re.compile(rf"{_CHAR}(?:{_CHAR}|[-/.](?={_CHAR}))*(?<!S)")


def digits_restored(text: str) -> str:
    """`text` with confusable letters inside mostly-digit runs read as digits; same length."""
    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        alnum = [c for c in run if c.isalnum() or c == "|"]
        digits = sum(c.isdigit() for c in alnum)
        enough = 2 if run[0].isdigit() else 3  # "B12" stays vitamin B12
        if digits < enough or len(alnum) < 3 or digits < 0.6 * len(alnum):
            return run
        if _is_word_boundary_problem(match, text):
            return run
        return run.translate(_AS_DIGIT)

    return _RUN.sub(fix, text)


def _is_word_boundary_problem(match: re.Match[str], text: str) -> bool:
    """A run glued to letters on either side is part of a word ("SpO2", "B12s"), not a number."""
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return before.isalpha() or after.isalpha()


_LABEL_ONLY = re.compile(
    r"^\s*(?:DOB|D\.O\.B\.?|Date\s+of\s+birth|Birth\s?date|MRN|MR\s?#|NHS\s+(?:No\.?|Number)|"
    r"Hospital\s+(?:No\.?|Number)|Patient(?:\s+name)?|Pt\.?|Name|Room|Rm\.?|Bed|Bay|Acct\.?\s?#?|"
    r"Account|FIN|HAR|CSN|Admitted|Admission(?:\s+date)?|Phone|Tel\.?|Age)\s*[:#.]?\s*$",
    re.IGNORECASE,
)


def stacked_label(text: str) -> bool:
    """Whether a screen line is only a label ("DOB:", "MRN"), with its value on another line."""
    return bool(_LABEL_ONLY.match(text))
