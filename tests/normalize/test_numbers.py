"""Numbers as written -> values: must-parse and must-not-parse tables, and a round-trip property."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.numbers import (
    as_count,
    is_vague_amount,
    parse_digits,
    parse_number_words,
    parse_quantity,
)


@pytest.mark.parametrize(("text", "value"), [("1417", 1417), ("1,417", 1417), ("30,208", 30208),
                                              ("1,000,000", 1_000_000), ("60.5", 60.5), (".5", 0.5),
                                              ("1,047.3", 1047.3), ("0.23", 0.23)])
def test_digits_parse(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,41", "2k", "one", "", "1.2.3", "30,2080", "-", "1,0000", "12,34,567", "$5"])
def test_non_numbers_do_not_parse(text):
    assert parse_digits(text) is None


WORDS_MUST_PARSE = [
    ("thirteen", 13), ("twenty-three", 23), ("twenty - three", 23), ("Twenty three", 23), ("two hundred", 200),
    ("one hundred and twenty", 120), ("a hundred", 100), ("a dozen", 12), ("half a dozen", 6), ("two dozen", 24),
    ("ninety-nine", 99), ("three thousand five hundred", 3500), ("a million", 1_000_000), ("sixty-three", 63),
    ("zero", 0), ("ten", 10), ("forty", 40), ("one", 1), ("two million", 2_000_000),
]
WORDS_MUST_NOT_PARSE = [
    "", "a", "and", "hundred", "two three", "twenty eleven", "twenty twenty", "and two", "two and",
    "dozens", "several", "the", "one two", "thousand", "half",
]


@pytest.mark.parametrize(("text", "value"), WORDS_MUST_PARSE)
def test_number_words_parse(text, value):
    assert parse_number_words(text.split()) == value


@pytest.mark.parametrize("text", WORDS_MUST_NOT_PARSE)
def test_non_number_words_do_not_parse(text):
    assert parse_number_words(text.split()) is None


QUANTITIES = [
    ("1.4 million", 1_400_000), ("30 thousand", 30_000), ("2.5 billion", 2_500_000_000), ("10.1 million", 10_100_000),
    ("1,417", 1417), ("two million", 2_000_000), ("a dozen", 12), ("1.36 million", 1_360_000), ("0.5", 0.5),
]


@pytest.mark.parametrize(("text", "value"), QUANTITIES)
def test_quantities_with_scale_words(text, value):
    assert parse_quantity(text.split()) == value


@pytest.mark.parametrize("text", ["1.4 millions", "30 people", "million", "1,417 2,000", "won", ""])
def test_non_quantities(text):
    assert parse_quantity(text.split()) is None


@pytest.mark.parametrize("text", ["hundreds of", "dozens", "tens of thousands", "several", "a few", "a handful of",
                                  "thousands"])
def test_vague_amounts_are_named(text):
    assert is_vague_amount(text.split())


@pytest.mark.parametrize("text", ["a dozen", "two hundred", "1,000", "twelve"])
def test_numbers_are_not_vague(text):
    assert not is_vague_amount(text.split())


def test_only_whole_values_are_counts():
    assert (as_count(1417.0), as_count(2.5), as_count(-3.0)) == (1417, None, None)


def english(n: int) -> str:
    """An integer below a billion in English words, as a writer might put it."""
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
            "sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def below_thousand(k: int) -> list[str]:
        words = []
        if k >= 100:
            words += [units[k // 100], "hundred"] + (["and"] if k % 100 else [])
            k %= 100
        if k >= 20:
            words.append(tens[k // 10] + (f"-{units[k % 10]}" if k % 10 else ""))
        elif k or not words:
            words.append(units[k])
        return words

    if n < 1000:
        return " ".join(below_thousand(n))
    words = []
    for scale, name in ((1_000_000, "million"), (1_000, "thousand")):
        if n >= scale:
            words += below_thousand(n // scale) + [name]
            n %= scale
    if n:
        words += below_thousand(n)
    return " ".join(words)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_an_integer_written_in_words_parses_back_to_itself(n):
    assert parse_number_words(english(n).split()) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_an_integer_written_with_separators_parses_back_to_itself(n):
    assert parse_digits(f"{n:,}") == n and parse_quantity([f"{n:,}"]) == n
