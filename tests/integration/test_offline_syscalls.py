"""Offline, proved where it counts: in the system calls of a whole scan and redaction.

A Python-level guard cannot see native code (ONNX Runtime's telemetry, FFmpeg's protocols), so
these tests watch the process from outside with strace (Debian's strace, installed by
`make test`): any connect, sendto or sendmsg to an address off this computer fails the test, and
so does any file the process creates outside the app's own folders and the outputs it was asked
to write.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.clips import Caption, Utterance, make_clip
from tests.conftest import ROOT

pytestmark = pytest.mark.models

# `connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16)`
_SENDS = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\((.*)")
_DNS = re.compile(r"htons\(53\)")  # a name lookup, wherever it goes (127.0.0.53 forwards it)
_RESOLVERS = re.compile(r'sun_path="[^"]*(nscd|resolve)')  # lookups handed to a local daemon
_FAMILY = re.compile(r"sa_family=(AF_\w+)")
_ADDRESS = re.compile(r'inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"')
# `openat(AT_FDCWD, "/x/y", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 5`
_OPENS = re.compile(r'\bopenat\(\w+, "([^"]+)", ([A-Z_|]+)(?:, \d+)?\) = (\d+)')
_LOCAL_FAMILIES = {"AF_UNIX", "AF_LOCAL", "AF_NETLINK", "AF_UNSPEC"}


def off_machine_sends(trace: str) -> list[str]:
    """Lines of an strace log that send to an address that is not this computer."""
    bad = []
    for line in trace.splitlines():
        found = _SENDS.search(line)
        if not found:
            continue
        if _DNS.search(line) or _RESOLVERS.search(line):
            bad.append(line)
            continue
        family = _FAMILY.search(line)
        if family and family.group(1) in _LOCAL_FAMILIES:
            continue
        address = _ADDRESS.search(line)
        if family is None and address is None:
            continue  # a send on a connected socket: its connect was checked already
        if address and (address.group(1).startswith("127.") or address.group(1) == "::1"):
            continue
        bad.append(line)
    return bad


def files_written(trace: str) -> set[str]:
    """Paths the process opened successfully for writing."""
    return {m.group(1) for m in _OPENS.finditer(trace)
            if re.search(r"O_WRONLY|O_RDWR|O_CREAT", m.group(2))}


def test_the_trace_readers_see_what_they_must():
    """The parsers themselves, on lines in strace's own format (both sides)."""
    trace = "\n".join([
        '12 connect(7, {sa_family=AF_INET, sin_port=htons(53), '
        'sin_addr=inet_addr("10.0.0.2")}, 16) = 0',
        '12 sendto(8, "\\x01", 1, 0, {sa_family=AF_INET6, sin6_port=htons(443), '
        'inet_pton(AF_INET6, "2001:db8::1", &sin6_addr)}, 28) = 1',
        '12 connect(9, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0',
        '12 connect(9, {sa_family=AF_INET, sin_port=htons(80), '
        'sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        '12 sendto(9, "x", 1, MSG_NOSIGNAL, NULL, 0) = 1',
        '12 openat(AT_FDCWD, "/home/u/.cache/Microsoft/x", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3',
        '12 openat(AT_FDCWD, "/usr/lib/libc.so", O_RDONLY|O_CLOEXEC) = 4',
    ])
    assert len(off_machine_sends(trace)) == 2
    lookups = "\n".join([
        '12 connect(5, {sa_family=AF_INET, sin_port=htons(53), '
        'sin_addr=inet_addr("127.0.0.53")}, 16) = 0',
        '12 connect(6, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1',
    ])
    assert len(off_machine_sends(lookups)) == 2
    assert files_written(trace) == {"/home/u/.cache/Microsoft/x"}


@pytest.fixture(scope="module")
def short_clip(tmp_path_factory):
    """5 s, 320×568, 10 fps: a name on screen and a name and a room said (espeak-ng), so the
    scan runs every model: speech with voice activity, PP-OCR, faces, codes, voices."""
    folder = tmp_path_factory.mktemp("offline")
    return make_clip(
        folder / "clip.mp4", width=320, height=568, duration_s=5.0, fps=10,
        captions=[Caption("Patient: Margaret Olson", 0.5, 4.5, 10, 250, size=24,
                          category="name")],
        utterances=[Utterance("My patient Mr Fischer is in room 12.", 0.3,
                              planted=(("name", "Mr Fischer"),))],
    ).path


