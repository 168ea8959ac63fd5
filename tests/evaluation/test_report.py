"""The text report reads top-down: verdict first, a summary per set, then each thing wrong with
the sentence it came from and the rule that produced it."""

from pipeline.evaluation.details import View, collect
from pipeline.evaluation.report import clip, render_report
from tests.evaluation.test_details import evaluation


def test_the_first_line_is_the_verdict_with_its_reason(tmp_path):
    report = render_report(evaluation(tmp_path, {"f1": {"year_counts": 0.5}}), None)
    assert report.splitlines()[:2] == ["FAIL: 3 reasons", "  - corpus: year_counts: F1 0.000 is under the threshold 0.500"]


def test_a_passing_run_says_so(tmp_path):
    report = render_report(evaluation(tmp_path, {"f1": {"people": 1.0}}), None)
    assert report.splitlines()[0] == "PASS: all 3 thresholds met (sets: corpus, development, heldout; 3 articles)"


def test_a_run_without_thresholds_says_it_was_not_gated(tmp_path):
    assert render_report(evaluation(tmp_path), None).startswith("SCORED, NOT GATED: no --thresholds given")


def test_each_set_has_a_summary_with_its_thresholds(tmp_path):
    report = render_report(evaluation(tmp_path, {"f1": {"people": 1.0}}), None)
    assert "== development: 2 articles" in report
    assert "  people              1.000   1.000  1.000  1.00 ok" in report
    assert "  events                  -       -      -  not gated" in report


def test_a_false_fact_shows_its_sentence_and_rule_and_a_miss_its_quote(tmp_path):
    evaluated = evaluation(tmp_path)
    report = render_report(evaluated, collect(evaluated, View(articles=("a",))))
    assert "year_counts: 1 missed, 1 false in 1 articles\n  a\n" in report
    assert "    missed  2016: 1417 (exact)\n            quote: \"a quote\"\n" in report
    assert "    false   2015: 99 (exact)   [rule year_counts:parse]\n            sentence: a: In 2015 there were 99." in report


def test_held_out_facts_are_not_in_the_report_unless_asked(tmp_path):
    evaluated = evaluation(tmp_path)
    hidden = render_report(evaluated, collect(evaluated, View()))
    assert "h quote" not in hidden and "h: In 2015" not in hidden
    assert "1 held-out articles hidden (--show-heldout shows them)" in hidden
    assert "h quote" in render_report(evaluated, collect(evaluated, View(show_heldout=True)))


def test_a_long_sentence_is_cut_around_its_evidence():
    sentence = "word " * 60 + "In 2016 there were 1,417." + " word" * 60
    cut = clip(sentence, "1,417", width=80)
    assert "1,417" in cut and cut.startswith("...") and cut.endswith("...") and len(cut) == 86


def test_an_article_filter_that_matches_nothing_says_so(tmp_path):
    evaluated = evaluation(tmp_path)
    report = render_report(evaluated, collect(evaluated, View(articles=("zzz",))))
    assert report.endswith("Details: no article id is or contains 'zzz'")
