"""SHA-256 of files: the key of a clip's review, and the proof a model is the one we tested."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class HashedFile:
    """A clip hashed once per session: its SHA-256 and what the file was when it was hashed
    (size, modification time, inode), so that "is it still the file that was scanned?" is
    asked of the file system instead of by reading the whole file again."""

    path: str  # absolute
    sha256: str
    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: str | Path) -> HashedFile:
        """Hash `path`. A file changed while it was hashed is never `unchanged()` after."""
        path = Path(path).resolve()
        before = path.stat()
        return cls(str(path), file_sha256(path), before.st_size, before.st_mtime_ns,
                   before.st_ino)

    def unchanged(self) -> bool:
        """Whether the file is still there with the size, time and inode it was hashed with."""
        try:
            now = os.stat(self.path)
        except OSError:
            return False
        return (now.st_size, now.st_mtime_ns, now.st_ino) == (self.size, self.mtime_ns,
                                                              self.inode)