def test_a_scan_and_a_redaction_send_nothing_and_write_only_their_own_files(short_clip,
                                                                           tmp_path):
    assert shutil.which("strace"), "strace is missing: `make test` installs it (Debian)"
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "CLEARTOPOST_", "ORT_", "HF_", "DO_NOT_TRACK"))}
    env.update(HOME=str(home), TMPDIR=str(out))
    trace = tmp_path / "trace.txt"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=network,openat", "-o", str(trace),
         sys.executable, "-m", "app", "redact", str(short_clip), "--out", str(out / "copy.mp4"),
         "--include-open", "--json", str(out / "copy.json"), "--pdf", str(out / "review.pdf"),
         "--quiet"],
        capture_output=True, text=True, timeout=900, cwd=ROOT, env=env)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert (out / "copy.mp4").is_file() and (out / "review.pdf").is_file()
    log = trace.read_text(errors="replace")
    assert "openat(" in log  # the trace saw the process
    assert off_machine_sends(log) == []
    ours = [home / ".local/share/cleartopost", home / ".cache/cleartopost",
            home / ".config/cleartopost", out]
    elsewhere = sorted(p for p in files_written(log)
                       if not p.startswith(("/dev/", "/proc/"))
                       and not any(Path(p).is_relative_to(folder) for folder in ours))
    assert elsewhere == []
    left_in_home = [p for p in home.rglob("*") if p.is_file()]
    assert left_in_home and all(any(p.is_relative_to(f) for f in ours) for p in left_in_home)


def test_onnx_runtime_reports_nothing(tmp_path):
    """ONNX Runtime (PP-OCR, Silero VAD) keeps a device id and queued events under
    ~/.cache/Microsoft unless its telemetry is off before its first session."""
    code = ("from app.core.offline import block_network\nblock_network()\n"
            "import onnxruntime\n"
            "from app.core.model_files import PPOCR_DET_FILE, verify_file\n"
            "onnxruntime.InferenceSession(str(verify_file(PPOCR_DET_FILE, 'PP-OCR')),\n"
            "    providers=['CPUExecutionProvider'])\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORT_", "DO_NOT_TRACK"))}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**env, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")] == []


# A listener on the loopback address, in a process of its own (the test process may already
# carry the app's guard, which refuses even loopback TCP): it prints its port and writes a line
# to the file named by argv[1] for every connection it is offered.
RECORDER = """
import socketserver, sys
class Recorder(socketserver.BaseRequestHandler):
    def handle(self):
        with open(sys.argv[1], "a") as notes:
            notes.write("contact\\n")
server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Recorder)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@contextlib.contextmanager
def recorder(folder: Path):
    """(port, file of contacts) of a listener that notes every connection."""
    contacts = folder / "contacts.txt"
    server = subprocess.Popen([sys.executable, "-c", RECORDER, str(contacts)],
                              stdout=subprocess.PIPE, text=True)
    try:
        yield int(server.stdout.readline()), contacts
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_window_keeps_sound_and_messages_on_this_computer(short_clip, tmp_path):
    """A PulseAudio server or session bus named by a network address (a thin client's settings)
    would carry the clip's sound or the window's messages off the machine: the window, opened on
    a clip and scanning it, connects to neither."""
    with recorder(tmp_path) as (port, contacts):
        env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
               "PULSE_SERVER": f"tcp:127.0.0.1:{port}",
               "DBUS_SESSION_BUS_ADDRESS": f"tcp:host=127.0.0.1,port={port}"}
        env.pop("XDG_CACHE_HOME", None)
        done = subprocess.run([sys.executable, "-m", "app", "--screenshot",
                               str(tmp_path / "window.png"), str(short_clip)],
                              capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "window.png").is_file()
    assert not contacts.exists()
    assert not (tmp_path / ".cache" / "ClearToPost").exists()  # Qt's shader cache


def test_a_playlist_is_refused_without_opening_what_it_names(tmp_path):
    """An HLS playlist naming a segment on a (local, test-only) web server: the app says what it
    is and fetches nothing."""
    with recorder(tmp_path) as (port, contacts):
        playlist = tmp_path / "clip.m3u8"
        playlist.write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n"
                            f"http://127.0.0.1:{port}/segment0.ts\n#EXT-X-ENDLIST\n")
        done = subprocess.run([sys.executable, "-m", "app", "scan", str(playlist), "--quiet"],
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 2
    assert "playlist" in done.stderr and "never opens" in done.stderr
    assert not contacts.exists()
