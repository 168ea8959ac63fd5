"""Extraction quality on the corpus: scores gated by corpus/thresholds.json, output snapshotted.

Snapshots detect change (review the YAML diff; regenerate on purpose with
``pytest tests/test_quality.py --force-regen``); the expected facts decide correctness. Held-out
articles are scored but never snapshotted, and no failure here prints their facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import process_articles
from pipeline.evaluation import load_expected, match_records
from pipeline.evaluation.details import View, collect
from pipeline.evaluation.gate import evaluate_sets
from pipeline.evaluation.report import render_report
from pipeline.evaluation.sets import HELDOUT
from pipeline.evaluation.thresholds import read_thresholds
from pipeline.kinds import KINDS
from pipeline.reader import iter_articles
from tests.conftest import CORPUS, SCORED_SETS

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def corpus_records(nlp):
    """Every corpus article (both sets: the reader walks folders recursively), by id."""
    return {record.article.id: record for record in process_articles(iter_articles([CORPUS]), nlp)}


THRESHOLDS = CORPUS / "thresholds.json"


def test_every_corpus_article_is_processed_cleanly(corpus_records):
    assert {a: r.errors for a, r in corpus_records.items() if r.errors} == {}
    expected = load_expected(CORPUS)
    assert set(match_records(list(corpus_records.values()), expected)) == set(expected)
    assert len(corpus_records) == len(expected)


@pytest.mark.parametrize("scored_set", sorted(SCORED_SETS))
def test_quality_does_not_fall_under_the_thresholds(corpus_records, scored_set):
    """Every gated figure (F1 per kind, publication year, field agreement) of the set, failing
    closed like ``make evaluate``; on failure the report shows no held-out article's facts."""
    thresholds = read_thresholds(THRESHOLDS)
    evaluation = evaluate_sets(list(corpus_records.values()), {scored_set: SCORED_SETS[scored_set]}, thresholds)
    report = render_report(evaluation, collect(evaluation, View(errors_only=True)))
    assert evaluation.failures() == [], report


@pytest.mark.parametrize("scored_set", sorted(SCORED_SETS))
def test_thresholds_cover_every_kind_and_the_publication_year(scored_set):
    thresholds = read_thresholds(THRESHOLDS)[scored_set]
    assert set(thresholds.f1) == set(KINDS)
    assert thresholds.published is not None


def _snapshot(record) -> dict:
    """Stable, reviewable view of a record: no paths, no sentences, mentions as offsets."""
    facts = []
    for fact in record.facts:
        data = fact.model_dump(mode="json")
        data["evidence"] = {k: data["evidence"][k] for k in ("text", "start", "end", "rule")}
        if "mentions" in data:
            data["mentions"] = [[m["start"], m["end"]] for m in data["mentions"]]
        facts.append(data)
    # where the file lies and how it is laid out, not what was extracted (tests/test_batch.py checks body_offset)
    article = record.article.model_dump(mode="json", exclude={"path", "sha256", "body_offset"})
    return {"article": article, "facts": facts, "errors": [e.model_dump() for e in record.errors]}


# Development articles only: a held-out article's output, committed, would be read (corpus/README.md).
@pytest.mark.parametrize("article_id", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_snapshot(article_id, corpus_records, data_regression):
    (record,) = match_records(list(corpus_records.values()), [article_id]).values()
    data_regression.check(_snapshot(record))


def test_every_evidence_points_at_its_text_in_the_article(corpus_records):
    articles = {article.id: article for article in iter_articles([CORPUS])}
    # a held-out article's failure is named, its facts are not (corpus/README.md, held-out hygiene)
    heldout = {article_id for article_id, article in articles.items() if HELDOUT in Path(article.path).parent.parts}
    wrong = [
        (article_id, "(held-out: not shown)" if article_id in heldout else mention.text)
        for article_id, record in corpus_records.items()
        for fact in record.facts
        for mention in [fact.evidence, *getattr(fact, "mentions", [])]
        if articles[article_id].text[mention.start : mention.end] != mention.text
        or mention.text not in mention.sentence
    ]
    assert wrong == []


def test_crlf_and_bom_do_not_shift_offsets(nlp, tmp_path):
    text = "Headline\r\n\r\nThe National Intelligence Service (NIS) said Kim Jong Un spoke.\r\n"
    path = tmp_path / "crlf.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\nid: crlf\r\n---\r\n" + text.encode("utf-8"))
    (article,) = iter_articles([path])
    (record,) = process_articles([article], nlp)
    assert record.facts
    for fact in record.facts:
        for mention in fact.mentions:
            assert article.text[mention.start : mention.end] == mention.text
