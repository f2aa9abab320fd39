"""Rejected documents: python validates only the top-level keys the compiled validator rejected.

That must give exactly the problems (and order) of python on the whole document, the path users
know; every test here compares the split path with a checker that has no compiled validator.
"""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ARTICLE, EXAMPLES, SEED_DIR
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import mutate
from test_fast_schema import ARTICLES

from linter.compose import Limits, compose_document
from linter.document import Document
from linter.frontmatter import FrontMatter, split_front_matter
from linter.schema import SchemaChecker, load_schema

pytest.importorskip("jsonschema_rs")

CHECKER = load_schema(None)


def _whole_document(checker: SchemaChecker) -> SchemaChecker:
    """The same schema without the compiled validator: python sees the whole document."""
    return SchemaChecker(checker.path, checker.schema, None, checker.fingerprint, checker.validator)


WHOLE = _whole_document(CHECKER)


def _document(text: str) -> Document | None:
    front = split_front_matter(text.encode("utf-8", "surrogatepass"), 1 << 20)
    if not isinstance(front, FrontMatter):
        return None
    document, _ = compose_document("a.md", front, Limits())
    return document


def _from_data(data: dict[str, Any]) -> Document:
    unshared = json.loads(json.dumps(data))  # no YAML aliases for repeated objects
    document = _document("---\n" + yaml.safe_dump(unshared, allow_unicode=True, sort_keys=False) + "---\n")
    assert document is not None, data
    return document


def _problems(checker: SchemaChecker, document: Document) -> list[tuple[Any, ...]]:
    return [(p.code, p.message, p.pointer, p.region) for p in checker.check(document)]


def _schema_path(error: Any) -> list[Any]:
    """The schema path with the split's `prefixItems/<n>` read as the schema's `items`."""
    steps = list(error.absolute_schema_path)
    path: list[Any] = []
    while steps:
        step = steps.pop(0)
        if step == "prefixItems":
            steps.pop(0)
            step = "items"
        path.append(step)
    return path


def _errors(errors: Any) -> list[tuple[Any, ...]]:
    return [
        (list(e.absolute_path), e.validator, e.validator_value, e.message, _schema_path(e)) for e in errors
    ]


def assert_same(document: Document, checker: SchemaChecker = CHECKER, whole: SchemaChecker = WHOLE) -> None:
    """Same problems in the same order and, for a rejected document, the same python errors."""
    assert _problems(checker, document) == _problems(whole, document), json.dumps(document.data, default=str)
    assert checker.fast_is_valid is not None
    if not checker.fast_is_valid(document.data):
        assert _errors(checker.errors(document.data)) == _errors(whole.validator.iter_errors(document.data))


_JUNK = st.one_of(
    st.integers(-5, 205),
    st.integers(),  # also too large for Rust: the compiled validator raises
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.text(max_size=8),
    st.sampled_from(["https://a.example/", "2021-05-21T13:40:00Z", "a.example", "", "x\n"]),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["url", "name", "width", "x"]), st.integers(-1, 2), max_size=2),
)


