"""The shipped schema and FM100 findings: formats really checked, exact positions, safe $refs."""

from __future__ import annotations

import json

import pytest
from helpers import ARTICLE, codes, column_of, line_of, lint_text

from linter.schema.check import SchemaError, default_schema_path, load_schema


def _schema_findings(tmp_path, text, **kwargs):
    return [f for f in lint_text(tmp_path, text, **kwargs) if f.code == "FM100"]


def test_shipped_schema_is_valid_2020_12():
    checker = load_schema(None)
    assert checker.schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert default_schema_path().name == "article.schema.json"


def test_bad_date_time_fails(tmp_path):
    text = ARTICLE.replace("publishedDateTime: 2024-04-02T09:30:00Z", "publishedDateTime: 2024-04-02 09:30")
    [finding] = _schema_findings(tmp_path, text)
    assert (finding.line, finding.column) == (
        line_of(text, "2024-04-02 09:30"),
        column_of(text, "2024-04-02 09:30"),
    )
    assert "date and time" in finding.message and finding.pointer == "/publishedDateTime"


def test_date_without_timezone_fails(tmp_path):
    text = ARTICLE.replace("2024-04-02T09:30:00Z", "2024-04-02T09:30:00")
    assert codes(_schema_findings(tmp_path, text)) == ["FM100"]


def test_bad_uri_fails(tmp_path):
    text = ARTICLE.replace(
        'webUrl: "https://www.coastline.example/news/sea-wall-approved"', 'webUrl: "https://exa mple.com/a b"'
    )
    [finding] = _schema_findings(tmp_path, text)
    assert finding.pointer == "/webUrl"
    assert "absolute URI" in finding.message
    assert (finding.line, finding.column) == (line_of(text, "exa mple"), column_of(text, '"https://exa'))


def test_unquoted_timestamp_is_a_string_and_valid(tmp_path):
    assert "publishedDateTime: 2024-04-02T09:30:00Z" in ARTICLE
    assert lint_text(tmp_path, ARTICLE) == []


def test_quality_maximum_message_and_position(tmp_path):
    text = ARTICLE.replace("quality: 50", "quality: 150")
    [finding] = _schema_findings(tmp_path, text)
    assert finding.message == "`quality` must be at most 100, got 150 (at /quality)"
    assert (finding.line, finding.column) == (line_of(text, "quality: 150"), 10)


def test_required_points_at_the_mapping_and_names_the_key(tmp_path):
    text = ARTICLE.replace("  domain: coastline.example\n", "")
    [finding] = _schema_findings(tmp_path, text)
    assert finding.message == "`provider` is missing the required key `domain` (at /provider)"
    assert (finding.line, finding.column) == (line_of(text, "provider:"), 1)


def test_required_at_top_level(tmp_path):
    text = ARTICLE.replace('title: "Harbour council approves new sea wall"\n', "")
    [finding] = _schema_findings(tmp_path, text)
    assert "the front matter is missing the required key `title`" in finding.message
    assert (finding.line, finding.column) == (2, 1)


def test_required_in_list_item_points_at_item(tmp_path):
    text = ARTICLE.replace("    width: 1200\n", "")
    [finding] = _schema_findings(tmp_path, text)
    assert "`images[0]` is missing the required key `width`" in finding.message
    assert (finding.line, finding.column) == (line_of(text, 'url: "https://cdn'), 5)


def test_additional_property_points_at_the_key(tmp_path):
    text = ARTICLE.replace("type: article\n", "type: article\nautor: Someone\n", 1)
    [finding] = _schema_findings(tmp_path, text)
    assert finding.message == "unknown key `autor`: not allowed here (at /autor)"
    assert (finding.line, finding.column, finding.end_column) == (line_of(text, "autor:"), 1, 6)


def test_nested_additional_property(tmp_path):
    text = ARTICLE.replace("    isCached: true\n", "    isCached: true\n    alt: text\n", 1)
    [finding] = _schema_findings(tmp_path, text)
    assert finding.pointer == "/images/0/alt"
    assert (finding.line, finding.column) == (line_of(text, "alt: text"), 5)


def test_wrong_type_message(tmp_path):
    text = ARTICLE.replace("published: true", "published: yes")
    [finding] = _schema_findings(tmp_path, text)
    assert finding.message == '`published` must be true or false, got "yes" (at /published)'


def test_secured_pattern(tmp_path):
    text = ARTICLE.replace(";fCmZ/a/lkyU81lSvTfrXFA==", "")
    assert [f.pointer for f in _schema_findings(tmp_path, text)] == ["/secured"]


def _write_schema(folder, schema, name="custom.schema.json"):
    path = folder / name
    path.write_text(json.dumps(schema))
    return path


def test_custom_schema_from_config(tmp_path):
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["slug"],
    }
    _write_schema(tmp_path, schema)
    [finding] = _schema_findings(tmp_path, "---\ntitle: x\n---\n", config={"schema": "custom.schema.json"})
    assert "`slug`" in finding.message


def test_local_ref_resolves_beside_the_schema(tmp_path):
    _write_schema(tmp_path, {"type": "string", "maxLength": 3}, "short.json")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "properties": {"title": {"$ref": "short.json"}},
    }
    _write_schema(tmp_path, schema)
    [finding] = _schema_findings(
        tmp_path, "---\ntitle: toolong\n---\n", config={"schema": "custom.schema.json"}
    )
    assert finding.pointer == "/title" and "at most 3 characters" in finding.message


def test_remote_ref_is_refused_without_fetching(tmp_path):
    schema = {"properties": {"title": {"$ref": "https://schemas.example/title.json"}}}
    path = _write_schema(tmp_path, schema)
    with pytest.raises(SchemaError, match=r"remote \$ref .* refused"):
        load_schema(path)


def test_ref_outside_the_schema_folder_is_refused(tmp_path):
    (tmp_path / "sub").mkdir()
    _write_schema(tmp_path, {"type": "string"}, "outside.json")
    path = _write_schema(tmp_path / "sub", {"properties": {"title": {"$ref": "../outside.json"}}})
    with pytest.raises(SchemaError, match="outside the schema's folder"):
        load_schema(path)


def test_invalid_schema_is_one_error(tmp_path):
    path = _write_schema(tmp_path, {"type": "strnig"})
    with pytest.raises(SchemaError, match="invalid schema at /type"):
        load_schema(path)


def test_schema_that_is_not_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(SchemaError, match="not valid JSON"):
        load_schema(path)


def test_each_missing_required_key_is_named_once(tmp_path):
    findings = _schema_findings(tmp_path, "---\ntitle: x\n---\n")
    assert sorted(f.message for f in findings) == [
        f"the front matter is missing the required key `{key}` (at /)"
        for key in sorted(["provider", "publishedDateTime", "webUrl"])
    ]
