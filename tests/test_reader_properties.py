"""Whatever bytes a file holds, the reader yields exactly one article for it and never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.reader import iter_articles

KNOWN_CODES = {"empty_article", "binary_file", "undecodable", "front_matter_invalid", "published_invalid"}


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                 st.text(max_size=200).map(lambda t: ("---\n" + t + "\n---\n" + t).encode("utf-8"))))
def test_any_bytes_give_one_article_with_text_or_a_known_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(data)
        (article,) = list(iter_articles([path]))
    assert {error.code for error in article.errors} <= KNOWN_CODES
    assert article.processable or article.errors


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)  # NUL: binary
ITEM = st.dictionaries(st.sampled_from(["id", "text", "title", "x"]), st.one_of(TEXT, st.integers()))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(TEXT, ITEM), max_size=8))
def test_a_collection_gives_one_article_per_non_blank_line(lines):
    import json

    rendered = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    rendered = [r.replace("\n", " ").replace("\r", " ") for r in rendered]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.jsonl"
        path.write_text("\n".join(rendered), encoding="utf-8")
        articles = list(iter_articles([path]))
    assert len(articles) == sum(1 for r in rendered if r.strip())
