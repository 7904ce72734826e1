"""Which files the window opens as clips, and the Open dialog that offers them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.media.video import VIDEO_SUFFIXES


def video_problem(path: Path) -> str | None:
    """A sentence saying why this path cannot be opened as a clip, or None."""
    if not path.exists():
        return f"{path.name} does not exist."
    if path.is_dir():
        return f"{path.name} is a folder; drop a video file instead."
    if path.suffix.lower() not in VIDEO_SUFFIXES:
        return (f"{path.name} is not a video this app reads (it takes "
                f"{', '.join(sorted(s.lstrip('.') for s in VIDEO_SUFFIXES))}).")
    return None


def ask_for_clip(parent: QWidget) -> str | None:
    patterns = " ".join(f"*{s}" for s in sorted(VIDEO_SUFFIXES))
    path, _ = QFileDialog.getOpenFileName(parent, "Open a clip", "", f"Videos ({patterns})")
    return path or None
