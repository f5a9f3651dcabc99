"""Tests for :mod:`newsfacts.components.dates.publication`: the publication date (DCT) inferred
from the text (a dateline's full date, else the year of the latest full date). No spaCy;
sentences are hand-written."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from newsfacts.components.dates.publication import dateline_date, infer_publication
from newsfacts.components.dates.rules import find_timexes


def dateline(text, **kw):
    return dateline_date(text, find_timexes(text), **kw)


@pytest.mark.parametrize("text,date", [
    param("BEIJING, May 10, 2020 (Xinhua) -- The bank said loans rose.", dt.date(2020, 5, 10), id="agency and dash"),
    param("LONDON, 3 March 2019 - Shares fell.", dt.date(2019, 3, 3), id="day-month-year"),
    param("2021-07-01: The rules took effect.", dt.date(2021, 7, 1), id="ISO and colon"),
    param("PARIS, Tuesday, June 2, 2020 \u2014 Talks resumed.", dt.date(2020, 6, 2), id="weekday date, em dash"),
    param("The company said that on May 10, 2020 its profit doubled.", None, id="no dash: not a dateline"),
    param("5/10/2020 -- Shares fell.", None, id="numeric dates are too ambiguous"),
    param("PARIS, June 2020 -- Talks resumed.", None, id="no full date"),
    param("x" * 160 + " May 10, 2020 -- Shares fell.", None, id="beyond the window"),
])
def test_dateline_date(text, date):
    assert dateline(text) == date


def test_dateline_window():
    text = "x" * 160 + " May 10, 2020 -- Shares fell."
    assert dateline(text, window=200) == dt.date(2020, 5, 10)


@pytest.mark.parametrize("text,year", [
    param("The deadline was June 30, 2018. As of March 31, 2020, 139 remained.", 2020, id="the latest full date"),
    param("As of 3/31/2021 and on 2019-06-01, it grew.", 2021, id="numeric and ISO dates count"),
    param("On Friday, January 3, 2020 it fell.", 2020, id="weekday date"),
    param("In May 2019 and in 2021 it grew.", None, id="no full date"),
    param("On May 9 it fell.", None, id="no year"),
])
def test_infer_publication(text, year):
    assert infer_publication(find_timexes(text)) == year
