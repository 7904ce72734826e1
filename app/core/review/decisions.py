"""The reviewer's decisions on a clip's findings, saved as they are made.

One JSON file per clip, named by the clip's SHA-256, in the user's data folder. Every change is
written to a temporary file and renamed over the old one, so a crash loses at most the click in
progress. A file that cannot be read is moved aside (never silently replaced) and reported, when
it is loaded and when it is saved over; a finding's entry this version cannot read (a newer
version's decision) is kept as it is, written back on every save, and reported.

Every change is stamped no earlier than the newest stamp in the file it is saved into, so a
reviewer whose clock is behind never loses a newer decision to an older one.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from app.core.errors import ClearToPostError
from app.core.private_files import write_private_atomically
from app.core.review.copies import CopyRecord, record_from_json, record_key


class Decision(StrEnum):
    OPEN = "open"
    MUST_FIX = "must_fix"
    FALSE_ALARM = "false_alarm"


# The questions no detector can settle (PRODUCT.md); the reviewer answers them, the PDF records it.
# Each: (key, question, the answer that allows clearing the clip).
CHECKLIST: tuple[tuple[str, str, str], ...] = (
    ("consent", "Has every identifiable person given written authorization?", "yes"),
    ("care_area", "Was the clip filmed in a patient-care area?", "no"),
    ("combination", "Could a combination of details (rare condition, date, place, age) "
                    "identify someone?", "no"),
)
ANSWERS = ("yes", "no")


@dataclass(frozen=True)
class Summary:
    """Counts of decisions and whether the clip may be posted."""

    must_fix: int
    false_alarm: int
    open: int
    unanswered: tuple[str, ...]
    blocking_answers: tuple[str, ...]
    # ids marked must fix that this scan did not find: decided on a scan made with other
    # settings (a deny list, another OCR engine or speech model); they block clearing too
    elsewhere: tuple[str, ...] = ()

    @property
    def cleared(self) -> bool:
        return not (self.must_fix or self.open or self.unanswered or self.blocking_answers
                    or self.elsewhere)

    def line(self) -> str:
        counts = (f"{self.must_fix} must fix · {self.false_alarm} false alarm"
                  f"{'s' if self.false_alarm != 1 else ''} · {self.open} open")
        if self.elsewhere:
            counts += f" · {len(self.elsewhere)} must fix not in this scan"
        return f"{'Cleared' if self.cleared else 'Not cleared'}: {counts}"


@dataclass(frozen=True)
class Verdict:
    """What was decided about one finding and the note on it, each with when (epoch seconds;
    0: never) and who. The two are set apart and merged apart: a note written in one window never
    brings back the decision that window last saw, nor a decision the note that window last saw."""

    decision: Decision = Decision.OPEN
    note: str = ""
    decided_at: float = 0.0
    decided_by: str = ""
    noted_at: float = 0.0
    noted_by: str = ""

    def newer_of(self, theirs: Verdict) -> Verdict:
        """This verdict with each field (decision, note) taken from `theirs` if set later there."""
        merged = self
        if theirs.decided_at > self.decided_at:
            merged = replace(merged, decision=theirs.decision, decided_at=theirs.decided_at,
                             decided_by=theirs.decided_by)
        if theirs.noted_at > self.noted_at:
            merged = replace(merged, note=theirs.note, noted_at=theirs.noted_at,
                             noted_by=theirs.noted_by)
        return merged


@dataclass(frozen=True)
class Stamped:
    """A checklist answer (None: withdrawn) or the presenter choice, with when and who."""

    value: object = None
    at: float = 0.0
    by: str = ""


def data_dir() -> Path:
    """Where reviews are kept (XDG data folder; overridable for tests and portable installs)."""
    root = os.environ.get("CLEARTOPOST_DATA_DIR")
    if root:
        return Path(root)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cleartopost"


@dataclass
class Review:
    """The decisions for one clip, keyed by finding id; `save()` after every change."""

    clip_sha256: str
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)  # checklist key -> "yes" / "no"
    # the face ids the reviewer says are theirs; None while the scan's guess stands
    presenter: tuple[str, ...] | None = None
    # the voices (numbered as the scan heard them) the reviewer says are theirs; None likewise
    voices: tuple[int, ...] | None = None
    path: Path | None = None
    problem: str | None = None  # set when an unreadable file was moved aside on load
    reviewer: str = ""  # who is deciding now: stamped on each decision
    # when each answer and the presenter choice were made (a withdrawn answer keeps its time,
    # so an older "yes" elsewhere cannot bring it back)
    stamps: dict[str, Stamped] = field(default_factory=dict)
    # the redacted copies made of the clip and the exports interrupted (copies.py), oldest first
    redactions: list[CopyRecord] = field(default_factory=list)
    # findings' entries this version cannot read, kept as they are and written back
    unread: dict[str, dict[str, Any]] = field(default_factory=dict)
    # what changed since the last save: ("decision" | "note", finding id) or ("stamp", key)
    _fresh: set[tuple[str, str]] = field(default_factory=set, repr=False)

    @classmethod
    def load(cls, clip_sha256: str, folder: Path | None = None) -> Review:
        path = (folder or data_dir() / "reviews") / f"{clip_sha256}.json"
        review = cls(clip_sha256, path=path)
        if not path.exists():
            return review
        try:
            review._take(_parsed(path.read_text(encoding="utf-8"), clip_sha256))
        except _UNREADABLE as error:
            aside = _move_aside(path)
            review.verdicts.clear()
            review.answers.clear()
            review.stamps.clear()
            review.presenter = review.voices = None
            review.redactions.clear()
            review.unread.clear()
            review.problem = (
                f"The saved decisions for this clip could not be read ({error}); the file was "
                f"kept as {aside.name} and the review starts afresh."
            )
            return review
        if review.unread:
            review.problem = _unread_problem(review.unread)
        return review

    def get(self, finding_id: str) -> Verdict:
        return self.verdicts.get(finding_id, Verdict())

    def decide(self, finding_id: str, decision: Decision, note: str | None = None) -> None:
        """Record a decision on a finding (and `note`, if given and not the note it has)."""
        now = _now()
        verdict = replace(self.get(finding_id), decision=decision, decided_at=now,
                          decided_by=self.reviewer)
        if note is not None and note != verdict.note:
            verdict = replace(verdict, note=note, noted_at=now, noted_by=self.reviewer)
        self.verdicts[finding_id] = verdict
        self._fresh.add(("decision", finding_id))
        if verdict.noted_at == now:
            self._fresh.add(("note", finding_id))
        self.save()

    def decide_each(self, finding_ids: Iterable[str], decision: Decision) -> None:
        """Record one decision on each finding (the findings of one item), saved once."""
        now = _now()
        for finding_id in finding_ids:
            self.verdicts[finding_id] = replace(self.get(finding_id), decision=decision,
                                                decided_at=now, decided_by=self.reviewer)
            self._fresh.add(("decision", finding_id))
        self.save()

    def write_note(self, finding_id: str, note: str) -> None:
        """Record the reviewer's note on a finding; its decision stays whatever it is."""
        current = self.get(finding_id)
        if note == current.note:
            return
        self.verdicts[finding_id] = replace(current, note=note, noted_at=_now(),
                                            noted_by=self.reviewer)
        self._fresh.add(("note", finding_id))
        self.save()

    def answer(self, key: str, answer: str | None) -> None:
        """Record (or, with None, withdraw) the answer to a checklist question."""
        if answer is not None and answer not in ANSWERS:
            raise ValueError(f"answer must be one of {ANSWERS}")
        if answer is None:
            self.answers.pop(key, None)
        else:
            self.answers[key] = answer
        self.stamps[f"answer:{key}"] = Stamped(answer, _now(), self.reviewer)
        self._fresh.add(("stamp", f"answer:{key}"))
        self.save()

    def choose_presenter(self, mine: tuple[str, ...] | None) -> None:
        """Record which faces are the reviewer's own (None: go back to the scan's guess)."""
        self.presenter = None if mine is None else tuple(mine)
        self.stamps["presenter"] = Stamped(self.presenter, _now(), self.reviewer)
        self._fresh.add(("stamp", "presenter"))
        self.save()

    def choose_voices(self, mine: tuple[int, ...] | None) -> None:
        """Record which voices are the reviewer's own (None: go back to the scan's guess)."""
        self.voices = None if mine is None else tuple(int(v) for v in mine)
        self.stamps["voices"] = Stamped(self.voices, _now(), self.reviewer)
        self._fresh.add(("stamp", "voices"))
        self.save()

    def add_redaction(self, record: CopyRecord) -> None:
        """Record a redacted copy made of the clip (no decision changes)."""
        self.redactions.append(record)
        self.save()

    def decided_elsewhere(self, known_ids: Iterable[str]) -> tuple[str, ...]:
        """Ids marked must fix that are not among `known_ids` (every finding and presenter
        face of this scan): decided on a scan made with other settings."""
        known = set(known_ids)
        return tuple(sorted(i for i, verdict in self.verdicts.items()
                            if verdict.decision is Decision.MUST_FIX and i not in known))

    def summary(self, finding_ids: Iterable[str],
                known_ids: Iterable[str] | None = None) -> Summary:
        """The counts over `finding_ids` (the scan's flags); with `known_ids` (every id of the
        scan) a must fix decided on another scan is counted too, and the clip is not cleared."""
        decisions = [self.get(i).decision for i in finding_ids]
        return Summary(
            must_fix=decisions.count(Decision.MUST_FIX),
            false_alarm=decisions.count(Decision.FALSE_ALARM),
            open=decisions.count(Decision.OPEN),
            unanswered=tuple(k for k, _, _ in CHECKLIST if k not in self.answers),
            blocking_answers=tuple(
                k for k, _, ok in CHECKLIST if k in self.answers and self.answers[k] != ok
            ),
            elsewhere=() if known_ids is None else self.decided_elsewhere(known_ids),
        )

    def save(self) -> None:
        """Write the decisions, merged with what another window or the CLI saved meanwhile.

        Under a lock, the file is read again and each decision, answer and presenter choice
        is taken from whichever side made it last (a finding's decision and its note each on its
        own): nothing newer is overwritten by an older copy, and nothing is erased (a decision
        or a note made elsewhere stays). What changed here since the last save is stamped after
        the newest stamp of the file (a clock behind must not make it lose). A file that cannot
        be read is moved aside first and `problem` says so."""
        if self.path is None:
            return
        try:
            with _locked(self.path):
                if self.path.exists():
                    try:
                        saved = _parsed(self.path.read_text(encoding="utf-8"), self.clip_sha256)
                    except _UNREADABLE as error:
                        aside = _move_aside(self.path)
                        self.problem = (f"The saved decisions for this clip could not be read "
                                        f"({error}); they were kept as {aside.name} and these "
                                        f"decisions saved in their place.")
                    else:
                        self._restamp(_newest(saved))
                        self._take(saved, newer_only=True)
                self._write(self.path)
                self._fresh.clear()
        except OSError as error:
            raise ClearToPostError(
                f"Your decision could not be saved to {self.path.parent} "
                f"({error.strerror or error}); check that the folder is writable."
            ) from error

    def _restamp(self, newest: float) -> None:
        """What changed here since the last save, stamped after `newest` if it was not."""
        after = round(newest + 0.001, 6)
        for kind, key in self._fresh:
            if kind == "stamp" and key in self.stamps and self.stamps[key].at < after:
                self.stamps[key] = replace(self.stamps[key], at=after)
            elif kind == "decision" and self.get(key).decided_at < after:
                self.verdicts[key] = replace(self.get(key), decided_at=after)
            elif kind == "note" and self.get(key).noted_at < after:
                self.verdicts[key] = replace(self.get(key), noted_at=after)

    def _take(self, other: Review, newer_only: bool = False) -> None:
        """Take `other`'s entries (all of them, or only those made after ours)."""
        for finding_id, entry in other.unread.items():
            ours = self.verdicts.get(finding_id)
            if ours is None or _entry_at(entry) > max(ours.decided_at, ours.noted_at):
                self.unread[finding_id] = entry  # a newer version's entry: it stays as it is
                self.verdicts.pop(finding_id, None)
        for finding_id, theirs in other.verdicts.items():
            self.unread.pop(finding_id, None)
            ours = self.verdicts.get(finding_id)
            self.verdicts[finding_id] = (theirs if ours is None or not newer_only
                                         else ours.newer_of(theirs))
        known = {record_key(r) for r in self.redactions}
        for record in other.redactions:
            if record_key(record) not in known:
                self.redactions.append(record)
        self.redactions.sort(key=lambda r: r.made_at)
        for key, stamp in other.stamps.items():
            mine = self.stamps.get(key)
            if mine is not None and newer_only and stamp.at <= mine.at:
                continue
            self.stamps[key] = stamp
            # the key says what the stamp holds (as _parsed read it)
            if key == "presenter":
                self.presenter = cast("tuple[str, ...] | None", stamp.value)
            elif key == "voices":
                self.voices = cast("tuple[int, ...] | None", stamp.value)
            elif stamp.value is None:
                self.answers.pop(key.removeprefix("answer:"), None)
            else:
                self.answers[key.removeprefix("answer:")] = cast(str, stamp.value)

    def _write(self, path: Path) -> None:
        stamps = {k: {"value": list(v.value) if isinstance(v.value, tuple) else v.value,
                      "at": v.at, "by": v.by} for k, v in self.stamps.items()}
        payload: dict[str, object] = {
            "clip_sha256": self.clip_sha256,
            "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "answers": dict(self.answers),
            "presenter_faces": None if self.presenter is None else list(self.presenter),
            "presenter_voices": None if self.voices is None else list(self.voices),
            "stamps": stamps,
            "verdicts": {
                **self.unread,
                **{k: {"decision": v.decision.value, "decided_at": v.decided_at,
                       "decided_by": v.decided_by, "note": v.note, "noted_at": v.noted_at,
                       "noted_by": v.noted_by}
                   for k, v in self.verdicts.items()},
            },
        }
        if self.redactions:
            payload["redactions"] = [r.to_json() for r in self.redactions]
        write_private_atomically(path, json.dumps(payload, indent=1))


