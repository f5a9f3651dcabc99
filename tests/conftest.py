"""Shared fixtures. Pipelines are built once per test session (loading is the slow part)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.config import Settings
from newsfacts.ingest import Article
from newsfacts.nlp import build_nlp, make_doc

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_PATH = REPO / "corpus" / "beijing-news-guangzhou-online-loans.txt"


@pytest.fixture(scope="session")
def nlp_fast():
    """spaCy + dates + claims + coref, without the transformer NER stage."""
    return build_nlp(Settings(use_transformer=False))


@pytest.fixture(scope="session")
def nlp_full():
    """The full pipeline as the CLI builds it (transformer stage included when shipped)."""
    return build_nlp(Settings())


@pytest.fixture(scope="session")
def seed_gold():
    return json.loads((FIXTURES / "beijing-news-guangzhou-online-loans.json").read_text())


@pytest.fixture(scope="session")
def seed_text():
    return SEED_PATH.read_text(encoding="utf-8")


def run(nlp, text: str, published=None):
    """Process one text with an optional publication date (datetime.date); returns the Doc."""
    return nlp(make_doc(nlp, Article(text=text, published=published)))
