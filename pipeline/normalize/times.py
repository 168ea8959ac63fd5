"""Time expressions as written in news text -> values, and their resolution. Pure.

:func:`parse_time` reads the words of one time expression ("November 2016", "FY2021", "April
last year", "the previous year", "the 2010s", "between 2017 and 2023") into a :class:`TimeValue`
that says what the words fix and what they leave to context:

- ``absolute``: a year, perhaps a month ("in 2016", "Nov. 3, 2016", "fiscal 2020");
- ``relative``: years (and months) from the publication date ("last year", "this March",
  "April last year", "last month", "two years ago", "now");
- ``anchored``: years from a year the text named before ("the previous year", "a year
  earlier", "that year", "the following year"), or months from a month it named before ("that
  month", "the following month", "a month later"; "that day" and "the same week" fall in the
  month named before);
- ``span``: several years, no one year ("the 2010s", "1994-1998", "between 2017 and 2023", "the
  past two years").

:func:`resolve` turns a value into a year and month given the publication date and the anchor,
or None when the context does not fix it (a relative year in an undated article stays
unresolved rather than guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from .numbers import parse_number_words

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ),
    start=1,
):  # fmt: skip
    for _name in _names:
        MONTHS[_name] = _number
        MONTHS[_name + "."] = _number

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_FISCAL = re.compile(r"^fy'?(\d{2}|\d{4})$")
_DECADE = re.compile(r"^(?:((?:1[89]|20)\d)|'(\d))0s$")  # "1990s", "'90s"; never "40s" (an age)
_YEAR_RANGE = re.compile(r"^((?:1[89]|20)\d\d)[-–—/]((?:1[89]|20)?\d\d)$")
_MID_YEAR = re.compile(r"^(?:mid|early|late)-((?:1[89]|20)\d\d)$")
_DAY = re.compile(r"^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")

RELATIVE_WORDS: dict[str, int] = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
ANCHOR_WORDS: dict[str, int] = {
    "previous": -1, "prior": -1, "preceding": -1, "before": -1, "earlier": -1, "following": 1, "next": 1,
    "after": 1, "later": 1, "same": 0,
}  # fmt: skip
NOW_PHRASES = frozenset({"now", "today", "currently", "so far", "to date", "at present", "as of now", "presently"})
SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_MONTH_JOINERS = frozenset({"and", "or", "to", "through", "until", "-", "–"})
_WEEKDAY_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(_WEEKDAY_ORDER)

Kind = Literal["absolute", "relative", "anchored", "span"]


@dataclass(frozen=True)
class TimeValue:
    """What a time expression fixes. ``years`` is the year (absolute), the offset in years
    (relative, anchored) or the first year (span); see the module docstring."""

    kind: Kind
    years: int = 0
    month: int | None = None
    month_offset: int | None = None  # "last month": -1; "this month": 0
    # For a month named without a year: "latest" ("in April": the latest April on or before
    # publication), "before" ("last April": strictly before), "same" ("this March").
    which: Literal["latest", "before", "same", "after"] | None = None
    end_year: int | None = None  # last year of a span
    fiscal: bool = False
    day: int | None = None  # the day of the month, when the words name one ("Nov. 3, 2016", "Oct. 24")
    weekday: int | None = None  # "on Tuesday" (0 = Monday): a day of the week of publication


def parse_year(word: str) -> int | None:
    """"2016" -> 2016; years outside 1800-2099 and counts with separators are no years."""
    return int(word) if _YEAR.match(word) else None


def parse_month(word: str) -> int | None:
    return MONTHS.get(word.lower())


def parse_time(words: list[str]) -> TimeValue | None:
    """Read one time expression; None when the words are not one (see the test tables)."""
    lowered = [w.lower() for w in words if w not in {",", "'s", "’s"}]
    if not lowered:
        return None
    if len(lowered) > 3 and lowered[:2] == ["the", "same"] and lowered[2] in _SAME_PERIODS:
        value = parse_time(lowered[3:] if lowered[3] != "of" else lowered[4:])  # "the same month last year"
        if value is not None and value.kind in {"relative", "anchored"} and value.month is None:
            return value
    if len(lowered) > 2 and lowered[-1] == "year" and lowered[-2] in {"fiscal", "financial"}:
        value = parse_time(lowered[:-2] + ["year"])  # "the previous fiscal year", "last financial year"
        return replace(value, fiscal=True) if value is not None and value.kind != "absolute" else None
    phrase = " ".join(lowered)
    if phrase in NOW_PHRASES:
        return TimeValue("relative", 0)
    if phrase in {"the year before last", "the year before last year"}:
        return TimeValue("relative", -2)
    if lowered[-1] in WEEKDAYS and (len(lowered) == 1 or lowered[0] in {"last", "this", "next"}) and len(lowered) <= 2:
        which = {"last": "before", "next": "after"}.get(lowered[0], "latest")
        return TimeValue("relative", 0, weekday=_WEEKDAY_ORDER.index(lowered[-1]), which=which)  # "on Monday"
    return (
        _absolute(lowered)
        or _span(lowered)
        or _relative(lowered)
        or _anchored(lowered)
    )


def _absolute(words: list[str]) -> TimeValue | None:
    if len(words) == 1:
        word = words[0]
        if (year := parse_year(word)) is not None:
            return TimeValue("absolute", year)
        if match := _FISCAL.match(word):
            return TimeValue("absolute", _full_year(match.group(1)), fiscal=True)
        if match := _MID_YEAR.match(word):
            return TimeValue("absolute", int(match.group(1)))
        return None
    if words[0] in {"fy", "fiscal"}:
        rest = [w for w in words[1:] if w != "year"]
        if len(rest) == 1 and (year := parse_year(rest[0])) is not None:
            return TimeValue("absolute", year, fiscal=True)
        return None
    if words[0] in {"early", "mid", "late", "mid-"} and len(words) == 2 and (year := parse_year(words[1])):
        return TimeValue("absolute", year)
    year = parse_year(words[-1])
    if year is None:
        return None
    if " ".join(w for w in words[:-1] if w not in {"of", "in"}) in _SAME_MONTH:
        return TimeValue("absolute", year, month_offset=0)  # "the same month of 2022": that year, the month named before
    head = [w for w in words[:-1] if w != "of"]
    if len(head) == 1 and head[0] in SEASONS:  # "spring 2019": the year, no one month
        return TimeValue("absolute", year)
    if head and head[0] in {"between", "from"}:
        head = head[1:]
    if len(head) == 3 and head[1] in _MONTH_JOINERS and parse_month(head[0]) and parse_month(head[2]):
        return TimeValue("absolute", year)  # "July and August 1995": the year, no one month
    months = [parse_month(w) for w in head if parse_month(w)]
    days = [w for w in head if _DAY.match(w)]
    if len(months) == 1 and len(head) == 1 + len(days) and len(days) <= 1:
        return TimeValue("absolute", year, month=months[0], day=_day(days[0]) if days else None)
    return None


def _span(words: list[str]) -> TimeValue | None:
    if len(words) == 1:
        if match := _DECADE.match(words[0]):
            start = int(match.group(1)) * 10 if match.group(1) else 1900 + int(match.group(2)) * 10
            return TimeValue("span", start, end_year=start + 9)
        if match := _YEAR_RANGE.match(words[0]):
            return _year_span(match.group(1), match.group(2))
        return None
    if words[0] == "the" and len(words) == 2 and (match := _DECADE.match(words[1])):
        return _span(words[1:])
    years = [w for w in words if parse_year(w) is not None]
    # "between January 1997 and December 2022", "from March 2020 to June 2021"
    months = [w for w in words if parse_month(w) is not None]
    if len(years) == 2 and len(months) == 2 and words[0] in {"between", "from"}:
        if years[0] == years[1]:
            return TimeValue("absolute", int(years[0]))
        return _year_span(years[0], years[1])
    if len(years) == 2 and len(words) in {3, 4} and any(w in {"-", "–", "—", "and", "to", "through", "until"} for w in words):
        if words[0] in {"between", "from"} or len(words) == 3:
            return _year_span(years[0], years[1])
    # "the past two years", "the last three years", "each of the past two years"
    if len(words) >= 3 and words[-1] == "years" and words[-3] in {"past", "last"}:
        count = parse_number_words([words[-2]]) if not words[-2].isdigit() else float(words[-2])
        if count and count > 1:
            return TimeValue("span", -int(count), end_year=-1, month_offset=None)
    return None


def _year_span(first: str, second: str) -> TimeValue | None:
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    return TimeValue("span", start, end_year=end) if end > start else None


def _relative(words: list[str]) -> TimeValue | None:
    phrase = " ".join(words)
    # "earlier this year", "later this month", "so far this year"
    for lead in ("earlier ", "later ", "so far ", "late ", "early "):
        if phrase.startswith(lead) and len(words) > 2:
            return _relative(phrase[len(lead) :].split())
    if len(words) == 2 and words[0] in RELATIVE_WORDS:
        offset = RELATIVE_WORDS[words[0]]
        if words[1] == "year":
            return TimeValue("relative", offset)
        if words[1] == "month":
            return TimeValue("relative", 0, month_offset=offset)
        if words[1] in SEASONS:
            return TimeValue("relative", offset)  # "this spring", "last winter": the year, no month
        if words[1] == "week":
            return TimeValue("relative", 0)  # "this week": the year of publication; no month is named
        if (month := parse_month(words[1])) is not None and offset <= 0:  # "last April", "this March"
            return TimeValue("relative", 0, month=month, which="before" if offset < 0 else "same")
    if len(words) == 1 and (month := parse_month(words[0])) is not None:  # "in April"
        return TimeValue("relative", 0, month=month, which="latest")
    if len(words) == 2 and (month := parse_month(words[0])) is not None and _DAY.match(words[1]):  # "Nov. 10"
        return TimeValue("relative", 0, month=month, which="latest", day=_day(words[1]))
    if len(words) == 2 and _DAY.match(words[0]) and (month := parse_month(words[1])) is not None:  # "10 November"
        return TimeValue("relative", 0, month=month, which="latest", day=_day(words[0]))
    # "May and June this year": the year, no one month
    if len(words) >= 5 and words[-1] == "year" and words[-2] in RELATIVE_WORDS:
        head = [w for w in words[:-2] if w not in {"of", "between", "from"}]
        if len(head) == 3 and head[1] in _MONTH_JOINERS and parse_month(head[0]) and parse_month(head[2]):
            return TimeValue("relative", RELATIVE_WORDS[words[-2]])
    # "April last year", "March of this year"
    rest = [w for w in words[1:] if w != "of"]
    if words and (month := parse_month(words[0])) is not None and len(rest) == 2 and rest[1] == "year":
        if rest[0] in RELATIVE_WORDS:
            return TimeValue("relative", RELATIVE_WORDS[rest[0]], month=month)
    # "a year ago", "two years ago", "a decade ago"
    if len(words) >= 3 and words[-1] == "ago" and words[-2] in _YEARS_IN:
        count = _count(words[:-2])
        if count:
            return TimeValue("relative", -count * _YEARS_IN[words[-2]])
    return None


_SAME_PERIODS = frozenset({"month", "period", "quarter", "week", "day", "time", "season"})
_YEARS_IN = {"year": 1, "years": 1, "decade": 10, "decades": 10}  # the units "ago"/"earlier" count in


_SAME_MONTH = frozenset({"that month", "the same month", "that same month", "that very month", "that week",
                         "the same week", "that same week", "that day", "the same day", "that same day"})  # fmt: skip


def _anchored(words: list[str]) -> TimeValue | None:
    phrase = " ".join(words)
    month = _anchored_month(words) or _anchored_days(words)
    if month is not None:
        return month
    if phrase in {"that year", "that same year", "the same year", "the year", "that very year"}:
        return TimeValue("anchored", 0)
    if len(words) == 2 and words[0] in {"that", "the", "same"} and (month := parse_month(words[1])) is not None:
        return TimeValue("anchored", 0, month=month)  # "that November": in the year just named
    if len(words) == 3 and words[0] == "the" and words[2] == "year" and words[1] in ANCHOR_WORDS:
        return TimeValue("anchored", ANCHOR_WORDS[words[1]])  # "the previous year", "the following year"
    if len(words) == 3 and words[:2] == ["the", "year"] and words[2] in {"before", "after"}:
        return TimeValue("anchored", ANCHOR_WORDS[words[2]])  # "the year before"
    if len(words) >= 3 and words[-2] in _YEARS_IN and words[-1] in {"earlier", "later", "before", "after"}:
        count = _count(words[:-2])  # "a year earlier", "two years later", "a decade earlier"
        if count:
            return TimeValue("anchored", count * _YEARS_IN[words[-2]] * ANCHOR_WORDS[words[-1]])
    return None


def _anchored_days(words: list[str]) -> TimeValue | None:
    """"five weeks later", "days earlier", "a week later": a time after (before) the one the text
    named last; it names no year or month of its own, but a month named after it in its sentence
    is the story's ("Just over five weeks later, on December 21": the December after the
    November told before)."""
    if len(words) < 2 or words[-1] not in {"later", "earlier", "after", "before"}:
        return None
    if words[-2] not in {"day", "days", "week", "weeks", "hour", "hours"}:
        return None
    count = words[:-2]
    if count and count not in (["a"], ["an"], ["a", "few"], ["several"]) and not _count(count):
        return None
    return TimeValue("anchored", 0, which="after" if words[-1] in {"later", "after"} else "before")


def _anchored_month(words: list[str]) -> TimeValue | None:
    """"that month", "the following month", "two months later": an offset in months from the
    month the text named before (``month_offset``), no year of their own."""
    if " ".join(words) in _SAME_MONTH:
        return TimeValue("anchored", 0, month_offset=0)
    if len(words) == 3 and words[0] == "the" and words[2] == "month" and words[1] in ANCHOR_WORDS:
        return TimeValue("anchored", 0, month_offset=ANCHOR_WORDS[words[1]])  # "the following month"
    if len(words) == 3 and words[:2] == ["the", "month"] and words[2] in {"before", "after"}:
        return TimeValue("anchored", 0, month_offset=ANCHOR_WORDS[words[2]])  # "the month before"
    if len(words) >= 3 and words[-2] in {"month", "months"} and words[-1] in {"earlier", "later", "before", "after"}:
        count = _count(words[:-2])  # "a month later", "two months earlier"
        if count:
            return TimeValue("anchored", 0, month_offset=count * ANCHOR_WORDS[words[-1]])
    return None


def _day(word: str) -> int:
    match = _DAY.match(word)
    return int(match.group(1)) if match else 0


def _count(words: list[str]) -> int | None:
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if words in (["a"], ["an"], ["one"]):
        return 1
    value = parse_number_words(words)
    return int(value) if value else None


def _full_year(digits: str) -> int:
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


@dataclass(frozen=True)
class Resolved:
    year: int
    month: int | None = None
    day: int | None = None


def resolve(value: TimeValue, published: str | None, anchor: int | None = None,
            anchor_month: int | None = None) -> Resolved | None:
    """The year (and month) ``value`` names, given the publication date ("2017", "2017-01",
    "2017-01-10") and, for anchored phrases, the year (and month) the text named last. Spans
    resolve to None: they name no one year. A month by reference ("that month") needs the month
    named before; with only a year before it, "that month" still names that year."""
    if value.kind == "absolute":
        if value.month_offset is not None:
            return Resolved(value.years, anchor_month)
        return Resolved(value.years, value.month, value.day)
    if value.kind == "anchored" and value.month_offset is not None:
        if anchor is None:
            return None
        if anchor_month is None:  # "in 2015 ... that month": the year, no month
            return Resolved(anchor) if value.month_offset == 0 else None
        total = anchor * 12 + (anchor_month - 1) + value.month_offset
        return Resolved(total // 12, total % 12 + 1)
    if value.kind == "anchored" and value.which is not None:
        return None  # "five weeks later": it dates the months named after it, not a figure (see pairing)
    if value.kind == "anchored":
        return Resolved(anchor + value.years, value.month) if anchor is not None else None
    if value.kind != "relative" or not published:
        return None
    year, month = int(published[:4]), int(published[5:7]) if len(published) >= 7 else None
    if value.weekday is not None:
        return _weekday(value, published)
    if value.month_offset is not None:
        if month is None:
            return Resolved(year) if value.month_offset == 0 else None
        total = year * 12 + (month - 1) + value.month_offset
        return Resolved(total // 12, total % 12 + 1)
    if value.month is not None and value.which is not None:
        if month is None:  # "last November" in an article dated only by its year: the year before
            return Resolved(year - 1 if value.which == "before" else year, value.month, value.day)
        if value.month > month or (value.which == "before" and value.month == month):
            return Resolved(year - 1 if value.which != "same" else year, value.month, value.day)
        return Resolved(year, value.month, value.day)
    return Resolved(year + value.years, value.month)


def _weekday(value: TimeValue, published: str) -> Resolved:
    """"on Tuesday" is the latest Tuesday on or before a publication day ("last Tuesday" the one
    before it, "next Tuesday" the one after); with only a year or a month published, the year."""
    if len(published) < 10:
        return Resolved(int(published[:4]))
    today = date.fromisoformat(published[:10])
    if value.which == "after":
        day = today + timedelta(days=(value.weekday - today.weekday()) % 7 or 7)
    else:
        back = (today.weekday() - value.weekday) % 7
        day = today - timedelta(days=back or (7 if value.which == "before" else 0))
    return Resolved(day.year, day.month, day.day)


def span_years(value: TimeValue, published: str | None) -> list[int]:
    """Every year of a span ("the past two years" in a 2019 article: [2017, 2018])."""
    if value.kind != "span":
        return []
    if value.end_year is not None and value.years > 1000:
        return list(range(value.years, value.end_year + 1))
    if published and value.end_year is not None:
        year = int(published[:4])
        return list(range(year + value.years, year + value.end_year + 1))
    return []
