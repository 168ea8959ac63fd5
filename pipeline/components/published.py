"""``newsfacts_published``: infer when an undated article was written, from its own text.

Relative dates ("last year") can only be resolved against a publication date. When metadata and
the caller gave none, the article usually betrays it: the headline says "1417 defectors entered
South Korea last year", the body says "in 2016 was 1417", so it was written in 2017.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..extensions import register_extensions
from ..normalize.dates import RELATIVE_YEAR_OFFSETS, infer_publication_year, is_plausible_year
from ..normalize.numbers import parse_digits

_NOT_FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY", "TIME", "ORDINAL"})
_MAX_PAIRS = 1000


class PublishedInference:
    def __init__(self, nlp: Language, min_restated_figure: int) -> None:
        self.min_restated_figure = min_restated_figure
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, offset in RELATIVE_YEAR_OFFSETS.items():
            self.matcher.add(f"{offset}", [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        if doc._.published:
            return doc
        year = self.infer_year(doc)
        if year is not None:
            doc._.published = f"{year:04d}"
            doc._.published_source = "inferred"
        return doc

    def infer_year(self, doc: Doc) -> int | None:
        sentence_of = _sentence_starts(doc)
        relative = [
            (doc[start:end], int(doc.vocab.strings[match_id])) for match_id, start, end in self.matcher(doc)
        ]
        explicit = [(token, int(token.text)) for token in doc if is_explicit_year(token)]
        return infer_publication_year(
            self._restatements(doc, sentence_of, relative, explicit),
            [offset for _, offset in relative],
            [year for _, year in explicit],
            lower_bounds=_lower_bounds(sentence_of, relative, explicit),
        )

    def _restatements(
        self, doc: Doc, sentence_of: list[int], relative: list[tuple[Span, int]], explicit: list[tuple[Token, int]]
    ) -> list[tuple[int, int]]:
        """(offset, year) for a figure tied to a relative year in one sentence and to an explicit
        year in another ("1417 ... last year" / "in 2016 was 1417"): the strongest sign.

        Explicit years are indexed by the figures of their sentence, and the pairs stop at
        ``_MAX_PAIRS`` (plenty of votes), so a very long article costs linear time.
        """
        if not relative or not explicit:
            return []
        figures = _SentenceFigures(doc, sentence_of, self.min_restated_figure)
        years_by_figure: dict[float, list[tuple[Token, int]]] = {}
        for token, year in explicit:
            for figure in figures.of(token.i):
                years_by_figure.setdefault(figure, []).append((token, year))
        pairs: list[tuple[int, int]] = []
        for phrase, offset in relative:
            sentence = sentence_of[phrase.start]
            seen: set[int] = set()
            for figure in figures.of(phrase.start):
                for token, year in years_by_figure.get(figure, ()):
                    if sentence_of[token.i] != sentence and token.i not in seen:
                        seen.add(token.i)
                        pairs.append((offset, year))
                        if len(pairs) >= _MAX_PAIRS:
                            return pairs
        return pairs


class _SentenceFigures:
    """Numbers in a sentence that could be a restated figure (not years, not small), computed
    once per sentence."""

    def __init__(self, doc: Doc, sentence_of: list[int], minimum: int) -> None:
        self.doc, self.sentence_of, self.minimum = doc, sentence_of, minimum
        self._cache: dict[int, set[float]] = {}

    def of(self, token_index: int) -> set[float]:
        start = self.sentence_of[token_index]
        if start not in self._cache:
            self._cache[start] = self._figures(start)
        return self._cache[start]

    def _figures(self, start: int) -> set[float]:
        values = set()
        for token in self.doc[start:]:
            if token.i > start and self.sentence_of[token.i] != start:
                break
            if token.like_num and token.ent_type_ not in _NOT_FIGURES and not is_explicit_year(token):
                value = parse_digits(token.text)
                if value is not None and value >= self.minimum:
                    values.add(value)
        return values


def _sentence_starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its sentence (one pass over the doc)."""
    starts, current = [], 0
    for token in doc:
        if token.is_sent_start and token.i > 0:
            current = token.i
        starts.append(current)
    return starts


def _lower_bounds(
    sentence_of: list[int], relative: list[tuple[Span, int]], explicit: list[tuple[Token, int]]
) -> list[int]:
    """"63 in 2021 and 67 last year", "from 30,000 in 2017 to 11,500 last year": a past relative
    year set beside an explicit one in a sentence is another, later year. (Not "this year":
    "2,183 this year, says the 2014 survey" names one year twice.)"""
    by_sentence: dict[int, list[tuple[Token, int]]] = {}
    for token, year in explicit:
        by_sentence.setdefault(sentence_of[token.i], []).append((token, year))
    bounds = []
    for phrase, offset in relative:
        if offset >= 0:
            continue
        for token, year in by_sentence.get(sentence_of[phrase.start], [])[:_MAX_PAIRS]:
            if not _appositive(phrase, token):
                bounds.append(year - offset + 1)
    return bounds


def is_explicit_year(token: Token) -> bool:
    """A four-digit year ("in 2016", "the 2014 survey"), not a count ("2016 defectors").

    A number modifying a plural noun counts it; one modifying a singular noun dates it.
    """
    if not (len(token.text) == 4 and token.text.isdigit() and is_plausible_year(int(token.text))):
        return False
    head = token.head
    if token.dep_ == "nummod" and head.i > token.i and head.pos_ in {"NOUN", "PROPN"}:
        return head.tag_ in {"NN", "NNP"}
    return token.ent_type_ == "DATE" or token.i > 0 and token.nbor(-1).lower_ in _YEAR_PREPOSITIONS


def _appositive(phrase: Span, token: Token) -> bool:
    """"last year (2016)", "2016, last year": the two name the same year."""
    doc = phrase.doc
    first, second = (phrase.end, token.i) if phrase.end <= token.i else (token.i + 1, phrase.start)
    between = doc[first:second]
    return len(between) <= 2 and all(t.is_punct for t in between)


_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "by", "from", "to", "of", "and", ",", "before", "after"})


@Language.factory(
    "newsfacts_published",
    assigns=["doc._.published", "doc._.published_source"],
    requires=["token.dep", "doc.sents"],
    # Small numbers (ages, days, "ten workers") repeat by chance, so they cannot date an article.
    default_config={"min_restated_figure": 100},
)
def make_published(nlp: Language, name: str, min_restated_figure: int) -> PublishedInference:
    register_extensions()
    return PublishedInference(nlp, min_restated_figure)
