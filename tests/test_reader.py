"""Reader findings FM001-FM008: code, line and column as a user would check them."""

from __future__ import annotations

import os
import re
import sys
import time

import pytest
from helpers import ARTICLE, codes, column_of, line_of, lint_text
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.findings import Region


def _one(findings, code):
    assert codes(findings) == [code], findings
    return findings[0]


def test_fm001_no_opening_fence(tmp_path):
    finding = _one(lint_text(tmp_path, "# Title\n\ntext\n"), "FM001")
    assert (finding.line, finding.column) == (1, 1)
    assert finding.rule == "missing-front-matter"
    assert finding.severity == "error"


def test_fm001_empty_file(tmp_path):
    assert codes(lint_text(tmp_path, "")) == ["FM001"]


def test_fm001_fence_with_trailing_text_is_not_a_fence(tmp_path):
    assert codes(lint_text(tmp_path, "--- \ntitle: x\n---\n")) == ["FM001"]


def test_fm002_unterminated_points_at_line_one(tmp_path):
    finding = _one(lint_text(tmp_path, "---\ntitle: x\nbody\n"), "FM002")
    assert (finding.line, finding.column, finding.end_column) == (1, 1, 4)


def test_fm003_yaml_syntax_uses_parser_position(tmp_path):
    text = "---\ntitle: ok\nexcerpt: [unclosed\nquality: 5\n---\n"
    finding = _one(lint_text(tmp_path, text), "FM003")
    assert finding.line == 4
    assert "YAML syntax error" in finding.message
    assert "line 3" in finding.message  # where the unclosed list starts


def test_fm003_bad_indentation(tmp_path):
    text = "---\ntitle: ok\n  excerpt: nested wrongly\n---\n"
    finding = _one(lint_text(tmp_path, text), "FM003")
    assert (finding.line, finding.column) == (3, 10)
    assert "mapping values are not allowed" in finding.message


def test_fm004_duplicate_key_points_at_second_and_names_first(tmp_path):
    text = ARTICLE.replace("heat: 2\n", "heat: 2\nquality: 51\n")
    findings = lint_text(tmp_path, text)
    finding = _one(findings, "FM004")
    second = [n for n, line in enumerate(text.split("\n"), 1) if line.startswith("quality:")][1]
    assert (finding.line, finding.column) == (second, 1)
    assert f"first defined on line {line_of(text, 'quality: 50')}" in finding.message


def test_fm004_nested_duplicate(tmp_path):
    text = ARTICLE.replace("  domain: coastline.example\n", "  domain: coastline.example\n  name: Other\n")
    finding = _one(lint_text(tmp_path, text), "FM004")
    assert (finding.line, finding.column) == (line_of(text, "  name: Other"), 3)
    assert finding.pointer == "/provider/name"


def test_fm004_duplicate_inside_lists_and_escaped_keys(tmp_path):
    # The pointer of a nested duplicate is spelled out from its ancestors only when reported.
    text = ARTICLE.replace("heat: 2\n", 'heat: 2\nextra:\n  - {}\n  - "a/b~c":\n      k: 1\n      k: 2\n')
    (finding,) = [f for f in lint_text(tmp_path, text) if f.code == "FM004"]  # `extra` is FM100 too
    assert (finding.line, finding.column) == (line_of(text, "      k: 2"), 7)
    assert finding.pointer == "/extra/1/a~1b~0c/k"
    assert f"first defined on line {line_of(text, '      k: 1')}" in finding.message


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("- a\n- b\n", "a list"),
        ("just text\n", "a single value"),
    ],
)
def test_fm005_not_a_mapping(tmp_path, block, kind):
    finding = _one(lint_text(tmp_path, f"---\n{block}---\n"), "FM005")
    assert kind in finding.message


def test_fm006_alias_and_anchor(tmp_path):
    text = "---\ntitle: &t Hello\nexcerpt: *t\n---\n"
    findings = [f for f in lint_text(tmp_path, text) if f.code == "FM006"]
    assert [(f.line, f.column) for f in findings] == [(2, 8), (3, 10)]


def test_fm006_merge_key(tmp_path):
    text = "---\nprovider:\n  <<: {name: x}\n  domain: a.example\n---\n"
    findings = lint_text(tmp_path, text)
    assert "FM006" in codes(findings)
    merge = next(f for f in findings if f.code == "FM006")
    assert (merge.line, merge.column) == (3, 3)


