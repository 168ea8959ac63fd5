"""The one place where a processed ``Doc`` becomes Pydantic fact records.

Pure: reads the annotations the components left (``doc.spans``, ``doc._``), touches nothing
else, so the batch engine never needs to know about spaCy internals.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from .kinds import EVENTS, ORGANIZATIONS, PEOPLE, PERCENTAGES, YEAR_COUNTS
from .records import DefectionEvent, Evidence, Fact, Organization, Percentage, Person, YearCount
from .spans import sentence_starts

_RECORD_FIELDS = {
    YEAR_COUNTS: ("year", "month", "count", "qualifier", "count_max", "cumulative", "subject", "source"),
    PERCENTAGES: ("value", "direction", "points", "subject", "year", "base_year", "source"),
    EVENTS: ("count", "year", "month", "places", "people", "affiliations", "description", "status", "destination",
             "route", "composition", "trigger", "source"),
}


def doc_to_facts(doc: Doc) -> list[Fact]:
    """All facts of one article, in order of first mention within each kind."""
    text = DocText(doc)
    return [*_year_counts(doc, text), *_percentages(doc, text), *_people(doc, text), *_organizations(doc, text),
            *_events(doc, text)]


class DocText:
    """A doc's text and where its sentences start, read once: a hundred mentions' evidence
    must not join the document's tokens a hundred times (``Doc.text``, ``Span.text`` do)."""

    def __init__(self, doc: Doc) -> None:
        self.whole = doc.text
        self.sentence_starts: list[int] | None = None
        if len(doc) and doc.has_annotation("SENT_START"):
            self.sentence_starts = sentence_starts(doc)
            self._chars = [(idx, idx + length) for idx, length in doc.to_array([IDX, LENGTH]).tolist()]

    def of(self, span: Span) -> str:
        return self.whole[span.start_char : span.end_char]

    def sentence(self, span: Span) -> str:
        """The sentence around a span (every sentence it touches, when the parser put a boundary
        inside a name), or the whole text in a pipeline that sets no boundaries."""
        starts = self.sentence_starts
        if starts is None or not len(span):
            return self.whole.strip()
        first = starts[bisect_right(starts, span.start) - 1]
        after = bisect_right(starts, span.end - 1)
        end = starts[after] if after < len(starts) else len(self._chars)
        return self.whole[self._chars[first][0] : self._chars[end - 1][1]].strip()


def evidence(span: Span, rule: str | None = None, text: DocText | None = None) -> Evidence:
    text = text if text is not None else DocText(span.doc)
    return Evidence(
        text=text.of(span),
        start=span.start_char,
        end=span.end_char,
        sentence=text.sentence(span),
        rule=rule or span.id_ or "ner",
    )


def _clusters(doc: Doc, key: str, text: DocText) -> Iterator[tuple[list[Evidence], dict[str, Any]]]:
    """(mentions, what the component noted) per entity cluster, in order of first mention.

    Mentions are grouped by their cluster id (``kb_id_``), never by name: two people who share
    a name are two records.
    """
    groups: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get(key, []):
        groups[span.kb_id_].append(span)
    info = doc._.entity_clusters or {}
    for cluster, spans in groups.items():
        yield [evidence(span, text=text) for span in spans], info[cluster]


def _people(doc: Doc, text: DocText) -> list[Person]:
    return [
        Person(
            id=known.get("id"),
            name=known["name"],
            aliases=list(known.get("aliases", [])),
            titles=list(known.get("titles", [])),
            mentions=mentions,
            evidence=mentions[0],
        )
        for mentions, known in _clusters(doc, PEOPLE, text)
    ]


def _organizations(doc: Doc, text: DocText) -> list[Organization]:
    return [
        Organization(
            id=known.get("id"),
            name=known["name"],
            aliases=list(known.get("aliases", [])),
            acronym=known.get("acronym"),
            mentions=mentions,
            evidence=mentions[0],
        )
        for mentions, known in _clusters(doc, ORGANIZATIONS, text)
    ]


def _year_counts(doc: Doc, text: DocText) -> list[YearCount]:
    return [YearCount(**_fields(YEAR_COUNTS, fact), evidence=evidence(span, fact["rule"], text))
            for span in doc.spans.get(YEAR_COUNTS, []) for fact in span._.year_count or []]


def _percentages(doc: Doc, text: DocText) -> list[Percentage]:
    return [Percentage(**_fields(PERCENTAGES, fact), evidence=evidence(span, fact["rule"], text))
            for span in doc.spans.get(PERCENTAGES, []) for fact in span._.percentage or []]


def _fields(kind: str, fact: dict[str, Any]) -> dict[str, Any]:
    return {name: fact[name] for name in _RECORD_FIELDS[kind] if name in fact}


def _events(doc: Doc, text: DocText) -> list[DefectionEvent]:
    """One record per defection; its evidence spans the sentences that tell it."""
    records = []
    whole = text.whole
    for span in doc.spans.get(EVENTS, []):
        fact = span._.event
        if not fact:
            continue
        first, last = fact["sentences"][0][0], fact["sentences"][-1][1]
        text = whole[first:last].rstrip()
        proof = Evidence(text=text, start=first, end=first + len(text), sentence=text, rule=fact["rule"])
        records.append(DefectionEvent(**_fields(EVENTS, fact), evidence=proof))
    return records
