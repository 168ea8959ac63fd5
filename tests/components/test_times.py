"""``newsfacts_times``: time expressions into ``doc.spans["times"]``, and years told from counts."""

from __future__ import annotations

import pytest

from pipeline.components.times import reads_as_year

pytestmark = pytest.mark.model


def times(nlp, text):
    doc = nlp(text)
    return [(s.text, s._.time["kind"], s._.time["years"], s._.time["month"]) for s in doc.spans["times"]]


TIMES = [
    ("Exports fell in FY2021 and recovered in fiscal 2022.", [("FY2021", "absolute", 2021, None),
                                                               ("fiscal 2022", "absolute", 2022, None)]),
    ("On Nov. 3, 2016, the talks ended.", [("Nov. 3, 2016", "absolute", 2016, 11)]),
    ("Arrivals rose this March after falling last year.", [("this March", "relative", 0, 3),
                                                            ("last year", "relative", -1, None)]),
    ("In April last year the border reopened.", [("April last year", "relative", -1, 4)]),
    ("The previous year had been worse.", [("The previous year", "anchored", -1, None)]),
    ("Two years earlier the camp closed.", [("Two years earlier", "anchored", -2, None)]),
    ("Prices doubled during the 2010s.", [("the 2010s", "span", 2010, None)]),
    ("Between 2017 and 2023 the program ran.", [("Between 2017 and 2023", "span", 2017, None)]),
    ("The 1994-1998 famine killed many.", [("1994-1998", "span", 1994, None)]),
    ("Earlier this week officials met.", [("Earlier this week", "relative", 0, None)]),
    # "FY2024" on its own is a fiscal year whatever the model labels it (here a product)
    ("Spending reached 102 billion won in FY2024, the ministry said.", [("FY2024", "absolute", 2024, None)]),
    ("Compared with the previous fiscal year, spending rose.", [("the previous fiscal year", "anchored", -1, None)]),
    ("Last fiscal year the fund grew.", [("Last fiscal year", "relative", -1, None)]),
    ("Two decades ago the mine closed.", [("Two decades ago", "relative", -20, None)]),
    # counted from an event named after "before"/"after": no year of the text's to count from
    ("Crossings peaked a year before the pandemic.", []),
    ("The mine closed in 2015; the year before, it was busy.", [("2015", "absolute", 2015, None),
                                                                ("the year before", "anchored", -1, None)]),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_time_expressions_are_found_and_read(nlp, text, expected):
    assert times(nlp, text) == expected


@pytest.mark.parametrize(("text", "word", "year"), [
    ("In 2016 the number was 1417.", "2016", True),
    ("The 2014 survey found more.", "2014", True),
    ("2016's arrivals were fewer.", "2016", True),
    ("Officials counted 2016 defectors.", "2016", False),
    ("Arrivals reached 2000 in 2019.", "2000", False),
    ("More than 2010 people left.", "2010", False),
    ("Prices rose to 2020 won.", "2020", False),
])
def test_a_four_digit_number_is_a_year_only_when_read_as_one(nlp, text, word, year):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert reads_as_year(token) is year


def test_may_the_verb_is_no_month(nlp):
    assert times(nlp, "Officials may decide in June.") == [("June", "relative", 0, 6)]
