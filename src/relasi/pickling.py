"""Cheap pickling and construction for the small frozen records that packs hold by the ten thousand.

A slotted dataclass unpickles through `dataclasses._dataclass_setstate`, which calls `dataclasses.fields()` for
every object: most of the time a compiled pack takes to load from its cache. Pickled as its constructor call, the
same object costs one tuple.

A frozen dataclass's generated `__init__` stores each field with `object.__setattr__(self, name, value)`, a lookup
by name per field; the steps make some three hundred records per article (arguments, predicates, mentions), so
`slot_init` gives them an `__init__` that stores through the slots' own descriptors, in about half the time.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from types import MemberDescriptorType
from typing import TypeVar

T = TypeVar("T", bound=type)


def reduce_by_fields(cls: T) -> T:
    """Class decorator (above `@dataclass`): pickle instances as `cls(*field values)`; build them with `slot_init`."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):  # noqa: ANN001, ANN202 - pickle's protocol
        return (type(self), tuple(getattr(self, name) for name in names))

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return slot_init(cls)


def slot_init(cls: T) -> T:
    """Class decorator (above `@dataclass(frozen=True, slots=True)`): an `__init__` that does what the generated one
    does, storing each field through its slot descriptor. Other classes keep the generated one (`_plain`)."""
    found = fields(cls)
    descriptors = [cls.__dict__.get(f.name) for f in found]
    if not _plain(cls, found, descriptors):
        return cls
    namespace: dict[str, object] = {}
    params, body = [], []
    for number, (f, descriptor) in enumerate(zip(found, descriptors, strict=True)):
        namespace[f"_relasi_set{number}"] = descriptor.__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_relasi_default{number}"] = f.default
            params.append(f"{f.name}=_relasi_default{number}")
        body.append(f"    _relasi_set{number}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body)
    exec(source, namespace)  # noqa: S102 - built from the class's own field names, as dataclasses builds it
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = dict(getattr(cls.__init__, "__annotations__", {}))
    cls.__init__ = init
    return cls


def _plain(cls: type, found: tuple, descriptors: list) -> bool:
    """Whether `cls` is frozen, slotted, and has only plain fields: no default factory, no `__post_init__`, no
    keyword-only, init-less or InitVar fields (whose handling stays the generated `__init__`'s)."""
    return bool(found) and cls.__dataclass_params__.frozen and not hasattr(cls, "__post_init__") \
        and len(found) == len(cls.__dataclass_fields__) \
        and all(isinstance(d, MemberDescriptorType) for d in descriptors) \
        and not any(f.default_factory is not MISSING or not f.init or f.kw_only for f in found) \
        and not any(f.name == "self" or f.name.startswith("_relasi_") for f in found)
