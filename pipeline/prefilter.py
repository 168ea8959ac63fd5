"""Where a token pattern can match at all, so that spaCy's matchers run only there.

The ``DependencyMatcher`` scans every token for every node of every pattern. A pattern whose
nodes name their words (``{"LOWER": "south"}``, ``{"LOWER": {"IN": [...]}}``) can only match in
a sentence that holds one word of each such node (a parse never crosses a sentence), so a
pattern no sentence allows need not run at all.

The matcher is then given the whole ``Doc``, not ``Span``s of those sentences: it copies a span
into a new ``Doc`` through the whole document's arrays, quadratic on a long article.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

SentenceWords = list[tuple[int, int, frozenset[str]]]


def required_values(attrs: dict[str, Any], keys: tuple[str, ...] = ("LOWER", "SHAPE")) -> tuple[str, frozenset[str]] | None:
    """(key, the values) a pattern token must take by one of ``keys``, when it names them
    (``{"LOWER": "south"}``, ``{"SHAPE": {"IN": ["dddd"]}}``); None for a POS, a lemma, a regex."""
    for key in keys:
        value = attrs.get(key)
        if isinstance(value, str):
            return key, frozenset({value})
        if isinstance(value, dict) and set(value) == {"IN"}:
            return key, frozenset(value["IN"])
    return None


def node_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each node of a dependency pattern that names its words (by ``LOWER``), those words;
    nodes that do not name them (a POS, a lemma, a regex) give no gate."""
    return [found[1] for node in pattern
            for found in [required_values(node.get("RIGHT_ATTRS", {}), ("LOWER",))] if found is not None]


def sentence_words(doc: Doc) -> SentenceWords:
    """Each sentence as (start, end, its lower-cased words), in one pass over the tokens
    (sentence bounds from ``is_sent_start``, cheaper than ``doc.sents``)."""
    sentences: SentenceWords = []
    start = 0
    words: set[str] = set()
    for token in doc:
        if token.is_sent_start and token.i > start:
            sentences.append((start, token.i, frozenset(words)))
            start, words = token.i, set()
        words.add(token.lower_)
    if len(doc) > start:
        sentences.append((start, len(doc), frozenset(words)))
    return sentences


def any_sentence_with(sentences: SentenceWords, gates: list[frozenset[str]]) -> bool:
    """Whether some one sentence holds a word of every gate, so the pattern may match there."""
    return any(all(not gate.isdisjoint(words) for gate in gates) for _, _, words in sentences)
