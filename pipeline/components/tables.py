"""Components that carry their own data tables, the way spaCy's ``span_ruler`` carries patterns.

A table is a list of validated rows (one Pydantic model per table, one JSONL file per table).
``initialize()`` loads the tables from the package defaults in ``pipeline/data/`` or from a
folder of the caller's; ``to_disk()``/``from_disk()`` (and the bytes pair) write and read them,
so a saved pipeline runs without the package's data files. Construction reads nothing: that is
what lets ``spacy.load()`` of a saved pipeline restore the tables instead of re-reading ours.

A component that was never initialized nor loaded initializes itself from the package defaults
on its first document, so that ``nlp.add_pipe(...)`` on an installed model just works.
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature and
# needs its annotations as real types.
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import srsly
from pydantic import BaseModel
from spacy import util

from ..data import dump_records, load_records, parse_records

Tables = dict[str, list[Any]]


class TableComponent:
    """Base for components whose behaviour comes from JSONL tables.

    Subclasses name their tables in ``TABLES`` (file name -> row model) and derive their lookup
    structures from the rows in :meth:`build`.
    """

    TABLES: ClassVar[Mapping[str, type[BaseModel]]] = {}
    _tables: Tables | None = None

    def build(self, tables: Tables) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    @property
    def is_initialized(self) -> bool:
        return self._tables is not None

    @property
    def tables(self) -> Tables:
        """The rows in use (fresh lists: changing them changes nothing)."""
        self.ensure_initialized()
        assert self._tables is not None
        return {name: list(rows) for name, rows in self._tables.items()}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Any = None,
        data_dir: str | Path | None = None,
    ) -> None:
        """Load every table from ``data_dir`` (the same file names) or the package defaults."""
        self.set_tables({name: load_records(name, model, data_dir) for name, model in self.TABLES.items()})

    def ensure_initialized(self) -> None:
        if self._tables is None:
            self.initialize()

    def set_tables(self, tables: Tables) -> None:
        missing = set(self.TABLES) - set(tables)
        if missing:
            raise ValueError(f"missing tables: {sorted(missing)}")
        self._tables = {name: list(tables[name]) for name in self.TABLES}
        self.build(self._tables)

    # serialization ------------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self.ensure_initialized()
        assert self._tables is not None
        return srsly.msgpack_dumps({name: dump_records(rows) for name, rows in self._tables.items()})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "TableComponent":
        texts = srsly.msgpack_loads(bytes_data)
        self.set_tables({name: parse_records(texts[name], model, name) for name, model in self.TABLES.items()})
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.ensure_initialized()
        assert self._tables is not None
        folder = util.ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in self._tables.items():
            (folder / name).write_text(dump_records(rows), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "TableComponent":
        folder = util.ensure_path(path)
        self.set_tables({name: load_records(name, model, folder) for name, model in self.TABLES.items()})
        return self
