"""The spaCy pipeline as a public contract: model, factories, serialization."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

import pipeline
from pipeline.facts import doc_to_facts
from pipeline.nlp import COMPONENTS, PLACEMENT

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


def test_every_component_is_exposed_as_a_spacy_entry_point():
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= declared


def test_every_component_adds_by_name_to_a_blank_pipeline():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.initialize()
    doc = nlp("Officials of the Ministry of Unification met Daily NK.\n\nThe NIS said so last year.")
    assert "Daily NK" in {span.text for span in doc.spans["organizations"]}


def test_every_component_adds_by_name_to_an_installed_model():
    nlp = spacy.load(pipeline.DEFAULT_MODEL)
    for name, where, anchor in PLACEMENT:
        nlp.add_pipe(name, **({"first": True} if where == "first" else {where: anchor}))
    doc = nlp("Kim Jong Un met officials of the Workers' Party of Korea (WPK).")
    people = {doc._.entity_clusters[span.kb_id_]["name"] for span in doc.spans["people"]}
    assert people == {"Kim Jong Un"}


def test_a_saved_pipeline_loads_back_with_its_components(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    text = "The NIS said the National Intelligence Service (NIS) had briefed Daily NK."
    assert [f.model_dump() for f in doc_to_facts(reloaded(text))] == [f.model_dump() for f in doc_to_facts(nlp(text))]
    assert pipeline.load(tmp_path / "pipeline").pipe_names == nlp.pipe_names


def test_a_component_round_trips_through_bytes(nlp):
    fixes = nlp.get_pipe("newsfacts_entities")
    copy = type(fixes)(nlp).from_bytes(fixes.to_bytes())
    assert copy.tables == fixes.tables


def test_the_tokenizer_exception_travels_in_config(nlp, tmp_path):
    assert nlp.config["components"]["newsfacts_tokenizer"]["special_cases"] == {"Im": [{"ORTH": "Im"}]}
    blank = spacy.blank("en")
    assert [t.text for t in blank("Im Ji-hyun")][:2] == ["I", "m"]
    blank.add_pipe("newsfacts_tokenizer")
    assert [t.text for t in blank("Im Ji-hyun")][0] == "Im"


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


def test_a_past_relative_year_beside_an_explicit_one_dates_the_article_later(nlp):
    doc = nlp("Only 63 arrived in 2021 and 67 last year. Numbers may rise this year.")
    assert doc._.published == "2023"


# Run in a fresh process: the package's data files are made unreadable before the saved
# pipeline loads, so every pattern and table it uses must come from the saved folder.
FRESH_PROCESS = """
import importlib.resources as resources, json, sys
real_files = resources.files
def no_package_data(package):
    if str(package).startswith("pipeline.data"):
        raise PermissionError("package data made unreadable for this test")
    return real_files(package)
resources.files = no_package_data
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps([fact.model_dump(mode="json") for fact in doc._.facts]))
"""


def test_a_saved_pipeline_runs_in_a_fresh_process_without_the_package_data(nlp, tmp_path):
    import json
    import subprocess
    import sys

    nlp.to_disk(tmp_path / "saved")
    text = "Im Ji-hyun told Daily NK that the NIS and the National Intelligence Service (NIS) are one."
    done = subprocess.run([sys.executable, "-c", FRESH_PROCESS, str(tmp_path / "saved"), text],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [fact.model_dump(mode="json") for fact in nlp(text)._.facts]
    assert "Im Ji-hyun" in done.stdout


def test_the_package_data_really_is_unreadable_in_that_process(tmp_path):
    import subprocess
    import sys

    script = FRESH_PROCESS.split("import spacy")[0] + "from pipeline import data; data.entity_patterns()"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "package data made unreadable" in done.stderr


def test_the_model_tagging_components_run_with_faster_classes_of_the_same_output(nlp):
    factories = {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    assert factories["attribute_ruler"] == "newsfacts_attribute_ruler"
    assert factories["lemmatizer"] == "newsfacts_lemmatizer"
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"newsfacts_attribute_ruler", "newsfacts_lemmatizer"} <= declared
