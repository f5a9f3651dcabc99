"""Tests of newsfacts.numbers and of the numeric-claims stage on the seed article in corpus/.

The tests of the claims stage's modules are in tests/claims/ (one file per module of
newsfacts.components.claims).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.numbers import parse_number_words, parse_numeral
from tests.conftest import run


# -- numbers.py --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [("1,000", 1000), ("27,349.19", 27349.19), ("1.000.000", 1e6), ("2.5", 2.5), ("1.000,50", 1000.5),
     ("12,34,567.89", 1234567.89), ("1,5", 1.5), ("300.000", 300.0)],
)
def test_parse_numeral(text, value):
    assert parse_numeral(text) == pytest.approx(value)


def test_parse_numeral_dot_thousands_and_garbage():
    assert parse_numeral("300.000", dot_thousands=True) == 300000
    assert parse_numeral("3.2.1") is None


@pytest.mark.parametrize(
    "words,value",
    [(["one"], 1), (["twenty", "-", "six"], 26), (["two", "million"], 2e6), (["a", "dozen"], 12),
     (["two", "hundred", "and", "five"], 205), (["four", "thousand", "five", "hundred"], 4500),
     (["half", "million"], 5e5)],
)
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


def test_parse_number_words_rejects_non_numbers():
    assert parse_number_words(["the"]) is None
    assert parse_number_words(["a", "few"]) is None


# -- seed article ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_claims(nlp_fast, seed_text):
    return run(nlp_fast, seed_text)._.claims


def _find(cs, text):
    return [c for c in cs if c.text == text]


def test_seed_required_claims(seed_claims):
    def single(text):
        found = _find(seed_claims, text)
        assert found, f"no claim {text!r}: {[c.text for c in seed_claims]}"
        return found[-1]

    c = single("50 at the beginning of the year to 1")
    assert (c.value, c.unit) == (1, "count")
    assert (c.change.direction, c.change.from_value, c.change.to_value) == ("down", 50, 1)
    c = _find(seed_claims, "one")[0]  # title: "dropped to one"
    assert c.change.direction == "down" and c.change.to_value == 1 and c.unit == "count"
    c = single("About 1,000")
    assert (c.value, c.unit, c.approx, c.concept) == (1000, "count", "about", "complaints")
    c = single("more than 600")
    assert (c.value, c.unit, c.approx) == (600, "count", "more_than")
    c = single("more than 1 million yuan")
    assert (c.value, c.unit, c.approx) == (1e6, "CNY", "more_than")
    c = single("139")
    assert (c.value, c.unit, c.concept) == (139, "count", "online lending institutions")
    for pct in (86, 75, 80, 62):
        c = single(f"{pct}%")
        assert c.unit == "percent" and c.change.direction == "down" and c.change.relative == pct
    assert single("75%").concept == "balance of loans"
    assert single("80%").concept == "lenders"
    assert single("62%").concept == "borrowers"
    c = single("nearly 5,000")
    assert (c.value, c.unit, c.approx, c.concept) == (5000, "count", "nearly", "institutions")


def test_seed_dates_attach(seed_claims, nlp_fast, seed_text):
    doc = run(nlp_fast, seed_text)
    if not doc._.dates:
        pytest.skip("dates stage returns no mentions")
    c = _find(doc._.claims, "139")[0]
    assert c.date_index is not None and doc._.dates[c.date_index].text == "March 31, 2020"


def test_seed_forbidden(seed_claims, seed_text):
    import re

    for token in ("12345", "70th", "19th", "Figure 1", "2019", "2020", "2018"):
        number = re.search(r"\d+", token).group()
        for c in seed_claims:
            window = seed_text[max(0, c.start - 10):c.end + 3]
            assert not (token in window and re.search(rf"(?<![\d,.]){number}(?![\d,.])", c.text)), c.text


def test_published_date_does_not_matter(nlp_fast):
    cs = run(nlp_fast, "The firm hired 40 engineers.", dt.date(2020, 5, 9))._.claims
    assert [(c.value, c.unit) for c in cs] == [(40, "count")]
