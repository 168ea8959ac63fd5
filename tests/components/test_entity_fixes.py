"""The thin ``newsfacts_entity_fixes`` component: the repairs in order, gazetteer names left alone."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.components.entity_fixes import EntityFixes
from pipeline.entity_repairs import RULE_KOREAN_NAME, SPAN_REPAIRS
from tests.helpers import labels, with_ents


@pytest.fixture()
def fixes() -> EntityFixes:
    component = EntityFixes(list(SPAN_REPAIRS))
    component.initialize()
    return component


def test_model_errors_are_repaired_in_one_pass(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "Jang Song Thaek ate at the Ryukyung restaurant after COVID-19 hit",
                    [("Jang Song Thaek", "ORG"), ("Ryukyung", "PERSON"), ("COVID-19", "ORG")])
    assert [(e.text, e.label_) for e in fixes(doc).ents] == [("Jang Song Thaek", "PERSON"), ("Ryukyung restaurant", "ORG")]


def test_a_real_person_is_left_alone(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "Kim Jong Un visited the site", [("Kim Jong Un", "PERSON")])
    assert labels(fixes(doc)) == [("Kim Jong Un", "PERSON", "")]


def test_a_name_the_gazetteer_decided_is_not_repaired(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "Rice said it. Daily NK reported", [("Daily NK", "ORG")])
    doc.spans["gazetteer"] = [Span(doc, doc.ents[0].start, doc.ents[0].end, label="ORG")]
    doc.ents = [Span(doc, doc.ents[0].start, doc.ents[0].end, label="PERSON")]
    assert labels(fixes(doc)) == [("Daily NK", "PERSON", "")]  # without the mark, "org_shaped_person" would not fire either


def test_missed_korean_names_are_added(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "The soldier, Oh Chong-song, was shot", [("Chong", "GPE")])
    assert labels(fixes(doc)) == [("Oh Chong-song", "PERSON", RULE_KOREAN_NAME)]


def test_repairs_can_be_chosen_in_config(blank_nlp):
    only_venues = EntityFixes(["venue_after_person"])
    only_venues.initialize()
    doc = with_ents(blank_nlp, "Jang Song Thaek ate at the Ryukyung restaurant",
                    [("Jang Song Thaek", "ORG"), ("Ryukyung", "PERSON")])
    assert [(e.text, e.label_) for e in only_venues(doc).ents] == [("Jang Song Thaek", "ORG"), ("Ryukyung restaurant", "ORG")]


def test_an_unknown_repair_name_is_refused():
    with pytest.raises(ValueError, match="unknown repairs"):
        EntityFixes(["no_such_repair"])


def test_the_factory_validates_its_config(blank_nlp):
    with pytest.raises(Exception, match="repairs"):
        blank_nlp.add_pipe("newsfacts_entity_fixes", config={"repairs": "all"})


def test_a_headline_name_the_body_never_names_goes(blank_nlp, fixes):
    text = "North Korean Defector Arrivals Rise\n\nArrivals rose, the Ministry of Unification said."
    doc = with_ents(blank_nlp, text, [("North Korean Defector Arrivals Rise", "ORG"), ("Ministry of Unification", "ORG")])
    assert [e.text for e in fixes(doc).ents] == ["Ministry of Unification"]


def test_a_headline_name_is_cut_to_the_start_the_body_names(blank_nlp, fixes):
    text = "Ministry of Unification Launches Job Program\n\nThe Ministry of Unification said on Monday."
    doc = with_ents(blank_nlp, text, [("Ministry of Unification Launches Job Program", "ORG"),
                                      ("Ministry of Unification", "ORG")])
    assert [e.text for e in fixes(doc).ents] == ["Ministry of Unification", "Ministry of Unification"]


def test_a_sentence_case_headline_keeps_its_names(blank_nlp, fixes):
    text = "Envoy Ri Il-gyu flees to Seoul with his family\n\nThe diplomat left in November."
    doc = with_ents(blank_nlp, text, [("Ri Il-gyu", "PERSON")])
    assert [e.text for e in fixes(doc).ents] == ["Ri Il-gyu"]


def test_a_contact_line_is_no_heading(blank_nlp, fixes):
    text = "Text of the release.\n\nMedia contact: Park Min-ji, +82-2-555-0100, press@example.org"
    doc = with_ents(blank_nlp, text, [("Park Min-ji", "PERSON")])
    assert [e.text for e in fixes(doc).ents] == ["Park Min-ji"]


def test_byline_names_are_people(blank_nlp, fixes):
    text = "By Daniel Okafor and Min-ji Park\n\nSEOUL - Talks began.\n\n(Reporting by Min-ji Park; editing by Laura Chen)"
    doc = with_ents(blank_nlp, text, [("Daniel Okafor", "ORG"), ("Laura Chen", "ORG")])
    assert {(e.text, e.label_) for e in fixes(doc).ents} == {
        ("Daniel Okafor", "PERSON"), ("Min-ji Park", "PERSON"), ("Laura Chen", "PERSON")}


def test_a_korean_name_in_western_order_is_found(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "said Jin-a Choi, a spokeswoman", [("Jin", "PERSON"), ("Choi", "PERSON")])
    assert labels(fixes(doc)) == [("Jin-a Choi", "PERSON", RULE_KOREAN_NAME)]


def test_a_person_named_by_the_family_name_alone(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "the older prisoner, a 26-year-old surnamed Ri, said", [])
    assert labels(fixes(doc)) == [("Ri", "PERSON", RULE_KOREAN_NAME)]


def test_the_agency_in_a_dateline_is_an_organization(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "SEOUL, Oct. 23 (Pacific Wire) - Talks began.", [])
    assert labels(fixes(doc)) == [("Pacific Wire", "ORG", "newsfacts_entity_fixes:dateline")]


def test_a_parenthesis_in_running_text_is_no_dateline(blank_nlp, fixes):
    doc = with_ents(blank_nlp, "The talks (Round Two) - said officials - began.", [])
    assert labels(fixes(doc)) == []
