"""``doc_to_facts``: one pure function from an annotated Doc to Pydantic records."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.facts import doc_to_facts


def test_records_follow_cluster_ids_not_names(blank_nlp):
    doc = blank_nlp("Kim Chol the farmer met Kim Chol the general.")
    first, second = Span(doc, 0, 2, label="PERSON", kb_id="people:0"), Span(doc, 5, 7, label="PERSON", kb_id="people:1")
    doc.spans["people"] = [first, second]
    doc._.entity_clusters = {key: {"kind": "people", "name": "Kim Chol", "aliases": [], "titles": []}
                             for key in ("people:0", "people:1")}
    people = doc_to_facts(doc)
    assert [(p.name, p.mentions[0].start) for p in people] == [("Kim Chol", 0), ("Kim Chol", 24)]


def test_every_fact_says_where_it_came_from(blank_nlp):
    doc = blank_nlp("The NIS said so.")
    doc.spans["organizations"] = [Span(doc, 1, 2, label="ORG", kb_id="organizations:0", span_id="gazetteer:agencies")]
    doc._.entity_clusters = {"organizations:0": {"kind": "organizations", "name": "National Intelligence Service",
                                                 "aliases": [], "acronym": "NIS"}}
    (org,) = doc_to_facts(doc)
    assert (org.evidence.text, org.evidence.start, org.evidence.end, org.evidence.rule) == ("NIS", 4, 7, "gazetteer:agencies")
    assert org.evidence.sentence == "The NIS said so."
