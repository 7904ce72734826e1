"""What a desktop needs to show and start the app: icon, desktop file, a picture of the window."""

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZES = {16, 24, 32, 48, 64, 128, 256, 512}


def test_the_window_icon_is_ours_at_every_usual_size(qapp):
    from app.ui.app import app_icon, resources_dir

    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= SIZES
    assert resources_dir() == ROOT / "resources"


def test_the_desktop_file_starts_cleartopost_on_the_video_types():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "cleartopost.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "ClearToPost"
    assert desktop["Exec"] == "cleartopost %F"
    types = set(filter(None, desktop["MimeType"].split(";")))
    assert types == {"video/mp4", "video/quicktime", "video/x-m4v", "video/webm",
                     "video/x-matroska"}
    icon = desktop["Icon"]
    for size in SIZES:
        assert (ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / f"{icon}.png").is_file()


@pytest.mark.models
def test_screenshot_option_scans_pictures_the_window_and_quits(tmp_path):
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "CLEARTOPOST_DATA_DIR": str(tmp_path / "data"),
           "CLEARTOPOST_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(out),
                           str(ROOT / "resources" / "sample_clip.mp4")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    picture = QImage(str(out))
    assert picture.width() >= 800 and picture.height() >= 500

    missing = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(out),
                              str(tmp_path / "nowhere.mp4")],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert missing.returncode == 1 and "nowhere.mp4" in missing.stderr
