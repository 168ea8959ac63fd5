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
