"""The two rulers: spaCy's span_ruler with our patterns, and how gazetteer names join the model's."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.components.rulers import merge_gazetteer_names
from tests.helpers import with_ents

RELABEL = "newsfacts_entity_ruler:relabel"


def names(doc, *found):
    """Gazetteer matches, as spans of the given (phrase, label)."""
    spans = []
    for phrase, label in found:
        start = doc.text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label, span_id="gazetteer:test"))
    return spans


MERGES = [
    # the model's entity is the gazetteer's name under another label: relabelled, bounds kept
    ("handed over at Panmunjom", [("Panmunjom", "PERSON")], [("Panmunjom", "LOC")], [("Panmunjom", "LOC", RELABEL)]),
    ("crossed the DMZ at night", [("the DMZ", "ORG")], [("DMZ", "LOC")], [("the DMZ", "LOC", RELABEL)]),
    # same name, same label: nothing to do
    ("Daily NK reported", [("Daily NK", "ORG")], [("Daily NK", "ORG")], [("Daily NK", "ORG", "")]),
    # a gap the model left is filled
    ("Yonhap reported", [], [("Yonhap", "ORG")], [("Yonhap", "ORG", "gazetteer:test")]),
    # a name wins over the numbers it overlaps
    ("Office 39 of the party", [("39", "CARDINAL")], [("Office 39", "ORG")], [("Office 39", "ORG", "gazetteer:test")]),
    # but never cuts a longer name the model found
    ("the Presidium of the Supreme People's Assembly met", [("the Presidium of the Supreme People's Assembly", "ORG")],
     [("Supreme People's Assembly", "ORG")], [("the Presidium of the Supreme People's Assembly", "ORG", "")]),
]


@pytest.mark.parametrize(("text", "ents", "found", "expected"), MERGES)
def test_gazetteer_names_merge_into_the_models_entities(blank_nlp, text, ents, found, expected):
    doc = with_ents(blank_nlp, text, ents)
    merged = merge_gazetteer_names(doc, list(doc.ents), names(doc, *found), relabel_rule=RELABEL)
    assert [(e.text, e.label_, e.id_) for e in merged] == expected


def test_the_entity_ruler_adds_by_name_and_loads_the_package_gazetteer(blank_nlp):
    ruler = blank_nlp.add_pipe("newsfacts_entity_ruler")
    blank_nlp.initialize()
    doc = blank_nlp("Daily NK and Yonhap reported from Panmunjom.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Daily NK", "ORG"), ("Yonhap", "ORG"), ("Panmunjom", "LOC")]
    assert [s.text for s in doc.spans["gazetteer"]] == ["Daily NK", "Yonhap", "Panmunjom"]
    assert len(ruler.patterns) > 100


def test_a_ruler_never_initialized_loads_its_patterns_on_the_first_doc(blank_nlp):
    blank_nlp.add_pipe("newsfacts_entity_ruler")
    assert [e.text for e in blank_nlp("Yonhap reported.").ents] == ["Yonhap"]


def test_patterns_given_to_initialize_replace_the_package_ones_and_are_validated(blank_nlp):
    ruler = blank_nlp.add_pipe("newsfacts_entity_ruler")
    ruler.initialize(nlp=blank_nlp, patterns=[{"label": "ORG", "pattern": "Acme Trading", "id": "mine"}])
    assert [(e.text, e.id_) for e in blank_nlp("Acme Trading and Yonhap").ents] == [("Acme Trading", "mine")]
    with pytest.raises(ValueError):
        ruler.initialize(nlp=blank_nlp, patterns=[{"label": "THING", "pattern": "x", "id": "mine"}])


def test_the_org_ruler_finds_missions_named_by_a_phrase(blank_nlp):
    blank_nlp.add_pipe("newsfacts_org_ruler")
    doc = blank_nlp.make_doc("He worked at North Korea's embassy in London.")
    doc.ents = [Span(doc, 3, 5, label="GPE"), Span(doc, 8, 9, label="GPE")]
    doc = blank_nlp.get_pipe("newsfacts_org_ruler")(doc)
    longest = max(doc.spans["org_candidates"], key=len)  # shorter matches inside it give way later
    assert longest.text == "North Korea's embassy in London"
