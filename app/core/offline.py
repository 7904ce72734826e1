"""Nothing leaves the machine: every library's telemetry is switched off, the model hubs are
told to stay offline, and any socket or name lookup beyond this computer is refused, with a
sentence that says why.

`block_network()` runs first thing when the app starts (the window and the CLI alike), and
`no_telemetry()` again before any model is loaded (a script or test may load the engines without
the front end). Every model is on disk (model_files.py); a library that tries to fetch something
anyway gets `NetworkRefused` instead of a socket, and the scan fails with that sentence rather
than sending anything off.

The guard is an audit hook (PEP 578): the lowest level Python offers, below `socket.socket`,
`_socket` and every module that wraps them, and it cannot be removed once added. It refuses
creating any socket but a local one (AF_UNIX), and any connect, send, bind or name lookup that
is not to this computer. Native code (ONNX Runtime, FFmpeg) does not pass through Python: ONNX
Runtime's telemetry is switched off by its environment switch and API before any session is made,
FFmpeg is given only local files (`LOCAL_FILES_ONLY`, media/video.py), and a test runs a whole
scan and a redaction under strace to prove that no packet leaves.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

HUB_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
# Switched off whatever the user's environment says: these are not preferences.
TELEMETRY_OFF = {
    "ORT_DISABLE_TELEMETRY": "1",  # ONNX Runtime (PP-OCR, Silero VAD): its device id and events
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",  # the cross-tool convention
    # OpenCV's FFmpeg reader: local files only, so a playlist inside a "video" opens no URL
    "OPENCV_FFMPEG_CAPTURE_OPTIONS": "protocol_whitelist;file",
}
# FFmpeg (PyAV) options that keep an open to files on this computer, nested opens included
LOCAL_FILES_ONLY = {"protocol_whitelist": "file"}
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "", None}
_state = {"hooked": False}


class NetworkRefused(OSError):
    """A connection off this computer was attempted and refused."""


def _is_local(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False  # a name other than localhost: resolving it is already a lookup


def _refuse(what: object) -> None:
    raise NetworkRefused(f"ClearToPost works offline and refused a connection to {what}: "
                         f"nothing is sent off this computer.")


def _host_of(address: object) -> object:
    """The host of a socket address: (host, port[, ...]) for IP, a path (local) for AF_UNIX."""
    if isinstance(address, tuple) and address:
        return address[0]
    return None if isinstance(address, (str, bytes)) else address


def _family_name(family: int) -> str:
    try:
        return socket.AddressFamily(family).name
    except ValueError:
        return f"family {family}"


def _guard(event: str, args: tuple[Any, ...]) -> None:
    if not event.startswith("socket."):
        return
    if event == "socket.__new__":
        family = args[1]
        if family != socket.AF_UNIX:  # -1 (a socket rebuilt from a descriptor) is refused too
            _refuse(f"a new network socket ({_family_name(family)})")
    elif event in ("socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"):
        sock, address = args[0], args[1]
        if sock.family != socket.AF_UNIX and address is not None \
                and not _is_local(_host_of(address)):
            _refuse(_host_of(address))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                   "socket.gethostbyaddr"):
        if not _is_local(args[0]):
            _refuse(args[0])
    elif event == "socket.getnameinfo":
        if not _is_local(_host_of(args[0])):
            _refuse(_host_of(args[0]))


def local_desktop_only(cache: Path, env: MutableMapping[str, str] = os.environ) -> None:
    """Keep the window's native clients (Qt's sound through PulseAudio, its D-Bus) on this
    computer, before Qt starts: a `PULSE_SERVER` or session bus given as a network address would
    carry the clip's sound, or the window's messages, to another machine (a thin client's
    settings do this). Sound goes to the local server or nowhere; a network bus is dropped; Qt
    keeps no shader cache of its own outside the app's folders."""
    server = env.get("PULSE_SERVER")
    if server is not None and not all(
            entry.startswith(("unix:/", "/")) for entry in server.split()):
        del env["PULSE_SERVER"]
    if "tcp:" in env.get("DBUS_SESSION_BUS_ADDRESS", ""):
        del env["DBUS_SESSION_BUS_ADDRESS"]
    cache.mkdir(parents=True, exist_ok=True)
    config = cache / "pulse-client.conf"
    # no server named by the user's client.conf, the X display, or a daemon started for us
    config.write_text("autospawn = no\nauto-connect-localhost = no\n"
                      "auto-connect-display = no\n")
    env["PULSE_CLIENTCONFIG"] = str(config)
    env["QT_DISABLE_SHADER_DISK_CACHE"] = "1"


def no_telemetry() -> None:
    """Switch every library's telemetry off, before any of their sessions is made (idempotent).
    ONNX Runtime reads its environment switch when it is imported, so call this before that: in
    a process that imported it already, its API switch is called too, but a device id is still
    written under ~/.cache/Microsoft (tried)."""
    os.environ.update(TELEMETRY_OFF)
    os.environ.update(HUB_OFFLINE)  # not a preference either: a user's "0" is overruled
    onnxruntime = sys.modules.get("onnxruntime")  # not imported at start-up only for this
    if onnxruntime is not None:
        onnxruntime.disable_telemetry_events()


def network_blocked() -> bool:
    return _state["hooked"]


def block_network() -> None:
    """Refuse every socket and name lookup that is not to this computer (idempotent)."""
    no_telemetry()
    if _state["hooked"]:
        return
    sys.addaudithook(_guard)
    _state["hooked"] = True
