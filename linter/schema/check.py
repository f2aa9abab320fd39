"""Load a JSON Schema once, refuse anything remote, unbounded or looping, and turn the errors of
the one validator (jsonschema-rs, see validator.py) into exact findings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from linter.findings import Problem
from linter.fixes import Rewrite
from linter.hashes import blake2b
from linter.reading import pointers
from linter.reading.document import Document, Target
from linter.rules.slips import near_key
from linter.schema.engine import jsonschema_rs
from linter.schema.fixes import enum_fix, known_keys, zone_fix
from linter.schema.messages import describe, unexpected_keys
from linter.schema.safety import SchemaError as SchemaError
from linter.schema.safety import pattern_problem, read_schema_file, reference_loop
from linter.schema.validator import SchemaValidator, SchemaViolation, build_validator

DEFAULT_SCHEMA_NAME = "article.schema.json"
#: A remote resource the engine names in a refusal (searched only for a refused schema).
_REMOTE_RESOURCE = r"Resource '((?!file:)[a-zA-Z][a-zA-Z0-9+.-]*:[^']*)'"
# Kinds that name a key of the mapping at their path: they point at that key, not at the value.
_AT_KEY = frozenset({"additionalProperties", "unevaluatedProperties", "propertyNames"})


def default_schema_path() -> Path:
    """The shipped schema: inside the installed package, or at the top of a source checkout.
    A plain path (the schema is read as a file), so `importlib.resources` and what it loads
    (zipfile, tempfile, ~6 ms) stay out of every start-up."""
    here = Path(__file__).resolve()
    packaged = here.parents[1] / "schemas" / DEFAULT_SCHEMA_NAME
    return packaged if packaged.is_file() else here.parents[2] / "schemas" / DEFAULT_SCHEMA_NAME


class SchemaChecker:
    """Validates whole documents with the one validator and reports exactly the errors it found."""

    def __init__(self, path: Path, schema: Any, validator: SchemaValidator, fingerprint: str) -> None:
        self.path = path
        self.schema = schema
        self.validator = validator
        #: Hash of the schema and every file it refers to (part of the result-cache key).
        self.fingerprint = fingerprint

    def violations(self, data: Any) -> list[SchemaViolation]:
        """Every error of `data`; none when the document is valid."""
        return [] if self.validator.is_valid(data) else self.validator.violations(data)

    def check(self, document: Document, zone: tzinfo | None = None) -> Iterator[Problem]:
        """Problems at their places; `zone` (the configured one) lets a zone-less date-time get
        an unsafe fix."""
        for violation in self.violations(document.data):
            yield from _problems(violation, document, self.schema, zone)


def load_schema(path: Path | None) -> SchemaChecker:
    """The checker for the schema at `path` (default: the shipped one); SchemaError when the
    schema is unreadable, invalid, remote, unbounded or loops."""
    schema_path = (path or default_schema_path()).resolve()
    schema = read_schema_file(schema_path)
    if not isinstance(schema, (dict, bool)):
        raise SchemaError(f"{schema_path}: a schema must be a JSON object or a boolean")
    loaded: dict[str, Any] = {schema_path.as_uri(): schema}
    refused: list[str] = []
    try:
        validator = build_validator(
            schema, schema_path.as_uri(), _local_retriever(schema_path.parent, loaded, refused)
        )
    except jsonschema_rs.ValidationError as exc:
        raise SchemaError(f"{schema_path}: {refused[0] if refused else _schema_error(exc)}") from None
    for uri, contents in loaded.items():
        _check_against_metaschema(uri, contents)
    problem = pattern_problem(loaded) or reference_loop(loaded)
    if problem is not None:
        raise SchemaError(f"{schema_path}: {problem}")
    return SchemaChecker(schema_path, schema, validator, _fingerprint(schema_path, loaded))


def _schema_error(exc: Any) -> str:
    """One line for a schema the engine refused: where in the schema, and why."""
    first_line = str(exc.message).splitlines()[0] if exc.message else "cannot use this schema"
    if type(exc.kind).__name__ == "Referencing":
        remote = re.search(_REMOTE_RESOURCE, first_line)
        if remote is not None:  # e.g. a `$dynamicRef`, which the engine resolves without the retriever
            return f"remote reference {remote.group(1)!r} refused: content-lint never fetches schemas"
        return f"cannot resolve a reference: {first_line}"
    where = pointers.from_path(exc.instance_path) or "/"
    if exc.kind.name == "format":  # the wording python `jsonschema` users know
        first_line = f"{exc.instance!r} is not a {exc.kind.as_dict()['format']!r}"
    return f"invalid schema at {where}: {first_line}"


def _check_against_metaschema(uri: str, contents: Any) -> None:
    try:
        jsonschema_rs.meta.validate(contents)
    except jsonschema_rs.ValidationError as exc:
        raise SchemaError(f"{unquote(urlsplit(uri).path)}: {_schema_error(exc)}") from None
    except Exception as exc:  # an unknown `$schema`: the engine already accepted or refused it
        del exc


def _fingerprint(schema_path: Path, loaded: dict[str, Any]) -> str:
    base = schema_path.parent.as_uri() + "/"
    named = {uri.removeprefix(base): contents for uri, contents in loaded.items()}
    return blake2b(json.dumps(named, sort_keys=True).encode(), digest_size=16).hexdigest()


def _local_retriever(base: Path, loaded: dict[str, Any], refused: list[str]) -> Any:
    """Resolve references to files beside the schema; never touch the network. A refusal is
    kept in `refused`: the engine wraps the exception in a message of its own."""

    def retrieve(uri: str) -> Any:
        parts = urlsplit(uri)
        if parts.scheme != "file":
            refused.append(
                f"remote $ref {uri!r} refused: content-lint never fetches schemas; keep referenced schemas beside the main one"
            )
            raise ValueError(refused[-1])
        target = Path(unquote(parts.path)).resolve()
        if base not in target.parents:
            refused.append(f"$ref {uri!r} points outside the schema's folder {base}")
            raise ValueError(refused[-1])
        try:
            contents = read_schema_file(target)
        except SchemaError as exc:
            refused.append(str(exc))
            raise ValueError(str(exc)) from None
        loaded[target.as_uri()] = contents
        return contents

    return retrieve


def _problems(
    violation: SchemaViolation, document: Document, schema: Any, zone: tzinfo | None
) -> Iterator[Problem]:
    pointer = pointers.from_path(violation.path)
    if violation.keyword in _AT_KEY:
        known = known_keys(schema, violation) if violation.keyword == "additionalProperties" else []
        for key, message in unexpected_keys(violation):
            key_pointer = pointers.join(pointer, key)
            near = near_key(key, known)
            hint, fix = (
                ("", None)
                if near is None
                else (f"; did you mean `{near}`?", Rewrite(key_pointer, near, "unsafe", "key"))
            )
            yield Problem(
                "FM100",
                f"{message}{hint} (at {key_pointer})",
                document.locate(key_pointer, "key"),
                key_pointer,
                proposed=fix,
            )
        return
    target: Target = "key" if violation.keyword in ("required", "falseSchema") else "value"
    message = f"{describe(violation)} (at {pointer or '/'})"
    spec = enum_fix(violation, pointer) or zone_fix(violation, pointer, zone)
    if spec is not None and violation.keyword == "enum":
        message = f"{describe(violation)}; did you mean `{spec.value}`? (at {pointer or '/'})"
    yield Problem("FM100", message, document.locate(pointer, target), pointer, proposed=spec)
