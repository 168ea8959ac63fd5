"""Shared fixtures: the real model is loaded once per session; unit tests use blank pipelines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
import spacy
from spacy.language import Language

import pipeline
from pipeline.evaluation.corpus import corpus_folders, scored_sets
from pipeline.extensions import register_extensions

# CI explores the same examples every run, so a landing never hangs on a lucky draw; local runs
# keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_FOLDERS = corpus_folders(CORPUS)  # each holds NAME.txt + NAME.expected.json
SCORED_SETS = scored_sets(CORPUS)  # each gated by its entry in corpus/thresholds.json


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline with the newsfacts components (slow: load once)."""
    return pipeline.load()


@pytest.fixture()
def blank_nlp() -> Language:
    """A blank English pipeline that only splits sentences: for hand-labelled unit tests."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
