"""Free text as it reads on the page, so that an identifier hidden from an exact match is found.

A note can keep a name from matching and still show it: a soft hyphen or a zero-width space
inside it ("Marga\\u00adret Ol\\u200bson"), a diacritic ("Olsön"), Cyrillic or Greek letters
drawn like Latin ones ("Оlsоn"), superscript, circled or another script's digits ("⁴¹⁵",
"④①⑤", "٤١٥"). `plain_text` undoes each of these character by character (compatibility
forms as NFKC makes them, invisible and formatting characters removed, diacritics dropped,
look-alikes read as the Latin letter, every character with a numeric value as its digits) and
keeps, for each character it gives, the place in the original it came from: what is found in the
plain text is masked where it stands in the original.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.core.findings.lookalikes import LOOKALIKES

# characters that draw nothing though their category is not Cf (format, which is removed too):
# the combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation
# selectors and the variation selectors
_IGNORABLE = frozenset({0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0,
                        *range(0x180B, 0x1810), *range(0xFE00, 0xFE10),
                        *range(0xE0100, 0xE01F0)})


def invisible(char: str) -> bool:
    """A character that draws nothing: soft hyphen, zero-width space, joiner and non-joiner,
    word joiner, byte-order mark, bidirectional controls (all of category Cf), and the like."""
    return unicodedata.category(char) == "Cf" or ord(char) in _IGNORABLE


def number_digits(char: str) -> str | None:
    """The digits a character stands for ("⁴" → "4", "⑩" → "10", "五" → "5", "½" → "0"),
    or None for a character without a numeric value."""
    value = unicodedata.numeric(char, None)
    if value is None:
        return None
    whole = int(value) if value == int(value) else 0  # a fraction is one digit to mask
    return str(whole) if 0 <= whole < 10_000 else "0"


def _plain_char(char: str) -> str:
    if invisible(char):
        return ""
    digits = number_digits(char)
    if digits is not None:
        return digits
    kept = "".join(part for part in unicodedata.normalize("NFKD", char)
                   if not unicodedata.combining(part) and not invisible(part))
    # recomposed, as Hangul syllables come apart under NFKD
    return "".join(_plain_part(part) for part in unicodedata.normalize("NFKC", kept))


def _plain_part(char: str) -> str:
    digits = number_digits(char)
    return digits if digits is not None else LOOKALIKES.get(char, char)


@dataclass(frozen=True)
class Plain:
    """The plain form of a text, and where each of its characters came from in the original."""

    text: str
    origin: tuple[int, ...]

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """The original's characters that the plain text's [start, end) (not empty) came from."""
        return self.origin[start], self.origin[end - 1] + 1


def plain_text(text: str) -> Plain:
    """`text` with its look-alike tricks undone (see the module's docstring)."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = _plain_char(char)
        out.append(plain)
        origin.extend([index] * len(plain))
    return Plain("".join(out), tuple(origin))


def shown_plainly(text: str) -> str:
    """A piece of free text as a masked copy prints what it does not mask: without invisible
    characters, in NFKC's compatibility forms, and with every digit of any script as "#"."""
    out = []
    for char in text:
        if invisible(char):
            continue
        for part in unicodedata.normalize("NFKC", char):
            digits = number_digits(part)
            out.append(part if digits is None else "#" * len(digits))
    return "".join(out)
