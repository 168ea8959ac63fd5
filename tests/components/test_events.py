"""``newsfacts_events``: one record per defection, on fresh sentences, positive and negative."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def events(nlp, text, published="2022-05-10"):
    doc = nlp.make_doc(text)
    doc._.published, doc._.published_source = published, "metadata"
    doc = nlp(doc)
    return [(e.count, e.year, e.month, e.status, e.people) for e in doc._.facts if e.kind == "events"]


def test_a_group_that_left_together_is_one_event(nlp):
    assert events(nlp, "In March 2021, 11 North Korean loggers fled their camp near Tynda together.") == [
        (11, 2021, 3, "completed", [])]


def test_an_unnamed_single_soldier(nlp):
    assert events(nlp, "A North Korean soldier crossed the Military Demarcation Line in August 2020.") == [
        (1, 2020, 8, "completed", [])]


def test_a_boat_crossing_with_a_month(nlp):
    assert events(nlp, "In September last year, five fishermen sailed across the Northern Limit Line.") == [
        (5, 2021, 9, "completed", [])]


def test_a_named_diplomat_with_his_wife_is_two(nlp):
    found = events(nlp, "Counsellor Pak Myong-su left his post in Vienna with his wife in June 2019.")
    assert [(c, y, m) for c, y, m, *_ in found] == [(2, 2019, 6)]


def test_with_his_family_leaves_the_count_open(nlp):
    found = events(nlp, "The trade envoy Ri Chol-min defected with his family in 2018.")
    assert [(c, y) for c, y, *_ in found] == [(None, 2018)]


def test_a_list_of_three_defectors_is_three_events(nlp):
    text = ("Defections by diplomats have included Ko Yong-hwan, a first secretary in Congo, "
            "Hyon Chol-ho, a trade attache in Cairo, and a counsellor of the embassy in Lagos.")
    assert len(events(nlp, text)) == 3


def test_a_capture_is_a_failed_defection(nlp):
    found = events(nlp, "In January, a family of three was caught by guards as they tried to cross the Yalu River.")
    assert [(c, y, m, s) for c, y, m, s, _ in found] == [(3, 2022, 1, "failed")]


def test_a_repatriation_across_the_border_is_a_failed_defection(nlp):
    found = events(nlp, "In July 2019, Seoul sent two sailors back across the border at Panmunjom.")
    assert [(c, y, s) for c, y, _, s, _ in found] == [(2, 2019, "failed")]


def test_a_negated_defection_is_no_event(nlp):
    assert events(nlp, "The diplomat did not defect in 2019, officials said.") == []


def test_a_hypothetical_defection_is_no_event(nlp):
    assert events(nlp, "Officials fear that more workers could flee their sites in Russia this year.") == []


def test_aggregate_statistics_are_no_event(nlp):
    assert events(nlp, "Only 67 North Korean defectors arrived in South Korea in 2022.") == []


def test_defections_as_a_category_are_no_event(nlp):
    assert events(nlp, "Elite defections have risen sharply since 2019.") == []


def test_a_return_to_the_north_is_no_event(nlp):
    assert events(nlp, "In 2020 a defector swam back to the North across the Han River estuary.") == []


def test_an_unconfirmed_report_is_reported(nlp):
    found = events(nlp, "Three waitresses reportedly walked out of a restaurant in Shenyang in April 2021.")
    assert [(c, s) for c, _, _, s, _ in found] == [(3, "reported")]


def test_a_defection_told_in_two_sentences_is_one_event(nlp):
    text = ("In May 2021, a North Korean engineer fled his post in Kuwait. "
            "He reached Seoul three months later, officials said.")
    assert [(c, y, m) for c, y, m, *_ in events(nlp, text)] == [(1, 2021, 5)]


def test_one_defection_retold_is_one_event(nlp):
    text = ("Nine workers flee Russian site\n\n"
            "Nine North Korean workers fled a construction site in Vladivostok in October 2021. "
            "The workers later reached South Korea.")
    assert [(c, y, m) for c, y, m, *_ in events(nlp, text)] == [(9, 2021, 10)]


def test_the_head_count_of_an_event_is_no_year_count(nlp):
    doc = nlp.make_doc("In March 2021, 11 North Korean loggers fled their camp near Tynda together.")
    doc._.published = "2022"
    doc = nlp(doc)
    assert [f for f in doc._.facts if f.kind == "year_counts"] == []


def test_places_are_those_named_in_the_telling(nlp):
    doc = nlp.make_doc("In March 2021, 11 North Korean loggers fled their camp near Tynda, a town in Russia.")
    doc._.published = "2022"
    (event,) = [f for f in nlp(doc)._.facts if f.kind == "events"]
    assert event.places == ["Tynda", "Russia"]


# Months by reference: "that month", "the following month" count from the month named before.
MONTH_BY_REFERENCE = [
    ("Talks on the border resumed in March 2020. That month, two sailors steered a fishing boat across the sea "
     "border and asked to defect.", (2, 2020, 3)),
    ("Guards were reinforced in November 2018. The following month, a private crossed the Military Demarcation "
     "Line in the eastern sector.", (1, 2018, 12)),
    ("A new fence went up in 2015. That month, a teacher crossed the Tumen River.", (1, 2015, None)),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_BY_REFERENCE)
def test_a_month_by_reference_dates_the_event(nlp, text, expected):
    assert [(c, y, m) for c, y, m, *_ in events(nlp, text)] == [expected]
