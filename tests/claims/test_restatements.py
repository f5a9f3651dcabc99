"""Tests of the post-passes over neighbouring claims (newsfacts.components.claims.restatements).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

from tests.claims.helpers import claims, one
from tests.conftest import run


def test_amount_and_new_value(nlp_fast):
    cs = claims(nlp_fast, "Revenue decreased $1.2 million to $23.5 million.")
    assert [c.value for c in cs] == [1.2e6, 23.5e6]
    assert cs[0].change.direction == "down" and cs[0].change.to_value is None
    assert cs[1].change.direction == "down" and cs[1].change.to_value == 23.5e6


def test_parenthesised_conversion_shares_approx_and_concept(nlp_fast):
    text = "Savers with more than 9 million Danish crowns (US $1.3 million) in accounts face a charge."
    a = one(nlp_fast, text, "9 million")
    b = one(nlp_fast, text, "1.3")
    assert (a.unit, a.approx) == ("DKK", "more_than")
    assert (b.unit, b.approx) == ("USD", "more_than")
    cs = claims(nlp_fast, "The motor delivers just under 250 hp (186 kW / 253 PS).")
    assert [c.approx for c in cs] == ["less_than"] * 3
    cs = claims(nlp_fast, "It will be the terminus for 5 miles (8 kilometers) of new rail lines.")
    assert [c.concept for c in cs] == ["new rail lines", "new rail lines"]


def test_conversion_in_brackets_shares_the_holder(nlp_fast):
    doc = run(nlp_fast, "The sisters have a net worth of 2.41 billion pounds ($3.05bn), the ranking showed.")
    a, b = [c for c in doc._.claims if "2.41" in c.text][0], [c for c in doc._.claims if "3.05" in c.text][0]
    assert a.holder_start is not None and (a.holder_start, a.holder_end) == (b.holder_start, b.holder_end)


def test_conversion_shares_the_direction_of_a_change_amount(nlp_fast):
    cs = claims(nlp_fast, "Ocean temperatures fell by 2 to 2.5 degrees Celsius (3.6 to 4.5 Fahrenheit).")
    assert [(c.unit, c.change.direction if c.change else None) for c in cs] == [("degC", "down"), ("degF", "down")]


def test_level_after_a_restated_change_and_list_counts(nlp_fast):
    c = one(nlp_fast, "The index rose 12.3 points, or 0.2%, to 5,210.", "5,210")
    assert (c.unit, c.change.to_value) == ("point", 5210.0)
    c = one(nlp_fast, "Officials cut the number of platforms to 3, and the number of investors 1.", "1")
    assert (c.unit, c.concept) == ("count", "investors")
