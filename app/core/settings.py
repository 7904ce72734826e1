"""The user's settings, declared once: what each is, its type and its default, read and written
by the window and the command line alike (no Qt).

Modelled on Picard's option registry (its config module: `TextOption("setting", "name", default)`
declares an option once, with its default, and every reader gets it typed), kept small: one
section, a few options. They live in settings.ini in the settings folder, in the INI format
Qt's QSettings wrote there before (quoted strings, lists as "a, b"), so a file written by an
older version is read as it was meant. The deny and allow lists stay text files beside it
(word_lists.py).

    settings = Settings.load()
    settings.get(REVIEWER)            # "" until set
    settings.set(PAPER, "letter")     # written at once (0600, atomically)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from app.core.model_files import DEFAULT_SPEECH_MODEL
from app.core.private_files import write_private_atomically
from app.core.word_lists import config_dir

T = TypeVar("T")
SECTION = "General"  # QSettings' name for keys outside any group
MAX_RECENT = 8


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key in settings.ini, its default and what it is for."""

    registry: ClassVar[dict[str, Option[Any]]] = {}
    key: str
    default: T
    title: str

    def __post_init__(self) -> None:
        if self.key in Option.registry:
            raise ValueError(f"the setting {self.key!r} is declared twice")
        Option.registry[self.key] = self

    def convert(self, raw: str | list[str]) -> T:
        """The stored value as this option's type (raises ValueError if it cannot be)."""
        raise NotImplementedError

    def stored(self, value: T) -> str | list[str]:
        return str(value)


@dataclass(frozen=True)
class TextOption(Option[str]):
    def convert(self, raw: str | list[str]) -> str:
        return _text(raw)


@dataclass(frozen=True)
class ChoiceOption(Option[str]):
    """One of a few words ("a4" or "letter"); anything else stored is the default."""

    choices: tuple[str, ...] = field(default=())

    def convert(self, raw: str | list[str]) -> str:
        value = _text(raw).lower()
        if value not in self.choices:
            raise ValueError(f"{self.key} must be one of {', '.join(self.choices)}")
        return value


@dataclass(frozen=True)
class SwitchOption(Option[bool]):
    """On or off, stored as QSettings stores a bool ("true" / "false")."""

    def convert(self, raw: str | list[str]) -> bool:
        value = _text(raw).lower()
        if value not in ("true", "false"):
            raise ValueError(f"{self.key} must be true or false")
        return value == "true"

    def stored(self, value: bool) -> str:
        if not isinstance(value, bool):
            raise ValueError(f"{self.key} must be true or false")
        return "true" if value else "false"


@dataclass(frozen=True)
class ListOption(Option[tuple[str, ...]]):
    def convert(self, raw: str | list[str]) -> tuple[str, ...]:
        return tuple(raw) if isinstance(raw, list) else ((raw,) if raw else ())

    def stored(self, value: tuple[str, ...]) -> list[str]:
        return list(value)


REVIEWER = TextOption("reviewer", "", "Reviewer name (on the PDF and on every decision)")
RECENT = ListOption("recent", (), "Clips opened lately, newest first")
SPEECH_MODEL = TextOption("speech_model", DEFAULT_SPEECH_MODEL,
                          "Speech model: a bundled one's name or a folder")
OCR = ChoiceOption("ocr", "ppocr", "Text-reading engine", ("ppocr", "easyocr"))
PAPER = ChoiceOption("paper", "a4", "PDF paper size", ("a4", "letter"))
STOP_AT_FLAGS = SwitchOption("stop_at_flags", False,
                             "Playback pauses at the start of each flag (Playback menu, S)")


@dataclass
class Settings:
    """settings.ini as read; `set` writes it back at once (other keys in it are kept)."""

    path: Path
    raw: dict[str, str | list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """The settings file (settings.ini in the settings folder); missing or unreadable:
        every option at its default."""
        path = path or config_dir() / "settings.ini"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return cls(path)
        return cls(path, parse_ini(text))

    def get(self, option: Option[T]) -> T:
        """The option's value, or its default when unset or not of its type."""
        raw = self.raw.get(option.key)
        if raw is None:
            return option.default
        try:
            return option.convert(raw)
        except ValueError:
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        """Store `value` (the default is stored too: it was chosen) and write the file.

        Raises:
            ValueError: the option cannot hold `value` (a paper size but A4 or Letter).
            OSError: the file could not be written.
        """
        option.convert(option.stored(value))  # a value it cannot hold: ValueError
        self.raw[option.key] = option.stored(value)
        write_private_atomically(self.path, format_ini(self.raw))

    def remember_file(self, path: str) -> None:
        """Put `path` first in the recent files (at most MAX_RECENT)."""
        files = [path, *[f for f in self.get(RECENT) if f != path]][:MAX_RECENT]
        self.set(RECENT, tuple(files))


def _text(raw: str | list[str]) -> str:
    # QSettings reads an unquoted "a, b" as a list: a name with a comma was one string
    return (", ".join(raw) if isinstance(raw, list) else raw).strip()


# ----- QSettings' INI format (the subset of strings and lists of strings these options use) ----
def parse_ini(text: str) -> dict[str, str | list[str]]:
    """The [General] keys of an INI file QSettings (or `format_ini`) wrote."""
    values: dict[str, str | list[str]] = {}
    section = SECTION
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, equals, value = line.partition("=")
        if equals and section == SECTION:
            values[key.strip()] = _parse_value(value.strip())
    return values


def format_ini(values: dict[str, str | list[str]]) -> str:
    lines = [f"[{SECTION}]"]
    for key in sorted(values):
        value = values[key]
        shown = (", ".join(_quoted(v, True) for v in value) if len(value) > 1 else
                 _quoted(value[0], True) if value else "@Invalid()"
                 ) if isinstance(value, list) else _quoted(value, False)
        lines.append(f"{key}={shown}")
    return "\n".join(lines) + "\n"


def _parse_value(text: str) -> str | list[str]:
    """One value: a string, or (unquoted commas) a list of strings; quotes and backslash
    escapes as QSettings writes them."""
    if text == "@Invalid()":
        return []
    parts: list[str] = []
    current: list[str] = []
    quoted = inside = False
    i = 0
    while i < len(text):
        char = text[i]
        if inside and char == "\\" and i + 1 < len(text):
            i += 1
            current.append({"n": "\n", "t": "\t", "r": "\r"}.get(text[i], text[i]))
        elif char == '"':
            inside, quoted = not inside, True
        elif not inside and char == ",":
            parts.append(_piece(current, quoted))
            current, quoted = [], False
        elif inside or not (char.isspace() and (quoted or not current)):
            current.append(char)
        i += 1
    parts.append(_piece(current, quoted))
    return parts if len(parts) > 1 else parts[0]


def _piece(chars: list[str], quoted: bool) -> str:
    text = "".join(chars) if quoted else "".join(chars).rstrip()
    return text[1:] if text.startswith("@@") else text


def _quoted(value: str, in_list: bool) -> str:
    """A string as QSettings writes it: quoted when it holds what would split or trim it."""
    plain = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if value.startswith("@"):
        plain = "@" + plain
    needs = (value != value.strip() or any(c in value for c in ',;="\\\n#')
             or (in_list and not value))
    return f'"{plain}"' if needs else plain
