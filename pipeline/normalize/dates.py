"""Publication dates: parse what metadata says, and reason about years relative to it."""

from __future__ import annotations

import re
from functools import lru_cache

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def normalize_published(value: str) -> str:
    """Return ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as precise as the input.

    Accepts ISO forms and written dates ("January 10, 2017", "Jan 2017"). Raises ValueError for
    anything else, so a bad date in metadata becomes a reported error rather than a guess.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        return _format(year, month, day)
    return _parse_written(text)


def _format(year: int | None, month: int | None, day: int | None) -> str:
    import datetime as dt

    if year is None or not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"year out of range: {year}")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    dt.date(year, month, day)  # raises ValueError for 2017-02-30
    return f"{year:04d}-{month:02d}-{day:02d}"


def _parse_written(text: str) -> str:
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        raise ValueError(f"not a date: {text!r}")
    moment, period = data.date_obj, data.period
    if period == "year":
        return _format(moment.year, None, None)
    if period == "month":
        return _format(moment.year, moment.month, None)
    return _format(moment.year, moment.month, moment.day)


@lru_cache(maxsize=1)
def _date_parser():  # dateparser is slow to import; only written dates need it
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"STRICT_PARSING": False, "REQUIRE_PARTS": ["year"], "PREFER_DATES_FROM": "past"},
    )


def published_year(published: str | None) -> int | None:
    """The year of a normalized publication date."""
    return int(published[:4]) if published else None


RELATIVE_YEAR_OFFSETS: dict[str, int] = {
    "this year": 0,
    "last year": -1,
    "past year": -1,
    "previous year": -1,
    "next year": 1,
    "a year ago": -1,
    "two years ago": -2,
    "three years ago": -3,
}


def resolve_relative_year(phrase: str, reference_year: int | None) -> int | None:
    """"last year" in a 2017 article -> 2016; None when the phrase or the reference is unknown."""
    offset = RELATIVE_YEAR_OFFSETS.get(" ".join(phrase.lower().split()))
    if offset is None or reference_year is None:
        return None
    return reference_year + offset


def is_plausible_year(value: int) -> bool:
    return _MIN_YEAR <= value <= _MAX_YEAR


def infer_publication_year(
    restatements: list[tuple[int, int]],
    relative_offsets: list[int],
    explicit_years: list[int],
    lower_bounds: list[int] | None = None,
) -> int | None:
    """Estimate the year an undated article was written, or None without any year in it.

    ``restatements`` pairs (offset, year) where the same figure is tied both to a relative year
    ("1417 ... last year", offset -1) and to an explicit one ("in 2016 was 1417"): the strongest
    sign, so it wins. Otherwise the article is taken to be written in the latest year it names,
    or the year after when it speaks of "last year" but never of "this year", and never before
    a ``lower_bounds`` year (from a relative year set beside an explicit one: "63 in 2021 and
    67 last year" is written in 2023 or later).
    """
    if restatements:
        votes: dict[int, int] = {}
        for offset, year in restatements:
            votes[year - offset] = votes.get(year - offset, 0) + 1
        return max(votes, key=lambda y: (votes[y], y))
    if not explicit_years:
        return None
    estimate = max(explicit_years)
    if relative_offsets and 0 not in relative_offsets and min(relative_offsets) < 0:
        estimate += 1
    return max([estimate, *(lower_bounds or [])])
