"""Patterns and gazetteers shipped as JSONL package data, validated as they load.

Each call returns a fresh list, so no caller can mutate another's patterns.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

T = TypeVar("T", bound=BaseModel)


class DataFileError(ValueError):
    """A shipped data file has a line that does not fit its model."""


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityPattern(_Row):
    """A spaCy ``entity_ruler`` pattern: a phrase or a token pattern."""

    label: Literal["ORG", "PERSON", "GPE", "LOC"]
    pattern: str | list[dict]
    id: str = Field(description="Which gazetteer it comes from; becomes the mention's rule.")


class AliasCue(_Row):
    """Words after which a name is another name of the entity just mentioned ("better known as")."""

    cue: str

    @field_validator("cue")
    @classmethod
    def _lower_words(cls, value: str) -> str:
        if value != value.lower() or not value.replace(" ", "").isalpha():
            raise ValueError("must be lower-case words")
        return value


class OrgAlias(_Row):
    """One body under its canonical name, with the other names it goes by."""

    name: str
    aliases: list[str]


class Surname(_Row):
    """A Korean surname with its other romanizations (Lee/Yi/Ri/Rhee)."""

    surname: str
    variants: list[str] = Field(default_factory=list)


class EntityWord(_Row):
    """A word with a role in entity repair: venue nouns, organization heads, personal titles,
    currencies, diplomatic missions, words never an organization on their own (COVID-19,
    Juche), the words that make a name a place ("Industrial" + "Complex"), a day or campaign
    ("Party Foundation Day"), a family or government named after a person ("the Kim family"),
    and vessels ("the cargo ship Wise Honest")."""

    word: str
    role: Literal[
        "venue", "org_head", "title", "currency", "not_org", "mission", "zone_kind", "zone",
        "occasion", "group", "vessel",
    ]

    @field_validator("word")
    @classmethod
    def _one_lowercase_word(cls, value: str) -> str:
        if value != value.lower() or not value.replace(".", "").replace("-", "").isalnum():
            raise ValueError("must be one lower-case word")
        return value


def load_records(filename: str, model: type[T]) -> list[T]:
    """Read ``pipeline/data/FILENAME`` and validate every line against ``model``."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    rows: list[T] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise DataFileError(f"{filename}:{number}: {exc}") from None
    return rows


def entity_patterns() -> list[EntityPattern]:
    return load_records("entity_patterns.jsonl", EntityPattern)


def org_patterns() -> list[EntityPattern]:
    """Token patterns for organizations named by a phrase ("North Korea's embassy in London")."""
    return load_records("org_patterns.jsonl", EntityPattern)


def alias_cues() -> list[str]:
    return [row.cue for row in load_records("alias_cues.jsonl", AliasCue)]


def org_aliases() -> list[OrgAlias]:
    return load_records("org_aliases.jsonl", OrgAlias)


def surnames() -> list[Surname]:
    return load_records("korean_surnames.jsonl", Surname)


def surname_groups() -> dict[str, str]:
    """Every romanization of a Korean surname (lower case) -> one key for that family name."""
    groups: dict[str, str] = {}
    for row in surnames():
        group = groups.get(row.surname.lower(), row.surname.lower())
        for name in (row.surname, *row.variants):
            groups.setdefault(name.lower(), group)
    return groups


def entity_words_by_role() -> dict[str, set[str]]:
    """Every role of ``entity_words.jsonl`` with its words, from one read of the file."""
    roles: dict[str, set[str]] = {role: set() for role in get_args(EntityWord.model_fields["role"].annotation)}
    for row in load_records("entity_words.jsonl", EntityWord):
        roles[row.role].add(row.word)
    return roles
