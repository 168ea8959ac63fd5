"""Shipped patterns and gazetteers: valid, fresh on every load, loud when broken."""

import pytest

from pipeline import data


@pytest.mark.parametrize(
    "loader",
    [data.entity_patterns, data.org_patterns, data.gazetteer, data.surnames, data.alias_cues, data.entity_words],
)
def test_every_data_file_loads_and_validates(loader):
    assert loader()


def test_each_load_returns_a_fresh_list():
    first = data.entity_patterns()
    first.clear()
    assert data.entity_patterns()


def test_a_broken_line_names_its_file_and_line(monkeypatch):
    class Files:
        def joinpath(self, name):
            return self

        def read_text(self, encoding):
            return '{"surname": "Kim"}\n{"surname": 7}\n'

    monkeypatch.setattr(data.resources, "files", lambda package: Files())
    with pytest.raises(data.DataFileError, match="korean_surnames.jsonl:2"):
        data.surnames()


def test_surname_romanizations_share_one_group():
    groups = data.surname_groups(data.surnames())
    assert groups["lee"] == groups["yi"] == groups["rhee"]
    assert groups["thae"] == groups["tae"]
    assert groups["kim"] != groups["park"]


def test_entity_words_refuse_capitals():
    with pytest.raises(ValueError):
        data.EntityWord(word="Ministry", role="org_head")


def test_gazetteer_names_are_unique_per_label():
    seen = {}
    for row in data.entity_patterns():
        if isinstance(row.pattern, str):
            assert seen.setdefault(row.pattern, row.label) == row.label, row.pattern


def test_words_by_role_knows_every_role_even_without_rows():
    roles = data.words_by_role([data.EntityWord(word="restaurant", role="venue")])
    assert roles["venue"] == {"restaurant"} and roles["title"] == frozenset()


def test_records_read_from_a_folder_of_ones_own(tmp_path):
    (tmp_path / "korean_surnames.jsonl").write_text('{"surname": "Thae", "variants": ["Tae"]}\n', encoding="utf-8")
    assert data.load_records(data.SURNAMES, data.Surname, tmp_path) == [data.Surname(surname="Thae", variants=["Tae"])]


def test_dumped_records_parse_back_to_the_same_rows():
    rows = data.entity_patterns()
    assert data.parse_records(data.dump_records(rows), data.EntityPattern, "copy") == rows


def test_gazetteer_ids_are_unique_and_no_name_belongs_to_two_entries():
    entries = data.gazetteer()
    assert len({entry.id for entry in entries}) == len(entries)
    owner: dict[str, str] = {}
    for entry in entries:
        for form in entry.forms:
            key = form.lower().removeprefix("the ")
            assert owner.setdefault(key, entry.id) == entry.id, f"{form!r} names {owner[key]} and {entry.id}"


def test_a_gazetteer_id_must_fit_its_label():
    with pytest.raises(ValueError, match="does not fit"):
        data.GazetteerEntry(id="org:kim-jong-un", label="PERSON", name="Kim Jong Un")
    with pytest.raises(ValueError):
        data.GazetteerEntry(id="person:Kim Jong Un", label="PERSON", name="Kim Jong Un")


def test_a_persons_single_word_is_no_gazetteer_pattern():
    entry = data.GazetteerEntry(id="person:thae-yong-ho", label="PERSON", name="Thae Yong-ho", aliases=["Thae"])
    assert [p.pattern for p in data.gazetteer_patterns([entry])] == ["Thae Yong-ho"]
