"""Our record classes behave as typing.NamedTuple's do: each test checks ours against typing's."""

from __future__ import annotations

import copy
import pickle
import typing
from typing import Any

import pytest

from linter.findings import Finding
from linter.fixes import Edit, Fix
from linter.records import NamedTuple


class Point(NamedTuple):
    """A point on a page."""

    line: int
    column: int = 1
    label: str = "here"

    def moved(self, lines: int) -> Point:
        return self._replace(line=self.line + lines)


class TypingPoint(typing.NamedTuple):
    """A point on a page."""

    line: int
    column: int = 1
    label: str = "here"

    def moved(self, lines: int) -> TypingPoint:
        return self._replace(line=self.line + lines)


class Span(Point):
    """A record's subclass, as collections.namedtuple's recipes subclass one."""

    __slots__ = ()

    @property
    def width(self) -> int:
        return len(self.label)


class TypingSpan(TypingPoint):
    """A record's subclass, as collections.namedtuple's recipes subclass one."""

    __slots__ = ()

    @property
    def width(self) -> int:
        return len(self.label)


class Wide(NamedTuple):
    """More fields than any of our records but one (the settings) has."""

    f00: int
    f01: int
    f02: int
    f03: int
    f04: int
    f05: int
    f06: int
    f07: int
    f08: int
    f09: int
    f10: int
    f11: int
    f12: int
    f13: int
    f14: int
    f15: int
    f16: int
    f17: int = 17


class Labelled(NamedTuple):
    label: str

    def __repr__(self) -> str:
        return f"<{self.label}>"


class TypingLabelled(typing.NamedTuple):
    label: str

    def __repr__(self) -> str:
        return f"<{self.label}>"


class Empty(NamedTuple):
    pass


class TypingEmpty(typing.NamedTuple):
    pass


PAIRS = [(Point, TypingPoint), (Span, TypingSpan)]


def outcome(call: typing.Callable[[], Any]) -> tuple[str, str]:
    """What a call gives: its value's repr, or its exception's type and message."""
    try:
        return "value", repr(call())
    except Exception as error:
        return type(error).__name__, str(error).replace("Typing", "")


@pytest.mark.parametrize(("ours", "theirs"), PAIRS)
def test_construction_repr_equality_and_hash(ours: Any, theirs: Any) -> None:
    for args, kwargs in [
        ((3,), {}),
        ((3, 4, "x"), {}),
        ((), {"line": 3, "label": "x"}),
        ((3,), {"column": 9}),
    ]:
        mine, typed = ours(*args, **kwargs), theirs(*args, **kwargs)
        assert repr(mine) == repr(typed).replace("Typing", "")
        assert mine == typed == tuple(typed)
        assert hash(mine) == hash(typed)
    assert repr(ours(3)) == f"{ours.__name__}(line=3, column=1, label='here')"


@pytest.mark.parametrize(("ours", "theirs"), PAIRS)
@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {}),
        ((), {"column": 2}),
        ((1, 2, "x", 4), {}),
        ((1,), {"row": 2}),
        ((1,), {"line": 2}),
        ((1, 2), {"column": 3, "width": 1}),
    ],
)
def test_wrong_arguments_raise_the_same_errors(ours: Any, theirs: Any, args: Any, kwargs: Any) -> None:
    mine = outcome(lambda: ours(*args, **kwargs))
    assert mine[0] == "TypeError"
    assert mine == outcome(lambda: theirs(*args, **kwargs))


def test_the_missing_argument_message_names_the_class_and_field() -> None:
    with pytest.raises(
        TypeError, match=r"^Point\.__new__\(\) missing 1 required positional argument: 'line'$"
    ):
        Point()  # type: ignore[call-arg]


@pytest.mark.parametrize(("ours", "theirs"), PAIRS)
def test_replace_asdict_and_make(ours: Any, theirs: Any) -> None:
    mine, typed = ours(3), theirs(3)
    assert mine._replace(column=5) == typed._replace(column=5) == (3, 5, "here")
    assert type(mine._replace(column=5)) is ours
    assert mine._asdict() == typed._asdict() == {"line": 3, "column": 1, "label": "here"}
    assert ours._make([1, 2, "y"]) == theirs._make([1, 2, "y"])
    assert type(ours._make(iter([1, 2, "y"]))) is ours
    assert outcome(lambda: mine._replace(row=1)) == outcome(lambda: typed._replace(row=1))
    assert outcome(lambda: ours._make([1, 2])) == outcome(lambda: theirs._make([1, 2]))
    assert outcome(lambda: ours._make([1, 2])) == ("TypeError", "Expected 3 arguments, got 2")
    assert mine.moved(2) == typed.moved(2) == (5, 1, "here")


@pytest.mark.parametrize(("ours", "theirs"), PAIRS)
def test_class_attributes(ours: Any, theirs: Any) -> None:
    assert ours._fields == theirs._fields == ("line", "column", "label")
    assert ours._field_defaults == theirs._field_defaults == {"column": 1, "label": "here"}
    assert ours.__match_args__ == theirs.__match_args__
    assert ours.__doc__ == theirs.__doc__
    assert ours.line.__doc__ == theirs.line.__doc__ == "Alias for field number 0"
    assert ours.__mro__[-2:] == theirs.__mro__[-2:] == (tuple, object)
    assert list(ours.__annotations__) == list(theirs.__annotations__)
    assert ours.__qualname__ == theirs.__qualname__.replace("Typing", "")
    assert ours.__module__ == theirs.__module__ == __name__
    with pytest.raises(AttributeError):
        ours(3).line = 4
    with pytest.raises(AttributeError):
        ours(3).extra = 4


