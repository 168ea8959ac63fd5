"""The corpus itself: complete, valid, and consistent with its README."""

import hashlib

import pytest

from pipeline.evaluation.corpus import readme_table, render_corpus_table
from pipeline.evaluation.expected import EXPECTED_SUFFIX, load_expected
from pipeline.frontmatter import split_front_matter
from tests.conftest import CORPUS, CORPUS_FOLDERS

SAMPLE_SHA256 = "9c20d0a47b1e808b90669944f6a02e833f1824dcdd357384a488501271d474d8"


def test_the_real_sample_article_is_kept_byte_for_byte(corpus_dir):
    data = (corpus_dir / "dailynk-1417-defectors.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SAMPLE_SHA256


ARTICLES = sorted((name, p.stem) for name, folder in CORPUS_FOLDERS.items() for p in folder.glob("*.txt"))


@pytest.mark.parametrize("folder", CORPUS_FOLDERS.values(), ids=CORPUS_FOLDERS.keys())
def test_every_article_has_expected_facts_and_every_expected_file_an_article(folder):
    articles = {p.stem for p in folder.glob("*.txt")}
    expected = {p.name[: -len(EXPECTED_SUFFIX)] for p in folder.glob(f"*{EXPECTED_SUFFIX}")}
    assert articles == expected
    assert articles


def test_the_corpus_holds_the_sample_and_twenty_more():
    assert len(ARTICLES) >= 21 and ("development", "dailynk-1417-defectors") in ARTICLES


@pytest.mark.parametrize("folder", CORPUS_FOLDERS.values(), ids=CORPUS_FOLDERS.keys())
def test_expected_files_validate(folder):
    assert load_expected(folder, recursive=False)  # raises on an unknown key, a bad qualifier, a bad date


@pytest.mark.parametrize(("corpus_set", "article_id"), ARTICLES)
def test_every_quote_is_verbatim_in_its_article(corpus_set, article_id):
    folder = CORPUS_FOLDERS[corpus_set]
    expected = load_expected(folder, recursive=False)[article_id]
    body = split_front_matter((folder / f"{article_id}.txt").read_text(encoding="utf-8")).body
    assert [q for q in expected.quotes() if q not in body] == []


@pytest.mark.parametrize(("corpus_set", "article_id"), ARTICLES)
def test_a_front_matter_date_is_the_expected_publication_date(corpus_set, article_id):
    folder = CORPUS_FOLDERS[corpus_set]
    expected = load_expected(folder, recursive=False)[article_id]
    split = split_front_matter((folder / f"{article_id}.txt").read_text(encoding="utf-8"))
    if "published" in split.meta:
        assert expected.published == split.meta["published"]
    else:
        assert expected.published is None or len(expected.published) == 4


@pytest.mark.parametrize("corpus_set", CORPUS_FOLDERS)
def test_corpus_readme_tables_are_current(corpus_set):
    table = readme_table(CORPUS, corpus_set)
    assert table == render_corpus_table(CORPUS_FOLDERS[corpus_set]), "run: python -m pipeline.evaluation.corpus corpus"
