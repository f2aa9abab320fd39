"""A fixed set of findings over two small files, and the offline SARIF schema validator."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry

from linter.findings import Finding

A_TEXT = """\
---
quality: 150
title: "50% off"
images:
  - width: 10
    height: 1000
---
"""
B_TEXT = """\
---
title: "Élysée: 東京 news"
webUrl: "htp://x"
---
"""
#: Every character the `github` format has to escape, in one message.
SPECIAL_MESSAGE = "50% off: a, b\nsecond line\rthird"

FINDINGS = [
    Finding(
        "content/a.md",
        2,
        10,
        2,
        13,
        "FM100",
        "schema",
        "error",
        "`quality` must be at most 100, got 150",
        "/quality",
    ),
    Finding("content/a.md", 3, 8, 3, 17, "FM100", "schema", "error", SPECIAL_MESSAGE, "/title"),
    Finding(
        "content/a.md",
        5,
        5,
        7,
        1,
        "FM302",
        "image-aspect-ratio",
        "warning",
        "image 10x1000 is too tall",
        "/images/0",
    ),
    Finding(
        "content/b.md",
        2,
        8,
        2,
        25,
        "FM508",
        "mojibake",
        "warning",
        "`title` « Élysée: 東京 » looks odd",
        "/title",
    ),
    Finding(
        "content/b.md",
        3,
        9,
        3,
        18,
        "FM401",
        "url-format",
        "error",
        '`webUrl` scheme "htp" is not http(s)',
        "/webUrl",
    ),
]
FILES = ("content/a.md", "content/b.md", "content/clean.md")
ERRORS, WARNINGS = 3, 2


Render = Callable[..., str]

SARIF_SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"


def _no_network(uri: str) -> Any:
    raise LookupError(f"the SARIF schema must resolve offline, not fetch {uri}")


#: The official schema is draft-04 and refers only to itself; formats (uri, date-time) are checked.
SARIF_VALIDATOR = Draft4Validator(
    json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")),
    format_checker=FormatChecker(),
    registry=Registry(retrieve=_no_network),
)


def sarif_schema_errors(log: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in SARIF_VALIDATOR.iter_errors(log)]
