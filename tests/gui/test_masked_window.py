"""The masked window shows no identifier anywhere a reader could see one: labels, buttons,
menus, the window title, the list's cells and tooltips, the timeline's tooltips, the detail
line, the transcript. (The note field shows what the reviewer types, as an editor must.)"""

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextEdit, QWidget

from app.ui.menus import fill_recent
from tests.conftest import LEAK_DENY, LEAK_SECRETS
from tests.gui.test_window import scan


def _everything_shown(window) -> list[str]:
    shown = [window.windowTitle()]
    fill_recent(window.recent_menu, window.panels.masked(), window.open_clip)
    for widget in window.findChildren(QWidget):
        shown.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text())
        elif isinstance(widget, QTextEdit):  # the transcript
            shown.append(widget.toPlainText())
    for action in window.findChildren(QAction):
        shown += [action.text(), action.toolTip(), action.statusTip()]
    model = window.findings_panel.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                shown.append(str(model.data(model.index(row, column), role) or ""))
    for finding in window.timeline.findings:
        shown.append(window.timeline.tooltip_for(finding))
        window.flags.select(finding.id)
        shown.append(window.decision_panel.detail.text())
    return shown


def _leaks(shown: list[str]) -> list[str]:
    text = " ".join(shown)
    words = set(re.findall(r"[^\W_]+", text.lower()))
    digits = re.sub(r"\D", " ", text).split()
    return [s for s in LEAK_SECRETS if (s.lower() in words if not s.isdigit()
                                          else any(s in group for group in digits))]


def test_the_masked_window_shows_no_identifier(window, qtbot, leaky_clip, fresh_folders):
    config = fresh_folders / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "deny.txt").write_text("\n".join(LEAK_DENY) + "\n")
    result = scan(qtbot, window, leaky_clip.path)
    assert window.findings_panel.mask_box.isChecked()  # masked by default
    assert any("deny list" in f.reason for f in result.findings)  # the reasons do cite it
    assert len(window.timeline.findings) == len(result.findings) > 3
    assert _leaks(_everything_shown(window)) == []


def test_unmasked_the_window_does_show_them(window, qtbot, leaky_clip):
    scan(qtbot, window, leaky_clip.path)
    window.findings_panel.mask_box.setChecked(False)
    leaked = _leaks(_everything_shown(window))
    assert "Olson" in leaked and "00482913" in leaked


def _player_text(window, qtbot, engines, seconds: float) -> str:
    import cv2
    import numpy as np
    from PySide6.QtGui import QImage

    window.player.seek(seconds)
    qtbot.waitUntil(lambda: abs(window.player.position_s - seconds) < 0.3, timeout=10_000)
    qtbot.waitUntil(lambda: window.player.canvas.image is not None, timeout=10_000)
    qtbot.wait(300)
    image = window.player.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                               image.bytesPerLine())
    rgb = rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3)
    big = cv2.resize(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), None, fx=2, fy=2)
    return " ".join(piece.text for piece in engines.ocr.read(big))


def test_the_masked_player_fills_what_was_flagged(window, qtbot, leaky_clip, loaded_engines):
    """Others may see the screen: the picture itself shows no flagged text while masked."""
    scan(qtbot, window, leaky_clip.path)
    masked = _player_text(window, qtbot, loaded_engines, 3.0)
    window.findings_panel.mask_box.setChecked(False)
    unmasked = _player_text(window, qtbot, loaded_engines, 3.0)
    assert "Olson" in unmasked or "00482913" in unmasked  # the caption is readable unmasked
    assert _leaks([masked]) == []


def test_the_masked_player_fills_as_the_copy_does():
    """The window's fill is the copy's (media.fill.ring_colour), whatever text is under it."""
    import cv2
    import numpy as np
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage

    from app.core.media.fill import ring_colour
    from app.ui.player import _ring_colour

    rng = np.random.default_rng(3)
    base = (rng.integers(60, 90, (120, 200, 3)) + [0, 40, 120]).clip(0, 255).astype(np.uint8)
    colours = []
    for text in ("OLSON", "Mrs Li", ""):
        frame = base.copy()
        cv2.putText(frame, text, (40, 70), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (250, 250, 250), 2)
        image = QImage(frame.data, 200, 120, 600, QImage.Format.Format_RGB888)
        colour = _ring_colour(image, QRect(30, 40, 140, 45))
        core = ring_colour(frame, (30, 40, 140, 45))
        assert (colour.red(), colour.green(), colour.blue()) == tuple(round(v) for v in core)
        colours.append(colour.name())
    assert len(set(colours)) == 1
