"""The gate fails closed: nothing compared is never a pass, and every claimed figure can be gated."""

from pipeline.evaluation.gate import evaluate_sets
from pipeline.evaluation.sets import ScoredSet
from pipeline.evaluation.thresholds import SetThresholds
from pipeline.records import ArticleRecord
from tests.evaluation.builders import expected_data, gold_year_count, line, person, write_article, year_count


def records(*lines) -> list[ArticleRecord]:
    return [ArticleRecord.model_validate(item) for item in lines]


def gate(folder, lines, recursive=True, **thresholds):
    minimums = None if thresholds.get("none") else {"dev": SetThresholds.model_validate(thresholds)}
    return evaluate_sets(records(*lines), {"dev": ScoredSet(folder, recursive=recursive)}, minimums)


def one_article(tmp_path, **expected):
    path = write_article(tmp_path, "a", expected_data(**expected))
    return tmp_path, path


def test_a_folder_without_expected_files_is_nothing_to_score_and_fails(tmp_path):
    evaluation = gate(tmp_path, [], f1={"people": 0.5})
    assert (evaluation.verdict, evaluation.exit_code) == ("fail", 1)
    assert evaluation.failures() == [f"dev: nothing to score: no *.expected.json in {tmp_path}"]


def test_nothing_to_score_fails_even_without_thresholds(tmp_path):
    assert gate(tmp_path, [], none=True).verdict == "fail"


def test_an_expected_file_without_an_output_line_fails(tmp_path):
    folder, _ = one_article(tmp_path, people=[["Kim Jong Un"]])
    assert gate(folder, [], none=True).failures() == ["dev: 1 expected file without an output line: a"]


def test_an_output_line_of_the_folder_without_an_expected_file_fails(tmp_path):
    folder, path = one_article(tmp_path)
    extra = write_article(tmp_path, "new")
    evaluation = gate(folder, [line("a", path), line("new", extra)], none=True)
    assert evaluation.failures() == [f"dev: 1 output line of articles in {folder} without an expected file: new"]


def test_a_line_from_outside_the_set_is_a_note_not_a_failure(tmp_path):
    folder, path = one_article(tmp_path)
    heldout = write_article(tmp_path / "heldout", "h", expected_data())
    evaluation = gate(folder, [line("a", path), line("heldout/h", heldout)], recursive=False, none=True)
    assert evaluation.failures() == []
    assert evaluation.sets[0].notes == ["1 output line of articles outside this set: not scored"]


def test_a_threshold_on_a_kind_without_expected_facts_fails(tmp_path):
    folder, path = one_article(tmp_path, people=[["Kim Jong Un"]])
    evaluation = gate(folder, [line("a", path, person("Kim Jong Un"))], f1={"people": 0.9, "events": 0.5})
    assert evaluation.failures() == ["dev: events: threshold 0.50 but the set has no expected events facts: nothing to gate"]


def test_an_f1_under_its_threshold_fails_and_one_equal_to_it_passes(tmp_path):
    folder, path = one_article(tmp_path, people=[["Kim Jong Un"], ["Thae Yong Ho"]])
    lines = [line("a", path, person("Kim Jong Un"))]  # P 1, R 0.5: F1 0.667
    assert gate(folder, lines, f1={"people": 0.7}).failures() == ["dev: people: F1 0.667 is under the threshold 0.700"]
    assert gate(folder, lines, f1={"people": 2 / 3}).verdict == "pass"


def test_the_published_gate_counts_articles_with_an_expected_year_by_year(tmp_path):
    write_article(tmp_path, "a", expected_data(published="2017-01-10"))
    write_article(tmp_path, "b", expected_data(published="2018"))
    lines = [line("a", tmp_path / "a.txt", published="2017"), line("b", tmp_path / "b.txt", published="2019")]
    evaluation = gate(tmp_path, lines, published=0.6)
    assert evaluation.failures() == ["dev: published year 0.500 (1 of 2) is under the threshold 0.600"]


def test_a_published_threshold_without_any_expected_year_fails(tmp_path):
    folder, path = one_article(tmp_path, published=None)
    evaluation = gate(folder, [line("a", path)], published=0.5)
    assert evaluation.failures() == [
        "dev: published year: threshold 0.50 but no article has an expected publication year: nothing to gate"]


def test_field_agreement_on_matched_facts_is_gated(tmp_path):
    folder, path = one_article(tmp_path, year_counts=[gold_year_count(2016, 1417, qualifier="more_than")])
    evaluation = gate(folder, [line("a", path, year_count(2016, 1417))], fields={"year_counts.qualifier": 0.9})
    assert evaluation.failures() == ["dev: year_counts.qualifier agreement 0.000 (0 of 1) is under the threshold 0.900"]


def test_a_field_threshold_with_no_matched_fact_fails(tmp_path):
    folder, path = one_article(tmp_path, year_counts=[gold_year_count(2016, 1417)])
    evaluation = gate(folder, [line("a", path)], fields={"year_counts.month": 0.9})
    assert evaluation.failures()[-1] == (
        "dev: year_counts.month agreement: threshold 0.90 but no year_counts fact was matched to compare it on: nothing to gate")


def test_without_thresholds_the_verdict_is_ungated_and_exits_0(tmp_path):
    folder, path = one_article(tmp_path)
    evaluation = gate(folder, [line("a", path)], none=True)
    assert (evaluation.verdict, evaluation.exit_code) == ("ungated", 0)


def test_all_thresholds_met_is_a_pass(tmp_path):
    folder, path = one_article(tmp_path, people=[["Kim Jong Un"]])
    evaluation = gate(folder, [line("a", path, person("Kim Jong Un"))], f1={"people": 1.0}, published=1.0)
    assert (evaluation.verdict, evaluation.exit_code, evaluation.checks_gated()) == ("pass", 0, 2)
