import pytest

from pipeline.normalize.numbers import parse_digits


@pytest.mark.parametrize(("text", "value"), [("1417", 1417), ("1,417", 1417), ("30,208", 30208),
                                              ("1,000,000", 1_000_000), ("60.5", 60.5), (".5", 0.5)])
def test_digits_parse(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,41", "2k", "one", "", "1.2.3", "30,2080", "-"])
def test_non_numbers_do_not_parse(text):
    assert parse_digits(text) is None
