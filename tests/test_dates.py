"""ingest.dates: date expressions near action triggers -> ISO dates (full or partial)."""

from __future__ import annotations

import pytest

from ingest.dates import resolve, to_date

# seed 000 was published on Friday 2019-10-11 ("first appeared in The Hill on 10/11/19")
FRIDAY = "2019-10-11"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", "2019-10-07"),  # "export restrictions, announced on Monday"
        ("On Tuesday", "2019-10-08"),  # "On Tuesday, the State Department's announced visa restrictions"
        ("Friday", "2019-10-11"),  # the day of publication itself
        ("last Friday", "2019-10-04"),
        ("today", "2019-10-11"),
        ("Today's", "2019-10-11"),
        ("yesterday", "2019-10-10"),
        ("last month", "2019-09"),
        ("in September", "2019-09"),
        ("this September", "2019-09"),
        ("in December", "2018-12"),  # a bare month after the base month is last year's
        ("last year", "2018"),
        ("earlier this year", "2019"),
        ("last week", "2019-10"),  # 30 Sep - 6 Oct straddles two months: the month of base - 7 days
        ("this week", "2019-10"),
    ],
)
def test_relative_expressions_resolve_against_the_base(text: str, expected: str) -> None:
    assert resolve(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 2018", "2018-12"),  # "prepared to designate Magnitsky human rights abusers in December 2018"
        ("October 25, 2007", "2007-10-25"),  # "designated pursuant to E.O. 13224 on October 25, 2007"
        ("March 26, 2019", "2019-03-26"),
        ("in October 1997", "1997-10"),
        ("2015", "2015"),  # "the 2015 Modern Slavery Act"
        ("10/11/19", "2019-10-11"),
        ("25 March 2021", "2021-03-25"),
        ("early 2019", "2019"),
    ],
)
def test_absolute_dates_need_no_base(text: str, expected: str) -> None:
    assert resolve(text, None) == expected
    assert resolve(text, FRIDAY) == expected


@pytest.mark.parametrize("text", ["on Monday", "last month", "this September", "last year", "Aug. 2", "today"])
def test_relative_dates_without_a_publication_date_are_null(text: str) -> None:
    # JUDGMENT_CALLS: relative dates in documents whose publication date is null -> date null
    assert resolve(text, None) is None


@pytest.mark.parametrize(
    "text", ["for years", "the next several years", "annually", "recently", "90-day", "the mid-2000s", "2007220050"]
)
def test_durations_vague_references_and_numbers_are_not_dates(text: str) -> None:
    assert resolve(text, FRIDAY) is None


def test_month_and_day_without_year_takes_the_base_year_or_the_year_before() -> None:
    assert resolve("Aug. 2", "2020-08-05") == "2020-08-02"
    # "Dec. 1" read in an October paper is last December, not two months ahead
    assert resolve("Dec. 1", FRIDAY) == "2018-12-01"


def test_future_preference_for_planned_measures() -> None:
    assert resolve("on Monday", FRIDAY, prefer_future=True) == "2019-10-14"
    assert resolve("next month", FRIDAY) == "2019-11"


def test_to_date_accepts_iso_strings_and_datetimes() -> None:
    assert to_date("2019-09-20T10:53:25-04:00").isoformat() == "2019-09-20"
    assert to_date("not a date") is None
    assert to_date(None) is None
