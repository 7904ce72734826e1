"""Settings: recent files and reviewer name in QSettings (INI); deny/allow lists as text files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.core.word_lists import WordLists, config_dir, write_entries

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recent", [])
    files = [value] if isinstance(value, str) else list(value or [])
    return [f for f in files if Path(f).exists()]


def remember_file(path: str) -> None:
    files = [path, *[f for f in recent_files() if f != path]][:MAX_RECENT]
    store = settings()
    store.setValue("recent", files)
    store.sync()


def add_to_allow_list(text: str) -> None:
    lists = WordLists.from_settings()
    write_entries(config_dir() / "allow.txt", [*lists.allow, text])


class SettingsDialog(QDialog):
    """Reviewer name and the two lists, one entry a line."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        lists = WordLists.from_settings()
        self.reviewer = QLineEdit(settings().value("reviewer", ""))
        self.deny = QPlainTextEdit("\n".join(lists.deny))
        self.deny.setPlaceholderText("Today's patients, your ward's and hospital's names…")
        self.allow = QPlainTextEdit("\n".join(lists.allow))
        self.allow.setPlaceholderText("Your own name and handle, colleagues who agreed…")
        form = QFormLayout()
        form.addRow("Reviewer name", self.reviewer)
        form.addRow("Always flag\n(one a line)", self.deny)
        form.addRow("Never flag\n(one a line)", self.allow)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"Lists are kept in {config_dir()}; they apply to the next scan."))
        layout.addWidget(buttons)
        self.resize(520, 480)

    def save(self) -> None:
        store = settings()
        store.setValue("reviewer", self.reviewer.text().strip())
        store.sync()
        write_entries(config_dir() / "deny.txt", self.deny.toPlainText().splitlines())
        write_entries(config_dir() / "allow.txt", self.allow.toPlainText().splitlines())
        self.accept()
