"""Which output lines a scored set answers for, and which of its articles are held out."""

from pipeline.evaluation.sets import ScoredSet, corpus_sets, is_heldout
from pipeline.records import ArticleRecord


def record(path) -> ArticleRecord:
    return ArticleRecord.model_validate({"article": {"id": "x", "path": None if path is None else str(path)}})


def test_a_set_holds_the_articles_of_its_folder_and_below_only_when_recursive(tmp_path):
    top, below = record(tmp_path / "a.txt"), record(tmp_path / "heldout" / "b.txt")
    assert [ScoredSet(tmp_path).holds(r) for r in (top, below)] == [True, True]
    assert [ScoredSet(tmp_path, recursive=False).holds(r) for r in (top, below)] == [True, False]


def test_a_collection_line_lies_where_its_collection_does(tmp_path):
    assert ScoredSet(tmp_path).holds(record(f"{tmp_path / 'archive.jsonl'}:12"))


def test_a_line_without_a_path_or_from_elsewhere_is_not_held(tmp_path):
    assert not ScoredSet(tmp_path / "corpus").holds(record(None))
    assert not ScoredSet(tmp_path / "corpus").holds(record(tmp_path / "other" / "a.txt"))


def test_held_out_means_a_heldout_folder_or_a_set_named_heldout(tmp_path):
    assert is_heldout("corpus", tmp_path / "heldout" / "a.expected.json")
    assert is_heldout("heldout", tmp_path / "a.expected.json")
    assert not is_heldout("development", tmp_path / "a.expected.json")


def test_a_corpus_has_three_sets(tmp_path):
    sets = corpus_sets(tmp_path)
    assert {name: (s.folder, s.recursive) for name, s in sets.items()} == {
        "corpus": (tmp_path, True), "development": (tmp_path, False), "heldout": (tmp_path / "heldout", True)}
