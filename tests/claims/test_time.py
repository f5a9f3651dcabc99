"""Tests of a claim's date and time (newsfacts.components.claims.time).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import datetime as dt

from newsfacts.facts import DateMention
from tests.claims.helpers import one
from tests.conftest import run


def test_date_index_same_sentence(nlp_fast):
    """The claim points at the sentence's date, skipping the comparison baseline."""
    text = "As of March 31, 2020, there were 139 institutions, a decrease of 86% from the beginning of 2019."
    doc = run(nlp_fast, text)
    # inject date mentions so the test does not depend on the dates stage
    doc._.dates = [
        DateMention(start=6, end=20, text="March 31, 2020", type="DATE", value="2020-03-31"),
        DateMention(start=text.index("the beginning"), end=len(text) - 1, text="the beginning of 2019",
                    type="DATE", value="2019", mod="START"),
    ]
    doc = nlp_fast.get_pipe("newsfacts_claims")(doc)
    by_value = {c.value: c for c in doc._.claims}
    assert by_value[139].date_index == 0
    assert by_value[86].date_index == 0


def test_no_date_gives_none(nlp_fast):
    c = one(nlp_fast, "The plant employs 300 workers.", "300")
    assert c.date_index is None
    assert c.time is None  # no date in the sentence, no publication date


def test_claim_time_is_decided_by_the_component(nlp_fast):
    """time: the sentence's date, else the publication date (its year when only that is known)."""
    text = "In 2019 the plant employed 300 workers. The firm employs 120 workers."
    doc = run(nlp_fast, text, published=dt.date(2020, 5, 9))
    assert [(c.value, c.time) for c in doc._.claims] == [(300, "2019"), (120, "2020-05-09")]
    doc._.published_precision = "year"  # an inferred publication date fixes only the year
    doc = nlp_fast.get_pipe("newsfacts_claims")(doc)
    assert [c.time for c in doc._.claims] == ["2019", "2020"]
