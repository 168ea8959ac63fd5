"""``newsfacts_events``: one record per defection, on fresh sentences, positive and negative."""

from __future__ import annotations

import pytest

from tests.helpers import dated_facts

pytestmark = pytest.mark.model


def events(nlp, text, published="2022-05-10"):
    return [(e.count, e.year, e.month, e.status, e.people) for e in dated_facts(nlp, text, published, "events")]


def test_a_group_that_left_together_is_one_event(nlp):
    assert events(nlp, "In March 2021, 11 North Korean loggers fled their camp near Tynda together.") == [
        (11, 2021, 3, "completed", [])]


def test_an_unnamed_single_soldier(nlp):
    assert events(nlp, "A North Korean soldier crossed the Military Demarcation Line in August 2020.") == [
        (1, 2020, 8, "completed", [])]


def test_a_boat_crossing_with_a_month(nlp):
    assert events(nlp, "In September last year, five fishermen sailed across the Northern Limit Line.") == [
        (5, 2021, 9, "completed", [])]


def test_a_named_diplomat_with_his_wife_is_two(nlp):
    found = events(nlp, "Counsellor Pak Myong-su left his post in Vienna with his wife in June 2019.")
    assert [(c, y, m) for c, y, m, *_ in found] == [(2, 2019, 6)]


def test_with_his_family_leaves_the_count_open(nlp):
    found = events(nlp, "The trade envoy Ri Chol-min defected with his family in 2018.")
    assert [(c, y) for c, y, *_ in found] == [(None, 2018)]


def test_a_list_of_three_defectors_is_three_events(nlp):
    text = ("Defections by diplomats have included Ko Yong-hwan, a first secretary in Congo, "
            "Hyon Chol-ho, a trade attache in Cairo, and a counsellor of the embassy in Lagos.")
    assert len(events(nlp, text)) == 3


def test_a_capture_is_a_failed_defection(nlp):
    found = events(nlp, "In January, a family of three was caught by guards as they tried to cross the Yalu River.")
    assert [(c, y, m, s) for c, y, m, s, _ in found] == [(3, 2022, 1, "failed")]


def test_a_repatriation_across_the_border_is_a_failed_defection(nlp):
    found = events(nlp, "In July 2019, Seoul sent two sailors back across the border at Panmunjom.")
    assert [(c, y, s) for c, y, _, s, _ in found] == [(2, 2019, "failed")]


def test_a_negated_defection_is_no_event(nlp):
    assert events(nlp, "The diplomat did not defect in 2019, officials said.") == []


def test_a_hypothetical_defection_is_no_event(nlp):
    assert events(nlp, "Officials fear that more workers could flee their sites in Russia this year.") == []


def test_aggregate_statistics_are_no_event(nlp):
    assert events(nlp, "Only 67 North Korean defectors arrived in South Korea in 2022.") == []


def test_defections_as_a_category_are_no_event(nlp):
    assert events(nlp, "Elite defections have risen sharply since 2019.") == []


def test_a_return_to_the_north_is_no_event(nlp):
    assert events(nlp, "In 2020 a defector swam back to the North across the Han River estuary.") == []


def test_an_unconfirmed_report_is_reported(nlp):
    found = events(nlp, "Three waitresses reportedly walked out of a restaurant in Shenyang in April 2021.")
    assert [(c, s) for c, _, _, s, _ in found] == [(3, "reported")]


def test_a_defection_told_in_two_sentences_is_one_event(nlp):
    text = ("In May 2021, a North Korean engineer fled his post in Kuwait. "
            "He reached Seoul three months later, officials said.")
    assert [(c, y, m) for c, y, m, *_ in events(nlp, text)] == [(1, 2021, 5)]


def test_one_defection_retold_is_one_event(nlp):
    text = ("Nine workers flee Russian site\n\n"
            "Nine North Korean workers fled a construction site in Vladivostok in October 2021. "
            "The workers later reached South Korea.")
    assert [(c, y, m) for c, y, m, *_ in events(nlp, text)] == [(9, 2021, 10)]


def test_the_head_count_of_an_event_is_no_year_count(nlp):
    doc = nlp.make_doc("In March 2021, 11 North Korean loggers fled their camp near Tynda together.")
    doc._.published = "2022"
    doc = nlp(doc)
    assert [f for f in doc._.facts if f.kind == "year_counts"] == []


