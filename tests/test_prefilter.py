"""``pipeline.prefilter``: a dependency pattern runs only on the sentences that hold its words,
each given to the matcher as a small ``Doc`` of its own."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from spacy.matcher import DependencyMatcher

from pipeline.prefilter import SentenceDocs, SentenceIndex, hashed, node_words, required_values

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


def test_sentences_come_with_their_bounds():
    assert SentenceIndex(two_sentences()).bounds == [(0, 4), (4, 7), (7, 11)]


def test_a_pattern_may_match_only_in_a_sentence_holding_all_its_words():
    index = SentenceIndex(two_sentences())
    assert index.holding(hashed(node_words(ESCAPE))) == [0, 2]
    assert index.holding(hashed([frozenset({"rain"}), frozenset({"south"})])) == []  # in two sentences
    assert index.holding([]) == [0, 1, 2]  # no gate: anywhere


def test_a_sentence_doc_matches_like_its_sentence_in_the_doc():
    doc = two_sentences()
    index = SentenceIndex(doc)
    sentences = SentenceDocs(doc, index.bounds)
    matcher = DependencyMatcher(doc.vocab)
    matcher.add("ESCAPE", [ESCAPE])
    found = [(sentences.start(k) + tokens[0], sentences.start(k) + tokens[1])
             for k in index.holding(hashed(node_words(ESCAPE))) for _, tokens in matcher(sentences[k])]
    assert found == [(1, 2), (8, 9)] == [tuple(tokens) for _, tokens in matcher(doc)]
    assert [t.text for t in sentences[2]] == ["She", "escaped", "south", "."]


def test_a_token_names_its_values_by_lower_or_shape():
    assert required_values({"LOWER": "south"}) == ("LOWER", frozenset({"south"}))
    assert required_values({"SHAPE": {"IN": ["dddd"]}, "POS": "NUM"}) == ("SHAPE", frozenset({"dddd"}))
    assert required_values({"SHAPE": "dddd"}, ("LOWER",)) is None  # only the keys asked for
    assert required_values({"LEMMA": "flee"}) is None
    assert required_values({"LOWER": {"REGEX": "^def"}}) is None
