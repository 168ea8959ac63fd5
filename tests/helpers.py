"""Hand-built docs for unit tests: a blank pipeline's tokens with the entities a test gives, or
the records the full pipeline builds from a text of a known date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.records import Fact


def with_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc whose entities are the given phrases, each found after the previous one."""
    doc = nlp(text)
    spans, position = [], 0
    for phrase, label in ents:
        start = doc.text.index(phrase, position)
        position = start + len(phrase)
        span = doc.char_span(start, position, label=label)
        assert span is not None, f"{phrase!r} does not fall on token boundaries"
        spans.append(span)
    doc.ents = spans
    return doc


def ent(nlp: Language, text: str, phrase: str, label: str) -> Span:
    """The entity ``phrase`` (labelled ``label``) in a doc of ``text``."""
    (span,) = with_ents(nlp, text, [(phrase, label)]).ents
    return span


def labels(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.id_) for e in doc.ents]


def dated_facts(nlp: Language, text: str, published: str, kind: str) -> list[Fact]:
    """The records of ``kind`` the pipeline builds from ``text`` published on ``published`` (as
    front matter would give it), so that relative dates resolve as in an article."""
    doc = nlp.make_doc(text)
    doc._.published, doc._.published_source = published, "metadata"
    return [fact for fact in nlp(doc)._.facts if fact.kind == kind]
