"""Expected files find their records when ids are paths relative to the folder extract read."""

import pytest

from pipeline.evaluation.scoring import match_records
from pipeline.records import ArticleRecord


def record(id_: str, path: str | None = None) -> ArticleRecord:
    return ArticleRecord.model_validate({"article": {"id": id_, "path": path}})


def test_an_expected_file_matches_the_record_with_its_relative_path_as_id():
    records = [record("a"), record("heldout/b")]
    assert {k: r.article.id for k, r in match_records(records, ["a", "heldout/b"]).items()} == {"a": "a", "heldout/b": "heldout/b"}


def test_expected_files_of_a_sub_folder_match_records_ending_with_their_name():
    records = [record("a"), record("heldout/b")]
    assert {k: r.article.id for k, r in match_records(records, ["b"]).items()} == {"b": "heldout/b"}


def test_an_article_naming_its_own_id_is_matched_by_its_file():
    records = [record("own-id", path="corpus/heldout/b.txt")]
    assert {k: r.article.id for k, r in match_records(records, ["heldout/b"]).items()} == {"heldout/b": "own-id"}


def test_an_exact_id_wins_over_a_longer_one():
    records = [record("b"), record("heldout/b")]
    assert match_records(records, ["b"])["b"].article.id == "b"


def test_an_expected_file_that_fits_two_records_is_an_error():
    with pytest.raises(ValueError, match="fit 2 records"):
        match_records([record("2017/b"), record("2018/b")], ["b"])
