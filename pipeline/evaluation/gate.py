"""The quality gate: each set scored, every figure checked against its threshold, and a verdict
that fails closed.

A gate that passes when nothing was compared is worse than none, so each of these fails it,
with a one-line reason: a set with no expected files, an expected file with no output line, an
output line of the set's folder with no expected file, and a threshold on a figure the set
cannot measure (a kind with no expected facts, a field never compared, no expected year).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..kinds import KINDS
from ..records import ArticleRecord
from .expected import EXPECTED_SUFFIX
from .scoring import FIELDS, CorpusScore, match_records, score_corpus
from .sets import ScoredSet
from .thresholds import SetThresholds, f1_failure

Verdict = Literal["pass", "fail", "ungated"]
_TOLERANCE = 1e-9  # a figure equal to its threshold passes, whatever the float rounding
_LISTED = 5  # ids named in a one-line reason before "and N more"


@dataclass(frozen=True)
class Check:
    """One figure of one set and its minimum (None: not gated)."""

    key: str  # "f1.KIND", "published" or "fields.KIND.FIELD"
    value: float | None  # None: nothing to measure it on
    minimum: float | None = None
    detail: str = ""  # what the value counts, for the reason ("55 of 61")

    @property
    def gated(self) -> bool:
        return self.minimum is not None

    @property
    def passed(self) -> bool | None:
        """None when not gated; a gated figure with nothing to measure fails."""
        if self.minimum is None:
            return None
        return self.value is not None and self.value + _TOLERANCE >= self.minimum

    def failure(self) -> str:
        """The one-line reason this check fails."""
        name = self.key.split(".", 1)[1] if "." in self.key else self.key
        if self.value is None:
            return f"{_label(self.key)}: threshold {self.minimum:.2f} but {_nothing_to_measure(self.key)}: nothing to gate"
        if self.key.startswith("f1."):
            return f1_failure(name, self.value, self.minimum or 0.0)
        return f"{_label(self.key)} {self.value:.3f} ({self.detail}) is under the threshold {self.minimum:.3f}"


def _label(key: str) -> str:
    if key == "published":
        return "published year"
    if key.startswith("fields."):
        return f"{key.removeprefix('fields.')} agreement"
    return key.removeprefix("f1.")


def _nothing_to_measure(key: str) -> str:
    if key == "published":
        return "no article has an expected publication year"
    if key.startswith("fields."):
        kind = key.split(".")[1]
        return f"no {kind} fact was matched to compare it on"
    return f"the set has no expected {key.removeprefix('f1.')} facts"


@dataclass
class SetResult:
    """One scored set: its scores, its checks and what stops it from being trusted."""

    name: str
    scored: ScoredSet
    score: CorpusScore
    checks: dict[str, Check]
    problems: list[str] = field(default_factory=list)  # fail closed, whatever the thresholds
    notes: list[str] = field(default_factory=list)  # worth a line, not a failure

    def failures(self) -> list[str]:
        """Every reason this set fails, one line each (nothing scored says it all)."""
        failed = [check.failure() for check in self.checks.values() if check.passed is False and self.score.articles]
        return [f"{self.name}: {reason}" for reason in (*self.problems, *failed)]

    def failed_gates(self) -> set[str]:
        return {key for key, check in self.checks.items() if check.passed is False}


@dataclass
class Evaluation:
    sets: list[SetResult]
    gated: bool  # thresholds were given

    def failures(self) -> list[str]:
        return [reason for result in self.sets for reason in result.failures()]

    @property
    def verdict(self) -> Verdict:
        if self.failures():
            return "fail"
        return "pass" if self.gated else "ungated"

    @property
    def exit_code(self) -> int:
        """0 every threshold met (or none given), 1 a threshold missed or nothing to trust."""
        return 1 if self.verdict == "fail" else 0

    def checks_gated(self) -> int:
        return sum(check.gated for result in self.sets for check in result.checks.values())


def evaluate_sets(
    records: Sequence[ArticleRecord], sets: dict[str, ScoredSet], thresholds: dict[str, SetThresholds] | None
) -> Evaluation:
    """Score ``records`` on each set and check each against its thresholds (None: none given)."""
    results = []
    for name, scored in sets.items():
        minimums = None if thresholds is None else thresholds[name]
        results.append(evaluate_set(name, scored, records, minimums))
    return Evaluation(sets=results, gated=thresholds is not None)


def evaluate_set(
    name: str, scored: ScoredSet, records: Sequence[ArticleRecord], thresholds: SetThresholds | None
) -> SetResult:
    """One set's scores and checks, and every reason not to trust them (see the module)."""
    expected = scored.load()
    score = score_corpus(records, expected)
    result = SetResult(name=name, scored=scored, score=score, checks=checks(score, thresholds))
    if not expected:
        result.problems.append(f"nothing to score: no *{EXPECTED_SUFFIX} in {scored.describe()}")
        return result
    if score.missing_records:
        missing = score.missing_records
        result.problems.append(f"{_plural(len(missing), 'expected file')} without an output line: {_ids(missing)}")
    matched = {id(record) for record in match_records(records, expected).values()}
    unmatched = [record for record in records if id(record) not in matched]
    unscored = [record.article.id for record in unmatched if scored.holds(record)]
    if unscored:
        result.problems.append(
            f"{_plural(len(unscored), 'output line')} of articles in {scored.folder} without an expected file: {_ids(unscored)}"
        )
    if len(unmatched) > len(unscored):
        outside = len(unmatched) - len(unscored)
        result.notes.append(f"{_plural(outside, 'output line')} of articles outside this set: not scored")
    failing = [record for record in records if id(record) in matched and record.errors]
    if failing:
        described = [f"{r.article.id} ({', '.join(e.code for e in r.errors)})" for r in failing]
        result.notes.append(f"{_plural(len(failing), 'scored line')} with errors: {_ids(described)}")
    return result


def checks(score: CorpusScore, thresholds: SetThresholds | None) -> dict[str, Check]:
    """Every figure the README claims, with its minimum where the thresholds give one."""
    gates = {} if thresholds is None else thresholds.gates()
    found: dict[str, Check] = {}
    for kind in KINDS:
        kind_score = score.kinds[kind]
        wanted = kind_score.true_positives + kind_score.false_negatives
        key = f"f1.{kind}"
        found[key] = Check(key, kind_score.f1 if wanted else None, gates.get(key))
    found["published"] = Check(
        "published", score.published_accuracy, gates.get("published"),
        f"{score.published_year_correct} of {score.published_scored}",
    )  # fmt: skip
    for kind, names in FIELDS.items():
        for name in names:
            key = f"fields.{kind}.{name}"
            agreed, compared = score.kinds[kind].fields.get(name, (0, 0))
            found[key] = Check(key, agreed / compared if compared else None, gates.get(key), f"{agreed} of {compared}")
    return found


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _ids(items: Sequence[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return shown if len(items) <= _LISTED else f"{shown} and {len(items) - _LISTED} more"
