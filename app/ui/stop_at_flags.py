"""Playback ▸ Stop at each flag (S): playing, the clip pauses where each flag starts, with that
flag selected, so the reviewer decides it (F / D) and plays on (Space).

A flag stops playback when the playhead plays across its start: once a pass, since playing on
from a stop does not cross that start again. A seek is not playing across: a jump forward skips
the flags jumped over, and a jump back (or a new pass from the start) stops at each flag again.
Only the flags the list shows are stopped at (its filter applies: "Open" stops at the flags
still to decide). On or off is kept in the settings (app.core.settings.STOP_AT_FLAGS)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.core.models import Finding
from app.core.settings import STOP_AT_FLAGS, Settings
from app.ui.player import PlayerWidget

# a playhead that moved further than this (or back) between two updates was sought, not played
MAX_PLAYED_STEP_S = 1.0
KEY = "S"


class StopAtFlags(QObject):
    def __init__(self, parent: QObject, player: PlayerWidget,
                 shown: Callable[[], list[Finding]], stop_at: Callable[[Finding], None],
                 say: Callable[[str], None]) -> None:
        """`shown`: the flags the list shows, `stop_at`: select one (playback is paused
        first), `say`: the status line."""
        super().__init__(parent)
        self.player, self._shown, self._stop_at, self._say = player, shown, stop_at, say
        self._last_s = 0.0
        self.action = QAction("&Stop at each flag", parent, checkable=True,
                              shortcut=QKeySequence(KEY))
        self.action.setToolTip("Playing, pause where each flag starts")
        self.action.setChecked(Settings.load().get(STOP_AT_FLAGS))
        self.action.toggled.connect(self._toggled)
        player.positionChanged.connect(self._on_position)

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    def _toggled(self, on: bool) -> None:
        try:
            Settings.load().set(STOP_AT_FLAGS, on)
        except OSError:  # a read-only settings folder: on for this window only
            pass
        self._say("Playback stops at each flag (S to play straight through)." if on else
                  "Playback no longer stops at flags (S to stop at each).")

    def _on_position(self, seconds: float) -> None:
        last, self._last_s = self._last_s, seconds
        played = 0 < seconds - last <= MAX_PLAYED_STEP_S
        if not (self.on and played and self.player.is_playing()):
            return
        crossed = [f for f in self._shown() if last < f.start_s <= seconds]
        if crossed:
            self.player.pause()
            self._last_s = seconds
            self._stop_at(min(crossed, key=lambda f: (f.start_s, f.source.value)))
