"""The user's deny list (always flag) and allow list (never flag): one entry a line.

Kept as plain text files in the settings folder so a user can also edit them by hand, and so
the window and the command line share them. The deny list is matched tolerantly (a miss costs
more than a false alarm); the allow list exactly, apart from case and spacing, so that it can
never hide a name that only looks like the user's own.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from app.core.models import Category, TextSpan
from app.core.private_files import write_private_atomically


def config_dir() -> Path:
    root = os.environ.get("CLEARTOPOST_CONFIG_DIR")
    if root:
        return Path(root)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cleartopost"


def reviewer_name() -> str:
    """The reviewer's name from the window's settings (an INI file Qt writes), or ""."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(config_dir() / "settings.ini", encoding="utf-8")
    except configparser.Error:
        return ""
    return parser.get("General", "reviewer", fallback="").strip().strip('"')


def read_entries(path: Path) -> tuple[str, ...]:
    """Non-empty lines, stripped; lines starting with # are comments."""
    if not path.is_file():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def write_entries(path: Path, entries: list[str]) -> None:
    unique = list(dict.fromkeys(e.strip() for e in entries if e.strip()))
    write_private_atomically(path, "".join(f"{e}\n" for e in unique))


@dataclass(frozen=True)
class WordLists:
    deny: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls) -> WordLists:
        folder = config_dir()
        return cls(read_entries(folder / "deny.txt"), read_entries(folder / "allow.txt"))

    def allowed(self, text: str) -> bool:
        """True when `text` is, word for word, an allow-list entry (case and spacing ignored)."""
        key = _key(text)
        return any(key == _key(entry) for entry in self.allow)

    def deny_spans(self, text: str) -> list[TextSpan]:
        """Every place a deny-list entry stands in `text`, matched tolerantly: case, OCR
        look-alikes ("0LS0N"), small misspellings ("Olsen") and sound-alikes ("Margret")."""
        from app.core.detect.fuzzy_match import find_tolerant
        from app.core.detect.lexicon import is_first_name, is_ordinary

        spans = []
        for entry in self.deny:
            for start, end in find_tolerant(entry, text):
                exact = _key(text[start:end]) == _key(entry)
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


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
