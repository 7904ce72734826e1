"""Strip the debug symbols from a built package's compiled modules: about 250 MB of the folder
that nothing runs (spaCy's, CTranslate2's, PyAV's and thinc's extension modules carry them).

Run by `make package` after PyInstaller: `python packaging/strip_symbols.py dist/cleartopost`.
PyInstaller's own `strip=True` strips every library, and that breaks the ones auditwheel
vendored and patched into `*.libs/` folders (NumPy's OpenBLAS then fails to load: "ELF load
command address/offset not page-aligned"). So those are left alone, and every file stripped is
loaded again afterwards (in a child process, as the app would load it); one that no longer loads
gets its original back.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

LOAD = "import ctypes, sys; ctypes.CDLL(sys.argv[1])"


def candidates(folder: Path) -> list[Path]:
    """Shared objects of the package that are not in an auditwheel `*.libs` folder."""
    return sorted(p for p in folder.rglob("*.so*")
                  if p.is_file() and not p.is_symlink()
                  and not any(part.endswith(".libs") for part in p.relative_to(folder).parts))


def loads(path: Path) -> bool:
    done = subprocess.run([sys.executable, "-c", LOAD, str(path)], capture_output=True,
                          cwd=path.parent)
    return done.returncode == 0


def strip_one(path: Path, strip: str) -> int:
    """Bytes saved by stripping `path` (0 when stripping saved nothing or broke it)."""
    if not loads(path):  # it needs something only the app's start-up provides: leave it
        return 0
    before = path.stat().st_size
    backup = path.with_name(path.name + ".unstripped")
    shutil.copy2(path, backup)
    done = subprocess.run([strip, "--strip-unneeded", str(path)], capture_output=True)
    if done.returncode != 0 or not loads(path):
        shutil.move(backup, path)
        return 0
    backup.unlink()
    return before - path.stat().st_size


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/cleartopost").resolve()
    strip = shutil.which("strip")
    if strip is None:
        print("strip (binutils) is not installed: the package keeps its debug symbols")
        return 0
    saved = sum(strip_one(path, strip) for path in candidates(folder))
    print(f"stripped debug symbols: {saved / 1e6:.0f} MB saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
