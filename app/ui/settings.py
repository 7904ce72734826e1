"""Edit ▸ Settings and the window's use of the settings declared in app.core.settings (reviewer
name, recent files); the deny/allow lists are text files beside them (app.core.word_lists)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.models import ScanOptions
from app.core.settings import OCR, PAPER, RECENT, REVIEWER, SPEECH_MODEL, Settings
from app.core.word_lists import WordLists, config_dir, write_entries


def recent_files() -> list[str]:
    return [f for f in Settings.load().get(RECENT) if Path(f).exists()]


def remember_file(path: str) -> None:
    try:
        Settings.load().remember_file(path)
    except OSError:  # a read-only settings folder costs the Open Recent entry, nothing else
        pass


def reviewer() -> str:
    return Settings.load().get(REVIEWER)


def scan_options() -> ScanOptions:
    """What a scan is run with now (speech model, text reader, the two lists): the window's
    scan of one clip and its folder queue use the same, so each reuses the other's saved
    scans."""
    lists, settings = WordLists.from_settings(), Settings.load()
    return ScanOptions(speech_model=settings.get(SPEECH_MODEL), ocr=settings.get(OCR),
                       deny=lists.deny, allow=lists.allow)


def add_to_allow_list(text: str) -> None:
    lists = WordLists.from_settings()
    write_entries(config_dir() / "allow.txt", [*lists.allow, text])


class SettingsDialog(QDialog):
    """Reviewer name, PDF paper size and the two lists, one entry a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        lists, settings = WordLists.from_settings(), Settings.load()
        self.reviewer = QLineEdit(settings.get(REVIEWER))
        self.paper = QComboBox()
        self.paper.addItems(list(PAPER.choices))
        self.paper.setCurrentText(settings.get(PAPER))
        self.deny = QPlainTextEdit("\n".join(lists.deny))
        self.deny.setPlaceholderText("Today's patients, your ward's and hospital's names…")
        self.allow = QPlainTextEdit("\n".join(lists.allow))
        self.allow.setPlaceholderText("Your own name and handle, colleagues who agreed…")
        form = QFormLayout()
        form.addRow(REVIEWER.title.split(" (")[0], self.reviewer)
        form.addRow(PAPER.title, self.paper)
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
        settings = Settings.load()
        try:
            settings.set(REVIEWER, self.reviewer.text().strip())
            settings.set(PAPER, self.paper.currentText())
            write_entries(config_dir() / "deny.txt", self.deny.toPlainText().splitlines())
            write_entries(config_dir() / "allow.txt", self.allow.toPlainText().splitlines())
        except OSError as error:
            QMessageBox.warning(self, "Settings not saved",
                                f"The settings could not be saved in {config_dir()} "
                                f"({error.strerror or error}); check that the folder is "
                                f"writable.")
            return
        self.accept()
