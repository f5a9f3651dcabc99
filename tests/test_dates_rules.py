"""Tests for :mod:`newsfacts.components.dates.rules`: every ``@pattern`` rule read directly,
without spaCy (find_timexes + normalise_match + trim_span against a hand-set Context).

Each row of ``READINGS`` is (text, DCT, tense, context) -> (span, type, value, mod) and names the
rule it pins; ``test_every_rule_has_a_reading`` makes a new rule without a row fail. Removing any
one rule makes at least one of its rows fail (checked by removing each rule once).
Sentences are hand-written.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Optional

import pytest
from pytest import param

from newsfacts.components.dates.rules import (MONTH, RULES, SpanSet, apply_left_modifier, find_timexes,
                                              left_modifier, normalise_match, trim_span)
from newsfacts.components.dates.timex import Check, Context, Timex
from newsfacts.lexicon.en.calendar import HOLIDAYS, MONTHS

PUB = dt.date(2020, 5, 10)  # a Sunday


def readings(text: str, dct: Optional[dt.date] = PUB, tense: Optional[str] = None, ref: Optional[str] = None,
             last_year: Optional[int] = None, precision: str = "day") -> list[tuple[str, Timex]]:
    """(span text, reading) of every candidate a rule reads, in text order (no parse: no checks)."""
    ctx = Context(dct=dct, dct_precision=precision if dct else None, ref=ref, last_year=last_year,
                  tense=tense, future=tense == "future")
    out = []
    for cand in find_timexes(text):
        timex = normalise_match(cand, ctx)
        if timex is not None:
            s, e = trim_span(text, cand.start, cand.end, timex)
            out.append((text[s:e], timex))
    return out


def reading(text: str, span: str, **kw) -> Timex:
    got = [t for s, t in readings(text, **kw) if s == span]
    assert got, f"{span!r} not read in {text!r}: {[(s, t.value) for s, t in readings(text, **kw)]}"
    return got[0]


D = dict  # context of a row


# rule, text, context, span, type, value, mod
READINGS = [
    # ---- absolute dates
    param("weekday_date", "It opened on Friday, May 8, 2020 in Paris.", D(), "Friday, May 8, 2020", "DATE", "2020-05-08", None),
    param("weekday_date", "It opened on Friday, May 8 in Paris.", D(tense="past"), "Friday, May 8", "DATE", "2020-05-08", None),
    param("weekday_date", "It opens on Tuesday, the 12th of May.", D(tense="future"), "Tuesday, the 12th of May", "DATE", "2020-05-12", None),
    param("mdy", "The law passed on March 31, 2020, they said.", D(), "March 31, 2020", "DATE", "2020-03-31", None),
    param("mdy", "It was founded Sept. 5 '98 in Ohio.", D(), "Sept. 5 '98", "DATE", "1998-09-05", None),
    param("dmy", "It took effect on 1 April 2020 here.", D(), "1 April 2020", "DATE", "2020-04-01", None),
    param("dmy", "It took effect on the 5th of May, 2019.", D(), "5th of May, 2019", "DATE", "2019-05-05", None),
    param("iso_date", "Filed 2020-03-31 by the bank.", D(), "2020-03-31", "DATE", "2020-03-31", None),
    param("iso_date", "Filed 2020-03-31T14:30 by the bank.", D(), "2020-03-31T14:30", "TIME", "2020-03-31T14:30", None),
    param("slash_date", "Filed 3/31/2020 by the bank.", D(), "3/31/2020", "DATE", "2020-03-31", None),
    param("slash_date", "Filed 12/25/98 by the bank.", D(), "12/25/98", "DATE", "1998-12-25", None),
    param("cjk_date", "The rules took effect on 2020年5月10日.", D(), "2020年5月10日", "DATE", "2020-05-10", None),
    param("cjk_date", "Exports rose in 2019年12月.", D(), "2019年12月", "DATE", "2019-12", None),
    param("cjk_date", "The fair opens on 5月12日.", D(tense="future"), "5月12日", "DATE", "2020-05-12", None),
    param("cjk_date", "The fair opened on 5月9号.", D(tense="past"), "5月9号", "DATE", "2020-05-09", None),
    param("md", "On May 9, the bureau published the list.", D(tense="past"), "May 9", "DATE", "2020-05-09", None),
    param("md", "On May 12, it was revised.", D(tense="past"), "May 12", "DATE", "2019-05-12", None),
    param("md", "The summit will be held on February 3.", D(tense="future"), "February 3", "DATE", "2021-02-03", None),
    param("md", "The offer expires Dec. 15.", D(dct=dt.date(2020, 11, 20), tense="present"), "Dec. 15", "DATE", "2020-12-15", None),
    param("md", "The offer expires Dec. 15.", D(dct=None), "Dec. 15", "DATE", "XXXX-12-15", None),
    param("md", "The bureau met on Jan. 9.", D(precision="year", dct=dt.date(2020, 1, 1), tense="past"), "Jan. 9", "DATE", "2020-01-09", None),
    param("dm", "It was signed on 12 June.", D(tense="past"), "12 June", "DATE", "2019-06-12", None),
    param("dm", "It is signed on 12 June.", D(tense="present"), "12 June", "DATE", "2020-06-12", None),
    param("dm", "It was signed on the 3rd of March.", D(tense="past"), "3rd of March", "DATE", "2020-03-03", None),
    param("month_year", "Sales peaked in May 2019.", D(), "May 2019", "DATE", "2019-05", None),
    param("month_year", "Sales peaked in June of 2018.", D(), "June of 2018", "DATE", "2018-06", None),
    param("month_range", "From January to April, exports fell.", D(), "January to April", "DATE", "2020-01/2020-04", None),
    param("month_range", "From November to February, exports fell.", D(), "November to February", "DATE", "2019-11/2020-02", None),
    param("month_range", "Exports fell from January through March 2019.", D(), "January through March 2019", "DATE", "2019-01/2019-03", None),
    param("day_range_dm", "The summit ran on 22-23 September 2019 in Athens.", D(), "22-23 September 2019", "DATE", "2019-09-22/2019-09-23", None),
    param("day_range_dm", "The fair runs from 4 to 6 June.", D(tense="present"), "4 to 6 June", "DATE", "2020-06-04/2020-06-06", None),
    param("day_range_md", "The summit ran on September 22–23, 2019 in Athens.", D(), "September 22–23, 2019", "DATE", "2019-09-22/2019-09-23", None),
    param("day_range_md", "The fair ran on April 4-6 downtown.", D(tense="past"), "April 4-6", "DATE", "2020-04-04/2020-04-06", None),
    param("month_number_range", "In 1-4 months, retail sales fell 12%.", D(), "1-4 months", "DATE", "2020-01/2020-04", None),
    param("month_number_range", "From 3-7 months, sales fell.", D(), "3-7 months", "DATE", "2019-03/2019-07", None),
    param("month", "Prices rose in March.", D(tense="past"), "March", "DATE", "2020-03", None),
    param("month", "Prices rose in June.", D(tense="past"), "June", "DATE", "2019-06", None),
    param("month", "Prices will rise in June.", D(tense="future"), "June", "DATE", "2020-06", None),
    param("month", "Prices rose last September.", D(), "last September", "DATE", "2019-09", None),
    param("month", "Prices rise next January.", D(), "next January", "DATE", "2021-01", None),
    param("year", "The plant was built in 2015.", D(), "2015", "DATE", "2015", None),
    param("year", "Revenue for 2012-13 rose.", D(), "2012-13", "DATE", "2012/2013", None),
    param("year", "Revenue for fiscal 2019 rose.", D(), "fiscal 2019", "DATE", "2019", None),
    param("year", "He ruled from 1990-1995 in the north.", D(), "1990-1995", "DATE", "1990", None),
    param("apos_year", "Revenue for fiscal '98 rose.", D(), "fiscal '98", "DATE", "1998", None),
    param("apos_year", "Revenue for FY'21 rose.", D(), "FY'21", "DATE", "2021", None),
    param("decade", "The town grew in the 1990s.", D(), "the 1990s", "DATE", "199", None),
    param("decade", "The town grew in the '80s.", D(), "the '80s", "DATE", "198", None),
    param("decade", "The town grew in the late nineties.", D(), "the late nineties", "DATE", "199", "END"),
    param("decade", "The town grew in the early 2000s.", D(), "the early 2000s", "DATE", "200", "START"),
    param("century", "The town grew in the 19th century.", D(), "the 19th century", "DATE", "18", None),
    param("century", "The town grew in the early 20th century.", D(), "the early 20th century", "DATE", "19", "START"),
    param("quarter", "Profit in the first quarter of 2019 doubled.", D(), "the first quarter of 2019", "DATE", "2019-Q1", None),
    param("quarter", "Net income rose in the third quarter.", D(dct=dt.date(2019, 10, 25), tense="past"), "the third quarter", "DATE", "2019-Q3", None),
    param("quarter", "Net income rose in the fourth quarter.", D(tense="past"), "the fourth quarter", "DATE", "2019-Q4", None),
    param("quarter", "It compares with the year-ago quarter.", D(dct=dt.date(2019, 10, 25), ref="2019-Q3"), "the year-ago quarter", "DATE", "2018-Q3", None),
    param("quarter", "Sales rose in the latest quarter.", D(), "the latest quarter", "DATE", "2020-Q1", None),
    param("quarter", "Sales rose in 2019's second quarter.", D(), "2019's second quarter", "DATE", "2019-Q2", None),
    param("quarter", "Sales rose in the final quarter of 2019.", D(), "the final quarter of 2019", "DATE", "2019-Q4", None),
    param("q_short", "Q3 2018 was weak.", D(), "Q3 2018", "DATE", "2018-Q3", None),
    param("q_short", "Sales in Q2 were weak.", D(), "Q2", "DATE", "2020-Q2", None),
    param("q_short", "Sales in 2019Q4 were weak.", D(), "2019Q4", "DATE", "2019-Q4", None),
    param("half", "Growth slowed in the first half of 2019.", D(), "the first half of 2019", "DATE", "2019-H1", None),
    param("half", "Growth slowed in the second half of last year.", D(), "the second half of last year", "DATE", "2019-H2", None),
    param("half", "Growth slows in the second half.", D(), "the second half", "DATE", "2020-H2", None),
    param("season", "The bridge opened in the summer of 2018.", D(), "the summer of 2018", "DATE", "2018-SU", None),
    param("season", "It was repaired last winter.", D(), "last winter", "DATE", "2020-WI", None),
    param("season", "It opens next spring.", D(), "next spring", "DATE", "2021-SP", None),
    param("season", "It opened in early summer.", D(tense="past"), "early summer", "DATE", "2019-SU", "START"),
    # ---- weekdays, days, parts of day, clock times
    param("weekday", "The minister resigned on Friday.", D(tense="past"), "Friday", "DATE", "2020-05-08", None),
    param("weekday", "The minister resigned on Sunday.", D(tense="past"), "Sunday", "DATE", "2020-05-10", None),
    param("weekday", "The minister will resign on Monday.", D(tense="future"), "Monday", "DATE", "2020-05-11", None),
    param("weekday", "The minister resigns next Monday.", D(), "next Monday", "DATE", "2020-05-11", None),
    param("weekday", "The minister resigned Friday morning.", D(tense="past"), "Friday morning", "DATE", "2020-05-08TMO", None),
    param("weekday", "The minister resigned on Friday.", D(dct=None), "Friday", "DATE", "XXXX-WXX-5", None),
    param("dayword", "Shares fell yesterday.", D(), "yesterday", "DATE", "2020-05-09", None),
    param("dayword", "Shares fall today.", D(dct=None), "today", "DATE", "XXXX-XX-XX", None),
    param("dayword", "Shares fell today.", D(dct=dt.date(2020, 1, 1), precision="year"), "today", "DATE", "2020-XX-XX", None),
    param("dayword", "The vote is tonight.", D(), "tonight", "TIME", "2020-05-10TNI", None),
    param("dayword", "The vote is tomorrow morning.", D(), "tomorrow morning", "TIME", "2020-05-11TMO", None),
    param("this_part", "The vote was this morning.", D(), "this morning", "TIME", "2020-05-10TMO", None),
    param("this_part", "The vote was last night.", D(), "last night", "TIME", "2020-05-09TNI", None),
    param("clock", "The market closed at 3:30 p.m. after a sell-off.", D(), "3:30 p.m.", "TIME", "2020-05-10T15:30", None),
    param("clock", "The vote is at 9 a.m. Friday.", D(tense="past"), "9 a.m. Friday", "TIME", "2020-05-08T09:00", None),
    param("clock", "The vote is at 10 pm tomorrow.", D(), "10 pm tomorrow", "TIME", "2020-05-11T22:00", None),
    param("clock24", "The vote ended at 14:30 GMT on the day.", D(), "14:30 GMT", "TIME", "2020-05-10T14:30", None),
    param("clock24", "The vote ended at 14:30 on the day.", D(), "14:30", "TIME", "2020-05-10T14:30", None),
    param("noon", "The vote ended at noon Friday.", D(tense="past"), "noon Friday", "TIME", "2020-05-08T12:00", None),
    param("noon", "The vote ended at midnight.", D(), "midnight", "TIME", "2020-05-10T24:00", None),
    # ---- relative units
    param("rel_unit", "Profit fell last year.", D(), "last year", "DATE", "2019", None),
    param("rel_unit", "Profit rose this month.", D(), "this month", "DATE", "2020-05", None),
    param("rel_unit", "Profit rises next week.", D(), "next week", "DATE", "2020-W20", None),
    param("rel_unit", "Profit rose over the past year.", D(), "the past year", "DURATION", "P1Y", None),
    param("rel_unit", "A crash happened the previous year.", D(dct=dt.date(2009, 6, 4)), "the previous year", "DATE", "2008", None),
    param("rel_unit", "The fair took place this past weekend.", D(dct=dt.date(2009, 6, 4)), "this past weekend", "DATE", "2009-W22-WE", None),
    param("rel_unit", "It was built the following month.", D(ref="2019-03"), "the following month", "DATE", "2019-04", None),
    param("rel_unit", "It was built that year.", D(ref="2018-03-02"), "that year", "DATE", "2018", None),
    param("year_in_context", "Prices were stable at the beginning of the year.", D(last_year=2019), "the beginning of the year", "DATE", "2019", "START"),
    param("year_in_context", "Prices were stable at the end of the year.", D(), "the end of the year", "DATE", "2020", "END"),
    param("year_in_context", "Prices were stable throughout the month.", D(), "throughout the month", "DATE", "2020-05", None),
    param("earlier_this", "Prices fell earlier this month.", D(), "earlier this month", "DATE", "2020-05", None),
    param("earlier_this", "Prices fall late this year.", D(), "late this year", "DATE", "2020", "END"),
    param("earlier_this", "Prices fell later that year.", D(ref="2018-03-02"), "later that year", "DATE", "2018", None),
    param("earlier_this", "Prices will rise later in the decade.", D(), "later in the decade", "DATE", "202", None),
    param("earlier_this", "It began early this century.", D(), "early this century", "DATE", "20", "START"),
    param("early_next", "Prices fall early next year.", D(), "early next year", "DATE", "2021", "START"),
    param("early_next", "Prices fell late last year.", D(), "late last year", "DATE", "2019", "END"),
    param("ref_words", "The company is now the largest lender.", D(), "now", "DATE", "PRESENT_REF", None),
    param("ref_words", "The company recently merged.", D(), "recently", "DATE", "PAST_REF", None),
    param("ref_words", "It happened in the past and may again.", D(), "the past", "DATE", "PAST_REF", None),
    param("ref_words", "It will grow in the near future.", D(), "the near future", "DATE", "FUTURE_REF", None),
    param("ref_words", "These days the company is larger.", D(), "These days", "DATE", "PRESENT_REF", None),
    param("set_adverb", "The paper is published daily.", D(), "daily", "SET", "P1D", None),
    param("set_adverb", "The fee is paid annually.", D(), "annually", "SET", "P1Y", None),
    param("every", "The committee meets every week.", D(), "every week", "SET", "P1W", None),
    param("every", "The committee meets each Monday.", D(), "each Monday", "SET", "XXXX-WXX-1", None),
    param("every", "The committee meets every other year.", D(), "every other year", "SET", "P2Y", None),
    param("every", "The committee meets every morning.", D(), "every morning", "SET", "TXXMO", None),
    param("every", "The committee meets every summer.", D(), "every summer", "SET", "XXXX-SU", None),
    param("every", "The committee meets each January.", D(), "each January", "SET", "XXXX-01", None),
    param("every", "Take it twice a day.", D(), "a day", "SET", "P1D", None),
    # "a decade", "a single day": read as rates; the stage's RATE check makes them durations
    param("every", "It lasted a decade.", D(), "a decade", "SET", "P10Y", None),
    param("every", "It rained for a single day.", D(), "a single day", "SET", "P1D", None),
    # ---- durations
    param("duration", "Loans declined for 21 consecutive months.", D(), "21 consecutive months", "DURATION", "P21M", None),
    param("duration", "The vote took two hours.", D(), "two hours", "DURATION", "PT2H", None),
    param("duration", "The company was founded two years ago.", D(), "two years ago", "DATE", "2018", None),
    param("duration", "It lasted three decades.", D(), "three decades", "DURATION", "P30Y", None),
    param("duration", "Three days after the attack it fell.", D(), "Three days", "DURATION", "P3D", None),
    param("duration", "It lasted two and a half years.", D(), "two and a half years", "DURATION", "P2.5Y", None),
    param("duration", "It lasted several years.", D(), "several years", "DURATION", "PXY", None),
    param("duration", "It lasted two dozen years.", D(), "two dozen years", "DURATION", "P24Y", None),
    param("duration", "It lasted half hour.", D(), "half hour", "DURATION", "PT0.5H", None),
    param("duration", "It grew over the past five years.", D(), "the past five years", "DURATION", "P5Y", None),
    param("duration", "It grew 5% from a year earlier.", D(ref="2019-Q3"), "a year earlier", "DATE", "2018-Q3", None),
    param("duration", "It closed five years later.", D(ref="2010"), "five years later", "DATE", "2015", None),
    param("duration", "It closed 24 hours ago.", D(), "24 hours", "DURATION", "PT24H", None),
    param("duration", "It closed a few weeks ago.", D(), "a few weeks ago", "DATE", "PAST_REF", None),
    param("duration", "It closed three weeks ago.", D(), "three weeks ago", "DATE", "2020-W16", None),
    param("vague_units", "They talked for years.", D(), "years", "DURATION", "PXY", None),
    param("vague_units", "It changed over the years.", D(), "the years", "DURATION", "PXY", None),
    param("vague_units", "It changed in recent decades.", D(), "recent decades", "DURATION", "PXDE", None),
    param("vague_units", "It changed over the past months.", D(), "the past months", "DURATION", "PXM", None),
    param("vague_units", "It changed for years ago.", D(), "years ago", "DATE", "PAST_REF", None),
    param("adj_relative", "It rose from the year-ago level.", D(), "year-ago", "DATE", "2019", None),
    param("adj_relative", "It rose from a month-earlier level.", D(), "month-earlier", "DATE", "2020-04", None),
    param("year_end", "Debt fell by year-end.", D(), "year-end", "DATE", "2020", "END"),
    param("year_end", "Debt fell by quarter-end.", D(), "quarter-end", "DATE", "2020-Q2", "END"),
    # ---- bare definite units, adjectives, holidays, spelled-out years
    param("the_unit", "Profit doubled in the quarter.", D(ref="2019-Q3"), "the quarter", "DATE", "2019-Q3", None),
    param("the_unit", "Profit doubled in the quarter.", D(), "the quarter", "DATE", "2020-Q1", None),
    param("the_unit", "Profit doubled in the year.", D(last_year=2018), "the year", "DATE", "2018", None),
    param("the_unit", "Profit doubled for the year ended June 30.", D(), "the year", "DURATION", "P1Y", None),
    param("the_unit", "Profit doubled in the quarter ended Sept. 30.", D(dct=dt.date(2019, 10, 25)), "the quarter", "DATE", "2019-Q3", None),
    param("the_unit", "Crowds came over the weekend.", D(), "the weekend", "DATE", "2020-W19-WE", None),
    param("the_unit", "Crowds came during the week.", D(), "the week", "DATE", "2020-W19", None),
    param("recent", "After the recent sale it grew.", D(), "recent", "DATE", "PAST_REF", None),
    param("current", "In the current crisis it grew.", D(), "current", "DATE", "PRESENT_REF", None),
    param("holiday", "The boy was rescued on Thanksgiving Day.", D(dct=dt.date(2000, 1, 7)), "Thanksgiving Day", "DATE", "1999-11-25", None),
    param("holiday", "They met on Christmas 2019.", D(), "Christmas 2019", "DATE", "2019-12-25", None),
    param("holiday", "They meet next Christmas.", D(), "next Christmas", "DATE", "2020-12-25", None),
    param("holiday", "They met at Easter 2020.", D(), "Easter 2020", "DATE", "2020-04-12", None),
    param("holiday", "They met on Good Friday 2021.", D(), "Good Friday 2021", "DATE", "2021-04-02", None),
    param("holiday", "They met on Memorial Day.", D(), "Memorial Day", "DATE", "2019-05-27", None),
    param("holiday", "They met on New Year's Eve.", D(dct=None), "New Year's Eve", "DATE", "XXXX-XX-XX", None),
    param("spelled_year", "It was founded in nineteen ninety-six.", D(), "nineteen ninety-six", "DATE", "1996", None),
    param("spelled_year", "It was founded in nineteen oh five.", D(), "nineteen oh five", "DATE", "1905", None),
    param("spelled_year", "It was founded in the year two thousand.", D(), "the year two thousand", "DATE", "2000", None),
    param("spelled_year", "It was founded in two thousand and eight.", D(), "two thousand and eight", "DATE", "2008", None),
]


@pytest.mark.parametrize("rule,text,context,span,type_,value,mod", READINGS)
def test_reading(rule, text, context, span, type_, value, mod):
    t = reading(text, span, **context)
    assert (t.type, t.value, t.mod) == (type_, value, mod)


def test_every_rule_has_a_reading():
    covered = {p.values[0] for p in READINGS}
    assert {r.name for r in RULES} <= covered, {r.name for r in RULES} - covered


# rule, text, span never read (with that span) as a temporal expression by the rules alone
NOT_READ = [
    param("mdy", "The sum rose to May 5 percent.", "May 5"),
    param("cjk_date", "The project took 5月 to finish.", "5月"),
    param("dm", "They fired 3 March rockets.", "3 March"),
    param("month_number_range", "It costs 1-4 months of pay.", "1-4 months"),
    param("apos_year", "The '98 team won.", "'98"),
    param("decade", "He is in his sixties.", "sixties"),
    param("duration", "He is 35 years old.", "35 years"),
    param("duration", "It took one years.", "one years"),
    param("year", "From 1995-1990 it fell.", "1995-1990"),
    param("spelled_year", "Nineteen people came.", "Nineteen"),
    param("spelled_year", "Two thousand people came.", "Two thousand"),
    param("quarter", "In the latest quarter of 2019 it fell.", "the latest quarter of 2019"),
]


@pytest.mark.parametrize("rule,text,span", NOT_READ)
def test_not_read(rule, text, span):
    assert span not in [s for s, _ in readings(text)]


# ---- what a reading asks the stage to check with the parse -----------------------------------


@pytest.mark.parametrize("text,span,checks", [
    param("In 2000 people came.", "2000", {Check.YEAR}),
    param("From 1990-1995 it grew.", "1990-1995", {Check.YEAR}),
    param("In fiscal 2000 it grew.", "fiscal 2000", set()),
    param("In May it grew.", "May", {Check.MONTH_NAME}),
    param("In fall it grew.", "fall", {Check.SEASON}),
    param("It grew in the summer of 2018.", "the summer of 2018", set()),
    param("It is now larger.", "now", {Check.REF_WORD}),
    param("It took three quarters.", "three quarters", {Check.NOT_FRACTION}),
    param("It opened on Monday.", "Monday", {Check.WEEKDAY_NOT_NAME}),
    param("In the current crisis it grew.", "current", {Check.ADJECTIVE}),
    param("After the recent sale it grew.", "recent", {Check.ADJECTIVE}),
    param("In the year it grew.", "the year", {Check.THE_UNIT}),
    param("It ended at 14:30 here.", "14:30", {Check.CLOCK_CUE}),
    param("It ended at 14:30 GMT here.", "14:30 GMT", set()),
    param("Take it twice a day.", "a day", {Check.RATE}),
    param("It meets every day.", "every day", set()),
])
def test_checks_a_reading_asks_for(text, span, checks):
    assert set(reading(text, span).checks) == checks


def test_a_reading_is_named_after_its_rule_or_a_finer_kind():
    assert reading("It opened on May 9.", "May 9").kind == "md"
    assert reading("From January to April, it fell.", "January to April").kind == "interval"
    assert reading("Revenue for 2012-13 rose.", "2012-13").kind == "fiscal"
    assert reading("It compares with the year-ago quarter.", "the year-ago quarter", ref="2019-Q3").kind == "adj_relative"


def test_a_year_range_splits_off_the_second_year():
    text = "He ruled from 1990-1995 in the north."
    t = reading(text, "1990-1995")
    s, e, v = t.split
    assert (text[s:e], v) == ("1995", "1995")


def test_interval_ends():
    t = reading("Revenue for 2012-13 rose.", "2012-13")
    assert (t.begin, t.end_value) == ("2012", "2013")
    t = reading("The summit ran on 22-23 September 2019.", "22-23 September 2019")
    assert (t.begin, t.end_value) == ("2019-09-22", "2019-09-23")


def test_sources():
    assert reading("On May 9 it fell.", "May 9", tense="past").source == "dct"
    assert reading("On May 9 it fell.", "May 9", dct=None).source == "none"
    assert reading("It fell on March 31, 2020.", "March 31, 2020").source == "explicit"
    assert reading("It grew 5% from a year earlier.", "a year earlier", ref="2019-Q3").source == "ref"


def test_every_holiday_of_the_lexicon_is_read():
    from newsfacts.components.dates.calendar import holiday_date

    for name in HOLIDAYS:
        words = " ".join(w[:1].upper() + w[1:] for w in name.split())
        t = reading(f"They met on {words} 2021 at home.", f"{words} 2021")
        assert t.value == holiday_date(name, 2021).isoformat(), name


def test_every_month_word_of_the_lexicon_is_a_month():
    import re

    for word in MONTHS:
        for form in (word.title(), word.upper() if len(word) > 4 or word in ("may", "june", "july") else word.title()):
            assert re.fullmatch(MONTH, form), form


# ---- modifiers and span trimming ----------------------------------------------------------


@pytest.mark.parametrize("text,core,mod", [
    param("at the beginning of 2019", "2019", "START"),
    param("by the end of 2019", "2019", "END"),
    param("in the middle of 2019", "2019", "MID"),
    param("in early 2018", "2018", "START"),
    param("in late 2019", "2019", "END"),
    param("in mid-May", "May", "MID"),
    param("for about three years", "three years", "APPROX"),
    param("for more than two decades", "two decades", "MORE_THAN"),
    param("for almost two years", "two years", "LESS_THAN"),
    param("for at least five years", "five years", "EQUAL_OR_MORE"),
    param("for up to three months", "three months", "EQUAL_OR_LESS"),
    param("at the turn of the century", "century", "START"),
])
def test_left_modifier(text, core, mod):
    start = text.index(core)
    new_start, got = left_modifier(text, start)
    assert got == mod
    assert text[new_start:start].strip() and new_start < start


@pytest.mark.parametrize("text,core,timex,span,mod", [
    param("by the end of 2019", "2019", Timex("DATE", "2019"), "the end of 2019", "END"),
    param("for about three years", "three years", Timex("DURATION", "P3Y"), "about three years", "APPROX"),
    param("for about 2019", "2019", Timex("DATE", "2019"), "about 2019", "APPROX"),
    # "about" before a relative or PRESENT_REF value, a numeric mod before a count-less duration: no
    param("for about the 1990s", "the 1990s", Timex("DATE", "199"), "the 1990s", None),
    param("at the end of now", "now", Timex("DATE", "PRESENT_REF"), "now", None),
    param("for more than years", "years", Timex("DURATION", "PXY"), "years", None),
    param("it was about noon", "noon", Timex("TIME", "2020-05-10T12:00"), "noon", None),
])
def test_apply_left_modifier(text, core, timex, span, mod):
    start = text.index(core)
    s, got = apply_left_modifier(text, start, start + len(core), timex)
    assert (text[s:start + len(core)], got) == (span, mod)


@pytest.mark.parametrize("text,match,timex,span", [
    param("It fell in the past.", "in the past", Timex("DATE", "PAST_REF", trim_left=3), "the past"),
    param("Two days after the attack", "Two days after", Timex("DURATION", "P2D", trim_right=6), "Two days"),
    param("from January to April", "from January to April", Timex("DATE", "x", kind="interval"), "January to April"),
    param("at 3 p.m. today", "3 p.m.", Timex("TIME", "x"), "3 p.m."),
    param("on Jan. it", "Jan.", Timex("DATE", "x"), "Jan."),
    param("in 2019, it", "2019, ", Timex("DATE", "x"), "2019"),
])
def test_trim_span(text, match, timex, span):
    s = text.index(match)
    s, e = trim_span(text, s, s + len(match), timex)
    assert text[s:e] == span


# ---- finding ------------------------------------------------------------------------------


def test_longest_match_wins_and_candidates_do_not_overlap():
    text = "On Friday, May 8, 2020 and in the first quarter of 2019 it grew for 21 consecutive months."
    cands = find_timexes(text)
    assert [text[c.start:c.end] for c in cands] == [
        "Friday, May 8, 2020", "the first quarter of 2019", "21 consecutive months"]
    assert [c.name for c in cands] == ["weekday_date", "quarter", "duration"]


def test_ties_go_to_the_rule_registered_first():
    # "last quarter" is read by both "quarter" and "rel_unit" (same span): "quarter" is first
    (cand,) = find_timexes("Sales fell last quarter.")
    assert cand.name == "quarter"


def test_span_set_matches_a_brute_force_overlap_test():
    rng = random.Random(7)
    spans = SpanSet()
    kept: list[tuple[int, int]] = []
    for _ in range(2000):
        s = rng.randrange(0, 5000)
        e = s + rng.randrange(1, 30)
        brute = any(s < te and ts < e for ts, te in kept)
        assert spans.overlaps(s, e) == brute
        assert spans.add(s, e) == (not brute)
        if not brute:
            kept.append((s, e))
