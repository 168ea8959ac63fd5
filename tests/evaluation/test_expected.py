"""A malformed expected file is reported by file and key, every problem of every file at once."""

import json

import pytest

from pipeline.evaluation.errors import InputError
from pipeline.evaluation.expected import load_expected, read_expected
from tests.evaluation.builders import expected_data, gold_year_count, write_json


def problems(call, *args, **kwargs) -> list[str]:
    with pytest.raises(InputError) as caught:
        call(*args, **kwargs)
    return caught.value.problems


def test_a_value_of_the_wrong_type_names_the_file_and_the_key(tmp_path):
    facts = [gold_year_count(2016, 1), gold_year_count(2016, 2), gold_year_count(2016, 3), gold_year_count(2016, "many")]
    path = write_json(tmp_path / "foo.expected.json", expected_data(year_counts=facts))
    assert problems(read_expected, path) == [
        f"{path}: year_counts[3].count: Input should be a valid integer, unable to parse string as an integer"]


def test_a_misspelt_key_is_an_unknown_key(tmp_path):
    fact = gold_year_count(2016, 1)
    fact["qualifer"] = fact.pop("qualifier")
    path = write_json(tmp_path / "foo.expected.json", expected_data(year_counts=[fact]))
    assert set(problems(read_expected, path)) == {
        f"{path}: year_counts[0].qualifier: missing key", f"{path}: year_counts[0].qualifer: unknown key"}


def test_a_rule_across_keys_names_the_fact(tmp_path):
    path = write_json(tmp_path / "foo.expected.json", expected_data(year_counts=[gold_year_count(2016, 1, qualifier="range")]))
    assert problems(read_expected, path) == [f"{path}: year_counts[0]: count_max is set exactly when qualifier is 'range'"]


def test_a_file_that_is_not_json_names_the_file(tmp_path):
    path = tmp_path / "foo.expected.json"
    path.write_text("{", encoding="utf-8")
    (problem,) = problems(read_expected, path)
    assert problem.startswith(f"{path}: Invalid JSON")


def test_loading_a_folder_reports_every_bad_file(tmp_path):
    write_json(tmp_path / "a.expected.json", expected_data(notes=1))
    (tmp_path / "b.expected.json").write_text(json.dumps(expected_data(published="May 2017")), encoding="utf-8")
    found = problems(load_expected, tmp_path)
    assert [p.split(": ")[0:2] for p in found] == [
        [str(tmp_path / "a.expected.json"), "notes"], [str(tmp_path / "b.expected.json"), "published"]]
