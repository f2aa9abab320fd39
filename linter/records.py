"""`NamedTuple` for our records: typing's to the type checker, a cheaper class builder at run time.

`typing.NamedTuple` costs about 1 M instructions a class (each string annotation compiled into a
ForwardRef, then `collections.namedtuple` compiles a `__new__`), and a one-file run creates ~80
record classes. This builder makes the same class from the class body without compiling: its
`__new__` is a copy of a ready-made function of the same arity with the parameters renamed, so
binding, defaults, keyword arguments and their TypeErrors are CPython's own, and building an
instance costs what a namedtuple's does. Annotations stay as written (strings); only the class
syntax (`class Edit(NamedTuple):`) is supported, without Generic.
"""

from __future__ import annotations

import collections
import sys
from collections.abc import Callable, Iterable
from types import FunctionType
from typing import TYPE_CHECKING, Any

#: The field accessor collections.namedtuple uses (C on CPython, else its own property fallback).
_tuplegetter: Callable[[int, str], Any] = collections.__dict__["_tuplegetter"]

_tuple_new = tuple.__new__

# `__new__` for each arity as collections.namedtuple writes it; a class gets a copy with its names.
# fmt: off
_NEW_BY_ARITY: tuple[Callable[..., Any], ...] = (
    lambda _cls: _tuple_new(_cls, ()),
    lambda _cls, a: _tuple_new(_cls, (a,)),
    lambda _cls, a, b: _tuple_new(_cls, (a, b)),
    lambda _cls, a, b, c: _tuple_new(_cls, (a, b, c)),
    lambda _cls, a, b, c, d: _tuple_new(_cls, (a, b, c, d)),
    lambda _cls, a, b, c, d, e: _tuple_new(_cls, (a, b, c, d, e)),
    lambda _cls, a, b, c, d, e, f: _tuple_new(_cls, (a, b, c, d, e, f)),
    lambda _cls, a, b, c, d, e, f, g: _tuple_new(_cls, (a, b, c, d, e, f, g)),
    lambda _cls, a, b, c, d, e, f, g, h: _tuple_new(_cls, (a, b, c, d, e, f, g, h)),
    lambda _cls, a, b, c, d, e, f, g, h, i: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j, k: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m, n)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, p: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, p)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, p, q: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, p, q)),
    lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, p, q, r: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, p, q, r)),
)
# fmt: on

#: What an unknown field name given to `_replace` raises (a TypeError from Python 3.13 on).
_REPLACE_ERROR = TypeError if sys.version_info >= (3, 13) else ValueError

#: What typing.NamedTuple refuses in a class body, and what it keeps out of the class.
_PROHIBITED = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
    | {"_make", "_replace", "_asdict", "_source"}
)


def _signature(name: str, fields: tuple[str, ...]) -> str:
    """What collections.namedtuple documents a class with: `Edit(line, column, ...)`, `One(x,)`."""
    return f"{name}({', '.join(fields)}{',' if len(fields) == 1 else ''})"


def _new_function(name: str, fields: tuple[str, ...], defaults: tuple[Any, ...]) -> Any:
    """The class's `__new__`: a template's code with the field names, or compiled past 16 fields."""
    if len(fields) < len(_NEW_BY_ARITY):
        template: Any = _NEW_BY_ARITY[len(fields)]
        code = template.__code__.replace(co_varnames=("_cls", *fields))
        new: Any = FunctionType(code, template.__globals__, "__new__", defaults or None)
    else:  # as collections.namedtuple does: no record of ours is this wide on a hot path
        args = ", ".join(fields)
        new = eval(f"lambda _cls, {args}: _tuple_new(_cls, ({args},))", {"_tuple_new": _tuple_new})
        new.__name__, new.__defaults__ = "__new__", defaults or None
    new.__qualname__ = f"{name}.__new__"
    new.__doc__ = f"Create new instance of {_signature(name, fields)}"
    return new


