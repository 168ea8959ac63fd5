"""Time expressions -> values, and their resolution: must-parse and must-not-parse tables."""

import pytest

from pipeline.normalize.times import Resolved, TimeValue, parse_time, resolve, span_years

A, R, N, S = "absolute", "relative", "anchored", "span"

# (words, kind, years, month) -- words as the tokenizer splits them
MUST_PARSE = [
    ("2016", A, 2016, None), ("November 2016", A, 2016, 11), ("Nov. 2016", A, 2016, 11),
    ("Nov. 3 , 2016", A, 2016, 11), ("3 November 2016", A, 2016, 11), ("Sept. 2019", A, 2019, 9),
    ("FY2021", A, 2021, None), ("FY 2021", A, 2021, None), ("fiscal 2020", A, 2020, None),
    ("fiscal year 2019", A, 2019, None), ("FY'22", A, 2022, None), ("mid-2019", A, 2019, None),
    ("late 2013", A, 2013, None), ("December of 2022", A, 2022, 12),
    ("last year", R, -1, None), ("this year", R, 0, None), ("next year", R, 1, None), ("past year", R, -1, None),
    ("last year 's", R, -1, None), ("earlier this year", R, 0, None), ("so far this year", R, 0, None),
    ("two years ago", R, -2, None), ("a year ago", R, -1, None), ("3 years ago", R, -3, None),
    ("the year before last", R, -2, None),
    ("April last year", R, -1, 4), ("March of this year", R, 0, 3), ("December last year", R, -1, 12),
    ("this March", R, 0, 3), ("last April", R, 0, 4), ("April", R, 0, 4), ("Nov. 10", R, 0, 11),
    ("now", R, 0, None), ("today", R, 0, None), ("Monday", R, 0, None), ("last Friday", R, 0, None), ("so far", R, 0, None), ("to date", R, 0, None),
    ("the previous year", N, -1, None), ("the year before", N, -1, None), ("a year earlier", N, -1, None),
    ("two years earlier", N, -2, None), ("three years later", N, 3, None), ("the following year", N, 1, None),
    ("the same month last year", R, -1, None), ("the same period a year earlier", N, -1, None),
    ("the same quarter of the previous year", N, -1, None),
    ("a decade earlier", N, -10, None), ("two decades later", N, 20, None), ("a decade ago", R, -10, None),
    ("the next year", N, 1, None), ("that year", N, 0, None), ("the same year", N, 0, None), ("that November", N, 0, 11),
    # months by reference: an offset from the month named before, no month of their own
    ("that month", N, 0, None), ("the same month", N, 0, None), ("the following month", N, 0, None),
    ("a month later", N, 0, None), ("the same week", N, 0, None), ("that day", N, 0, None),
    ("the same month of 2022", A, 2022, None),
    # a fiscal or financial year by reference
    ("the previous fiscal year", N, -1, None), ("last fiscal year", R, -1, None), ("this financial year", R, 0, None),
    ("that same fiscal year", N, 0, None), ("next fiscal year 's", R, 1, None),
    # counting on from the story: no year or month of their own
    ("five weeks later", N, 0, None), ("days later", N, 0, None), ("several weeks earlier", N, 0, None),
    ("the 2010s", S, 2010, None), ("1990s", S, 1990, None), ("'90s", S, 1990, None), ("1994-1998", S, 1994, None), ("1994–98", S, 1994, None),
    ("between 2017 and 2023", S, 2017, None), ("from 2017 to 2023", S, 2017, None), ("2017 - 2019", S, 2017, None),
    ("the past two years", S, -2, None), ("the last three years", S, -3, None),
    # two months of one year name the year and no one month
    ("July and August 1995", A, 1995, None), ("between January and September 2019", A, 2019, None),
    ("May and June this year", R, 0, None), ("March to May last year", R, -1, None),
    ("between January 1997 and December 2022", S, 1997, None), ("from March 2020 to June 2021", S, 2020, None),
    ("between January 2020 and June 2020", A, 2020, None),
    # seasons name a year and no month
    ("this spring", R, 0, None), ("last winter", R, -1, None), ("spring 2019", A, 2019, None), ("summer of 2016", A, 2016, None),
]
MUST_NOT_PARSE = [
    "", "1417", "2,914", "30,208", "year", "the year 's end", "last", "May be", "between 2023 and 2017", "1,000 years ago",
    "Mondays", "the previous", "2100s4", "FY", "fiscal", "Tuesday last week", "several years ago", "40s", "the 80s",
    "spring", "July and 1995", "July and August", "between December 2022 and January 1997",
    "month", "the month", "months later", "a month", "that month 's end", "the following week",
    "weeks", "later", "many weeks later", "fiscal year", "the previous fiscal", "last fiscal year 2019",
    "decades ago", "a decade", "decades earlier", "the same month last", "the same thing last year",
]


@pytest.mark.parametrize(("text", "kind", "years", "month"), MUST_PARSE)
def test_time_expressions_parse(text, kind, years, month):
    value = parse_time(text.split())
    assert value is not None and (value.kind, value.years, value.month) == (kind, years, month)


