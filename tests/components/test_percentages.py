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
    # a change over a period given by its ends: the last year is its year, the first its base
    ("Membership shrank by 30 percent between 2015 and 2020.", [(30.0, "decrease", False, 2020, 2015)]),
    ("The drop of 12 percentage points between FY2016 and FY2019 reflects fewer claims.",
     [(12.0, "decrease", True, 2019, 2016)]),
    ("Enrolment rose 9 percent from 2016 to 2019.", [(9.0, "increase", False, 2019, 2016)]),
    # a change set off after the two dated figures it sums up
    ("The agency's budget stood at 80 billion won in 2016 and 92 billion won in 2019, a rise of 15 percent over "
     "three years.", [(15.0, "increase", False, 2019, 2016)]),
    ("Officials told the council that the number of traders holding licences had fallen from 9,100 in 2015 to 3,400 "
     "in 2017, a drop of almost 63 percent.", [(63.0, "decrease", False, 2017, 2015)]),
    ("After the new leader took power in March 2013, controls were tightened, and crossings fell from 1,200 in 2013 "
     "to 700 in 2014, a decline of 41.7%.", [(41.7, "decrease", False, 2014, 2013)]),
    # a fiscal year the model labels a product is still a time to compare with
    ("The budget for fiscal 2020 is 2.1 billion won, 5 percent more than in FY2019, with about 40 percent coming "
     "from donors.", [(5.0, "increase", False, 2020, 2019), (40.0, "share", False, 2020, None)]),
    # a base opening its sentence counts from the year the sentence names after it ...
    ("In FY2019 the ministry spent more. Compared with the previous fiscal year, the FY2020 plan raised the monthly "
     "stipend by about 12 percent, to 800,000 won.", [(12.0, "increase", False, 2020, 2019)]),
    # ... but not a base after its verb, nor "that year", which points back
    ("The 2020 survey was released. It found a rate of 60.5 percent, up 1.3 percentage points from the previous "
     "year and the highest since the survey began in 2011.",
     [(60.5, "share", False, None, None), (1.3, "increase", True, None, 2019)]),
    ("Arrivals peaked in 2009. Measured against that year, the 2020 total amounted to a fall of roughly 80 percent.",
     [(80.0, "decrease", False, 2020, 2009)]),
    # the other side of a comparison lends its time to no one
    ("The jobless rate fell 2.1 percentage points to 5.5 per cent, the lowest on record and below the previous low "
     "of 6.0 per cent set in 2016.",
     [(2.1, "decrease", True, None, None), (5.5, "share", False, None, None), (6.0, "share", False, 2016, None)]),
    ("Exports fell 12 percent in 2019, after a 20 percent drop recorded in 2016.",
     [(12.0, "decrease", False, 2019, None), (20.0, "decrease", False, 2016, None)]),
    ("Rice prices in Pyongyang were up 45% on the same month last year.", [(45.0, "increase", False, None, 2020)]),
    # how long a record stands is no figure's time
    ("The approval rating stood at 31 percent, its lowest since May 2019.", [(31.0, "share", False, None, None)]),
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
