"""Files that may hold patient data: written atomically, readable by the user only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_private_atomically(path: Path, text: str | bytes) -> None:
    """Write `text` to `path` via a temporary file and a rename; user-only permissions.

    On any failure the temporary file is removed and `path` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        mode, encoding = ("wb", None) if isinstance(text, bytes) else ("w", "utf-8")
        with os.fdopen(handle, mode, encoding=encoding) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def private_by_default(folders: tuple[Path, ...] = ()) -> None:
    """Make everything this process creates from now on readable by the user only (umask
    0o077: files 0600, folders 0700), whoever creates it (Qt's settings file, a screenshot, a
    library's cache), and tighten the app's own folders and what is in them, which an older
    version may have left readable by others (settings.ini holds recent file names and the
    reviewer's name)."""
    os.umask(0o077)
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in (folder, *folder.rglob("*")):
            if path.is_symlink():
                continue
            try:
                path.chmod(0o700 if path.is_dir() else path.stat().st_mode & 0o700 or 0o600)
            except OSError:
                pass  # not ours to change: it stays as it is