def _now() -> float:
    return round(time.time(), 6)


_UNREADABLE = (OSError, ValueError, KeyError, TypeError, AttributeError)


def _move_aside(path: Path) -> Path:
    """An unreadable decisions file renamed beside itself (never over an earlier one)."""
    stem = f"{path.stem}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    aside, n = path.with_name(f"{stem}.json"), 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{stem}-{n}.json")
    os.replace(path, aside)
    return aside


def _newest(review: Review) -> float:
    """The newest stamp a decisions file holds (0: none)."""
    return max([0.0, *(v.decided_at for v in review.verdicts.values()),
                *(v.noted_at for v in review.verdicts.values()),
                *(s.at for s in review.stamps.values()),
                *(_entry_at(e) for e in review.unread.values())])


def _entry_at(entry: dict[str, Any]) -> float:
    """The latest time an unreadable entry gives (0: none can be read)."""
    times = []
    for key in ("decided_at", "noted_at", "at"):
        with contextlib.suppress(TypeError, ValueError, AttributeError):
            times.append(float(entry.get(key, 0.0)))
    return max(times, default=0.0)


def _unread_problem(unread: dict[str, dict[str, Any]]) -> str:
    return (f"{len(unread)} saved decision(s) for this clip could not be read by this version "
            f"(finding {', '.join(sorted(unread))}); they are kept in the file as they are.")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside `path` (POSIX flock; elsewhere no lock), held while inside."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = path.with_name(f".{path.name}.lock")
    handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl
        except ImportError:  # Windows: one window at a time is the user's to keep
            pass
        else:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _verdict(entry: dict[str, Any]) -> Verdict:
    """One finding's entry of a decisions file. Files written before decisions and notes had
    their own times hold one "at" and "by" for both: each field takes them."""
    at, by = float(entry.get("at", 0.0)), str(entry.get("by", ""))
    return Verdict(Decision(entry["decision"]), str(entry.get("note", "")),
                   float(entry.get("decided_at", at)), str(entry.get("decided_by", by)),
                   float(entry.get("noted_at", at)), str(entry.get("noted_by", by)))


