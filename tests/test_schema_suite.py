"""The official JSON Schema Test Suite (draft 2020-12 and draft 7, the cases whose instance is an
object, as front matter always is): our verdict, read through the public loader and a composed
document, equals the suite's, except the schemas REMOTE lists, refused by design.

The data is tests/data/json-schema-test-suite-objects.json (see tests/data/README.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from linter.reading.compose import Limits, compose_document
from linter.reading.frontmatter import FrontMatter, split_front_matter
from linter.schema.check import SchemaError, load_schema

SUITE_FILE = Path(__file__).parent / "data" / "json-schema-test-suite-objects.json"
SUITE = json.loads(SUITE_FILE.read_text("utf-8"))

DIALECTS = {
    "draft2020-12": "https://json-schema.org/draft/2020-12/schema",
    "draft7": "http://json-schema.org/draft-07/schema#",
}
# (draft, file, case description): cases whose schema refers to a remote document (the suite
# serves them at http://localhost:1234/). content-lint never fetches a schema, by design, so it
# refuses these schemas at start-up (exit status 2); each must be refused for exactly that reason.
REMOTE = {
    ("draft2020-12", "dynamicRef.json", "strict-tree schema, guards against misspelled properties"),
    ("draft2020-12", "dynamicRef.json", "tests for implementation dynamic anchor and reference link"),
    ("draft2020-12", "dynamicRef.json", "$ref and $dynamicAnchor are independent of order - $defs first"),
    ("draft2020-12", "dynamicRef.json", "$ref and $dynamicAnchor are independent of order - $ref first"),
    ("draft2020-12", "refRemote.json", "base URI change - change folder"),
    ("draft2020-12", "refRemote.json", "base URI change - change folder in subschema"),
    ("draft2020-12", "refRemote.json", "root ref in remote ref"),
    ("draft2020-12", "refRemote.json", "remote ref with ref to defs"),
    ("draft2020-12", "refRemote.json", "retrieved nested refs resolve relative to their URI not $id"),
    (
        "draft2020-12",
        "vocabulary.json",
        "schema that uses custom metaschema with with no validation vocabulary",
    ),
    ("draft7", "refRemote.json", "base URI change - change folder"),
    ("draft7", "refRemote.json", "base URI change - change folder in subschema"),
    ("draft7", "refRemote.json", "root ref in remote ref"),
    ("draft7", "refRemote.json", "remote ref with ref to definitions"),
    ("draft7", "refRemote.json", "retrieved nested refs resolve relative to their URI not $id"),
}


def _cases() -> list[Any]:
    return [
        pytest.param(draft, group, id=f"{draft}/{group['file']}/{group['description']}")
        for draft, groups in SUITE.items()
        for group in groups
    ]


def _front_matter(data: dict[str, Any]) -> FrontMatter:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"
    front = split_front_matter(text.encode("utf-8"), 1 << 20)
    assert isinstance(front, FrontMatter), data
    return front


def _with_dialect(draft: str, schema: Any) -> Any:
    """The suite names a case's draft by its folder; a schema file names it by `$schema`."""
    if isinstance(schema, dict) and "$schema" not in schema:
        return {"$schema": DIALECTS[draft], **schema}
    return schema


def test_the_suite_holds_both_drafts_and_only_object_instances():
    digest = hashlib.sha256(SUITE_FILE.read_bytes()).hexdigest()
    assert (
        digest == "433fea963020828ba610efffcc4c7c49c039a10bde1e677f6225dcad68663e39"
    )  # tests/data/README.md
    assert set(SUITE) == {"draft2020-12", "draft7"}
    instances = [test["data"] for groups in SUITE.values() for group in groups for test in group["tests"]]
    assert len(instances) > 700 and all(isinstance(data, dict) for data in instances)


@pytest.mark.parametrize(("draft", "group"), _cases())
def test_verdict_equals_the_suite(tmp_path, draft, group):
    remote = (draft, group["file"], group["description"]) in REMOTE
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(_with_dialect(draft, group["schema"])))
    if remote:
        with pytest.raises(SchemaError, match=r"remote \$ref 'http://localhost:1234/.*' refused"):
            load_schema(path)
        return
    checker = load_schema(path)
    verdicts = []
    for test in group["tests"]:
        document, _ = compose_document("a.md", _front_matter(test["data"]), Limits())
        assert document is not None and document.data == test["data"]
        verdicts.append((test["description"], not list(checker.check(document))))
    assert verdicts == [(test["description"], test["valid"]) for test in group["tests"]]
