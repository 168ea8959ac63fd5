"""A fact file that cannot be read as records names each bad line, and the key."""

import pytest

from pipeline.evaluation.errors import InputError
from pipeline.evaluation.run import read_records
from tests.evaluation.builders import line, write_lines, year_count


def test_a_bad_record_names_the_file_the_line_and_the_key(tmp_path):
    bad = line("b", None, year_count(2016, 1) | {"count": "many"})
    path = write_lines(tmp_path / "out.jsonl", line("a", None), bad)
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert caught.value.problems == [
        f"{path}: line 2: facts[0].count: Input should be a valid integer, unable to parse string as an integer"]


def test_a_line_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"article": {"id": "a"}}\n{"article": \n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert caught.value.problems == [f"{path}: line 2: not JSON: Expecting value at column 13"]


def test_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"article": {"id": "a"}}\n\n', encoding="utf-8")
    assert [r.article.id for r in read_records(path)] == ["a"]
