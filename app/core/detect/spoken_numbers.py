"""Spoken numbers → digits, keeping word timestamps, so recognizers see "617 555 0142".

Whisper often writes numbers read aloud as words ("four one five five five five zero one nine
nine", "ninety three years old", "room four twelve"). Each run of number words becomes one
timed word of digits; a comma or full stop after a word ends the run, so "six one seven, five
five five" stays two groups as a phone number is read.

Digits read one at a time are often written each with its own comma ("0, 0, 4, 8, 2, 9, 1, 3."):
four or more single digits in a row, a comma after each but the last, are one number given digit
by digit, and become one word of digits first (not when they count up or down: "1, 2, 3, 4").
"""

from __future__ import annotations

import re

from app.core.models import Word

UNITS = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30}
SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _bare(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _is_number_word(text: str) -> bool:
    bare = _bare(text)
    return (bare in UNITS or bare in TEENS or bare in TENS or bare in ORDINALS
            or bare in ("hundred", "double", "triple"))


def _digits(tokens: list[str]) -> str | None:
    """Digits for a run of number words, or None when the run is not a number."""
    out = ""
    index = 0
    ordinal = None
    while index < len(tokens):
        word = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if word in ("double", "triple") and following in UNITS:
            out += str(UNITS[following]) * (2 if word == "double" else 3)
            index += 2
            continue
        if word in TENS:
            value = TENS[word]
            if following in UNITS and following not in ("oh", "o", "zero"):
                value += UNITS[following]
                index += 1
            elif following in ORDINALS and ORDINALS[following] < 10:
                value += ORDINALS[following]
                ordinal = value
                index += 1
            out += str(value)
        elif word in UNITS and following == "hundred":
            rest = tokens[index + 2:]
            rest = rest[1:] if rest[:1] == ["and"] else rest
            tail = _digits(rest) if rest else "00"
            if tail is None:
                return None
            out += str(UNITS[word]) + tail.zfill(2)
            break
        elif word in UNITS:
            out += str(UNITS[word])
        elif word in TEENS:
            out += str(TEENS[word])
        elif word in ORDINALS:
            ordinal = ORDINALS[word]
            out += str(ordinal)
        else:
            return None
        index += 1
    if not out:
        return None
    if ordinal is not None:
        out += SUFFIX.get(ordinal % 10 if ordinal % 100 not in (11, 12, 13) else 0, "th")
    return out


# a digit said alone, as Whisper writes it: "0," "4" "eight," (not "oh"/"o": "Oh, ...")
_LONE_DIGIT = re.compile(r"^(\d|zero|one|two|three|four|five|six|seven|eight|nine)([,.;:!?]?)$",
                         re.IGNORECASE)
# fewer than this many single digits in a row stay apart ("1, 2, 3" is counting)
FEWEST_LONE_DIGITS = 4
# a longer pause than this between two of them is not one number
LONE_DIGIT_GAP_S = 1.5


# the first of them may come out as two ("seven, three, one" heard "17, 3, 1")
_FIRST_PAIR = re.compile(r"^(\d\d),$")


def _lone_digit(word: Word, first: bool = False) -> str | None:
    match = _LONE_DIGIT.match(word.text.strip())
    if match is None:
        pair = _FIRST_PAIR.match(word.text.strip()) if first else None
        return pair.group(1) if pair else None
    said = match.group(1).lower()
    return said if said.isdigit() else str(UNITS[said])


def _counting(digits: str) -> bool:
    """1, 2, 3, 4 (or down): counting, not a number given."""
    steps = {int(b) - int(a) for a, b in zip(digits, digits[1:], strict=False)}
    return steps in ({1}, {-1})


def _lone_digits_joined(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Runs of single digits given one at a time, each with its comma, as one word of digits."""
    out: list[Word] = []
    index = 0
    while index < len(words):
        end, said = index, []
        while end < len(words) and (
                end == index or (words[end].start_s - words[end - 1].end_s <= LONE_DIGIT_GAP_S
                                 and words[end - 1].text.rstrip().endswith(","))):
            digit = _lone_digit(words[end], first=end == index)
            if digit is None:
                break
            said.append(digit)
            end += 1
        run, digits = words[index:end], "".join(said)
        if len(run) > FEWEST_LONE_DIGITS - (len(digits) == len(run)) and not _counting(digits):
            trailing = re.sub(r"^.*?([.,;:!?]*)$", r"\1", run[-1].text.strip())
            out.append(Word(digits + trailing, run[0].start_s, run[-1].end_s,
                            min(w.probability for w in run)))
            index = end
        else:
            out.append(words[index])
            index += 1
    return tuple(out)


def with_spoken_numbers_as_digits(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The same words, each run of spoken number words replaced by one word of digits."""
    words = _lone_digits_joined(words)
    out: list[Word] = []
    run: list[Word] = []

    def flush() -> None:
        if not run:
            return
        tokens = [_bare(w.text) for w in run]
        digits = _digits(tokens)
        lone_one = len(run) == 1 and tokens[0] in ("one", "o", "oh", "second")
        if digits is None or lone_one:
            out.extend(run)
        else:
            trailing = re.sub(r"^.*?([.,;:!?]*)$", r"\1", run[-1].text)
            probability = min(w.probability for w in run)
            out.append(Word(digits + trailing, run[0].start_s, run[-1].end_s, probability))
        run.clear()

    for word in words:
        if _is_number_word(word.text) or (run and _bare(word.text) == "and"
                                          and _bare(run[-1].text) == "hundred"):
            run.append(word)
            # punctuation ends a group; an ordinal ends a date's day ("twelfth | nineteen...")
            if re.search(r"[.,;:!?]$", word.text) or _bare(word.text) in ORDINALS:
                flush()
        else:
            flush()
            out.append(word)
    flush()
    return tuple(out)
