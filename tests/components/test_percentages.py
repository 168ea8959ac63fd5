"""``newsfacts_percentages``: every percentage with its direction, year and base year."""

from __future__ import annotations

import pytest

from tests.helpers import dated_facts

pytestmark = pytest.mark.model


def percentages(nlp, text, published="2021-03-01"):
    return [(f.value, f.direction, f.points, f.year, f.base_year) for f in dated_facts(nlp, text, published, "percentages")]


CASES = [
    ("Exports rose 12% in 2019 compared to 2018.", [(12.0, "increase", False, 2019, 2018)]),
    ("Imports fell by 30 percent in 2020 from the year before.", [(30.0, "decrease", False, 2020, 2019)]),
    ("The jobless rate dropped 1.2 percentage points last year.", [(1.2, "decrease", True, 2020, None)]),
    ("Women made up 76 per cent of arrivals in 2017.", [(76.0, "share", False, 2017, None)]),
    ("The employment rate rose to 58.4 percent in 2019.", [(58.4, "share", False, 2019, None)]),
    ("Prices were 40% higher than in 2018.", [(40.0, "increase", False, None, 2018)]),
    ("A kilogram costs 15% less than it did in January.", [(15.0, "decrease", False, None, 2021)]),
    ("Lenders charge interest of 8 percent a month.", [(8.0, None, False, None, None)]),
    ("Wages were capped at 5 percent in 2015.", [(5.0, None, False, 2015, None)]),
    ("Crews earn 30 percent less than workers from Nepal.", [(30.0, None, False, None, None)]),
    ("Fees have risen by about 50 per cent since last year.", [(50.0, "increase", False, 2021, 2020)]),
    ("Between 60 and 80 percent of diners were tourists.", [(60.0, "share", False, None, None),
                                                           (80.0, "share", False, None, None)]),
    ("The share rose from 61% in 2015 to 72% in 2019.", [(61.0, "share", False, 2015, None),
                                                        (72.0, "share", False, 2019, None)]),
    ("Output grew eleven percent in 2016.", [(11.0, "increase", False, 2016, None)]),
    ("Arrivals were 236 in 2019, an increase of 20.4 percent from 196 the year before.",
     [(20.4, "increase", False, 2019, 2018)]),
    ("Cases accounted for 41.2% in 2019, up from 28.5% in 2018, an increase of 12.7 percentage points.",
     [(41.2, "share", False, 2019, None), (28.5, "share", False, 2018, None), (12.7, "increase", True, 2019, 2018)]),
    ("The 2019 total was about 22 percent below the $2.79 billion recorded in 2016.",
     [(22.0, "decrease", False, 2019, 2016)]),
    ("Women made up 210 of last year's arrivals, or about 89 percent, a pattern held since the 2000s.",
     [(89.0, "share", False, 2020, None)]),
    # the base's own time after its figure, its "in" hung beside the "from" by the parser
    ("Seoul accounted for 61.2 percent of arrivals in 2019, up 3.4 percentage points from 57.8 percent in 2018.",
     [(61.2, "share", False, 2019, None), (3.4, "increase", True, 2019, 2018), (57.8, "share", False, 2018, None)]),
    ("It fell, a decline of 44.5%.[7] Output shrank 6.5%[3] in 1997.",
     [(44.5, "decrease", False, None, None), (6.5, "decrease", False, 1997, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_percentages(nlp, text, expected):
    assert percentages(nlp, text) == expected


def test_a_percentage_stated_twice_is_one_fact(nlp):
    text = "Arrivals fell 78% in 2020\n\nArrivals fell 78% in 2020, the ministry said."
    assert len(percentages(nlp, text)) == 1


def test_a_headline_figure_without_a_time_is_the_bodys_figure(nlp):
    text = "Record-Low 36.9% of Adults Call Unification Necessary\n\nJust 36.9 percent of adults now say so."
    assert percentages(nlp, text) == [(36.9, "share", False, 2021, None)]