def test_a_method_of_the_class_body_replaces_the_generated_one() -> None:
    assert repr(Labelled("a")) == repr(TypingLabelled("a")) == "<a>"
    assert Labelled.__doc__ == TypingLabelled.__doc__.replace("Typing", "") == "Labelled(label,)"
    assert Labelled.__new__.__doc__ == TypingLabelled.__new__.__doc__.replace("Typing", "")


def test_a_record_without_a_docstring_documents_its_fields() -> None:
    assert Empty.__doc__ == "Empty()"
    assert Empty() == TypingEmpty() == ()
    assert repr(Empty()) == "Empty()"


@pytest.mark.parametrize(("ours", "theirs"), PAIRS)
def test_pickle_and_copy_round_trip(ours: Any, theirs: Any) -> None:
    for record in (ours(3, 4, "x"), theirs(3, 4, "x")):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(record, protocol))
            assert type(again) is type(record)
            assert again == record
        assert copy.copy(record) == copy.deepcopy(record) == record


def test_the_records_workers_send_back_round_trip() -> None:
    fix = Fix("safe", (Edit(1, 2, 1, 4, "ok"),), "swap")
    finding = Finding("a.md", 1, 2, 1, 4, "FM001", "rule", "error", "message", "/title", fix)
    again = pickle.loads(pickle.dumps(finding))
    assert again == finding
    assert type(again.fix) is Fix
    assert type(again.fix.edits[0]) is Edit


@pytest.mark.parametrize(("ours", "theirs"), PAIRS)
def test_match_positional_and_keyword_patterns(ours: Any, theirs: Any) -> None:
    def where(record: Any) -> str:
        match record:
            case Point(line, 1, label=label) | TypingPoint(line, 1, label=label):
                return f"{line} {label}"
            case Point(line, column) | TypingPoint(line, column):
                return f"{line}:{column}"
        return "none"

    assert where(ours(3)) == where(theirs(3)) == "3 here"
    assert where(ours(3, 7)) == where(theirs(3, 7)) == "3:7"
    assert where((3, 1, "here")) == "none"


def test_a_subclass_keeps_its_own_members() -> None:
    assert Span(3, label="abc").width == TypingSpan(3, label="abc").width == 3
    assert Span(3).moved(1) == Span(4)
    assert type(Span(3).moved(1)) is Span


def test_more_fields_than_the_ready_made_constructors() -> None:
    record = Wide(*range(17))
    assert record == tuple(range(18))
    assert record.f16 == 16
    assert Wide._field_defaults == {"f17": 17}
    assert outcome(lambda: Wide(*range(17), f17=1, f16=3)) == (
        "TypeError",
        "Wide.__new__() got multiple values for argument 'f16'",
    )
    assert outcome(lambda: Wide(*range(16))) == (
        "TypeError",
        "Wide.__new__() missing 1 required positional argument: 'f16'",
    )
    assert pickle.loads(pickle.dumps(record)) == record


def class_error(base: Any, body: str) -> tuple[str, str]:
    """The error a class statement with this body raises, on top of `base`."""
    namespace = {"base": base, "__name__": __name__}
    source = f"from __future__ import annotations\nclass Bad(base):\n    {body}\n"
    return outcome(lambda: exec(source, namespace))


@pytest.mark.parametrize(
    "body",
    [
        "a: int = 1; b: int",
        "a: int = 1; b: int = 2; c: int",
        "_a: int",
        "a: int\n    def _replace(self): pass",
        "a: int\n    _fields = ()",
        "a: int\n    __slots__ = ('x',)",
    ],
)
def test_invalid_class_bodies_raise_typings_errors(body: str) -> None:
    mine = class_error(NamedTuple, body)
    assert mine[0] != "value"
    assert mine == class_error(typing.NamedTuple, body)


def test_a_record_inherits_only_from_the_record_base() -> None:
    namespace = {"NamedTuple": NamedTuple, "__name__": __name__}
    source = "class Bad(NamedTuple, int):\n    a: int\n"
    assert outcome(lambda: exec(source, namespace)) == (
        "TypeError",
        "can only inherit from a NamedTuple type",
    )
    with pytest.raises(TypeError):  # its message differs between Python versions
        exec(source, {"NamedTuple": typing.NamedTuple})


@pytest.mark.parametrize("count", range(21))
def test_every_width_binds_its_fields_by_position_and_by_name(count: int) -> None:
    names = [f"f{index}" for index in range(count)]
    body = "".join(f"\n    {name}: int" for name in names) or "\n    pass"
    namespace: dict[str, Any] = {"NamedTuple": NamedTuple, "__name__": __name__}
    exec(f"from __future__ import annotations\nclass Rec(NamedTuple):{body}\n", namespace)
    record = namespace["Rec"]
    assert (
        record(*range(count)) == record(**dict(zip(names, range(count), strict=True))) == tuple(range(count))
    )
    assert [getattr(record(*range(count)), name) for name in names] == list(range(count))
    assert outcome(lambda: record(*range(count + 1)))[0] == "TypeError"
