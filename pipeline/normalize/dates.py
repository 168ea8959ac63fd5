"""Publication dates: parse what metadata says, and reason about years relative to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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


def is_plausible_year(value: int) -> bool:
    return _MIN_YEAR <= value <= _MAX_YEAR


@dataclass(frozen=True)
class PublicationSigns:
    """What an undated article says about when it was written (see :func:`infer_publication_year`).

    ``restatements``, ``year_references`` and ``name_restatements`` are (offset, year) pairs:
    the same thing tied to a relative year (offset -1 for "last year") and to an explicit one.
    ``anniversaries`` are years reached by counting from the earliest year named ("twenty-five
    years on"). ``lower_bounds`` are years the article cannot be earlier than.
    """

    restatements: list[tuple[int, int]] = field(default_factory=list)
    year_references: list[tuple[int, int]] = field(default_factory=list)
    name_restatements: list[tuple[int, int]] = field(default_factory=list)
    anniversaries: list[int] = field(default_factory=list)
    relative_offsets: list[int] = field(default_factory=list)
    explicit_years: list[int] = field(default_factory=list)
    lower_bounds: list[int] = field(default_factory=list)


def infer_publication_year(signs: PublicationSigns) -> int | None:
    """Estimate the year an undated article was written, or None without any year in it.

    The strongest sign wins: a figure restated with a relative and an explicit year, then a
    year naming last year's figure; otherwise the latest year the article names, or a later
    lower bound (a past year set beside "last year", a year spoken of as over), or else the year
    after the latest named when the article speaks of "last year" but never of "this year";
    moved up to a later anniversary or a restated name.
    """
    for pairs in (signs.restatements, signs.year_references):
        if pairs:
            return _vote(pairs)
    if not signs.explicit_years:
        return None
    estimate = max(signs.explicit_years)
    offsets = signs.relative_offsets
    if signs.lower_bounds:  # they already say where "last year" lies; do not count it twice
        estimate = max(estimate, *signs.lower_bounds)
    elif offsets and 0 not in offsets and min(offsets) < 0:
        estimate += 1
    later = [year for year in signs.anniversaries if estimate <= year <= estimate + 10]
    if signs.name_restatements:
        named = _vote(signs.name_restatements)
        if estimate <= named <= estimate + 10:
            later.append(named)
    return max([estimate, *later, *signs.lower_bounds])


def _vote(pairs: list[tuple[int, int]]) -> int:
    votes: dict[int, int] = {}
    for offset, year in pairs:
        votes[year - offset] = votes.get(year - offset, 0) + 1
    return max(votes, key=lambda y: (votes[y], y))
