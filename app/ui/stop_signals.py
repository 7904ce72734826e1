"""SIGTERM (`kill`, a shutdown), SIGHUP (a logout, a closed terminal) and SIGINT (Ctrl+C in the
terminal it was started from) close the window the normal way, as if the user closed it: a
running export is stopped, its half-written or unchecked copy removed and the interruption
recorded in the review (RedactExport.interrupt), the note being typed is saved and the scans let
go of the models.

Left to their defaults, SIGTERM and SIGHUP end the process at once and SIGINT's KeyboardInterrupt,
raised inside Qt's C++ loop, crashed it: each left a half-written copy behind. A Python signal
handler only runs when the interpreter gets control, and Qt's event loop is C++: the signal's
number is written to a socket (signal.set_wakeup_fd) that Qt watches, which wakes the loop."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget

NAMES = ("SIGTERM", "SIGHUP", "SIGINT")


@dataclass
class SignalStop:
    """Which signal closed the widget (None: none did), and how to put the old handlers back."""

    signum: int | None = None
    restore: Callable[[], None] = lambda: None


def close_on_signals(widget: QWidget) -> SignalStop:
    """Close `widget` on SIGTERM, SIGHUP or SIGINT (the returned `signum` says which); its
    `restore()` puts the previous handlers back. Call it from the main thread."""
    numbers = [getattr(signal, n) for n in NAMES if hasattr(signal, n)]
    woken, wake = socket.socketpair()
    for end in (woken, wake):
        end.setblocking(False)
    notifier = QSocketNotifier(woken.fileno(), QSocketNotifier.Type.Read, widget)
    # reading the socket runs Python, and so the handler below; the bytes are only a wake-up
    notifier.activated.connect(lambda *_: _drain(woken))
    stop = SignalStop()

    def close(signum: int, _frame: FrameType | None) -> None:
        if stop.signum is None:
            stop.signum = signum
            QTimer.singleShot(0, widget.close)  # not inside the handler: it may interrupt Qt

    previous_fd = signal.set_wakeup_fd(wake.fileno())
    previous = {number: signal.signal(number, close) for number in numbers}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        woken.close()
        wake.close()

    stop.restore = restore
    return stop


def _drain(sock: socket.socket) -> None:
    try:
        while sock.recv(64):
            pass
    except (BlockingIOError, OSError):
        pass
