"""``newsfacts_attribute_ruler``: spaCy's ``attribute_ruler`` with its fixed-length patterns looked
up by the tokens' values instead of run through the ``Matcher``.

The English pipelines' attribute ruler maps tags to POS and morphology with about 180
patterns, almost all one token long with plain ``==`` / ``IN`` / ``NOT_IN`` tests on ``TAG``,
``LOWER`` or ``DEP``. Run through the ``Matcher`` they cost as much as the parser (about 15 ms
on a 600-token article, measured in ``benchmarks/README.md``). Read from the document's arrays
and looked up by value they cost about a tenth of that, with the same result: the same
matches, applied in the same order (by pattern number, as ``AttributeRuler.match`` sorts them).
Patterns of a few tokens and ``REGEX`` tests are read the same way; any other pattern
(operators, fuzzy or set tests, extensions, other attributes) still goes through a ``Matcher``.

The component *is* an ``AttributeRuler``: it keeps every pattern in the parent's matcher, so
``patterns``, ``to_disk`` and ``from_disk`` are the parent's own and a saved pipeline holds its
patterns. :func:`pipeline.nlp.add_components` puts it in place of the model's ruler, with the
model's patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Attributes a pattern may test and still be looked up: their values in ``Doc.to_array`` are
# what the Matcher compares (string hashes, or 0/1 for the flags).
_STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX"})
_FLAG_ATTRS = frozenset({"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
                         "IS_SPACE", "IS_STOP", "LIKE_NUM"})
_MOST_ANSWERS = 100_000  # answers remembered (per distinct row, per regex value) before starting afresh


class _Test:
    """One attribute test of one pattern token: the column of the doc's array it reads, and
    either the values it takes (``keep``) or refuses, or a regular expression its string must
    match (``REGEX``, answered once per distinct value)."""

    def __init__(self, column: int, values: frozenset[int] = frozenset(), keep: bool = True,
                 regex: re.Pattern[str] | None = None, strings: StringStore | None = None) -> None:
        self.column = column
        self.values = values
        self.keep = keep
        self.regex = regex
        self._strings = strings
        self._answers: dict[int, bool] = {}

    @property
    def takes_values(self) -> bool:
        return self.regex is None and self.keep

    def passes(self, row: list[int]) -> bool:
        value = row[self.column]
        if self.regex is None:
            return (value in self.values) is self.keep
        answer = self._answers.get(value)
        if answer is None:
            if len(self._answers) > _MOST_ANSWERS:
                self._answers.clear()
            answer = self._answers[value] = bool(self.regex.search(self._strings[value]))
        return answer


@dataclass(frozen=True)
class _Rule:
    """A pattern of fixed length: the ruler's pattern number and each token's tests. The first
    token's ``key`` (a test that takes values) is what it is looked up by; a rule without one
    is tried at every token."""

    number: int
    key: _Test | None
    first: tuple[_Test, ...]
    following: tuple[tuple[_Test, ...], ...]

    def matches_at(self, rows: list[list[int]], i: int) -> bool:
        if i + len(self.following) >= len(rows):
            return False
        if not all(test.passes(rows[i]) for test in self.first):
            return False
        return all(test.passes(rows[i + 1 + n]) for n, tests in enumerate(self.following) for test in tests)


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose fixed-length patterns of plain tests are found by look-up."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Callable | None = None) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._clear_index()

    def clear(self) -> None:
        super().clear()
        self._clear_index()

    def _clear_index(self) -> None:
        self._complex = Matcher(self.vocab, validate=self.validate)  # everything else
        self._columns: list[int] = []  # the attributes read from the doc's array, in order
        # one-token rules, then longer ones: column -> value -> rules, and rules without a key
        self._tables: dict[int, dict[int, list[_Rule]]] = {}
        self._everywhere: list[_Rule] = []
        self._long_tables: dict[int, dict[int, list[_Rule]]] = {}
        self._long_everywhere: list[_Rule] = []
        self._keys: list[int] = []  # pattern number -> its match key
        # a token's values (one per column) -> what ``_answer`` says of them: tokens repeat
        self._answers: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}

    def add(self, patterns: Iterable[list[dict[str, Any]]], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        number = len(self.attrs)
        super().add(patterns, attrs, index)
        key = self.vocab.strings[str(number)]
        self._keys.append(key)
        self._answers.clear()
        for pattern in patterns:
            tests = [self._tests(token) for token in pattern]
            if not tests or any(token_tests is None for token_tests in tests):
                self._complex.add(key, [pattern])
            else:
                self._index(_rule(number, tests))

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The parent's matches, in the parent's order: (pattern number, key, start, end)."""
        matches = []
        if len(self._complex):
            found = self._complex(doc, allow_missing=True, as_spans=False)
            matches = [(int(self.vocab.strings[key]), key, start, end) for key, start, end in found]
        if not (self._columns and len(doc)):
            return matches
        keys = self._keys
        rows = doc.to_array(self._columns).tolist()
        if len(self._columns) == 1:
            rows = [[value] for value in rows]
        answers = self._answers
        if len(answers) > _MOST_ANSWERS:
            answers.clear()
        for i, row in enumerate(rows):
            values = tuple(row)
            answer = answers.get(values)
            if answer is None:
                answer = answers[values] = self._answer(row)
            numbers, longer = answer
            matches.extend((number, keys[number], i, i + 1) for number in numbers)
            for rule in longer:
                if rule.matches_at(rows, i):
                    matches.append((rule.number, keys[rule.number], i, i + 1 + len(rule.following)))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """The parent's, without a Span made for each one-token match (nearly all of them)."""
        if any(end - start != 1 or self.indices[number] not in (0, -1) for number, _, start, end in matches):
            super().set_annotations(doc, matches)
            return
        for number, _key, start, _end in matches:
            set_token_attrs(doc[start], self.attrs[number])

    def _answer(self, row: list[int]) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        """For a token's values: the one-token rules it matches, and the longer rules that may
        start at it (their first token's key matches; the rest is checked in place)."""
        numbers = tuple(rule.number for rule in self._candidates(row, self._tables, self._everywhere)
                        if rule.matches_at([row], 0))
        longer = tuple(rule for rule in self._candidates(row, self._long_tables, self._long_everywhere)
                       if all(test.passes(row) for test in rule.first))
        return numbers, longer

    @staticmethod
    def _candidates(row: list[int], tables: dict[int, dict[int, list[_Rule]]], everywhere: list[_Rule]) -> list[_Rule]:
        found = [rule for column, table in tables.items() for rule in table.get(row[column], ())]
        return found + everywhere if everywhere else found

    def _tests(self, token: dict[str, Any]) -> list[_Test] | None:
        """The tests of one pattern token, or None when one of them is not a plain test."""
        if not token:
            return None
        tests = []
        for name, value in token.items():
            test = self._test(name.upper() if isinstance(name, str) else name, value)
            if test is None:
                return None
            tests.append(test)
        return tests

    def _test(self, name: Any, value: Any) -> _Test | None:
        strings = self.vocab.strings
        if name in _FLAG_ATTRS and isinstance(value, bool):
            return _Test(self._column(name), frozenset({int(value)}))
        if name not in _STRING_ATTRS:
            return None
        name = "ORTH" if name == "TEXT" else name
        if isinstance(value, str):
            return _Test(self._column(name), frozenset({strings.add(value)}))
        if not (isinstance(value, dict) and len(value) == 1):
            return None
        ((operator, operand),) = value.items()
        if operator == "REGEX" and isinstance(operand, str):
            return _Test(self._column(name), regex=re.compile(operand), strings=strings)
        if operator in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            return _Test(self._column(name), frozenset(strings.add(v) for v in operand), keep=operator == "IN")
        return None

    def _column(self, name: str) -> int:
        attr = IDS[name]
        if attr not in self._columns:
            self._columns.append(attr)
        return self._columns.index(attr)

    def _index(self, rule: _Rule) -> None:
        tables, everywhere = (self._long_tables, self._long_everywhere) if rule.following else (self._tables, self._everywhere)
        if rule.key is None:
            everywhere.append(rule)
            return
        table = tables.setdefault(rule.key.column, {})
        for value in rule.key.values:
            table.setdefault(value, []).append(rule)


def _rule(number: int, tests: list[list[_Test]]) -> _Rule:
    """Look a pattern up by its first token's test that takes the fewest values."""
    first, following = tests[0], tuple(tuple(token) for token in tests[1:])
    takers = [test for test in first if test.takes_values]
    if not takers:
        return _Rule(number, None, tuple(first), following)
    key = min(takers, key=lambda test: len(test.values))
    return _Rule(number, key, tuple(test for test in first if test is not key), following)


@Language.factory(
    "newsfacts_attribute_ruler",
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma"],
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Callable | None) -> IndexedAttributeRuler:
    """spaCy's ``attribute_ruler``, faster on one-token patterns; same config, same patterns."""
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
