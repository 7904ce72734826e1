"""The flags of the open clip as the reviewer walks through them: which one is selected (in the
list, on the timeline, in the player), its decision and note, and the allow list. Decisions go
through the session; whatever changes them (here, another window, the CLI) repaints the panels
through the session's `decisions` event."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.core.errors import ClearToPostError
from app.core.findings.combination import flags
from app.core.models import Finding
from app.core.review.decisions import Decision
from app.core.review.session import ReviewSession, can_mark
from app.ui import settings as app_settings
from app.ui.window_layout import Panels


class FlagWalk:
    def __init__(self, session: ReviewSession, panels: Panels, say: Callable[[str], None]) -> None:
        self.session, self.panels, self._say = session, panels, say
        self.findings: dict[str, Finding] = {}
        self.current_id: str | None = None
        session.events.decisions.subscribe(self._decided)

    @property
    def current(self) -> Finding | None:
        return self.findings.get(self.current_id or "")

    def clear(self, keep_selection: bool = False) -> None:
        """No flags (a new clip, or the list about to be filled again)."""
        self.findings = {}
        if not keep_selection:
            self.current_id = None
        self.panels.findings.model.reset(self.session.review)
        self.panels.player.findings = ()

    def add(self, findings: Iterable[Finding] | None, live: bool = False) -> None:
        """New flags become rows; a flag listed already takes the finding as it has grown (a
        text keeps its id from first sight to close: findings/hits.py). `live`: still on screen
        where the scan has reached, so still growing (decidable all the same); else complete."""
        # a detail is listed inside its combination, never a flag of its own
        given = flags(findings or ())
        new = [f for f in given if f.id not in self.findings]
        grown = [f for f in given if f.id in self.findings and self.findings[f.id] != f]
        for finding in given:
            self.findings[finding.id] = finding
        model, timeline = self.panels.findings.model, self.panels.timeline
        ids = {f.id for f in given}
        live_now = model.live | ids if live else model.live - ids
        if live_now != model.live:
            model.set_live(live_now)
            timeline.set_live(live_now)
        if not new and not grown:
            return
        model.add(new)
        model.grow(grown)
        timeline.add_findings(new)
        timeline.grow(grown)
        self.panels.player.set_findings(tuple(self.findings.values()))
        if self.current_id in ids and not self._editing_note():
            self.show_detail()  # the selected flag's text may have grown

    def end_live(self) -> None:
        """The scan stopped: no flag is still growing."""
        self.panels.findings.model.set_live(set())
        self.panels.timeline.set_live(set())

    def _editing_note(self) -> bool:
        note = self.panels.decision.note
        return note.isModified() or note.hasFocus()

    def reselect(self) -> None:
        """After the list was filled again: the same flag if it is still one (or the one the
        scan made it one with), else none."""
        scanned = self.session.scanned
        became = dict(scanned.became) if scanned is not None else {}
        if self.current_id not in self.findings and became.get(self.current_id or ""):
            self.current_id = became[self.current_id or ""]
        if self.current_id not in self.findings:
            self.current_id = None
        elif self.current_id:
            self.select(self.current_id)
        self.show_detail()

    def select(self, finding_id: str) -> None:
        finding = self.findings.get(finding_id)
        if finding is None:
            return
        self.current_id = finding_id
        self.panels.findings.select(finding_id)
        self.panels.timeline.select(finding_id)
        self.panels.player.seek(finding.start_s + 0.05)
        self.show_detail()

    def step(self, direction: int) -> None:
        ids = self.panels.findings.visible_ids()
        if not ids:
            return
        if self.current_id not in ids:
            index = 0 if direction > 0 else len(ids) - 1
        else:
            index = max(0, min(len(ids) - 1, ids.index(self.current_id) + direction))
        self.select(ids[index])

    def decide(self, decision: Decision) -> None:
        if self.session.review is None or self.current_id is None:
            return
        try:
            # the note only if the reviewer edited it: the text shown may be older than a note
            # written in another window, and a decision must not overwrite that note
            self.save_note()
            self.session.decide(self.current_id, decision)
        except ClearToPostError as error:
            self.panels.banner.say(str(error))

    def _decided(self, finding_id: str | None) -> None:
        """A decision changed (None: maybe several): the row, the filter, the marks, the
        detail."""
        model = self.panels.findings.model
        for changed in list(self.findings) if finding_id is None else [finding_id]:
            model.decision_changed(changed)
        self.panels.findings.proxy.refilter()
        self.panels.timeline.update()
        self.show_detail()

    def save_note(self) -> None:
        """The note as the reviewer edited it (nothing if they did not): the decision stays."""
        editor = self.panels.decision.note
        if self.session.review is None or self.current_id is None or not editor.isModified():
            return
        self.session.write_note(self.current_id, editor.text())
        editor.setModified(False)

    def show_detail(self) -> None:
        finding = self.current
        verdict = self.session.verdict(finding.id) if finding else None
        self.panels.decision.show_finding(finding, verdict, self.panels.masked(),
                                          self.session.scanned is not None and can_mark(finding))

    def allow(self, finding_id: str) -> None:
        finding = self.findings.get(finding_id)
        if finding is None:
            return
        app_settings.add_to_allow_list(finding.text)
        self._say("Added to the allow list; it will not be flagged in the next scan.")
