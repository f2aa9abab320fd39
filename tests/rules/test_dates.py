"""FM201-FM204: future, far-apart, implausible and out-of-order dates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import ARTICLE, EXAMPLES, NOW, codes, column_of, line_of, lint_paths, lint_text, only

from linter.config.settings import ConfigError, parse_datetime
from linter.rules.dates import span

PUBLISHED = "publishedDateTime: 2024-04-02T09:30:00Z"
RELATED_PUBLISHED = "publishedDateTime: 2024-03-28T14:00:00Z"
OWN_OR_SCHEMA = ("FM0", "FM1", "FM2", "FM3")
RELATED_IMAGES = '    images:\n      - url: "https://bayobserver.example/media'


def published(text: str) -> str:
    return ARTICLE.replace(PUBLISHED, f"publishedDateTime: {text}")


def related_published(text: str) -> str:
    return ARTICLE.replace(RELATED_PUBLISHED, f"publishedDateTime: {text}")


def with_article_key(line: str) -> str:
    """ARTICLE with `line` added right after the article's own publishedDateTime."""
    return ARTICLE.replace(PUBLISHED, f"{PUBLISHED}\n{line}")


def with_related_key(line: str) -> str:
    """ARTICLE with `line` added to the first related article, before its images."""
    return ARTICLE.replace(RELATED_IMAGES, f"    {line}\n{RELATED_IMAGES}")


def stamp_after_now(delta: timedelta) -> str:
    return (NOW + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


def assert_at(finding, text: str, value: str) -> None:
    """The finding sits at `value`, on the first line that contains it."""
    assert (finding.line, finding.column) == (line_of(text, value), column_of(text, value))


# FM201 future-date


def test_future_article_date_is_an_error_at_the_value(tmp_path):
    text = published("2031-01-01T00:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM201")
    assert_at(finding, text, "2031-01-01T00:00:00Z")
    assert finding.severity == "error"
    assert finding.pointer == "/publishedDateTime"
    days = (parse_datetime("2031-01-01T00:00:00Z") - NOW).days
    assert finding.message == (
        f"`publishedDateTime` 2031-01-01T00:00:00Z is {days:,} days in the future "
        "(now is 2026-11-26T12:00:00Z, tolerance 1 day)"
    )


def test_future_related_date_is_reported_at_the_related_item(tmp_path):
    text = related_published("2027-06-01T00:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM201")
    assert_at(finding, text, "2027-06-01T00:00:00Z")
    assert finding.pointer == "/related/0/publishedDateTime"


def test_a_date_within_the_tolerance_passes_and_just_beyond_fails(tmp_path):
    inside = stamp_after_now(timedelta(hours=23))
    beyond = stamp_after_now(timedelta(days=1, hours=1))
    assert only(lint_text(tmp_path, published(inside)), "FM201") == []
    [finding] = only(lint_text(tmp_path, published(beyond)), "FM201")
    assert "is 1 day 1 hour in the future" in finding.message


def test_tolerance_option_overrides_the_default(tmp_path):
    text = published(stamp_after_now(timedelta(hours=23)))
    config = {"rules": {"future-date": {"tolerance-days": 0}}}
    [finding] = only(lint_text(tmp_path, text, config=config), "FM201")
    assert "is 23 hours in the future" in finding.message
    assert "tolerance 0 days" in finding.message
    relaxed = {"rules": {"future-date": {"tolerance-days": 2000}}}
    assert only(lint_text(tmp_path, published("2031-01-01T00:00:00Z"), config=relaxed), "FM201") == []


def test_a_date_exactly_the_tolerance_ahead_passes_and_a_second_more_fails(tmp_path):
    exactly = stamp_after_now(timedelta(days=1))
    assert only(lint_text(tmp_path, published(exactly)), "FM201") == []
    [finding] = only(lint_text(tmp_path, published(stamp_after_now(timedelta(days=1, seconds=1)))), "FM201")
    assert "is 1 day in the future" in finding.message


def test_a_tolerance_past_the_end_of_the_calendar_reports_nothing(tmp_path):
    config = {"rules": {"future-date": {"tolerance-days": 1e12}}}
    assert only(lint_text(tmp_path, published("9999-12-31T23:59:59Z"), config=config), "FM201") == []


def test_now_comes_from_the_run_not_the_clock(tmp_path):
    text = published("2031-01-01T00:00:00Z")
    later = parse_datetime("2032-01-01T00:00:00Z")
    assert only(lint_text(tmp_path, text, now=later), "FM201") == []


def test_negative_tolerance_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match='"tolerance-days" of "future-date"'):
        lint_text(tmp_path, ARTICLE, config={"rules": {"future-date": {"tolerance-days": -1}}})