def _methods(name: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """collections.namedtuple's methods, closed over this class's fields."""
    count = len(fields)
    repr_format = "(" + ", ".join(f"{field}=%r" for field in fields) + ")"

    def _make(cls: type[tuple[Any, ...]], iterable: Iterable[Any]) -> tuple[Any, ...]:
        result = _tuple_new(cls, iterable)
        if len(result) != count:
            raise TypeError(f"Expected {count} arguments, got {len(result)}")
        return result

    def _replace(self: tuple[Any, ...], /, **kwds: Any) -> tuple[Any, ...]:
        result: tuple[Any, ...] = self._make(map(kwds.pop, fields, self))  # type: ignore[attr-defined]
        if kwds:
            raise _REPLACE_ERROR(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self: tuple[Any, ...]) -> str:
        return self.__class__.__name__ + repr_format % self

    def _asdict(self: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(fields, self, strict=False))

    def __getnewargs__(self: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(self)

    methods: dict[str, Any] = {"_replace": _replace, "__repr__": __repr__, "_asdict": _asdict}
    methods["__getnewargs__"] = __getnewargs__
    if sys.version_info >= (3, 13):  # copy.replace()
        methods["__replace__"] = _replace
    for method in (_make, *methods.values()):
        method.__qualname__ = f"{name}.{method.__name__}"
    methods["_make"] = classmethod(_make)
    return methods


def _defaults(annotations: dict[str, Any], body: dict[str, Any]) -> tuple[Any, ...]:
    """The fields' defaults, with typing.NamedTuple's error for one that follows a default."""
    names: list[str] = []
    for field in annotations:
        if field in body:
            names.append(field)
        elif names:
            plural = "s" if len(names) > 1 else ""
            message = f"Non-default namedtuple field {field} cannot follow default field{plural}"
            raise TypeError(f"{message} {', '.join(names)}")
    return tuple(body[field] for field in names)


def _annotations(body: dict[str, Any]) -> dict[str, Any]:
    """The fields as annotated; strings under `from __future__ import annotations`, as ours are."""
    annotations: dict[str, Any] | None = body.get("__annotations__")
    if annotations is None and sys.version_info >= (3, 14):  # evaluated lazily (PEP 649): ask for them
        import annotationlib

        annotate = annotationlib.get_annotate_from_class_namespace(body)
        annotations = (
            annotationlib.call_annotate_function(annotate, annotationlib.Format.FORWARDREF)
            if annotate
            else None
        )
    return annotations or {}


def _record_class(name: str, body: dict[str, Any]) -> type:
    """typing.NamedTupleMeta's class, made by one type() call from the class body."""
    annotations = _annotations(body)
    fields = tuple(annotations)
    for field in fields:
        if field.startswith("_"):
            raise ValueError(f"Field names cannot start with an underscore: {field!r}")
    defaults = _defaults(annotations, body)
    namespace: dict[str, Any] = {"__doc__": _signature(name, fields), "__match_args__": fields}
    namespace.update(_methods(name, fields))
    for key in body.keys() & _PROHIBITED:
        raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
    namespace.update(body)  # the fields' defaults are replaced by the field properties below
    defaulted = fields[len(fields) - len(defaults) :]
    namespace.update(
        {"__slots__": (), "_fields": fields, "_field_defaults": dict(zip(defaulted, defaults, strict=True))}
    )
    new = namespace["__new__"] = _new_function(name, fields, defaults)
    new.__annotations__ = annotations
    for index, field in enumerate(fields):
        namespace[field] = _tuplegetter(index, sys.intern(f"Alias for field number {index}"))
    return type(name, (tuple,), namespace)


class _RecordMeta(type):
    """The metaclass `class Edit(NamedTuple):` runs: it returns a plain tuple subclass."""

    def __new__(cls, name: str, bases: tuple[type, ...], body: dict[str, Any]) -> Any:
        if bases != (_Record,):
            raise TypeError("can only inherit from a NamedTuple type")
        return _record_class(name, body)


_Record = type.__new__(_RecordMeta, "NamedTuple", (), {})

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:

    def NamedTuple(typename, fields=None, /, **kwargs):
        """Only the class syntax: `class Edit(NamedTuple):`."""
        raise TypeError("linter.records.NamedTuple supports only the class syntax")

    NamedTuple.__mro_entries__ = lambda bases: (_Record,)