def _places(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the document, the containers themselves included."""
    places: list[tuple[Any, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            places.extend((current, key) for key in current)
            stack.extend(current.values())
        elif isinstance(current, list):
            places.extend((current, index) for index in range(len(current)))
            stack.extend(current)
    return places


@st.composite
def damaged_articles(draw: Any) -> dict[str, Any]:
    """Generated articles with a few more values replaced, keys dropped or unknown keys added, at
    any depth: errors anywhere, often several under different top-level keys."""
    data = draw(ARTICLES)
    for _ in range(draw(st.integers(0, 3))):
        places = _places(data)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            container[key] = draw(_JUNK)
        elif action == "delete" and isinstance(container, dict):
            del container[key]
        elif isinstance(container, dict):
            container[draw(st.sampled_from(["autor", "extra", "x"]))] = draw(_JUNK)
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_articles())
def test_split_path_equals_whole_document_on_generated_documents(data):
    assert_same(_from_data(data))


def _fixture_texts() -> list[tuple[str, str]]:
    folders = [EXAMPLES / "content", EXAMPLES / "broken", *([SEED_DIR] if SEED_DIR.is_dir() else [])]
    texts = [("ARTICLE", ARTICLE)]
    for folder in folders:
        for path in sorted(Path(folder).glob("*")):
            if path.is_file():
                texts.append((path.name, path.read_text("utf-8", "surrogateescape")))
    return texts


def test_split_path_equals_whole_document_on_fixtures_and_their_mutations():
    rng = random.Random(20261126)
    compared = 0
    for _name, text in _fixture_texts():
        variants = [text.encode("utf-8", "surrogateescape")]
        variants += [mutate(variants[0], rng, rounds=rng.randint(1, 3)) for _ in range(15)]
        for variant in variants:
            document = _document(variant.decode("utf-8", "surrogateescape"))
            if document is not None:
                assert_same(document)
                compared += 1
    assert compared > 50


def _article_data(**changes: Any) -> dict[str, Any]:
    document = _document(ARTICLE)
    assert document is not None
    return {**document.data, **changes}


def test_only_the_rejected_keys_are_validated_by_python():
    data = _article_data(quality=150, autor="x")
    assert CHECKER.fast is not None
    assert CHECKER.fast.rejected(data) == {"quality": {None}}  # `autor` is the root's own error
    assert_same(_from_data(data))


@pytest.mark.parametrize("number", [10**30, -(10**30), 2**63, -(2**63) - 1, 1e308, 100.5])
def test_numbers_beyond_rust_integers(number):
    assert_same(_from_data(_article_data(quality=number, heat=number)))


def test_the_comparison_fails_when_the_split_skips_a_rejected_key():
    """The differential tests have teeth: a split told the wrong keys loses the finding."""
    assert CHECKER.fast is not None
    lying = dataclasses.replace(CHECKER.fast, rejected=lambda data: {})
    checker = SchemaChecker(CHECKER.path, CHECKER.schema, lying, CHECKER.fingerprint, CHECKER.validator)
    with pytest.raises(AssertionError):
        assert_same(_from_data(_article_data(quality=150)), checker)


def test_only_the_rejected_items_of_a_list_are_validated_by_python():
    item = {
        "title": "t",
        "publishedDateTime": "2021-05-21T13:40:00Z",
        "webUrl": "https://a.example/",
        "provider": {"name": "A", "domain": "a.example"},
    }
    related = [dict(item) for _ in range(5)]
    related[1]["quality"] = 150
    related[3]["images"] = [{"url": "https://a.example/i.jpg", "width": 0, "height": 1}]
    data = _article_data(related=related, topics=["ok", "", "fine", 7])
    assert CHECKER.fast is not None
    assert CHECKER.fast.rejected(data) == {"related": {1, 3}, "topics": {1, 3}}
    document = _from_data(data)
    assert [p.pointer for p in CHECKER.check(document)] == [
        "/topics/1",
        "/topics/3",
        "/related/1/quality",
        "/related/3/images/0/width",
    ]
    assert_same(document)


@pytest.mark.parametrize("images", ["not a list", [], [{"url": "https://a.example/", "width": 1}] * 3])
def test_list_level_errors_keep_every_item_checked(images):
    assert_same(_from_data(_article_data(images=images)))


def test_bounded_patterns_survive_the_split():
    """Python's `re` lets `$` match before a final newline; the split validator must keep the
    bounded pattern keywords (evolve with `$schema` would pick the stock class)."""
    data = _article_data(secured="QUJDREVGR0hJSktMTU5PUA==;MDEyMzQ1Njc4OWFiY2RlZg==\n")
    document = _from_data(data)
    assert [p.pointer for p in CHECKER.check(document)] == ["/secured"]
    assert_same(document)


def test_several_errors_keep_python_order():
    data = _article_data(quality="high", heat=-9, autor="x", images=[{"url": "ftp://x", "width": 0}])
    del data["title"]
    document = _from_data(data)
    assert len(_problems(CHECKER, document)) == 7
    assert_same(document)


@pytest.mark.parametrize(
    ("root", "split"),
    [
        ({"type": "object"}, True),
        ({"$schema": "http://json-schema.org/draft-04/schema#", "type": "object"}, True),
        ({"$schema": "http://json-schema.org/draft-07/schema#", "additionalProperties": False}, True),
        ({"allOf": [{"required": ["title"]}]}, False),
        ({"unevaluatedProperties": False}, False),
        ({"patternProperties": {"^x": {"type": "integer"}}}, False),
        ({"if": {"required": ["a"]}, "then": {"required": ["title"]}}, False),
    ],
)
def test_user_schemas(tmp_path, root, split):
    """Plain object roots of any draft are split; any other root keyword means the whole
    document goes to python, as before."""
    schema = {
        **root,
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "pattern": "^[A-Z]", "maxLength": 10},
            "tags": {"type": "array", "items": {"type": "string", "minLength": 2}},
        },
    }
    path = tmp_path / "user.schema.json"
    path.write_text(json.dumps(schema))
    checker = load_schema(path)
    whole = _whole_document(checker)
    assert checker._splittable is split
    for data in [
        {"title": "Ok", "tags": ["ab"]},
        {"title": "lower case and too long", "tags": ["ab", "c", 3]},
        {"tags": ["c"], "a": 1, "x1": "no"},
        {"title": "Ok\n", "tags": "ab"},
    ]:
        assert_same(_from_data(data), checker, whole)
