"""Clustering mentions into one record per real entity, on hand-labelled blank-model docs."""

from __future__ import annotations

import pytest

from pipeline.components.entities import EntityClusters
from pipeline.facts import doc_to_facts
from tests.helpers import with_ents


@pytest.fixture()
def cluster(blank_nlp):
    component = EntityClusters(blank_nlp)
    component.initialize()
    return component


def records(cluster, doc):
    return doc_to_facts(cluster(doc))


def test_mentions_carry_their_cluster_id_and_rule(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "Thae Yong-ho met the NIS. Thae said", [("Thae Yong-ho", "PERSON"), ("NIS", "ORG"),
                                                                         ("Thae", "PERSON")])
    doc = cluster(doc)
    assert [(s.text, s.kb_id_, s.id_) for s in doc.spans["people"]] == [
        ("Thae Yong-ho", "people:0", "ner"), ("Thae", "people:0", "ner")]
    assert doc._.entity_clusters["people:0"]["name"] == "Thae Yong-ho"
    assert doc._.entity_clusters["organizations:0"]["name"] == "National Intelligence Service"


def test_inverted_ministry_names_are_one_body(blank_nlp, cluster):
    text = "the Ministry of Unification said; the Unification Ministry added"
    doc = with_ents(blank_nlp, text, [("the Ministry of Unification", "ORG"), ("the Unification Ministry", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.aliases, len(org.mentions)) == ("Ministry of Unification", ["Unification Ministry"], 2)


def test_an_acronym_in_parentheses_links_to_the_full_name(blank_nlp, cluster):
    text = "the Foo Bar Council (FBC) met. Later the FBC said"
    doc = with_ents(blank_nlp, text, [("Foo Bar Council", "ORG"), ("FBC", "ORG"), ("FBC", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.acronym, len(org.mentions)) == ("Foo Bar Council", "FBC", 3)


def test_an_acronym_matching_initials_links_without_parentheses(blank_nlp, cluster):
    text = "the National Intelligence Service reported; the NIS said"
    doc = with_ents(blank_nlp, text, [("National Intelligence Service", "ORG"), ("NIS", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.acronym, org.aliases, len(org.mentions)) == ("National Intelligence Service", "NIS", [], 2)


def test_a_bare_head_word_refers_back_and_is_not_an_alias(blank_nlp, cluster):
    text = "the Ministry of Unification said that the Ministry's data show"
    doc = with_ents(blank_nlp, text, [("the Ministry of Unification", "ORG"), ("Ministry's", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.aliases, len(org.mentions)) == ("Ministry of Unification", [], 2)


def test_a_bare_head_word_with_nothing_to_refer_to_is_dropped(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "the Ministry said", [("Ministry", "ORG")])
    assert records(cluster, doc) == []


def test_gazetteer_gives_the_canonical_name(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "DailyNK reported", [("DailyNK", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.aliases) == ("Daily NK", ["DailyNK"])


def test_romanizations_and_surname_mentions_are_one_person(blank_nlp, cluster):
    text = "Thae Yong-ho defected. Thae Yong Ho later said. Thae was elected."
    doc = with_ents(blank_nlp, text, [("Thae Yong-ho", "PERSON"), ("Thae Yong Ho", "PERSON"), ("Thae", "PERSON")])
    (person,) = records(cluster, doc)
    assert (person.name, person.aliases, len(person.mentions)) == ("Thae Yong-ho", ["Thae Yong Ho", "Thae"], 3)


def test_a_surname_goes_to_the_latest_person_of_that_family(blank_nlp, cluster):
    text = "Kim Jong Un met Kim Yo Jong. Kim spoke."
    doc = with_ents(blank_nlp, text, [("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON"), ("Kim", "PERSON")])
    assert {p.name: len(p.mentions) for p in records(cluster, doc)} == {"Kim Jong Un": 1, "Kim Yo Jong": 2}


def test_different_people_stay_apart(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "Kim Jong Un and Kim Yo Jong", [("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON")])
    assert [p.name for p in records(cluster, doc)] == ["Kim Jong Un", "Kim Yo Jong"]


def test_titles_before_a_name_are_kept(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "North Korean leader Kim Jong Un spoke", [("Kim Jong Un", "PERSON")])
    (person,) = records(cluster, doc)
    assert person.titles == ["leader"]


def test_a_name_given_as_another_name_joins_the_latest_entity(blank_nlp, cluster):
    text = "Im Ji-hyun went back. She appeared under the name Jon Hye Song."
    doc = with_ents(blank_nlp, text, [("Im Ji-hyun", "PERSON"), ("Jon Hye Song", "PERSON")])
    (person,) = records(cluster, doc)
    assert (person.name, person.aliases) == ("Im Ji-hyun", ["Jon Hye Song"])


def test_a_renamed_organization_is_one_record(blank_nlp, cluster):
    text = "He ran for the Grand Unity Party; the party has since renamed itself the New Dawn Party."
    doc = with_ents(blank_nlp, text, [("Grand Unity Party", "ORG"), ("New Dawn Party", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.aliases) == ("Grand Unity Party", ["New Dawn Party"])


def test_a_body_the_gazetteer_knows_under_two_names_is_one_record(blank_nlp, cluster):
    text = "He ran for the United Future Party in 2020 and for the People Power Party in 2024."
    doc = with_ents(blank_nlp, text, [("United Future Party", "ORG"), ("People Power Party", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.id, org.name, org.aliases) == ("org:people-power-party", "People Power Party", ["United Future Party"])


def test_phrase_named_missions_join_their_short_form(blank_nlp, cluster):
    text = "the minister at the North Korean embassy in London; the embassy in London said"
    doc = blank_nlp(text)
    first = doc.char_span(text.index("North"), text.index(";"), label="ORG")
    second = doc.char_span(text.rindex("the embassy"), text.rindex(" said"), label="ORG")
    doc.spans["org_candidates"] = [first, second]
    (org,) = records(cluster, doc)
    assert (org.name, org.aliases) == ("North Korean embassy in London", ["embassy in London"])


def test_a_shorter_name_ending_a_longer_one_is_the_same_body(blank_nlp, cluster):
    text = "the Korean Red Cross (KNRC) said; the Red Cross added"
    doc = with_ents(blank_nlp, text, [("Korean Red Cross", "ORG"), ("KNRC", "ORG"), ("Red Cross", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.acronym, org.aliases) == ("Korean Red Cross", "KNRC", ["Red Cross"])


def test_a_shared_ending_links_nothing_when_two_bodies_fit(blank_nlp, cluster):
    text = "the North Korean Red Cross and the South Korean Red Cross met; the Red Cross said"
    doc = with_ents(blank_nlp, text, [("North Korean Red Cross", "ORG"), ("South Korean Red Cross", "ORG"),
                                      ("Red Cross", "ORG")])
    assert len(records(cluster, doc)) == 3


def test_a_longer_name_does_not_join_a_body_by_its_short_form(blank_nlp, cluster):
    text = "the Arctic Trade Council met; the Trade Council voted; the Pacific Trade Council met"
    doc = with_ents(blank_nlp, text, [("Arctic Trade Council", "ORG"), ("Trade Council", "ORG"),
                                      ("Pacific Trade Council", "ORG")])
    assert [org.name for org in records(cluster, doc)] == ["Arctic Trade Council", "Pacific Trade Council"]


def test_a_body_that_was_renamed_is_one_record(blank_nlp, cluster):
    text = "the Agency for National Security Planning (ANSP), which was renamed the National Intelligence Service"
    doc = with_ents(blank_nlp, text, [("Agency for National Security Planning", "ORG"),
                                      ("the National Intelligence Service", "ORG")])
    (org,) = records(cluster, doc)
    assert {org.name, *org.aliases} == {"Agency for National Security Planning", "National Intelligence Service"}


def test_the_object_of_an_active_renaming_is_not_linked(blank_nlp, cluster):
    text = "the Workers' Party met; the regime renamed the Ministry of People's Security last year"
    doc = with_ents(blank_nlp, text, [("Workers' Party", "ORG"), ("the Ministry of People's Security", "ORG")])
    assert len(records(cluster, doc)) == 2


def test_an_acronym_in_parentheses_is_the_acronym_even_when_never_used_again(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "the Korea Institute for National Unification (KINU) said",
                    [("Korea Institute for National Unification", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.acronym) == ("Korea Institute for National Unification", "KINU")


def test_a_second_full_name_with_the_same_initials_is_another_body(blank_nlp, cluster):
    text = "the Ministry of State Security (MSS) and the MSS agents; the Ministry of Social Security runs camps"
    doc = with_ents(blank_nlp, text, [("Ministry of State Security", "ORG"), ("MSS", "ORG"),
                                      ("Ministry of Social Security", "ORG")])
    assert [(org.name, org.acronym) for org in records(cluster, doc)] == [
        ("Ministry of State Security", "MSS"), ("Ministry of Social Security", None)]


def test_the_same_body_name_owned_by_two_countries_is_two_records(blank_nlp, cluster):
    text = "China's Foreign Ministry rejected it. Russia's Foreign Ministry agreed. The Foreign Ministry said"
    doc = with_ents(blank_nlp, text, [("China", "GPE"), ("Foreign Ministry", "ORG"), ("Russia", "GPE"),
                                      ("Foreign Ministry", "ORG"), ("Foreign Ministry", "ORG")])
    assert [(org.name, len(org.mentions)) for org in records(cluster, doc)] == [
        ("Foreign Ministry", 1), ("Foreign Ministry", 2)]


def test_an_owner_does_not_split_a_body_named_once_with_and_once_without_it(blank_nlp, cluster):
    text = "Seoul's Unification Ministry said; the Unification Ministry added"
    doc = with_ents(blank_nlp, text, [("Seoul", "GPE"), ("Unification Ministry", "ORG"), ("Unification Ministry", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, len(org.mentions)) == ("Ministry of Unification", 2)


def test_a_korean_name_in_western_order_is_listed_family_name_first(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "Hye-jin Yoon wrote it. Yoon said", [("Hye-jin Yoon", "PERSON"), ("Yoon", "PERSON")])
    (person,) = records(cluster, doc)
    assert (person.name, person.aliases, len(person.mentions)) == ("Yoon Hye-jin", ["Hye-jin Yoon", "Yoon"], 2)


def test_an_english_first_name_before_a_korean_name_is_the_same_person(blank_nlp, cluster):
    text = "Lee Young-hwan, also known as Hubert Younghwan Lee, spoke"
    doc = with_ents(blank_nlp, text, [("Lee Young-hwan", "PERSON"), ("Hubert Younghwan Lee", "PERSON")])
    (person,) = records(cluster, doc)
    assert person.name == "Lee Young-hwan"


def test_a_family_name_met_before_the_full_name_joins_it(blank_nlp, cluster):
    text = "Under Kim's Watch\n\nKim Jong Un watched the launch."
    doc = with_ents(blank_nlp, text, [("Kim", "PERSON"), ("Kim Jong Un", "PERSON")])
    (person,) = records(cluster, doc)
    assert (person.name, len(person.mentions)) == ("Kim Jong Un", 2)


def test_an_acronym_met_before_its_full_name_joins_it(blank_nlp, cluster):
    text = "KFB says. The Korean Fisheries Bureau (KFB) said"
    doc = with_ents(blank_nlp, text, [("KFB", "ORG"), ("Korean Fisheries Bureau", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.acronym) == ("Korean Fisheries Bureau", "KFB")


def test_an_owner_before_a_full_name_still_gives_its_initials(blank_nlp, cluster):
    text = "PFC says. The US Pacific Fisheries Commission said"
    doc = with_ents(blank_nlp, text, [("PFC", "ORG"), ("US Pacific Fisheries Commission", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.acronym) == ("US Pacific Fisheries Commission", "PFC")


def test_a_lone_first_word_joins_the_one_body_it_opens(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "the Lazarus Group struck; Lazarus also", [("Lazarus Group", "ORG"), ("Lazarus", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.name, org.aliases) == ("Lazarus Group", ["Lazarus"])


def test_known_people_and_bodies_take_the_gazetteers_id_and_name(blank_nlp, cluster):
    doc = with_ents(blank_nlp, "the Unification Ministry said; the MOU added",
                    [("Unification Ministry", "ORG"), ("MOU", "ORG")])
    (org,) = records(cluster, doc)
    assert (org.id, org.name) == ("org:ministry-of-unification", "Ministry of Unification")


IDS_ACROSS_ARTICLES = [
    # one unknown person written three ways in three articles
    ["Pak Son-gwon said", "Pak Son Gwon said", "Park Sun-kwon said"],
    # one unknown body written two ways
    ["the Hwanghae Fisheries Commission said", "the Commission of Hwanghae Fisheries said"],
]


@pytest.mark.parametrize("texts", IDS_ACROSS_ARTICLES)
def test_the_same_unknown_entity_gets_the_same_id_in_every_article(blank_nlp, cluster, texts):
    ids = set()
    for text in texts:
        name = text.removeprefix("the ").removesuffix(" said")
        label = "ORG" if "Commission" in name else "PERSON"
        (record,) = records(cluster, with_ents(blank_nlp, text, [(name, label)]))
        ids.add(record.id)
    assert len(ids) == 1 and ids.pop().split(":")[0] in {"person", "org"}


def test_different_unknown_people_get_different_ids(blank_nlp, cluster):
    first = records(cluster, with_ents(blank_nlp, "Pak Son-gwon said", [("Pak Son-gwon", "PERSON")]))
    second = records(cluster, with_ents(blank_nlp, "Pak Son-il said", [("Pak Son-il", "PERSON")]))
    assert first[0].id != second[0].id