def test_fm006_explicit_tag(tmp_path):
    text = "---\ntitle: !!python/object:os.system x\n---\n"
    [finding] = [f for f in lint_text(tmp_path, text) if f.code == "FM006"]
    assert "explicit tag" in finding.message
    assert finding.line == 2


def test_fm006_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    started = time.process_time()
    findings = lint_text(tmp_path, "\n".join(lines) + "\n---\n")
    assert set(codes(findings)) == {"FM006", "FM008"}
    assert time.process_time() - started < 5  # generous bound; expansion would never finish


def test_ampersand_in_text_is_not_an_anchor(tmp_path):
    text = ARTICLE.replace('title: "Harbour council', 'title: "R&D * council !')
    assert lint_text(tmp_path, text) == []


def test_fm007_not_utf8_names_offset_and_line(tmp_path):
    text = b"---\ntitle: Caf\xe9\n---\n"
    finding = _one(lint_text(tmp_path, text), "FM007")
    assert (finding.line, finding.column) == (2, 11)
    assert "byte offset 14" in finding.message and "line 2" in finding.message


def test_fm007_nul_byte(tmp_path):
    finding = _one(lint_text(tmp_path, b"---\ntitle: a\x00b\n---\n"), "FM007")
    assert (finding.line, finding.column) == (2, 9)


