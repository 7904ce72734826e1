"""The records a review keeps of the redacted copies made of its clip, typed.

Each export leaves one record in the review's `redactions` list: a `RedactedCopy` (the file, its
checksum, what was hidden in it, what scanning it again found, whose decisions it used) or an
`InterruptedExport` (stopped before a checked copy was kept). They are saved in the review's
JSON file as they always were (the same keys), and read back into these dataclasses, so nothing
reads a record by string keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class DecidedBy:
    """Who made the decisions an export used, and when they were read (epoch seconds)."""

    names: tuple[str, ...]
    as_of: float

    def line(self, dated: bool = False) -> str:
        """"decisions by A, B as of 16:02" (`dated`: with the day and the time zone)."""
        if not self.names:
            return f"no decisions yet {self.who(dated).removeprefix('none yet ')}"
        return f"decisions {self.who(dated)}"

    def who(self, dated: bool = False) -> str:
        """"by A, B as of 16:02", or "none yet as of 16:02"."""
        when = dt.datetime.fromtimestamp(self.as_of).astimezone()
        shown = when.strftime("%Y-%m-%d %H:%M %Z").strip() if dated else when.strftime("%H:%M")
        return f"{'by ' + ', '.join(self.names) if self.names else 'none yet'} as of {shown}"

    def to_json(self) -> dict[str, Any]:
        return {"by": list(self.names), "as_of": round(self.as_of, 3)}

    @classmethod
    def from_json(cls, data: object) -> DecidedBy | None:
        if not isinstance(data, dict):
            return None
        return cls(tuple(str(n) for n in data.get("by", [])), float(data.get("as_of", 0.0)))


@dataclass(frozen=True)
class HiddenItem:
    """One finding hidden in a copy: from the first to the last frame it was hidden in."""

    finding_id: str
    source: str  # Source's value ("screen", "face", "speech"...)
    category: str  # Category's value
    action: str  # "blur", "fill face", "black out", "silence", "bleep"...
    start_s: float
    end_s: float
    frames: int | None = None  # frames it was hidden in (None: a spoken finding)

    def to_json(self) -> dict[str, Any]:
        return {"finding_id": self.finding_id, "source": self.source,
                "category": self.category, "action": self.action,
                "start_s": round(self.start_s, 3), "end_s": round(self.end_s, 3),
                "frames": self.frames}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HiddenItem:
        frames = data.get("frames")
        return cls(str(data.get("finding_id", "")), str(data.get("source", "")),
                   str(data.get("category", "")), str(data.get("action", "")),
                   float(data.get("start_s", 0.0)), float(data.get("end_s", 0.0)),
                   None if frames is None else int(frames))


@dataclass(frozen=True)
class SeenAgain:
    """A finding the copy's scan made that matches nothing of the original's (new)."""

    source: str
    category: str
    start_s: float
    end_s: float
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "category": self.category,
                "start_s": round(self.start_s, 3), "end_s": round(self.end_s, 3),
                "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SeenAgain:
        return cls(str(data.get("source", "")), str(data.get("category", "")),
                   float(data.get("start_s", 0.0)), float(data.get("end_s", 0.0)),
                   str(data.get("text", "")))


@dataclass(frozen=True)
class Rescan:
    """What scanning the copy again found (redact/proof.py's Proof, as kept in the review)."""

    still_found: tuple[str, ...] = ()  # hidden findings found again
    new: tuple[SeenAgain, ...] = ()
    kept_found_again: int = 0  # findings not hidden, found again (as they should be)
    not_hidden: tuple[str, ...] = ()  # wanted hidden when it was checked, not hidden

    @property
    def clean(self) -> bool:
        return not self.still_found and not self.new and not self.not_hidden

    def to_json(self) -> dict[str, Any]:
        return {"still_found": list(self.still_found), "new": [n.to_json() for n in self.new],
                "kept_found_again": self.kept_found_again, "not_hidden": list(self.not_hidden)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rescan:
        return cls(tuple(str(i) for i in data.get("still_found", [])),
                   tuple(SeenAgain.from_json(n) for n in data.get("new", [])),
                   int(data.get("kept_found_again", 0)),
                   tuple(str(i) for i in data.get("not_hidden", [])))


@dataclass(frozen=True)
class RedactedCopy:
    """A copy made and checked: the file, its checksum, what was hidden, the re-scan's verdict."""

    file: str
    sha256: str
    made_at: float
    by: str
    sound: str  # "silence" or "bleep"
    include_open: bool
    items: tuple[HiddenItem, ...]
    rescan: Rescan
    decisions: DecidedBy | None = None  # whose decisions the copy used, read when it started
    # the proof's read-back (redact/read_back.py): {"rounds": [...], "leaks": [{"t_s", "read"}],
    # "thumbnails": [paths]}; None in records made before it
    read_back: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "sha256": self.sha256, "made_at": self.made_at,
                "by": self.by, "sound": self.sound, "include_open": self.include_open,
                "items": [i.to_json() for i in self.items], "rescan": self.rescan.to_json(),
                "decisions": self.decisions.to_json() if self.decisions else None,
                "read_back": self.read_back}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RedactedCopy:
        return cls(str(data.get("file", "")), str(data.get("sha256", "")),
                   float(data.get("made_at", 0.0)), str(data.get("by", "") or ""),
                   str(data.get("sound", "")), bool(data.get("include_open", False)),
                   tuple(HiddenItem.from_json(i) for i in data.get("items", [])),
                   Rescan.from_json(data.get("rescan") or {}),
                   DecidedBy.from_json(data.get("decisions")),
                   data.get("read_back") if isinstance(data.get("read_back"), dict) else None)


@dataclass(frozen=True)
class InterruptedExport:
    """An export stopped (Ctrl+C, SIGTERM, SIGHUP, the window closed) before a checked copy was
    kept; its clean-up has run, no copy of it is left."""

    made_at: float
    by: str
    stage: str  # the export's stage when it stopped ("encode", "rescan"...)
    copy_kept: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"kind": INTERRUPTED, "made_at": self.made_at, "by": self.by,
                "stage": self.stage, "copy_kept": self.copy_kept}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InterruptedExport:
        return cls(float(data.get("made_at", 0.0)), str(data.get("by", "") or ""),
                   str(data.get("stage", "")), bool(data.get("copy_kept", False)))


CopyRecord = RedactedCopy | InterruptedExport


def record_from_json(data: object) -> CopyRecord:
    """One entry of a review file's `redactions` list.

    Raises:
        ValueError: it is not a record.
    """
    if not isinstance(data, dict):
        raise ValueError("a redaction record is not an object")
    if data.get("kind") == INTERRUPTED:
        return InterruptedExport.from_json(data)
    return RedactedCopy.from_json(data)


def record_key(record: CopyRecord) -> tuple[str, float]:
    """What tells two records apart when two windows' lists are merged."""
    return (record.sha256 if isinstance(record, RedactedCopy) else INTERRUPTED, record.made_at)
