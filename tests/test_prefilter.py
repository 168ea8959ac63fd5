"""``pipeline.prefilter``: a dependency pattern runs only when one sentence holds its words."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.prefilter import any_sentence_with, node_words, required_values, sentence_words

ESCAPE = [
    {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": ["fled", "escaped"]}}},
    {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "south", "RIGHT_ATTRS": {"LOWER": "south"}},
]


def parsed(words: list[str], heads: list[int], starts: list[bool]) -> Doc:
    vocab = spacy.blank("en").vocab
    deps = ["ROOT" if head == i else "dep" for i, head in enumerate(heads)]
    return Doc(vocab, words=words, heads=heads, deps=deps, sent_starts=starts)


def two_sentences() -> Doc:
    # "He fled south . Rain fell . She escaped south ."
    words = ["He", "fled", "south", ".", "Rain", "fell", ".", "She", "escaped", "south", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 8, 8, 8, 8]
    starts = [True, False, False, False, True, False, False, True, False, False, False]
    return parsed(words, heads, starts)


def test_each_node_that_names_its_words_is_a_gate():
    assert node_words(ESCAPE) == [frozenset({"fled", "escaped"}), frozenset({"south"})]


def test_a_node_without_words_is_no_gate():
    assert node_words([{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}]) == []


def test_sentences_come_with_their_lower_cased_words():
    sentences = sentence_words(two_sentences())
    assert [(start, end) for start, end, _ in sentences] == [(0, 4), (4, 7), (7, 11)]
    assert sentences[0][2] == frozenset({"he", "fled", "south", "."})


def test_a_pattern_may_match_only_if_one_sentence_holds_all_its_words():
    sentences = sentence_words(two_sentences())
    assert any_sentence_with(sentences, node_words(ESCAPE))
    assert not any_sentence_with(sentences, [frozenset({"rain"}), frozenset({"south"})])  # in two sentences


def test_a_token_names_its_values_by_lower_or_shape():
    assert required_values({"LOWER": "south"}) == ("LOWER", frozenset({"south"}))
    assert required_values({"SHAPE": {"IN": ["dddd"]}, "POS": "NUM"}) == ("SHAPE", frozenset({"dddd"}))
    assert required_values({"SHAPE": "dddd"}, ("LOWER",)) is None  # only the keys asked for
    assert required_values({"LEMMA": "flee"}) is None
    assert required_values({"LOWER": {"REGEX": "^def"}}) is None
