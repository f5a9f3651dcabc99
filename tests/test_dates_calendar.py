"""Tests for :mod:`newsfacts.components.dates.calendar`: TIMEX3 date arithmetic and resolution
of underspecified dates against a DCT (tables: inputs, DCT, tense -> value). No spaCy."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest import param

from newsfacts.components.dates.calendar import (add_to_date, dct_value, duration_value, easter, fmt_num,
                                                 holiday_date, iso_week, nth_weekday, resolve_month,
                                                 resolve_month_day, resolve_season, resolve_weekday,
                                                 shift_value, truncate, unit_of, unknown_like)
from newsfacts.components.dates.timex import Context
from newsfacts.lexicon.en.calendar import HOLIDAYS

PUB = dt.date(2020, 5, 10)  # a Sunday


def ctx(dct=PUB, tense=None, precision="day"):
    return Context(dct=dct, dct_precision=precision if dct else None, tense=tense, future=tense == "future")


@pytest.mark.parametrize("n,unit,value", [
    (21, "month", "P21M"), (2, "hour", "PT2H"), (30, "minute", "PT30M"), (1, "decade", "P10Y"),
    (1, "century", "P100Y"), (None, "decade", "PXDE"), (None, "century", "PXCE"), (None, "year", "PXY"),
    (2.5, "year", "P2.5Y"), (1, "fortnight", "P2W"), (1, "weekend", "P2D"), (1, "quarter", "P1Q"),
])
def test_duration_value(n, unit, value):
    assert duration_value(n, unit) == value


def test_small_helpers():
    assert (fmt_num(3.0), fmt_num(2.5)) == ("3", "2.5")
    assert (unit_of("Months"), unit_of("centuries"), unit_of("year")) == ("month", "century", "year")
    assert (iso_week(dt.date(2020, 1, 1)), iso_week(dt.date(2021, 1, 1))) == ("2020-W01", "2020-W53")


@pytest.mark.parametrize("value,n,unit,shifted", [
    ("1989-Q3", -1, "year", "1988-Q3"),
    ("2019-Q1", -1, "quarter", "2018-Q4"),
    ("2019-Q3", 1, "month", None),
    ("2019-03-15", 1, "month", "2019-04"),
    ("2019-03-15", -1, "day", "2019-03-14"),
    ("2019-03", -1, "year", "2018-03"),
    ("2019-03", 1, "quarter", "2019-06"),
    ("2019-03", 1, "week", None),
    ("2019", 5, "year", "2024"),
    ("2019", 1, "decade", "2029"),
    ("2019-H1", -1, "year", "2018-H1"),
    ("2019-SU", 1, "year", "2020-SU"),
    ("2019", 1, "month", None),
    ("PRESENT_REF", 1, "year", None),
])
def test_shift_value(value, n, unit, shifted):
    assert shift_value(value, n, unit) == shifted


@pytest.mark.parametrize("n,unit,value", [
    (-1, "day", "2020-05-09"), (1, "week", "2020-W20"), (0, "weekend", "2020-W19-WE"),
    (1, "fortnight", "2020-W21"), (-5, "month", "2019-12"), (-1, "quarter", "2020-Q1"),
    (0, "year", "2020"), (-1, "decade", "201"), (0, "century", "20"), (0, "hour", "2020-05-10"),
    (1, "season", None),
])
def test_add_to_date(n, unit, value):
    assert add_to_date(PUB, n, unit, unit) == value


@pytest.mark.parametrize("unit,value", [
    ("day", "XXXX-XX-XX"), ("week", "XXXX-WXX"), ("weekend", "XXXX-WXX-WE"), ("month", "XXXX-XX"),
    ("quarter", "XXXX-QX"), ("year", "XXXX"), ("decade", "XXX"), ("century", "XX"), ("hour", "XXXX-XX-XX"),
])
def test_unknown_like(unit, value):
    assert unknown_like(unit) == value


@pytest.mark.parametrize("context,unit,n,value,source", [
    (ctx(dct=None), "day", 0, "XXXX-XX-XX", "none"),
    (ctx(dct=None), "year", -1, "XXXX", "none"),
    (ctx(precision="year"), "day", -1, "2020-XX-XX", "dct"),
    (ctx(precision="year"), "month", 0, "2020-XX", "dct"),
    (ctx(precision="year"), "week", 1, "2020-WXX", "dct"),
    (ctx(precision="year"), "year", -1, "2019", "dct"),
    (ctx(), "month", -1, "2020-04", "dct"),
    (ctx(), "second", 0, "2020-05-10", "dct"),
])
def test_dct_value(context, unit, n, value, source):
    assert dct_value(context, unit, n) == (value, source)


@pytest.mark.parametrize("value,unit,cut", [
    ("1998-08-07", "year", "1998"), ("1998-08-07", "month", "1998-08"), ("1998-08-07", "week", "1998-W32"),
    ("1998-08-07", "weekend", "1998-W32-WE"), ("1998-08-07", "day", "1998-08-07"), ("1998", "month", None),
    ("1998-Q3", "month", None), ("PAST_REF", "year", None),
])
def test_truncate(value, unit, cut):
    assert truncate(value, unit) == cut


# ---- resolution against the DCT: (arguments, DCT context) -> value --------------------------


@pytest.mark.parametrize("month,day,context,value", [
    param(5, 12, ctx(tense="past"), "2019-05-12", id="past: not after the DCT"),
    param(5, 11, ctx(tense="past"), "2020-05-11", id="past: one day of slack"),
    param(5, 9, ctx(tense="past"), "2020-05-09", id="past: before the DCT"),
    param(2, 3, ctx(tense="future"), "2021-02-03", id="future: not before the DCT"),
    param(5, 9, ctx(tense="future"), "2020-05-09", id="future: one day of slack"),
    param(12, 15, ctx(dct=dt.date(2020, 11, 20), tense="present"), "2020-12-15", id="present: nearest, ahead"),
    param(1, 5, ctx(dct=dt.date(2020, 11, 20), tense="present"), "2021-01-05", id="present: nearest, next year"),
    param(11, 1, ctx(dct=dt.date(2020, 2, 10)), "2019-11-01", id="no verb: nearest, last year"),
    param(12, 31, ctx(dct=dt.date(2020, 1, 1), precision="year", tense="past"), "2020-12-31", id="inferred DCT: its year"),
    param(5, 9, ctx(dct=None), "XXXX-05-09", id="no DCT"),
    param(2, 29, ctx(dct=dt.date(2021, 3, 1), tense="past"), "2021-02-XX", id="no such day"),
])
def test_resolve_month_day(month, day, context, value):
    assert resolve_month_day(month, day, context)[0] == value


@pytest.mark.parametrize("month,rel,context,value", [
    (3, "", ctx(tense="past"), "2020-03"), (6, "", ctx(tense="past"), "2019-06"),
    (6, "", ctx(tense="future"), "2020-06"), (3, "", ctx(tense="future"), "2021-03"),
    (9, "last", ctx(), "2019-09"), (4, "last", ctx(), "2020-04"), (1, "next", ctx(), "2021-01"),
    (5, "this", ctx(), "2020-05"), (12, "", ctx(), "2019-12"), (11, "", ctx(), "2020-11"),
    (1, "", ctx(dct=dt.date(2020, 11, 20)), "2021-01"), (9, "", ctx(precision="year"), "2020-09"),
    (3, "", ctx(dct=None), "XXXX-03"),
])
def test_resolve_month(month, rel, context, value):
    assert resolve_month(month, context, rel)[0] == value


@pytest.mark.parametrize("wd,rel,context,value", [
    (5, "", ctx(tense="past"), "2020-05-08"), (7, "", ctx(), "2020-05-10"), (1, "", ctx(tense="future"), "2020-05-11"),
    (7, "", ctx(tense="future"), "2020-05-10"), (7, "last", ctx(), "2020-05-03"), (7, "next", ctx(), "2020-05-17"),
    (1, "coming", ctx(), "2020-05-11"), (5, "", ctx(precision="year"), "2020-WXX-5"), (5, "", ctx(dct=None), "XXXX-WXX-5"),
])
def test_resolve_weekday(wd, rel, context, value):
    assert resolve_weekday(wd, context, rel)[0] == value


@pytest.mark.parametrize("season,rel,context,value", [
    ("WI", "", ctx(), "2020-WI"), ("SU", "", ctx(), "2019-SU"), ("SU", "", ctx(tense="future"), "2020-SU"),
    ("SP", "last", ctx(), "2019-SP"), ("SP", "next", ctx(), "2021-SP"), ("FA", "this", ctx(), "2020-FA"),
    ("SU", "", ctx(precision="year"), "2020-SU"), ("SU", "", ctx(dct=None), "XXXX-SU"),
])
def test_resolve_season(season, rel, context, value):
    assert resolve_season(season, context, rel)[0] == value


# ---- holidays ----------------------------------------------------------------------------


@pytest.mark.parametrize("year,date", [
    (1961, "1961-04-02"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
    (2019, "2019-04-21"), (2020, "2020-04-12"), (2021, "2021-04-04"), (2024, "2024-03-31"),
    (2038, "2038-04-25"), (2285, "2285-03-22"),
])
def test_easter(year, date):
    assert easter(year).isoformat() == date


@pytest.mark.parametrize("args,date", [
    ((2020, 11, 4, 4), "2020-11-26"), ((2020, 5, 1, -1), "2020-05-25"), ((2020, 9, 1, 1), "2020-09-07"),
    ((2021, 2, 7, -1), "2021-02-28"), ((2020, 2, 6, 1), "2020-02-01"),
])
def test_nth_weekday(args, date):
    assert nth_weekday(*args).isoformat() == date


HOLIDAYS_2020 = {
    "christmas eve": "2020-12-24", "christmas day": "2020-12-25", "christmas": "2020-12-25",
    "new year's eve": "2020-12-31", "new year's day": "2020-01-01", "independence day": "2020-07-04",
    "halloween": "2020-10-31", "valentine's day": "2020-02-14", "thanksgiving day": "2020-11-26",
    "thanksgiving": "2020-11-26", "labor day": "2020-09-07", "memorial day": "2020-05-25",
    "easter sunday": "2020-04-12", "easter": "2020-04-12", "good friday": "2020-04-10",
}


@pytest.mark.parametrize("name", sorted(HOLIDAYS))
def test_holiday_date(name):
    assert holiday_date(name, 2020).isoformat() == HOLIDAYS_2020[name]


def test_unknown_holiday():
    with pytest.raises(KeyError):
        holiday_date("boxing day", 2020)
