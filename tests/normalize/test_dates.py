import pytest

from pipeline.normalize.dates import PublicationSigns, infer_publication_year, normalize_published

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


def signs(**parts) -> PublicationSigns:
    return PublicationSigns(**parts)


def test_a_restated_figure_dates_the_article():
    # "1417 ... last year" and "in 2016 was 1417": written in 2017, whatever else it names.
    assert infer_publication_year(signs(restatements=[(-1, 2016)], relative_offsets=[-1, -1],
                                        explicit_years=[2011, 2016, 2019])) == 2017


def test_a_year_naming_last_years_figure_dates_the_article():
    # "Only 67 arrived last year. The 2022 figure was ..."
    assert infer_publication_year(signs(year_references=[(-1, 2022)], relative_offsets=[-1, 0],
                                        explicit_years=[2019, 2022])) == 2023


def test_last_year_without_restatement_follows_the_latest_year_named():
    assert infer_publication_year(signs(relative_offsets=[-1], explicit_years=[2009, 2015])) == 2016


def test_this_year_means_the_latest_year_named():
    assert infer_publication_year(signs(relative_offsets=[0, -1], explicit_years=[2022, 2023])) == 2023


def test_a_relative_year_beside_an_explicit_one_is_a_lower_bound():
    # "63 in 2021 and 67 last year": last year is after 2021, so written in 2023 or later
    assert infer_publication_year(signs(relative_offsets=[-1, 0], explicit_years=[2019, 2021],
                                        lower_bounds=[2023])) == 2023


def test_an_anniversary_counts_from_the_earliest_year():
    # "Twenty-five years on" about 1997, the latest year named being 2019 and "last year" used
    assert infer_publication_year(signs(anniversaries=[2022], relative_offsets=[-1],
                                        explicit_years=[1997, 2019])) == 2022


def test_an_anniversary_far_from_the_other_signs_is_ignored():
    # "the 70th anniversary of liberation" in an article whose years end in 2018
    assert infer_publication_year(signs(anniversaries=[2015], explicit_years=[2012, 2018])) == 2018
    assert infer_publication_year(signs(anniversaries=[2045], explicit_years=[2012, 2018])) == 2018


def test_a_restated_name_moves_the_estimate_up():
    # "The Ningbo defection two years ago" and "In April 2016 ... Ningbo"
    assert infer_publication_year(signs(name_restatements=[(-2, 2016)], relative_offsets=[-1, -2],
                                        explicit_years=[2016])) == 2018


def test_without_relative_dates_the_latest_year_named_is_the_estimate():
    assert infer_publication_year(signs(explicit_years=[2016, 2024])) == 2024


def test_no_year_named_no_guess():
    assert infer_publication_year(signs(relative_offsets=[-1])) is None
    assert infer_publication_year(signs()) is None
