"""What a rule declares (code, name, default severity, options, docs) and what it receives."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from linter.config.project_paths import ProjectPaths
from linter.findings import Problem
from linter.fixes import NodeFix
from linter.reading.document import Document, Target
from linter.records import NamedTuple
from linter.rules.fields import Binder, FieldView

DefaultSeverity = Literal["error", "warning", "off"]
_Record = TypeVar("_Record")


class Option(NamedTuple):
    """One configurable option: its TOML name, accepted Python type(s) and default, and the
    check of a value of the right type (yamllint's VALIDATE): what the value should be, or None
    when it will do."""

    name: str
    kind: type | tuple[type, ...]
    default: Any
    help: str
    check: Callable[[Any], str | None] | None = None

    def type_name(self) -> str:
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        names = {bool: "bool", int: "int", float: "number", str: "string", list: "list", dict: "table"}
        return " or ".join(names.get(k, k.__name__) for k in kinds)


def zero_or_more(value: float) -> str | None:
    return "zero or more" if value < 0 else None


def settings_record(record: Callable[..., _Record], settings: Mapping[str, Any]) -> _Record:
    """A rule's checked settings as the typed record declared beside it (option `max-title` is
    its field `max_title`), built once per rule so that mypy checks every read of an option."""
    return record(**{name.replace("-", "_"): value for name, value in settings.items()})


class Violation(NamedTuple):
    """What a rule blames: a node (by JSON Pointer) and why. Never a line or column."""

    pointer: str
    message: str
    target: Target = "value"
    #: The node-level change that would remove the problem, when there is a sure one.
    fix: NodeFix | None = None


@functools.lru_cache(maxsize=1)
def default_binder() -> Binder:
    """The default preset's bindings, for rules built without a content type (tests, embedders)."""
    from linter.config.presets import DEFAULT_PRESET, preset_roles  # presets load tables: only when needed

    return Binder(preset_roles(DEFAULT_PRESET))


class RunContext:
    """Facts shared by every rule of one content type in one run: "now", the project root,
    the zone naive dates are read in, the type's name, the bindings of its roles and its
    schema. A plain class: a dataclass would import `dataclasses` at start-up."""

    __slots__ = (
        "binder",
        "case_insensitive_keys",
        "extra",
        "image_sizes",
        "now",
        "paths",
        "root",
        "schema",
        "type_name",
        "zone",
    )

    def __init__(
        self,
        now: datetime,
        root: str = ".",
        extra: Mapping[str, Any] | None = None,
        zone: tzinfo = timezone.utc,
        type_name: str = "",
        binder: Binder | None = None,
        schema: Any = None,
        case_insensitive_keys: bool = False,
        image_sizes: dict[Any, tuple[int, int] | None] | None = None,
        paths: ProjectPaths | None = None,
    ) -> None:
        self.now = now
        self.root = root
        self.extra: Mapping[str, Any] = {} if extra is None else extra
        self.zone = zone
        self.type_name = type_name
        self.binder = default_binder() if binder is None else binder
        #: The type's JSON Schema as loaded (FM101 reads the keys it declares); None: no schema.
        self.schema = schema
        #: Keys that differ only in case are one key (`case-insensitive-keys`).
        self.case_insensitive_keys = case_insensitive_keys
        #: Pixel sizes of image files read this run, by file stamp: one header read per image,
        #: however many pages name it (see rules/image_files.py).
        self.image_sizes: dict[Any, tuple[int, int] | None] = {} if image_sizes is None else image_sizes
        #: Where each file is in the project: one memo per run, shared by the engine and every
        #: type's rules (None given: one of its own, from `root`).
        self.paths = ProjectPaths(Path(root)) if paths is None else paths

    def project_path(self, path: str) -> str:
        """The path from the project root that every config pattern matches (ProjectPaths)."""
        return self.paths.of(path)


class Rule:
    """Base class. Subclasses set the class attributes; the docstring is the user documentation."""

    code: ClassVar[str]
    name: ClassVar[str]
    default_severity: ClassVar[DefaultSeverity] = "error"
    summary: ClassVar[str]
    options: ClassVar[tuple[Option, ...]] = ()
    #: Checks done by the reader or schema stage, listed for docs and selection only.
    builtin: ClassVar[bool] = False
    #: Reader failures that stop a file from being checked: `select` never hides them.
    fatal: ClassVar[bool] = False
    #: The severity an opt-in rule (default "off") gets when it is switched on.
    opt_in_severity: ClassVar[Literal["error", "warning"]] = "warning"
    #: Whether its findings carry a fix ("always", "sometimes" or "never") and of which kind
    #: ("safe": `--fix` applies it; "unsafe": it needs `--unsafe-fixes`), for `rule X`.
    fix_availability: ClassVar[Literal["always", "sometimes", "never"]] = "never"
    fix_safety: ClassVar[tuple[Literal["safe", "unsafe"], ...]] = ()

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        #: The value of every option by its name, as config writes it and the cache keys it.
        self.settings = {**self.defaults(), **settings}
        self.context = context

    def check(self, document: Document) -> Iterable[Violation]:
        return ()

    def fields(self, document: Document) -> FieldView:
        """The document as this rule's content type binds its roles: the only way rules read it."""
        binder = self.context.binder
        found: FieldView | None = document.memo.get(binder)  # as Binder.view: most rules ask again
        return found if found is not None else binder.view(document)

    @classmethod
    def documentation(cls) -> str:
        import inspect  # docs only: a check run never imports it

        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {option.name: option.default for option in cls.options}


class CorpusRule(Rule):
    """A rule that compares documents with each other (e.g. duplicate articles across files).

    `collect` returns small picklable facts per document; `judge` sees all facts at the end.
    Facts interact only through their `keys`: `judge` may report a file only together with
    files that share a key with it. That lets a run over 100,000 cached files decode the facts
    of the few files whose keys collide, not of all of them.
    """

    def collect(self, document: Document) -> Any:
        return None

    def keys(self, facts: Any) -> Iterable[str]:
        """What `facts` can match in other files (e.g. normalised article URLs)."""
        return ()

    def encode_facts(self, facts: Any) -> Any:
        """Facts as JSON values, for the result cache."""
        return facts

    def decode_facts(self, data: Any) -> Any:
        return data

    def judge(self, facts: Mapping[str, Any]) -> Iterable[tuple[str, Problem]]:
        """Problems per path; facts carry regions the document located at collect time."""
        return ()