@pytest.mark.parametrize("text", MUST_NOT_PARSE)
def test_non_time_expressions_do_not_parse(text):
    assert parse_time(text.split()) is None


MONTH_OFFSETS = [
    ("that month", 0), ("the same month", 0), ("that same month", 0), ("the following month", 1),
    ("the next month", 1), ("the previous month", -1), ("the month before", -1), ("the month after", 1),
    ("a month later", 1), ("two months later", 2), ("three months earlier", -3), ("6 months later", 6),
    ("the same week", 0), ("that day", 0), ("the same day", 0),
]


@pytest.mark.parametrize(("text", "offset"), MONTH_OFFSETS)
def test_months_by_reference_are_offsets_from_the_month_named_before(text, offset):
    value = parse_time(text.split())
    assert value is not None and value.kind == N and value.month_offset == offset


def test_days_are_kept():
    assert parse_time("Nov. 3 , 2016".split()).day == 3 and parse_time(["Oct.", "24"]).day == 24
    assert parse_time(["Tuesday"]).weekday == 1 and parse_time(["last", "Friday"]).which == "before"


def test_fiscal_years_are_marked():
    assert parse_time(["FY2021"]).fiscal and not parse_time(["2021"]).fiscal
    assert parse_time("the previous fiscal year".split()).fiscal


def test_spans_end_where_they_end():
    assert parse_time(["1994–98"]).end_year == 1998
    assert parse_time("the 2010s".split()).end_year == 2019


RESOLVE = [
    (TimeValue(A, 2016, 11), None, None, Resolved(2016, 11)),
    (TimeValue(R, -1), "2017", None, Resolved(2016)),
    (TimeValue(R, -1), None, None, None),  # an undated article: no guess
    (TimeValue(R, -1, month=4), "2017-01-10", None, Resolved(2016, 4)),
    (TimeValue(R, 0, month=4, which="latest"), "2017-06", None, Resolved(2017, 4)),
    (TimeValue(R, 0, month=11, which="latest"), "2017-06", None, Resolved(2016, 11)),
    (TimeValue(R, 0, month=6, which="before"), "2017-06", None, Resolved(2016, 6)),
    (TimeValue(R, 0, month=6, which="latest"), "2017-06", None, Resolved(2017, 6)),
    (TimeValue(R, 0, month=9, which="same"), "2017-06", None, Resolved(2017, 9)),
    (TimeValue(R, 0, month=4, which="latest"), "2017", None, Resolved(2017, 4)),
    (TimeValue(R, 0, month=11, which="before"), "2018", None, Resolved(2017, 11)),  # "last November"
    (TimeValue(R, 0, month_offset=-1), "2024-01-05", None, Resolved(2023, 12)),
    (TimeValue(R, 0, month_offset=-1), "2024", None, None),
    (TimeValue(R, 0, month_offset=0), "2024", None, Resolved(2024)),
    (TimeValue(N, -1), "2020", 2019, Resolved(2018)),
    (TimeValue(N, -1), "2020", None, None),
    (TimeValue(N, 0, month_offset=0), "2020", (2019, 11), Resolved(2019, 11)),  # "that month" after November 2019
    (TimeValue(N, 0, month_offset=1), "2020", (2019, 12), Resolved(2020, 1)),  # "the following month"
    (TimeValue(N, 0, month_offset=-2), "2020", (2019, 1), Resolved(2018, 11)),  # "two months earlier"
    (TimeValue(N, 0, month_offset=0), "2020", (2019, None), Resolved(2019)),  # only a year named before
    (TimeValue(N, 0, month_offset=1), "2020", (2019, None), None),  # "the following month" of no month
    (TimeValue(A, 2022, month_offset=0), "2024", (2023, 12), Resolved(2022, 12)),  # "the same month of 2022"
    # a weekday is the latest such day on or before a full publication date ("last": before it)
    (TimeValue(R, 0, weekday=1, which="latest"), "2024-08-20", None, Resolved(2024, 8, 20)),
    (TimeValue(R, 0, weekday=2, which="before"), "2019-08-05", None, Resolved(2019, 7, 31)),
    (TimeValue(R, 0, weekday=0, which="before"), "2019-08-05", None, Resolved(2019, 7, 29)),
    (TimeValue(R, 0, weekday=4, which="after"), "2019-08-05", None, Resolved(2019, 8, 9)),
    (TimeValue(R, 0, weekday=4, which="latest"), "2019", None, Resolved(2019)),
    (TimeValue(R, 0, month=10, which="latest", day=24), "2023", None, Resolved(2023, 10, 24)),
    (TimeValue(S, 2017, end_year=2019), "2020", None, None),
]


@pytest.mark.parametrize(("value", "published", "anchor", "expected"), RESOLVE)
def test_resolution_against_publication_and_anchor(value, published, anchor, expected):
    year, month = anchor if isinstance(anchor, tuple) else (anchor, None)
    assert resolve(value, published, year, month) == expected


def test_the_years_of_a_span():
    assert span_years(parse_time("the past two years".split()), "2019") == [2017, 2018]
    assert span_years(parse_time(["1994-1996"]), None) == [1994, 1995, 1996]
    assert span_years(parse_time(["2016"]), "2019") == []
