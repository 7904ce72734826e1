"""SHA-256 of files: the key of a clip's review, and the proof a model is the one we tested."""

from __future__ import annotations

import functools
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


ABOVE_THE_SCAN = ("review", "redact")  # app/core's stages above the pipeline: no scan runs them


@functools.cache
def rules_digest() -> str:
    """A digest of the scan's own code: what a scan finds depends on its rules as much as on
    its models, and between two releases of one version (development, the benches) the rules
    change. The same code gives the same digest wherever it is installed."""
    return code_digest(Path(__file__).resolve().parent, ABOVE_THE_SCAN)


def code_digest(root: Path, skip: tuple[str, ...] = ()) -> str:
    """The digest of the modules under `root` (as source where they are shipped as source,
    else as compiled), but for the folders `skip` at its top. A frozen build keeps neither as
    files: its digest is then that of nothing, and its version tells its releases apart."""
    def modules(pattern: str) -> list[Path]:
        return sorted(p for p in root.rglob(pattern) if p.relative_to(root).parts[0] not in skip
                      and (pattern == "*.pyc" or "__pycache__" not in p.parts))

    files = modules("*.py") or modules("*.pyc")
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
