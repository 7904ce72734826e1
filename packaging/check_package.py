"""Check a packaged build the way a clinician's computer would run it: no Python, no network.

Run by `make package` after PyInstaller: `python packaging/check_package.py dist/cleartopost`.

1. The folder is copied away from the project, so nothing of the source tree or its virtual
   environment can be picked up; it runs with an empty environment (PATH, HOME and a display
   only) and, when this is root with `unshare`, in a network namespace with no network at all.
2. `cleartopost scan` on the bundled sample clip must exit 1 (findings made) and print a finding
   for every item planted in the clip (resources/sample_clip.truth.json) by time and source.
3. `cleartopost --screenshot` under Xvfb must open the window, scan the sample and save a picture
   of it (out/package_window.png) that is window-sized and not blank.
Prints the folder's size; exits non-zero, with the reason, when anything fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NO_PLAYER = "No QtMultimedia backends found"
FINDING = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d)–(\d\d):(\d\d):(\d\d\.\d)\s+(\w+)\s+(\w+)")


def seconds(h: str, m: str, s: str) -> float:
    return int(h) * 3600 + int(m) * 60 + float(s)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def offline_prefix() -> list[str]:
    """`unshare -rn` gives the command a network namespace with only a downed loopback."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    print("note: unshare is not usable here, so the network was not cut off for the check")
    return []


def fail(message: str) -> int:
    print(f"PACKAGE CHECK FAILED: {message}", file=sys.stderr)
    return 1


def main() -> int:
    built = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "cleartopost").resolve()
    if not (built / "cleartopost").is_file():
        return fail(f"{built}/cleartopost does not exist; build it with `make package`.")
    print(f"package: {built} ({folder_size(built) / 1e9:.2f} GB)")
    sample = ROOT / "resources" / "sample_clip.mp4"
    truth = json.loads((ROOT / "resources" / "sample_clip.truth.json").read_text())

    with tempfile.TemporaryDirectory(prefix="cleartopost-package-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        app = Path(tmp) / "elsewhere" / "cleartopost"
        shutil.copytree(built, app, symlinks=True)
        clip = Path(tmp) / sample.name
        shutil.copy(sample, clip)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
        offline = offline_prefix()

        done = subprocess.run([*offline, str(app / "cleartopost"), "scan", str(clip)],
                              capture_output=True, text=True, env=env, timeout=900)
        print(done.stdout)
        if done.returncode != 1:
            return fail(f"scan exited {done.returncode}, not 1 (findings):\n{done.stderr}")
        found = []
        for line in done.stdout.splitlines():
            match = FINDING.match(line)
            if match:
                g = match.groups()
                found.append((seconds(*g[0:3]), seconds(*g[3:6]), g[6]))
        for planted in truth["planted"]:
            if not any(source == planted["source"] and start < planted["end_s"]
                       and planted["start_s"] < end for start, end, source in found):
                return fail(f"the packaged scan missed {planted}")
        print(f"scan: {len(found)} findings; all {len(truth['planted'])} planted items found")

        picture = ROOT / "out" / "package_window.png"
        picture.unlink(missing_ok=True)
        xvfb = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24"]
        shown = subprocess.run(
            [*xvfb, *offline, str(app / "cleartopost"), "--screenshot", str(picture), str(clip)],
            capture_output=True, text=True, env=env, timeout=900,
        )
        if shown.returncode != 0 or not picture.is_file():
            return fail(f"the window did not open and scan ({shown.returncode}):\n"
                        f"{shown.stdout}\n{shown.stderr}")
        if NO_PLAYER in shown.stderr:
            return fail(f"the window's video player did not start ('{NO_PLAYER}': a library "
                        f"Qt Multimedia's FFmpeg plugin needs is missing from the folder)")
        width, height, colours = picture_facts(picture)
        if width < 800 or height < 500 or colours < 50:
            return fail(f"{picture} does not look like the window ({width}×{height}, "
                        f"{colours} colours)")
        print(f"window: opened, scanned and pictured in {picture} ({width}×{height})")
    return 0


def picture_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and number of distinct colours, read with OpenCV (the checker's, not the
    package's)."""
    import cv2
    import numpy as np

    image = cv2.imread(str(path))
    if image is None:
        return 0, 0, 0
    colours = len(np.unique(image.reshape(-1, 3), axis=0))
    return image.shape[1], image.shape[0], colours


if __name__ == "__main__":
    os.umask(0o022)
    sys.exit(main())
