"""The minimums each scored set must reach, kept in ``corpus/thresholds.json``.

Every figure the README claims can be gated, per set::

    {"development": {"f1": {"year_counts": 0.87, ...},          # F1 per kind
                     "published": 0.88,                          # publication-year accuracy
                     "fields": {"year_counts.qualifier": 0.97}}} # field agreement on matched facts

A figure left out is shown as "not gated"; a threshold of 0 is refused, since it could never
fail. The flat format of 0.2 (``{"set": {kind: f1}}``) is still read, with a warning; its 0.0
entries meant "not gated" and are read so. Thresholds are set to what the pipeline achieves
and only ever go up for a given set of articles.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ..kinds import KINDS, LEGACY_KINDS
from .errors import InputError, validation_problems
from .scoring import FIELDS, CorpusScore

DEFAULT_SET = "corpus"
FIELD_KEYS: tuple[str, ...] = tuple(f"{kind}.{name}" for kind, names in FIELDS.items() for name in names)
KindName = Literal[KINDS]  # type: ignore[valid-type]  # the five kinds, from one list
FieldKey = Literal[FIELD_KEYS]  # type: ignore[valid-type]


class ThresholdsFormatWarning(DeprecationWarning):
    """A thresholds file still uses the flat format of 0.2."""


def _can_fail(value: float) -> float:
    if value <= 0:
        raise ValueError("a threshold of 0 can never fail: leave the entry out to show it as not gated")
    return value


Threshold = Annotated[float, Field(le=1), AfterValidator(_can_fail)]


class SetThresholds(BaseModel):
    """The minimums of one scored set."""

    model_config = ConfigDict(extra="forbid")

    f1: dict[KindName, Threshold] = Field(default_factory=dict, description="Minimum F1 per kind.")
    published: Optional[Threshold] = Field(
        default=None, description="Minimum share of articles (with an expected year) whose publication year is right."
    )
    fields: dict[FieldKey, Threshold] = Field(
        default_factory=dict, description="Minimum agreement of a compared field on matched facts, as 'kind.field'."
    )

    def gates(self) -> dict[str, float]:
        """Gate key -> minimum: ``f1.KIND``, ``published``, ``fields.KIND.FIELD``."""
        gates = {f"f1.{kind}": value for kind, value in self.f1.items()}
        if self.published is not None:
            gates["published"] = self.published
        gates.update({f"fields.{key}": value for key, value in self.fields.items()})
        return gates


_FILE = TypeAdapter(dict[str, SetThresholds])
_LEGACY_SET = TypeAdapter(dict[Literal[(*KINDS, *LEGACY_KINDS)], Annotated[float, Field(ge=0, le=1)]])  # type: ignore[misc]


def read_thresholds(path: str | Path) -> dict[str, SetThresholds]:
    """Every set of a thresholds file; :class:`InputError` names the file and each bad key."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([f"{path}: cannot read: {exc}"]) from None
    except json.JSONDecodeError as exc:
        raise InputError([f"{path}: not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"]) from None
    if not isinstance(data, dict):
        raise InputError([f"{path}: must be a JSON object of sets, like {{\"development\": {{\"f1\": {{...}}}}}}"])
    problems: list[str] = []
    data = {name: _upgraded(path, name, entry, problems) for name, entry in data.items()}
    try:
        sets = _FILE.validate_python(data)
    except ValidationError as exc:
        problems += validation_problems(str(path), exc)
    if problems:
        raise InputError(problems)
    return sets


def _is_legacy(entry: Any) -> bool:
    return isinstance(entry, dict) and any(key in KINDS or key in LEGACY_KINDS for key in entry)


def _upgraded(path: str | Path, name: str, entry: Any, problems: list[str]) -> Any:
    """A set in the flat format of 0.2 as the current one (0.0 entries dropped: not gated)."""
    if not _is_legacy(entry):
        return entry
    warnings.warn(
        f"{path}: set {name!r} uses the old flat format {{kind: f1}}; write {{\"f1\": {{kind: f1}}}} "
        "(its 0.0 entries are read as not gated)",
        ThresholdsFormatWarning,
        stacklevel=3,
    )
    try:
        flat = _LEGACY_SET.validate_python(entry)
    except ValidationError as exc:
        problems += validation_problems(str(path), exc, prefix=(name,))
        return {}
    return {"f1": {LEGACY_KINDS.get(kind, kind): value for kind, value in flat.items() if value > 0}}


def load_thresholds(path: str | Path, scored_set: str = DEFAULT_SET) -> SetThresholds:
    """The thresholds of ``scored_set``; :class:`InputError` when the file has none for it."""
    sets = read_thresholds(path)
    if scored_set not in sets:
        raise InputError([f"{path}: no thresholds for the set {scored_set!r}; it has {sorted(sets)}"])
    return sets[scored_set]


def check_thresholds(score: CorpusScore, thresholds: dict[str, float] | SetThresholds) -> list[str]:
    """One message per kind whose F1 fell under its threshold (F1 only: the gate checks the rest)."""
    minimums = thresholds.f1 if isinstance(thresholds, SetThresholds) else thresholds
    return [
        f1_failure(kind, score.kinds[kind].f1, minimum)
        for kind, minimum in minimums.items()
        if score.kinds[kind].f1 + 1e-9 < minimum
    ]


def f1_failure(kind: str, value: float, minimum: float) -> str:
    return f"{kind}: F1 {value:.3f} is under the threshold {minimum:.3f}"
