"""One clip's review session: the scan, the reviewer's decisions and choices, the findings as
reviewed and the copies made, in one place that tells whoever listens when any of them change.

The counterpart of napari's ViewerModel: the window's panels, the command line, the PDF and the
redacted copy all read a `ReviewSession` instead of passing a result and a review around, and
the window keeps exactly one. No Qt: callbacks are plain functions (events.py).

    session = ReviewSession.open(scanned)          # loads the saved decisions for its hash
    session.events.decisions.subscribe(on_decided)
    session.decide(finding_id, Decision.MUST_FIX)  # saved, then on_decided(finding_id) for it
                                                   # and each finding linked to it
    session.reviewed                               # the scan with their face and voice unflagged
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ClearToPostError
from app.core.findings.combination import flags
from app.core.hashing import HashedFile
from app.core.models import AnalysisResult, Category, Finding, Source
from app.core.review.carry_over import carry_over, spread_must_fix
from app.core.review.copies import CopyRecord, record_key
from app.core.review.decisions import Decision, Review, Summary, Verdict
from app.core.review.events import SessionEvents
from app.core.review.my_voice import mark_voice_as_mine
from app.core.review.presenter import as_reviewed, mark_as_mine
from app.core.review.reread import DecidedBy, decided_by, reread
from app.core.review.verdict import verdict_of


@dataclass(frozen=True)
class _Seen:
    """What a re-read may change, to tell what did."""

    verdicts: dict[str, Verdict]
    answers: dict[str, str]
    presenter: tuple[str, ...] | None
    voices: tuple[int, ...] | None
    copies: frozenset[tuple[str, float]]

    @classmethod
    def of(cls, review: Review) -> _Seen:
        return cls(dict(review.verdicts), dict(review.answers), review.presenter,
                   review.voices,
                   frozenset(record_key(r) for r in review.redactions))


class ReviewSession:
    """The open clip's scan and review; every change goes through here and is announced."""

    def __init__(self, scanned: AnalysisResult | None = None,
                 review: Review | None = None) -> None:
        self.events = SessionEvents()
        self._scanned = scanned
        self._review = review
        self._reviewed = self._as_reviewed()
        # the source's SHA-256; the file as hashed once for this session (the redaction checks
        # it by size, time and inode instead of reading it again); and the saved scan the
        # result was read from (None: scanned now) (review/saved_scans.py)
        self.source_sha256: str | None = scanned.video.sha256 if scanned else None
        self.source: HashedFile | None = None
        self.saved_scan: Path | None = None

    @classmethod
    def open(cls, scanned: AnalysisResult, folder: Path | None = None,
             reviewer: str = "") -> ReviewSession:
        """A session on a finished scan, with the decisions saved for its clip."""
        review = Review.load(scanned.video.sha256, folder)
        review.reviewer = reviewer
        session = cls(scanned, review)
        session._carry_over()
        return session

    # ----- what it holds ------------------------------------------------------------------------
    @property
    def scanned(self) -> AnalysisResult | None:
        """The scan's result as the engine made it (the presenter as the scan guessed)."""
        return self._scanned

    @property
    def review(self) -> Review | None:
        """The decisions, notes, answers and choices saved for the clip."""
        return self._review

    @property
    def reviewed(self) -> AnalysisResult | None:
        """The scan as the reviewer sees it: the face and voice they marked as theirs
        unflagged, everyone else's flagged. The window, the PDF and the copy start here."""
        return self._reviewed

    @property
    def copies(self) -> tuple[CopyRecord, ...]:
        """The redacted copies made of the clip (and exports interrupted), oldest first."""
        return tuple(self._review.redactions) if self._review else ()

    def flags(self) -> list[Finding]:
        """The findings as reviewed that are flags (a detail is inside its combination)."""
        return flags(self._reviewed.findings) if self._reviewed else []

    def verdict(self, finding_id: str) -> Verdict | None:
        return self._review.get(finding_id) if self._review else None

    def summary(self) -> Summary | None:
        """The verdict the PDF prints (verdict.py): the counts over the flags as reviewed; a
        must fix decided on a scan made with other settings (an id this scan does not have) is
        counted too, and the clip is not cleared. None: no finished scan."""
        if self._review is None or self._reviewed is None:
            return None
        return verdict_of(self._reviewed, self._review)

    # ----- opening and closing ------------------------------------------------------------------
    def set_scanned(self, scanned: AnalysisResult | None) -> None:
        """The scan finished (or the clip was closed: None). A review for another clip is
        replaced by the one saved for this clip."""
        self._scanned = scanned
        if scanned is not None:
            self.source_sha256 = scanned.video.sha256
        if self.source is not None and self.source.sha256 != self.source_sha256:
            self.source = self.saved_scan = None  # the hash of the clip held before
        carried = self._carry_over()
        self.events.scanned.emit(scanned)
        self._refresh()
        if carried:
            self.events.decisions.emit(None)

    def hold_source(self, source: HashedFile | None, saved_scan: Path | None = None) -> None:
        """The clip's file as hashed for the scan held (`scan_once` hashes it once), and the
        saved scan that scan was read from (None: scanned now). A hash of another file than the
        scan's is not kept."""
        if source is not None and (self._scanned is None
                                   or source.sha256 != self._scanned.video.sha256):
            source = None
        self.source, self.saved_scan = source, saved_scan
        if source is not None:
            self.source_sha256 = source.sha256

    def set_review(self, review: Review | None) -> None:
        """The decisions for the open clip (None: no clip)."""
        self._review = review
        self.events.review.emit(review)
        self._refresh()

    def load_review(self, sha256: str, folder: Path | None = None,
                    reviewer: str = "") -> Review:
        """The review saved for the clip `sha256`, loaded unless it is the one held."""
        if self._review is None or self._review.clip_sha256 != sha256:
            review = Review.load(sha256, folder)
            review.reviewer = reviewer
            self.source_sha256 = sha256
            self.set_review(review)
        assert self._review is not None
        return self._review

    def clear(self) -> None:
        """No clip: nothing of the last one is kept."""
        self._scanned = self._review = None
        self.source_sha256 = self.saved_scan = self.source = None
        self.events.scanned.emit(None)
        self.events.review.emit(None)
        self._refresh()

    # ----- the reviewer's word ------------------------------------------------------------------
    def decide(self, finding_id: str, decision: Decision) -> None:
        """Record a decision (saved at once) on the finding and on every finding linked to it
        (one identifier, one item: findings/linked_items.py); each is announced.

        Raises:
            ClearToPostError: it could not be saved.
        """
        if self._review is None:
            return
        ids = (finding_id, *self.linked(finding_id))
        self._review.decide_each(ids, decision)
        for decided in ids:
            self.events.decisions.emit(decided)

    def linked(self, finding_id: str) -> tuple[str, ...]:
        """The ids of the other findings of the finding's item, as reviewed (empty: alone)."""
        if self._reviewed is None:
            return ()
        finding = next((f for f in self._reviewed.findings if f.id == finding_id), None)
        return finding.linked if finding is not None else ()

    def write_note(self, finding_id: str, note: str) -> None:
        """Record a note; the decision stays (saved at once; nothing if unchanged)."""
        if self._review is None or self._review.get(finding_id).note == note:
            return
        self._review.write_note(finding_id, note)
        self.events.decisions.emit(finding_id)

    def answer(self, key: str, answer: str | None) -> None:
        """Answer (or, with None, withdraw the answer to) a checklist question."""
        if self._review is None:
            return
        self._review.answer(key, answer)
        self.events.decisions.emit(None)

    def choose_faces(self, mine: tuple[str, ...] | None) -> bool:
        """Which faces are the reviewer's (None: the scan's guess). False: no clip yet."""
        if self._review is None or self._scanned is None:
            return False
        self._review.choose_presenter(mine)
        self._chose()
        return True

    def choose_voices(self, mine: tuple[int, ...] | None) -> bool:
        """Which voices are the reviewer's (None: the scan's guess). False: no clip yet."""
        if self._review is None or self._scanned is None:
            return False
        self._review.choose_voices(mine)
        self._chose()
        return True

    def mark_mine(self, finding: Finding | None) -> str | None:
        """"This is me" on a face's or a voice's flag: it is unflagged and the one taken for
        theirs is flagged. Returns what to tell the reviewer (None: nothing was changed)."""
        if (not can_mark(finding) or finding is None or self._scanned is None
                or self._review is None or self._reviewed is None):
            return None
        if finding.source is Source.FACE:
            faces = mark_as_mine(self._scanned, self._review.presenter, finding.id)
            if self.choose_faces(faces):
                return ("Marked as your face: it is no longer flagged. Every face on screen "
                        "at the same time as it is flagged.")
            return None
        try:
            voices = mark_voice_as_mine(self._reviewed, finding)
        except KeyError:
            return None
        if self.choose_voices(voices):
            return "Marked as your voice: it is no longer flagged, and every other voice is."
        return None

    def add_copy(self, record: CopyRecord) -> None:
        """Record a redacted copy made (or an export interrupted); no decision changes."""
        if self._review is None:
            return
        self._review.add_redaction(record)
        self.events.copies.emit(record)

    # ----- other windows and the command line ---------------------------------------------------
    def reread(self) -> DecidedBy | None:
        """The review as saved now (another window or the CLI may have decided since), and
        whose decisions those are; every export starts here. Whatever changed is announced.
        None: no finished scan yet.

        Raises:
            ClearToPostError: the decisions folder cannot be written (the merge saves).
        """
        if self._review is None or self._reviewed is None:
            return None
        before = _Seen.of(self._review)
        read_at = reread(self._review)
        after = _Seen.of(self._review)
        if (before.presenter, before.voices) != (after.presenter, after.voices):
            self._chose()
        if (before.verdicts, before.answers) != (after.verdicts, after.answers):
            self.events.decisions.emit(None)
        for record in self._review.redactions:
            if record_key(record) not in before.copies:
                self.events.copies.emit(record)
        return decided_by(self._review, [f.id for f in self._reviewed.findings], read_at)

    # ----- inside ---------------------------------------------------------------------------------
    def _carry_over(self) -> bool:
        """The decisions made on rows listed while the scan ran that it then made one with
        another, given to that one, and a must fix made before the scan linked its rows given
        to the undecided rows of its item (carry_over.py); False: none to carry. Not saved:
        said in the review's `problem`."""
        review, scanned = self._review, self._scanned
        if review is None or scanned is None or review.clip_sha256 != scanned.video.sha256:
            return False
        try:
            return bool(carry_over(review, scanned) + spread_must_fix(review, scanned))
        except ClearToPostError as error:
            review.problem = str(error)
            return False

    def _chose(self) -> None:
        assert self._review is not None
        self.events.choices.emit(self._review)
        self._refresh()

    def _refresh(self) -> None:
        self._reviewed = self._as_reviewed()
        self.events.reviewed.emit(self._reviewed)

    def _as_reviewed(self) -> AnalysisResult | None:
        if self._scanned is None or self._review is None:
            return self._scanned
        return as_reviewed(self._scanned, self._review)


def can_mark(finding: Finding | None) -> bool:
    """Whether "This is me" applies: a face's or a voice's flag."""
    return finding is not None and (finding.source is Source.FACE
                                    or finding.category is Category.VOICE)

