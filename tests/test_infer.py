"""Schema inference for `init`: the schema accepts its corpus and states only proven rules."""

from __future__ import annotations

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.adopting.infer import infer_schema


def posts(count: int) -> list[dict[str, object]]:
    return [
        {
            "title": f"Post {i}",
            "date": f"2024-01-{i + 1:02d}T10:00:00Z",
            "layout": ["post", "page"][i % 2],
            "weight": i * 10,
            "canonical": f"https://blog.example/posts/{i}/",
            "tags": [f"tag{i}", "shared"],
            "expires": "2030-01-01",
            "local": f"2019-01-{i + 1:02d} 10:00",
        }
        for i in range(count)
    ]


def validate(schema: dict[str, object], documents: list[dict[str, object]]) -> list[str]:
    """Errors from the engine content-lint runs, with formats checked as it checks them."""
    checker = jsonschema_rs.validator_for(schema, validate_formats=True)
    return [error.message for document in documents for error in checker.iter_errors(document)]


def test_required_formats_enums_and_ranges_are_proven_by_the_corpus():
    documents = posts(12)
    documents[0]["draft"] = True
    schema = infer_schema(documents).schema
    properties = schema["properties"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "draft" not in schema["required"]
    assert "title" in schema["required"]
    assert properties["date"]["format"] == "date-time"
    assert properties["expires"]["format"] == "date"
    assert properties["canonical"]["format"] == "uri"
    assert "format" not in properties["local"]  # zone-less: not RFC 3339, so no format
    assert properties["layout"]["enum"] == ["page", "post"]
    assert "enum" not in properties["tags"]["items"]  # tags are an open vocabulary
    assert (properties["weight"]["minimum"], properties["weight"]["maximum"]) == (0, 110)
    assert validate(schema, documents) == []


def test_too_few_files_prove_no_enum():
    schema = infer_schema(posts(4)).schema
    assert "enum" not in schema["properties"]["layout"]


def test_notes_say_why():
    documents = posts(20)
    for document in documents[:1]:
        del document["weight"]
    notes = infer_schema(documents).notes
    assert "/weight: in 19 of 20 files, so not required" in notes
    assert "/date: every value is an RFC 3339 date-time, so `format: date-time`" in notes
    assert "/layout: only 2 values, each used more than once, so an enum" in notes


def test_a_mix_of_types_stays_permissive():
    documents = [{"id": 1}, {"id": "one"}, {"id": None}]
    schema = infer_schema(documents).schema
    assert validate(schema, documents) == []
    assert validate(schema, [{"id": 2.5}]) != []


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=12),
    st.sampled_from(["2024-01-01", "2024-01-01T00:00:00Z", "https://a.example/", "x"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)
documents_strategy = st.lists(
    st.dictionaries(st.text(max_size=6), values, max_size=5), min_size=1, max_size=15
)


@settings(max_examples=150, deadline=None)
@given(documents_strategy)
def test_the_inferred_schema_accepts_every_document_it_was_inferred_from(documents):
    assert validate(infer_schema(documents).schema, documents) == []


@pytest.mark.parametrize("count", [0])
def test_an_empty_corpus_gives_an_object_schema(count):
    schema = infer_schema(posts(count)).schema
    assert schema["type"] == "object"
