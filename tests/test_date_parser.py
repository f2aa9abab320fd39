"""linter.reading.dates through its public functions: every accepted form, naive values in the
configured zone, the RFC 3339-only mode, and how a date compares with a date-time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from linter.reading.dates import earlier, gap_seconds, load_zone, parse_datetime, parse_moment

UTC = timezone.utc
PLUS2 = timezone(timedelta(hours=2))
BERLIN = load_zone("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "instant", "date_only"),
    [
        ("2019-01-01T10:00:00Z", datetime(2019, 1, 1, 10, tzinfo=UTC), False),
        ("2019-01-01t10:00:00z", datetime(2019, 1, 1, 10, tzinfo=UTC), False),
        ("2019-01-01T10:00:00.5+02:00", datetime(2019, 1, 1, 10, 0, 0, 500000, tzinfo=PLUS2), False),
        ("2019-01-01T10:00:00.123456789Z", datetime(2019, 1, 1, 10, 0, 0, 123456, tzinfo=UTC), False),
        ("2019-01-01 10:00:00 +0000", datetime(2019, 1, 1, 10, tzinfo=UTC), False),
        ("2019-01-01 10:00:00 -0530", datetime(2019, 1, 1, 15, 30, tzinfo=UTC), False),
        ("2019-01-01 10:00:00+02", datetime(2019, 1, 1, 8, tzinfo=UTC), False),
        ("  2019-01-01T10:00:00Z \n", datetime(2019, 1, 1, 10, tzinfo=UTC), False),
        ("2019-01-01T10:00", datetime(2019, 1, 1, 10, tzinfo=UTC), False),
        ("2019-01-01 10:00:00", datetime(2019, 1, 1, 10, tzinfo=UTC), False),
        ("2019-01-01", datetime(2019, 1, 1, tzinfo=UTC), True),
        ("2024-02-29", datetime(2024, 2, 29, tzinfo=UTC), True),
        (" 2019-01-01", datetime(2019, 1, 1, tzinfo=UTC), True),
        ("0001-01-01", datetime(1, 1, 1, tzinfo=UTC), True),
    ],
)
def test_each_form_is_read_as_the_same_instant(text, instant, date_only):
    moment = parse_moment(text)
    assert moment is not None
    assert moment.instant == instant
    assert moment.date_only is date_only


@pytest.mark.parametrize(
    "text",
    ["", "2019", "2019-1-1", "2019-02-30", "2023-02-29", "2019-13-01", "2019-00-10", "0000-01-01", "2019-01-32",
     "2019-01-0\u0661", "2019/01/01", "2019-01-01T25:00", "2019-01-01T10:00:00+24:00", "yesterday",
     "2019-01-01T10:00:00Zjunk"],
)  # fmt: skip
def test_what_is_not_a_date_is_none(text):
    assert parse_moment(text) is None


@pytest.mark.parametrize(
    "text",
    ["2020-W39-3T02:44:00Z", "2020-W39-3T02:44:00.5Z", "20200923T024400.123Z", "2019-01-01T24:00:00Z",
     "2019-02-29T10:00:00Z", "2019-01-01T10:00:60Z", "2019-01-01X10:00:00Z"],
)  # fmt: skip
def test_iso_8601_forms_outside_rfc_3339_are_no_dates_in_either_mode(text):
    assert parse_moment(text) is None
    assert parse_moment(text, UTC, rfc3339=True) is None


@pytest.mark.parametrize("value", [None, 20190101, 1.5, True, ["2019-01-01"]])
def test_a_value_that_is_not_text_nor_a_date_is_none(value):
    assert parse_moment(value) is None


def test_naive_values_are_read_in_the_configured_zone():
    moment = parse_moment("2024-07-01 12:00", BERLIN)
    assert moment is not None
    assert moment.instant.astimezone(UTC) == datetime(2024, 7, 1, 10, tzinfo=UTC)  # CEST, +2
    winter = parse_moment("2024-01-15T12:00:00", BERLIN)
    assert winter is not None and winter.instant.astimezone(UTC) == datetime(2024, 1, 15, 11, tzinfo=UTC)
    day = parse_moment("2024-07-01", BERLIN)
    assert day is not None and day.instant.astimezone(UTC) == datetime(2024, 6, 30, 22, tzinfo=UTC)


def test_a_written_zone_wins_over_the_configured_one():
    moment = parse_moment("2024-07-01T12:00:00Z", BERLIN)
    assert moment is not None and moment.instant == datetime(2024, 7, 1, 12, tzinfo=UTC)


def test_date_and_datetime_objects_from_other_readers():
    naive = parse_moment(datetime(2024, 7, 1, 12), BERLIN)
    assert naive is not None and naive.instant.utcoffset() == timedelta(hours=2) and not naive.date_only
    day = parse_moment(date(2024, 7, 1))
    assert day is not None and day.date_only and day.instant == datetime(2024, 7, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("2019-01-01T10:00:00Z", True),
        ("2019-01-01T10:00:00+02:00", True),
        ("2019-01-01T10:00:00", False),
        ("2019-01-01", False),
        ("2019-01-01 10:00:00 +0000", False),
    ],
)
def test_rfc3339_mode_accepts_only_zoned_date_times_with_a_t(text, accepted):
    assert (parse_moment(text, UTC, rfc3339=True) is not None) is accepted


def moment(text: str):
    found = parse_moment(text)
    assert found is not None
    return found


def test_date_times_compare_as_instants():
    assert earlier(moment("2024-05-01T10:00:00Z"), moment("2024-05-01T10:00:01Z"), UTC)
    assert not earlier(moment("2024-05-01T12:00:00+02:00"), moment("2024-05-01T10:00:00Z"), UTC)  # equal
    assert gap_seconds(moment("2024-05-01T10:00:00Z"), moment("2024-05-01 12:30:00 +0100")) == 5400


def test_a_date_against_a_date_time_compares_calendar_days_either_way_round():
    day, evening = moment("2024-05-01"), moment("2024-05-01T18:00:00Z")
    assert not earlier(evening, day, UTC) and not earlier(day, evening, UTC)  # same day: in order
    assert earlier(day, moment("2024-05-02T00:30:00Z"), UTC)
    assert earlier(moment("2024-04-30T23:59:00Z"), day, UTC)


def test_the_calendar_day_of_a_date_time_is_taken_in_the_configured_zone():
    day, late = moment("2024-05-02"), moment("2024-05-01T23:00:00Z")  # 01:00 on May 2 in Berlin
    assert earlier(late, day, UTC)
    assert not earlier(late, day, BERLIN)


def test_two_dates_compare_by_day():
    assert earlier(moment("2024-05-01"), moment("2024-05-02"), UTC)
    assert not earlier(moment("2024-05-01"), moment("2024-05-01"), UTC)


def test_parse_datetime_for_config_values():
    assert parse_datetime("2026-11-26") == datetime(2026, 11, 26, tzinfo=UTC)
    assert parse_datetime("2026-11-26T12:00:00+01:00") == datetime(2026, 11, 26, 11, tzinfo=UTC)
    with pytest.raises(ValueError, match="not a date or date-time"):
        parse_datetime("soon")


@pytest.mark.parametrize(
    ("name", "offset"),
    [("UTC", timedelta(0)), ("z", timedelta(0)), ("+02:00", timedelta(hours=2)), ("-0330", -timedelta(hours=3, minutes=30))],
)  # fmt: skip
def test_load_zone_fixed_offsets(name, offset):
    assert load_zone(name).utcoffset(None) == offset


def test_load_zone_refuses_an_unknown_name():
    with pytest.raises(ValueError, match="is not a known time zone"):
        load_zone("Mars/Olympus")
