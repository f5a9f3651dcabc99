"""Tests of the change rules (newsfacts.components.claims.change).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import pytest
from pytest import param

from newsfacts.components.claims.change import CHANGE_SOURCES
from newsfacts.facts import Change
from tests.claims.helpers import claims, draft_of, handmade, one, parsed


def test_relative_change_with_number_of(nlp_fast):
    c = one(nlp_fast, "The number of lenders fell by 80% last year.", "80")
    assert c.unit == "percent" and c.concept == "lenders"
    assert (c.change.direction, c.change.relative) == ("down", 80)


def test_relative_change_with_subject_concept(nlp_fast):
    c = one(nlp_fast, "The balance of loans decreased by 75%.", "75")
    assert c.concept == "balance of loans" and c.change.direction == "down" and c.change.relative == 75


def test_change_noun(nlp_fast):
    c = one(nlp_fast, "There were 139 lending institutions, a decrease of 86% from a year ago.", "86")
    assert c.change.direction == "down" and c.change.relative == 86


def test_direction_from_a_verb_particle(nlp_fast):
    # "up" parsed as the particle (prt) of "trending", not an adverb
    c = one(nlp_fast, "The index is trending up 0.2% this morning.", "0.2")
    assert c.unit == "percent" and c.change.direction == "up"


def test_dropped_to_written_number(nlp_fast):
    c = one(nlp_fast, "The number of online loan platforms dropped to one.", "one")
    assert (c.value, c.unit, c.concept) == (1, "count", "online loan platforms")
    assert c.change.direction == "down" and c.change.to_value == 1


def test_up_adverb(nlp_fast):
    c = one(nlp_fast, "The gauge was up about 14 per cent on the month.", "14")
    assert c.change.direction == "up" and c.approx == "about" and c.unit == "percent"


def test_phrasal_verb_is_not_a_change(nlp_fast):
    cs = claims(nlp_fast, "They set up 3 new offices.")
    assert len(cs) == 1 and cs[0].change is None


def test_change_restated_after_or_and_counted_amounts_of_change(nlp_fast):
    cs = claims(nlp_fast, "Revenue rose $5 million, or 3%, to $170 million.")
    pct = [c for c in cs if c.unit == "percent"][0]
    assert (pct.change.direction, pct.change.relative) == ("up", 3.0)
    c = one(nlp_fast, "Sales fell by 3 units last month.", "3")
    assert c.change is not None and c.change.direction == "down"
    assert one(nlp_fast, "The company hired 300 people.", "300").change is None
    assert [c.change for c in claims(nlp_fast, "He paid $5 or 3 euros.")] == [None, None]


def test_level_then_elliptical_change(nlp_fast):
    cs = claims(nlp_fast, "The median home price in April was $1.8 million, down 6.4% year over year.")
    level, pct = [c for c in cs if "1.8" in c.text][0], [c for c in cs if "6.4" in c.text][0]
    assert level.change is None
    assert (pct.change.direction, pct.change.relative) == ("down", 6.4)
    assert one(nlp_fast, "The defense gave up 517 rushing yards.", "517").change is None


def test_baselines_time_references_and_counted_new_levels(nlp_fast):
    cs = claims(nlp_fast, "Xiaomi doubled it to 512GB instead of the 256GB offered in the older models.")
    assert [c.change is None for c in cs] == [False, True]
    c = one(nlp_fast, "Sales rose to 5 million units, compared with 4 million a year earlier.", "5 million")
    assert (c.change.direction, c.change.to_value) == ("up", 5e6)
    c = one(nlp_fast, "Profit fell 5% against 3% a year earlier.", "3%")
    assert (c.unit, c.change) == ("percent", None)
    assert one(nlp_fast, "Inflation was 2% a year on average.", "2%").unit == "percent/year"


# -- change sources, on hand-built sentences -----------------------------------------------------
# Each row: a hand-built Doc, the claim, and the change the source under test gives (without
# it the claim has no change).

CHANGE_SOURCE_ROWS = [
    param(lambda: handmade("On Wall St : Dow +0.2·%"), "+0.2%", Change(direction="up", relative=0.2),
          id="signed_percent"),
    param(lambda: parsed("""
        Employment NOUN  NN  nsubj  1
        grew       VERB  VBD ROOT   1 grow
        by         ADP   IN  prep   1
        48,300     NUM   CD  nummod 4
        jobs       NOUN  NNS pobj   2
        .          PUNCT .   punct  1
        """), "48,300", Change(direction="up"), id="counted_amount"),
    param(lambda: parsed("""
        Sales NOUN  NNS nsubj  1
        fell  VERB  VBD ROOT   1 fall
        5~    NUM   CD  nummod 3
        %     NOUN  NN  dobj   1
        .     PUNCT .   punct  1
        """), "5%", Change(direction="down", relative=5.0), id="change_word"),
    param(lambda: handmade("Prices dipped , down 7.1·% on the year"), "7.1%", Change(direction="down", relative=7.1),
          id="direction_adverb"),
]


@pytest.mark.parametrize("make,claim,change", CHANGE_SOURCE_ROWS)
def test_change_sources(make, claim, change):
    assert draft_of(make(), claim).change == change


def test_every_change_source_has_a_row():
    assert [p.id for p in CHANGE_SOURCE_ROWS] == CHANGE_SOURCES.names()
