"""An evaluation from files to verdict: the plain functions behind ``newsfacts evaluate``."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..records import ArticleRecord
from .errors import InputError, validation_problems
from .expected import load_expected
from .gate import Evaluation, evaluate_sets
from .scoring import CorpusScore, score_corpus
from .sets import ScoredSet, corpus_sets
from .thresholds import SetThresholds, read_thresholds


def read_records(path: str | Path) -> list[ArticleRecord]:
    """Every line of a JSONL fact file as a record.

    :class:`InputError` lists every bad line as ``FILE: line N: KEY: message``, so a file
    edited by hand or cut short is fixed in one go.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([f"{path}: cannot read: {exc}"]) from None
    records, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            records.append(ArticleRecord.model_validate_json(line))
        except ValidationError as exc:
            problems.extend(_line_problems(where, line, exc))
    if problems:
        raise InputError(problems)
    return records


def _line_problems(where: str, line: str, exc: ValidationError) -> list[str]:
    try:
        json.loads(line)
    except ValueError as bad:
        detail = f"{bad.msg} at column {bad.colno}" if isinstance(bad, json.JSONDecodeError) else str(bad)
        return [f"{where}: not JSON: {detail}"]
    return validation_problems(where, exc)


def evaluate_file(facts: str | Path, expected: str | Path, *, recursive: bool = True) -> CorpusScore:
    """Scores only, no gate: what :mod:`pipeline.evaluation.gate` builds its verdict on."""
    return score_corpus(read_records(facts), load_expected(expected, recursive=recursive))


def scored_sets_for(expected: Path, *, recursive: bool = True, set_name: str = "corpus", all_sets: bool = False) -> dict[str, ScoredSet]:
    """The sets one command scores: the three of a corpus (``--all-sets``), or one folder
    under the name its thresholds are kept under."""
    if all_sets:
        return corpus_sets(expected)
    return {set_name: ScoredSet(expected, recursive=recursive)}


def evaluate_files(facts: str | Path, sets: dict[str, ScoredSet], thresholds: str | Path | None = None) -> Evaluation:
    """Score a fact file on each set and check it against the thresholds file (if any).

    Raises :class:`InputError` for any file that cannot be read or does not validate, and for a
    thresholds file without an entry for a set scored: exit 2, before any verdict.
    """
    records = read_records(facts)
    minimums = None if thresholds is None else _thresholds_for(thresholds, sets)
    problems: list[str] = []
    for scored in sets.values():  # read every expected file first: every problem in one run
        try:
            scored.load()
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return evaluate_sets(records, sets, minimums)


def _thresholds_for(path: str | Path, sets: dict[str, ScoredSet]) -> dict[str, SetThresholds]:
    found = read_thresholds(path)
    missing = [name for name in sets if name not in found]
    if missing:
        raise InputError([f"{path}: no thresholds for the set {name!r}; it has {sorted(found)}" for name in missing])
    return {name: found[name] for name in sets}
