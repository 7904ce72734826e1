"""A bug inside a scan must not look like "findings were made" (exit 1) to a script."""

import logging
import sys
from pathlib import Path

from app import cli
from app.core import pipeline
from app.core.models import ScanOptions


def test_an_unexpected_error_exits_2_with_a_sentence(monkeypatch, capsys, caplog):
    def broken(args):
        raise TypeError("a bug")

    monkeypatch.setattr(cli, "scan_command", broken)
    assert cli.main(["scan", "clip.mp4"]) == cli.EXIT_ERROR == 2
    assert "unexpected error" in capsys.readouterr().err
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "a bug" in record.exc_text or "a bug" in str(record.exc_info[1])
    caplog.clear()  # the error was expected


SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_clip.mp4"


def test_easyocr_without_its_extra_is_one_sentence_saying_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "easyocr", None)  # as in the default install: not there
    assert cli.main(["scan", str(SAMPLE), "--ocr", "easyocr", "--quiet"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "pip install -e '.[easyocr]'" in err and "make easyocr" in err


def test_easyocr_with_its_extra_is_loaded(monkeypatch):
    loaded = []
    monkeypatch.setattr(pipeline, "EasyOcrEngine", lambda **kw: loaded.append(kw) or "easyocr")
    assert pipeline.load_ocr("easyocr", ScanOptions()) == "easyocr"
    assert loaded == [{"canvas_size": 1280}]
