"""Cheap pickling for the small frozen records that packs hold by the ten thousand.

A slotted dataclass unpickles through `dataclasses._dataclass_setstate`, which calls `dataclasses.fields()` for
every object: most of the time a compiled pack takes to load from its cache. Pickled as its constructor call, the
same object costs one tuple.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TypeVar

T = TypeVar("T", bound=type)


def reduce_by_fields(cls: T) -> T:
    """Class decorator (above `@dataclass`): pickle instances as `cls(*field values)`."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):  # noqa: ANN001, ANN202 - pickle's protocol
        return (type(self), tuple(getattr(self, name) for name in names))

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return cls
