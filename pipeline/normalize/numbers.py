"""Numbers as written in news text -> values. Pure; see tests for must-parse / must-not-parse.

Three layers, each usable alone:
- :func:`parse_digits`: one token of digits ("1,417", "60.5");
- :func:`parse_number_words`: words for a number ("thirteen", "twenty-three", "two hundred",
  "a dozen", "one hundred and twenty");
- :func:`parse_quantity`: either, followed by scale words ("1.4 million", "30 thousand",
  "2.5 billion", "two million").
Vague amounts ("hundreds of", "dozens", "several") are no numbers: they parse to None, and
:func:`is_vague_amount` names them so callers can tell "not a number" from "a vague one".
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
DOZEN = 12
# Words that open a vague amount, never a count: "hundreds of", "dozens of", "several".
VAGUE_WORDS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores", "several", "few", "handful", "many"}
)
NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, "dozen", "a", "an", "and", "half", "-"})


def parse_digits(text: str) -> float | None:
    """"1,417" -> 1417, "2914" -> 2914, "60.5" -> 60.5; None for "1,41", "2k", "one"."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def parse_number_words(words: list[str]) -> float | None:
    """"twenty-three" -> 23, "two hundred" -> 200, "one hundred and twenty" -> 120,
    "a dozen" -> 12, "half a dozen" -> 6, "two dozen" -> 24, "a hundred" -> 100.

    ``words`` are the words of the phrase (hyphens may be their own words or inside one).
    None when the words are not exactly one number.
    """
    parts = [p for word in words for p in re.split(r"(-)", word.lower()) if p and p != "-"]
    if not parts:
        return None
    if parts == ["half", "a", "dozen"]:
        return DOZEN / 2
    if parts[0] in {"a", "an"}:
        if len(parts) == 1:
            return None
        parts = ["one", *parts[1:]]
    if parts[-1] == "dozen":
        multiplier = parse_number_words(parts[:-1]) if len(parts) > 1 else 1.0
        return None if multiplier is None else multiplier * DOZEN
    total, current, seen_digit = 0, 0, False
    previous = ""
    for part in parts:
        if part == "and":
            if previous not in SCALES:  # only "hundred and twenty"
                return None
        elif part in UNITS:
            if previous in UNITS or (previous in TENS and UNITS[part] >= 10):  # "two three", "twenty eleven"
                return None
            current += UNITS[part]
            seen_digit = True
        elif part in TENS:
            if previous in UNITS or previous in TENS:
                return None
            current += TENS[part]
            seen_digit = True
        elif part in SCALES:
            if not seen_digit:
                return None
            scale = SCALES[part]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        previous = part
    if previous == "and" or not seen_digit:
        return None
    return float(total + current)


def parse_quantity(words: list[str]) -> float | None:
    """Digits or number words, then optional scale words: "1.4 million" -> 1,400,000,
    "30 thousand" -> 30,000, "2.5 billion", "two million", "1,417". None otherwise."""
    if not words:
        return None
    lowered = [w.lower() for w in words]
    value = parse_digits(lowered[0])
    if value is None:
        return parse_number_words(lowered)
    for word in lowered[1:]:
        if word not in SCALES:
            return None
        value *= SCALES[word]
    return round(value, 6)


def is_vague_amount(words: list[str]) -> bool:
    """"hundreds of", "dozens", "tens of thousands", "several", "a few", "a handful of"."""
    lowered = [w.lower() for w in words if w.lower() not in {"a", "an", "of"}]
    return bool(lowered) and lowered[0] in VAGUE_WORDS


def is_number_word(word: str) -> bool:
    """A word that can be part of a number written in words ("twenty", "hundred", "dozen")."""
    lowered = word.lower()
    if "-" not in lowered:  # the common case, without splitting
        return lowered in NUMBER_WORDS
    return all(part in NUMBER_WORDS for part in re.split(r"(-)", lowered) if part)


def as_count(value: float) -> int | None:
    """A whole count from a value: 1417.0 -> 1417; 2.5 (no whole count) -> None."""
    return int(value) if value == int(value) and value >= 0 else None
