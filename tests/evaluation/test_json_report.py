"""--json carries the report's content and the verdicts, in a documented, versioned shape."""

import json

from pipeline.evaluation.details import View, collect
from pipeline.evaluation.json_report import VERSION, report_json
from tests.evaluation.test_details import evaluation


def report(tmp_path, view=View(), **thresholds):
    evaluated = evaluation(tmp_path, thresholds or None)
    return json.loads(json.dumps(report_json(evaluated, collect(evaluated, view))))


def test_the_top_level_keys_and_the_verdict(tmp_path):
    data = report(tmp_path, f1={"year_counts": 0.5})
    assert list(data) == ["version", "verdict", "exit_code", "failures", "sets", "articles", "heldout_hidden"]
    assert (data["version"], data["verdict"], data["exit_code"]) == (VERSION, "fail", 1)
    assert data["failures"][0] == "corpus: year_counts: F1 0.000 is under the threshold 0.500"


def test_each_figure_carries_its_threshold_and_whether_it_passed(tmp_path):
    development = report(tmp_path, f1={"people": 1.0})["sets"]["development"]
    assert development["kinds"]["people"] | {"field_agreement": None} == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "threshold": 1.0, "passed": True,
        "true_positives": 2, "false_positives": 0, "false_negatives": 0, "field_agreement": None}
    assert development["kinds"]["year_counts"]["field_agreement"]["qualifier"] == {
        "value": None, "threshold": None, "passed": None, "agreed": 0, "compared": 0}
    assert development["published"] == {"accuracy": 1.0, "threshold": None, "passed": None, "correct": 2, "articles": 2}


def test_an_article_lists_its_findings_with_sentence_and_rule(tmp_path):
    (article,) = report(tmp_path, View(articles=("a",)))["articles"]
    assert article["sets"] == ["corpus", "development"] and article["heldout"] is False
    assert article["findings"][1] == {
        "kind": "year_counts", "what": "false", "fact": "2015: 99 (exact)", "field": None, "expected": None,
        "found": None, "evidence": "x", "sentence": "a: In 2015 there were 99.", "rule": "year_counts:parse",
        "gate": "f1.year_counts"}


def test_held_out_articles_are_only_named_unless_asked(tmp_path):
    data = report(tmp_path)
    assert data["heldout_hidden"] == ["heldout/h"]
    assert "heldout/h" not in [article["id"] for article in data["articles"]]
    assert "heldout/h" in [a["id"] for a in report(tmp_path, View(show_heldout=True))["articles"]]
