"""Where a token pattern can match at all, so that spaCy's matchers run only there.

The ``DependencyMatcher`` scans every token of what it is given for every node of every
pattern; most sentences of an article hold none of the words a pattern needs. A pattern whose
nodes name their words (``{"LOWER": "south"}``, ``{"LOWER": {"IN": [...]}}``) can only match in
a sentence that holds one word of each such node, so a matcher given just those sentences finds
exactly what it would find on the whole document: a parse never crosses a sentence.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SentenceWords = list[tuple[int, int, frozenset[str]]]


def node_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each node of a dependency pattern that names its words (by ``LOWER``), those words;
    nodes that do not name them (a POS, a lemma, a regex) give no gate."""
    gates: list[frozenset[str]] = []
    for node in pattern:
        lower = node.get("RIGHT_ATTRS", {}).get("LOWER")
        if isinstance(lower, str):
            gates.append(frozenset({lower}))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            gates.append(frozenset(lower["IN"]))
    return gates


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


def stretches_with(doc: Doc, sentences: SentenceWords, gates: list[frozenset[str]]) -> list[Span]:
    """The sentences holding a word of every gate, touching ones joined into one stretch (fewer
    matcher calls); the whole document when there are no gates."""
    if not gates:
        return [doc[:]] if len(doc) else []
    ranges: list[list[int]] = []
    for start, end, words in sentences:
        if all(not gate.isdisjoint(words) for gate in gates):
            if ranges and ranges[-1][1] == start:
                ranges[-1][1] = end
            else:
                ranges.append([start, end])
    return [doc[start:end] for start, end in ranges]
