"""The expected-facts file format (see corpus/GUIDELINES.md), validated strictly.

Strict on purpose: a typo in a hand-written file ("qualifer") must fail loudly rather than
silently make a fact unscorable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..records import Direction, Qualifier

Phenomenon = Literal[
    "number-words", "more-than", "nearly", "ranges", "millions", "percent-sign", "percent-word",
    "per-cent", "percentage-points", "relative-dates", "months", "published-date",
    "no-published-date", "romanizations", "acronyms", "year-lists", "ages", "money",
    "two-sentence-event", "cumulative", "no-defection", "brief", "quotes",
]  # fmt: skip
EXPECTED_SUFFIX = ".expected.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExpectedYearCount(_Strict):
    year: int
    month: int | None = Field(ge=1, le=12)
    count: int
    qualifier: Qualifier
    count_max: int | None
    cumulative: bool
    what: str
    quote: str

    @model_validator(mode="after")
    def _range_has_max(self) -> ExpectedYearCount:
        if (self.qualifier == "range") != (self.count_max is not None):
            raise ValueError("count_max is set exactly when qualifier is 'range'")
        return self


class ExpectedPercentage(_Strict):
    value: float
    direction: Direction | None
    points: bool
    year: int | None
    base_year: int | None
    what: str
    quote: str


class ExpectedEvent(_Strict):
    who: str
    count: int | None
    year: int | None
    month: int | None = Field(ge=1, le=12)
    place: list[str]
    people: list[str]
    affiliations: list[str]
    status: Literal["completed", "failed", "reported"]
    quote: str


class ExpectedArticle(_Strict):
    published: str | None = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    phenomena: list[Phenomenon]
    year_counts: list[ExpectedYearCount]
    percentages: list[ExpectedPercentage]
    people: list[list[str]] = Field(description="Each person: acceptable forms, canonical first.")
    organizations: list[list[str]]
    events: list[ExpectedEvent]
    notes: str

    def quotes(self) -> list[str]:
        return [item.quote for items in (self.year_counts, self.percentages, self.events) for item in items]


def article_id(path: Path) -> str:
    return path.name[: -len(EXPECTED_SUFFIX)]


def load_expected(folder: str | Path, *, recursive: bool = True) -> dict[str, ExpectedArticle]:
    """All ``*.expected.json`` files in ``folder`` (and below), keyed by article id (file stem)."""
    pattern = f"*{EXPECTED_SUFFIX}"
    found = sorted(Path(folder).rglob(pattern) if recursive else Path(folder).glob(pattern))
    loaded: dict[str, ExpectedArticle] = {}
    for path in found:
        if article_id(path) in loaded:
            raise ValueError(f"two expected files for article id {article_id(path)!r}: ids must be unique")
        loaded[article_id(path)] = ExpectedArticle.model_validate_json(path.read_text(encoding="utf-8"))
    return loaded
