"""The thresholds file: per set, F1 per kind, publication year and field agreement; the flat
format of 0.2 still read with a warning; mistakes named by file and key."""

import pytest

from pipeline.evaluation.errors import InputError
from pipeline.evaluation.thresholds import ThresholdsFormatWarning, load_thresholds, read_thresholds
from tests.evaluation.builders import write_json


def problems(path) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_thresholds(path)
    return caught.value.problems


def test_a_set_gates_f1_per_kind_the_publication_year_and_field_agreement(tmp_path):
    path = write_json(tmp_path / "t.json", {"development": {
        "f1": {"year_counts": 0.87}, "published": 0.88, "fields": {"year_counts.qualifier": 0.97}}})
    assert load_thresholds(path, "development").gates() == {
        "f1.year_counts": 0.87, "published": 0.88, "fields.year_counts.qualifier": 0.97}


def test_a_figure_left_out_is_not_gated(tmp_path):
    path = write_json(tmp_path / "t.json", {"development": {"f1": {"people": 0.9}}})
    assert load_thresholds(path, "development").gates() == {"f1.people": 0.9}


def test_the_old_flat_format_is_read_with_a_warning_and_its_zeros_are_not_gated(tmp_path):
    path = write_json(tmp_path / "t.json", {"corpus": {"people": 0.95, "year_count": 0.5, "events": 0.0}})
    with pytest.warns(ThresholdsFormatWarning, match=r"t.json: set 'corpus' uses the old flat format"):
        assert load_thresholds(path).gates() == {"f1.people": 0.95, "f1.year_counts": 0.5}


def test_a_threshold_of_zero_is_refused_because_it_can_never_fail(tmp_path):
    path = write_json(tmp_path / "t.json", {"corpus": {"f1": {"people": 0.0}}})
    assert problems(path) == [f"{path}: corpus.f1.people: a threshold of 0 can never fail: "
                              "leave the entry out to show it as not gated"]


def test_an_unknown_kind_or_field_names_the_key(tmp_path):
    path = write_json(tmp_path / "t.json", {"corpus": {"f1": {"peeple": 0.9}, "fields": {"year_counts.qualifer": 0.9}}})
    found = problems(path)
    assert [problem.split(": ")[1] for problem in found] == ["corpus.f1.peeple", "corpus.fields.year_counts.qualifer"]
    assert all("not a known key" in problem for problem in found)


def test_an_unknown_key_in_a_set_and_a_value_out_of_range_are_named(tmp_path):
    path = write_json(tmp_path / "t.json", {"corpus": {"f1": {"people": 1.5}, "publshed": 0.9}})
    assert [problem.split(": ")[1] for problem in problems(path)] == ["corpus.f1.people", "corpus.publshed"]


def test_a_set_missing_from_the_file_is_named(tmp_path):
    path = write_json(tmp_path / "t.json", {"corpus": {"f1": {"people": 0.9}}})
    with pytest.raises(InputError, match=r"no thresholds for the set 'heldout'; it has \['corpus'\]"):
        load_thresholds(path, "heldout")


def test_a_file_that_is_not_json_names_the_line(tmp_path):
    path = tmp_path / "t.json"
    path.write_text('{"corpus": }', encoding="utf-8")
    assert problems(path) == [f"{path}: not JSON: Expecting value at line 1 column 12"]