def test_fm007_binary_file(tmp_path):
    finding = _one(lint_text(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "FM007")
    assert "binary" in finding.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_fm007_permission_denied(tmp_path):
    path = tmp_path / "secret.md"
    path.write_text("---\ntitle: x\n---\n")
    path.chmod(0)
    from helpers import lint_paths

    finding = _one(lint_paths(tmp_path, [path]), "FM007")
    assert "permission denied" in finding.message


def test_fm007_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    from helpers import lint_paths

    finding = _one(lint_paths(tmp_path, [fifo]), "FM007")
    assert "FIFO" in finding.message


def test_fm008_too_large(tmp_path):
    text = "---\ntitle: x\nexcerpt: " + "y" * 2000 + "\n---\n"
    finding = _one(lint_text(tmp_path, text, config={"max-front-matter-bytes": 1000}), "FM008")
    assert (finding.line, finding.column) == (1, 1)
    assert "1000 bytes" in finding.message


def test_fm008_large_body_is_fine(tmp_path):
    text = ARTICLE + "body line\n" * 200_000
    assert lint_text(tmp_path, text) == []


@pytest.mark.parametrize("style", ["block", "flow", "sequence"])
def test_fm008_deep_nesting_never_recurses(tmp_path, style):
    depth = 5000
    if style == "block":  # 1,000 levels: 5,000 would exceed the 1 MiB size limit first
        block = "".join(" " * i + f"k{i}:\n" for i in range(1000)) + " " * 1000 + "k: v\n"
    elif style == "flow":
        block = "a: " + "[" * depth + "]" * depth + "\n"
    else:
        block = "a:\n" + "- " * depth + "x\n"
    finding = _one(lint_text(tmp_path, f"---\n{block}---\n"), "FM008")
    assert "deeper than 64" in finding.message


def test_depth_limit_is_configurable(tmp_path):
    text = "---\na:\n  b:\n    c:\n      d: 1\n---\n"
    assert codes(lint_text(tmp_path, text, config={"max-depth": 3})) == ["FM008"]


def test_crlf_and_bom_report_the_same_positions_as_lf(tmp_path):
    broken = ARTICLE.replace("quality: 50", "quality: 150").replace(
        "  domain: coastline.example\n", "  domain: coastline.example\n  name: again\n"
    )
    lf = lint_text(tmp_path, broken, name="lf.md")
    crlf = lint_text(tmp_path, b"\xef\xbb\xbf" + broken.replace("\n", "\r\n").encode(), name="crlf.md")
    assert [(f.code, f.line, f.column, f.end_line, f.end_column) for f in lf] == [
        (f.code, f.line, f.column, f.end_line, f.end_column) for f in crlf
    ]
    assert len(lf) == 2


def test_unicode_line_separators_do_not_shift_lines(tmp_path):
    text = ARTICLE.replace('title: "Harbour council', 'title: "Harbour\u2028council').replace(
        "quality: 50", "quality: 150"
    )
    finding = _one(lint_text(tmp_path, text, config={"select": ["FM1"]}), "FM100")
    assert (finding.line, finding.column) == (line_of(text, "quality: 150"), column_of(text, "150"))


def test_yaml_1_1_values_stay_json(tmp_path):
    from linter.reading.compose import Limits, compose_document
    from linter.reading.frontmatter import split_front_matter

    fm = split_front_matter(
        b"---\nd: 2021-05-21T13:40:00Z\ny: yes\ns: 1:20\nf: .inf\nn: ~\nb: true\ni: 0x1F\n---\n", 1 << 20
    )
    document, problems = compose_document("x", fm, Limits())
    assert problems == []
    assert document.data == {
        "d": "2021-05-21T13:40:00Z",
        "y": "yes",
        "s": "1:20",
        "f": ".inf",
        "n": None,
        "b": True,
        "i": 31,
    }


def test_positions_for_keys_and_values():
    from linter.reading.compose import Limits, compose_document
    from linter.reading.frontmatter import split_front_matter

    fm = split_front_matter(b"---\nprovider:\n  name: A\nlist:\n  - x\n  - 'y z'\n---\n", 1 << 20)
    document, _ = compose_document("x", fm, Limits())
    assert document.locate("/provider/name", "key") == Region(3, 3, 3, 7)
    assert document.locate("/provider/name") == Region(3, 9, 3, 10)
    assert document.locate("/list/1") == Region(6, 5, 6, 10)
    assert document.locate("/list/9") == document.locate("/list")  # nearest existing ancestor


def test_fm007_permission_error_is_a_finding(tmp_path, monkeypatch):
    from helpers import lint_paths

    path = tmp_path / "locked.md"
    path.write_text(ARTICLE)
    real_open = os.open

    def deny(target, *args, **kwargs):
        if str(target) == str(path):
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    finding = _one(lint_paths(tmp_path, [path]), "FM007")
    assert finding.message == "cannot read file: permission denied"


@pytest.mark.parametrize("prefix", ["", "&a "], ids=["plain", "with-event-scan"])
def test_fm003_control_character_position(tmp_path, prefix):
    """Found by the fuzzer: libyaml's reader error has an index, not a mark."""
    finding = _one(lint_text(tmp_path, f"---\ntitle: {prefix}a\x12b\n---\n".encode()), "FM003")
    assert (finding.line, finding.column) == (2, 9 + len(prefix))
    assert "U+0012" in finding.message


# The closing fence is found with two `find` calls; the multiline regex below is its definition.
_FENCE_DEFINITION = re.compile(rb"^(?:---|\.\.\.)\r?$", re.MULTILINE)
_FENCE_ALPHABET = st.sampled_from([b"-", b".", b"\n", b"\r", b"x", b" ", b"---", b"...", b"\n---", b"\r\n"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_FENCE_ALPHABET, max_size=30).map(b"".join))
def test_closing_fence_matches_its_regex_definition(body: bytes) -> None:
    from linter.reading.frontmatter import FrontMatter, split_front_matter

    data = b"---\n" + body
    expected = _FENCE_DEFINITION.search(data, 4)
    front = split_front_matter(data, 1 << 20)
    if expected is None:
        assert not isinstance(front, FrontMatter)
    else:
        assert isinstance(front, FrontMatter)
        assert front.closing_line == data[: expected.start()].count(b"\n") + 1


@pytest.mark.parametrize(
    ("text", "closing_line"),
    [
        ("---\ntitle: a\n---\nbody", 3),
        ("---\ntitle: a\n...\n", 3),
        ("---\ntitle: a\n---", 3),
        ("---\r\ntitle: a\r\n---\r\nbody", 3),
        ("---\ntitle: a\n----\nb: c\n--- \nd: e\n---\n", 7),
    ],
)
def test_closing_fence_line(text: str, closing_line: int) -> None:
    from linter.reading.frontmatter import FrontMatter, split_front_matter

    front = split_front_matter(text.encode(), 1 << 20)
    assert isinstance(front, FrontMatter)
    assert front.closing_line == closing_line
