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
    assert [a.id for a in iter_articles([tmp_path])] == ["a", "b/1", "b/2", "j"]


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
    import os

    path = tmp_path / "secret.txt"
    path.write_text("Text", encoding="utf-8")
    original = os.open

    def refuse(file, *args, **kwargs):
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return original(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
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


# -- every bad input is its own article's error, and the stream goes on (issue 8) ------------


def ids_and_codes(paths, **kw) -> list[tuple[str, list[str]]]:
    return [(a.id, codes(a)) for a in iter_articles(paths, **kw)]


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


@pytest.mark.parametrize("first", [True, False])
def test_a_front_matter_date_that_does_not_exist_is_published_invalid_and_the_stream_goes_on(tmp_path, first):
    bad = "---\npublished: 2017-02-30\n---\nBody.\n"
    write_files(tmp_path, {("a.txt" if first else "m.txt"): bad, "b.txt": "Fine.\n", "z.txt": "Fine too.\n"})
    assert [code for _id, code in ids_and_codes([tmp_path])].count(["published_invalid"]) == 1
    assert len(list(iter_articles([tmp_path]))) == 3


def test_deeply_nested_front_matter_is_front_matter_invalid(tmp_path):
    nested = "---\ntitle: " + "[" * 5000 + "\n---\nBody.\n"
    write_files(tmp_path, {"a.txt": nested, "b.txt": "Fine.\n"})
    assert ids_and_codes([tmp_path]) == [("a", ["front_matter_invalid"]), ("b", [])]


def test_a_deeply_nested_jsonl_line_is_that_lines_error(tmp_path):
    lines = [json.dumps({"id": "x1", "text": "First."}), "[" * 100_000 + "]" * 100_000, json.dumps({"id": "x3", "text": "Third."})]
    write_files(tmp_path, {"c.jsonl": "\n".join(lines)})
    assert ids_and_codes([tmp_path]) == [("x1", []), ("c:2", ["jsonl_line_invalid"]), ("x3", [])]


def test_any_exception_while_reading_one_file_is_its_read_failed(tmp_path, monkeypatch):
    import pipeline.reader

    original = pipeline.reader.split_front_matter

    def explode(text):
        if "EXPLODE" in text:
            raise MemoryError("parser gave up")
        return original(text)

    monkeypatch.setattr(pipeline.reader, "split_front_matter", explode)
    write_files(tmp_path, {"a.txt": "EXPLODE\n", "b.txt": "Fine.\n"})
    articles = list(iter_articles([tmp_path]))
    assert [(a.id, codes(a)) for a in articles] == [("a", ["read_failed"]), ("b", [])]
    assert "MemoryError: parser gave up" in articles[0].errors[0].message


def test_an_article_over_max_chars_is_too_long_without_its_text(tmp_path):
    write_files(tmp_path, {"a.txt": "word " * 300, "b.txt": "Fine.\n"})
    articles = list(iter_articles([tmp_path], max_chars=1000))
    assert [(a.id, codes(a), a.processable) for a in articles] == [("a", ["too_long"], False), ("b", [], True)]


def test_a_huge_file_is_too_long_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read"))
    article = read_one(path)
    assert codes(article) == ["too_long"] and "52,428,800 bytes" in article.errors[0].message


def test_a_long_line_without_spaces_is_too_long(tmp_path):
    path = tmp_path / "line.txt"
    path.write_bytes(b"x" * 2_000_000)
    assert codes(read_one(path)) == ["too_long"]


def test_jsonl_texts_over_the_limit_are_too_long_and_keep_their_ids(tmp_path):
    lines = [json.dumps({"id": "long", "text": "word " * 400}), json.dumps({"id": "huge", "text": "x" * 10_000_000}),
             json.dumps({"id": "ok", "text": "Fine."})]
    write_files(tmp_path, {"c.jsonl": "\n".join(lines)})
    assert ids_and_codes([tmp_path], max_chars=1000) == [("long", ["too_long"]), ("c:2", ["too_long"]), ("ok", [])]


def test_a_nul_byte_anywhere_marks_a_binary_file(tmp_path):
    path = tmp_path / "late-nul.txt"
    path.write_bytes(b"Title\n\n" + b"Plain text. " * 1000 + b"\x00" + b"More text.")
    assert codes(read_one(path)) == ["binary_file"]


def test_a_file_name_that_is_not_utf8_is_escaped_and_the_article_still_read(tmp_path):
    import os

    name = "탈북민.txt".encode("cp949")
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as stream:
        stream.write(b"Kim Jong Un spoke.\n")
    (article,) = list(iter_articles([tmp_path]))
    assert codes(article) == ["invalid_filename"]
    assert article.id == "\\xc5\\xbb\\xba\\xcf\\xb9\\xce" and article.processable
    json.dumps(article.id, ensure_ascii=False).encode("utf-8")  # writable


def test_a_lone_surrogate_in_a_jsonl_text_is_undecodable(tmp_path):
    write_files(tmp_path, {"c.jsonl": '{"id": "s", "text": "bad \\ud800 text"}\n{"id": "ok", "text": "Fine."}\n'})
    articles = list(iter_articles([tmp_path]))
    assert [(a.id, codes(a), a.processable) for a in articles] == [("s", ["undecodable"], False), ("ok", [], True)]


def test_a_lone_surrogate_in_a_jsonl_id_is_escaped(tmp_path):
    write_files(tmp_path, {"c.jsonl": '{"id": "s\\ud800", "text": "Fine."}\n'})
    (article,) = list(iter_articles([tmp_path]))
    assert (article.id, codes(article)) == ("s\\ud800", ["undecodable"])


def test_a_fifo_is_skipped_without_being_opened(tmp_path):
    import os
    import threading

    write_files(tmp_path, {"a.txt": "Fine.\n"})
    os.mkfifo(tmp_path / "pipe.txt")
    found = []
    reader = threading.Thread(target=lambda: found.extend(ids_and_codes([tmp_path])), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert found == [("a", []), ("pipe", ["not_a_regular_file"])]


def test_sockets_and_devices_are_not_regular_files(tmp_path):
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    try:
        assert ids_and_codes([tmp_path / "sock.txt", Path("/dev/null")]) == [
            ("sock", ["not_a_regular_file"]), ("null", ["not_a_regular_file"])]
    finally:
        server.close()


def test_symlink_loops_are_reported_or_not_followed(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    write_files(tmp_path, {"sub/a.txt": "Fine.\n"})
    assert ids_and_codes([tmp_path]) == [("loop", ["read_failed"]), ("sub/a", [])]


def test_ids_are_paths_relative_to_the_input_folder_so_nested_files_never_collide(tmp_path):
    write_files(tmp_path / "in", {"2017/01/a.txt": "One.\n", "2018/01/a.txt": "Two.\n", "top.md": "Three.\n",
                                  "sub/batch.jsonl": '{"text": "Four."}\n'})
    write_files(tmp_path, {"direct.txt": "Five.\n"})
    assert [a.id for a in iter_articles([tmp_path / "in", tmp_path / "direct.txt"])] == [
        "2017/01/a", "2018/01/a", "sub/batch:1", "top", "direct"]


def test_each_article_carries_the_sha256_of_its_bytes(tmp_path):
    import hashlib

    line = '{"id": "j", "text": "Four."}'
    write_files(tmp_path, {"a.txt": "One.\n", "c.jsonl": line + "\r\n"})
    articles = list(iter_articles([tmp_path]))
    assert [a.sha256 for a in articles] == [hashlib.sha256(b"One.\n").hexdigest(), hashlib.sha256(line.encode()).hexdigest()]


def test_collections_in_utf16_or_cp949_are_read_line_by_line(tmp_path):
    lines = '{"id": "k1", "text": "탈북민 입국"}\n{"id": "k2", "text": "지난해 1417명"}\n'
    (tmp_path / "a.jsonl").write_bytes(lines.encode("utf-16"))
    (tmp_path / "b.jsonl").write_bytes(lines.replace("k", "c").encode("cp949"))
    articles = list(iter_articles([tmp_path]))
    assert [(a.id, a.text, codes(a)) for a in articles] == [
        ("k1", "탈북민 입국", []), ("k2", "지난해 1417명", []), ("c1", "탈북민 입국", []), ("c2", "지난해 1417명", [])]


def test_one_undecodable_line_is_that_lines_error_only(tmp_path):
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "Fine."}\n{"text": "Caf\xe9 \xe0 la carte"}\n{"text": "Fine too."}\n')
    assert ids_and_codes([tmp_path]) == [("c:1", []), ("c:2", ["undecodable"]), ("c:3", [])]


# -- body_offset: evidence offsets + body_offset index the file's decoded text -------------------


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("utf-8", "---\nid: x\n---\nBody.\n".encode()),
     ("utf-8-sig", b"\xef\xbb\xbf---\r\nid: x\r\n---\r\nBody.\r\n"),
     ("utf-16", "---\nid: x\n---\nBody.\n".encode("utf-16"))],
    ids=["utf-8", "bom-crlf", "utf-16"],
)
def test_body_offset_points_at_the_body_in_the_file_read_as_text(tmp_path, encoding, data):
    path = tmp_path / "a.md"
    path.write_bytes(data)
    article = read_one(path)
    file_text = path.read_text(encoding=encoding)  # universal newlines: CRLF read as LF, like the reader
    assert (article.body_offset, file_text[article.body_offset :]) == (14, article.text)


def test_an_article_without_front_matter_has_body_offset_0(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    assert read_one(path).body_offset == 0
