from spacy.tokens import Span

from pipeline.components.entity_fixes import RULE_KOREAN_NAME, RULE_VENUE, EntityFixes


def with_ents(nlp, text, ents):
    """A doc whose entities are the given phrases, each found after the previous one."""
    doc = nlp(text)
    spans, position = [], 0
    for phrase, label in ents:
        start = doc.text.index(phrase, position)
        position = start + len(phrase)
        spans.append(doc.char_span(start, position, label=label))
    doc.ents = spans
    return doc


def labels(doc):
    return [(e.text, e.label_, e.id_) for e in doc.ents]


def test_a_korean_name_labelled_org_becomes_a_person(blank_nlp):
    doc = with_ents(blank_nlp, "as in the case of Jang Song Thaek, if they fail", [("Jang Song Thaek", "ORG")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Jang Song Thaek", "PERSON", RULE_KOREAN_NAME)]


def test_a_hyphenated_korean_name_becomes_a_person(blank_nlp):
    doc = with_ents(blank_nlp, "envoy Thae Yong-ho said", [("Thae Yong-ho", "ORG")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc))[0][1] == "PERSON"


def test_an_org_named_after_a_person_stays_an_org(blank_nlp):
    doc = with_ents(blank_nlp, "students of Kim Il Sung University", [("Kim Il Sung University", "ORG")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Kim Il Sung University", "ORG", "")]


def test_a_person_followed_by_a_venue_noun_is_the_venue(blank_nlp):
    doc = with_ents(blank_nlp, "working at the Ryukyung restaurant in Ningbo", [("Ryukyung", "PERSON")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Ryukyung restaurant", "ORG", RULE_VENUE)]


def test_a_real_person_is_left_alone(blank_nlp):
    doc = with_ents(blank_nlp, "Kim Jong Un visited the site", [("Kim Jong Un", "PERSON")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Kim Jong Un", "PERSON", "")]


def test_a_gazetteer_name_takes_the_gazetteer_label(blank_nlp):
    doc = with_ents(blank_nlp, "handed over at Panmunjom to the Rodong Sinmun",
                    [("Panmunjom", "PERSON"), ("Rodong Sinmun", "PERSON")])
    assert [(e.text, e.label_) for e in EntityFixes(blank_nlp.vocab)(doc).ents] == [("Panmunjom", "LOC"), ("Rodong Sinmun", "ORG")]


def test_a_person_written_as_an_acronym_or_with_a_media_word_is_an_org(blank_nlp):
    doc = with_ents(blank_nlp, "the XYZ said, the Hankook Ilbo reported",
                    [("XYZ", "PERSON"), ("Hankook Ilbo", "PERSON")])
    assert [e.label_ for e in EntityFixes(blank_nlp.vocab)(doc).ents] == ["ORG", "ORG"]


def test_currencies_things_and_lower_case_words_are_not_organizations(blank_nlp):
    doc = with_ents(blank_nlp, "paid in Chinese yuan after COVID-19 as the fed said",
                    [("Chinese yuan", "ORG"), ("COVID-19", "ORG"), ("fed", "ORG")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_an_organization_running_into_a_location_is_cut_at_its_head(blank_nlp):
    doc = with_ents(blank_nlp, "pupils of Hanadul School on the Anseong campus",
                    [("Hanadul School on the Anseong campus", "ORG")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Hanadul School", "ORG", "newsfacts_entity_fixes:trimmed")]


def test_a_lone_surname_labelled_org_is_a_person(blank_nlp):
    doc = with_ents(blank_nlp, "Choe said", [("Choe", "ORG")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc))[0][:2] == ("Choe", "PERSON")


def test_a_korean_name_cut_short_is_completed(blank_nlp):
    doc = with_ents(blank_nlp, "lawmaker Kim Yeon-chul said; Choe Son Hui spoke; Ri Jae-gil came",
                    [("Kim Yeon", "PERSON"), ("Choe Son", "PERSON"), ("Jae-gil", "PERSON")])
    assert [e.text for e in EntityFixes(blank_nlp.vocab)(doc).ents] == ["Kim Yeon-chul", "Choe Son Hui", "Ri Jae-gil"]


def test_a_hyphenated_korean_name_the_model_missed_is_found(blank_nlp):
    doc = with_ents(blank_nlp, "The soldier, Oh Chong-song, was shot", [("Chong", "GPE")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Oh Chong-song", "PERSON", RULE_KOREAN_NAME)]


def test_a_found_name_never_swallows_a_gazetteer_place(blank_nlp):
    doc = with_ents(blank_nlp, "near Kim Hyesan-dong", [("Hyesan", "GPE")])
    assert [e.text for e in EntityFixes(blank_nlp.vocab)(doc).ents] == ["Hyesan"]


def test_a_whole_hyphenated_name_is_not_extended_into_the_next_word(blank_nlp):
    doc = with_ents(blank_nlp, "President Moon Jae-in Met Kim", [("Moon Jae-in", "PERSON")])
    assert [e.text for e in EntityFixes(blank_nlp.vocab)(doc).ents] == ["Moon Jae-in"]


def test_a_common_word_opening_a_sentence_is_no_name_when_the_article_writes_it_in_lower_case(blank_nlp):
    doc = with_ents(blank_nlp, "Rice was selling for 4,000 won, and families stretch their rice with corn.",
                    [("Rice", "PERSON")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_a_capital_opening_a_hyphenated_compound_is_no_name(blank_nlp):
    doc = with_ents(blank_nlp, "Front-line commanders have been embarrassed before.", [("Front", "ORG")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_a_sentence_initial_name_stays_when_the_article_never_writes_it_in_lower_case(blank_nlp):
    doc = with_ents(blank_nlp, "Rice said the talks would go on.", [("Rice", "PERSON")])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Rice", "PERSON", "")]


def test_a_sentence_initial_surname_stays_even_beside_the_same_word_in_lower_case(blank_nlp):
    doc = with_ents(blank_nlp, "Park said the industrial park would reopen.", [("Park", "PERSON")])
    assert [e.text for e in EntityFixes(blank_nlp.vocab)(doc).ents] == ["Park"]


def test_a_word_seen_inside_a_longer_name_stays_a_name(blank_nlp):
    doc = with_ents(blank_nlp, "Rice was asked about Condoleezza Rice and rice aid.",
                    [("Rice", "PERSON"), ("Condoleezza Rice", "PERSON")])
    assert [e.text for e in EntityFixes(blank_nlp.vocab)(doc).ents] == ["Rice", "Condoleezza Rice"]


def test_an_ideology_is_not_an_organization(blank_nlp):
    doc = with_ents(blank_nlp, "the leading theorist of Juche, the doctrine", [("Juche", "ORG")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_an_industrial_zone_is_a_place_but_the_body_that_runs_it_is_an_organization(blank_nlp):
    doc = with_ents(blank_nlp, "managers left the Kaesong Industrial Complex, and the Kaesong Industrial "
                    "Complex Corporate Association asked for help",
                    [("Kaesong Industrial Complex", "ORG"), ("Kaesong Industrial Complex Corporate Association", "ORG")])
    assert [(e.text, e.label_) for e in EntityFixes(blank_nlp.vocab)(doc).ents] == [
        ("Kaesong Industrial Complex", "FAC"),
        ("Kaesong Industrial Complex Corporate Association", "ORG"),
    ]


def test_a_spaced_korean_name_the_model_missed_is_found(blank_nlp):
    doc = with_ents(blank_nlp, "reported that Choe Son Hui, the foreign minister, travelled", [])
    assert labels(EntityFixes(blank_nlp.vocab)(doc)) == [("Choe Son Hui", "PERSON", RULE_KOREAN_NAME)]


def test_a_spaced_name_running_on_into_a_capitalised_word_is_not_a_person(blank_nlp):
    doc = with_ents(blank_nlp, "students of Kim Il Sung University said", [])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_a_function_word_opening_a_sentence_is_no_surname(blank_nlp):
    doc = with_ents(blank_nlp, "In Nam Po the harbour froze", [])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_a_gazetteer_name_with_a_number_wins_over_the_cardinal(blank_nlp):
    doc = with_ents(blank_nlp, "Office 39 of the party manages funds", [("39", "CARDINAL")])
    assert [(e.text, e.label_) for e in EntityFixes(blank_nlp.vocab)(doc).ents] == [("Office 39", "ORG")]


def test_a_ship_is_not_an_organization(blank_nlp):
    doc = with_ents(blank_nlp, "seized the cargo ship Wise Honest in 2019", [("Wise Honest", "ORG")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_a_day_or_a_campaign_is_not_an_organization(blank_nlp):
    doc = with_ents(blank_nlp, "open on Party Foundation Day after the 80-Day Battle",
                    [("Party Foundation Day", "ORG"), ("80-Day Battle", "ORG")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()


def test_a_family_named_after_a_surname_is_not_a_person(blank_nlp):
    doc = with_ents(blank_nlp, "manages the Kim family's funds", [("Kim", "PERSON")])
    assert EntityFixes(blank_nlp.vocab)(doc).ents == ()
