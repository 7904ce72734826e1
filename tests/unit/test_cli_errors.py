"""A bug inside a scan must not look like "findings were made" (exit 1) to a script."""

import logging

from app import cli


def test_an_unexpected_error_exits_2_with_a_sentence(monkeypatch, capsys, caplog):
    def broken(args):
        raise TypeError("a bug")

    monkeypatch.setattr(cli, "scan_command", broken)
    assert cli.main(["scan", "clip.mp4"]) == cli.EXIT_ERROR == 2
    assert "unexpected error" in capsys.readouterr().err
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "a bug" in record.exc_text or "a bug" in str(record.exc_info[1])
    caplog.clear()  # the error was expected
