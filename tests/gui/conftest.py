"""GUI tests run the real window offscreen, with fresh settings and data folders per test."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def fresh_folders(tmp_path, monkeypatch):
    """Each test gets empty settings (lists, recent files) and an empty decisions folder."""
    monkeypatch.setenv("CLEARTOPOST_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CLEARTOPOST_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture(scope="session")
def loaded_engines(engines):
    """The session's real models, handed to the window's worker so it does not load them again."""
    from app.core.models import ScanOptions
    from app.ui.worker import provide_engines

    provide_engines(ScanOptions(), engines)
    return engines


@pytest.fixture(autouse=True)
def gc_on_gui_thread(qapp):
    """As the app does (app.ui.app): garbage collected on the GUI thread only."""
    from app.ui.gc_in_gui_thread import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()  # the tests without a window collect as usual
    del qapp._gui_thread_collector
    collector.deleteLater()


@pytest.fixture
def window(qtbot, loaded_engines):
    from app.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.scan.cancel()
