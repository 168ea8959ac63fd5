"""``pipeline.spans``: small helpers on spaCy spans shared by the components."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.spans import entity_bounds


def test_entity_bounds_are_those_of_the_entity_a_token_is_in():
    words = ["Envoy", "Ri", "Il", "Gyu", "fled", "Cuba", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-GPE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    assert [entity_bounds(doc[i]) for i in (1, 2, 3, 5)] == [(1, 4), (1, 4), (1, 4), (5, 6)]
