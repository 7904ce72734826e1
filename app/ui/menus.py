"""The window's menus and keys (the keys a video editor has, and the review's own). The window
says what each does (`MenuCommands`); the menus know nothing else of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from app import __version__
from app.core.findings.masking import mask_text
from app.core.models import AnalysisResult
from app.ui import settings as app_settings


@dataclass(frozen=True)
class MenuCommands:
    """What the menus' entries do."""

    open_clip: Callable[[], None]  # File ▸ Open…: ask for a clip
    open_path: Callable[[str], object]  # File ▸ Open Recent ▸ a file
    export_pdf: Callable[[bool], None]  # masked?
    export_redacted: Callable[[], None]
    quit: Callable[[], object]
    masked: Callable[[], bool]  # whether identifiers are masked on screen now
    result: Callable[[], AnalysisResult | None]  # the open clip's scan (for About: its models)
    scan_again: QAction | None = None  # File ▸ Scan again (scan_session.py enables it)
    stop_at_flags: QAction | None = None  # Playback ▸ Stop at each flag (stop_at_flags.py)
    # File ▸ Open folder…, Next / Previous clip of the folder (folder_queue.py)
    folder: tuple[QAction, ...] = ()


@dataclass(frozen=True)
class Menus:
    """The entries the window enables and fills as the clip changes."""

    recent: QMenu
    export_pdf: QAction
    export_unmasked: QAction
    export_redacted: QAction


def build_menus(bar: QMenuBar, parent: QWidget, do: MenuCommands) -> Menus:
    """File, Edit, Playback and Help; the export actions start disabled (no clip scanned
    yet)."""
    file_menu = bar.addMenu("&File")
    open_action = QAction("&Open…", parent, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
    open_action.triggered.connect(do.open_clip)
    file_menu.addAction(open_action)
    recent = file_menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: fill_recent(recent, do.masked(), do.open_path))
    for action in do.folder:
        file_menu.addAction(action)
    if do.scan_again is not None:
        file_menu.addAction(do.scan_again)
    file_menu.addSeparator()
    export = QAction("&Export review PDF…", parent, shortcut=QKeySequence("Ctrl+E"))
    export.triggered.connect(lambda: do.export_pdf(True))
    unmasked = QAction("Export &unmasked PDF (internal record)…", parent)
    unmasked.triggered.connect(lambda: do.export_pdf(False))
    redact = QAction("Export &redacted video…", parent,
                     shortcut=QKeySequence("Ctrl+Shift+E"))
    redact.triggered.connect(do.export_redacted)
    for action in (export, unmasked, redact):
        action.setEnabled(False)
        file_menu.addAction(action)
    file_menu.addSeparator()
    quit_action = QAction("&Quit", parent, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
    quit_action.triggered.connect(do.quit)
    file_menu.addAction(quit_action)
    edit_menu = bar.addMenu("&Edit")
    settings_action = QAction("&Settings…", parent)
    settings_action.triggered.connect(lambda: app_settings.SettingsDialog(parent).exec())
    edit_menu.addAction(settings_action)
    if do.stop_at_flags is not None:
        bar.addMenu("&Playback").addAction(do.stop_at_flags)
    help_menu = bar.addMenu("&Help")
    about_action = QAction("&About ClearToPost", parent)
    about_action.triggered.connect(lambda: show_about(parent, do.result()))
    help_menu.addAction(about_action)
    return Menus(recent, export, unmasked, redact)


def build_shortcuts(parent: QWidget, keys: dict[str, Callable[[], object]]
                    ) -> dict[str, QShortcut]:
    """One shortcut a key (N, P, F, D, M, Space, Left, Right), on `parent`; the menus' own
    are Ctrl+O, Ctrl+Shift+O, Ctrl+PgDown, Ctrl+PgUp (File ▸ Open folder…, Next / Previous
    clip of the folder), Ctrl+E, Ctrl+Shift+E, Ctrl+Q and S (Playback ▸ Stop at each flag)."""
    shortcuts = {}
    for key, slot in keys.items():
        shortcut = QShortcut(QKeySequence(key), parent)
        shortcut.activated.connect(slot)
        shortcuts[key] = shortcut
    return shortcuts


def fill_recent(menu: QMenu, masked: bool, open_path: Callable[[str], object]) -> None:
    """Open Recent, filled as it opens: masked, a file name shows only its first letter (file
    names are often patients' names) and no tooltip with its folder."""
    menu.clear()
    files = app_settings.recent_files()
    if not files:
        menu.addAction("(none yet)").setEnabled(False)
    for path in files:
        name = Path(path).name
        action = menu.addAction(f"{mask_text(Path(path).stem)}{Path(path).suffix}" if masked
                                else name)
        if not masked:
            action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))


def show_about(parent: QWidget, result: AnalysisResult | None) -> None:
    """Help ▸ About: the version, the promise (nothing leaves this computer) and the models."""
    models = (
        "<br>".join(f"{m.role}: {m.name} ({m.package})" for m in result.models) if result else
        "speech: Whisper base / tiny.en (faster-whisper)<br>ocr: PP-OCRv4 (ONNX Runtime)"
        "<br>ner: Presidio + spaCy en_core_web_sm"
    )
    QMessageBox.about(
        parent, "About ClearToPost",
        f"<b>ClearToPost {__version__}</b><br>Checks a clip for patient identifiers before "
        f"it is posted. Everything runs on this computer; nothing is uploaded.<br><br>"
        f"Models:<br>{models}",
    )
