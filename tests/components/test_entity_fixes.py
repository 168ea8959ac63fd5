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
    assert labels(EntityFixes()(doc)) == [("Jang Song Thaek", "PERSON", RULE_KOREAN_NAME)]


def test_a_hyphenated_korean_name_becomes_a_person(blank_nlp):
    doc = with_ents(blank_nlp, "envoy Thae Yong-ho said", [("Thae Yong-ho", "ORG")])
    assert labels(EntityFixes()(doc))[0][1] == "PERSON"


def test_an_org_named_after_a_person_stays_an_org(blank_nlp):
    doc = with_ents(blank_nlp, "students of Kim Il Sung University", [("Kim Il Sung University", "ORG")])
    assert labels(EntityFixes()(doc)) == [("Kim Il Sung University", "ORG", "")]


def test_a_person_followed_by_a_venue_noun_is_the_venue(blank_nlp):
    doc = with_ents(blank_nlp, "working at the Ryukyung restaurant in Ningbo", [("Ryukyung", "PERSON")])
    assert labels(EntityFixes()(doc)) == [("Ryukyung restaurant", "ORG", RULE_VENUE)]


def test_a_real_person_is_left_alone(blank_nlp):
    doc = with_ents(blank_nlp, "Kim Jong Un visited the site", [("Kim Jong Un", "PERSON")])
    assert labels(EntityFixes()(doc)) == [("Kim Jong Un", "PERSON", "")]
