"""End to end on the seed article with the real pipeline (no mocks), scored against its hand-made gold.

Gold: tests/fixtures/beijing-news-guangzhou-online-loans.json (a copy of ../shared/gold). Matching is by
surface text, as the gold file says.
"""

from __future__ import annotations

import pytest

from newsfacts.ingest import Article
from newsfacts.nlp import make_doc
from newsfacts.to_records import doc_to_facts


@pytest.fixture(scope="module")
def facts(nlp_full, seed_text):
    article = Article(text=seed_text)
    doc = nlp_full(make_doc(nlp_full, article))
    return doc_to_facts(doc, article)


def _names(facts, label):
    return {n for e in facts.entities if e.type == label for n in [e.name, *e.aliases]}


def test_people(facts, seed_gold):
    people = _names(facts, "PERSON")
    assert set(seed_gold["entities"]["PERSON"]["required"]) <= people


def test_organisations(facts, seed_gold):
    orgs = _names(facts, "ORG")
    required = seed_gold["entities"]["ORG"]["required"]
    found = [o for o in required if o in orgs]
    assert len(found) >= 5, f"found {found}"
    assert not orgs & set(seed_gold["entities"]["ORG"]["forbidden"])


def test_alias_from_appositive(facts, seed_gold):
    alias = seed_gold["aliases"][0]
    ent = next(e for e in facts.entities if e.name == alias["canonical"])
    assert alias["alias"] in ent.aliases


def test_dates_with_values_and_inferred_year(facts, seed_gold):
    assert facts.article.published_inferred and facts.article.published.year == seed_gold["inferred_year"]
    got = {(d.text, d.value, d.mod) for d in facts.dates}
    for g in seed_gold["dates"]["required"]:
        assert (g["text"], g["value"], g.get("mod")) in got or (
            g["text"] == "2019" and any(d.value == "2019" and "2019" in d.text for d in facts.dates)
        ), f"missing {g}"
    texts = {d.text for d in facts.dates}
    assert not texts & set(seed_gold["dates"]["forbidden"])


def _matches(claim, g) -> bool:
    if g["evidence"] not in claim.sentence or not (claim.evidence in g["evidence"] or g["evidence"] in claim.evidence
                                                   or claim.text in g["evidence"]):
        return False
    if g.get("unit") and claim.unit != g["unit"]:
        return False
    if "value" in g and claim.value != g["value"] and not (claim.change and claim.change.to_value == g["value"]):
        return False
    if claim.approx != g.get("approx", "exact"):
        return False
    ch = g.get("change")
    if ch:
        if claim.change is None or claim.change.direction != ch["direction"]:
            return False
        if "from" in ch and claim.change.from_value != ch["from"]:
            return False
        if "to" in ch and claim.change.to_value != ch["to"]:
            return False
        if "relative_percent" in ch and claim.change.relative != ch["relative_percent"]:
            return False
    return True


def test_claims(facts, seed_gold):
    required = seed_gold["numeric_claims"]["required"]
    hits = [g["evidence"] for g in required if any(_matches(c, g) for c in facts.claims)]
    missed = [g["evidence"] for g in required if g["evidence"] not in hits]
    assert len(hits) >= 9, f"missed {missed}"


def test_no_forbidden_claims(facts, seed_gold, seed_text):
    """No claim stands on a hotline number, an ordinal, a figure reference or a year."""
    import re

    for f in seed_gold["numeric_claims"]["forbidden"]:
        token = f["text"]
        number = re.search(r"\d+", token).group()
        for c in facts.claims:
            window = seed_text[max(0, c.start - 10):c.end + 3]
            assert not (token in window and re.search(rf"(?<![\d,.]){number}(?![\d,.])", c.text)), (
                f"forbidden claim {c.text!r} ({f['why']})"
            )
