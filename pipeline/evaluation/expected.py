"""The expected-facts file format (see corpus/GUIDELINES.md), validated strictly.

Strict on purpose: a typo in a hand-written file ("qualifer") must fail loudly rather than
silently make a fact unscorable.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..records import Direction, Qualifier
from .errors import InputError, validation_problems

Phenomenon = Literal[
    "number-words", "more-than", "nearly", "ranges", "millions", "percent-sign", "percent-word",
    "per-cent", "percentage-points", "relative-dates", "months", "published-date",
    "no-published-date", "romanizations", "acronyms", "year-lists", "ages", "money",
    "two-sentence-event", "cumulative", "no-defection", "brief", "quotes", "title-case-headline",
    "citation-marks", "footnotes", "fiscal-years", "year-spans", "tables-as-prose", "decimals",
]  # fmt: skip
# The kind of text an article is, so that scores can be told apart by style: DailyNK-like news,
# a one-paragraph brief, wire copy (Title Case headline), a government or think-tank report, an
# encyclopedia paragraph (citation marks), a press release, a survey write-up.
Style = Literal["news", "brief", "wire", "report", "encyclopedia", "press-release", "survey"]
EXPECTED_SUFFIX = ".expected.json"


# Keys of expected files written before 0.2, read (with a warning) for one release; the script
# ``python -m pipeline.evaluation.migrate corpus`` rewrites a folder to the record's own names.
LEGACY_KEYS: dict[str, str] = {"what": "subject", "who": "description", "place": "places", "quote": "evidence"}


class LegacyKeyWarning(DeprecationWarning):
    """An expected file still uses a pre-0.2 key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _rename_legacy_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        old = [key for key in data if key in LEGACY_KEYS and LEGACY_KEYS[key] in cls.model_fields]
        if not old:
            return data
        warnings.warn(f"old expected-file keys {old}: run python -m pipeline.evaluation.migrate", LegacyKeyWarning, stacklevel=2)
        return {LEGACY_KEYS.get(key, key) if key in old else key: value for key, value in data.items()}


class ExpectedYearCount(_Strict):
    year: int
    month: int | None = Field(ge=1, le=12)
    count: int
    qualifier: Qualifier
    count_max: int | None
    cumulative: bool
    subject: str = Field(description="What is counted, as the record's `subject`.")
    evidence: str = Field(description="A short verbatim substring of the article that carries the fact.")

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
    subject: str
    evidence: str


class ExpectedEvent(_Strict):
    description: str = Field(description="Who left, in a few words.")
    count: int | None
    year: int | None
    month: int | None = Field(ge=1, le=12)
    places: list[str]
    people: list[str]
    affiliations: list[str]
    status: Literal["completed", "failed", "reported"]
    evidence: str


class ExpectedArticle(_Strict):
    published: str | None = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    style: Style = Field(default="news", description="The one key that may be left out: news.")
    phenomena: list[Phenomenon]
    year_counts: list[ExpectedYearCount]
    percentages: list[ExpectedPercentage]
    people: list[list[str]] = Field(description="Each person: acceptable forms, canonical first.")
    organizations: list[list[str]]
    events: list[ExpectedEvent]
    notes: str

    def quotes(self) -> list[str]:
        """Every ``evidence`` quote, each of which must occur verbatim in the article."""
        return [item.evidence for items in (self.year_counts, self.percentages, self.events) for item in items]


def article_id(path: Path) -> str:
    return path.name[: -len(EXPECTED_SUFFIX)]


def read_expected(path: str | Path) -> ExpectedArticle:
    """One expected file; :class:`InputError` names the file and each bad key."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([f"{path}: cannot read: {exc}"]) from None
    try:
        return ExpectedArticle.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(validation_problems(str(path), exc)) from None


def expected_files(folder: str | Path, *, recursive: bool = True) -> list[Path]:
    """The ``*.expected.json`` files of ``folder`` (and below it), sorted."""
    folder = Path(folder)
    pattern = f"*{EXPECTED_SUFFIX}"
    return sorted(folder.rglob(pattern) if recursive else folder.glob(pattern))


def load_expected(folder: str | Path, *, recursive: bool = True) -> dict[str, ExpectedArticle]:
    """All ``*.expected.json`` files in ``folder`` (and below), keyed by their path relative to
    ``folder`` without the suffix (``NAME``, ``heldout/NAME``): the article id ``extract`` gives
    the article beside it when run on the same folder.

    Every file is read before any error is raised, so that one run lists every problem.
    """
    folder = Path(folder)
    loaded: dict[str, ExpectedArticle] = {}
    problems: list[str] = []
    for path in expected_files(folder, recursive=recursive):
        try:
            loaded[path.relative_to(folder).with_name(article_id(path)).as_posix()] = read_expected(path)
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return loaded
