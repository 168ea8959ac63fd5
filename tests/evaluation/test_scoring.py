"""Scoring rules from corpus/GUIDELINES.md, on hand-built records."""

from pipeline.evaluation.expected import ExpectedArticle
from pipeline.evaluation.scoring import max_matching, score_article, score_corpus
from pipeline.evaluation.thresholds import check_thresholds
from pipeline.records import ArticleRecord

EVIDENCE = {"text": "x", "start": 0, "end": 1, "sentence": "x", "rule": "test"}


def expected(**parts) -> ExpectedArticle:
    base = {"published": "2017", "phenomena": [], "year_counts": [], "percentages": [], "people": [],
            "organizations": [], "events": [], "notes": ""}
    return ExpectedArticle.model_validate(base | parts)


def record(*facts, published="2017") -> ArticleRecord:
    return ArticleRecord.model_validate(
        {"article": {"id": "a", "published": published}, "facts": [f | {"evidence": EVIDENCE} for f in facts]})


def year_count(year, count, qualifier="exact"):
    return {"kind": "year_counts", "year": year, "count": count, "qualifier": qualifier, "subject": "defectors"}


def gold_year_count(year, count):
    return {"year": year, "month": None, "count": count, "qualifier": "exact", "count_max": None,
            "cumulative": False, "subject": "x", "evidence": "x"}


def org(name, aliases=(), acronym=None):
    return {"kind": "organizations", "name": name, "aliases": list(aliases), "acronym": acronym, "mentions": [EVIDENCE]}


def test_year_counts_match_on_year_and_count():
    score = score_article(record(year_count(2016, 1417), year_count(2016, 1400)),
                          expected(year_counts=[gold_year_count(2016, 1417), gold_year_count(2015, 1276)]))
    kind = score.kinds["year_counts"]
    assert (kind.true_positives, kind.false_positives, kind.false_negatives) == (1, 1, 1)
    assert score.missed["year_counts"] == ["2015: 1276 (exact)"]
    assert score.false["year_counts"] == ["2016: 1400 (exact)"]


def test_a_duplicate_fact_counts_as_false():
    score = score_article(record(year_count(2016, 1417), year_count(2016, 1417)),
                          expected(year_counts=[gold_year_count(2016, 1417)]))
    assert score.kinds["year_counts"].false_positives == 1


def test_percentages_match_within_tolerance():
    pct = {"kind": "percentages", "value": 11.04, "subject": "x"}
    gold = {"value": 11.0, "direction": "increase", "points": False, "year": None, "base_year": None, "subject": "x", "evidence": "x"}
    assert score_article(record(pct), expected(percentages=[gold])).kinds["percentages"].true_positives == 1
    pct["value"] = 11.1
    assert score_article(record(pct), expected(percentages=[gold])).kinds["percentages"].true_positives == 0


def test_an_organization_matches_by_any_form_and_only_once():
    gold = expected(organizations=[["National Intelligence Service", "NIS"]])
    one = score_article(record(org("the National Intelligence Service's")), gold).kinds["organizations"]
    assert (one.true_positives, one.false_positives) == (1, 0)
    split = score_article(record(org("National Intelligence Service"), org("NIS")), gold).kinds["organizations"]
    assert (split.true_positives, split.false_positives) == (1, 1)
    by_acronym = score_article(record(org("Spy Agency", acronym="NIS")), gold).kinds["organizations"]
    assert by_acronym.true_positives == 1


def test_events_match_on_count_and_year_or_on_a_named_person():
    gold = expected(events=[
        {"description": "13 workers", "count": 13, "year": 2016, "month": 4, "places": [], "people": [], "affiliations": [],
         "status": "completed", "evidence": "x"},
        {"description": "Thae", "count": None, "year": None, "month": None, "places": [], "people": ["Thae Yong Ho"],
         "affiliations": [], "status": "completed", "evidence": "x"}])
    found = record(
        {"kind": "events", "count": 13, "year": 2016, "description": "workers"},
        {"kind": "events", "count": 1, "year": 2016, "people": ["Thae Yong-ho"], "description": "Thae"},
    )
    assert score_article(found, gold).kinds["events"].true_positives == 2


def test_matching_is_maximal_not_greedy():
    # a greedy pass would give left 0 to right 0 and leave left 1 unmatched
    assert max_matching([0, 1], [0, 1], lambda l, r: l == 0 or r == 0) == {0: 1, 1: 0}


def test_an_article_never_extracted_misses_all_its_facts():
    score = score_corpus([], {"a": expected(year_counts=[gold_year_count(2016, 1417)])})
    assert score.kinds["year_counts"].false_negatives == 1
    assert score.missing_records == ["a"]


def test_empty_kinds_score_perfectly_and_thresholds_report_falls():
    score = score_corpus([record(year_count(2016, 1))], {"a": expected()})
    assert score.kinds["people"].f1 == 1.0
    assert (score.kinds["people"].precision, score.kinds["people"].recall) == (None, None)
    assert score.kinds["year_counts"].precision == 0.0
    assert score.kinds["year_counts"].recall is None
    assert check_thresholds(score, {"people": 1.0, "year_counts": 0.5}) == [
        "year_counts: F1 0.000 is under the threshold 0.500"]


def test_nothing_extracted_has_no_precision_and_zero_f1():
    score = score_article(record(), expected(year_counts=[gold_year_count(2016, 1417)])).kinds["year_counts"]
    assert (score.precision, score.recall, score.f1) == (None, 0.0, 0.0)


def test_published_dates_are_counted():
    assert score_corpus([record(published="2017")], {"a": expected()}).published_correct == 1
    assert score_corpus([record(published="2016")], {"a": expected()}).published_correct == 0


def test_a_matched_fact_with_a_wrong_field_is_a_finding_with_both_values():
    gold = gold_year_count(2016, 1417) | {"qualifier": "more_than"}
    (finding,) = score_article(record(year_count(2016, 1417)), expected(year_counts=[gold])).findings
    assert (finding.what, finding.field, finding.expected, finding.found, finding.rule) == (
        "field", "qualifier", "more_than", "exact", "test")
    assert finding.gate == "fields.year_counts.qualifier"


def test_publication_year_accuracy_compares_years_of_articles_with_an_expected_date():
    score = score_corpus([record(published="2017")], {"a": expected(published="2017-01-10")})
    assert (score.published_year_correct, score.published_scored, score.published_accuracy) == (1, 1, 1.0)
    undated = score_corpus([record(published="2017")], {"a": expected(published=None)})
    assert (undated.published_scored, undated.published_accuracy) == (0, None)


def test_event_people_are_compared_as_persons_not_spellings():
    gold = expected(
        people=[["Ryu Hyon U", "Ryu Hyun-woo"]],
        events=[{"description": "Ryu", "count": 1, "year": 2019, "month": 9, "places": [], "people": ["Ryu Hyon U"],
                 "affiliations": [], "status": "completed", "evidence": "x"}])
    person = {"kind": "people", "name": "Ryu Hyun-woo", "aliases": ["Ryu Hyon U"], "mentions": [EVIDENCE]}
    event = {"kind": "events", "count": 1, "year": 2019, "month": 9, "people": ["Ryu Hyun-woo"], "description": "Ryu"}
    assert score_article(record(person, event), gold).kinds["events"].fields["people"] == [1, 1]
    other = {"kind": "events", "count": 1, "year": 2019, "month": 9, "people": ["Kim Il"], "description": "Kim"}
    assert score_article(record(person, other), gold).kinds["events"].fields["people"] == [0, 1]
