"""Rewrite expected-facts files from the pre-0.2 keys to the record's own field names.

``python -m pipeline.evaluation.migrate corpus`` renames ``what`` -> ``subject``, ``who`` ->
``description``, ``place`` -> ``places`` and ``quote`` -> ``evidence`` in every
``*.expected.json`` below the folder. Only the key names change, in place, so the hand-made
layout of each file survives; the rewritten file is parsed back and compared with the
original, key by key, before it is saved.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from .expected import EXPECTED_SUFFIX, LEGACY_KEYS

_FACT_LISTS = ("year_counts", "percentages", "events")
_KEY = re.compile(r'"(' + "|".join(map(re.escape, LEGACY_KEYS)) + r')"(\s*:)')


def renamed(data: dict[str, Any]) -> dict[str, Any]:
    """What the migrated file must parse to: legacy keys renamed inside each fact."""
    out = dict(data)
    for kind in _FACT_LISTS:
        out[kind] = [{LEGACY_KEYS.get(k, k): v for k, v in fact.items()} for fact in data.get(kind, [])]
    return out


def migrate_text(text: str) -> str:
    """The file's text with legacy keys renamed; ValueError when anything else would change."""
    original = json.loads(text)
    migrated = _KEY.sub(lambda m: f'"{LEGACY_KEYS[m.group(1)]}"{m.group(2)}', text)
    if json.loads(migrated) != renamed(original):
        raise ValueError("renaming keys would change more than the keys (a key name inside a string?)")
    return migrated


def migrate_folder(folder: str | Path) -> list[Path]:
    """Migrate every expected file below ``folder``; the files that changed."""
    changed = []
    for path in sorted(Path(folder).rglob(f"*{EXPECTED_SUFFIX}")):
        text = path.read_text(encoding="utf-8")
        try:
            migrated = migrate_text(text)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None
        if migrated != text:
            path.write_text(migrated, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    for changed_path in migrate_folder(sys.argv[1] if len(sys.argv) > 1 else "corpus"):
        print(f"migrated {changed_path}")
