"""Tests of the claims component as a whole (newsfacts.components.claims.component).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

from tests.claims.helpers import claims, one


def test_evidence_covers_claim_phrase(nlp_fast):
    text = "The number of borrowers fell by 62%."
    c = one(nlp_fast, text, "62")
    assert text[c.evidence_start:c.evidence_end] == "The number of borrowers fell by 62%"
    assert text[c.start:c.end] == c.text == "62%"


def test_claims_sorted(nlp_fast):
    cs = claims(nlp_fast, "Sales rose 5% to $20 million while costs fell 3%.")
    assert [c.start for c in cs] == sorted(c.start for c in cs)
