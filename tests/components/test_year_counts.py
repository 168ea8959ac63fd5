"""``newsfacts_year_counts``: counts tied to a year in their own sentence, on fresh sentences."""

from __future__ import annotations

import pytest

from tests.helpers import dated_facts

pytestmark = pytest.mark.model


def year_counts(nlp, text, published="2020-06-15"):
    return [(f.year, f.month, f.count, f.qualifier, f.count_max, f.cumulative)
            for f in dated_facts(nlp, text, published, "year_counts")]


def test_a_plain_statement(nlp):
    assert year_counts(nlp, "Police detained 1,238 traders in 2018.") == [(2018, None, 1238, "exact", None, False)]


def test_a_relative_year_resolves_against_the_publication_date(nlp):
    assert year_counts(nlp, "Only 63 defectors arrived last year.") == [(2019, None, 63, "exact", None, False)]


def test_a_base_figure_dated_a_year_earlier_is_a_count_of_that_year(nlp):
    # "67 a year" alone would be a rate; here "a year earlier" is a time
    assert year_counts(nlp, "Some 196 defectors arrived in 2019, up from 67 a year earlier.") == [
        (2019, None, 196, "about", None, False), (2018, None, 67, "exact", None, False)]


def test_a_decade_counts_ten_years(nlp):
    assert year_counts(nlp, "The camp held 50,000 prisoners in 2014, down from about 80,000 a decade earlier.") == [
        (2014, None, 50000, "exact", None, False), (2004, None, 80000, "about", None, False)]


@pytest.mark.parametrize("text", ["Arrivals fell to 1,047, the lowest since 2001.",
                                  "It was the first time since 2016 that more than 100 soldiers had crossed."])
def test_how_long_a_record_stands_dates_no_count(nlp, text):
    assert year_counts(nlp, text) == []


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


def test_two_months_of_a_year_give_the_year_and_no_month(nlp):
    assert year_counts(nlp, "Floods in July and August 1995 affected more than 5 million people.") == [
        (1995, None, 5_000_000, "more_than", None, False)]


def test_a_year_naming_a_group(nlp):
    assert year_counts(nlp, "About ten of the 2018 arrivals were members of the elite.") == [
        (2018, None, 10, "about", None, False)]


def test_a_year_glued_by_a_colon_takes_the_hedged_figure_after_it(nlp):
    text = "Returns were as follows: July 2019: nearly 50; 9 October 2019: more than 500."
    assert year_counts(nlp, text) == [(2019, 7, 50, "less_than", None, False), (2019, 10, 500, "more_than", None, False)]


def test_a_when_clause_takes_the_time_before_it(nlp):
    text = "The 2019 figure was barely higher than the year before, when just sixty-three people arrived."
    assert year_counts(nlp, text) == [(2018, None, 63, "exact", None, False)]


def test_since_an_event_in_a_year_is_a_running_total_to_publication(nlp):
    assert year_counts(nlp, "Since its founding in 2011, the archive has documented 14,960 violations.") == [
        (2020, None, 14960, "exact", None, True)]


def test_a_running_total_reported_in_a_year_takes_that_year(nlp):
    text = "An aid group estimated in 1998 that up to 3.5 million people had died since 1995."
    assert year_counts(nlp, text) == [(1998, None, 3_500_000, "less_than", None, True)]


def test_years_after_a_clause_count_back_from_the_sentence(nlp):
    text = "Voters chose a new assembly on Wednesday, four years after two defectors were elected."
    assert year_counts(nlp, text) == [(2016, None, 2, "exact", None, False)]


def test_an_estimate_dated_only_by_a_book_is_tied_to_no_year(nlp):
    assert year_counts(nlp, "Natsios put the toll at about 2.5 million in a 2001 book.") == []


def test_a_census_count_takes_the_census_year(nlp):
    assert year_counts(nlp, "The 2008 census counted 24,052,231 people.") == [(2008, None, 24_052_231, "exact", None, False)]


def test_a_figure_set_against_another_time_is_not_this_times(nlp):
    text = "Some 2,000 women worked there in 2019, against roughly 3,000 before the pandemic."
    assert year_counts(nlp, text) == [(2019, None, 2000, "about", None, False)]


def test_a_figure_set_against_another_group_shares_the_time(nlp):
    text = "More than 900 women came south in 2019, against fewer than 200 men."
    assert year_counts(nlp, text) == [(2019, None, 900, "more_than", None, False), (2019, None, 200, "less_than", None, False)]


def test_now_describing_people_does_not_date_a_count(nlp):
    text = "The archive drew on 312 new interviews with North Koreans now living in South Korea."
    assert year_counts(nlp, text) == []


def test_a_citation_mark_after_a_comma_leaves_the_year_alone(nlp):
    text = "Arrivals climbed from 148 in 1999 to 583 in 2001,[3] and peaked at 2,914 in 2009."
    assert (2001, None, 583, "exact", None, False) in year_counts(nlp, text)


def test_a_time_on_the_last_of_coordinated_nouns_dates_the_count(nlp):
    text = "According to ministry data, 1,800 pupils attended South Korean elementary, middle and high schools in 2022."
    assert year_counts(nlp, text) == [(2022, None, 1800, "exact", None, False)]


def test_a_time_of_the_cited_interviews_dates_no_figure_outside_them(nlp):
    text = "Drawing on interviews conducted in May 2019, the study finds that guards ran six checkpoints."
    assert year_counts(nlp, text) == []


def test_the_group_a_defection_is_told_of_is_no_year_count(nlp):
    text = ("In August 2019 a small boat carrying three men sailed into the harbour of Donghae. Two of the three "
            "asked to stay in the South.")
    assert year_counts(nlp, text) == []


@pytest.mark.parametrize(("text", "subjects"), [
    ("The programme trained 120 nurses in 2018, 145 in 2019 and 160 in 2020.", ["nurses", "nurses", "nurses"]),
    ("Police arrested 12 people in March 2019 and a further 30 in April.", ["people", "people"]),
    ("The ministry said 229 defectors arrived in 2020, 63 in 2021 and 67 in 2022.", ["defectors"] * 3),
])
def test_an_elided_item_of_a_list_counts_what_the_first_counts(nlp, text, subjects):
    assert [f.subject for f in dated_facts(nlp, text, "2020-06-15", "year_counts")] == subjects
