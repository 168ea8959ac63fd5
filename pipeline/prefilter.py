"""Where a token pattern can match at all, so that spaCy's matchers run only there.

The ``DependencyMatcher`` scans every token for every node of every pattern. A pattern whose
nodes name their words (``{"LOWER": "south"}``, ``{"LOWER": {"IN": [...]}}``) can only match in
a sentence that holds one word of each such node (a parse never crosses a sentence), so a
pattern no sentence allows need not run at all.

The matcher is then given those sentences as small ``Doc``s of their own (:class:`SentenceDocs`),
built from one copy of the document's arrays: a ``Span`` would be copied through the whole
document's arrays at every call (quadratic on a long article), and the whole ``Doc`` would have
the matcher build a Python object for every token of it.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, MORPH, ORTH, POS, SPACY, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .spans import sentence_starts


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


def hashed(gates: list[frozenset[str]]) -> list[frozenset[int]]:
    """Gates as the string store's hashes of their words, the form :class:`SentenceIndex` reads."""
    return [frozenset(get_string_id(word) for word in gate) for gate in gates]


class SentenceIndex:
    """A parsed doc's sentences, as (start, end), and which of them hold each lower-cased word,
    read once from the doc's arrays (no Python object per token): asking which sentences can
    hold a pattern is then a few set intersections."""

    def __init__(self, doc: Doc) -> None:
        starts = sentence_starts(doc)
        self.bounds: list[tuple[int, int]] = list(zip(starts, [*starts[1:], len(doc)]))
        self._holding: dict[int, set[int]] = {}
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        for sentence, (start, end) in enumerate(self.bounds):
            for lower in lowers[start:end]:
                self._holding.setdefault(lower, set()).add(sentence)

    def holding(self, gates: list[frozenset[int]]) -> list[int]:
        """The sentences (by index, in order) that hold a word of every gate (see :func:`hashed`);
        all of them when there is no gate."""
        found: set[int] | None = None
        for gate in gates:
            holders = set().union(*(self._holding.get(word, ()) for word in gate))
            found = holders if found is None else found & holders
            if not found:
                return []
        return sorted(found) if found is not None else list(range(len(self.bounds)))


class SentenceDocs:
    """The sentences of a parsed ``Doc`` as ``Doc``s of their own (words, tags, lemmas, parse,
    entities), each built on first use from one copy of the document's arrays. A match at token
    ``i`` of sentence ``k`` is token ``start(k) + i`` of the document. A sentence's parse never
    points outside it, so its heads stay right."""

    _ANNOTATIONS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]]) -> None:
        self._doc = doc
        self._bounds = bounds
        self._arrays = None
        self._built: dict[int, Doc] = {}

    def start(self, k: int) -> int:
        return self._bounds[k][0]

    def __getitem__(self, k: int) -> Doc:
        if k not in self._built:
            if self._arrays is None:
                self._arrays = self._doc.to_array([ORTH, SPACY, *self._ANNOTATIONS])
            start, end = self._bounds[k]
            rows = self._arrays[start:end]
            strings = self._doc.vocab.strings
            sentence = Doc(self._doc.vocab, words=[strings[int(orth)] for orth in rows[:, 0]],
                           spaces=[bool(space) for space in rows[:, 1]])
            self._built[k] = sentence.from_array(self._ANNOTATIONS, rows[:, 2:])
        return self._built[k]
