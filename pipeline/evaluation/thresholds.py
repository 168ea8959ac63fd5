"""Minimum F1 per kind for each scored set, kept in ``corpus/thresholds.json``.

They are set to what the pipeline achieves and only ever go up.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..kinds import KINDS, LEGACY_KINDS
from .scoring import CorpusScore


DEFAULT_SET = "corpus"


def load_thresholds(path: str | Path, scored_set: str = DEFAULT_SET) -> dict[str, float]:
    """The thresholds of ``scored_set`` in a file ``{"corpus": {kind: f1, ...}, ...}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if scored_set not in data:
        raise ValueError(f"{path} has no thresholds for {scored_set!r}; it has {sorted(data)}")
    minimums = {LEGACY_KINDS.get(kind, kind): value for kind, value in data[scored_set].items()}
    unknown = set(minimums) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds in {path} [{scored_set}]: {sorted(unknown)}")
    return {kind: float(value) for kind, value in minimums.items()}


def check_thresholds(score: CorpusScore, thresholds: dict[str, float]) -> list[str]:
    """One message per kind whose F1 fell under its threshold."""
    return [
        f"{kind}: F1 {score.kinds[kind].f1:.3f} is under the threshold {minimum:.3f}"
        for kind, minimum in thresholds.items()
        if score.kinds[kind].f1 + 1e-9 < minimum
    ]
