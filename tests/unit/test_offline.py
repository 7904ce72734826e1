"""The app refuses every network socket and name lookup off the machine, at the lowest level
Python offers, with a sentence; it still talks to itself over local (AF_UNIX) sockets."""

import subprocess
import sys
from pathlib import Path

GUARDED = """
import _socket, os, socket, urllib.request
from app.core.offline import block_network, NetworkRefused
block_network()

def attempt(name, call):
    try:
        call()
        print(name, "ALLOWED")
    except NetworkRefused as error:
        print(name, "refused", "works offline" in str(error))
    except OSError as error:
        print(name, "refused" if "ClearToPost works offline" in str(error) else error, True)

attempt("urllib", lambda: urllib.request.urlopen("http://example.com/", timeout=5))
attempt("tcp", lambda: socket.create_connection(("93.184.216.34", 80), timeout=5))
attempt("udp", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(
    b"x", ("192.0.2.1", 53)))
attempt("raw _socket", lambda: _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM))
attempt("loopback tcp", lambda: socket.socket().bind(("127.0.0.1", 0)))
attempt("gethostbyname", lambda: socket.gethostbyname("example.com"))
attempt("gethostbyname_ex", lambda: socket.gethostbyname_ex("example.com"))
attempt("gethostbyaddr", lambda: socket.gethostbyaddr("192.0.2.1"))
attempt("getaddrinfo", lambda: socket.getaddrinfo("example.com", 80))
attempt("netlink", lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW))
attempt("from a descriptor", lambda: socket.socket(fileno=0))
one, two = socket.socketpair()
one.sendall(b"hi")
print("unix", two.recv(2) == b"hi")
print("switches", os.environ.get("HF_HUB_OFFLINE"), os.environ.get("ORT_DISABLE_TELEMETRY"),
      os.environ.get("DO_NOT_TRACK"))
"""

REFUSED = ("urllib", "tcp", "udp", "raw _socket", "loopback tcp", "gethostbyname",
           "gethostbyname_ex", "gethostbyaddr", "getaddrinfo", "netlink", "from a descriptor")


def test_every_network_socket_and_lookup_is_refused_and_local_sockets_are_not():
    out = subprocess.run([sys.executable, "-c", GUARDED], capture_output=True, text=True,
                         timeout=60, check=True,
                         env={"PATH": "/usr/bin:/bin", "ORT_DISABLE_TELEMETRY": "0"}).stdout
    for name in REFUSED:
        assert f"{name} refused True" in out, out
    assert "ALLOWED" not in out
    assert "unix True" in out
    # the user's environment cannot switch telemetry back on
    assert "switches 1 1 1" in out


def test_the_front_end_blocks_the_network_at_start_up():
    code = ("from app.cli import main\nfrom app.core import offline\ntry:\n"
            "    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(offline.network_blocked())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip().endswith("True"), out.stderr


def test_the_window_s_sound_and_bus_stay_on_this_computer(tmp_path):
    from app.core.offline import local_desktop_only

    remote = {"PULSE_SERVER": "tcp:10.1.2.3:4713", "DBUS_SESSION_BUS_ADDRESS":
              "tcp:host=10.1.2.3,port=5000", "DISPLAY": ":0"}
    local_desktop_only(tmp_path / "cache", remote)
    assert "PULSE_SERVER" not in remote and "DBUS_SESSION_BUS_ADDRESS" not in remote
    conf = Path(remote["PULSE_CLIENTCONFIG"]).read_text()
    assert "autospawn = no" in conf and "auto-connect-display = no" in conf
    assert remote["QT_DISABLE_SHADER_DISK_CACHE"] == "1" and remote["DISPLAY"] == ":0"
    here = {"PULSE_SERVER": "unix:/run/user/1000/pulse/native",
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    local_desktop_only(tmp_path / "cache", here)
    assert here["PULSE_SERVER"] == "unix:/run/user/1000/pulse/native"
    assert here["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1000/bus"
    mixed = {"PULSE_SERVER": "unix:/run/user/1000/pulse/native tcp:192.0.2.7"}
    local_desktop_only(tmp_path / "cache", mixed)
    assert "PULSE_SERVER" not in mixed
