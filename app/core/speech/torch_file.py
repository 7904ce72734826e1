"""The tensors of a torch checkpoint, read without torch (numpy arrays by name).

Resemblyzer's `pretrained.pt` is in torch's legacy format: five pickles one after another (a
magic number, the format's version, facts about the saving machine, the checkpoint itself, the
list of its storages' keys), then each storage's raw bytes (its element count as a little-endian
int64, then the elements). The checkpoint pickle names tensors through three globals
(torch._utils._rebuild_tensor_v2, torch.FloatStorage, collections.OrderedDict) and its storages
through persistent ids. The unpickler here knows those and nothing else: a pickle naming any
other global (os.system, say) is refused before anything it names is looked up, so reading a
file can never run code. The file is also checked against its SHA-256 before it gets here.
"""

from __future__ import annotations

import pickle
import struct
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from app.core.errors import ModelError

_MAGIC = 0x1950A86A20F9469CFC6C  # torch's legacy-format magic number
_FORMAT_VERSION = 1001
_STORAGE_TYPES = {"FloatStorage": np.dtype("<f4")}


@dataclass
class _Storage:
    """A storage named in the checkpoint; its bytes come after the pickles."""

    key: str
    dtype: np.dtype
    numel: int
    data: np.ndarray | None = None


@dataclass(frozen=True)
class _Tensor:
    """A view into a storage, made into an array once the storages are read."""

    storage: _Storage
    offset: int
    size: tuple[int, ...]
    stride: tuple[int, ...]

    def array(self) -> np.ndarray:
        data = self.storage.data
        if data is None:
            raise ModelError(f"The voice model file is damaged (storage {self.storage.key} "
                             "is missing).")
        end = self.offset + sum((n - 1) * s for n, s in zip(self.size, self.stride,
                                                            strict=True)) + 1
        if self.offset < 0 or (all(self.size) and end > len(data)):
            raise ModelError("The voice model file is damaged (a tensor runs past its storage).")
        itemsize = data.dtype.itemsize
        return np.lib.stride_tricks.as_strided(
            data[self.offset:], shape=self.size,
            strides=tuple(s * itemsize for s in self.stride)).copy()


def _rebuild_tensor(storage: object, offset: int, size: Iterable[int], stride: Iterable[int],
                    *_requires_grad_hooks_metadata: object) -> _Tensor:
    if not isinstance(storage, _Storage):
        raise ModelError("The voice model file is damaged (a tensor without a storage).")
    return _Tensor(storage, int(offset), tuple(map(int, size)), tuple(map(int, stride)))


class _StorageType:
    def __init__(self, name: str) -> None:
        self.dtype = _STORAGE_TYPES[name]


class RefusedGlobal(ModelError):
    """A pickle named something other than the pieces of a tensor."""


class _TensorsOnly(pickle.Unpickler):
    """Rebuilds tensors and ordered dicts; refuses every other global."""

    def __init__(self, file: BinaryIO, storages: dict[str, _Storage]) -> None:
        super().__init__(file)
        self._storages = storages

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("collections", "OrderedDict"):
            return OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_TYPES:
            return _StorageType(name)
        raise RefusedGlobal(f"The model file names {module}.{name}, which is not part of a "
                            "tensor: it was not loaded (only tensors are read from it).")

    def persistent_load(self, pid: object) -> _Storage:
        if not (isinstance(pid, tuple) and len(pid) == 6 and pid[0] == "storage"
                and isinstance(pid[1], _StorageType) and pid[5] is None):
            raise ModelError(f"The model file holds something other than a plain storage "
                             f"({pid!r:.80}): it was not loaded.")
        _, kind, key, _location, numel, _view = pid
        if key not in self._storages:
            self._storages[key] = _Storage(str(key), kind.dtype, int(numel))
        return self._storages[key]


def _read_storages(handle: BinaryIO, storages: dict[str, _Storage], keys: Iterable[str]
                   ) -> None:
    for key in keys:
        storage = storages.get(key)
        if storage is None:
            raise ModelError("The model file is damaged (it lists a storage it never uses).")
        head = handle.read(8)
        count = struct.unpack("<q", head)[0] if len(head) == 8 else -1
        raw = handle.read(storage.numel * storage.dtype.itemsize) if count >= 0 else b""
        if count != storage.numel or len(raw) != storage.numel * storage.dtype.itemsize:
            raise ModelError("The model file is damaged (a storage is cut short).")
        storage.data = np.frombuffer(raw, dtype=storage.dtype)


def _arrays(tree: object) -> object:
    """The checkpoint with each tensor made into a numpy array."""
    if isinstance(tree, _Tensor):
        return tree.array()
    if isinstance(tree, dict):
        return {k: _arrays(v) for k, v in tree.items()}
    return tree


def load_tensors(path: Path) -> dict[str, Any]:
    """The checkpoint in `path` (torch's legacy format) with numpy arrays for tensors.

    Raises:
        RefusedGlobal: a pickle in it names anything other than the pieces of a tensor.
        ModelError: it is not a legacy torch file, or it is cut short.
    """
    storages: dict[str, _Storage] = {}
    with path.open("rb") as handle:
        def unpickle() -> Any:  # whatever the pickle holds, checked below
            try:
                return _TensorsOnly(handle, storages).load()
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as error:
                raise ModelError(f"The model file {path.name} is damaged ({error}).") from error

        if unpickle() != _MAGIC or unpickle() != _FORMAT_VERSION:
            raise ModelError(f"The model file {path.name} is not in torch's legacy format.")
        info = unpickle()
        if not isinstance(info, dict) or not info.get("little_endian"):
            raise ModelError(f"The model file {path.name} was saved big-endian.")
        checkpoint = unpickle()
        _read_storages(handle, storages, unpickle())
    arrays = _arrays(checkpoint)
    if not isinstance(arrays, dict):
        raise ModelError(f"The model file {path.name} holds no table of tensors.")
    return arrays
