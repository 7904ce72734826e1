"""The user's deny list (always flag) and allow list (never flag): one entry a line.

Kept as plain text files in the settings folder so a user can also edit them by hand, and so
the window and the command line share them. Matching here is exact apart from case and spacing;
error-tolerant matching belongs to the detectors.
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
        """Every place a deny-list entry stands in `text`."""
        spans = []
        for entry in self.deny:
            words = [re.escape(w) for w in entry.split()]
            if not words:
                continue
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(text):
                spans.append(TextSpan(match.start(), match.end(), Category.NAME, 1.0,
                                      "on your deny list", match.group(0)))
        return spans


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
