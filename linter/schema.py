"""Load a JSON Schema once, refuse anything remote, and turn its errors into exact findings."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from linter.document import Document, Target, join_pointer, pointer_from_path
from linter.fast_schema import NATIVE_FORMATS, FastValidator, build_fast_validator, compiled_pattern_search
from linter.findings import Problem
from linter.schema_messages import describe
from linter.schema_safety import find_problem

if TYPE_CHECKING:  # python jsonschema is imported only when a document needs its messages
    import referencing
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

DEFAULT_SCHEMA_NAME = "article.schema.json"

# Keywords that only annotate: they never make or hide an error.
_ANNOTATIONS = frozenset(
    {"$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"}
)
# Root keywords that never look at what `properties` found (no `unevaluatedProperties`, no
# applicators that could reach the root's subschemas by dynamic scope): with only these, a
# root's errors can be split by top-level key (see SchemaChecker.errors).
_SPLITTABLE_ROOT = _ANNOTATIONS | {
    "$schema",
    "$id",
    "$defs",
    "definitions",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "minProperties",
    "maxProperties",
}
# Keywords of a top-level list property whose items can be split as well: only `items` looks
# at single items (2020-12 `items`: one schema for every item).
_SPLITTABLE_LIST = _ANNOTATIONS | {"type", "items", "minItems", "maxItems", "uniqueItems"}
_MAX_PRUNED = 256


class SchemaError(Exception):
    """The schema cannot be used; the CLI prints it as one line and exits 2."""


def default_schema_path() -> Path:
    """The shipped schema: inside the installed package, or at the top of a source checkout."""
    packaged = resources.files("linter").joinpath("schemas").joinpath(DEFAULT_SCHEMA_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "schemas" / DEFAULT_SCHEMA_NAME


class SchemaChecker:
    """Validates documents: the compiled pre-screen first, python `jsonschema` for the messages.

    For the shipped schema (checked by the test suite, no `$ref` to other files, only formats
    the compiled checker handles) the python validator is built on first need: most runs never
    need it, and importing and building it costs ~80 ms of a one-file run.
    """

    def __init__(
        self,
        path: Path,
        schema: dict[str, Any],
        fast: FastValidator | None,
        fingerprint: str,
        validator: Validator | None = None,
    ) -> None:
        self.path = path
        self.schema = schema
        self.fast = fast
        self.fast_is_valid = fast.is_valid if fast is not None else None
        #: Hash of the schema and every file it refers to (part of the result-cache key).
        self.fingerprint = fingerprint
        self._validator = validator
        self._splittable = _splittable(schema)
        self._split_lists = _split_lists(schema) if self._splittable else frozenset()
        self._pruned: dict[frozenset[Any], Validator] = {}

    @property
    def validator(self) -> Validator:
        if self._validator is None:
            self._validator = _python_validator(self.schema, self.path, {self.path.name: self.schema})
        return self._validator

    def check(self, document: Document) -> Iterator[Problem]:
        if self.fast_is_valid is not None and self.fast_is_valid(document.data):
            return
        for error in self.errors(document.data):
            yield from _problems(error, document)

    def errors(self, data: Any) -> Iterator[ValidationError]:
        """Python's errors for a document the fast path rejected, in python's order.

        The whole-document pass costs ~1-2 ms, mostly spent proving the valid parts valid. A
        part the compiled validator finds no error in cannot hold a python error (the fast path
        never accepts what python rejects). So for a root that is a plain object schema python
        validates the same schema with the subschemas of the accepted top-level keys set to
        `true`, and, in a plain list property, `items` turned into `prefixItems` that check only
        the rejected items: same validator, keywords in the same order, the same errors (only
        their schema paths name `prefixItems`; no message uses them).
        """
        validator = self.validator
        if self._splittable and self.fast is not None and isinstance(data, dict):
            rejected = self.fast.rejected(data)
            if rejected is not None:
                validator = self._pruned_validator(validator, rejected)
        return validator.iter_errors(data)

    def _pruned_validator(self, validator: Validator, rejected: dict[Any, set[Any]]) -> Validator:
        split_lists = self._split_lists if "prefixItems" in validator.VALIDATORS else frozenset()
        cache_key = frozenset(
            (key, frozenset(below) if key in split_lists else None) for key, below in rejected.items()
        )
        pruned = self._pruned.get(cache_key)
        if pruned is None:
            if len(self._pruned) >= _MAX_PRUNED:
                self._pruned.clear()
            properties = self.schema["properties"]
            # `$schema` would make evolve pick the stock class for that dialect, dropping the
            # bounded pattern keywords; without it evolve keeps this validator's class. `$ref`s
            # still resolve against the whole schema: evolve keeps the resolver.
            root = {key: value for key, value in self.schema.items() if key != "$schema"}
            root["properties"] = {
                key: (
                    True
                    if key not in rejected
                    else _only_items(properties[key], rejected[key])
                    if key in split_lists
                    else properties[key]
                )
                for key in properties
            }
            pruned = self._pruned[cache_key] = validator.evolve(schema=root)
        return pruned


def load_schema(path: Path | None, fast: bool = True) -> SchemaChecker:
    schema_path = (path or default_schema_path()).resolve()
    schema = _read_json(schema_path)
    if not isinstance(schema, dict):
        raise SchemaError(f"{schema_path}: a schema must be a JSON object")
    loaded: dict[str, Any] = {schema_path.name: schema}
    if fast and _trusted(schema_path, schema):
        compiled = build_fast_validator(schema, schema_path, None)
        if compiled is not None:
            return SchemaChecker(schema_path, schema, compiled, _fingerprint(loaded))
    validator = _python_validator(schema, schema_path, loaded)
    problem = find_problem(loaded)
    if problem is not None:
        raise SchemaError(f"{schema_path}: {problem}")
    compiled = build_fast_validator(schema, schema_path, validator.FORMAT_CHECKER) if fast else None
    return SchemaChecker(schema_path, schema, compiled, _fingerprint(loaded), validator)


def _splittable(schema: dict[str, Any]) -> bool:
    """A root whose errors SchemaChecker.errors may split by top-level key: an object schema
    of plain keywords whose `properties` are the only subschemas reached through that key."""
    return isinstance(schema.get("properties"), dict) and schema.keys() <= _SPLITTABLE_ROOT


def _split_lists(schema: dict[str, Any]) -> frozenset[str]:
    """Top-level list properties whose items SchemaChecker.errors may split."""
    return frozenset(
        key
        for key, subschema in schema["properties"].items()
        if isinstance(subschema, dict)
        and isinstance(subschema.get("items"), (dict, bool))
        and subschema.keys() <= _SPLITTABLE_LIST
    )


def _only_items(subschema: dict[str, Any], below: set[Any]) -> dict[str, Any]:
    """`subschema` with `items` checking only the items at the indices in `below`, in place.

    An error at the list itself (None in `below`) keeps `items` whole: the compiled validator
    might have reported an item's error there."""
    if None in below:
        return subschema
    indices = [step for step in below if isinstance(step, int)]
    prefix = [subschema["items"] if index in below else True for index in range(max(indices, default=-1) + 1)]
    return {
        ("prefixItems" if key == "items" else key): (prefix if key == "items" else value)
        for key, value in subschema.items()
    }


