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

from app.core.private_files import write_private_atomically


def config_dir() -> Path:
    root = os.environ.get("CLEARTOPOST_CONFIG_DIR")
    if root:
        return Path(root)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cleartopost"


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
        wanted = key(text)
        return any(wanted == key(entry) for entry in self.allow)


    def unallowed_part(self, text: str) -> tuple[int, int]:
        """Where `text` starts and ends once the allow-list entries that begin or end it, word
        for word, are left out ("Aoife Marta Kowalczyk" with "Aoife" allowed: "Marta
        Kowalczyk"); (0, len(text)) when none does, and an empty part when all of it is one."""
        words = list(re.finditer(r"\S+", text))
        first, last = 0, len(words)
        for size in range(len(words) - 1, 0, -1):
            if self.allowed(" ".join(w.group() for w in words[:size])):
                first = size
                break
        for size in range(last - first - 1, 0, -1):
            if self.allowed(" ".join(w.group() for w in words[last - size :])):
                last -= size
                break
        if first == 0 and last == len(words):
            return 0, len(text)
        if first >= last:
            return 0, 0
        return words[first].start(), words[last - 1].end()


def key(text: str) -> str:
    """An entry as compared: lower case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
