"""Each entity repair on its own, as a table of examples: what it repairs and what it leaves alone."""

from __future__ import annotations

import pytest

from pipeline import data
from pipeline import entity_repairs as repairs
from pipeline.entity_repairs import (
    RULE_EXTENDED,
    RULE_KOREAN_NAME,
    RULE_ORG_SHAPE,
    RULE_PLACE,
    RULE_TRIMMED,
    RULE_VENUE,
)
from pipeline.lexicon import NameLexicon
from tests.helpers import ent, with_ents

LEXICON = NameLexicon.from_rows(data.surnames(), data.entity_words())
UNCHANGED = "unchanged"

# (repair, text, entity phrase, its label, expected: UNCHANGED, None or (text, label, rule))
CASES = [
    # any name
    (repairs.stray_marks, "the Federal Bureau of Investigation (FBI) said", "Federal Bureau of Investigation (FBI",
     "ORG", ("Federal Bureau of Investigation", "ORG", RULE_TRIMMED)),
    (repairs.stray_marks, "³ Ministry of Unification, Directory", "³ Ministry of Unification", "ORG",
     ("Ministry of Unification", "ORG", RULE_TRIMMED)),
    (repairs.stray_marks, 'the "Tenth Bureau" of the ministry', '"Tenth Bureau', "ORG", ("Tenth Bureau", "ORG", RULE_TRIMMED)),
    (repairs.stray_marks, "the World Food Programme (WFP) said", "World Food Programme", "ORG", UNCHANGED),
    (repairs.stray_marks, "a note ( ) here", "( )", "ORG", None),
    # organizations
    (repairs.document_is_no_org, "under the Inter-Korean Exchange and Cooperation Act,",
     "Inter-Korean Exchange and Cooperation Act", "ORG", None),
    (repairs.document_is_no_org, "banned by UN Security Council Resolution 2397 in", "UN Security Council Resolution 2397",
     "ORG", ("UN Security Council", "ORG", RULE_TRIMMED)),
    (repairs.document_is_no_org, "banned by Resolution 2397 in", "Resolution 2397", "ORG", None),
    (repairs.document_is_no_org, "the 2024 Needs and Priorities Overview said", "Needs and Priorities Overview", "ORG", None),
    (repairs.document_is_no_org, "the UN Security Council met", "UN Security Council", "ORG", UNCHANGED),
    (repairs.document_is_no_org, "the Korea Development Institute said", "Korea Development Institute", "ORG", UNCHANGED),
    (repairs.occasion_is_no_org, "delegates to the 8th Party Congress voted", "8th Party Congress", "ORG", None),
    (repairs.occasion_is_no_org, "after the Asian Games ended", "Asian Games", "ORG", None),
    (repairs.lower_case_is_no_org, "as the fed said", "fed", "ORG", None),
    (repairs.lower_case_is_no_org, "the 38 North project", "38 North", "ORG", UNCHANGED),
    (repairs.things_are_no_org, "paid in Chinese yuan", "Chinese yuan", "ORG", None),
    (repairs.things_are_no_org, "after COVID-19 struck", "COVID-19", "ORG", None),
    (repairs.things_are_no_org, "the theorist of Juche said", "Juche", "ORG", None),
    (repairs.things_are_no_org, "the Bank of Korea said", "Bank of Korea", "ORG", UNCHANGED),
    (repairs.things_are_no_org, "at 0300 GMT on Friday", "GMT", "ORG", None),
    (repairs.things_are_no_org, "cases of MDR-TB rose", "MDR-TB", "ORG", None),
    (repairs.things_are_no_org, "Media contact: the press office", "Media", "ORG", None),
    (repairs.zone_is_a_place, "left the Kaesong Industrial Complex", "Kaesong Industrial Complex", "ORG",
     ("Kaesong Industrial Complex", "FAC", RULE_PLACE)),
    (repairs.zone_is_a_place, "the Rason Special Economic Zone", "Rason Special Economic Zone", "ORG",
     ("Rason Special Economic Zone", "FAC", RULE_PLACE)),
    (repairs.zone_is_a_place, "the Kaesong Industrial Complex Corporate Association said",
     "Kaesong Industrial Complex Corporate Association", "ORG", UNCHANGED),
    (repairs.occasion_is_no_org, "open on Party Foundation Day", "Party Foundation Day", "ORG", None),
    (repairs.occasion_is_no_org, "after the 80-Day Battle", "80-Day Battle", "ORG", None),
    (repairs.occasion_is_no_org, "the Workers' Party met", "Workers' Party", "ORG", UNCHANGED),
    (repairs.korean_name_labelled_org, "as in the case of Jang Song Thaek, if", "Jang Song Thaek", "ORG",
     ("Jang Song Thaek", "PERSON", RULE_KOREAN_NAME)),
    (repairs.korean_name_labelled_org, "envoy Thae Yong-ho said", "Thae Yong-ho", "ORG",
     ("Thae Yong-ho", "PERSON", RULE_KOREAN_NAME)),
    (repairs.korean_name_labelled_org, "Choe said", "Choe", "ORG", ("Choe", "PERSON", RULE_KOREAN_NAME)),
    (repairs.korean_name_labelled_org, "students of Kim Il Sung University", "Kim Il Sung University", "ORG",
     UNCHANGED),
    (repairs.cut_at_locative, "pupils of Hanadul School on the Anseong campus", "Hanadul School on the Anseong campus",
     "ORG", ("Hanadul School", "ORG", RULE_TRIMMED)),
    (repairs.cut_at_locative, "the Institute for Far Eastern Studies said", "Institute for Far Eastern Studies", "ORG",
     UNCHANGED),
    (repairs.extend_over_purpose, "the Settlement Support Center for North Korean Refugees opened",
     "Settlement Support Center", "ORG", ("Settlement Support Center for North Korean Refugees", "ORG", RULE_EXTENDED)),
    (repairs.extend_over_purpose, "the Red Cross for years", "Red Cross", "ORG", UNCHANGED),
    # both
    (repairs.vessel_is_no_name, "seized the cargo ship Wise Honest in 2019", "Wise Honest", "ORG", None),
    (repairs.vessel_is_no_name, "the tanker Yuk Tung took oil", "Yuk Tung", "PERSON", None),
    (repairs.vessel_is_no_name, "the Ministry of Unification said", "Ministry of Unification", "ORG", UNCHANGED),
    # people
    (repairs.venue_after_person, "working at the Ryukyung restaurant in Ningbo", "Ryukyung", "PERSON",
     ("Ryukyung restaurant", "ORG", RULE_VENUE)),
    (repairs.venue_after_person, "Kim Jong Un visited the site", "Kim Jong Un", "PERSON", UNCHANGED),
    (repairs.family_is_no_person, "manages the Kim family's funds", "Kim", "PERSON", None),
    (repairs.family_is_no_person, "the Kim Jong Un regime", "Kim Jong Un", "PERSON", UNCHANGED),
    (repairs.org_shaped_person, "the XYZ said", "XYZ", "PERSON", ("XYZ", "ORG", RULE_ORG_SHAPE)),
    (repairs.org_shaped_person, "the Hankook Ilbo reported", "Hankook Ilbo", "PERSON",
     ("Hankook Ilbo", "ORG", RULE_ORG_SHAPE)),
    (repairs.org_shaped_person, "Kim Yo Jong said", "Kim Yo Jong", "PERSON", UNCHANGED),
    (repairs.korean_name_cut_short, "lawmaker Kim Yeon-chul said", "Kim Yeon", "PERSON",
     ("Kim Yeon-chul", "PERSON", RULE_KOREAN_NAME)),
    (repairs.korean_name_cut_short, "Choe Son Hui spoke", "Choe Son", "PERSON", ("Choe Son Hui", "PERSON", RULE_KOREAN_NAME)),
    (repairs.korean_name_cut_short, "Ri Jae-gil came", "Jae-gil", "PERSON", ("Ri Jae-gil", "PERSON", RULE_KOREAN_NAME)),
    (repairs.korean_name_cut_short, "President Moon Jae-in Met Kim", "Moon Jae-in", "PERSON", UNCHANGED),
]


