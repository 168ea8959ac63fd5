"""``newsfacts_year_counts``: counts tied to a year in their own sentence, on fresh sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def year_counts(nlp, text, published="2020-06-15"):
    doc = nlp.make_doc(text)
    doc._.published, doc._.published_source = published, "metadata"
    doc = nlp(doc)
    return [(f.year, f.month, f.count, f.qualifier, f.count_max, f.cumulative)
            for f in doc._.facts if f.kind == "year_counts"]


def test_a_plain_statement(nlp):
    assert year_counts(nlp, "Police detained 1,238 traders in 2018.") == [(2018, None, 1238, "exact", None, False)]


def test_a_relative_year_resolves_against_the_publication_date(nlp):
    assert year_counts(nlp, "Only 63 defectors arrived last year.") == [(2019, None, 63, "exact", None, False)]


def test_a_relative_year_in_an_undated_article_gives_no_fact(nlp):
    doc = nlp("Only 63 defectors arrived last year.")
    assert [f for f in doc._.facts if f.kind == "year_counts"] == []


def test_a_list_with_elided_verbs_is_one_fact_per_pair(nlp):
    text = "Seizures climbed to 412 in 2015, 530 in 2016, and 611 in 2017."
    assert [(y, c) for y, _, c, *_ in year_counts(nlp, text)] == [(2015, 412), (2016, 530), (2017, 611)]


def test_from_to_is_two_facts(nlp):
    text = "The number of brokers fell from 2,400 in 2012 to 1,150 in 2016."
    assert [(y, c) for y, _, c, *_ in year_counts(nlp, text)] == [(2012, 2400), (2016, 1150)]


def test_a_year_first_table_written_as_prose(nlp):
    text = "Arrests by year: 2014: 312; 2015: 498; 2016: 530."
    assert [(y, c) for y, _, c, *_ in year_counts(nlp, text)] == [(2014, 312), (2015, 498), (2016, 530)]


def test_a_month_is_kept(nlp):
    assert year_counts(nlp, "More than 900 workers struck in March 2017.") == [(2017, 3, 900, "more_than", None, False)]


def test_respectively_pairs_in_order(nlp):
    text = "Returns fell to 41 and 37 in 2018 and 2019 respectively."
    assert [(y, c) for y, _, c, *_ in year_counts(nlp, text)] == [(2018, 41), (2019, 37)]


def test_each_of_two_years_gives_one_fact_per_year(nlp):
    text = "Nine returned in each of 2013 and 2014."
    assert [(y, c) for y, _, c, *_ in year_counts(nlp, text)] == [(2013, 9), (2014, 9)]


def test_an_anchored_year_counts_from_the_year_named_before(nlp):
    text = "Inspectors found 240 violations in 2011. The following year they found 315."
    assert [(y, c) for y, _, c, *_ in year_counts(nlp, text)] == [(2011, 240), (2012, 315)]


def test_a_running_total_is_cumulative(nlp):
    text = "Since 2005, the agency has registered 4,200 cases."
    assert year_counts(nlp, text) == [(2020, None, 4200, "exact", None, True)]


def test_a_total_up_to_the_end_of_a_year_is_cumulative(nlp):
    text = "In all, 12,800 people had enrolled by the end of 2018."
    assert year_counts(nlp, text) == [(2018, None, 12800, "exact", None, True)]


def test_a_range_keeps_its_maximum(nlp):
    assert year_counts(nlp, "Between 300 and 400 guards deserted in 2014.") == [(2014, None, 300, "range", 400, False)]


def test_a_count_over_a_span_of_years_is_no_year_count(nlp):
    assert year_counts(nlp, "Rebels staged 58 attacks between 2017 and 2019.") == []


def test_a_rate_is_no_year_count(nlp):
    assert year_counts(nlp, "Before 2020, about 1,000 people crossed every year.") == []


def test_a_count_with_no_time_in_its_sentence_is_no_year_count(nlp):
    assert year_counts(nlp, "Officials met in 2019. Some 400 inmates were freed.") == []


def test_money_ages_and_durations_are_never_counts(nlp):
    text = "In 2019 the 45-year-old paid $3,000 and served 15 years."
    assert year_counts(nlp, text) == []


def test_the_same_figure_stated_twice_is_one_fact(nlp):
    text = "1,047 defectors arrived in 2019\n\nThe ministry said 1,047 defectors arrived in 2019."
    assert len(year_counts(nlp, text)) == 1


def test_the_source_is_the_entity_that_states_the_figure(nlp):
    doc = nlp.make_doc("According to the Ministry of Unification, 196 defectors arrived in 2023.")
    doc._.published = "2024"
    doc = nlp(doc)
    (fact,) = [f for f in doc._.facts if f.kind == "year_counts"]
    assert (fact.source, fact.subject) == ("Ministry of Unification", "defectors")
