"""The engine's frozen dataclasses as plain JSON values and back, field by field, by their
type annotations: what goes in comes out equal, or reading fails with a ValueError that says
where. Nothing is guessed: a missing or unknown field, a value of the wrong type or an unknown
enum value is refused (a saved scan read wrongly would be worse than a scan made again).

`shape(cls)` is a digest of the fields and types of `cls` and every dataclass inside it: a saved
value is read only by code whose dataclasses have the same shape (saved_scans.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from enum import Enum
from typing import Any

import numpy as np

Plain = None | bool | int | float | str | list[Any] | dict[str, Any]


def to_plain(value: object) -> Plain:
    """`value` (dataclasses, enums, tuples, dicts, numbers, strings, None) as JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return to_plain(value.value)
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return to_plain(value.item())
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"{type(value).__name__} cannot be saved as JSON")


def from_plain(kind: Any, data: Plain, where: str = "") -> Any:
    """The value of type `kind` that `to_plain` made `data` from.

    Raises:
        ValueError: `data` is not a `kind` (the message says where inside it).
    """
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(args, data, where)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass(kind, data, where)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError:
            raise ValueError(f"{where or 'value'}: {data!r} is not a {kind.__name__}") from None
    if origin is tuple:
        return _tuple(args, data, where)
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError(f"{where or 'value'}: expected an object")
        return {from_plain(args[0], k, f"{where}[{k}]"): from_plain(args[1], v, f"{where}[{k}]")
                for k, v in data.items()}
    return _scalar(kind, data, where)


def shape(kind: type) -> str:
    """A digest of the fields and their types of `kind` and of every dataclass inside it."""
    seen: dict[str, str] = {}
    _describe(kind, seen)
    text = "\n".join(f"{name}: {fields}" for name, fields in sorted(seen.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _dataclass(kind: type, data: Plain, where: str) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"{where or kind.__name__}: expected an object")
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    missing, unknown = set(names) - set(data), set(data) - set(names)
    if missing or unknown:
        raise ValueError(f"{where or kind.__name__}: fields missing {sorted(missing)}, "
                         f"unknown {sorted(unknown)}")
    return kind(**{n: from_plain(hints[n], data[n], f"{where}.{n}") for n in names})


def _union(args: tuple[Any, ...], data: Plain, where: str) -> Any:
    if data is None and type(None) in args:
        return None
    errors = []
    for arg in (a for a in args if a is not type(None)):
        try:
            return from_plain(arg, data, where)
        except ValueError as error:
            errors.append(str(error))
    raise ValueError("; ".join(errors) or f"{where}: unexpected null")


def _tuple(args: tuple[Any, ...], data: Plain, where: str) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise ValueError(f"{where or 'value'}: expected a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(from_plain(args[0], v, f"{where}[{i}]") for i, v in enumerate(data))
    if len(args) != len(data):
        raise ValueError(f"{where or 'value'}: expected {len(args)} items, not {len(data)}")
    return tuple(from_plain(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, data,
                                                                                 strict=True)))


def _scalar(kind: Any, data: Plain, where: str) -> Any:
    """str, bool, int, float (an int is a float too; a bool is neither), or None."""
    if kind is type(None) or kind is None:
        ok = data is None
    elif kind is bool:
        ok = isinstance(data, bool)
    elif kind is int:
        ok = isinstance(data, int) and not isinstance(data, bool)
    elif kind is float:
        ok = isinstance(data, int | float) and not isinstance(data, bool)
    elif kind is str:
        ok = isinstance(data, str)
    else:
        raise ValueError(f"{where or 'value'}: {kind!r} cannot be read from JSON")
    if not ok:
        raise ValueError(f"{where or 'value'}: {data!r} is not a {getattr(kind, '__name__', kind)}")
    return data


def _describe(kind: Any, seen: dict[str, str]) -> None:
    for arg in typing.get_args(kind):
        _describe(arg, seen)
    if not (dataclasses.is_dataclass(kind) and isinstance(kind, type)):
        if isinstance(kind, type) and issubclass(kind, Enum):
            seen[kind.__name__] = ",".join(str(m.value) for m in kind)
        return
    if kind.__name__ in seen:
        return
    hints = typing.get_type_hints(kind)
    seen[kind.__name__] = ", ".join(f"{f.name}: {hints[f.name]}" for f in dataclasses.fields(kind))
    for f in dataclasses.fields(kind):
        _describe(hints[f.name], seen)
