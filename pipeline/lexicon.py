"""What the name rules know about words, built from a component's tables.

One object instead of a dozen loose sets, so that a rule function takes ``(span, lexicon)`` and
stays pure: the same lexicon and the same span always give the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .data import EntityWord, Surname, surname_groups, words_by_role


@dataclass(frozen=True)
class NameLexicon:
    """Korean surnames with their romanizations, and words by the role they play in names."""

    surname_group: Mapping[str, str] = field(default_factory=dict)  # "rhee" -> "lee"
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)  # role -> lower-case words
    surnames: frozenset[str] = field(init=False)  # "Kim", "Rhee": as written in a name

    def __post_init__(self) -> None:
        object.__setattr__(self, "surnames", frozenset(name.title() for name in self.surname_group))

    @classmethod
    def from_rows(cls, surnames: list[Surname], words: list[EntityWord]) -> NameLexicon:
        return cls(surname_group=surname_groups(surnames), words=words_by_role(words))

    def role(self, role: str) -> frozenset[str]:
        """The words of one role of ``entity_words.jsonl`` ("venue", "org_head", "title" ...)."""
        return self.words.get(role, frozenset())

    def has_role(self, word: str, role: str) -> bool:
        return word.lower() in self.role(role)

    def family(self, surname: str) -> str:
        """One key for every romanization of a family name: "Rhee", "Yi" and "Lee" share it."""
        return self.surname_group.get(surname.lower(), surname.lower())
