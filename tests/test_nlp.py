"""The spaCy pipeline as a public contract: model, factories, serialization."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

import pipeline
from pipeline.facts import doc_to_facts
from pipeline.nlp import COMPONENTS

pytestmark = pytest.mark.model


def test_the_default_model_is_the_pinned_small_english_pipeline(nlp):
    meta = nlp.meta
    assert (meta["lang"], meta["version"]) == ("en", "3.8.0")
    assert {"ner", "parser"} <= set(nlp.pipe_names)


def test_newsfacts_components_sit_around_the_parser_and_ner(nlp):
    names = nlp.pipe_names
    assert all(name in names for name in COMPONENTS)
    assert names.index("newsfacts_paragraphs") < names.index("parser")
    assert names.index("ner") < names.index("newsfacts_entity_ruler") < names.index("newsfacts_entity_fixes")
    assert names.index("newsfacts_entity_fixes") < names.index("newsfacts_entities")


def test_factories_are_exposed_as_spacy_entry_points():
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"newsfacts_paragraphs", "newsfacts_entity_fixes", "newsfacts_entities", "newsfacts_published"} <= declared


def test_a_saved_pipeline_loads_back_with_its_components(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    text = "The NIS said the National Intelligence Service (NIS) had briefed Daily NK."
    assert [f.model_dump() for f in doc_to_facts(reloaded(text))] == [f.model_dump() for f in doc_to_facts(nlp(text))]
    assert pipeline.load(tmp_path / "pipeline").pipe_names == nlp.pipe_names


def test_components_can_join_a_users_own_pipeline():
    nlp = spacy.load(pipeline.DEFAULT_MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsfacts_entity_fixes", after="ner")
    nlp.add_pipe("newsfacts_entities")
    doc = nlp("Kim Jong Un met officials of the Workers' Party of Korea (WPK).")
    assert "Kim Jong Un" in {span.kb_id_ for span in doc.spans["people"]}


def test_an_undated_article_is_dated_by_a_restated_figure(nlp):
    doc = nlp("1417 defectors entered South Korea last year\n\nThe number who entered in 2016 was 1417.")
    assert (doc._.published, doc._.published_source) == ("2017", "inferred")


def test_a_given_date_is_never_overridden(nlp):
    doc = nlp.make_doc("1417 defectors entered South Korea last year. In 2016 it was 1417.")
    doc._.published, doc._.published_source = "2020-05", "metadata"
    doc = nlp(doc)
    assert (doc._.published, doc._.published_source) == ("2020-05", "metadata")


def test_evidence_offsets_point_into_the_text(nlp):
    text = "Officials of the Ministry of Unification met Thae Yong-ho."
    for fact in doc_to_facts(nlp(text)):
        for mention in fact.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "years"),
    [("The 2014 survey found 2016 defectors.", [2014]), ("It rose to 1417 in 2016.", [2016]),
     ("2000 defectors arrived in 2001.", [2001])],
)
def test_years_are_told_from_counts_by_the_noun_they_modify(nlp, text, years):
    from pipeline.components.published import is_explicit_year

    assert [int(t.text) for t in nlp(text) if is_explicit_year(t)] == years


def test_a_past_relative_year_beside_an_explicit_one_dates_the_article_later(nlp):
    doc = nlp("Only 63 arrived in 2021 and 67 last year. Numbers may rise this year.")
    assert doc._.published == "2023"


def test_a_saved_pipeline_loads_in_a_fresh_process_through_the_entry_points(nlp, tmp_path):
    import subprocess
    import sys

    nlp.to_disk(tmp_path / "saved")
    script = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp('The NIS briefed Daily NK.');"
        "print([s.kb_id_ for s in doc.spans['organizations']])"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "saved")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "National Intelligence Service" in done.stdout and "Daily NK" in done.stdout
