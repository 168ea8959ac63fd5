"""The output contract: one :class:`ArticleRecord` per input article, one JSON line each.

Facts form a discriminated union on ``kind`` so that a consumer (or the JSON Schema in
``schemas/``) can tell the record type from one field. Field names here are a public contract:
add fields, never rename them.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .kinds import EVENTS, LEGACY_KINDS, ORGANIZATIONS, PEOPLE, PERCENTAGES, YEAR_COUNTS

Qualifier = Literal["exact", "more_than", "less_than", "about", "range"]
Direction = Literal["increase", "decrease", "share"]
PublishedSource = Literal["metadata", "inferred", "argument", "unknown"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Record):
    """Where a fact came from: ``article_text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str = Field(description="The sentence holding the evidence.")
    rule: str = Field(description="Name of the rule or component that produced the fact.")


class YearCount(_Record):
    kind: Literal["year_counts"] = YEAR_COUNTS
    year: int
    month: int | None = Field(default=None, ge=1, le=12)
    count: int
    qualifier: Qualifier = "exact"
    count_max: int | None = None
    subject: str = Field(description="What is counted, a short noun phrase.")
    cumulative: bool = False
    source: str | None = Field(default=None, description="Who states the figure (a person or organization record's name).")
    evidence: Evidence


class Percentage(_Record):
    kind: Literal["percentages"] = PERCENTAGES
    value: float
    direction: Direction | None = None
    points: bool = Field(default=False, description="True for percentage points.")
    subject: str
    year: int | None = None
    base_year: int | None = None
    source: str | None = Field(default=None, description="Who states the figure (a person or organization record's name).")
    evidence: Evidence


class Person(_Record):
    kind: Literal["people"] = PEOPLE
    id: str | None = Field(default=None, description="Stable across articles: the gazetteer's id "
                           "('person:thae-yong-ho') or one derived from a romanization-insensitive key of the name.")
    name: str = Field(description="Canonical name: the gazetteer's for a known person, else the fullest form seen.")
    aliases: list[str] = Field(default_factory=list, description="Other surface forms seen.")
    titles: list[str] = Field(default_factory=list)
    mentions: list[Evidence]
    evidence: Evidence = Field(description="The first mention.")


class Organization(_Record):
    kind: Literal["organizations"] = ORGANIZATIONS
    id: str | None = Field(default=None, description="Stable across articles: the gazetteer's id "
                           "('org:ministry-of-unification') or one derived from a key of the name.")
    name: str = Field(description="Canonical full name: the gazetteer's for a known body.")
    aliases: list[str] = Field(default_factory=list)
    acronym: str | None = None
    mentions: list[Evidence]
    evidence: Evidence = Field(description="The first mention.")


class DefectionEvent(_Record):
    kind: Literal["events"] = EVENTS
    count: int | None = None
    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    places: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    description: str
    status: Literal["completed", "failed", "reported"] | None = None
    destination: str | None = Field(default=None, description='Where they went, as written ("South Korea").')
    route: str | None = Field(default=None, description='How, as written ("across the Tumen River", "by boat").')
    composition: str | None = Field(default=None, description='Who made up a group ("12 female employees and one male manager").')
    trigger: str | None = Field(default=None, description='The word that signals the defection ("defected", "fled").')
    source: str | None = Field(default=None, description="Who reports it (a person or organization record's name).")
    evidence: Evidence


Fact = Annotated[
    Union[YearCount, Percentage, Person, Organization, DefectionEvent],
    Field(discriminator="kind"),
]


class ArticleInfo(_Record):
    id: str
    path: str | None = None
    title: str | None = None
    published: str | None = Field(
        default=None,
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="Publication date as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    published_source: PublishedSource = "unknown"
    metadata: dict[str, str] = Field(default_factory=dict, description="Unknown front-matter keys.")
    sha256: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the article's raw bytes (its file, or its line of a JSONL collection); "
        "null when nothing could be read. 'extract --resume' compares it to redo edited articles.",
    )
    body_offset: int = Field(
        default=0,
        ge=0,
        description="Characters of front matter before the body in the article file's decoded text (byte-order "
        "mark dropped, line endings read as '\\n'); 0 without front matter and for a collection line. Evidence "
        "offsets count from the body, so file_text[body_offset + start : body_offset + end] == evidence.text.",
    )


class ArticleError(_Record):
    code: str = Field(description="Stable machine-readable code, e.g. 'undecodable'.")
    message: str


class ArticleRecord(_Record):
    """One output line."""

    article: ArticleInfo
    facts: list[Fact] = Field(default_factory=list)
    errors: list[ArticleError] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _read_legacy_kinds(cls, data: object) -> object:
        """Lines written before 0.2 say ``"kind": "person"``; read them as ``"people"``."""
        if isinstance(data, dict) and isinstance(data.get("facts"), list):
            facts = [
                {**fact, "kind": LEGACY_KINDS[fact["kind"]]}
                if isinstance(fact, dict) and fact.get("kind") in LEGACY_KINDS
                else fact
                for fact in data["facts"]
            ]
            data = {**data, "facts": facts}
        return data