def _parsed(text: str, clip_sha256: str) -> Review:
    """A decisions file read into a Review (older files, without times, count as time 0)."""
    data = json.loads(text)
    if data.get("clip_sha256") != clip_sha256:
        raise ValueError("the file belongs to another clip")
    review = Review(clip_sha256)
    for finding_id, entry in data["verdicts"].items():
        try:
            review.verdicts[str(finding_id)] = _verdict(entry)
        except (ValueError, KeyError, TypeError, AttributeError):
            if not isinstance(entry, dict):
                raise
            review.unread[str(finding_id)] = entry  # a newer version's: kept as it is
    for key, answer in data.get("answers", {}).items():
        if answer not in ANSWERS:
            raise ValueError(f"unknown checklist answer {answer!r}")
        review.stamps[f"answer:{key}"] = Stamped(answer)
    mine = data.get("presenter_faces")
    if mine is not None:
        if not isinstance(mine, list):
            raise ValueError("presenter_faces is not a list")
        review.stamps["presenter"] = Stamped(tuple(str(i) for i in mine))
    voices = data.get("presenter_voices")
    if voices is not None:
        if not isinstance(voices, list):
            raise ValueError("presenter_voices is not a list")
        review.stamps["voices"] = Stamped(tuple(int(v) for v in voices))
    redactions = data.get("redactions", [])
    if not isinstance(redactions, list) or not all(isinstance(r, dict) for r in redactions):
        raise ValueError("redactions is not a list of records")
    review.redactions = [record_from_json(r) for r in redactions]
    for key, entry in data.get("stamps", {}).items():
        value = entry.get("value")
        if key == "presenter" and value is not None:
            value = tuple(str(i) for i in value)
        elif key == "voices" and value is not None:
            value = tuple(int(v) for v in value)
        elif key.startswith("answer:") and value is not None and value not in ANSWERS:
            raise ValueError(f"unknown checklist answer {value!r}")
        review.stamps[str(key)] = Stamped(value, float(entry.get("at", 0.0)),
                                          str(entry.get("by", "")))
    return review
