"""Nothing leaves the machine: the model-hub libraries are told to stay offline, and any
connection beyond this computer is refused, with a sentence that says why.

`block_network()` runs first thing when the app starts (the window and the CLI alike). Every
model is on disk (model_files.py); a library that tries to fetch something anyway gets
`NetworkRefused` instead of a connection, and the scan fails with that sentence rather than
sending anything off.
"""

from __future__ import annotations

import ipaddress
import os
import socket

HUB_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1",
               "HF_HUB_DISABLE_TELEMETRY": "1"}
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "", None}


class NetworkRefused(OSError):
    """A connection off this computer was attempted and refused."""


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False  # a name other than localhost: resolving it is already a lookup


def _refuse(host) -> None:
    raise NetworkRefused(f"ClearToPost works offline and refused a connection to {host}: "
                         f"nothing is sent off this computer.")


def block_network() -> None:
    """Refuse every connection and name lookup that is not to this computer (idempotent)."""
    for key, value in HUB_OFFLINE.items():
        os.environ.setdefault(key, value)
    if getattr(socket.socket.connect, "_cleartopost_guard", False):
        return
    connect, connect_ex, getaddrinfo = (socket.socket.connect, socket.socket.connect_ex,
                                        socket.getaddrinfo)

    def guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _refuse(address[0])
        return connect(self, address)

    def guarded_connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _refuse(address[0])
        return connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            _refuse(host)
        return getaddrinfo(host, *args, **kwargs)

    guarded_connect._cleartopost_guard = True
    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo
