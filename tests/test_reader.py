"""Bad input gets a clear error and loses nothing: one ArticleInput per article or unreadable path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.reader import iter_articles

SAMPLE = "1417 defectors entered South Korea last year\n\nLast year, the number exceeded 1400.\n"


def read_one(path: Path):
    (article,) = list(iter_articles([path]))
    return article


def codes(article) -> list[str]:
    return [error.code for error in article.errors]


def test_plain_article_takes_its_title_from_the_first_line(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    article = read_one(path)
    assert (article.id, article.title, article.text, article.errors) == (
        "sample", "1417 defectors entered South Korea last year", SAMPLE, [])


def test_front_matter_supplies_id_title_date_and_keeps_unknown_keys(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nid: nk-1\ntitle: Headline\npublished: 2017-01-10\nsource: Daily NK\nauthor: X\n---\nBody.\n",
                    encoding="utf-8")
    article = read_one(path)
    assert (article.id, article.title, article.published, article.text) == ("nk-1", "Headline", "2017-01-10", "Body.\n")
    assert article.metadata == {"source": "Daily NK", "author": "X"}


def test_folders_are_walked_recursively_in_sorted_order_skipping_docs_and_hidden(tmp_path):
    for name in ["b/2.txt", "a.md", "b/1.txt", "README.md", ".hidden/x.txt", "notes.json", "c.jsonl"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('{"id": "j", "text": "T"}\n' if name.endswith("jsonl") else "Text\n", encoding="utf-8")
    assert [a.id for a in iter_articles([tmp_path])] == ["a", "1", "2", "j"]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert codes(read_one(path)) == ["empty_article"]


def test_only_front_matter(tmp_path):
    path = tmp_path / "fm.txt"
    path.write_text("---\ntitle: Nothing else\n---\n\n", encoding="utf-8")
    article = read_one(path)
    assert codes(article) == ["empty_article"]
    assert "after its front matter" in article.errors[0].message


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert codes(read_one(path)) == ["binary_file"]


def test_invalid_utf8(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 au lait \u00e0 Pyongyang".encode("latin-1"))
    article = read_one(path)
    assert codes(article) == ["undecodable"]
    assert article.text == ""


def test_cp949_text_is_read(tmp_path):
    path = tmp_path / "korean.txt"
    path.write_bytes("탈북민 입국\n\n지난해 1417명이 입국했다.".encode("cp949"))
    article = read_one(path)
    assert (article.title, article.errors) == ("탈북민 입국", [])


def test_malformed_front_matter_is_reported_and_the_body_still_read(tmp_path):
    path = tmp_path / "bad-fm.txt"
    path.write_text("---\ntitle: [oops\n---\nBody survives.\n", encoding="utf-8")
    article = read_one(path)
    assert codes(article) == ["front_matter_invalid"]
    assert article.text == "Body survives.\n"


def test_invalid_published_date_in_front_matter(tmp_path):
    path = tmp_path / "date.txt"
    path.write_text("---\npublished: someday\n---\nBody.\n", encoding="utf-8")
    article = read_one(path)
    assert codes(article) == ["published_invalid"]
    assert article.published is None


def test_jsonl_collection_one_article_per_line_and_a_malformed_line_is_its_own_error(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "x1", "text": "First.", "published": "2017"}), "{not json", "",
             json.dumps({"id": "x3", "title": "T"}), json.dumps(["a list"]),
             json.dumps({"id": "x5", "text": "Fifth.", "tags": ["a"]})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([path]))
    assert [a.id for a in articles] == ["x1", "batch:2", "x3", "batch:5", "x5"]
    assert [codes(a) for a in articles] == [[], ["jsonl_line_invalid"], ["jsonl_line_invalid"], ["jsonl_line_invalid"], []]
    assert articles[0].published == "2017"
    assert articles[4].metadata == {"tags": '["a"]'}
    assert articles[1].path.endswith("batch.jsonl:2")


def test_missing_path(tmp_path):
    article = read_one(tmp_path / "nowhere.txt")
    assert (article.id, codes(article)) == ("nowhere", ["path_not_found"])


def test_file_without_read_permission(tmp_path, monkeypatch):
    # Root reads anything, so simulate the refusal the operating system gives other users.
    path = tmp_path / "secret.txt"
    path.write_text("Text", encoding="utf-8")
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    article = read_one(path)
    assert codes(article) == ["permission_denied"]
    assert "secret.txt" in article.errors[0].message


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root can read files without permission bits")
def test_file_without_read_permission_for_real(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Text", encoding="utf-8")
    path.chmod(0)
    assert codes(read_one(path)) == ["permission_denied"]


def test_a_folder_that_cannot_be_listed_is_reported_in_its_place(tmp_path, monkeypatch):
    import os

    for name in ["a.txt", "locked/b.txt", "z.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text", encoding="utf-8")
    real_scandir = os.scandir

    def refuse(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    articles = list(iter_articles([tmp_path]))
    assert [(a.id, codes(a)) for a in articles] == [("a", []), ("locked", ["permission_denied"]), ("z", [])]
