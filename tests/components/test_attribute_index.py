"""``newsfacts_attribute_ruler`` gives what spaCy's ``attribute_ruler`` gives, found by look-up."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import pipeline
from pipeline.components.attribute_index import IndexedAttributeRuler

WORDS = ["There", "are", "n't", "many", "y'", "all", "gon", "na", "see", " ", "in", "Seoul", "."]
TAGS = ["EX", "VBP", "RB", "JJ", "PRP", "DT", "VBG", "TO", "VB", "_SP", "IN", "NNP", "."]
DEPS = ["expl", "ROOT", "neg", "amod", "nsubj", "det", "aux", "aux", "xcomp", "dep", "prep", "pobj", "punct"]
HEADS = [1, 1, 1, 1, 8, 4, 8, 8, 1, 8, 8, 10, 1]

PATTERNS = {
    "tag": {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    "word and tag": {"patterns": [[{"LOWER": "are", "TAG": "VBP"}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
    "word in a list": {"patterns": [[{"LOWER": {"IN": ["many", "much"]}}]], "attrs": {"POS": "ADJ"}},
    "word not in a list": {"patterns": [[{"TAG": "IN", "LOWER": {"NOT_IN": ["of", "for"]}}]], "attrs": {"POS": "ADP"}},
    "flag": {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    "regular expression": {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    "two tokens, second set": {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    "two tokens from a dependency": {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
                                     "attrs": {"POS": "VERB"}, "index": 1},
    "an expression opens two tokens": {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
                                       "attrs": {"LEMMA": "you"}},
    "an operator": {"patterns": [[{"TAG": "JJ", "OP": "+"}]], "attrs": {"MORPH": "Degree=Pos"}},
    "a fuzzy test": {"patterns": [[{"LOWER": {"FUZZY": "seul"}}]], "attrs": {"POS": "PROPN"}},
}


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, spaces=[True] * len(WORDS), tags=TAGS, deps=DEPS, heads=HEADS)


def _both(patterns: list[dict]) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    nlp = spacy.blank("en")
    reference, indexed = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    reference.add_patterns(patterns)
    indexed.add_patterns(patterns)
    return reference, indexed


def _annotations(doc: Doc) -> list[list[int]]:
    return doc.to_array([POS, TAG, MORPH, LEMMA]).tolist()


@pytest.mark.parametrize("name", list(PATTERNS))
def test_each_kind_of_pattern_sets_what_the_matcher_would(name):
    reference, indexed = _both([PATTERNS[name]])
    expected, found = _doc(reference.vocab), _doc(indexed.vocab)
    assert sorted(set(indexed.match(found))) == sorted(set(reference.match(expected)))
    assert _annotations(indexed(found)) == _annotations(reference(expected))


def test_a_later_pattern_overrides_an_earlier_one_on_the_same_token():
    reference, indexed = _both([
        {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": "seoul"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"TAG": "NNP", "LOWER": "seoul"}]], "attrs": {"POS": "X"}},
    ])
    doc = indexed(_doc(indexed.vocab))
    assert doc[11].pos_ == "X"
    assert _annotations(doc) == _annotations(reference(_doc(reference.vocab)))


def test_only_plain_patterns_are_looked_up():
    _, indexed = _both(list(PATTERNS.values()))
    assert len(indexed._complex) == 2  # the operator and the fuzzy test go through a Matcher


def test_patterns_travel_with_the_component_and_are_indexed_again():
    _, indexed = _both(list(PATTERNS.values()))
    copy = IndexedAttributeRuler(spacy.blank("en").vocab).from_bytes(indexed.to_bytes())
    assert copy.patterns == indexed.patterns
    assert _annotations(copy(_doc(copy.vocab))) == _annotations(indexed(_doc(indexed.vocab)))


def test_an_empty_doc_has_no_matches():
    _, indexed = _both(list(PATTERNS.values()))
    assert indexed.match(Doc(indexed.vocab, words=[])) == []


@pytest.mark.model
def test_the_model_patterns_tag_fresh_text_as_the_model_ruler_does(nlp):
    model = spacy.load(pipeline.DEFAULT_MODEL)
    assert nlp.get_pipe_meta("attribute_ruler").factory == "newsfacts_attribute_ruler"
    texts = ["There aren't many y'all gonna see in Pyongyang, she said.",
             "The ship's crew of 12 wasn't found; the NIS got word on Nov. 3."]
    for text in texts:
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in nlp(text)] == \
            [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in model(text)]
