"""An expected file is checked against the schema and against its article, by file and key."""

from pipeline.evaluation.validate import validate_file, validate_paths
from tests.evaluation.builders import expected_data, gold_year_count, write_article


def test_a_file_that_fits_its_article_has_no_problem(tmp_path):
    write_article(tmp_path, "a", expected_data(year_counts=[gold_year_count(2016, 1417, evidence="1417 defectors")]),
                  text="Title\n\nIn 2016, 1417 defectors arrived.")
    assert validate_file(tmp_path / "a.expected.json") == []


def test_a_quote_missing_from_the_body_is_named_by_key(tmp_path):
    write_article(tmp_path, "a", expected_data(year_counts=[gold_year_count(2016, 1417, evidence="1,417 defectors")]),
                  text="In 2016, 1417 defectors arrived.")
    assert validate_file(tmp_path / "a.expected.json") == [
        f'{tmp_path / "a.expected.json"}: year_counts[0].evidence: not in the article body: "1,417 defectors"']


def test_a_quote_from_the_front_matter_is_not_in_the_body(tmp_path):
    write_article(tmp_path, "a", expected_data(published="2017", year_counts=[gold_year_count(2017, 1, evidence="Front")]),
                  text="---\ntitle: Front\n---\nBody.")
    assert [p.split(": ")[1] for p in validate_file(tmp_path / "a.expected.json")] == ["year_counts[0].evidence"]


def test_an_expected_file_without_its_article_is_a_problem(tmp_path):
    path = write_article(tmp_path, "a", expected_data())
    path.unlink()
    assert validate_file(tmp_path / "a.expected.json") == [
        f"{tmp_path / 'a.expected.json'}: no article beside it (a.md or a.txt)"]


def test_a_front_matter_date_must_be_the_expected_one(tmp_path):
    write_article(tmp_path, "a", expected_data(published="2017"), text="---\npublished: 2018-01-02\n---\nBody.")
    assert validate_file(tmp_path / "a.expected.json") == [
        f"{tmp_path / 'a.expected.json'}: published: '2017', but the article's front matter says '2018-01-02'"]


def test_a_schema_error_is_reported_before_the_article_is_read(tmp_path):
    write_article(tmp_path, "a", expected_data(notes=None))
    assert validate_file(tmp_path / "a.expected.json") == [
        f"{tmp_path / 'a.expected.json'}: notes: Input should be a valid string"]


def test_a_folder_reports_articles_without_expected_files_and_counts_the_files(tmp_path):
    write_article(tmp_path, "a", expected_data())
    write_article(tmp_path / "heldout", "b")
    result = validate_paths([tmp_path])
    assert (result.checked, result.problems) == (1, [f"{tmp_path / 'heldout' / 'b.txt'}: no expected file (b.expected.json)"])