def test_places_are_those_named_in_the_telling(nlp):
    doc = nlp.make_doc("In March 2021, 11 North Korean loggers fled their camp near Tynda, a town in Russia.")
    doc._.published = "2022"
    (event,) = [f for f in nlp(doc)._.facts if f.kind == "events"]
    assert event.places == ["Tynda", "Russia"]


# Months by reference: "that month", "the following month" count from the month named before.
MONTH_BY_REFERENCE = [
    ("Talks on the border resumed in March 2020. That month, two sailors steered a fishing boat across the sea "
     "border and asked to defect.", (2, 2020, 3)),
    ("Guards were reinforced in November 2018. The following month, a private crossed the Military Demarcation "
     "Line in the eastern sector.", (1, 2018, 12)),
    ("A new fence went up in 2015. That month, a teacher crossed the Tumen River.", (1, 2015, None)),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_BY_REFERENCE)
def test_a_month_by_reference_dates_the_event(nlp, text, expected):
    assert [(c, y, m) for c, y, m, *_ in events(nlp, text)] == [expected]


def _facts(nlp, text, published="2022-05-10"):
    return [(c, y, m, s) for c, y, m, s, _ in events(nlp, text, published)]


# Who left: a share of a statistic, nobody in particular, agents posing as defectors, a rank
# among defectors said of no one are no events; each sentence is fresh, not from the corpus.
NO_EVENT = [
    "Only four of the 1,230 who arrived that year had crossed the border directly.",
    "Just two of those who fled last year crossed the Military Demarcation Line on foot.",
    "Only five of last year's arrivals crossed the border on foot.",
    "Of the 1,230 arrivals in 2021, 900 were women, and only four crossed the border directly.",
    "No one was arrested for the escape.",
    "Each defector who reaches the South in 2021 is screened by the intelligence service.",
    "Any North Korean who crossed the border in 2020 was quarantined for two weeks.",
    "Diplomats and students reached the South in 2023, the ministry said.",
    "Two army officers entered the South in 2009 posing as ordinary defectors.",
    "The first diplomat to defect since 2016 was never named.",
    "If Mr. Kim's defection is confirmed, others could follow.",
    "Russian troops captured three North Korean soldiers near the front in January, according to South "
    "Korea's spy agency.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_one_in_particular_left(nlp, text):
    assert events(nlp, text) == []


# (text, [(count, year, month, status)])
EVENT_READINGS = [
    # a share of a small group told as one is an event ("two of the four asked to stay")
    ("Two of the three sailors crossed the sea border in March 2021.", [(2, 2021, 3, "completed")]),
    ("Two brothers crossed the Tumen River in 2009 posing as traders.", [(2, 2009, None, "completed")]),
    # a lifespan dates no defection; a superlative said of a named person is that person's defection
    ("Kang Min-chol (5 May 1931 – 2 June 2008) was the most senior officer ever to defect from the army.",
     [(1, None, None, "completed")]),
    ("In 2014, Pak Chol-su became the first trade official to defect from the Vienna mission.",
     [(1, 2014, None, "completed")]),
    # a capture is a failed defection only in the clause of those caught
    ("Two women crossed the Yalu River in April 2021 but were caught by Chinese police.", [(2, 2021, 4, "failed")]),
    ("The couple reached South Korea in July 2019; their son, who had stayed behind in Rome, was sent back to "
     "Pyongyang.", [(2, 2019, 7, "completed")]),
    # several triggers on one subject are one defection; a time on the return keeps only the year
    ("In May 2020, two fishermen who had sailed south and asked to defect were sent back across the border.",
     [(2, 2020, None, "failed")]),
    ("In November 2019, the government sent the pair back after they were captured at sea trying to reach the "
     "South.", [(2, 2019, None, "failed")]),
    # a second flight of the same person is another event
    ("Ri Chol-ho fled to China in 2010 and was sent back across the border. In 2013 he fled a second time and "
     "reached Seoul.", [(1, 2010, None, "failed"), (1, 2013, None, "completed")]),
    # a definite group in the sentence of a defection goes on with it
    ("Her father had crossed the Tumen River in 1997, and the two reached Seoul together in 2004.",
     [(1, 1997, None, "completed")]),
    # people joined by "and", and the companions the text counts
    ("Pak Un-ha, 41, and her two sons crossed the Yalu River in 2017.", [(3, 2017, None, "completed")]),
    ("Kim Song-il and Ri Myong-hui crossed the border in March 2015.", [(2, 2015, 3, "completed")]),
    ("A senior trade official disappeared from his company with his wife and teenage son in June 2021.",
     [(3, 2021, 6, "completed")]),
    ("A senior trade official disappeared from his company with his wife and children in June 2021.",
     [(None, 2021, 6, "completed")]),
    ("In June 2021 a miner fled his mine and set out with a broker for Laos.", [(1, 2021, 6, "completed")]),
    # the subject nearest the verb, not a label before it nor an apposition
    ("Case 4. Jang Mi-ok, 29, crossed the Tumen River in 2016.", [(1, 2016, None, "completed")]),
    ("Ri Chol, the counsellor at the embassy in Hanoi, fled with his family in 2015.",
     [(None, 2015, None, "completed")]),
    # "also" dates an undated defection by the sentence before; "his escape" retells it
    ("In January 2024 guards beat protesting workers at a plant in Helong. Two women also slipped out of a "
     "dormitory at the plant.", [(2, 2024, 1, "completed")]),
    ("Ri Jong-ho fled Cuba with his family in November 2021. His escape became public only in 2023, when he "
     "reached Seoul.", [(None, 2021, 11, "completed")]),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_READINGS)
def test_who_left_how_many_and_when(nlp, text, expected):
    assert _facts(nlp, text) == expected


# Ways of leaving, drawn from the trigger patterns of events.jsonl: (text, [(count, year, month, status)])
TRIGGERS = [
    ("In November 2018, the acting ambassador in Rome went into hiding with his wife.", [(2, 2018, 11, "completed")]),
    ("The ambassador slipped out of Cairo with his wife in August 1997.", [(2, 1997, 8, "completed")]),
    ("On the morning of May 3, 2015, a private emerged from the fog in front of a South Korean guard post.",
     [(1, 2015, 5, "completed")]),
    ("In 1991 a first secretary sought refuge at the embassy in Vienna.", [(1, 1991, None, "completed")]),
    ("The April 2016 flight of 12 waitresses and their manager from a restaurant in Ningbo made headlines.",
     [(13, 2016, 4, "completed")]),
    ("In March, nine North Koreans, women and children among them, crossed the Northern Limit Line.",
     [(9, 2022, 3, "completed")]),
    ("A former teacher left North Korea in 2011 and settled in Seoul three years later.", [(1, 2011, None, "completed")]),
    ("The couple left the North in May 2018.", [(2, 2018, 5, "completed")]),
    # the date is when they left, not when they arrived
    ("A miner's son left North Korea alone in 2014 and reached Seoul the following year.",
     [(1, 2014, None, "completed")]),
    ("A North Korean sailor crossed into South Korea in March 2021.", [(1, 2021, 3, "completed")]),
    ("A trade official went missing in Shenyang in August 2020.", [(1, 2020, 8, "completed")]),
    ("In 2019 a North Korean logger ran away from his camp in the Amur region.", [(1, 2019, None, "completed")]),
    # a small group's one journey is an event; a year's arrivals are a statistic
    ("Three North Koreans reached South Korea by sea in May 2023.", [(3, 2023, 5, "completed")]),
    ("Some 30 North Koreans reached South Korea in 2019.", []),
    ("Figures showed that 15 North Koreans in all reached the South that year by sea.", []),
    # drifting is no defection; nor is a capture by an army at war, nor a journey for a summit
    ("The leader left North Korea by train in April 2019 for a summit in Vladivostok.", []),
    ("A delegation of 40 officials crossed the border in May 2018 for talks at Panmunjom.", []),
    ("The Southern delegation crossed the MDL on foot for talks in April 2018.", []),
    # what was left is a danger or the public eye, not the country or a post
    ("A family of six escaped a fire in Chongjin in March 2022.", []),
    ("Three smugglers fled the scene when guards arrived in 2020.", []),
    ("The premier went missing from public view for a month in 2021.", []),
    # a post or a workplace is what they left, not who left ("a ship left port") or where they sat
    ("A North Korean cargo ship left Nampo for Vladivostok in June 2024.", []),
    ("A North Korean trade delegation left Pyongyang for Beijing in May 2019.", []),
    ("The consul left his post in Shenyang in 2020 and returned to Pyongyang.", []),
    ("Three fishermen drifted across the sea border in May 2019 after their engine failed.", []),
    ("Ukrainian troops captured two North Korean soldiers in January and took them to Kyiv, according to South "
     "Korea's spy agency.", []),
]


@pytest.mark.parametrize(("text", "expected"), TRIGGERS)
def test_ways_of_leaving(nlp, text, expected):
    assert _facts(nlp, text) == expected


# Those who left are people: an apposition, an age or their own place says so, and a past form
# the tagger took for a noun ("a man in a wetsuit swam") is still the verb of the nearest person.
PEOPLE_WHO_LEFT = [
    ("In March 2023, a carpenter in his 30s left his dormitory at a building site in Khabarovsk.",
     [(1, 2023, 3, "completed")]),
    ("One interviewee, a former nurse at a hospital in Musan, crossed the Tumen River in May 2019.",
     [(1, 2019, 5, "completed")]),
    ("In July 2020, a young man in a wetsuit swam across the river border near Gimpo.", [(1, 2020, 7, "completed")]),
    ("In 2020 the company's branch left its office in Dandong.", []),
    ("In 2016 a North Korean couple ran a restaurant in Ningbo.", []),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE_WHO_LEFT)
def test_those_who_left_are_people(nlp, text, expected):
    assert _facts(nlp, text) == expected


def test_a_mistagged_past_form_keeps_its_subject(nlp):
    doc = nlp("In July 2020, a young man in a wetsuit swam across the river border near Gimpo.")
    (event,) = [f for f in doc._.facts if f.kind == "events"]
    assert event.description == "a young man in a wetsuit"


# A day of the week resolves against the fullest date the text gives: the publication day, or a
# dateline's day in the published year; two crossings of one month on different days are two.
def test_a_dateline_dates_early_tuesday(nlp):
    text = ("HAEJU, South Korea, Oct. 4 -- Three sailors sailed a fishing boat across the sea border early "
            "Tuesday, officials said.")
    assert _facts(nlp, text, published="2022") == [(3, 2022, 10, "completed")]


def test_two_crossings_of_one_month_on_different_days_are_two_events(nlp):
    text = ("A soldier crossed the Military Demarcation Line early on Tuesday, the military said. Earlier, on May 2, "
            "a fisherman walked across the mud flats of the Han River estuary.")
    assert _facts(nlp, text, published="2022-05-10") == [(1, 2022, 5, "completed"), (1, 2022, 5, "completed")]


# Retellings: (text, [(count, year, month, status)])
RETELLINGS = [
    # "herself" is no subject of its own; the named mother is
    ("His mother, Kim Sun-ae, had herself defected in Europe in 1999.", [(1, 1999, None, "completed")]),
    # a retelling that names more of those who left counts them
    ("Pak Song-chol became the first envoy ever to defect from the mission. On 3 May 2001, Pak and Ri Chol-jin "
     "asked for asylum at the embassy in Vienna.", [(2, 2001, 5, "completed")]),
    # "she" after "she was arrested" still stands for the woman who fled the first time
    ("Jang Mi-ok first crossed the Tumen River in 2010. She was arrested in 2012 and handed to border guards. In "
     "2014 she fled a second time and reached Seoul.", [(1, 2010, None, "failed"), (1, 2014, None, "completed")]),
    # "they" stands for those told of, not for the official who said so
    ("In March 2021 five fishermen crossed the sea border. The five appear to be relatives, a government official "
     "said. They told the coast guard that they had come to live in the South.", [(5, 2021, 3, "completed")]),
    # a crossing undone at once is no defection; one with a word of defecting is
    ("Around 30 soldiers crossed the Military Demarcation Line in May 2021. They withdrew after warning shots.", []),
    ("A soldier crossed the Military Demarcation Line in May 2021 and asked to defect. He was taken into custody.",
     [(1, 2021, 5, "completed")]),
]


@pytest.mark.parametrize(("text", "expected"), RETELLINGS)
def test_retellings(nlp, text, expected):
    assert _facts(nlp, text) == expected


# "Five weeks later, on December 21": a month after a phrase that counts on from the story is the
# story's month; "several weeks earlier" dates nothing by itself.
COUNTING_ON = [
    ("A soldier crossed the Military Demarcation Line in November 2017. Just over five weeks later, on the morning "
     "of December 21, a private emerged from the fog in front of a South Korean guard post.", "2019-08-05",
     [(1, 2017, 11, "completed"), (1, 2017, 12, "completed")]),
    ("In June last year, officials said that a diplomat at a mission in Europe had defected several weeks earlier.",
     "2024-08-23", [(1, 2023, None, "completed")]),
    ("A logger walked away from his camp in July and reached Khabarovsk four days later.", "2024-09-10",
     [(1, 2024, 7, "completed")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), COUNTING_ON)
def test_counting_on_from_the_story(nlp, text, published, expected):
    assert _facts(nlp, text, published) == expected


# "Other cases including ..." lists defections only right after a defection is told.
def test_other_cases_after_a_defection_are_events(nlp):
    text = ("There has also been a series of defections by ranking officials, including Ko Chol-ho, a trade envoy in "
            "Berlin. Other cases including a colonel of the army's General Staff and a trade official in Dandong have "
            "been reported by South Korean media.")
    assert [c for c, *_ in _facts(nlp, text)] == [1, 1, 1]


def test_other_cases_after_no_defection_are_no_events(nlp):
    text = ("Rice prices rose sharply in 2019. Other cases including a colonel of the army's General Staff and a trade "
            "official in Dandong have been reported by South Korean media.")
    assert _facts(nlp, text) == []


def _places(nlp, text, published="2022-05-10"):
    return [e.places for e in dated_facts(nlp, text, published, "events")]


# Places are those named in the event's own words: the sentence its telling points back to, and
# of a sentence listing several defectors only its own item.
PLACES = [
    ("Defections by diplomats have included Ko Yong-hwan, a first secretary in Congo, Hyon Chol-ho, a trade "
     "attache in Cairo, and a counsellor of the embassy in Lagos.", [["Congo"], ["Cairo"], ["Lagos"]]),
    # the country they left is a place of the event; its name in a title is not
    ("A former teacher left North Korea in 2011 and settled in Seoul three years later.", [["North Korea", "Seoul"]]),
    ("North Korea's former consul in Hong Kong fled in 2016.", [["Hong Kong"]]),
    ("In June 2019 a fishing boat carrying four men sailed into the port of Samcheok. Two of the four asked to stay "
     "in the South.", [["Samcheok"]]),
]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_places_named_in_the_telling(nlp, text, expected):
    assert _places(nlp, text) == expected


# The sentences that go on with the same people tell the same event: "the four", "the boat",
# "the official"; a sentence in another year is another episode; the one who speaks a quote is
# not the one who fled; the sentence that introduced "the three" is part of the telling.
TELLING = [
    ("In March 2021, four fishermen sailed a boat across the Northern Limit Line. The four, all men in their "
     "thirties, were picked up near Sokcho.", ["Northern Limit Line", "Sokcho"]),
    ("In May 2021, a family of five crossed the sea border in a wooden boat. The navy found the vessel near "
     "Yeonpyeong Island.", ["Yeonpyeong Island"]),
    ("In 2006 Pak Il-song escaped across the Tumen River. In January 2018 he spoke at a conference in Washington.",
     ["Tumen River"]),
    ("One woman from Hyesan decided to leave with her two children. The three crossed the Yalu River in October 2021.",
     ["Hyesan", "Yalu River"]),
    ("In August 2024, a man walked across the tidal flats of the Han River estuary.", ["Han River estuary"]),
]


@pytest.mark.parametrize(("text", "expected"), TELLING)
def test_the_sentences_that_tell_an_event(nlp, text, expected):
    assert _places(nlp, text) == [expected]


def test_names_where_the_telling_refers_back(nlp):
    text = ("A senior official of a trading company in Shenyang disappeared in July 2024. The official, a man in his "
            "fifties surnamed Kang, had handled the company's dealings.")
    assert [people for *_, people in events(nlp, text)] == [["Kang"]]


def test_that_month_points_back_to_the_sentence_that_named_it(nlp):
    text = ("It was the first escape across the East Sea since March 2019. That month, two fishermen who had sailed "
            "south asked to defect.")
    assert _places(nlp, text) == [["East Sea"]]


def test_a_surname_the_tagger_took_for_an_interjection_is_the_person(nlp):
    text = ("Oh Chong-song was 24 at the time. On November 13, 2017, Oh drove a jeep toward the Military Demarcation "
            "Line.")
    assert [(c, y, m, people) for c, y, m, _, people in events(nlp, text)] == [(1, 2017, 11, ["Oh Chong-song"])]


def test_a_crossing_and_a_return_in_one_sentence_is_no_defection(nlp):
    text = "About 20 soldiers crossed the Military Demarcation Line in October 2025 and returned north after warning shots."
    assert events(nlp, text) == []
