"""The deny list matched in a text: every place an entry stands, tolerantly."""

from __future__ import annotations

from app.core.detect.fuzzy_match import find_tolerant
from app.core.detect.lexicon import is_first_name, is_ordinary
from app.core.models import Category, TextSpan
from app.core.word_lists import WordLists, key


def deny_spans(lists: WordLists, text: str) -> list[TextSpan]:
    """Every place a deny-list entry stands in `text`, matched tolerantly: case, OCR
    look-alikes ("0LS0N"), small misspellings ("Olsen") and sound-alikes ("Margret")."""
    spans = []
    for entry in lists.deny:
        for start, end in find_tolerant(entry, text):
            exact = key(text[start:end]) == key(entry)
            rule = "on your deny list" if exact else f"like '{entry}' on your deny list"
            spans.append(TextSpan(start, end, Category.NAME, 1.0 if exact else 0.85, rule,
                                  text[start:end], cites=(entry,)))
        words = entry.split()
        if len(words) < 2:
            continue
        # "Mrs Olson" names the deny-listed "Margaret Olson" too; "Hospital" or "Margaret"
        # alone does not
        for word in words:
            if len(word) < 4 or is_ordinary(word) or is_first_name(word):
                continue
            for start, end in find_tolerant(word, text):
                spans.append(TextSpan(start, end, Category.NAME, 0.7,
                                      f"part of '{entry}' on your deny list", text[start:end],
                                      cites=(entry,)))
    return spans
