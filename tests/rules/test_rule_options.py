"""Rule options are data each rule declares, with a check that returns what a value should be;
the config turns that message into the one-line error, exit status 2, naming the config file."""

from __future__ import annotations

import pytest
from helpers import ARTICLE, refused, write

from linter.cli import main
from linter.rules.options import checked_options
from linter.rules.registry import ALL_RULES


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "[rules.future-date]\ntolerance-days = -1\n",
            'option "tolerance-days" of "future-date" should be zero or more',
        ),
        (
            '[rules.implausible-date]\nfloor = "last year"\n',
            'option "floor" of "implausible-date" should be a date',
        ),
        (
            '[rules.date-order]\npairs = [["a"]]\n',
            'option "pairs" of "date-order" should be a list of [earlier',
        ),
        ('[rules.text-length]\nmax-title = "200"\n', 'option "max-title" of "text-length" should be int'),
        ("[rules.text-length]\nmaximum = 1\n", 'option "maximum" of "text-length" is unknown (known: '),
        ("[rules.no-such-rule]\n", "[rules.no-such-rule] names no rule"),
    ],
)
def test_a_bad_option_is_one_line_naming_the_config(tmp_path, monkeypatch, capsys, table, message):
    write(tmp_path, {"a.md": ARTICLE, "content-lint.toml": table})
    monkeypatch.chdir(tmp_path)
    err = refused(capsys)
    assert err.startswith(f"content-lint: error: {tmp_path / 'content-lint.toml'}: ")
    assert message in err


def test_rule_shows_the_same_error_as_a_run(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"content-lint.toml": "[rules.related-date-window]\nmax-days = -3\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["rule", "related-date-window"]) == 2
    err = capsys.readouterr().err
    assert 'option "max-days" of "related-date-window" should be zero or more' in err
    assert err.count("\n") == 1


def test_the_check_is_a_value_not_an_exception():
    assert checked_options({"future-date": {"tolerance-days": -1}}) == (
        '[rules.future-date] option "tolerance-days" of "future-date" should be zero or more'
    )
    assert checked_options({"future-date": {"tolerance-days": 2}})["FM201"] == {"tolerance-days": 2}


def test_every_default_passes_its_own_check():
    refused_defaults = [
        f"{rule.name}.{option.name}"
        for rule in ALL_RULES
        for option in rule.options
        if option.check is not None
        and option.default is not None
        and option.check(option.default) is not None
    ]
    assert refused_defaults == []


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('select = ["FM9"]\n', "select"),
        ('ignore = ["FM9"]\n', "ignore"),
        ('[severity]\nFM9 = "warning"\n', "severity"),
    ],
)
def test_a_selector_that_matches_no_rule_is_one_line(tmp_path, monkeypatch, capsys, table, key):
    write(tmp_path, {"a.md": ARTICLE, "content-lint.toml": table})
    monkeypatch.chdir(tmp_path)
    err = refused(capsys)
    assert err.endswith(
        f"{tmp_path / 'content-lint.toml'}: {key}: `FM9` matches no rule code, prefix or name\n"
    )
