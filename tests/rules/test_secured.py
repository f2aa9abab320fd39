"""FM601: the `secured` payload is base64 ciphertext, `;`, then a base64 16-byte IV."""

from __future__ import annotations

import base64

import pytest
from helpers import ARTICLE, EXAMPLES, codes, line_of, lint_paths, lint_text, only

from linter.rules.secured import SecuredFormat

SECURED_LINE = next(line for line in ARTICLE.split("\n") if line.startswith("secured: "))


def b64(size: int) -> str:
    """Base64 of `size` made-up bytes."""
    return base64.b64encode(bytes(i % 256 for i in range(size))).decode()


def with_secured(value: str) -> str:
    return ARTICLE.replace(SECURED_LINE, f'secured: "{value}"')


def fm601(tmp_path, value: str) -> list[str]:
    return [f.message for f in only(lint_text(tmp_path, with_secured(value)), "FM601")]


def test_ciphertext_that_is_not_whole_blocks_is_an_error_at_the_value(tmp_path):
    text = with_secured(f"{b64(33)};{b64(16)}")
    findings = lint_text(tmp_path, text)
    assert codes(findings) == ["FM601"]  # the schema's pattern cannot see byte counts
    [finding] = findings
    assert finding.severity == "error"
    assert finding.pointer == "/secured"
    assert (finding.line, finding.column) == (line_of(text, "secured: "), len("secured: ") + 1)
    assert finding.message == "the ciphertext in `secured` is 33 bytes, not a multiple of 16"


def test_missing_separator(tmp_path):
    assert fm601(tmp_path, b64(32)) == [
        "`secured` has no `;`; expected base64 ciphertext, `;`, then the base64 IV"
    ]


def test_more_than_one_separator(tmp_path):
    assert fm601(tmp_path, f"{b64(32)};{b64(16)};{b64(16)}") == [
        "`secured` has 2 `;` separators; expected exactly one (ciphertext;IV)"
    ]


def test_iv_of_the_wrong_size(tmp_path):
    assert fm601(tmp_path, f"{b64(32)};{b64(12)}") == ["the IV in `secured` is 12 bytes; it must be 16"]


def test_empty_parts(tmp_path):
    assert fm601(tmp_path, f";{b64(16)}") == ["the ciphertext in `secured` is empty"]
    assert fm601(tmp_path, f"{b64(16)};") == ["the IV in `secured` is empty"]


@pytest.mark.parametrize(
    ("ciphertext", "reason"),
    [
        ("AAAA!AAA", "character `!` at position 5 is not base64"),
        ("AAAA-_AA", "character `-` at position 5 is not base64"),  # URL-safe alphabet
        ("AAAAA", "its length 5 is not a multiple of 4"),
        ("AA=A", "`=` padding may only end it"),
        ("AAAA AAA", "character U+0020 at position 5 is not base64"),
    ],
)
def test_ciphertext_that_is_not_strict_base64(tmp_path, ciphertext, reason):
    assert fm601(tmp_path, f"{ciphertext};{b64(16)}") == [
        f"the ciphertext in `secured` is not valid base64: {reason}"
    ]


def test_both_parts_are_reported(tmp_path):
    # Findings at one position are ordered by message, so compare as sets.
    assert set(fm601(tmp_path, f"{b64(20)};{b64(8)}")) == {
        "the ciphertext in `secured` is 20 bytes, not a multiple of 16",
        "the IV in `secured` is 8 bytes; it must be 16",
    }


def test_value_folded_over_two_lines_gains_a_space(tmp_path):
    # A plain scalar continued on the next line is joined with a space, which is not base64.
    ciphertext = b64(32)
    half = len(ciphertext) // 2
    text = ARTICLE.replace(SECURED_LINE, f"secured: {ciphertext[:half]}\n  {ciphertext[half:]};{b64(16)}")
    [finding] = only(lint_text(tmp_path, text), "FM601")
    assert finding.message.endswith(f"character U+0020 at position {half + 1} is not base64")


@pytest.mark.parametrize("size", [16, 48, 400])
def test_whole_blocks_and_a_16_byte_iv_pass(tmp_path, size):
    assert lint_text(tmp_path, with_secured(f"{b64(size)};{b64(16)}")) == []


@pytest.mark.parametrize("value", ["5", "[a, b]", "{a: b}", "null", "true"])
def test_non_strings_are_left_to_the_schema(tmp_path, value):
    findings = lint_text(tmp_path, ARTICLE.replace(SECURED_LINE, f"secured: {value}"))
    assert "FM100" in codes(findings)
    assert "FM601" not in codes(findings)


def test_broken_example_triggers_its_rule_and_nothing_else(tmp_path):
    findings = lint_paths(tmp_path, [EXAMPLES / "broken" / "fm601-secured-format.md"])
    assert codes(findings) == ["FM601"]


def test_documentation_examples_behave_as_documented(tmp_path):
    doc = SecuredFormat.documentation()
    bad, good = (line.strip() for line in doc.split("\n") if line.strip().startswith("secured: "))
    config = {"select": ["FM601"]}
    assert codes(lint_text(tmp_path, f"---\n{bad}\n---\n", config=config)) == ["FM601"]
    assert codes(lint_text(tmp_path, f"---\n{good}\n---\n", config=config)) == []
