"""Patterns and gazetteers shipped as JSONL package data, validated as they load.

Each call returns a fresh list, so no caller can mutate another's patterns. Components read
these only in ``initialize()``; a saved pipeline carries its own copy (see
``pipeline.components.tables``).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

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


class GazetteerEntry(_Row):
    """One known person or body: its stable id, canonical name and every other name it goes by
    (romanizations, short forms, former names, Hangul), and its acronyms."""

    id: str = Field(pattern=r"^(person|org):[a-z0-9]+(-[a-z0-9]+)*$")
    label: Literal["PERSON", "ORG"]
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _id_fits_label(self) -> "GazetteerEntry":
        if self.id.split(":")[0] != {"PERSON": "person", "ORG": "org"}[self.label]:
            raise ValueError(f"id {self.id!r} does not fit label {self.label}")
        if any(not form.strip() for form in self.forms):
            raise ValueError("empty name")
        return self

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases, *self.acronyms]


class Surname(_Row):
    """A Korean surname with its other romanizations (Lee/Yi/Ri/Rhee)."""

    surname: str
    variants: list[str] = Field(default_factory=list)


class EntityWord(_Row):
    """A word with a role in entity repair: venue nouns, organization heads, personal titles,
    currencies, diplomatic missions, words never an organization on their own (COVID-19,
    Juche), the words that make a name a place ("Industrial" + "Complex"), a day or campaign
    ("Party Foundation Day"), a family or government named after a person ("the Kim family"),
    vessels ("the cargo ship Wise Honest") and the head words of documents ("the Inter-Korean
    Exchange and Cooperation Act", "Resolution 2397", "the Needs and Priorities Overview") and
    of places ("Ryongnam Hill", "Kim Il Sung Square")."""

    word: str
    role: Literal[
        "venue", "org_head", "title", "currency", "not_org", "mission", "zone_kind", "zone",
        "occasion", "group", "vessel", "document", "place_head",
    ]

    @field_validator("word")
    @classmethod
    def _one_lowercase_word(cls, value: str) -> str:
        if value != value.lower() or not value.replace(".", "").replace("-", "").isalnum():
            raise ValueError("must be one lower-case word")
        return value


class TokenPattern(_Row):
    """A spaCy ``Matcher``/``span_ruler`` pattern for anything other than an entity name."""

    label: str
    pattern: str | list[dict]
    id: str = Field(description="Which rule it is; becomes the fact's rule.")


class Cue(_Row):
    """A word or phrase with a role in reading numbers ("won": a currency after a number)."""

    phrase: str
    role: str

    @field_validator("phrase")
    @classmethod
    def _lower(cls, value: str) -> str:
        if value != value.lower() or not value.strip():
            raise ValueError("must be lower-case words")
        return value


class QualifierCue(_Row):
    """Words that qualify a number, from the table in corpus/GUIDELINES.md: before it ("more
    than 1,000"), after it ("1,000 or more"), or a verb taking it as object ("exceeded 1,000")."""

    phrase: str
    qualifier: Literal["more_than", "less_than", "about"]
    position: Literal["before", "after", "verb"]


def load_records(filename: str, model: type[T], folder: str | Path | None = None) -> list[T]:
    """Read ``FILENAME`` from ``folder`` (default: the package's ``pipeline/data/``) and validate
    every line against ``model``."""
    if folder is None:
        text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
        where = filename
    else:
        path = Path(folder) / filename
        text, where = path.read_text(encoding="utf-8"), str(path)
    return parse_records(text, model, where)


def parse_records(text: str, model: type[T], where: str) -> list[T]:
    """Validate JSONL ``text`` line by line; a bad line raises naming ``where`` and its number."""
    rows: list[T] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise DataFileError(f"{where}:{number}: {exc}") from None
    return rows


def dump_records(rows: list[BaseModel]) -> str:
    """JSONL text of ``rows``, the inverse of :func:`parse_records`."""
    return "".join(row.model_dump_json(exclude_defaults=True) + "\n" for row in rows)


# The shipped tables, by file name; components name them in their ``TABLES``.
ENTITY_PATTERNS = "entity_patterns.jsonl"
ORG_PATTERNS = "org_patterns.jsonl"
ALIAS_CUES = "alias_cues.jsonl"
GAZETTEER = "gazetteer.jsonl"
SURNAMES = "korean_surnames.jsonl"
ENTITY_WORDS = "entity_words.jsonl"
TIMES = "times.jsonl"
QUANTITIES = "quantities.jsonl"
QUALIFIERS = "qualifiers.jsonl"
YEAR_COUNTS = "year_counts.jsonl"
PERCENTAGES = "percentages.jsonl"
EVENTS = "events.jsonl"
EVENT_CUES = "event_cues.jsonl"


def entity_patterns() -> list[EntityPattern]:
    """Gazetteer names for the entity ruler ("Daily NK" ORG, "Panmunjom" LOC)."""
    return load_records(ENTITY_PATTERNS, EntityPattern)


def org_patterns() -> list[EntityPattern]:
    """Token patterns for organizations named by a phrase ("North Korea's embassy in London")."""
    return load_records(ORG_PATTERNS, EntityPattern)


def alias_cues() -> list[AliasCue]:
    return load_records(ALIAS_CUES, AliasCue)


def gazetteer() -> list[GazetteerEntry]:
    """Known people and bodies of the field, each with its stable id and all its names."""
    return load_records(GAZETTEER, GazetteerEntry)


def gazetteer_patterns(entries: list[GazetteerEntry]) -> list[EntityPattern]:
    """Phrase patterns for the entity ruler: every name of every entry, labelled, with the
    entry's id in the rule. A person's single word ("Thae") is no pattern: it names a family."""
    patterns = []
    for entry in entries:
        for form in dict.fromkeys(entry.forms):
            if entry.label == "PERSON" and len(form.split()) == 1:
                continue
            patterns.append(EntityPattern(label=entry.label, pattern=form, id=f"gazetteer:{entry.id}"))
    return patterns


def surnames() -> list[Surname]:
    return load_records(SURNAMES, Surname)


def entity_words() -> list[EntityWord]:
    return load_records(ENTITY_WORDS, EntityWord)


def surname_groups(rows: list[Surname]) -> dict[str, str]:
    """Every romanization of a Korean surname (lower case) -> one key for that family name."""
    groups: dict[str, str] = {}
    for row in rows:
        group = groups.get(row.surname.lower(), row.surname.lower())
        for name in (row.surname, *row.variants):
            groups.setdefault(name.lower(), group)
    return groups


def words_by_role(rows: list[EntityWord]) -> dict[str, frozenset[str]]:
    """Every role of the entity words with its words (a role with no rows has none)."""
    roles: dict[str, set[str]] = {role: set() for role in get_args(EntityWord.model_fields["role"].annotation)}
    for row in rows:
        roles[row.role].add(row.word)
    return {role: frozenset(words) for role, words in roles.items()}
