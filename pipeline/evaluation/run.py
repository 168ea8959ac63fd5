"""Evaluate a fact file against a folder of expected facts: the plain function behind the CLI."""

from __future__ import annotations

from pathlib import Path

from ..records import ArticleRecord
from .expected import load_expected
from .scoring import CorpusScore, score_corpus


def read_records(path: str | Path) -> list[ArticleRecord]:
    """Every line of a JSONL fact file as a record; ValueError names the first bad line."""
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(ArticleRecord.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"line {number} is not an article record: {exc}") from None
    return records


def evaluate_file(facts: str | Path, expected: str | Path, *, recursive: bool = True) -> CorpusScore:
    return score_corpus(read_records(facts), load_expected(expected, recursive=recursive))