def _trusted(schema_path: Path, schema: dict[str, Any]) -> bool:
    """The shipped schema, unchanged in what lets its python validator wait (see SchemaChecker)."""
    if schema_path != default_schema_path().resolve():
        return False
    refs, formats = _refs_and_formats(schema)
    return all(ref.startswith("#") for ref in refs) and formats <= NATIVE_FORMATS


def _refs_and_formats(schema: Any) -> tuple[set[str], set[str]]:
    refs: set[str] = set()
    formats: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str):
                    refs.add(value)
                elif key == "format" and isinstance(value, str):
                    formats.add(value)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return refs, formats


def _fingerprint(loaded: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(loaded, sort_keys=True).encode()).hexdigest()


def _python_validator(schema: dict[str, Any], schema_path: Path, loaded: dict[str, Any]) -> Validator:
    """Check the schema (metaschema, every `$ref`, local files only) and build its validator;
    `loaded` receives every file read."""
    import jsonschema
    import referencing

    from linter.schema_keywords import with_bounded_patterns

    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    _check_against_metaschema(cls, schema, schema_path)
    retrieve = _local_retriever(schema_path.parent, loaded)
    registry: referencing.Registry[Any] = referencing.Registry(retrieve=retrieve)  # type: ignore[call-arg]
    search = compiled_pattern_search()
    validating_cls = with_bounded_patterns(cls, search) if search is not None else cls
    validator: Validator = validating_cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    _resolve_all_refs(validator, schema, schema_path)
    for name, contents in loaded.items():
        if name != schema_path.name:
            _check_against_metaschema(cls, contents, schema_path.parent / name)
    return validator


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read schema: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemaError(f"{path}: schema is not valid JSON: {exc}") from None


