"""The one place where a processed ``Doc`` becomes Pydantic fact records.

Pure: reads the annotations the components left (``doc.spans``, ``doc._``), touches nothing
else, so the batch engine never needs to know about spaCy internals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span

from .kinds import EVENTS, ORGANIZATIONS, PEOPLE, PERCENTAGES, YEAR_COUNTS
from .records import DefectionEvent, Evidence, Fact, Organization, Percentage, Person, YearCount

_RECORD_FIELDS = {
    YEAR_COUNTS: ("year", "month", "count", "qualifier", "count_max", "cumulative", "subject", "source"),
    PERCENTAGES: ("value", "direction", "points", "subject", "year", "base_year", "source"),
    EVENTS: ("count", "year", "month", "places", "people", "affiliations", "description", "status", "destination",
             "route", "composition", "trigger", "source"),
}


def doc_to_facts(doc: Doc) -> list[Fact]:
    """All facts of one article, in order of first mention within each kind."""
    return [*_year_counts(doc), *_percentages(doc), *_people(doc), *_organizations(doc), *_events(doc)]


def evidence(span: Span, rule: str | None = None) -> Evidence:
    return Evidence(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        sentence=_sentence(span),
        rule=rule or span.id_ or "ner",
    )


def _sentence(span: Span) -> str:
    """The sentence around a span (every sentence it touches, when the parser put a boundary
    inside a name), or the whole text in a pipeline that sets no boundaries."""
    doc = span.doc
    if not doc.has_annotation("SENT_START") or not len(span):
        return doc.text.strip()
    first, last = span[0].sent, span[-1].sent
    return doc[first.start : max(first.end, last.end)].text.strip()


def _clusters(doc: Doc, key: str) -> Iterator[tuple[list[Evidence], dict[str, Any]]]:
    """(mentions, what the component noted) per entity cluster, in order of first mention.

    Mentions are grouped by their cluster id (``kb_id_``), never by name: two people who share
    a name are two records.
    """
    groups: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get(key, []):
        groups[span.kb_id_].append(span)
    info = doc._.entity_clusters or {}
    for cluster, spans in groups.items():
        yield [evidence(span) for span in spans], info[cluster]


def _people(doc: Doc) -> list[Person]:
    return [
        Person(
            id=known.get("id"),
            name=known["name"],
            aliases=list(known.get("aliases", [])),
            titles=list(known.get("titles", [])),
            mentions=mentions,
            evidence=mentions[0],
        )
        for mentions, known in _clusters(doc, PEOPLE)
    ]


def _organizations(doc: Doc) -> list[Organization]:
    return [
        Organization(
            id=known.get("id"),
            name=known["name"],
            aliases=list(known.get("aliases", [])),
            acronym=known.get("acronym"),
            mentions=mentions,
            evidence=mentions[0],
        )
        for mentions, known in _clusters(doc, ORGANIZATIONS)
    ]


def _year_counts(doc: Doc) -> list[YearCount]:
    return [YearCount(**_fields(YEAR_COUNTS, fact), evidence=evidence(span, fact["rule"]))
            for span in doc.spans.get(YEAR_COUNTS, []) for fact in span._.year_count or []]


def _percentages(doc: Doc) -> list[Percentage]:
    return [Percentage(**_fields(PERCENTAGES, fact), evidence=evidence(span, fact["rule"]))
            for span in doc.spans.get(PERCENTAGES, []) for fact in span._.percentage or []]


def _fields(kind: str, fact: dict[str, Any]) -> dict[str, Any]:
    return {name: fact[name] for name in _RECORD_FIELDS[kind] if name in fact}


def _events(doc: Doc) -> list[DefectionEvent]:
    """One record per defection; its evidence spans the sentences that tell it."""
    records = []
    whole = doc.text  # once: Doc.text joins every token at each call
    for span in doc.spans.get(EVENTS, []):
        fact = span._.event
        if not fact:
            continue
        first, last = fact["sentences"][0][0], fact["sentences"][-1][1]
        text = whole[first:last].rstrip()
        proof = Evidence(text=text, start=first, end=first + len(text), sentence=text, rule=fact["rule"])
        records.append(DefectionEvent(**_fields(EVENTS, fact), evidence=proof))
    return records