@pytest.mark.parametrize(("repair", "text", "phrase", "label", "expected"), CASES,
                         ids=[f"{case[0].__name__}:{case[2]}" for case in CASES])
def test_span_repair(blank_nlp, repair, text, phrase, label, expected):
    span = ent(blank_nlp, text, phrase, label)
    result = repair(span, LEXICON)
    if expected == UNCHANGED:
        assert result is span
    elif expected is None:
        assert result is None
    else:
        assert (result.text, result.label_, result.id_) == expected


def test_every_repair_leaves_other_labels_alone(blank_nlp):
    place = ent(blank_nlp, "fled to Seoul in 2019", "Seoul", "GPE")
    assert all(repair(place, LEXICON) is place for repair in repairs.SPAN_REPAIRS.values())


def test_the_first_repair_that_changes_an_entity_decides(blank_nlp):
    span = ent(blank_nlp, "the Ryukyung restaurant", "Ryukyung", "PERSON")
    order = [repairs.SPAN_REPAIRS["family_is_no_person"], repairs.SPAN_REPAIRS["venue_after_person"],
             repairs.SPAN_REPAIRS["org_shaped_person"]]
    assert repairs.repair_span(span, order, LEXICON).id_ == RULE_VENUE


COMMON_WORDS = [
    ("Rice was selling for 4,000 won, and families stretch their rice with corn.", [("Rice", "PERSON")], True),
    ("Front-line commanders have been embarrassed before.", [("Front", "ORG")], True),
    ("Rice said the talks would go on.", [("Rice", "PERSON")], False),
    ("Park said the industrial park would reopen.", [("Park", "PERSON")], False),
    ("Rice was asked about Condoleezza Rice and rice aid.", [("Rice", "PERSON"), ("Condoleezza Rice", "PERSON")], False),
]


@pytest.mark.parametrize(("text", "ents", "common"), COMMON_WORDS)
def test_a_sentence_initial_common_word_is_no_name(blank_nlp, text, ents, common):
    doc = with_ents(blank_nlp, text, ents)
    names = LEXICON.surnames | {t.text for e in doc.ents if len(e) > 1 for t in e}
    lower = {t.text for t in doc if t.is_lower}
    assert repairs.is_common_word(doc.ents[0], names, lower) is common


MISSED_NAMES = [
    ("The soldier, Oh Chong-song, was shot", [], ["Oh Chong-song"]),
    ("reported that Choe Son Hui, the foreign minister, travelled", [], ["Choe Son Hui"]),
    ("students of Kim Il Sung University said", [], []),
    ("In Nam Po the harbour froze", [], []),
    ("near Kim Hyesan-dong", [("Hyesan", "GPE")], []),
]


@pytest.mark.parametrize(("text", "ents", "found"), MISSED_NAMES)
def test_missed_korean_names(blank_nlp, text, ents, found):
    doc = with_ents(blank_nlp, text, ents)
    protected = {"hyesan"}
    assert [s.text for s in repairs.missed_korean_names(doc, list(doc.ents), protected, LEXICON)] == found
