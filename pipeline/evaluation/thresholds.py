"""Minimum F1 per kind, kept in ``corpus/thresholds.json``; they only ever go up."""

from __future__ import annotations

import json
from pathlib import Path

from .scoring import KINDS, CorpusScore


def load_thresholds(path: str | Path) -> dict[str, float]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    unknown = set(data) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds in {path}: {sorted(unknown)}")
    return {kind: float(value) for kind, value in data.items()}


def check_thresholds(score: CorpusScore, thresholds: dict[str, float]) -> list[str]:
    """One message per kind whose F1 fell under its threshold."""
    return [
        f"{kind}: F1 {score.kinds[kind].f1:.3f} is under the threshold {minimum:.3f}"
        for kind, minimum in thresholds.items()
        if score.kinds[kind].f1 + 1e-9 < minimum
    ]
