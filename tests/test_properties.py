"""Property tests: valid articles lint clean; damaged ones never crash and every finding points
inside the file."""

from __future__ import annotations

import random

from helpers import ARTICLE, NOW, NOW_TEXT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import mutate

from linter.config.settings import config_from_table
from linter.running.engine import build_engine

ENGINE_SETTINGS = {"max-front-matter-bytes": 1 << 20}


def _engine(tmp_path_factory):
    return build_engine(
        config_from_table(ENGINE_SETTINGS, tmp_path_factory.mktemp("cfg") / "c.toml"), now=NOW
    )


_WORDS = st.sampled_from(
    ["harbour", "council", "storm", "tide", "ferry", "bridge", "market", "school", "river", "museum"]
)
_TITLE = st.lists(_WORDS, min_size=2, max_size=8).map(lambda w: " ".join(w).capitalize())
_SLUG = st.lists(_WORDS, min_size=1, max_size=4).map("-".join)
_DATE = st.datetimes(
    min_value=__import__("datetime").datetime(2000, 1, 1),
    max_value=__import__("datetime").datetime(2025, 12, 31),
)


@st.composite
def valid_articles(draw) -> str:
    """Articles in the schema's shape with values every rule accepts."""
    title = draw(_TITLE)
    slug = draw(_SLUG)
    when = draw(_DATE)
    domain = draw(st.sampled_from(["coastline.example", "bayobserver.example", "valley-news.example"]))
    width = draw(st.integers(200, 4000))
    height = draw(st.integers(max(50, width // 4 + 1), min(10000, width * 4 - 1)))
    topics = draw(st.lists(_WORDS, min_size=0, max_size=4, unique=True))
    text = ARTICLE
    text = text.replace("Harbour council approves new sea wall", title)
    text = text.replace("sea-wall-approved", slug)
    text = text.replace("2024-04-02T09:30:00Z", when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    text = text.replace("2024-03-28T14:00:00Z", when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    text = text.replace("coastline.example", domain)
    text = text.replace("width: 1200", f"width: {width}").replace("height: 800", f"height: {height}")
    topic_block = "".join(f"  - {t.capitalize()}\n" for t in topics)
    text = (
        text.replace("  - Local\n  - Infrastructure\n", topic_block)
        if topics
        else text.replace("topics:\n  - Local\n  - Infrastructure\n", "")
    )
    return text


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(article=valid_articles())
def test_valid_articles_lint_clean(tmp_path_factory, article):
    engine = _engine(tmp_path_factory)
    path = tmp_path_factory.mktemp("a") / "a.md"
    path.write_text(article)
    assert engine.run([str(path)]).findings == []


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(article=valid_articles(), seed=st.integers(0, 2**32 - 1), rounds=st.integers(1, 4))
def test_damaged_articles_never_crash_and_point_inside_the_file(tmp_path_factory, article, seed, rounds):
    data = mutate(article.encode(), random.Random(seed), rounds)
    path = tmp_path_factory.mktemp("m") / "m.md"
    path.write_bytes(data)
    findings = _engine(tmp_path_factory).run([str(path)]).findings
    assert all(f.code != "FM000" for f in findings), findings
    check_positions(data, findings)


def check_positions(data: bytes, findings) -> None:
    """Every finding has a line and column inside the file (the column may be one past the end)."""
    lines = data.split(b"\n") or [b""]
    for finding in findings:
        assert 1 <= finding.line <= len(lines), (finding, len(lines))
        text = lines[finding.line - 1].decode("utf-8", "replace")
        limit = max(len(text), len(lines[finding.line - 1])) + 1
        assert 1 <= finding.column <= limit, (finding, text[:80])
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column), finding


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(article=valid_articles(), seed=st.integers(0, 2**32 - 1))
def test_command_exits_zero_or_one_on_damaged_files(tmp_path_factory, article, seed, capsys):
    from linter.cli import main

    path = tmp_path_factory.mktemp("c") / "c.md"
    path.write_bytes(mutate(article.encode(), random.Random(seed), 3))
    assert main(["check", str(path), "--no-cache", "-q", "--reference-time", NOW_TEXT]) in (
        0,
        1,
    )
    capsys.readouterr()
