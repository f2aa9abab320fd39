"""A hostile front matter cannot make fix proofs quadratic: only the fixes of the findings a
report shows are proved (the first 100 of a file, within a budget), so 300 duplicate topics
or a 1 MiB front matter finish in seconds, and `--fix` still fixes them pass by pass."""

from __future__ import annotations

import json

import pytest
from helpers import ARTICLE

import linter.fixing.edits
from linter.cli import main

TOPICS = "topics:\n  - Local\n  - Infrastructure\n"
BODY = "\nThe body stays as it is.\n"


def _duplicate_topics(count: int) -> str:
    return ARTICLE.replace(TOPICS, "topics:\n" + "  - Local\n" * count) + BODY


def _http_images(count: int) -> str:
    images = "".join(
        f'  - url: "http://cdn.coastline.example/img/p{i}.jpg"\n    width: 1200\n    height: 800\n'
        for i in range(count)
    )
    head, rest = ARTICLE.split("images:\n", 1)
    return head + "images:\n" + images + "related:" + rest.split("related:", 1)[1] + BODY


@pytest.fixture
def proofs(monkeypatch):
    """How many times a fix is proved by reading the edited front matter again."""
    calls: list[int] = []
    compose = linter.fixing.edits.compose_document

    def counted(*args, **kwargs):
        calls.append(1)
        return compose(*args, **kwargs)

    monkeypatch.setattr(linter.fixing.edits, "compose_document", counted)
    return calls


@pytest.mark.timeout(30)
def test_only_the_reported_findings_fixes_are_proved(tmp_path, capsys, proofs):
    page = tmp_path / "topics.md"
    page.write_text(_duplicate_topics(300))  # 299 fixable findings, of which 100 are reported
    assert main(["check", "--no-cache", "--jobs", "1", "--output-format", "json", str(page)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["code"] for f in findings] == ["FM010"] + ["FM506"] * 100
    assert findings[0]["message"].startswith("199 more finding(s)")
    assert all(f["fix"] is not None for f in findings[1:])
    assert 0 < len(proofs) <= 100


@pytest.mark.timeout(60)
def test_fix_removes_the_duplicates_pass_by_pass(tmp_path):
    page = tmp_path / "topics.md"
    page.write_text(_duplicate_topics(250))
    assert main(["check", "--no-cache", "--jobs", "1", "--fix", str(page)]) == 0
    assert page.read_text() == _duplicate_topics(1)  # 249 duplicates, three passes of the 100 shown


@pytest.mark.timeout(60)
def test_unsafe_fixes_rewrite_150_image_urls_in_one_run(tmp_path):
    page = tmp_path / "images.md"
    page.write_text(_http_images(150))  # two passes of the 100 shown
    args = ["check", "--no-cache", "--jobs", "1", "--fix", "--unsafe-fixes", "--select", "FM402", str(page)]
    assert main(args) == 0
    assert page.read_text() == _http_images(150).replace('"http://', '"https://')


@pytest.mark.slow  # a scale guard: the 300-topic test above checks the cap on the proofs
@pytest.mark.timeout(60)
def test_a_1_mib_front_matter_of_fixable_findings_finishes(tmp_path, capsys):
    page = tmp_path / "huge.md"
    page.write_text(_duplicate_topics(100_000))
    assert len(page.read_bytes()) > 1_000_000
    assert main(["check", "--no-cache", "--jobs", "1", "--output-format", "concise", str(page)]) == 1
    out = capsys.readouterr().out
    assert out.count("FM506") == 100 and "99899 more finding(s)" in out
