"""Components carry their tables: initialize() loads them, to_disk()/from_disk() keep them."""

from __future__ import annotations

import pytest

from pipeline import data
from pipeline.components.entity_fixes import EntityFixes
from pipeline.entity_repairs import SPAN_REPAIRS


def test_initialize_reads_the_package_defaults():
    fixes = EntityFixes(list(SPAN_REPAIRS))
    assert not fixes.is_initialized
    fixes.initialize()
    assert fixes.tables[data.SURNAMES] == data.surnames()


def test_initialize_reads_a_folder_of_ones_own(tmp_path):
    (tmp_path / data.SURNAMES).write_text('{"surname": "Thae"}\n', encoding="utf-8")
    (tmp_path / data.ENTITY_WORDS).write_text('{"word": "restaurant", "role": "venue"}\n', encoding="utf-8")
    fixes = EntityFixes(list(SPAN_REPAIRS))
    fixes.initialize(data_dir=str(tmp_path))
    assert fixes.lexicon.surnames == {"Thae"}


def test_a_missing_table_in_ones_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        EntityFixes(list(SPAN_REPAIRS)).initialize(data_dir=str(tmp_path))


def test_tables_survive_to_disk_and_from_disk(tmp_path):
    fixes = EntityFixes(list(SPAN_REPAIRS))
    fixes.initialize()
    fixes.to_disk(tmp_path / "fixes")
    assert sorted(p.name for p in (tmp_path / "fixes").iterdir()) == sorted(EntityFixes.TABLES)
    copy = EntityFixes(list(SPAN_REPAIRS)).from_disk(tmp_path / "fixes")
    assert copy.tables == fixes.tables and copy.lexicon == fixes.lexicon


def test_changing_the_returned_tables_changes_nothing():
    fixes = EntityFixes(list(SPAN_REPAIRS))
    fixes.tables[data.SURNAMES].clear()
    assert fixes.tables[data.SURNAMES]
