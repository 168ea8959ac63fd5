from pipeline.kinds import KINDS
from pipeline.schema import render_schemas
from tests.conftest import ROOT


def test_committed_schemas_are_current():
    for name, text in render_schemas().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run 'newsfacts schema'"


def test_the_fact_union_is_discriminated_on_kind():
    import json

    schema = json.loads(render_schemas()["article_record.schema.json"])
    facts = schema["properties"]["facts"]["items"]
    assert facts["discriminator"]["propertyName"] == "kind"
    assert set(facts["discriminator"]["mapping"]) == set(KINDS)
