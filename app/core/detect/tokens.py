"""Words with their positions, and what the writing style of a piece of text is.

Screen text is often all capitals (wristbands, monitors), transcripts are sentence case, and notes
typed in a hurry are all lower case; a capital letter only means "proper noun" in the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


class Style(Enum):
    MIXED = "mixed"
    UPPER = "upper"
    LOWER = "lower"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @cached_property
    def lower(self) -> str:
        return self.text.lower().rstrip("'’").removesuffix("'s").removesuffix("’s")

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def style(text: str) -> Style:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return Style.MIXED
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper >= 0.7:
        return Style.UPPER
    if upper <= 0.02:
        return Style.LOWER
    return Style.MIXED


def gap(text: str, left: Token, right: Token) -> str:
    return text[left.end : right.start]


def joined(text: str, left: Token, right: Token, allow: str = r"[ \t]{1,2}|-") -> bool:
    """Whether two tokens stand next to each other, separated only by what `allow` matches."""
    return re.fullmatch(allow, gap(text, left, right)) is not None
