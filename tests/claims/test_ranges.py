"""Tests of ranges, from/to pairs and shared units (newsfacts.components.claims.ranges).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import pytest
from pytest import param

from newsfacts.components.claims import ClaimExtractor
from newsfacts.components.claims.ranges import JOINS

from tests.claims.helpers import claims, handmade, one


def test_from_to_change_is_one_claim(nlp_fast):
    cs = claims(nlp_fast, "Sales jumped from 50,000 to 1.2 million units in the period.")
    assert len(cs) == 1
    c = cs[0]
    assert c.value == 1.2e6 and c.change.from_value == 50000 and c.change.to_value == 1.2e6
    assert c.change.direction == "up"


@pytest.mark.parametrize(
    "text,lo,hi",
    [
        ("The range is between 252 and 287 miles.", 252, 287),
        ("The car can drive 252 to 287 miles on a charge.", 252, 287),
        ("Regulators could levy a penalty of $2 billion to $4 billion.", 2e9, 4e9),
        ("There are six to seven thousand people in the plaza.", 6000, 7000),
        ("Condos from $450,000 to $2 million rarely linger.", 450000, 2e6),
    ],
)
def test_ranges(nlp_fast, text, lo, hi):
    cs = claims(nlp_fast, text)
    assert len(cs) == 1 and cs[0].value == lo and cs[0].value_max == hi and cs[0].change is None


def test_parallel_bare_number_shares_the_unit(nlp_fast):
    c = one(nlp_fast, "Japan's Nikkei rose by 3 percent but the Kospi slid by 2.", "2")
    assert (c.value, c.unit) == (2.0, "percent")
    c = one(nlp_fast, "The TA-35 finished at 1,812.40 points, while the TA-90 finished at 1,655.09.", "1,655.09")
    assert c.unit == "point"
    # its own counted noun wins; a number with no parallel stays a count
    assert one(nlp_fast, "He earned 500 dollars and 4 bonuses.", "4").unit == "count"
    assert one(nlp_fast, "The index rose 2 percent on a day when 40 stocks fell.", "40").unit == "count"


def test_units_shared_across_a_pair(nlp_fast):
    assert [c.unit for c in claims(nlp_fast, "Buyers can pick a 13- or 15-inch laptop.")] == ["inch", "inch"]
    assert [c.unit for c in claims(nlp_fast, "A coffee there costs about 4 or $5.")] == ["USD", "USD"]
    cs = claims(nlp_fast, "The benchmark gained 37.5 points to 7,912.40.")
    assert [(c.value, c.unit) for c in cs] == [(37.5, "point"), (7912.4, "point")]
    cs = claims(nlp_fast, "Fuel economy improved from about 22-26 mpg to 31 for sedans.")
    assert [c.unit for c in cs] == ["mpg", "mpg"]
    c = one(nlp_fast, "Drivers often work 45 to 55 hours a week.", "45")
    assert (c.value, c.value_max, c.unit) == (45.0, 55.0, "hour/week")
    c = one(nlp_fast, "Sales fell from 50,000 units to 12,000 last year.", "50,000")
    assert (c.concept, c.change.from_value, c.change.to_value) == ("units", 50000.0, 12000.0)


def test_from_to_pair_stays_in_its_clause(nlp_fast):
    cs = claims(nlp_fast, "Turnover fell to 1,200 lots from 1,500 lots last week, while open positions slipped "
                          "to 900 contracts from 950 contracts.")
    assert [(c.change.from_value, c.change.to_value) for c in cs] == [(1500.0, 1200.0), (950.0, 900.0)]
    assert all("while" not in c.text for c in cs)
    c = one(nlp_fast, "Prices fell to $1,100 a tonne from $1,400.", "1,100")
    assert (c.unit, c.change.direction, c.change.from_value) == ("USD/tonne", "down", 1400.0)


# -- join rules, on hand-built tokens --------------------------------------------------------------
# Each row: hand-built words and the claims left after joining, as (text, value, value_max,
# change direction); without the rule under test the numbers stay apart.

JOIN_ROWS = [
    param("Output went from 50 tonnes last year to 60 tonnes", {},
          [("50 tonnes last year to 60 tonnes", 50.0, 60.0, None)], id="from_to"),
    param("Turnover fell to 1,100 lots from 1,400 lots", {"tags": "NN VBD TO CD NNS IN CD NNS"},
          [("1,100 lots from 1,400", 1100.0, None, "down")], id="to_from"),
    param("The derby finished 3·-·2", {}, [], id="score"),
    param("The car can drive 252 to 287 miles", {}, [("252 to 287 miles", 252.0, 287.0, None)], id="range"),
]


@pytest.mark.parametrize("text,kwargs,expected", JOIN_ROWS)
def test_join_rules(text, kwargs, expected):
    doc = handmade(text, **kwargs)
    got = ClaimExtractor(include_ages=False)(doc)._.claims
    assert [(c.text, c.value, c.value_max, c.change.direction if c.change else None) for c in got] == expected


def test_every_join_has_a_row():
    assert [p.id for p in JOIN_ROWS] == JOINS.names()
