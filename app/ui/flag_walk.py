"""The flags of the open clip as the reviewer walks through them: which one is selected (in the
list, on the timeline, in the player), its decision and note, and the allow list."""

from __future__ import annotations

from app.core.errors import ClearToPostError
from app.core.findings.combination import flags
from app.core.models import Finding
from app.core.review.decisions import Decision
from app.ui import settings as app_settings


class FlagWalk:
    def __init__(self, window) -> None:
        self.window = window
        self.findings: dict[str, Finding] = {}
        self.current_id: str | None = None

    @property
    def current(self) -> Finding | None:
        return self.findings.get(self.current_id or "")

    def clear(self, keep_selection: bool = False) -> None:
        """No flags (a new clip, or the list about to be filled again)."""
        window = self.window
        self.findings = {}
        if not keep_selection:
            self.current_id = None
        window.findings_panel.model.reset(window.review)
        window.player.findings = ()

    def add(self, findings) -> None:
        # a detail is listed inside its combination, never a flag of its own
        new = [f for f in flags(findings or ()) if f.id not in self.findings]
        if not new:
            return
        for finding in new:
            self.findings[finding.id] = finding
        window = self.window
        window.findings_panel.model.add(new)
        window.timeline.add_findings(new)
        window.player.set_findings(tuple(self.findings.values()))

    def reselect(self) -> None:
        """After the list was filled again: the same flag if it is still one, else none."""
        if self.current_id not in self.findings:
            self.current_id = None
        elif self.current_id:
            self.select(self.current_id)
        self.show_detail()

    def select(self, finding_id: str) -> None:
        finding = self.findings.get(finding_id)
        if finding is None:
            return
        window = self.window
        self.current_id = finding_id
        window.findings_panel.select(finding_id)
        window.timeline.select(finding_id)
        window.player.seek(finding.start_s + 0.05)
        self.show_detail()

    def step(self, direction: int) -> None:
        ids = self.window.findings_panel.visible_ids()
        if not ids:
            return
        if self.current_id not in ids:
            index = 0 if direction > 0 else len(ids) - 1
        else:
            index = max(0, min(len(ids) - 1, ids.index(self.current_id) + direction))
        self.select(ids[index])

    def decide(self, decision: Decision) -> None:
        window = self.window
        if window.review is None or self.current_id is None:
            return
        try:
            # the note only if the reviewer edited it: the text shown may be older than a note
            # written in another window, and a decision must not overwrite that note
            self.save_note()
            window.review.decide(self.current_id, decision)
        except ClearToPostError as error:
            window.show_problem(str(error))
            return
        window.findings_panel.model.decision_changed(self.current_id)
        window.findings_panel.proxy.refilter()
        window.timeline.update()
        self.show_detail()

    def save_note(self) -> None:
        """The note as the reviewer edited it (nothing if they did not): the decision stays."""
        review, editor = self.window.review, self.window.decision_panel.note
        if review is None or self.current_id is None or not editor.isModified():
            return
        review.write_note(self.current_id, editor.text())
        editor.setModified(False)

    def show_detail(self) -> None:
        window, finding = self.window, self.current
        verdict = window.review.get(finding.id) if window.review and finding else None
        window.decision_panel.show_finding(finding, verdict,
                                           window.findings_panel.mask_box.isChecked(),
                                           window.scan_result is not None
                                           and window.presenter_choice.can_mark(finding))

    def allow(self, finding_id: str) -> None:
        finding = self.findings.get(finding_id)
        if finding is None:
            return
        app_settings.add_to_allow_list(finding.text)
        self.window.scan.say("Added to the allow list; it will not be flagged in the next scan.")
