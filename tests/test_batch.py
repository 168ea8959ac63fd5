"""The batch engine: one record per article, in order, whatever goes wrong with one of them."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from pipeline.batch import extract, open_output, process_articles
from pipeline.reader import ArticleInput

pytestmark = pytest.mark.model


def article(id_: str, text: str, **kw) -> ArticleInput:
    item = ArticleInput(id=id_, path=None, text=text, title=id_, **kw)
    if not text:
        item.add_error("empty_article", "the article has no text")
    return item


def test_one_record_per_article_in_input_order(nlp):
    articles = [article(f"a{i}", f"Kim Jong Un spoke on day {i}.") for i in range(5)]
    articles.insert(2, ArticleInput(id="empty", path=None))
    records = list(process_articles(articles, nlp, batch_size=2))
    assert [r.article.id for r in records] == ["a0", "a1", "empty", "a2", "a3", "a4"]


def test_publication_date_precedence_metadata_then_argument_then_inference(nlp):
    restated = "1417 defectors entered last year\n\nIn 2016 the number was 1417."
    records = list(process_articles(
        [article("meta", restated, published="2017-01-10"), article("arg", restated), article("none", "No date.")],
        nlp, published="2018"))
    assert [(r.article.published, r.article.published_source) for r in records] == [
        ("2017-01-10", "metadata"), ("2018", "argument"), ("2018", "argument")]
    (inferred,) = process_articles([article("inf", restated)], nlp)
    assert (inferred.article.published, inferred.article.published_source) == ("2017", "inferred")
    (unknown,) = process_articles([article("unk", "No date here.")], nlp)
    assert (unknown.article.published, unknown.article.published_source) == (None, "unknown")


@Language.component("test_explodes_on_boom")
def _explodes(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component failed")
    return doc


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_crash_inside_the_pipeline_is_that_articles_error_only(nlp, n_process):
    texts = ["Kim Jong Un spoke.", "BOOM", "Thae Yong Ho spoke.", "", "Kim Yo Jong spoke.", "BOOM again"]
    nlp.add_pipe("test_explodes_on_boom", last=True)
    try:
        records = list(process_articles(
            [article(f"a{i}", text) for i, text in enumerate(texts)], nlp, batch_size=2, n_process=n_process))
    finally:
        nlp.remove_pipe("test_explodes_on_boom")
    assert [(r.article.id, [e.code for e in r.errors]) for r in records] == [
        ("a0", []), ("a1", ["processing_failed"]), ("a2", []), ("a3", ["empty_article"]), ("a4", []),
        ("a5", ["processing_failed"])]
    assert "component failed" in records[1].errors[0].message
    assert all(records[i].facts for i in (0, 2, 4))


def test_parallel_processing_gives_the_same_records(nlp, corpus_dir):
    from pipeline.reader import iter_articles

    one = [r.model_dump() for r in process_articles(iter_articles([corpus_dir]), nlp)]
    two = [r.model_dump() for r in process_articles(iter_articles([corpus_dir]), nlp, n_process=2, batch_size=4)]
    assert one == two


def test_extract_writes_one_valid_json_line_per_article_and_counts(nlp, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\n\nNorth Korean leader Kim Jong Un said on Monday.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"caf\xe9 \x80 bad")
    summary = extract([tmp_path / "in"], tmp_path / "out" / "facts.jsonl", nlp)
    lines = (tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["a", "b"]
    assert (summary.articles, summary.articles_with_errors, summary.clean) == (2, 1, False)
    assert summary.facts["people"] == 1


def test_an_interrupted_run_leaves_no_output_file(tmp_path):
    target = tmp_path / "facts.jsonl"
    with pytest.raises(KeyboardInterrupt):
        with open_output(target) as stream:
            stream.write('{"partial": true}\n')
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_rerun_replaces_the_previous_output_whole(tmp_path):
    target = tmp_path / "facts.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with open_output(target) as stream:
        stream.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]
