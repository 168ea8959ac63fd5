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

_MIN_RESTATED_FIGURE = 10  # small numbers repeat by chance


class PublishedInference:
    def __init__(self, nlp: Language) -> None:
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
        relative: list[tuple[Span, int]] = []
        for match_id, start, _end in self.matcher(doc):
            relative.append((doc[start].sent, int(doc.vocab.strings[match_id])))
        explicit = [(token.sent, int(token.text)) for token in doc if is_explicit_year(token)]
        restatements = [
            (offset, year)
            for rel_sent, offset in relative
            for year_sent, year in explicit
            if rel_sent != year_sent and _figures(rel_sent) & _figures(year_sent)
        ]
        return infer_publication_year(
            restatements, [offset for _, offset in relative], [year for _, year in explicit]
        )


def is_explicit_year(token: Token) -> bool:
    """A four-digit year ("in 2016"), not a count that looks like one ("2016 defectors")."""
    if not (len(token.text) == 4 and token.text.isdigit() and is_plausible_year(int(token.text))):
        return False
    if token.dep_ == "nummod" and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i:
        return False
    return token.ent_type_ == "DATE" or token.i > 0 and token.nbor(-1).lower_ in _YEAR_PREPOSITIONS


_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "by", "from", "to", "of", "and", ",", "before", "after"})


def _figures(sentence: Span) -> set[float]:
    """Numbers in a sentence that could be a restated figure (not years, not small)."""
    values = set()
    for token in sentence:
        if token.like_num and not is_explicit_year(token):
            value = parse_digits(token.text)
            if value is not None and value >= _MIN_RESTATED_FIGURE:
                values.add(value)
    return values


@Language.factory(
    "newsfacts_published",
    assigns=["doc._.published", "doc._.published_source"],
    requires=["token.dep", "doc.sents"],
    default_config={},
)
def make_published(nlp: Language, name: str) -> PublishedInference:
    register_extensions()
    return PublishedInference(nlp)
