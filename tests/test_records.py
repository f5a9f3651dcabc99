"""The record contract: validators and the published JSON Schema."""

from __future__ import annotations

import json
import math

import pytest
from pydantic import ValidationError

from newsfacts.records import ArticleFacts, json_schemas

from conftest import REPO

TEXT = "Acme Corp hired 20 people in May 2020."


def _facts(**over):
    data = {
        "article": {"id": "a1"},
        "entities": [{"id": "E1", "type": "ORG", "name": "Acme Corp",
                      "mentions": [{"start": 0, "end": 9, "text": "Acme Corp", "sentence": TEXT}]}],
        "dates": [{"id": "T1", "start": 29, "end": 37, "text": "May 2020", "sentence": TEXT,
                   "type": "DATE", "value": "2020-05", "anchor": "explicit"}],
        "claims": [{"id": "C1", "start": 16, "end": 18, "text": "20", "sentence": TEXT, "evidence": "20 people",
                    "evidence_start": 16, "evidence_end": 25, "value": 20.0, "unit": "count",
                    "date_id": "T1", "entity_id": "E1"}],
    }
    for path, value in over.items():
        obj = data
        keys = path.split(".")
        for k in keys[:-1]:
            obj = obj[int(k)] if k.isdigit() else obj[k]
        obj[keys[-1]] = value
    return data


def test_valid_record_passes():
    facts = ArticleFacts.model_validate(_facts(), context={"text": TEXT})
    assert facts.claims[0].entity_id == "E1" and facts.dates[0].value == "2020-05"


def test_mention_text_must_match_offsets():
    with pytest.raises(ValidationError, match="differs from the article text"):
        ArticleFacts.model_validate(_facts(**{"entities.0.mentions.0.text": "Acme Inc."}), context={"text": TEXT})


def test_offset_outside_text():
    bad = _facts(**{"dates.0.start": 36, "dates.0.end": 99, "dates.0.text": "0"})
    with pytest.raises(ValidationError, match="outside the text"):
        ArticleFacts.model_validate(bad, context={"text": TEXT})


@pytest.mark.parametrize("value", [math.inf, math.nan])
def test_non_finite_value(value):
    with pytest.raises(ValidationError):
        ArticleFacts.model_validate(_facts(**{"claims.0.value": value}), context={"text": TEXT})


def test_unknown_label_and_dangling_reference():
    with pytest.raises(ValidationError):
        ArticleFacts.model_validate(_facts(**{"entities.0.type": "COMPANY"}), context={"text": TEXT})
    with pytest.raises(ValidationError, match="unknown date_id"):
        ArticleFacts.model_validate(_facts(**{"claims.0.date_id": "T9"}), context={"text": TEXT})


def test_published_schema_matches_models():
    """Fails when schemas/ drifts from the pydantic models: run `newsfacts schema`."""
    for name, schema in json_schemas().items():
        on_disk = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        assert on_disk == schema, f"schemas/{name} is stale: run `newsfacts schema`"


def test_claim_holder_offsets_are_checked_and_version_1_0_still_validates():
    ok = _facts(**{"claims.0.holder": "Acme Corp", "claims.0.holder_start": 0, "claims.0.holder_end": 9})
    assert ArticleFacts.model_validate(ok, context={"text": TEXT}).claims[0].holder == "Acme Corp"
    with pytest.raises(ValidationError, match="holder"):
        ArticleFacts.model_validate(_facts(**{"claims.0.holder": "Acme Corp"}), context={"text": TEXT})
    with pytest.raises(ValidationError, match="differs from the article text"):
        bad = _facts(**{"claims.0.holder": "Acme", "claims.0.holder_start": 0, "claims.0.holder_end": 9})
        ArticleFacts.model_validate(bad, context={"text": TEXT})
    old = _facts(schema_version="1.0")
    assert ArticleFacts.model_validate(old, context={"text": TEXT}).schema_version == "1.0"


def test_pipeline_records_carry_the_claim_holder(nlp_fast):
    from conftest import run
    from newsfacts.ingest import Article
    from newsfacts.to_records import doc_to_facts

    text = "Ana Ruiz has netted 17 goals in all competitions this season."
    facts = doc_to_facts(run(nlp_fast, text), Article(id="w", text=text))
    c = [c for c in facts.claims if c.text == "17"][0]
    assert (c.holder, text[c.holder_start:c.holder_end]) == ("Ana Ruiz", "Ana Ruiz")


def test_records_import_no_spacy():
    """Downstream tools validate records without the NLP stack: records.py imports no spaCy."""
    import subprocess
    import sys

    code = "import sys, newsfacts.records; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
