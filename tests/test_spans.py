"""``pipeline.spans``: small helpers on spaCy spans shared by the components."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.spans import Mentions, covering, entity_bounds, sentence_starts, starting_in, token_texts


def test_entity_bounds_are_those_of_the_entity_a_token_is_in():
    words = ["Envoy", "Ri", "Il", "Gyu", "fled", "Cuba", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-GPE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    assert [entity_bounds(doc[i]) for i in (1, 2, 3, 5)] == [(1, 4), (1, 4), (1, 4), (5, 6)]


def mentions_doc() -> Doc:
    words = ["Kim", "met", "Ri", "and", "Pak", "Song", "in", "Seoul", "."]
    return Doc(spacy.blank("en").vocab, words=words)


def test_starting_in_finds_the_spans_that_start_in_a_stretch_in_list_order():
    doc = mentions_doc()
    spans = [doc[4:6], doc[0:1], doc[2:3]]  # not in document order
    assert [s.text for s in starting_in(Mentions(spans), 1, 5)] == ["Pak Song", "Ri"]
    assert starting_in(Mentions(spans), 1, 5) == starting_in(spans, 1, 5)  # a plain list: same, by a scan


def test_covering_tells_whether_a_token_is_inside_one_of_the_spans():
    doc = mentions_doc()
    spans = [doc[0:1], doc[4:6]]
    assert [i for i in range(len(doc)) if covering(Mentions(spans), i)] == [0, 4, 5]
    assert [i for i in range(len(doc)) if covering(spans, i)] == [0, 4, 5]


def test_sentence_starts_and_token_texts_come_from_the_arrays():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["He", "fled", ".", "She", "stayed", "."],
              sent_starts=[True, False, False, True, False, False])
    assert sentence_starts(doc) == [0, 3]
    assert token_texts(doc) == ["He", "fled", ".", "She", "stayed", "."]
    assert sentence_starts(Doc(vocab, words=[])) == [] == token_texts(Doc(vocab, words=[]))
