"""Fault injection: folders mixing good articles with every bad kind of input the batch has met,
and a component that raises on chosen articles. Whatever the mix, ``newsfacts extract`` writes
one line per input article, in input order, each with the right error codes, and exits 1 when
any article carries an error (0 otherwise)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extensions import register_extensions
from pipeline.records import ArticleRecord

MAX_CHARS = 2000
GOOD = "Headline\n\nKim Jong Un spoke in Pyongyang on Monday."


@Language.component("fault_boom")
def _boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("injected failure")
    return doc


@pytest.fixture(scope="module")
def pipeline_with_faults() -> Language:
    """A blank pipeline (the engine never looks inside) with a component that fails on BOOM."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("fault_boom")
    return nlp


@dataclass(frozen=True)
class Expect:
    id: str
    codes: tuple[str, ...] = ()


def _file(suffix: str, data: bytes, *expected: str):
    """A maker writing one file, with the line it must give."""

    def make(folder: Path, stem: str) -> list[Expect]:
        (folder / f"{stem}{suffix}").write_bytes(data)
        return [Expect(stem, expected)]

    return make


def _fifo(folder: Path, stem: str) -> list[Expect]:
    os.mkfifo(folder / f"{stem}.txt")
    return [Expect(stem, ("not_a_regular_file",))]


def _symlink_loop(folder: Path, stem: str) -> list[Expect]:
    (folder / f"{stem}.txt").symlink_to(folder / f"{stem}.txt")
    return [Expect(stem, ("read_failed",))]


def _cp949_name(folder: Path, stem: str) -> list[Expect]:
    name = os.fsencode(stem) + "탈북".encode("cp949") + b".txt"
    with open(os.path.join(os.fsencode(folder), name), "wb") as stream:
        stream.write(GOOD.encode("utf-8"))
    return [Expect(f"{stem}\\xc5\\xbb\\xba\\xcf", ("invalid_filename",))]


def _huge(folder: Path, stem: str) -> list[Expect]:
    with open(folder / f"{stem}.txt", "wb") as stream:
        stream.truncate(MAX_CHARS * 4 + 70_000)
    return [Expect(stem, ("too_long",))]


FILES = {
    "good": _file(".txt", GOOD.encode()),
    "markdown": _file(".md", ("---\ntitle: T\npublished: 2017-01-10\n---\n" + GOOD).encode()),
    "boom": _file(".txt", (GOOD + " BOOM").encode(), "processing_failed"),
    "date that does not exist": _file(".txt", ("---\npublished: 2017-02-30\n---\n" + GOOD).encode(), "published_invalid"),
    "nested front matter": _file(".txt", ("---\nx: " + "[" * 3000 + "\n---\n" + GOOD).encode(), "front_matter_invalid"),
    "too long": _file(".txt", ("word " * (MAX_CHARS // 4)).encode(), "too_long"),
    "line without spaces": _file(".txt", b"x" * (MAX_CHARS * 3), "too_long"),
    "huge": _huge,
    "late NUL": _file(".txt", b"Plain text. " * 800 + b"\x00", "binary_file"),
    "binary": _file(".txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_file"),
    "empty": _file(".txt", b"", "empty_article"),
    "latin-1": _file(".txt", "Café prices, déjà vu: pâté.".encode("latin-1"), "undecodable"),
    "cp949 name": _cp949_name,
    "fifo": _fifo,
    "symlink loop": _symlink_loop,
}

# Lines of a collection: (JSON text or None for the article's own id, expected codes).
LINES = {
    "good": ('{"text": "Kim Jong Un spoke."}', ()),
    "boom": ('{"text": "Kim Jong Un spoke. BOOM"}', ("processing_failed",)),
    "nested": ("[" * 20_000 + "]" * 20_000, ("jsonl_line_invalid",)),
    "not json": ("{not json", ("jsonl_line_invalid",)),
    "lone surrogate": ('{"text": "bad \\ud800 text"}', ("undecodable",)),
    "too long": (json.dumps({"text": "word " * MAX_CHARS}), ("too_long",)),
    "far too long": (json.dumps({"text": "x" * (MAX_CHARS * 13)}), ("too_long",)),
    "NUL": ('{"text": "a\\u0000b"}', ("binary_file",)),
}


def _collection(kinds: list[str]):
    def make(folder: Path, stem: str) -> list[Expect]:
        (folder / f"{stem}.jsonl").write_text("\n".join(LINES[kind][0] for kind in kinds) + "\n", encoding="utf-8")
        return [Expect(f"{stem}:{number}", LINES[kind][1]) for number, kind in enumerate(kinds, start=1)]

    return make


def _duplicate(folder: Path, stem: str) -> list[Expect]:
    (folder / f"{stem}.txt").write_text("---\nid: dup\n---\n" + GOOD, encoding="utf-8")
    return [Expect("dup")]


# What to put in the folder: a kind of file, a collection of kinds of lines, or an article
# declaring the id "dup" in its front matter.
INPUT = st.one_of(
    st.sampled_from(sorted(FILES)),
    st.lists(st.sampled_from(sorted(LINES)), min_size=1, max_size=4),
    st.just("duplicate id"),
)


def _maker(spec: str | list[str]):
    if isinstance(spec, list):
        return _collection(spec)
    return _duplicate if spec == "duplicate id" else FILES[spec]


def build(folder: Path, specs: list) -> list[Expect]:
    """Write the inputs in a sorted order; a repeated front-matter id is expected as duplicate."""
    expected: list[Expect] = []
    for number, spec in enumerate(specs):
        expected += _maker(spec)(folder, f"{number:03d}")
    seen: set[str] = set()
    marked = []
    for item in expected:
        codes = item.codes + (("duplicate_id",) if item.id in seen else ())
        seen.add(item.id)
        marked.append(Expect(item.id, codes))
    return marked


@settings(max_examples=100, deadline=None)
@given(inputs=st.lists(INPUT, min_size=1, max_size=8), jobs=st.sampled_from([1, 2]))
def test_one_line_per_input_in_order_with_the_right_codes_and_exit_status(pipeline_with_faults, inputs, jobs):
    with tempfile.TemporaryDirectory() as root, mock.patch("pipeline.nlp.load", lambda model: pipeline_with_faults):
        folder = Path(root) / "in"
        folder.mkdir()
        expected = build(folder, inputs)
        out = Path(root) / "facts.jsonl"
        args = ["extract", str(folder), "-o", str(out), "--max-chars", str(MAX_CHARS), "--jobs", str(jobs), "--batch-size", "3"]
        result = CliRunner().invoke(app, args)
        records = [ArticleRecord.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    got = [Expect(r.article.id, tuple(e.code for e in r.errors)) for r in records]
    assert got == expected
    assert result.exit_code == (1 if any(item.codes for item in expected) else 0), result.output
    assert f"{len(expected)} articles" in result.stderr
