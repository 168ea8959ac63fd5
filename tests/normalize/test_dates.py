import pytest

from pipeline.normalize.dates import (
    infer_publication_year,
    normalize_published,
    resolve_relative_year,
)

MUST_PARSE = [
    ("2017", "2017"),
    ("2017-01", "2017-01"),
    ("2017-1", "2017-01"),
    ("2017-01-10", "2017-01-10"),
    (" 2017-01-10 ", "2017-01-10"),
    ("January 10, 2017", "2017-01-10"),
    ("10 January 2017", "2017-01-10"),
    ("Jan. 2017", "2017-01"),
    ("March 2020", "2020-03"),
]
MUST_NOT_PARSE = ["", "soon", "2017-13", "2017-02-30", "0999", "yesterday-ish", "1417 defectors"]


@pytest.mark.parametrize(("text", "expected"), MUST_PARSE)
def test_published_dates_keep_their_precision(text, expected):
    assert normalize_published(text) == expected


@pytest.mark.parametrize("text", MUST_NOT_PARSE)
def test_published_dates_refuse_non_dates(text):
    with pytest.raises(ValueError):
        normalize_published(text)


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("last year", 2017, 2016),
        ("Last  Year", 2017, 2016),
        ("this year", 2017, 2017),
        ("next year", 2017, 2018),
        ("two years ago", 2017, 2015),
        ("last year", None, None),
        ("last month", 2017, None),
    ],
)
def test_relative_years_resolve_against_the_publication_year(phrase, reference, expected):
    assert resolve_relative_year(phrase, reference) == expected


def test_a_restated_figure_dates_the_article():
    # "1417 ... last year" and "in 2016 was 1417": written in 2017, whatever else it names.
    assert infer_publication_year([(-1, 2016)], [-1, -1], [2011, 2016, 2019]) == 2017


def test_last_year_without_restatement_follows_the_latest_year_named():
    assert infer_publication_year([], [-1], [2009, 2015]) == 2016


def test_this_year_means_the_latest_year_named():
    assert infer_publication_year([], [0, -1], [2022, 2023]) == 2023


def test_a_relative_year_beside_an_explicit_one_is_a_lower_bound():
    # "63 in 2021 and 67 last year": last year is after 2021, so written in 2023 or later
    assert infer_publication_year([], [-1, 0], [2019, 2021], lower_bounds=[2023]) == 2023


def test_without_relative_dates_the_latest_year_named_is_the_estimate():
    assert infer_publication_year([], [], [2016, 2024]) == 2024


def test_no_year_named_no_guess():
    assert infer_publication_year([], [-1], []) is None
    assert infer_publication_year([], [], []) is None
