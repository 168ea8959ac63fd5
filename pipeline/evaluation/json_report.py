"""The evaluation as JSON (``newsfacts evaluate --json``): the text report's content plus the
verdicts, for scripts and dashboards.

The shape is a contract, documented in the README: keys are added, never renamed or removed,
without raising ``version``. Ratios are rounded to 4 decimals; ``null`` means "nothing to
measure" (no precision when nothing was extracted) or "not gated".
"""

from __future__ import annotations

from typing import Any

from ..kinds import KINDS
from .details import ArticleDetails, Details
from .gate import Check, Evaluation, SetResult
from .scoring import FIELDS, Finding

VERSION = 1


def report_json(evaluation: Evaluation, details: Details) -> dict[str, Any]:
    return {
        "version": VERSION,
        "verdict": evaluation.verdict,
        "exit_code": evaluation.exit_code,
        "failures": evaluation.failures(),
        "sets": {result.name: _set(result) for result in evaluation.sets},
        "articles": [_article(entry) for entry in details.articles],
        "heldout_hidden": [entry.article_id for entry in details.hidden],
    }


def _set(result: SetResult) -> dict[str, Any]:
    score = result.score
    kinds = {}
    for kind in KINDS:
        s = score.kinds[kind]
        kinds[kind] = {
            "precision": _round(s.precision),
            "recall": _round(s.recall),
            **_check(result.checks[f"f1.{kind}"], "f1"),
            "true_positives": s.true_positives,
            "false_positives": s.false_positives,
            "false_negatives": s.false_negatives,
            "field_agreement": {
                name: {**_check(result.checks[f"fields.{kind}.{name}"], "value"), **_agreed(s.fields.get(name, (0, 0)))}
                for name in FIELDS.get(kind, ())
            },
        }
    return {
        "expected": str(result.scored.folder),
        "recursive": result.scored.recursive,
        "articles": len(score.articles),
        "kinds": kinds,
        "published": {
            **_check(result.checks["published"], "accuracy"),
            "correct": score.published_year_correct,
            "articles": score.published_scored,
        },
        "problems": result.problems,
        "notes": result.notes,
        "failures": result.failures(),
        "records_without_expected": score.unmatched_records,
        "expected_without_records": score.missing_records,
    }


def _check(check: Check, name: str) -> dict[str, Any]:
    """The figure under ``name``, its threshold (null: not gated) and whether it passed."""
    return {name: _round(check.value), "threshold": check.minimum, "passed": check.passed}


def _agreed(counts: tuple[int, int] | list[int]) -> dict[str, int]:
    agreed, compared = counts
    return {"agreed": agreed, "compared": compared}


def _article(entry: ArticleDetails) -> dict[str, Any]:
    score = entry.score
    return {
        "id": entry.article_id,
        "sets": entry.sets,
        "heldout": entry.heldout,
        "has_record": score.has_record,
        "kinds": {
            kind: {"true_positives": s.true_positives, "false_positives": s.false_positives, "false_negatives": s.false_negatives}
            for kind, s in score.kinds.items()
        },
        "published": {
            "expected": score.published_expected,
            "found": score.published_found,
            "source": score.published_source,
            "year_correct": score.published_year_correct,
        },
        "findings": [_finding(finding) for finding in entry.findings],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "what": finding.what,
        "fact": finding.fact,
        "field": finding.field,
        "expected": finding.expected,
        "found": finding.found,
        "evidence": finding.evidence,
        "sentence": finding.sentence,
        "rule": finding.rule,
        "gate": finding.gate,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