def _check_against_metaschema(cls: Any, schema: Any, path: Path) -> None:
    import jsonschema

    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as exc:
        where = pointer_from_path(exc.absolute_path) or "/"
        raise SchemaError(f"{path}: invalid schema at {where}: {exc.message}") from None


def _local_retriever(base: Path, loaded: dict[str, Any]) -> Any:
    """Resolve `$ref`s to files beside the schema; never touch the network."""

    import referencing
    import referencing.jsonschema

    def retrieve(uri: str) -> referencing.Resource[Any]:
        parts = urlsplit(uri)
        if parts.scheme not in ("", "file"):
            raise SchemaError(
                f"remote $ref {uri!r} refused: content-lint never fetches schemas; keep referenced schemas beside the main one"
            )
        target = (base / unquote(parts.path)).resolve()
        if base not in target.parents:
            raise SchemaError(f"$ref {uri!r} points outside the schema's folder {base}")
        contents = _read_json(target)
        loaded[target.relative_to(base).as_posix()] = contents
        return referencing.Resource.from_contents(
            contents, default_specification=referencing.jsonschema.DRAFT202012
        )

    return retrieve


def _resolve_all_refs(validator: Validator, schema: Any, path: Path) -> None:
    """Resolve every `$ref` now, so a broken one is a start-up error, not a mid-run crash."""
    import referencing.exceptions

    resolver = validator._resolver  # type: ignore[attr-defined]
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolver.lookup(ref)
                except SchemaError as exc:
                    raise SchemaError(f"{path}: {exc}") from None
                except referencing.exceptions.Unresolvable as exc:
                    raise SchemaError(f"{path}: {_unresolvable_reason(ref, exc)}") from None
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _unresolvable_reason(ref: str, exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, SchemaError):
            return str(cause)
        cause = cause.__cause__ or cause.__context__
    return f"cannot resolve $ref {ref!r}"


def _problems(error: ValidationError, document: Document) -> Iterator[Problem]:
    pointer = pointer_from_path(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        for key in _extra_keys(error):
            key_pointer = join_pointer(pointer, key)
            message = f"unknown key `{key}`: not allowed here (at {key_pointer})"
            yield Problem("FM100", message, document.locate(key_pointer, "key"), key_pointer)
        return
    target: Target = "key" if error.validator == "required" else "value"
    message = f"{describe(error, pointer)} (at {pointer or '/'})"
    yield Problem("FM100", message, document.locate(pointer, target), pointer)


def _extra_keys(error: ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    instance: Any = error.instance
    search = compiled_pattern_search() if patterns else None
    matches = search or (lambda pattern, key: re.search(pattern, key) is not None)
    return [key for key in instance if key not in known and not any(matches(p, key) for p in patterns)]
