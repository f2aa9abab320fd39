"""A compiled pre-screen (jsonschema-rs): most documents are valid, and proving that in Rust is
~50x cheaper than in Python. Only documents it rejects go to python `jsonschema`, whose error
messages users know; so the fast path may only ever say "valid" when python would too.

Formats are the known point of disagreement (each library has its own checkers). For
`date-time` and `uri` the compiled checkers are used: they are at least as strict as python's
(tests/test_fast_schema.py checks it on generated strings; the one difference found is that
python's accept a trailing newline), and calling back into python for them cost ~80 µs of the
~95 µs a document took. Every other format is checked by python's own function, so both paths
agree by construction.

The same guarantee holds for every part of a document, which is what keeps rejected documents
cheap: a top-level key under which the compiled validator finds nothing cannot hold a python
error either, so python only needs to look at the places `rejected` names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from jsonschema import FormatChecker

IsValid = Callable[[Any], bool]
Rejected = Callable[[Any], "dict[Any, set[Any]] | None"]


@dataclass(frozen=True)
class FastValidator:
    """The compiled validator's verdict, and where in a rejected document its errors are."""

    is_valid: IsValid
    rejected: Rejected


# Formats whose compiled checker never accepts a value that python's rejects.
NATIVE_FORMATS = frozenset({"date-time", "uri"})


def build_fast_validator(
    schema: dict[str, Any], schema_path: Path, formats: FormatChecker | None
) -> FastValidator | None:
    """The compiled validator, or None where jsonschema-rs is missing or refuses.
    Without `formats` the schema must use only NATIVE_FORMATS (the caller checks)."""
    try:
        import jsonschema_rs
    except ImportError:  # no wheel for this platform: python jsonschema does everything
        return None
    checkers = {}
    if formats is not None:
        for name in formats.checkers:
            if name not in NATIVE_FORMATS:
                checkers[name] = _format_function(formats, name)
    try:
        validator = jsonschema_rs.validator_for(
            schema,
            formats=checkers,
            validate_formats=True,
            retriever=_retriever(schema_path.parent),
            base_uri=schema_path.as_uri(),
        )
    except Exception:  # an unsupported keyword or ref: correctness first, python validates all
        return None
    return FastValidator(_guarded(validator.is_valid), _rejected(validator.iter_errors))


def _format_function(formats: FormatChecker, name: str) -> Callable[[Any], bool]:
    def conforms(value: Any) -> bool:
        return formats.conforms(value, name)

    return conforms


def _retriever(base: Path) -> Callable[[str], Any]:
    """Local files beside the schema only (the python side has already resolved every ref)."""

    def retrieve(uri: str) -> Any:
        parts = urlsplit(uri)
        target = Path(unquote(parts.path)).resolve()
        if parts.scheme != "file" or base not in target.parents:
            raise ValueError(f"refusing to retrieve {uri}")
        import json

        return json.loads(target.read_text(encoding="utf-8"))

    return retrieve


def _guarded(is_valid: IsValid) -> IsValid:
    def check(instance: Any) -> bool:
        try:
            return bool(is_valid(instance))
        except Exception:  # e.g. an integer too large for Rust: let python judge it
            return False

    return check


def _rejected(iter_errors: Callable[[Any], Any]) -> Rejected:
    def rejected(instance: Any) -> dict[Any, set[Any]] | None:
        """The first instance-path step of every compiled error (errors of the root's own
        keywords have none), each with the second steps seen under it: list indices, keys,
        None for an error at the first step itself. None instead when the validator raised or,
        contradicting `is_valid`, found nothing: then only a whole-document check is safe."""
        places: dict[Any, set[Any]] = {}
        found = False
        try:
            for error in iter_errors(instance):
                found = True
                path = error.instance_path
                if path:
                    places.setdefault(path[0], set()).add(path[1] if len(path) > 1 else None)
        except Exception:  # e.g. a value the compiled validator cannot take
            return None
        return places if found else None

    return rejected


def compiled_pattern_search() -> Callable[[str, str], bool] | None:
    """`search(pattern, text)` on jsonschema-rs's regex engine (linear time for plain patterns,
    a backtracking limit for look-arounds), or None without jsonschema-rs.

    Python's `re` can backtrack for minutes on a hostile string; using one engine for both
    paths also means they agree on ECMA-262 details such as `$` before a final newline.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    compiled: dict[str, Any] = {}

    def search(pattern: str, text: str) -> bool:
        validator = compiled.get(pattern)
        if validator is None:
            if len(compiled) > 4096:
                compiled.clear()
            validator = compiled[pattern] = jsonschema_rs.validator_for(
                {"type": "string", "pattern": pattern}
            )
        try:
            return bool(validator.is_valid(text))
        except Exception:  # the backtracking limit was hit: treat as no match
            return False

    return search
