"""The window's menus and keys (the keys a video editor has, and the review's own)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from app import __version__
from app.core.findings.masking import mask_text
from app.core.review.decisions import Decision
from app.ui import settings as app_settings


def build_menus(window) -> None:
    """File, Edit and Help; the export actions start disabled (no clip scanned yet)."""
    file_menu = window.menuBar().addMenu("&File")
    open_action = QAction("&Open…", window, shortcut=QKeySequence.StandardKey.Open)
    open_action.triggered.connect(window.choose_clip)
    file_menu.addAction(open_action)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent(window))
    file_menu.addSeparator()
    window.export_action = QAction("&Export review PDF…", window, shortcut="Ctrl+E")
    window.export_action.triggered.connect(lambda: window.pdf_export.choose(masked=True))
    window.export_unmasked_action = QAction("Export &unmasked PDF (internal record)…", window)
    window.export_unmasked_action.triggered.connect(lambda: window.pdf_export.choose(masked=False))
    window.redact_action = QAction("Export &redacted video…", window, shortcut="Ctrl+Shift+E")
    window.redact_action.triggered.connect(window.redact_export.choose)
    for action in (window.export_action, window.export_unmasked_action, window.redact_action):
        action.setEnabled(False)
        file_menu.addAction(action)
    file_menu.addSeparator()
    quit_action = QAction("&Quit", window, shortcut=QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    edit_menu = window.menuBar().addMenu("&Edit")
    settings_action = QAction("&Settings…", window)
    settings_action.triggered.connect(lambda: app_settings.SettingsDialog(window).exec())
    edit_menu.addAction(settings_action)
    help_menu = window.menuBar().addMenu("&Help")
    about_action = QAction("&About ClearToPost", window)
    about_action.triggered.connect(lambda: show_about(window))
    help_menu.addAction(about_action)


def build_shortcuts(window) -> dict[str, QShortcut]:
    keys = {
        "N": lambda: window.flags.step(+1),
        "P": lambda: window.flags.step(-1),
        "F": lambda: window.flags.decide(Decision.MUST_FIX),
        "D": lambda: window.flags.decide(Decision.FALSE_ALARM),
        "M": window.presenter_choice.mark_me,
        "Space": window.player.toggle_play,
        "Left": lambda: window.player.step(-1),
        "Right": lambda: window.player.step(+1),
    }
    shortcuts = {}
    for key, slot in keys.items():
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.activated.connect(slot)
        shortcuts[key] = shortcut
    return shortcuts


def fill_recent(window) -> None:
    """Open Recent, filled as it opens: masked, a file name shows only its first letter (file
    names are often patients' names) and no tooltip with its folder."""
    menu = window.recent_menu
    menu.clear()
    files = app_settings.recent_files()
    if not files:
        menu.addAction("(none yet)").setEnabled(False)
    masked = window.findings_panel.mask_box.isChecked()
    for path in files:
        name = Path(path).name
        action = menu.addAction(f"{mask_text(Path(path).stem)}{Path(path).suffix}" if masked
                                else name)
        if not masked:
            action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: window.open_clip(p))


def show_about(window) -> None:
    """Help ▸ About: the version, the promise (nothing leaves this computer) and the models."""
    result = window.result
    models = (
        "<br>".join(f"{m.role}: {m.name} ({m.package})" for m in result.models) if result else
        "speech: Whisper base / tiny.en (faster-whisper)<br>ocr: PP-OCRv4 (ONNX Runtime)"
        "<br>ner: Presidio + spaCy en_core_web_sm"
    )
    QMessageBox.about(
        window, "About ClearToPost",
        f"<b>ClearToPost {__version__}</b><br>Checks a clip for patient identifiers before "
        f"it is posted. Everything runs on this computer; nothing is uploaded.<br><br>"
        f"Models:<br>{models}",
    )
