"""What the details show: filters narrow them, held-out articles' facts stay hidden unless asked."""

from pipeline.evaluation.details import View, collect
from pipeline.evaluation.gate import evaluate_sets
from pipeline.evaluation.sets import corpus_sets
from pipeline.evaluation.thresholds import SetThresholds
from pipeline.records import ArticleRecord
from tests.evaluation.builders import mini_corpus


def evaluation(root, thresholds=None):
    records = [ArticleRecord.model_validate(item) for item in mini_corpus(root)]
    sets = corpus_sets(root)
    minimums = None if thresholds is None else {name: SetThresholds.model_validate(thresholds) for name in sets}
    return evaluate_sets(records, sets, minimums)


def shown(details) -> dict[str, list[tuple[str, str]]]:
    return {e.article_id: [(f.what, f.kind) for f in e.findings] for e in details.articles}


def test_each_article_is_shown_once_however_many_sets_score_it(tmp_path):
    details = collect(evaluation(tmp_path), View())
    assert [(e.article_id, e.sets) for e in details.articles] == [
        ("a", ["corpus", "development"]), ("ab", ["corpus", "development"])]


def test_held_out_articles_are_hidden_by_default(tmp_path):
    details = collect(evaluation(tmp_path), View())
    assert [e.article_id for e in details.hidden] == ["heldout/h"]
    assert "heldout/h" not in shown(details)


def test_show_heldout_shows_them(tmp_path):
    details = collect(evaluation(tmp_path), View(show_heldout=True))
    assert shown(details)["heldout/h"] == [("missed", "year_counts"), ("false", "year_counts")]
    assert details.hidden == []


def test_kind_filter_keeps_that_kind_only(tmp_path):
    details = collect(evaluation(tmp_path), View(kinds=frozenset({"people"})))
    assert shown(details) == {"a": [], "ab": []}


def test_an_exact_id_selects_that_article_alone(tmp_path):
    assert list(shown(collect(evaluation(tmp_path), View(articles=("a",))))) == ["a"]


def test_a_text_no_id_equals_selects_every_id_containing_it(tmp_path):
    assert list(shown(collect(evaluation(tmp_path), View(articles=("b",))))) == ["ab"]


def test_errors_only_keeps_what_counts_against_a_failed_threshold(tmp_path):
    failing_years = evaluation(tmp_path, {"f1": {"year_counts": 0.5, "people": 0.5}})
    assert shown(collect(failing_years, View(errors_only=True))) == {
        "a": [("missed", "year_counts"), ("false", "year_counts")],
        "ab": [("missed", "year_counts"), ("false", "year_counts")]}
    passing = evaluation(tmp_path, {"f1": {"people": 0.5}})
    assert collect(passing, View(errors_only=True)).articles == []
