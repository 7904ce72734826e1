"""Does this word stand for that one, allowing for OCR, transcription and spelling slips?

Used for the deny list, where a miss costs more than a false alarm: "Margret Olsen" in a
transcript, "0LS0N" on a blurred wristband and "Olsson" in a caption are all the deny-listed
"Olson". Two words match when, after case and OCR look-alikes are folded, they are equal, or
differ by few edits for their length, or sound alike (same consonant key, `sound_key`).
"""

from __future__ import annotations

import re

# OCR look-alikes folded onto one letter (digits read inside names, "rn" read for "m")
_FOLD = str.maketrans({"0": "o", "1": "l", "|": "l", "5": "s", "8": "b", "$": "s",
                       "@": "a", "3": "e", "6": "g"})
_WORD = re.compile(r"[\w@$|'’-]+")


def fold(word: str) -> str:
    return word.lower().replace("rn", "m").translate(_FOLD).replace("'", "").replace("’", "")


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


_SOUNDS = (("sch", "sh"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("gh", ""), ("ch", "x"),
           ("c", "k"), ("q", "k"), ("z", "s"), ("y", "i"), ("x", "ks"), ("dg", "j"))


def sound_key(word: str) -> str:
    """A rough English pronunciation key: "Catherine" and "Kathryn" → "ktrn", "Smyth" and
    "Smith" → "smt", while "Jones" (jns) and "James" (jms) stay apart."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if letters.startswith("kn"):
        letters = letters[1:]
    for written, said in _SOUNDS:
        letters = letters.replace(written, said)
    if not letters:
        return ""
    consonants = letters[0] + re.sub(r"[aeiouhw]", "", letters[1:])
    return re.sub(r"(.)\1+", r"\1", consonants)


def words_match(said: str, listed: str) -> bool:
    a, b = fold(said), fold(listed)
    if a == b:
        return True
    if len(b) < 4:
        return False  # short words: only exact (after folding), or "Al" matches everything
    allowed = 1 if len(b) < 8 else 2
    if edit_distance(a, b) <= allowed:
        return True
    return len(a) >= 4 and sound_key(a) == sound_key(b) and abs(len(a) - len(b)) <= 2


def find_tolerant(entry: str, text: str) -> list[tuple[int, int]]:
    """Where the words of `entry` stand in `text`, each word matched tolerantly, in order."""
    wanted = entry.split()
    if not wanted:
        return []
    found = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    spans = []
    for i in range(len(found) - len(wanted) + 1):
        window = found[i : i + len(wanted)]
        if all(words_match(w[2], x) for w, x in zip(window, wanted, strict=True)):
            spans.append((window[0][0], window[-1][1]))
    return spans
