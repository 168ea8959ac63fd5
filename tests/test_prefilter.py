"""``pipeline.prefilter``: a dependency pattern runs only on the sentences that hold its words."""

from __future__ import annotations

import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from pipeline.prefilter import node_words, sentence_words, stretches_with

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


def test_only_sentences_with_a_word_of_every_gate_are_kept():
    doc = two_sentences()
    stretches = stretches_with(doc, sentence_words(doc), node_words(ESCAPE))
    assert [span.text for span in stretches] == ["He fled south .", "She escaped south ."]


def test_touching_sentences_are_one_stretch():
    doc = two_sentences()
    stretches = stretches_with(doc, sentence_words(doc), [frozenset({"fled", "fell"})])
    assert [(span.start, span.end) for span in stretches] == [(0, 7)]


def test_no_gates_means_the_whole_document():
    doc = two_sentences()
    assert [(span.start, span.end) for span in stretches_with(doc, sentence_words(doc), [])] == [(0, 11)]


def test_the_matcher_finds_the_same_on_the_stretches_as_on_the_whole_doc():
    doc = two_sentences()
    matcher = DependencyMatcher(doc.vocab)
    matcher.add("escape", [ESCAPE])
    whole = sorted(tokens[0] for _, tokens in matcher(doc))
    gated = sorted(span.start + tokens[0] for span in stretches_with(doc, sentence_words(doc), node_words(ESCAPE))
                   for _, tokens in matcher(span))
    assert whole == gated == [1, 8]
