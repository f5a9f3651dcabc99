"""Tests of the claims component as a whole (newsfacts.components.claims.component).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import pytest

from newsfacts.components.claims import ClaimExtractor
from newsfacts.components.claims.registry import Registry
from tests.claims.helpers import claims, handmade, one


def test_evidence_covers_claim_phrase(nlp_fast):
    text = "The number of borrowers fell by 62%."
    c = one(nlp_fast, text, "62")
    assert text[c.evidence_start:c.evidence_end] == "The number of borrowers fell by 62%"
    assert text[c.start:c.end] == c.text == "62%"


def test_claims_sorted(nlp_fast):
    cs = claims(nlp_fast, "Sales rose 5% to $20 million while costs fell 3%.")
    assert [c.start for c in cs] == sorted(c.start for c in cs)


def test_factory_declares_what_it_assigns_and_keeps_defaults_in_the_config(nlp_fast):
    meta = nlp_fast.get_pipe_meta("newsfacts_claims")
    assert meta.assigns == ["doc._.claims"]
    assert {"doc._.dates", "doc.ents", "token.dep", "token.tag"} <= set(meta.requires)
    assert meta.default_config == {"include_ages": False}
    assert nlp_fast.get_pipe("newsfacts_claims").include_ages is False


def test_drafts_become_claims_at_character_offsets():
    """Token-level drafts are turned into character-offset claims once, at the end."""
    doc = handmade("Sales reached about 40 tonnes ⏎ Costs were 5 yuan")
    claims = ClaimExtractor(include_ages=False)(doc)._.claims
    assert [(doc.text[c.start:c.end], c.unit, c.approx) for c in claims] == [
        ("about 40 tonnes", "tonne", "about"), ("5 yuan", "CNY", "exact")]
    assert all(doc.text[c.evidence_start:c.evidence_end].endswith(c.text) for c in claims)


def test_a_rule_name_is_registered_once():
    reg = Registry("test")
    reg.rule("a")(len)
    with pytest.raises(ValueError):
        reg.rule("a")(len)
    assert reg.names() == ["a"]
