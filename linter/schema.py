"""Load a JSON Schema once, refuse anything remote, and turn its errors into exact findings."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import referencing
import referencing.exceptions
from jsonschema.protocols import Validator

from linter.document import Document, Target, join_pointer, pointer_from_path
from linter.fast_schema import IsValid, build_fast_validator, compiled_pattern_search
from linter.findings import Problem
from linter.schema_keywords import with_bounded_patterns
from linter.schema_messages import describe
from linter.schema_safety import find_problem

DEFAULT_SCHEMA_NAME = "article.schema.json"


class SchemaError(Exception):
    """The schema cannot be used; the CLI prints it as one line and exits 2."""


def default_schema_path() -> Path:
    """The shipped schema: inside the installed package, or at the top of a source checkout."""
    packaged = resources.files("linter").joinpath("schemas").joinpath(DEFAULT_SCHEMA_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "schemas" / DEFAULT_SCHEMA_NAME


@dataclass(frozen=True)
class SchemaChecker:
    path: Path
    schema: dict[str, Any]
    validator: Validator
    fast_is_valid: IsValid | None = None
    #: Hash of the schema and every file it refers to (part of the result-cache key).
    fingerprint: str = ""

    def check(self, document: Document) -> Iterator[Problem]:
        if self.fast_is_valid is not None and self.fast_is_valid(document.data):
            return
        for error in self.validator.iter_errors(document.data):
            yield from _problems(error, document)


def load_schema(path: Path | None, fast: bool = True) -> SchemaChecker:
    schema_path = (path or default_schema_path()).resolve()
    schema = _read_json(schema_path)
    if not isinstance(schema, dict):
        raise SchemaError(f"{schema_path}: a schema must be a JSON object")
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    _check_against_metaschema(cls, schema, schema_path)
    loaded: dict[str, Any] = {schema_path.name: schema}
    retrieve = _local_retriever(schema_path.parent, loaded)
    registry: referencing.Registry[Any] = referencing.Registry(retrieve=retrieve)  # type: ignore[call-arg]
    search = compiled_pattern_search()
    validating_cls = with_bounded_patterns(cls, search) if search is not None else cls
    validator = validating_cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    _resolve_all_refs(validator, schema, schema_path)
    for name, contents in loaded.items():
        if name != schema_path.name:
            _check_against_metaschema(cls, contents, schema_path.parent / name)
    problem = find_problem(loaded)
    if problem is not None:
        raise SchemaError(f"{schema_path}: {problem}")
    fast_is_valid = build_fast_validator(schema, schema_path, cls.FORMAT_CHECKER) if fast else None
    digest = hashlib.sha256(json.dumps(loaded, sort_keys=True).encode()).hexdigest()

    return SchemaChecker(schema_path, schema, validator, fast_is_valid, digest)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read schema: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemaError(f"{path}: schema is not valid JSON: {exc}") from None


def _check_against_metaschema(cls: Any, schema: Any, path: Path) -> None:
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as exc:
        where = pointer_from_path(exc.absolute_path) or "/"
        raise SchemaError(f"{path}: invalid schema at {where}: {exc.message}") from None


def _local_retriever(base: Path, loaded: dict[str, Any]) -> Any:
    """Resolve `$ref`s to files beside the schema; never touch the network."""

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


def _problems(error: jsonschema.ValidationError, document: Document) -> Iterator[Problem]:
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


def _extra_keys(error: jsonschema.ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    instance: Any = error.instance
    search = compiled_pattern_search() if patterns else None
    matches = search or (lambda pattern, key: re.search(pattern, key) is not None)
    return [key for key in instance if key not in known and not any(matches(p, key) for p in patterns)]