# FM202 related-date-window


def test_related_article_years_older_is_a_warning_at_its_date(tmp_path):
    text = related_published("2022-01-15T00:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM202")
    assert_at(finding, text, "2022-01-15T00:00:00Z")
    assert finding.severity == "warning"
    assert finding.pointer == "/related/0/publishedDateTime"
    assert "before the article's 2024-04-02T09:30:00Z" in finding.message
    assert "at most 365 days apart" in finding.message


def test_related_article_three_days_later_passes(tmp_path):
    assert only(lint_text(tmp_path, related_published("2024-04-05T09:30:00Z")), "FM202") == []


def test_max_days_option_narrows_the_window(tmp_path):
    text = related_published("2024-04-05T09:30:00Z")
    config = {"rules": {"related-date-window": {"max-days": 2}}}
    [finding] = only(lint_text(tmp_path, text, config=config), "FM202")
    assert "3 days after the article's" in finding.message
    assert "at most 2 days apart" in finding.message


def test_a_window_of_zero_days_reports_a_related_date_one_second_apart(tmp_path):
    config = {"rules": {"related-date-window": {"max-days": 0}}}
    same = related_published("2024-04-02T09:30:00Z")
    assert only(lint_text(tmp_path, same, config=config), "FM202") == []
    text = related_published("2024-04-02T09:30:01Z")
    [finding] = only(lint_text(tmp_path, text, config=config), "FM202")
    assert "less than a minute after the article's" in finding.message


def test_window_needs_a_valid_article_date(tmp_path):
    text = published('"sometime in spring"').replace(
        RELATED_PUBLISHED, "publishedDateTime: 2001-01-01T00:00:00Z"
    )
    findings = lint_text(tmp_path, text)
    assert "FM100" in codes(findings)
    assert only(findings, "FM202") == []


# FM203 implausible-date


def test_epoch_zero_is_an_error(tmp_path):
    text = published("1970-01-01T00:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM203")
    assert_at(finding, text, "1970-01-01T00:00:00Z")
    assert finding.severity == "error"
    assert finding.message == (
        "`publishedDateTime` 1970-01-01T00:00:00Z is before 1995-01-01, the earliest plausible date"
    )


def test_every_datetime_key_of_related_items_is_checked(tmp_path):
    text = with_related_key("updatedDateTime: 1970-01-01T00:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM203")
    assert_at(finding, text, "1970-01-01T00:00:00Z")
    assert finding.pointer == "/related/0/updatedDateTime"


def test_unknown_keys_ending_in_datetime_are_checked_too(tmp_path):
    text = with_article_key("capturedDateTime: 1900-01-01T00:00:00Z")
    findings = lint_text(tmp_path, text)
    assert "FM100" in codes(findings)  # the schema does not know the key, but the date is still bad
    [finding] = only(findings, "FM203")
    assert finding.pointer == "/capturedDateTime"


def test_the_floor_itself_passes_and_a_second_before_fails(tmp_path):
    assert only(lint_text(tmp_path, published("1995-01-01T00:00:00Z")), "FM203") == []
    assert len(only(lint_text(tmp_path, published("1994-12-31T23:59:59Z")), "FM203")) == 1


def test_floor_option_accepts_a_date_or_a_date_time(tmp_path):
    by_date = {"rules": {"implausible-date": {"floor": "2024-04-03"}}}
    flagged = only(lint_text(tmp_path, ARTICLE, config=by_date), "FM203")
    assert [f.pointer for f in flagged] == ["/publishedDateTime", "/related/0/publishedDateTime"]
    by_time = {"rules": {"implausible-date": {"floor": "2024-04-02T09:00:00Z"}}}
    flagged = only(lint_text(tmp_path, ARTICLE, config=by_time), "FM203")
    assert [f.pointer for f in flagged] == ["/related/0/publishedDateTime"]


