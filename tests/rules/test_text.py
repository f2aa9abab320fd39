"""FM501-FM508: blank, untidy, long, repeated, marked-up, duplicated, unknown and garbled text."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import ARTICLE, EXAMPLES, codes, column_of, line_of, lint_paths, lint_text, only

from linter.config.settings import ConfigError
from linter.rules.markup import MARKUP_RULES
from linter.rules.mojibake import MOJIBAKE_RULES
from linter.rules.tags import TAGS_RULES
from linter.rules.text import TEXT_RULES

TITLE = 'title: "Harbour council approves new sea wall"'
EXCERPT = 'excerpt: "Construction starts in spring and should protect two hundred homes from storm surges."'
RELATED_TITLE = 'title: "Storm surge maps updated for the bay"'
RELATED_EXCERPT = 'excerpt: "New models show which streets flood first."'
TOPICS = "topics:\n  - Local\n  - Infrastructure\n"
VOCABULARY = {"rules": {"unknown-topic": {"vocabulary": ["local", "Infrastructure", "Transport"]}}}


def edit(old: str, new: str) -> str:
    """ARTICLE with the one occurrence of `old` replaced by `new`."""
    assert ARTICLE.count(old) == 1, old
    return ARTICLE.replace(old, new)


def topics(*items: str) -> str:
    return edit(TOPICS, "topics:\n" + "".join(f"  - {item}\n" for item in items))


def assert_at(finding: Any, text: str, needle: str) -> None:
    """The finding sits where `needle` starts, on the first line that contains it."""
    assert (finding.line, finding.column) == (line_of(text, needle), column_of(text, needle))


def character(value: str, needle: str) -> int:
    """The 1-based character position messages use for `needle` inside `value`."""
    return value.index(needle) + 1


# FM501 blank-text


def test_whitespace_only_title_is_an_error_at_the_value(tmp_path):
    text = edit(TITLE, 'title: "   "')
    findings = lint_text(tmp_path, text)
    assert codes(findings) == ["FM501"]  # not also untidy-whitespace
    [finding] = findings
    assert_at(finding, text, '"   "')
    assert finding.severity == "error"
    assert finding.message == "`title` is only whitespace"


@pytest.mark.parametrize(
    ("old", "new", "pointer", "label"),
    [
        ("category: news", 'category: "\\t"', "/category", "category"),
        ("type: article\nquality: 50", 'type: " "\nquality: 50', "/type", "type"),
        ("  name: Coastline Daily", '  name: "  "', "/provider/name", "provider.name"),
        ("  - Infrastructure", '  - " "', "/topics/1", "topics[1]"),
        (RELATED_EXCERPT, 'excerpt: "  "', "/related/0/excerpt", "related[0].excerpt"),
        ("  name: Bay Observer", '  name: " "', "/related/0/provider/name", "related[0].provider.name"),
    ],
)
def test_every_text_field_is_checked(tmp_path, old, new, pointer, label):
    text = edit(old, new)
    [finding] = lint_text(tmp_path, text)
    assert (finding.code, finding.pointer) == ("FM501", pointer)
    assert finding.message == f"`{label}` is only whitespace"
    key_line = new.split("\n")[0]
    value_column = column_of(text, key_line) + key_line.index('"')
    assert (finding.line, finding.column) == (line_of(text, key_line), value_column)


def test_empty_topic_is_blank_as_well_as_a_schema_error(tmp_path):
    text = edit("  - Infrastructure", '  - ""')
    findings = lint_text(tmp_path, text)
    assert codes(findings) == ["FM100", "FM501"]
    assert_at(findings[1], text, '""')
    assert findings[1].message == "`topics[1]` is empty"


def test_one_character_title_is_not_blank(tmp_path):
    assert lint_text(tmp_path, edit(TITLE, 'title: "A"')) == []


# FM502 untidy-whitespace


def test_doubled_space_names_its_character(tmp_path):
    value = "Harbour council  approves new sea wall"
    text = edit(TITLE, f'title: "{value}"')
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM502"
    assert finding.severity == "warning"
    assert_at(finding, text, f'"{value}"')
    assert finding.message == f"`title` has a doubled space at character {character(value, '  ')}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (" Harbour council", "`title` starts with whitespace"),
        ("Harbour council ", "`title` ends with whitespace"),
        ("Harbour\\ncouncil", f"`title` has a line break at character {len('Harbour') + 1}"),
        ("Harbour\\tcouncil", f"`title` has a tab at character {len('Harbour') + 1}"),
        ("\\nHarbour council", "`title` starts with a line break"),
    ],
)
def test_leading_trailing_and_inner_whitespace(tmp_path, value, message):
    # YAML decodes the escapes: "\\n" is one real line break right after "Harbour".
    findings = only(lint_text(tmp_path, edit(TITLE, f'title: "{value}"')), "FM502")
    assert [f.message for f in findings] == [message]


def test_folded_block_keeps_its_final_newline(tmp_path):
    text = edit(EXCERPT, "excerpt: >\n  Construction starts in spring\n  and lasts a year.")
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM502"
    assert finding.pointer == "/excerpt"
    assert (finding.line, finding.column) == (line_of(text, "excerpt: >"), column_of(text, ">"))
    assert finding.message.startswith("`excerpt` ends with a line break")


def test_literal_block_keeps_inner_line_breaks(tmp_path):
    text = edit(EXCERPT, "excerpt: |-\n  Construction starts in spring\n  and lasts a year.")
    [finding] = lint_text(tmp_path, text)
    inner = "Construction starts in spring\nand lasts a year."
    assert finding.message == f"`excerpt` has a line break at character {character(inner, chr(10))}"


def test_folded_block_with_strip_indicator_is_tidy(tmp_path):
    text = edit(EXCERPT, "excerpt: >-\n  Construction starts in spring\n  and lasts a year.")
    assert lint_text(tmp_path, text) == []


def test_related_excerpt_is_checked(tmp_path):
    text = edit(RELATED_EXCERPT, 'excerpt: "New models show  which streets flood first."')
    [finding] = lint_text(tmp_path, text)
    assert (finding.code, finding.pointer) == ("FM502", "/related/0/excerpt")
    assert finding.message.startswith("`related[0].excerpt` has a doubled space")


def test_single_spaces_and_other_fields_are_left_alone(tmp_path):
    # Only title and excerpt are judged for tidiness; a spaced category is fine here.
    text = edit("category: news", 'category: "news and  views"')
    assert lint_text(tmp_path, text) == []


# FM503 text-length


def test_title_over_200_characters_warns(tmp_path):
    value = "A" * 201
    text = edit(TITLE, f'title: "{value}"')
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM503"
    assert finding.severity == "warning"
    assert_at(finding, text, f'"{value}"')
    assert finding.message == "`title` is 201 characters long; the limit is 200 (`max-title`)"


def test_title_of_exactly_200_and_excerpt_of_1000_pass(tmp_path):
    text = edit(TITLE, f'title: "{"A" * 200}"').replace(EXCERPT, f'excerpt: "{"b" * 1000}"')
    assert lint_text(tmp_path, text) == []


def test_excerpt_over_1000_characters_warns_in_related_items_too(tmp_path):
    text = edit(RELATED_EXCERPT, f'excerpt: "{"b" * 1001}"')
    [finding] = lint_text(tmp_path, text)
    assert (finding.code, finding.pointer) == ("FM503", "/related/0/excerpt")
    assert finding.message.endswith("the limit is 1000 (`max-excerpt`)")


def test_options_override_the_limits(tmp_path):
    config = {"rules": {"text-length": {"max-title": 10, "max-excerpt": 5000}}}
    findings = lint_text(tmp_path, ARTICLE, config=config)
    assert [f.pointer for f in findings] == ["/title", "/related/0/title"]
    title = "Harbour council approves new sea wall"
    assert findings[0].message == f"`title` is {len(title)} characters long; the limit is 10 (`max-title`)"


def test_wrong_option_type_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match='option "max-title" of "text-length" should be int'):
        lint_text(tmp_path, ARTICLE, config={"rules": {"text-length": {"max-title": "200"}}})


# FM504 excerpt-repeats-title


def test_excerpt_equal_to_title_ignoring_case_and_spacing(tmp_path):
    value = "harbour COUNCIL approves new sea wall"
    text = edit(EXCERPT, f'excerpt: "{value}"')
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM504"
    assert_at(finding, text, f'"{value}"')
    assert finding.message == "`excerpt` repeats the title word for word"


def test_excerpt_starting_with_the_title(tmp_path):
    text = edit(RELATED_EXCERPT, 'excerpt: "Storm surge maps updated for the bay: new models show more."')
    [finding] = lint_text(tmp_path, text)
    assert (finding.code, finding.pointer) == ("FM504", "/related/0/excerpt")
    assert finding.message == "`related[0].excerpt` starts by repeating the title"


def test_excerpt_sharing_only_a_prefix_of_a_word_passes(tmp_path):
    # The title is a prefix of the excerpt's text, but "walls" is a different word.
    text = edit(TITLE, 'title: "Harbour sea wall"').replace(
        EXCERPT, 'excerpt: "Harbour sea walls are rising."'
    )
    assert lint_text(tmp_path, text) == []


# FM505 markup-in-text


@pytest.mark.parametrize("markup", ["<p>", "</b>", "<br/>", "<br />", '<a href="https://x.example">', "<!--"])
def test_html_tags_are_reported(tmp_path, markup):
    value = f"Construction {markup} starts in spring"
    text = edit(EXCERPT, f"excerpt: '{value}'")
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM505"
    assert_at(finding, text, f"'{value}'")
    assert finding.message == f"`excerpt` contains HTML markup `{markup}`"


@pytest.mark.parametrize("entity", ["&amp;", "&#8217;", "&nbsp;", "&#x2019;"])
def test_html_entities_are_reported(tmp_path, entity):
    text = edit(TITLE, f'title: "Harbour council{entity}approves new sea wall"')
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM505"
    assert finding.message == f"`title` contains the HTML entity `{entity}`; write the character itself"


def test_markup_in_a_topic(tmp_path):
    text = topics("Local", "<b>Infrastructure</b>")
    [finding] = lint_text(tmp_path, text)
    assert (finding.code, finding.pointer) == ("FM505", "/topics/1")
    assert_at(finding, text, "<b>")


@pytest.mark.parametrize(
    "prose", ["R&D budget", "a < b", "a <b", "vector<int>", "AT&T; Q&A;", "M&Ms; on sale", "<3 the quay"]
)
def test_lone_angle_brackets_and_ampersands_are_prose(tmp_path, prose):
    assert lint_text(tmp_path, edit(TITLE, f'title: "Harbour {prose}"')) == []


# FM506 duplicate-topic


def test_second_topic_is_reported_naming_the_first_line(tmp_path):
    text = topics("Local", "Infrastructure", "local")
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM506"
    assert finding.severity == "error"
    assert finding.pointer == "/topics/2"
    assert (finding.line, finding.column) == (
        line_of(text, "- local"),
        column_of(text, "- local") + len("- "),
    )
    first = line_of(text, "- Local")
    assert finding.message == f"duplicate topic `local`: first listed as `Local` on line {first}"


def test_surrounding_space_is_ignored_in_flow_lists(tmp_path):
    text = edit(TOPICS, 'topics: [Local, Infrastructure, " LOCAL "]\n')
    [finding] = only(lint_text(tmp_path, text), "FM506")
    assert_at(finding, text, '" LOCAL "')
    assert finding.message.endswith(f"first listed as `Local` on line {line_of(text, 'topics:')}")


def test_distinct_topics_pass(tmp_path):
    assert lint_text(tmp_path, topics("Local", "Local news", "Infrastructure")) == []


# FM507 unknown-topic


def test_unknown_topic_is_off_without_a_vocabulary(tmp_path):
    assert lint_text(tmp_path, topics("Anything", "Goes")) == []


def test_configured_vocabulary_turns_the_rule_on(tmp_path):
    text = topics("Local", "Infrastucture", "Weather")
    findings = lint_text(tmp_path, text, config=VOCABULARY)
    assert codes(findings) == ["FM507", "FM507"]
    assert findings[0].severity == "warning"
    assert_at(findings[0], text, "Infrastucture")
    assert (
        findings[0].message
        == "topic `Infrastucture` is not in the vocabulary; did you mean `Infrastructure`?"
    )
    assert findings[1].message == "topic `Weather` is not in the vocabulary"


def test_vocabulary_is_compared_ignoring_case(tmp_path):
    assert lint_text(tmp_path, topics("LOCAL", "infrastructure"), config=VOCABULARY) == []


def test_vocabulary_must_be_a_list(tmp_path):
    with pytest.raises(ConfigError, match='option "vocabulary" of "unknown-topic" should be list'):
        lint_text(tmp_path, ARTICLE, config={"rules": {"unknown-topic": {"vocabulary": "Local"}}})


def test_empty_vocabulary_checks_nothing(tmp_path):
    assert lint_text(tmp_path, topics("Anything"), config={"rules": {"unknown-topic": {}}}) == []


# FM508 mojibake


@pytest.mark.parametrize(
    ("value", "bad", "good"),
    [
        ("Harbourâ€™s new sea wall", "â€™", "\N{RIGHT SINGLE QUOTATION MARK}"),
        ("CafÃ© crÃ¨me on the quay", "Ã©", "é"),
        ("Ã¼ber the sea wall", "Ã¼", "ü"),
    ],
)
def test_utf8_read_as_cp1252_is_mojibake(tmp_path, value, bad, good):
    text = edit(TITLE, f'title: "{value}"')
    [finding] = lint_text(tmp_path, text)
    assert finding.code == "FM508"
    assert finding.severity == "warning"
    assert_at(finding, text, f'"{value}"')
    assert (
        finding.message
        == f"`title` looks like mojibake: `{bad}` is probably `{good}` decoded with the wrong charset"
    )


@pytest.mark.parametrize(
    ("escaped", "decoded"),
    [("news\\a", "news\a"), ("news\\x80", "news\x80"), ("news\\x9f", "news\x9f"), ("news\\x1b", "news\x1b")],
)
def test_control_characters(tmp_path, escaped, decoded):
    [finding] = lint_text(tmp_path, edit("category: news", f'category: "{escaped}"'))
    assert (finding.code, finding.pointer) == ("FM508", "/category")
    code_point = f"U+{ord(decoded[-1]):04X}"
    assert (
        finding.message
        == f"`category` contains the control character {code_point} at character {len(decoded)}"
    )


def test_replacement_character(tmp_path):
    value = "Harbour council approves new sea wall \ufffd"
    [finding] = lint_text(tmp_path, edit(TITLE, f'title: "{value}"'))
    assert finding.message.startswith(
        f"`title` contains the replacement character U+FFFD at character {character(value, chr(0xFFFD))}"
    )


@pytest.mark.parametrize(
    "value",
    [
        "Café crème in Zürich",
        "São Paulo and the naïve façade",
        "Harbour\N{RIGHT SINGLE QUOTATION MARK}s \N{LEFT DOUBLE QUOTATION MARK}new\N{RIGHT DOUBLE QUOTATION MARK} wall \N{EN DASH} a decade \N{EM DASH} later",
        "PEL\N{LATIN CAPITAL LETTER E WITH ACUTE}\N{RIGHT SINGLE QUOTATION MARK}S LEGACY",
        "«\u00a0Au café\u00a0»",
        "NESCAFÉ® stand on the quay",
        "Ångström, Ærø, Ísland, Ça va, À la carte",
    ],
)
def test_legitimate_accents_and_typography_are_not_mojibake(tmp_path, value):
    assert lint_text(tmp_path, edit(TITLE, f'title: "{value}"')) == []


def test_tab_and_newline_are_not_control_characters_here(tmp_path):
    text = edit("category: news", 'category: "news\\tand\\nviews"')
    assert lint_text(tmp_path, text) == []


# All text rules


@pytest.mark.parametrize(
    "text",
    [
        edit(TITLE, "title: 5"),
        edit(EXCERPT, "excerpt: [a, b]"),
        edit(TOPICS, "topics: x\n"),
        edit(TOPICS, "topics:\n  - 1\n  - {a: b}\n  - [c]\n"),
        edit("provider:\n  name: Coastline Daily", "provider:\n  name: 7"),
        ARTICLE[: ARTICLE.index("related:")]
        + "related: [1, x, [y]]\n"
        + ARTICLE[ARTICLE.index("secured:") :],
        ARTICLE.replace("provider:\n  name: Coastline Daily\n  domain: coastline.example", "provider: x"),
    ],
    ids=[
        "title-int",
        "excerpt-list",
        "topics-string",
        "topic-items",
        "provider-name-int",
        "related-items",
        "provider",
    ],
)
def test_wrong_types_do_not_crash_and_are_left_to_the_schema(tmp_path, text):
    findings = lint_text(tmp_path, text, config=VOCABULARY)
    assert "FM100" in codes(findings)
    assert [f for f in findings if f.code.startswith("FM5")] == []


@pytest.mark.parametrize(
    ("code", "name", "config"),
    [
        ("FM501", "fm501-blank-text.md", None),
        ("FM502", "fm502-untidy-whitespace.md", None),
        ("FM503", "fm503-text-length.md", None),
        ("FM504", "fm504-excerpt-repeats-title.md", None),
        ("FM505", "fm505-markup-in-text.md", None),
        ("FM506", "fm506-duplicate-topic.md", None),
        (
            "FM507",
            "fm507-unknown-topic.md",
            {"rules": {"unknown-topic": {"vocabulary": ["Nature", "Wildlife"]}}},
        ),
        ("FM508", "fm508-mojibake.md", None),
    ],
)
def test_broken_example_triggers_its_rule_and_nothing_else(tmp_path, code, name, config):
    findings = lint_paths(tmp_path, [EXAMPLES / "broken" / name], config=config)
    assert codes(findings) == [code]


def test_unknown_topic_example_is_clean_without_a_vocabulary(tmp_path):
    assert lint_paths(tmp_path, [EXAMPLES / "broken" / "fm507-unknown-topic.md"]) == []


def _example(doc: str, label: str) -> str:
    """The indented YAML block after `label::` in a rule's documentation."""
    lines = doc.split("\n")
    start = lines.index(f"{label}::") + 2
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip("\n")


EXAMPLE_CONFIG: dict[str, dict[str, Any]] = {
    "FM503": {"text-length": {"max-title": 40}},
    "FM507": {"unknown-topic": {"vocabulary": ["AI", "Computer Vision", "Local"]}},
}


@pytest.mark.parametrize(
    "rule", (*TEXT_RULES, *MARKUP_RULES, *TAGS_RULES, *MOJIBAKE_RULES), ids=lambda rule: rule.code
)
def test_documentation_examples_behave_as_documented(tmp_path, rule):
    doc = rule.documentation()
    for option in rule.options:
        assert f"`{option.name}`" in doc
    config = {"select": [rule.code], "rules": EXAMPLE_CONFIG.get(rule.code, {})}
    bad = lint_text(tmp_path, f"---\n{_example(doc, 'Bad')}\n---\n", config=config)
    good = lint_text(tmp_path, f"---\n{_example(doc, 'Good')}\n---\n", config=config)
    assert rule.code in codes(bad)
    assert rule.code not in codes(good)
