"""Pure functions on names: Korean name shape, romanization-insensitive keys, acronyms."""

from __future__ import annotations

import re
from functools import lru_cache

# One romanized Korean syllable: an initial consonant cluster, a vowel cluster, an optional final.
_SYLLABLE = re.compile(
    r"^(?:kk|tt|pp|ss|jj|ch|sh|th|kh|ph|ts|[bcdghjklmnprstwy])?"
    r"(?:yae|yeo|wae|yae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|ai|a|e|i|o|u|ŏ|ŭ)"
    r"(?:ng|n|k|l|m|p|t|r|g|b)?$"
)
_STOPWORDS = frozenset({"of", "the", "for", "and", "on", "in", "to", "at", "&"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def is_korean_syllable(part: str) -> bool:
    """"Jong" and "Thaek" are syllables; "Smith" and "Ministry" are not."""
    return bool(_SYLLABLE.match(part.lower()))


def is_korean_given_name(words: list[str]) -> bool:
    """One to three syllables, written "Yong Ho", "Yong-ho" or "Yongho"."""
    parts = [p for word in words for p in word.split("-") if p]
    if not 1 <= len(words) <= 2 or not parts:
        return False
    syllables = 0
    for part in parts:
        count = _syllable_count(part)
        if count == 0:
            return False
        syllables += count
    return 1 <= syllables <= 3


def _syllable_count(part: str) -> int:
    """How many syllables a part splits into (0 when it cannot be split)."""
    part = part.lower()
    if is_korean_syllable(part):
        return 1
    for cut in range(2, len(part) - 1):
        if is_korean_syllable(part[:cut]) and is_korean_syllable(part[cut:]):
            return 2
    return 0


def looks_like_korean_name(words: list[str], surnames: set[str]) -> bool:
    """"Jang Song Thaek" is a personal name; "Office 39" and "Kim Il Sung University" are not."""
    if len(words) < 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    return words[0] in surnames and is_korean_given_name(words[1:])


def western_order_korean(words: list[str], surnames: set[str]) -> tuple[str, list[str]] | None:
    """(family, given words) of a Korean name written given name first: "Hye-jin Yoon",
    "Hubert Younghwan Lee" (an English first name before it). The given name must be hyphenated
    or of two syllables written solid, so that "Grace Lee" or "Young Kim" stay as they are."""
    if len(words) not in {2, 3} or words[-1] not in surnames:
        return None
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return None
    given = words[-2]
    two_syllables = "-" in given or _syllable_count(given) == 2
    if not (two_syllables and is_korean_given_name([given])):
        return None
    if len(words) == 3 and is_korean_syllable(words[0]):
        return None  # "Kim Jong Kim"? three Korean words are family-first
    return words[-1], [given]


def family_first(family: str, given: list[str]) -> str:
    """"Yoon" + ["Hye-jin"] -> "Yoon Hye-jin"."""
    return " ".join([family, *given])


_LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # asked hundreds of times an article, mostly of the same names
def surface_key(text: str) -> str:
    """Compare names ignoring case, a leading "the", a trailing possessive, hyphens and dots."""
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = text.replace("’", "'").replace(".", "").replace("-", " ")
    return " ".join(text.lower().split())


def person_key(words: list[str]) -> str:
    """"Thae Yong-ho", "Thae Yong Ho" and "Thae Yongho" share one key."""
    if not words:
        return ""
    return words[0].lower() + " " + "".join(words[1:]).replace("-", "").lower()


# Romanizations of one Korean sound: McCune-Reischauer, Revised Romanization and the spellings
# people choose ("Hyun", "Cook", "Chung"). Consonants first, then vowels; order matters.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("ch", "j"), ("sh", "s"), ("th", "d"), ("ph", "b"), ("kh", "g"), ("c", "g"),
    ("kk", "g"), ("tt", "d"), ("pp", "b"), ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l"),
    ("ŏ", "o"), ("ŭ", "u"), ("yeo", "yo"), ("eo", "o"), ("eu", "u"), ("oo", "u"), ("wu", "u"), ("ee", "i"),
    ("ai", "ae"), ("yu", "yo"), ("u", "o"),
)


def fold_romanization(given_name: str) -> str:
    """"Guk-jong" and "Cook-jong", "Hyun-woo" and "Hyon U", "Jong Un" and "Jong-eun" agree."""
    folded = re.sub(r"[\s-]", "", given_name.lower())
    for spelling, sound in _FOLDS:
        folded = folded.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", folded)


def korean_person_key(surname_group: str, given_words: list[str]) -> str:
    """A key shared by the romanizations of one Korean name (surname already grouped)."""
    return surname_group.lower() + " " + fold_romanization("".join(given_words))


def initials(words: list[str], *, skip_stopwords: bool) -> str:
    """"National Intelligence Service" -> "NIS"; "Ministry of Unification" -> "MU" or "MOU"."""
    kept = [w for w in words if w and (not skip_stopwords or w.lower() not in _STOPWORDS)]
    return "".join(w[0].upper() for w in kept if w[0].isalnum())


def is_acronym(text: str) -> bool:
    """All capitals (dots allowed), two to six letters: "NIS", "U.N.", "UNHCR"."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def expands_acronym(acronym: str, words: list[str]) -> bool:
    """True when ``acronym`` is formed from the initials of ``words`` (with or without "of")."""
    target = acronym.replace(".", "").upper()
    return target in {initials(words, skip_stopwords=True), initials(words, skip_stopwords=False)}


def inverted_forms(words: list[str], heads: set[str]) -> list[str]:
    """"Unification Ministry" <-> "Ministry of Unification", for organization head words."""
    forms = []
    if len(words) >= 2 and words[-1].lower() in heads:
        forms.append(" ".join([words[-1], "of", *words[:-1]]))
    if len(words) >= 3 and words[0].lower() in heads and words[1].lower() == "of":
        forms.append(" ".join([*words[2:], words[0]]))
    return forms
