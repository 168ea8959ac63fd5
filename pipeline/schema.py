"""JSON Schemas generated from the Pydantic models; ``schemas/`` is their committed copy."""

from __future__ import annotations

import json
from pathlib import Path

from .evaluation.expected import ExpectedArticle
from .records import ArticleRecord

SCHEMAS = {
    "article_record.schema.json": ArticleRecord,
    "expected_facts.schema.json": ExpectedArticle,
}


def render_schemas() -> dict[str, str]:
    """File name -> schema text, deterministic so that a stale copy shows as a diff."""
    return {
        name: json.dumps(model.model_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(folder: str | Path) -> list[Path]:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