def test_unparseable_floor_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match='"floor" of "implausible-date"'):
        lint_text(tmp_path, ARTICLE, config={"rules": {"implausible-date": {"floor": "last year"}}})


# FM204 date-order


def test_update_before_publication_is_reported_at_the_update(tmp_path):
    text = with_article_key("updatedDateTime: 2024-04-01T08:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM204")
    assert_at(finding, text, "2024-04-01T08:00:00Z")
    assert finding.severity == "error"
    assert finding.message == (
        "`updatedDateTime` 2024-04-01T08:00:00Z is 1 day 1 hour before "
        "`publishedDateTime` 2024-04-02T09:30:00Z"
    )


def test_order_is_checked_in_related_items(tmp_path):
    text = with_related_key("updatedDateTime: 2024-03-27T14:00:00Z")
    [finding] = only(lint_text(tmp_path, text), "FM204")
    assert_at(finding, text, "2024-03-27T14:00:00Z")
    assert finding.pointer == "/related/0/updatedDateTime"


@pytest.mark.parametrize(
    "updated", ["2024-04-02T09:30:00Z", "2024-04-02T11:30:00+02:00", "2024-04-03T08:00:00Z"]
)
def test_equal_or_later_update_passes(tmp_path, updated):
    assert only(lint_text(tmp_path, with_article_key(f"updatedDateTime: {updated}")), "FM204") == []


def test_pairs_option_replaces_the_default_pairs(tmp_path):
    text = with_article_key("updatedDateTime: 2024-04-03T08:00:00Z")
    config = {"rules": {"date-order": {"pairs": [["updatedDateTime", "publishedDateTime"]]}}}
    [finding] = only(lint_text(tmp_path, text, config=config), "FM204")
    assert finding.pointer == "/publishedDateTime"
    none = {"rules": {"date-order": {"pairs": []}}}
    assert (
        only(
            lint_text(tmp_path, with_article_key("updatedDateTime: 2001-01-01T00:00:00Z"), config=none),
            "FM204",
        )
        == []
    )


@pytest.mark.parametrize("pairs", [[["publishedDateTime"]], [[1, 2]], ["publishedDateTime"]])
def test_malformed_pairs_are_a_config_error(tmp_path, pairs):
    with pytest.raises(ConfigError, match='"pairs" of "date-order"'):
        lint_text(tmp_path, ARTICLE, config={"rules": {"date-order": {"pairs": pairs}}})


# All date rules


@pytest.mark.parametrize(
    "text",
    [
        published("12345"),
        published('"not a date"'),
        published("2031-01-01"),  # a date without a time is the schema's business
        with_article_key("updatedDateTime: [1970, 1, 1]"),
        with_article_key("updatedDateTime: true"),
        ARTICLE.replace("related:\n", "related: 5\nunused:\n"),
        ARTICLE.replace("related:\n", "related:\n  - 5\n  - just text\n"),
        ARTICLE.replace('  - title: "Storm surge maps', '  - 1970DateTime: 1\n    title: "Storm surge maps'),
    ],
)
def test_wrong_types_do_not_crash_and_are_left_to_the_schema(tmp_path, text):
    findings = lint_text(tmp_path, text)
    assert "FM100" in codes(findings)
    assert [f for f in findings if f.code.startswith("FM2")] == []


def test_span_wording():
    assert span(1500 * 86400) == "1,500 days"
    assert span(-86400) == "1 day"
    assert span(86400 + 3 * 3600) == "1 day 3 hours"
    assert span(2 * 3600 + 59) == "2 hours"
    assert span(60) == "1 minute"
    assert span(59) == "less than a minute"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("FM201", "fm201-future-date.md"),
        ("FM202", "fm202-related-date-window.md"),
        ("FM203", "fm203-implausible-date.md"),
        ("FM204", "fm204-date-order.md"),
    ],
)
def test_broken_example_triggers_its_rule_and_no_other_date_or_schema_check(tmp_path, code, name):
    findings = lint_paths(tmp_path, [EXAMPLES / "broken" / name])
    assert [c for c in codes(findings) if c.startswith(OWN_OR_SCHEMA)] == [code]
