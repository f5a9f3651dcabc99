"""An article's record depends on that article alone: the same whether it runs alone, inside a
file with others, or in a batch with any chunk size (issue 13). The transformer stage's int8 model
quantizes activations per batch, so this holds only because it batches one document's windows
at a time (``TransformerNER.pipe``)."""

from __future__ import annotations

import json

import pytest

from newsfacts.batch import process_chunk
from newsfacts.config import Settings
from newsfacts.ingest import iter_inputs
from newsfacts.nlp import process
from newsfacts.to_records import doc_to_facts
from tests.conftest import REPO

SAMPLE = REPO / "corpus" / "wikinews-sample.jsonl"


@pytest.fixture(scope="module")
def articles():
    return list(iter_inputs([SAMPLE]))[:12]


def _records(nlp, arts, batch_size):
    return {a.id: doc_to_facts(doc, a).model_dump(mode="json") for a, doc in process(nlp, arts, batch_size=batch_size)}


def test_records_do_not_depend_on_the_other_articles(nlp_full, articles):
    alone = {}
    for a in articles:
        alone.update(_records(nlp_full, [a], 1))
    together = _records(nlp_full, articles, 16)
    shifted = _records(nlp_full, articles[5:] + articles[:5], 16)
    assert together == alone
    assert shifted == alone
    settings = Settings().model_dump_json()
    for size in (1, 5):
        chunked = {}
        for k in range(0, len(articles), size):
            for kind, key, payload in process_chunk(articles[k:k + size], settings):
                assert kind == "ok", payload
                chunked[key] = json.loads(json.dumps(payload, default=str))
        assert chunked == {k: json.loads(json.dumps(v, default=str)) for k, v in alone.items()}
