"""Tests of the CQE adapter (newsfacts.eval.cqe: claims mapped to NewsQuant tags).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

from newsfacts.eval.cqe import NEWSQUANT_UNIT_NAMES, to_cqe
from tests.conftest import run


def _cqe(nlp, text, include_ages=False):
    pipe = nlp.get_pipe("newsfacts_claims")
    old, pipe.include_ages = pipe.include_ages, include_ages
    try:
        doc = run(nlp, text)
    finally:
        pipe.include_ages = old
    return [t for c in doc._.claims for t in to_cqe(doc, c, NEWSQUANT_UNIT_NAMES)]


def test_cqe_adapter_units_change_and_concepts(nlp_fast):
    t = _cqe(nlp_fast, "The gauge was up about 14 per cent on the month.")[0]
    assert t["change"] == "~"  # a bound/approximation wins over the direction (one CQE tag)
    t = _cqe(nlp_fast, "Millions of Americans were affected.")[0]
    assert t["change"] == "="  # vague plurals: the vagueness is in the range
    t = _cqe(nlp_fast, "Horsepower jumped from 255 to 290 this year.")[0]
    assert (t["value"], t["change"]) == ((255.0, 290.0), "=")  # a pair is written as a range
    t = _cqe(nlp_fast, "Sales fell 5 percent last year.")[0]
    assert t["change"] == "down"
    t = _cqe(nlp_fast, "The car reaches 140 km/h.")[0]
    assert t["normalized_unit"] == "kilometre per hour"
    t = _cqe(nlp_fast, "Shares closed at 118.5p.")[0]
    assert t["normalized_unit"] == "point"  # NewsQuant's name for pence in share prices
    t = _cqe(nlp_fast, "Ana Ruiz has netted 17 goals this season.")[0]
    assert (t["normalized_unit"], t["referred_concepts"]) == ("goal", ["Ana", "Ruiz"])
    t = _cqe(nlp_fast, "Four new seasons of Fawlty Towers will come to the platform.")[0]
    assert (t["normalized_unit"], t["referred_concepts"]) == ("new season", ["Fawlty", "Towers"])
    t = _cqe(nlp_fast, "The two parties have been talking.")[0]
    assert t["referred_concepts"] == ["-"]


def test_cqe_adapter_ages(nlp_fast):
    tags = _cqe(nlp_fast, "Marek Novak, a 43 year-old man from Slovakia, admitted the charges.", include_ages=True)
    assert [(t["value"], t["normalized_unit"]) for t in tags] == [(43.0, "year of age")]


def test_cqe_adapter_fraction_unit(nlp_fast):
    t = _cqe(nlp_fast, "A third of the British population lives in the South East.")[0]
    assert t["normalized_unit"] == "% british population"
