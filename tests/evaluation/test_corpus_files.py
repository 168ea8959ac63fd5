"""The corpus itself: complete, valid, and consistent with its README."""

import hashlib

import pytest

from pipeline.evaluation.corpus import BEGIN, END, render_corpus_table
from pipeline.evaluation.expected import EXPECTED_SUFFIX, load_expected
from pipeline.frontmatter import split_front_matter
from tests.conftest import CORPUS

SAMPLE_SHA256 = "9c20d0a47b1e808b90669944f6a02e833f1824dcdd357384a488501271d474d8"


def test_the_real_sample_article_is_kept_byte_for_byte(corpus_dir):
    data = (corpus_dir / "dailynk-1417-defectors.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SAMPLE_SHA256


def test_every_article_has_expected_facts_and_every_expected_file_an_article(corpus_dir):
    articles = {p.stem for p in corpus_dir.glob("*.txt")}
    expected = {p.name[: -len(EXPECTED_SUFFIX)] for p in corpus_dir.glob(f"*{EXPECTED_SUFFIX}")}
    assert articles == expected
    assert len(articles) >= 21


def test_expected_files_validate(corpus_dir):
    assert load_expected(corpus_dir)  # raises on an unknown key, a bad qualifier, a bad date


@pytest.mark.parametrize("article_id", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_every_quote_is_verbatim_in_its_article(corpus_dir, article_id):
    expected = load_expected(corpus_dir)[article_id]
    body = split_front_matter((corpus_dir / f"{article_id}.txt").read_text(encoding="utf-8")).body
    assert [q for q in expected.quotes() if q not in body] == []


def test_a_front_matter_date_is_the_expected_publication_date(corpus_dir):
    for article_id, expected in load_expected(corpus_dir).items():
        split = split_front_matter((corpus_dir / f"{article_id}.txt").read_text(encoding="utf-8"))
        if "published" in split.meta:
            assert expected.published == split.meta["published"], article_id
        else:
            assert expected.published is None or len(expected.published) == 4, article_id


def test_corpus_readme_table_is_current(corpus_dir):
    readme = (corpus_dir / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index(BEGIN) + len(BEGIN) : readme.index(END)].strip()
    assert table == render_corpus_table(corpus_dir), "run: python -m pipeline.evaluation.corpus corpus"
