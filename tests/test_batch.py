"""The batch engine: one record per article, in order, whatever goes wrong with one of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.batch import RunIncomplete, extract, process_articles, to_line
from pipeline.output import open_output
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


def test_evidence_offsets_plus_body_offset_index_the_file_as_read(nlp, tmp_path):
    body = "Headline\n\nThe National Intelligence Service (NIS) said Kim Jong Un spoke in 2016.\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bom.md").write_bytes(b"\xef\xbb\xbf---\r\nid: bom\r\n---\r\n" + body.replace("\n", "\r\n").encode())
    (tmp_path / "in" / "plain.md").write_text("---\npublished: 2017-01-10\n---\n" + body, encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "facts.jsonl", nlp)
    checked = 0
    for line in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        offset = record["article"]["body_offset"]
        raw = Path(record["article"]["path"]).read_text(encoding="utf-8-sig")  # the README's check
        for fact in record["facts"]:
            evidence = fact["evidence"]
            assert raw[offset + evidence["start"] : offset + evidence["end"]] == evidence["text"]
            checked += 1
    assert checked >= 4 and offset > 0


def test_an_interrupted_sink_leaves_its_complete_lines_in_partial_and_no_output(tmp_path):
    target = tmp_path / "facts.jsonl"
    with pytest.raises(KeyboardInterrupt):
        with open_output(target) as sink:
            sink.write('{"partial": true}', 0)
            raise KeyboardInterrupt
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl.partial"]
    assert (tmp_path / "facts.jsonl.partial").read_text(encoding="utf-8") == '{"partial": true}\n'


def test_a_rerun_replaces_the_previous_output_whole(tmp_path):
    target = tmp_path / "facts.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with open_output(target) as sink:
        sink.write("new", 0)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


# -- one guard per article, everywhere (issue 8) ----------------------------------------------


def test_an_article_over_the_pipelines_max_length_is_too_long_not_a_crash(blank_nlp):
    blank_nlp.max_length = 50
    records = list(process_articles([article("short", "Kim spoke."), article("long", "word " * 20)], blank_nlp))
    assert [(r.article.id, [e.code for e in r.errors]) for r in records] == [("short", []), ("long", ["too_long"])]


def test_a_record_json_cannot_carry_becomes_its_error_line():
    from pipeline.records import ArticleInfo, ArticleRecord

    line = to_line(ArticleRecord(article=ArticleInfo(id="bad\ud800", path="x\udcc5.txt")))
    record = json.loads(line)
    assert (record["article"]["id"], record["article"]["path"]) == ("bad\\ud800", "x\\xc5.txt")
    assert [e["code"] for e in record["errors"]] == ["serialization_failed"]


@Language.component("test_dies_on_die")
def _dies(doc):
    if "DIE" in doc.text:
        import os

        os._exit(1)  # a segfault or the OOM killer, as far as the main process can tell
    return doc


def test_a_worker_that_dies_costs_only_the_article_that_killed_it(blank_nlp):
    blank_nlp.add_pipe("test_dies_on_die")
    texts = ["One.", "Two DIE.", "Three.", "Four.", "Five DIE.", "Six."]
    records = list(process_articles([article(f"a{i}", t) for i, t in enumerate(texts)], blank_nlp, batch_size=3, n_process=2))
    assert [(r.article.id, [e.code for e in r.errors]) for r in records] == [
        ("a0", []), ("a1", ["processing_failed"]), ("a2", []), ("a3", []), ("a4", ["processing_failed"]), ("a5", [])]
    assert "worker process died" in records[1].errors[0].message


# -- a run: OUT.partial, resume, duplicates, summary --------------------------------------------


def folder_of(tmp_path, files: dict[str, str]):
    folder = tmp_path / "in"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


TEN = {f"a{i:02d}.txt": f"Article {i}.\n\nKim Jong Un spoke on day {i}." for i in range(10)}


def test_lines_are_appended_to_partial_as_articles_finish_and_out_appears_at_the_end(blank_nlp, tmp_path):
    folder, out = folder_of(tmp_path, TEN), tmp_path / "facts.jsonl"
    seen = []

    def check(outcome):
        seen.append(len((tmp_path / "facts.jsonl.partial").read_text(encoding="utf-8").splitlines()))
        assert not out.exists()

    extract([folder], out, blank_nlp, batch_size=1, on_record=check)
    assert seen == list(range(1, 11))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 10 and not (tmp_path / "facts.jsonl.partial").exists()


def interrupted_run(nlp, folder, out, after: int, **kw):
    def stop(outcome):
        if stop.count == after:
            raise KeyboardInterrupt
        stop.count += 1

    stop.count = 1
    with pytest.raises(RunIncomplete) as info:
        extract([folder], out, nlp, batch_size=2, on_record=stop, **kw)
    return info.value


def test_an_interrupted_run_keeps_its_complete_lines_in_partial(blank_nlp, tmp_path):
    folder, out = folder_of(tmp_path, TEN), tmp_path / "facts.jsonl"
    stopped = interrupted_run(blank_nlp, folder, out, after=3)
    assert (stopped.lines, stopped.partial, isinstance(stopped.cause, KeyboardInterrupt)) == (3, f"{out}.partial", True)
    lines = (tmp_path / "facts.jsonl.partial").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["a00", "a01", "a02"]
    assert not out.exists()


def test_resume_keeps_the_lines_written_and_ends_identical_to_an_uninterrupted_run(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, TEN)
    extract([folder], tmp_path / "whole.jsonl", blank_nlp)
    interrupted_run(blank_nlp, folder, tmp_path / "facts.jsonl", after=4)
    summary = extract([folder], tmp_path / "facts.jsonl", blank_nlp, resume=True)
    assert (summary.resumed, summary.processed, summary.articles) == (4, 6, 10)
    assert (tmp_path / "facts.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_resume_redoes_an_edited_article_in_its_place(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, TEN)
    interrupted_run(blank_nlp, folder, tmp_path / "facts.jsonl", after=4)
    (folder / "a01.txt").write_text("Edited.\n\nThae Yong Ho spoke.", encoding="utf-8")
    summary = extract([folder], tmp_path / "facts.jsonl", blank_nlp, resume=True)
    extract([folder], tmp_path / "whole.jsonl", blank_nlp)
    assert (summary.resumed, summary.processed) == (3, 7)
    assert (tmp_path / "facts.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_resume_drops_an_incomplete_last_line(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, TEN)
    interrupted_run(blank_nlp, folder, tmp_path / "facts.jsonl", after=4)
    with open(tmp_path / "facts.jsonl.partial", "ab") as partial:
        partial.write(b'{"article": {"id": "a04", "sha')  # as a SIGKILL in the middle of a write would
    summary = extract([folder], tmp_path / "facts.jsonl", blank_nlp, resume=True)
    extract([folder], tmp_path / "whole.jsonl", blank_nlp)
    assert summary.resumed == 4 and any("incomplete last line" in note for note in summary.notes)
    assert (tmp_path / "facts.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_resume_after_a_finished_run_only_processes_new_articles(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, TEN)
    extract([folder], tmp_path / "facts.jsonl", blank_nlp)
    (folder / "a05b.txt").write_text("New.\n\nKim Yo Jong spoke.", encoding="utf-8")
    summary = extract([folder], tmp_path / "facts.jsonl", blank_nlp, resume=True)
    extract([folder], tmp_path / "whole.jsonl", blank_nlp)
    assert (summary.resumed, summary.processed) == (10, 1)
    assert (tmp_path / "facts.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_duplicate_ids_are_reported_on_their_lines_and_in_the_summary(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, {"a.txt": "One.", "c.jsonl": '{"id": "x", "text": "T"}\n{"id": "x", "text": "U"}\n'})
    summary = extract([folder, folder / "a.txt"], tmp_path / "facts.jsonl", blank_nlp)
    lines = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(l["article"]["id"], [e["code"] for e in l["errors"]]) for l in lines] == [
        ("a", []), ("x", []), ("x", ["duplicate_id"]), ("a", ["duplicate_id"])]
    assert summary.duplicate_ids == {"x": 1, "a": 1} and "2 duplicate ids (a, x)" in summary.line()


def test_the_summary_counts_every_input_and_names_the_output(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, {"a.txt": "One.", "b.txt": "", "c.txt": "word " * 300, "d.txt": "Two."})
    summary = extract([folder, tmp_path / "missing.txt"], tmp_path / "facts.jsonl", blank_nlp, max_chars=1000)
    assert (summary.articles, summary.processed, summary.articles_with_errors) == (5, 2, 3)
    assert summary.skipped == {"empty_article": 1, "too_long": 1, "path_not_found": 1}
    assert "2 processed, 3 skipped (" in summary.line() and summary.line().endswith(f"output: {tmp_path / 'facts.jsonl'}")


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_oversized_article_among_normal_ones_is_one_error_line(blank_nlp, tmp_path, n_process):
    files = {f"a{i:03d}.txt": f"Article {i}." for i in range(100)} | {"a050x.txt": "word " * 220_000}
    summary = extract([folder_of(tmp_path, files)], tmp_path / "facts.jsonl", blank_nlp, n_process=n_process)
    lines = (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 101 and (summary.articles_with_errors, summary.skipped) == (1, {"too_long": 1})
    assert json.loads(lines[51])["errors"][0]["code"] == "too_long"


def test_a_run_without_resume_starts_over_and_says_so(blank_nlp, tmp_path):
    folder = folder_of(tmp_path, TEN)
    interrupted_run(blank_nlp, folder, tmp_path / "facts.jsonl", after=4)
    summary = extract([folder], tmp_path / "facts.jsonl", blank_nlp)
    assert (summary.processed, summary.resumed) == (10, 0)
    assert any(note.startswith("started over") for note in summary.notes)


def test_hidden_temporary_files_of_killed_older_runs_are_removed(blank_nlp, tmp_path):
    import subprocess

    finished = subprocess.Popen(["true"])  # its pid no longer runs
    finished.wait()
    stale = tmp_path / f".facts.jsonl.{finished.pid}.tmp"
    stale.write_text("{}\n", encoding="utf-8")
    summary = extract([folder_of(tmp_path, {"a.txt": "One."})], tmp_path / "facts.jsonl", blank_nlp)
    assert not stale.exists() and any("left by an interrupted run" in note for note in summary.notes)
