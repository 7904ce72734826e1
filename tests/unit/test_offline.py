"""The app refuses any connection off the machine, with a sentence, and still talks to itself."""

import subprocess
import sys

GUARDED = """
import socket, sys, urllib.request
from app.core.offline import block_network, NetworkRefused
block_network()
try:
    urllib.request.urlopen("http://example.com/", timeout=5)
except OSError as error:  # urllib wraps it in a URLError, whose text carries ours
    print("refused:", error)
try:
    socket.create_connection(("93.184.216.34", 80), timeout=5)
except NetworkRefused:
    print("refused by address")
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(1)
client = socket.create_connection(server.getsockname(), timeout=5)
print("local ok")
import os
print("hub offline:", os.environ.get("HF_HUB_OFFLINE"))
"""


def test_connections_off_the_machine_are_refused_and_local_ones_are_not():
    out = subprocess.run([sys.executable, "-c", GUARDED], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert "refused: " in out and "ClearToPost works offline" in out
    assert "refused by address" in out
    assert "local ok" in out and "hub offline: 1" in out


def test_the_front_end_blocks_the_network_at_start_up():
    code = ("import socket\nfrom app.cli import main\ntry:\n    main(['--version'])\n"
            "except SystemExit:\n    pass\n")
    probe = code + "print(getattr(socket.socket.connect, '_cleartopost_guard', False))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip().endswith("True"), out.stderr
