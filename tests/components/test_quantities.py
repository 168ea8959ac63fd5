"""``newsfacts_quantities``: what kind of number each number is, and its qualifier.

Fresh sentences, one phrasing each: the never-a-count list of the numbers issue (ages, money,
durations, ordinals, numbers in names, citation marks, phone numbers, fractions, rates) next to
counts written in every way a count is written.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def quantities(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_, s._.quantity["value"], s._.quantity["qualifier"], s._.quantity["max"])
            for s in doc.spans["quantities"]]


def kinds(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["quantities"]]


COUNTS = [
    ("Police detained 1,238 traders in 2022.", "1,238", 1238),
    ("Some 1.4 million people lacked water in 2021.", "1.4 million", 1_400_000),
    ("Thirty thousand workers marched in 2019.", "Thirty thousand", 30_000),
    ("Officials counted twenty-three boats in May.", "twenty-three", 23),
    ("A dozen fishermen vanished in 2018.", "A dozen", 12),
    ("Two hundred families moved in 2015.", "Two hundred", 200),
    ("The survey reached 2.5 billion viewers in 2020.", "2.5 billion", 2_500_000_000),
    ("They listed one hundred and twenty camps in 2014.", "one hundred and twenty", 120),
    ("Guards arrested 87 smugglers last year.", "87", 87),
    ("Half a dozen diplomats left in 2017.", "Half a dozen", 6),
]


@pytest.mark.parametrize(("text", "phrase", "value"), COUNTS)
def test_counts_in_every_writing(nlp, text, phrase, value):
    assert (phrase, "count", value) in [(q[0], q[1], q[2]) for q in quantities(nlp, text)]


NOT_COUNTS = [
    ("A 35-year-old soldier crossed in 2019.", "35", "age"),
    ("The trader, 52, was arrested in 2020.", "52", "age"),
    ("Children aged 12 arrived in 2016.", "12", "age"),
    ("Brokers charged $5,000 in 2021.", "5,000", "money"),
    ("Families paid 20 million won in 2022.", "20 million", "money"),
    ("Rice cost 3,000 won per kilogram in 2019.", "3,000", "money"),
    ("He served 15 years in prison after 2009.", "15", "duration"),
    ("The voyage took 34 days in 2023.", "34", "duration"),
    ("The farm lost 4.9 million tonnes in 2018.", "4.9 million", "measure"),
    ("Office 39 moved funds in 2016.", "39", "label"),
    ("Table 2 shows the totals for 2015.", "2", "label"),
    ("Unit 180 hacked banks in 2016.", "180", "label"),
    ("One in five households went hungry in 2020.", "One", "fraction"),
    ("Trucks crossed at a rate of 40 a day in 2024.", "40", "rate"),
    ("Exports rose 5.3-fold in 2021.", "5.3", "multiplier"),
    ("The ship left at 10 a.m. in 2019.", "10", "clock"),
    ("One of the defectors spoke in 2018.", "One", "pronoun"),
    ("The two Koreas met in 2018.", "two", "reference"),
    ("They travelled in groups of four in 2019.", "four", "size"),
    ("The two-way trade recovered in 2023.", "two", "compound"),
    ("Talks ran from August 20 to 22 in 2018.", "22", "date"),
    ("Case\n2. Kim crossed the river in 2018.", "2", "label"),
    ("Case 3. Han crossed the river in 2012.", "3", "label"),
    ("The UN's 1718 Committee approved 11 requests in 2018.", "1718", "label"),
    ("See the 2017 survey, p. 112.", "112", "label"),
    ("Of those interviewed in 2024, the youngest was 19 and the oldest 74.", "19", "age"),
    ("Of those interviewed in 2024, the youngest was 19 and the oldest 74.", "74", "age"),
    ("WFP reached 443,800 people, most of them children under five, in 2019.", "five", "age"),
    ("Two majors, both 36, were charged in 2010.", "36", "age"),
    ("She fled with her children, aged 12 and 15, in 2022.", "15", "age"),
    ("TB struck 513 per 100,000 people in 2018.", "513", "rate"),
    ("TB struck 513 per 100,000 people in 2018.", "100,000", "rate"),
    ("Trade reached 40 trucks a day by December.", "40", "rate"),
    ("Trade reached 40 trucks a day by December, against more than 100 before.", "100", "rate"),
    ("Rice cost 9,250 North Korean won in 2024.", "9,250", "money"),
    ("Grants for one, two and three years went to 612 people in 2021.", "one", "duration"),
    ("Grants for one, two and three years went to 612 people in 2021.", "two", "duration"),
    ("Prices rose to two and a half times their level in January.", "two and a half", "multiplier"),
    ("Each exemption was valid for six months.4 It ended.", "4", "citation"),
    # a label word in lower case names the number after it ("resolution 1718"); a day before a
    # date ("3-7 May 2019") is a day; "one" before an adjective and a singular noun is an article
    ("Sanctions under resolution 2270 (2016) hit coal exports.", "2270", "label"),
    ("The talks were held 3-7 May 2019 in Hanoi.", "3", "date"),
    ("In one such case in March 2021, a trader was fined.", "one", "reference"),
]


@pytest.mark.parametrize(("text", "phrase", "kind"), NOT_COUNTS)
def test_numbers_that_are_no_counts(nlp, text, phrase, kind):
    assert (phrase, kind) in kinds(nlp, text)


def test_a_citation_mark_is_no_number_of_the_text(nlp):
    assert ("12", "citation") in kinds(nlp, "Arrivals reached 2,914 in 2009.[12]")
    assert ("2,914", "count") in kinds(nlp, "Arrivals reached 2,914 in 2009.[12]")


def test_years_and_dates_are_no_numbers_here(nlp):
    assert kinds(nlp, "In November 2016 and on March 5, 2017, nothing was counted.") == []


def test_vague_amounts_are_no_numbers(nlp):
    assert kinds(nlp, "Hundreds of workers and dozens of guards fled; several were caught.") == []


def test_percentages_are_marked_with_their_points(nlp):
    doc = nlp("It rose 11 percent, or 2.5 percentage points.")
    found = {s.text: s._.quantity["points"] for s in doc.spans["quantities"]}
    assert found == {"11": False, "2.5": True}


def test_a_list_ending_in_percent_is_a_list_of_percentages(nlp):
    assert [k for _, k in kinds(nlp, "Rates were 12.1, 13.4 and 15.0 percent in 2019, 2020 and 2021.")] == [
        "percent", "percent", "percent"]


QUALIFIERS = [
    ("More than 300 defectors arrived in 2012.", "more_than"),
    ("Over 300 defectors arrived in 2012.", "more_than"),
    ("At least 300 defectors arrived in 2012.", "more_than"),
    ("Arrivals topped 300 in 2012.", "more_than"),
    ("Arrivals surpassed 300 in 2012.", "more_than"),
    ("Fewer than 300 defectors arrived in 2012.", "less_than"),
    ("Nearly 300 defectors arrived in 2012.", "less_than"),
    ("Close to 300 defectors arrived in 2012.", "less_than"),
    ("As many as 300 defectors arrived in 2012.", "less_than"),
    ("Up to 300 defectors arrived in 2012.", "less_than"),
    ("About 300 defectors arrived in 2012.", "about"),
    ("Roughly 300 defectors arrived in 2012.", "about"),
    ("An estimated 300 defectors arrived in 2012.", "about"),
    ("Some 300 defectors arrived in 2012.", "about"),
    ("300 or more defectors arrived in 2012.", "more_than"),
    ("Exactly 300 defectors arrived in 2012.", "exact"),
]


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIERS)
def test_qualifiers_come_from_the_words_around(nlp, text, qualifier):
    assert quantities(nlp, text)[0][3] == qualifier


RANGES = [
    ("Between 40 and 50 brokers worked there in 2019.", 40, 50),
    ("Some 500 to 600 people were returned in 2023.", 500, 600),
    ("1,000-1,200 workers joined in 2024.", 1000, 1200),
    ("Two or three elites arrived in 2021.", 2, 3),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_ranges_are_one_quantity_with_a_maximum(nlp, text, low, high):
    (found,) = [q for q in quantities(nlp, text) if q[1] == "count"]
    assert (found[2], found[4], found[3]) == (low, high, "range")


def test_a_descending_pair_is_two_counts_not_a_range(nlp):
    assert [q[2] for q in quantities(nlp, "Men outnumbered women in 2021, forty to twenty-three.")] == [40, 23]


def test_a_change_from_one_figure_to_another_is_no_range(nlp):
    assert [q[4] for q in quantities(nlp, "Arrivals fell from 2,914 to 1,502 between 2009 and 2012.")] == [None, None]


def test_a_range_of_estimates_is_one_range(nlp):
    found = quantities(nlp, "Estimates of workers in China in 2023 ranged from 40,000 to 100,000.")
    assert ("40,000 to 100,000", "count", 40000, "range", 100000) in found


def test_a_change_from_one_figure_to_another_is_no_range(nlp):
    found = quantities(nlp, "Arrivals rose from 40 to 100 in 2023.")
    assert [q[:2] for q in found] == [("40", "count"), ("100", "count")]


def test_a_figure_against_another_figure_with_a_noun_keeps_its_kind(nlp):
    assert ("300", "count") in kinds(nlp, "It hired 40 guards in 2019, against 300 workers in 2018.")
