"""Settings declared once (app/core/settings.py), read by the window and the command line alike,
from the settings.ini Qt's QSettings wrote before (no model)."""

import os
import stat

import pytest

from app.cli import _options, build_parser
from app.core.settings import (
    OCR,
    PAPER,
    RECENT,
    REVIEWER,
    SPEECH_MODEL,
    STOP_AT_FLAGS,
    ChoiceOption,
    Option,
    Settings,
    format_ini,
    parse_ini,
)

# what QSettings (PySide6 6.x, IniFormat) wrote for these values
WRITTEN_BY_QT = ('[General]\none=/tmp/only.mp4\n'
                 'recent="/tmp/a b/clip, one.mp4", /tmp/\u00fc.mp4, @@odd\n'
                 'reviewer="Dr Zo\u00eb O\'Brien, MD; \\"x\\" = y %z \\\\ back"\n'
                 'sp="  lead"\nempty=@Invalid()\n\n[Other]\nreviewer=not this one\n')
VALUES = {"one": "/tmp/only.mp4", "recent": ["/tmp/a b/clip, one.mp4", "/tmp/\u00fc.mp4", "@odd"],
          "reviewer": 'Dr Zo\u00eb O\'Brien, MD; "x" = y %z \\ back', "sp": "  lead", "empty": []}


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEARTOPOST_CONFIG_DIR", str(tmp_path))
    return tmp_path


def test_each_setting_is_declared_once_with_its_type_and_default():
    assert {k: o.default for k, o in Option.registry.items()} == {
        "reviewer": "", "recent": (), "speech_model": SPEECH_MODEL.default, "ocr": "ppocr",
        "paper": "a4", "stop_at_flags": False}
    with pytest.raises(ValueError, match="declared twice"):
        ChoiceOption("paper", "a4", "again", ("a4",))


def test_a_file_qsettings_wrote_is_read_as_it_was_meant():
    assert parse_ini(WRITTEN_BY_QT) == VALUES
    assert parse_ini(format_ini(VALUES)) == VALUES  # and what we write reads back the same


def test_qsettings_reads_what_we_write_and_we_read_what_it_writes(tmp_path):
    from PySide6.QtCore import QSettings

    ours = tmp_path / "ours.ini"
    ours.write_text(format_ini(VALUES), encoding="utf-8")
    qt = QSettings(str(ours), QSettings.Format.IniFormat)
    assert {k: qt.value(k) for k in VALUES if k != "empty"} == {
        k: v for k, v in VALUES.items() if k != "empty"}
    theirs = QSettings(str(tmp_path / "theirs.ini"), QSettings.Format.IniFormat)
    for key, value in VALUES.items():
        theirs.setValue(key, value)
    theirs.sync()
    assert parse_ini((tmp_path / "theirs.ini").read_text(encoding="utf-8")) == VALUES


def test_typed_values_defaults_and_what_cannot_be_read(config):
    assert Settings.load().get(PAPER) == "a4" and Settings.load().get(RECENT) == ()
    (config / "settings.ini").write_text(
        "[General]\nreviewer=Dr A, MD\npaper=Letter\nocr=tesseract\nrecent=/only.mp4\n")
    settings = Settings.load()
    assert settings.get(REVIEWER) == "Dr A, MD"  # unquoted: Qt read it as a list of two
    assert settings.get(PAPER) == "letter" and settings.get(OCR) == "ppocr"  # not a choice
    assert settings.get(RECENT) == ("/only.mp4",)
    (config / "settings.ini").write_bytes(b"\xff\xfe not text")
    assert Settings.load().get(REVIEWER) == ""


def test_a_switch_reads_what_qsettings_writes_for_a_bool_and_nothing_else(config, tmp_path):
    from PySide6.QtCore import QSettings

    qt = QSettings(str(config / "settings.ini"), QSettings.Format.IniFormat)
    qt.setValue(STOP_AT_FLAGS.key, True)
    qt.sync()
    assert Settings.load().get(STOP_AT_FLAGS) is True
    Settings.load().set(STOP_AT_FLAGS, False)
    assert Settings.load().get(STOP_AT_FLAGS) is False
    assert QSettings(str(config / "settings.ini"), QSettings.Format.IniFormat).value(
        STOP_AT_FLAGS.key) == "false"
    for stored in ("yes", "1", "", "true, false"):
        (config / "settings.ini").write_text(f"[General]\nstop_at_flags={stored}\n")
        assert Settings.load().get(STOP_AT_FLAGS) is False  # not a bool: the default
    with pytest.raises(ValueError):
        Settings.load().set(STOP_AT_FLAGS, "true")  # type: ignore[arg-type]


def test_a_setting_is_written_private_and_keeps_the_others(config):
    (config / "settings.ini").write_text("[General]\nreviewer=Dr Old\nfuture_key=kept\n")
    settings = Settings.load()
    settings.set(PAPER, "letter")
    for n in range(10):
        settings.remember_file(f"/clips/{n}.mp4")
    settings.remember_file("/clips/3.mp4")
    with pytest.raises(ValueError):
        settings.set(OCR, "tesseract")
    again = Settings.load()
    assert again.get(PAPER) == "letter" and again.get(REVIEWER) == "Dr Old"
    assert again.raw["future_key"] == "kept"
    assert again.get(RECENT)[:3] == ("/clips/3.mp4", "/clips/9.mp4", "/clips/8.mp4")
    assert len(again.get(RECENT)) == 8
    assert stat.S_IMODE(os.stat(config / "settings.ini").st_mode) == 0o600


def test_the_command_line_takes_its_defaults_from_the_settings(config):
    args = build_parser().parse_args(["scan", "clip.mp4"])
    assert _options(args).ocr == "ppocr"
    (config / "settings.ini").write_text("[General]\nocr=easyocr\nspeech_model=tiny.en\n")
    options = _options(args)
    assert options.ocr == "easyocr" and options.speech_model == "tiny.en"
    given = build_parser().parse_args(["scan", "clip.mp4", "--ocr", "ppocr"])
    assert _options(given).ocr == "ppocr"  # what is typed wins
