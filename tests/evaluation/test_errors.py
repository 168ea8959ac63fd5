"""Problems are one line each, naming the file and the key as a person writes it."""

from pydantic import ValidationError

from pipeline.evaluation.errors import InputError, key_path, shown, validation_problems
from pipeline.records import ArticleRecord


def test_a_location_is_written_with_dots_and_indexes():
    assert key_path(("year_counts", 3, "count")) == "year_counts[3].count"


def test_the_tag_pydantic_adds_inside_the_facts_union_is_left_out():
    assert key_path(("facts", 0, "year_counts", "year")) == "facts[0].year"


def test_each_pydantic_error_is_one_line_naming_the_source_and_the_key():
    try:
        ArticleRecord.model_validate_json('{"article": {"id": "a", "bogus": 1}, "facts": [{"kind": "people"}]}')
    except ValidationError as exc:
        problems = validation_problems("out.jsonl: line 3", exc)
    assert "out.jsonl: line 3: article.bogus: unknown key" in problems
    assert "out.jsonl: line 3: facts[0].name: missing key" in problems


def test_a_long_list_of_problems_is_cut_with_a_count_of_the_rest():
    assert shown([str(n) for n in range(25)], limit=20)[-1] == "... and 5 more problems"
    assert str(InputError(["a", "b"])) == "a\nb"
