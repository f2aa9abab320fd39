"""The compiled pre-screen must agree with python jsonschema: never "valid" when python finds
an error (that would lose findings), and the same verdict on every fixture and generated document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ARTICLE, EXAMPLES, SEED_DIR
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.compose import Limits, compose_document
from linter.frontmatter import FrontMatter, read_front_matter
from linter.schema import load_schema

pytest.importorskip("jsonschema_rs")

CHECKER = load_schema(None)
FAST = CHECKER.fast_is_valid


def _python_valid(data) -> bool:
    return not any(True for _ in CHECKER.validator.iter_errors(data))


def _documents_from(folder: Path):
    for path in sorted(folder.glob("*")):
        front = read_front_matter(str(path), 1 << 20)
        if isinstance(front, FrontMatter):
            document, _ = compose_document(str(path), front, Limits())
            if document is not None:
                yield path.name, document.data


FIXTURES = [
    *_documents_from(EXAMPLES / "content"),
    *_documents_from(EXAMPLES / "broken"),
    *(_documents_from(SEED_DIR) if SEED_DIR.is_dir() else []),
]


def test_fast_path_is_active_with_the_shipped_schema():
    assert FAST is not None


@pytest.mark.parametrize(("name", "data"), FIXTURES, ids=[name for name, _ in FIXTURES])
def test_same_verdict_on_every_fixture(name, data):
    assert FAST(data) == _python_valid(data)


def _texts():
    return st.one_of(st.text(max_size=20), st.sampled_from(["", " ", "News", "a\nb", "x" * 300]))


def _dates():
    valid = st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))
    odd = st.sampled_from(
        [
            "2021-05-21",
            "2021-05-21T13:40:00",
            "2021-02-30T00:00:00Z",
            "2021-05-21T13:40:00+02:00",
            "2021-05-21t13:40:00z",
            "yesterday",
        ]
    )
    return st.one_of(valid, odd)


def _urls():
    good = st.from_regex(r"https?://[a-z]{1,8}\.example/[a-z0-9/-]{0,12}", fullmatch=True)
    odd = st.sampled_from(
        [
            "ftp://x.example/a",
            "https://",
            "https://a b.example/",
            "//x.example",
            "https://x.example/ü",
            "mailto:a@b.example",
            "https://[::1]/x",
        ]
    )
    return st.one_of(good, odd)


def _numbers():
    return st.one_of(
        st.integers(-3, 200),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.none(),
        st.text(max_size=3),
    )


_IMAGE = st.fixed_dictionaries(
    {"url": _urls(), "width": _numbers(), "height": _numbers()},
    optional={"isCached": st.one_of(st.booleans(), st.text(max_size=2))},
)
_PROVIDER = st.fixed_dictionaries(
    {
        "name": _texts(),
        "domain": st.one_of(st.from_regex(r"[a-z]{1,6}\.[a-z]{2,4}", fullmatch=True), _texts()),
    }
)
_RELATED = st.fixed_dictionaries(
    {"title": _texts(), "publishedDateTime": _dates(), "webUrl": _urls(), "provider": _PROVIDER},
    optional={
        "excerpt": _texts(),
        "quality": _numbers(),
        "images": st.lists(_IMAGE, max_size=2),
        "extra": _texts(),
    },
)
_SECURED = st.one_of(
    st.sampled_from(
        ["QUJDREVGR0hJSktMTU5PUA==;MDEyMzQ1Njc4OWFiY2RlZg==", "abc;def", "", "QUJD;MDEyMzQ1Njc4OWFiY2RlZg=="]
    ),
    st.text(alphabet="ABCDabcd0123+/=;", max_size=40),
)
ARTICLES = st.fixed_dictionaries(
    {"title": _texts(), "publishedDateTime": _dates(), "webUrl": _urls(), "provider": _PROVIDER},
    optional={
        "excerpt": _texts(),
        "originalUrl": _urls(),
        "quality": _numbers(),
        "heat": _numbers(),
        "published": st.one_of(st.booleans(), st.text(max_size=3)),
        "topics": st.lists(_texts(), max_size=3),
        "images": st.lists(_IMAGE, max_size=2),
        "related": st.lists(_RELATED, max_size=2),
        "secured": _SECURED,
        "autor": _texts(),
        "category": _texts(),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_same_verdict_on_generated_documents(data):
    python_valid = _python_valid(data)
    fast_valid = FAST(data)
    # Never "valid" when python would report something: that would silently drop findings.
    assert not (fast_valid and not python_valid), json.dumps(data)
    assert fast_valid == python_valid, json.dumps(data)


def test_shared_article_is_valid_on_both_paths():
    front = FrontMatter(ARTICLE.split("\n---\n")[0], 0)
    document, _ = compose_document("a.md", front, Limits())
    assert FAST(document.data) and _python_valid(document.data)


def test_dollar_before_a_final_newline_is_judged_the_same_on_both_paths():
    """Python's `re` lets `$` match before a final newline; ECMA-262 does not. Both paths match
    patterns with the same (bounded) engine, so they agree: the value is invalid."""
    data = {
        "title": "t",
        "publishedDateTime": "2021-05-21T13:40:00Z",
        "webUrl": "https://a.example/",
        "provider": {"name": "A", "domain": "a.example"},
    }
    data["secured"] = "QUJDREVGR0hJSktMTU5PUA==;MDEyMzQ1Njc4OWFiY2RlZg==\n"
    assert FAST(data) is False and _python_valid(data) is False


def test_custom_schema_with_local_ref_uses_the_fast_path(tmp_path):
    (tmp_path / "title.json").write_text(json.dumps({"type": "string", "maxLength": 3}))
    (tmp_path / "main.json").write_text(json.dumps({"properties": {"title": {"$ref": "title.json"}}}))
    checker = load_schema(tmp_path / "main.json")
    assert checker.fast_is_valid is not None
    assert checker.fast_is_valid({"title": "abc"}) is True
    assert checker.fast_is_valid({"title": "abcd"}) is False


def test_fallback_without_jsonschema_rs(monkeypatch, tmp_path):
    import builtins

    real_import = builtins.__import__

    def no_rs(name, *args, **kwargs):
        if name == "jsonschema_rs":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_rs)
    checker = load_schema(None)
    assert checker.fast_is_valid is None
    from helpers import lint_text

    findings = lint_text(tmp_path, ARTICLE.replace("quality: 50", "quality: 150"))
    assert [f.code for f in findings] == ["FM100"]


_FORMAT_ALPHABET = st.sampled_from(list("0123456789-:TtZz.+ /?#[]@%!$&'()*,;=~_aAéü\n\t\u00a0\u2028"))


def _near(samples: list[str]):
    """Strings a few edits away from real values: where format checkers usually disagree."""

    def edit(base: str, edits: list[tuple[int, int, str]]) -> str:
        chars = list(base)
        for kind, where, char in edits:
            at = where % (len(chars) + 1)
            if kind == 0 and chars:
                del chars[min(at, len(chars) - 1)]
            elif kind == 1:
                chars.insert(at, char)
            elif chars:
                chars[min(at, len(chars) - 1)] = char
        return "".join(chars)

    one_edit = st.tuples(st.integers(0, 2), st.integers(0, 200), _FORMAT_ALPHABET)
    return st.builds(edit, st.sampled_from(samples), st.lists(one_edit, min_size=0, max_size=4))


NEAR_DATES = _near(
    [
        "2021-05-21T13:40:00Z",
        "2024-02-29T23:59:60+01:00",
        "1999-12-31t00:00:00.123456z",
        "2021-05-21T13:40:00-00:00",
    ]
)
NEAR_URIS = _near(
    [
        "https://www.example.com/a/b?c=d&e=f#g",
        "http://[::1]:80/x",
        "mailto:a@b.c",
        "https://ex.example/%20x",
        "urn:isbn:123",
        "https://user:pw@host:8080/p;q?x#y",
    ]
)


@pytest.mark.parametrize(("fmt", "values"), [("date-time", NEAR_DATES), ("uri", NEAR_URIS)])
def test_compiled_format_is_never_more_lenient_than_python(fmt, values):
    """The fast path checks these formats in Rust: it may reject more (python then judges), but
    must never accept a value python rejects, or a finding would be lost."""
    import jsonschema_rs

    from linter.fast_schema import NATIVE_FORMATS

    assert fmt in NATIVE_FORMATS
    compiled = jsonschema_rs.validator_for({"format": fmt}, validate_formats=True)
    formats = CHECKER.validator.FORMAT_CHECKER

    @settings(max_examples=3000, deadline=None)
    @given(values)
    def check(value):
        if compiled.is_valid(value):
            assert formats.conforms(value, fmt), value

    check()


def test_a_clean_run_with_the_shipped_schema_never_imports_python_jsonschema(tmp_path):
    """Start-up: python jsonschema (~80 ms to import and build) waits for a document the fast
    path rejects; a broken document still gets its python-worded message."""
    import subprocess
    import sys

    (tmp_path / "ok.md").write_text(ARTICLE)
    (tmp_path / "bad.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    probe = (
        "import sys; from linter.cli import main; status = main(['check', '--no-cache', '-q', sys.argv[1]]);"
        "print(status, 'jsonschema' in sys.modules, 'imagesize' in sys.modules)"
    )
    clean = subprocess.run(
        [sys.executable, "-c", probe, "ok.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert clean.stdout.split() == ["0", "False", "False"], clean.stderr
    broken = subprocess.run(
        [sys.executable, "-c", probe, "bad.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert "FM100 [error] `quality` must be at most 100, got 150" in broken.stdout
    assert broken.stdout.split()[-3:] == ["1", "True", "False"]


def test_only_the_shipped_schema_defers_its_checks(tmp_path):
    """A copy elsewhere is a user schema: checked against the metaschema at start-up."""
    from linter.schema import SchemaError, default_schema_path

    copy = tmp_path / "article.schema.json"
    schema = json.loads(default_schema_path().read_text())
    schema["properties"]["quality"]["type"] = "whole number"
    copy.write_text(json.dumps(schema))
    with pytest.raises(SchemaError, match="invalid schema at /properties/quality/type"):
        load_schema(copy)
    shipped = load_schema(None)
    assert shipped._validator is None  # deferred until a document fails the fast path
    front = FrontMatter(ARTICLE.replace("quality: 50", "quality: -5").split("\n---\n")[0], 0)
    document, _ = compose_document("a.md", front, Limits())
    assert [p.message for p in shipped.check(document)] == [
        "`quality` must be at least 0, got -5 (at /quality)"
    ]
    assert shipped._validator is not None
