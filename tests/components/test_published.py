"""``newsfacts_published``: the year an undated article was written, from its own text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def published(nlp, text):
    return nlp(text)._.published


def test_a_figure_restated_with_a_relative_and_an_explicit_year(nlp):
    assert published(nlp, "Seizures hit 3,412 last year\n\nOfficials said seizures in 2018 totalled 3,412.") == "2019"


def test_a_year_naming_last_years_figure(nlp):
    assert published(nlp, "Only 48 escaped last year. The 2020 figure was the lowest on record.") == "2021"


def test_a_named_event_dated_two_ways(nlp):
    text = ("In May 2015, workers walked out of a factory in Dalian. "
            "The Dalian walkout three years ago changed how managers watch them.")
    assert published(nlp, text) == "2018"


def test_an_anniversary_at_the_top_counts_from_the_earliest_year(nlp):
    text = "Thirty years on, the strike is remembered\n\nWorkers struck in 1991. Output fell in 2015 and last year."
    assert published(nlp, text) == "2021"


def test_last_year_after_the_latest_year_named(nlp):
    assert published(nlp, "The camp opened in 2016. It closed last year.") == "2017"


def test_last_year_beside_an_explicit_year_is_a_later_year(nlp):
    # "in 2017 and again last year": last year is 2018 or later
    assert published(nlp, "Arrivals fell in 2017 and again last year.") == "2019"


def test_nothing_to_go_on_gives_no_year(nlp):
    assert published(nlp, "Arrivals fell again last year.") is None


def test_a_given_date_is_never_overridden(nlp):
    doc = nlp.make_doc("Seizures hit 3,412 last year. In 2018 they totalled 3,412.")
    doc._.published, doc._.published_source = "2030", "argument"
    assert nlp(doc)._.published == "2030"


def test_only_the_nearest_explicit_year_bounds_last_year(nlp):
    # last year is after 2023, the year it is set against; 2024 in the same sentence may be it
    text = ("Thefts rose 21 percent in 2024 compared with 2023, while hacks climbed from 282 in 2023 "
            "to 303 last year.")
    assert published(nlp, text) == "2025"


def test_a_lower_bound_already_accounts_for_last_year(nlp):
    # 67 last year, after 63 in 2021, and a crossing "of 2023": written in 2023, not 2024
    text = ("It was the second sea defection of 2023. Arrivals were 229 in 2020, 63 in 2021 "
            "and 67 last year.")
    assert published(nlp, text) == "2023"


def test_a_year_ahead_does_not_date_the_article(nlp):
    text = ("The board approved the grant in September last year. Stocks bought in 2018 "
            "would run out in June 2020.")
    assert published(nlp, text) == "2019"


def test_a_year_spoken_of_as_over(nlp):
    assert published(nlp, "By the end of 2024 the ministry had registered 34,314 arrivals.") == "2025"


def test_a_present_figure_set_against_a_past_year(nlp):
    assert published(nlp, "The share is down 6.9 points from 43.8 percent in 2023.") == "2024"


def test_a_past_figure_set_against_a_past_year_is_no_sign(nlp):
    assert published(nlp, "The share fell from 43.8 percent in 2023.") == "2023"


def test_an_anniversary_of_a_dated_event(nlp):
    text = ("The group released its report in 2019 and again on Wednesday, days before the tenth "
            "anniversary of the death of Kim Jong Il in December 2011.")
    assert published(nlp, text) == "2021"


def test_since_a_december_means_a_later_year(nlp):
    assert published(nlp, "It was the North's first missile launch since December 2023.") == "2024"


def test_since_another_month_allows_the_same_year(nlp):
    assert published(nlp, "It was the North's first missile launch since March 2023.") == "2023"
