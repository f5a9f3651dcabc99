r"""Rule-based recognition and TIMEX3 normalisation of English temporal expressions.

This module is pure Python (no spaCy): it finds temporal expressions in a string with regular
expressions and normalises each to a TIMEX3 ``type``/``value``/``mod`` against a reference
context (:class:`~.timex.Context`). The stage (:mod:`.component`) adds spaCy's DATE/TIME
entities as extra candidates and runs the checks a reading asks for with the parse
(:mod:`.checks`).

A rule is a regular expression registered with its handler::

    @pattern("year_end", r"(?i:(?P<w>year|month|quarter)[\s-]end)")
    def _year_end(m, ctx):
        v, src = dct_value(ctx, m.group("w").lower(), 0)
        return Timex("DATE", v, mod="END", source=src)

The handler gets the regex match and the :class:`~.timex.Context` and returns a frozen
:class:`~.timex.Timex` (or None: not a temporal expression); the :class:`~.timex.Check` members
in ``Timex.checks`` (or ``@pattern(..., checks=...)`` for every reading of the rule) are the
context checks the stage must run before keeping it. Date arithmetic lives in :mod:`.calendar`,
words in the lexicon (:mod:`newsfacts.lexicon.en.calendar`, ``.numbers``; the word alternations
below are built from it). Every rule has a row in tests/test_dates_rules.py.

Value conventions (TimeML 1.2.1 TIMEX3, with the project's additions marked *):

============================  ==========  ====================================================
text                           type        value (mod)
============================  ==========  ====================================================
"March 31, 2020"               DATE        2020-03-31
"May 2019"                     DATE        2019-05
"2019", "fiscal 2019"          DATE        2019
"the 1990s" / "the 20th c."    DATE        199 / 19  (decade / century: leading digits)
"the first quarter of 2019"    DATE        2019-Q1   (halves 2019-H1, seasons 2019-SU/FA/WI/SP)
"last week", "this weekend"    DATE        2020-W18, 2020-W19-WE (ISO week, zero padded)
"Friday morning"               DATE        2020-05-08TMO (MO/AF/EV/NI)
"3:30 p.m."                    TIME        2020-05-09T15:30
"now" / "recently" / "soon"    DATE        PRESENT_REF / PAST_REF / FUTURE_REF
"21 consecutive months"        DURATION    P21M  (PT2H for clock units; PXY for "years")
"the past year"                DURATION    P1Y
"a decade" / "a century"       DURATION    P10Y / P100Y
"every week", "daily"          SET         P1W, P1D
"the beginning of 2019"        DATE        2019 (START); "mid-May" (MID); "late 2019" (END)
"about three years"            DURATION    P3Y (APPROX); "more than" MORE_THAN; "less than"
                                           LESS_THAN; "at least" EQUAL_OR_MORE
* "2012-13" (fiscal year)      DATE        2012/2013, begin 2012, end_value 2013
* "from January to April",     DATE        2020-01/2020-04, begin 2020-01, end_value 2020-04
  "in 1-4 months" (Chinese                 (an ISO 8601 interval "start/end" of the two
  period phrasing: months 1-4)             endpoint values; a TIMEX3 extension)
* "since 2019"                 DATE        2019 on the span "2019", begin 2019, end_value the
                                           publication date (or PRESENT_REF when unknown)
============================  ==========  ====================================================

Underspecified values resolve against ``Context.dct`` (the document creation time). A month-day
without year (and a bare month name) depends on the tense of the governing verb
(``Context.tense``): past -> the nearest reading that does not follow the DCT ("On May 12 it
was revised", DCT 2020-05-10 -> 2019-05-12); future -> the nearest one not before it ("will be
held on May 12"); present or no verb ("the offer expires Dec. 15", headlines) -> the nearest
reading either way (within six months). The present-tense case is a refinement of the plain
"not after the DCT" rule: on the TBAQ development set it is worth two points of value F1,
because scheduled events are reported in the present. A weekday is the most recent one, the
DCT's own day included, unless the verb is future (then the next one, the same day included).
With an inferred DCT (precision "year") month-days resolve within that year. Without a DCT the
unknown digits stay ``X`` ("XXXX-05-09", "XXXX-WXX-5"): the system clock is never read.
Expressions relative to a previous mention ("a year earlier", "later that month", "the year-ago
quarter") shift ``Context.ref`` (the last calendar value in the text) when there is one, else
the DCT.

Sources of the rules: the TimeML 1.2.1 / TIMEX3 annotation guidelines (value formats, mods,
PRESENT_REF etc.), ISO 8601 (weeks, intervals), HeidelTime's English resource conventions for
seasons/parts of day, and the news-date heuristics of TempEval-3 systems (DCT as anchor, tense
for month-day and weekday direction). No rule is keyed to a benchmark sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, NamedTuple, Optional

from ...lexicon.en.calendar import (DAY_WORDS, DECADE_WORDS, DURATION_UNITS, HOLIDAYS, MONTHS, PARTS_OF_DAY,
                                    QUARTER_ORDINALS, SEASONS, SET_ADVERBS, WEEKDAYS)
from ...lexicon.en.numbers import CARDINALS, COUNT_WORDS, TENS
from ...numbers import parse_number_text
from .calendar import (dct_value, duration_value, holiday_date, iso_week, resolve_month, resolve_month_day,
                       resolve_season, resolve_weekday, shift_value, truncate, unit_of)
from .timex import Check, Context, Timex

# --------------------------------------------------------------------------------------------
# Regex building blocks (the word alternations are built here, from the lexicon, and nowhere else)
# --------------------------------------------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the literal ``words``, longest first (so that a word never loses
    to its own prefix: "Sept" before "Sep"); no group, no flags."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = [max((w for w in MONTHS if MONTHS[w] == n), key=len) for n in range(1, 13)]  # january … december
_MONTH_ABBREVIATIONS = sorted((w for w in MONTHS if w not in _FULL_MONTHS), key=lambda w: (MONTHS[w], -len(w)))
_MONTH_FULL = (
    f"(?:{alternation(w.title() for w in _FULL_MONTHS)}|{alternation(w.upper() for w in _FULL_MONTHS)})"
)
_MONTH_ABBR = f"(?:{alternation(w.title() for w in _MONTH_ABBREVIATIONS)})\\.?"
#: A month name (capitalised or upper case) or its abbreviation ("Sept.", "Jan").
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
#: A weekday name, capitalised or upper case.
WEEKDAY = f"(?:{alternation(w.title() for w in WEEKDAYS)}|{alternation(w.upper() for w in WEEKDAYS)})"
#: Any month or weekday word in any case, by its first three letters ("jan" … "dec", "monday" …):
#: the cue that a spaCy DATE entity may hold a calendar date.
MONTH_OR_WEEKDAY_PREFIX = f"(?i:{alternation(sorted({w[:3] for w in _FULL_MONTHS}, key=MONTHS.get))}|{alternation(WEEKDAYS)})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
#: A number word that may count time units ("three", "twenty", "dozen", "half", "single").
NUM_WORD = "(?:" + alternation([w for w in CARDINALS if CARDINALS[w]] + list(TENS) + ["hundred"]
                               + [w for w in COUNT_WORDS if w not in ("a", "an")] + ["dozen"]) + ")"
NUM = (
    rf"(?:(?<![\d,.$#])\d{{1,3}}(?:\.\d+)?(?![\d,]\d)|(?i:a|an)(?=[\s-])|(?i:{NUM_WORD}(?:[\s-]+{NUM_WORD})?"
    rf"(?:\s+and\s+a\s+half)?)|(?i:several|a\s+few|few|many|some|a\s+couple\s+of|couple\s+of|numerous))"
)
#: A duration unit word, singular or plural ("months", "century", "centuries").
UNIT = "(?i:" + "|".join(f"{u}s?" for u in DURATION_UNITS if u != "century") + "|century|centuries)"
#: A part of the day after a day word or weekday ("Friday morning", "tomorrow night").
PART = f"(?i:{alternation(p for p in PARTS_OF_DAY if p not in DAY_WORDS and p != 'overnight')})"
SEASON = f"(?i:{alternation(SEASONS)})"
_DAY_WORD = f"(?:{alternation(DAY_WORDS)})"
_DECADE_WORD = f"(?:{alternation(DECADE_WORDS)})"
_DAY_ANCHOR = f"(?i:{alternation(w for w in DAY_WORDS if w != 'tonight')})"  # after a clock time: "5 p.m. tomorrow"
_HOLIDAY = "|".join(r"\s+".join(w[:1].upper() + w[1:] for w in name.split()) for name in sorted(HOLIDAYS, key=len, reverse=True))
# left word boundary; a digit may follow a hyphen only after mid-/pre-/post-/early-/late- ("COVID-19")
_B = r"(?<!\w)(?:(?<!-)|(?<=mid-)|(?<=Mid-)|(?<=pre-)|(?<=post-)|(?<=early-)|(?<=late-)|(?!\d))"
_E = r"(?![\w])"


def prev_words(text: str, start: int, n: int = 1) -> list[str]:
    """The last ``n`` lower-cased words or punctuation marks before ``start`` (within 60
    characters); fewer when there are none."""
    words = re.findall(r"[\w'-]+|[^\w\s]", text[max(0, start - 60):start])
    return [w.lower() for w in words[-n:]]


# --------------------------------------------------------------------------------------------
# The registry: each rule is a name, a compiled regex and a handler(match, ctx) -> Timex | None
# --------------------------------------------------------------------------------------------

Handler = Callable[[re.Match, Context], Optional[Timex]]


@dataclass(frozen=True)
class Rule:
    """A registered recognition rule: its ``name`` (the :attr:`Timex.kind` of its readings unless
    the handler names a finer kind), the compiled ``regex`` (word bounded), the ``handler``
    that normalises a match against a :class:`Context` (None: not a temporal expression) and the
    ``checks`` every reading of the rule carries (besides those the handler names)."""

    name: str
    regex: re.Pattern
    handler: Handler
    checks: frozenset[Check] = frozenset()


#: Every rule, in registration order (the order breaks ties between equally long matches).
RULES: list[Rule] = []


def pattern(name: str, regex: str, flags: int = 0, checks: Iterable[Check] = ()) -> Callable[[Handler], Handler]:
    """Register a recognition pattern with its normalising handler (decorator). ``checks``: the
    context checks every reading of the rule carries (:class:`Check`)."""

    def deco(fn: Handler) -> Handler:
        RULES.append(Rule(name, re.compile(_B + regex + _E, flags), fn, frozenset(checks)))
        return fn

    return deco


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


# ---- absolute dates -------------------------------------------------------------------------

_DATE_MDY = rf"(?P<m>{MONTH})\s*(?P<d>{DAY})(?:\s*,\s*|\s+)(?P<y>{YEAR}|'\d\d)(?!\s*[-/]\s*\d)"
_DATE_DMY = rf"(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR})"


@pattern("weekday_date", rf"(?P<w>{WEEKDAY}),?\s+(?:the\s+)?(?:(?P<m>{MONTH})\s*(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}))(?:(?:\s*,\s*|\s+)(?P<y>{YEAR}))?")
def _weekday_date(m, ctx):
    month = _month(m.group("m") or m.group("m2"))
    day = _day(m.group("d") or m.group("d2"))
    if m.group("y"):
        return _full(int(m.group("y")), month, day)
    v, src = resolve_month_day(month, day, ctx)
    return Timex("DATE", v, source=src)


def _full(y: int, mo: int, d: int) -> Optional[dict]:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    return Timex("DATE", f"{y:04d}-{mo:02d}-{d:02d}")


@pattern("mdy", _DATE_MDY)
def _mdy(m, ctx):
    y = m.group("y")
    y = int(y) if not y.startswith("'") else (1900 + int(y[1:]) if int(y[1:]) > 30 else 2000 + int(y[1:]))
    return _full(y, _month(m.group("m")), _day(m.group("d")))


@pattern("dmy", _DATE_DMY)
def _dmy(m, ctx):
    return _full(int(m.group("y2")), _month(m.group("m2")), _day(m.group("d2")))


@pattern("iso_date", r"(?P<y>" + YEAR + r")-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?")
def _iso(m, ctx):
    r = _full(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if r and m.group("h"):
        r = Timex("TIME", r.value + f"T{m.group('h')}:{m.group('mi')}")
    return r


@pattern("slash_date", r"(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![/\d])")
def _slash(m, ctx):
    y = m.group("y")
    y = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    return _full(y, int(m.group("mo")), int(m.group("d")))


@pattern("cjk_date", r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<mo>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号])?")
def _cjk_date(m, ctx):
    """Chinese dates left in a translation ("2020年5月10日", "2020年5月", "5月10日"; full-width
    digits are read as ASCII, see ingest.normalise_for_models): year 年, month 月, day 日 or 号.
    A month without year or day is not taken ("5月" alone is too often a count of months)."""
    y, mo, d = m.group("y"), int(m.group("mo")), m.group("d")
    if y and d:
        return _full(int(y), mo, int(d))
    if y:
        return Timex("DATE", f"{int(y):04d}-{mo:02d}")
    if d:
        return _month_day(mo, int(d), ctx)
    return None


@pattern("md", rf"(?P<m>{MONTH})\s*(?P<d>{DAY})(?![\d,.]\d|\s*(?:%|percent|per\s*cent|million|billion))")
def _md(m, ctx):
    return _month_day(_month(m.group("m")), _day(m.group("d")), ctx)


def _month_day(month: int, day: int, ctx: Context) -> Optional[Timex]:
    """A month-day without year (a day that exists in some year), resolved against the DCT."""
    try:
        dt.date(2000, month, day)
    except ValueError:
        return None
    v, src = resolve_month_day(month, day, ctx)
    return Timex("DATE", v, source=src)


@pattern("dm", rf"(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?!\s*,?\s*\d)")
def _dm(m, ctx):
    if m.group("m").rstrip(".") in ("May", "March", "Mar") and not m.group("d")[-1:].isalpha() and " of " not in m.group(0):
        return None  # "5 May" is fine in text but "3 March" also reads "3 march(es)"; keep it strict
    return _month_day(_month(m.group("m")), _day(m.group("d")), ctx)


@pattern("month_year", rf"(?P<m>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})(?!\s*[-/]\s*\d)")
def _month_year(m, ctx):
    return Timex("DATE", f"{int(m.group('y')):04d}-{_month(m.group('m')):02d}")


@pattern("month_range", rf"(?i:from\s+)?(?P<m1>{_MONTH_FULL})\s+(?i:to|through|until|till|-)\s+(?P<m2>{_MONTH_FULL})(?:,?\s+(?P<y>{YEAR}))?")
def _month_range(m, ctx):
    m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
    if m.group("y"):
        y = int(m.group("y"))
        a, b = f"{y:04d}-{m1:02d}", f"{y:04d}-{m2:02d}"
        src = "explicit"
    else:
        a, src = resolve_month(m2, ctx)
        y = a[:4]
        b = a
        a = f"{y}-{m1:02d}"
        if y.isdigit() and m1 > m2:
            a = f"{int(y) - 1:04d}-{m1:02d}"
    return Timex("DATE", f"{a}/{b}", begin=a, end_value=b, source=src, kind="interval")


def _day_range(month: int, d1: int, d2: int, y: Optional[str], ctx: Context) -> Optional[dict]:
    if not d1 < d2:
        return None
    try:
        dt.date(2000, month, d2)
    except ValueError:
        return None
    if y:
        yy = f"{int(y):04d}"
        a, b, src = f"{yy}-{month:02d}-{d1:02d}", f"{yy}-{month:02d}-{d2:02d}", "explicit"
    else:
        b, src = resolve_month_day(month, d2, ctx)
        a = b[:8] + f"{d1:02d}"
    return Timex("DATE", f"{a}/{b}", begin=a, end_value=b, source=src, kind="interval", )


@pattern("day_range_dm", rf"(?i:from\s+)?(?P<d1>{DAY})\s*(?:-|–|to)\s*(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?")
def _day_range_dm(m, ctx):
    """A range of days in one month: "22-23 September (2019)" -> 2019-09-22/2019-09-23."""
    return _day_range(_month(m.group("m")), _day(m.group("d1")), _day(m.group("d2")), m.group("y"), ctx)


@pattern("day_range_md", rf"(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*(?:-|–)\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?(?![\d,.]\d)")
def _day_range_md(m, ctx):
    """"September 22-23(, 2019)" -> an interval of days."""
    return _day_range(_month(m.group("m")), _day(m.group("d1")), _day(m.group("d2")), m.group("y"), ctx)


@pattern("month_number_range", r"(?i:in\s+|from\s+)?(?P<a>1[0-2]|[1-9])\s*-\s*(?P<b>1[0-2]|[1-9])\s+(?i:months)(?!\s+(?:ago|earlier|later|old))")
def _month_number_range(m, ctx):
    """Chinese period phrasing in translation: "in 1-4 months" = January to April (1-4月)."""
    a, b = int(m.group("a")), int(m.group("b"))
    if a >= b or not re.match(r"(?i)in|from", m.group(0)):
        return None
    if ctx.dct is None:
        y, src = "XXXX", "none"
    else:
        y, src = f"{ctx.dct.year:04d}", "dct"
        if ctx.dct_precision == "day" and b > ctx.dct.month:
            y = f"{ctx.dct.year - 1:04d}"
    va, vb = f"{y}-{a:02d}", f"{y}-{b:02d}"
    return Timex("DATE", f"{va}/{vb}", begin=va, end_value=vb, source=src, kind="interval")


@pattern("month", rf"(?P<rel>(?i:last|next|this|past|coming)\s+)?(?P<m>{_MONTH_FULL}|Sept\.)(?!\s*\d)",
         checks=[Check.MONTH_NAME])
def _month_alone(m, ctx):
    name = m.group("m")
    rel = (m.group("rel") or "").strip().lower()
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    v, src = resolve_month(_month(name), ctx, rel)
    return Timex("DATE", v, source=src)


_BARE_YEAR = frozenset({Check.YEAR})  # a bare number may be a count, a code or a measure


@pattern("year", rf"(?P<fy>(?i:fiscal(?:\s+year)?|FY|the\s+year|calendar(?:\s+year)?|model\s+year)\s*)?(?P<y>{YEAR})(?:\s*(?:-|/)\s*(?P<y2>\d\d(?!\d)|{YEAR}))?(?!\s*(?:%|percent))")
def _year_pat(m, ctx):
    y = int(m.group("y"))
    y2 = m.group("y2")
    if y2:
        y2v = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if y2v == y + 1 and (len(y2) == 2 or m.group("fy")):
            a, b = f"{y:04d}", f"{y2v:04d}"
            return Timex("DATE", f"{a}/{b}", begin=a, end_value=b, kind="fiscal")
        if len(y2) == 4 and y < y2v <= y + 50:
            return Timex("DATE", f"{y:04d}", kind="year_range", checks=_BARE_YEAR,
                         split=(m.start("y2"), m.end("y2"), f"{y2v:04d}"))
        return None
    if m.group("fy"):
        return Timex("DATE", f"{y:04d}", kind="year_fy")
    return Timex("DATE", f"{y:04d}", kind="year", checks=_BARE_YEAR)


@pattern("apos_year", r"(?:(?i:fiscal|FY)\s*)?'(?P<y>[0-9]\d)(?!\d|s)")
def _apos_year(m, ctx):
    y = int(m.group("y"))
    if not m.group(0).lower().startswith(("fiscal", "fy")):
        return None
    return Timex("DATE", f"{(1900 + y) if y > 30 else (2000 + y):04d}")


@pattern("decade", rf"(?P<pre>(?i:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?)(?:(?P<y>1[0-9]\d0|20[0-9]0)'?s|'(?P<yy>[0-9]0)s|(?i:(?P<w>{_DECADE_WORD})))")
def _decade(m, ctx):
    if m.group("y"):
        v = m.group("y")[:3]
    elif m.group("yy"):
        v = ("19" if int(m.group("yy")) > 20 else "20") + m.group("yy")[0]
    else:
        if not m.group("pre").strip():
            return None
        v = f"19{DECADE_WORDS[m.group('w').lower()]}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
    return Timex("DATE", v, mod=mod)


@pattern("century", r"(?i:the\s+)?(?P<mod>(?i:early|mid|late)[\s-]+)?(?P<n>1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+(?i:century)")
def _century(m, ctx):
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").strip(" -").lower())
    return Timex("DATE", f"{int(m.group('n')) - 1:02d}", mod=mod)


_QORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|year-ago|year-earlier|recent|same|comparable|fiscal)"


@pattern(
    "quarter",
    rf"(?i:(?:the\s+)?(?:(?P<y0>{YEAR})(?:'s)?\s+|(?P<this>this\s+year's|last\s+year's|next\s+year's)\s+)?(?:comparable\s+|same\s+)?(?P<ago>year[\s-]ago\s+|year[\s-]earlier\s+|prior[\s-]year\s+)?(?:fiscal\s+)?{_QORD}(?:[\s-]+(?:fiscal|calendar))?[\s-]+quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR}))?)",
)
def _quarter(m, ctx):
    """ "the first quarter of 2019", "2019's second quarter", "the third quarter" (of the DCT's
    year, or the year before when that quarter is more than one ahead of the DCT's and the verb
    is not future), "last year's fourth quarter", "the year-ago quarter" (the reported quarter a
    year back), "the latest/current/same quarter"."""
    q = m.group("q").lower()
    qn = QUARTER_ORDINALS.get(q) if q not in ("last", "final") else None
    y = m.group("y") or m.group("y0")
    if q in ("last", "final") and y:
        qn = 4
    if y:
        return Timex("DATE", f"{int(y):04d}-Q{qn}") if qn else None
    if m.group("ago") and qn:
        if ctx.dct is None:
            return Timex("DATE", f"XXXX-Q{qn}", source="none", kind="adj_relative")
        return Timex("DATE", f"{ctx.dct.year - 1:04d}-Q{qn}", source="dct", kind="adj_relative")
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-Q{qn}" if qn else "XXXX-QX", source="none")
    if q in ("year-ago", "year-earlier"):
        return _year_ago_quarter(ctx)
    if qn is None:  # "the latest quarter", "last quarter", "the current quarter"
        return _unnumbered_quarter(q, ctx)
    this = (m.group("this") or "").lower()
    yy = ctx.dct.year + (-1 if this.startswith("last") else 1 if this.startswith("next") else 0)
    if ctx.dct_precision == "day" and not this:
        cur_q = (ctx.dct.month - 1) // 3 + 1
        if qn > cur_q and not ctx.future and qn - cur_q > 1:
            yy -= 1
    return Timex("DATE", f"{yy:04d}-Q{qn}", source="dct")


def _year_ago_quarter(ctx: Context) -> Timex:
    """ "the year-ago quarter": the reported quarter (the reference time, when it is a quarter;
    else the last completed one) a year back."""
    if ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
        return Timex("DATE", shift_value(ctx.ref, -1, "year"), source="ref", kind="adj_relative")
    v, src = dct_value(ctx, "quarter", -1)
    return Timex("DATE", shift_value(v, -1, "year") or v, source=src, kind="adj_relative")


def _unnumbered_quarter(q: str, ctx: Context) -> Timex:
    """ "the current quarter": the DCT's; "the same/comparable quarter": the reported one (the
    reference time, when it is a quarter); otherwise ("the latest quarter", "last quarter") the
    last completed one."""
    if q in ("current",):
        v, src = dct_value(ctx, "quarter", 0)
    elif q in ("same", "comparable") and ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
        return Timex("DATE", ctx.ref, source="ref")
    else:
        v, src = dct_value(ctx, "quarter", -1)
    return Timex("DATE", v, source=src)


@pattern("q_short", rf"Q(?P<q>[1-4])(?:\s*(?P<y>{YEAR}))?|(?P<y2>{YEAR})\s*Q(?P<q2>[1-4])")
def _q_short(m, ctx):
    q = m.group("q") or m.group("q2")
    y = m.group("y") or m.group("y2")
    if y:
        return Timex("DATE", f"{y}-Q{q}")
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-Q{q}", source="none")
    return Timex("DATE", f"{ctx.dct.year:04d}-Q{q}", source="dct")


@pattern("half", rf"(?i:(?:the\s+)?(?P<h>first|second|1st|2nd)[\s-]+half(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?)")
def _half(m, ctx):
    h = 1 if m.group("h").lower() in ("first", "1st") else 2
    if m.group("y"):
        return Timex("DATE", f"{m.group('y')}-H{h}")
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-H{h}", source="none")
    rel = (m.group("rel") or "").lower()
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if not m.group("rel") and ctx.last_year and "the year" in m.group(0).lower():
        y = ctx.last_year
    return Timex("DATE", f"{y:04d}-H{h}", source="dct")


@pattern("season", rf"(?P<pre>(?i:(?:the\s+)?(?:(?P<rel>this|last|next|past|coming)\s+|(?P<mod>early|late|mid)[\s-]+)?))(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?")
def _season(m, ctx):
    s = SEASONS[m.group("s").lower()]
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
    if m.group("y"):
        return Timex("DATE", f"{m.group('y')}-{s}", mod=mod)
    rel = (m.group("rel") or "").lower()
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    v, src = resolve_season(s, ctx, rel)
    return Timex("DATE", v, mod=mod, source=src, checks=frozenset({Check.SEASON}))


# ---- weekdays, days, parts of day, clock times --------------------------------------------


@pattern("weekday", rf"(?P<rel>(?i:last|next|this|past|coming|previous)\s+)?(?P<w>{WEEKDAY})(?:'s)?(?:\s+(?P<part>{PART}))?",
         checks=[Check.WEEKDAY_NOT_NAME])
def _weekday(m, ctx):
    wd = WEEKDAYS[m.group("w").lower()]
    rel = (m.group("rel") or "").strip().lower()
    rel = {"past": "last", "previous": "last"}.get(rel, rel)
    v, src = resolve_weekday(wd, ctx, rel)
    if m.group("part"):
        v += "T" + PARTS_OF_DAY[m.group("part").lower()]
    return Timex("DATE", v, source=src)


@pattern("dayword", rf"(?i:(?P<pre>(?:early|late)\s+)?(?P<w>{_DAY_WORD})(?:'s)?(?:\s+(?P<part>{PART}))?)")
def _dayword(m, ctx):
    w = m.group("w").lower()
    v, src = dct_value(ctx, "day", DAY_WORDS[w])
    part = m.group("part") or ("night" if w == "tonight" else None)
    if part:
        v += "T" + PARTS_OF_DAY[part.lower()]
    return Timex("DATE" if not part else ("TIME" if w in ("tonight",) or part else "DATE"), v, source=src)


@pattern("this_part", rf"(?i:(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>{PART}))")
def _this_part(m, ctx):
    rel = m.group("rel").lower()
    n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and m.group("part").lower() != "night":
        n = -1
    v, src = dct_value(ctx, "day", n)
    return Timex("TIME", v + "T" + PARTS_OF_DAY[m.group("part").lower()], source=src)


_TZ = r"(?:\s*\(?(?P<tz>(?:[ECMP][SD]T|ET|PT|GMT|UTC|BST|CET|CEST|JST|HKT|local\s+time))\)?)?"


@pattern("clock", r"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)(?![\w]))" + _TZ + rf"(?:\s+(?:on\s+)?(?P<w>{WEEKDAY}|{_DAY_ANCHOR}))?")
def _clock(m, ctx):
    h = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
    return _time_value(h, int(m.group("mi") or 0), m, ctx)


@pattern("clock24", r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!\d|\s*(?i:a\.?m|p\.?m))" + _TZ)
def _clock24(m, ctx):
    """A 24-hour clock time; without a time zone only after a clock cue ("at 14:30", see
    :attr:`Check.CLOCK_CUE`), on the DCT's day."""
    out = _time_value(int(m.group("h")), int(m.group("mi")), m, ctx)
    return out if m.group("tz") else replace(out, checks=frozenset({Check.CLOCK_CUE}))


def _time_value(h: int, mi: int, m: re.Match, ctx: Context) -> Timex:
    d, src = _day_of_time(m.groupdict().get("w"), ctx)
    return Timex("TIME", f"{d}T{h:02d}:{mi:02d}", source=src)


def _day_of_time(word: Optional[str], ctx: Context) -> tuple[str, str]:
    """The day a clock time is on: the weekday or day word after it ("9 a.m. Friday", "noon
    tomorrow"), else the DCT's day. Returns (value, source)."""
    if word and word.lower() in WEEKDAYS:
        return resolve_weekday(WEEKDAYS[word.lower()], ctx)
    if word:
        return dct_value(ctx, "day", DAY_WORDS[word.lower()])
    return dct_value(ctx, "day", 0)


@pattern("noon", rf"(?i:(?P<w>noon|midnight|midday))(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|{_DAY_ANCHOR}))?")
def _noon(m, ctx):
    d, src = _day_of_time(m.group("wd"), ctx)
    hh = "12:00" if m.group("w").lower() in ("noon", "midday") else "24:00"
    return Timex("TIME", f"{d}T{hh}", source=src)


# ---- relative units -------------------------------------------------------------------------


_REL_UNIT = r"(?P<unit>week|weekend|month|quarter|year|decade|century|fiscal\s+year)"


@pattern("rel_unit", rf"(?i:(?P<pre>(?:(?:earlier|later)\s+)?)(?P<rel>this\s+past|this|last|next|past|previous|coming|current|following|same|that|the\s+same|the\s+current|the\s+past|the\s+previous|the\s+following|the\s+coming|the\s+next|the\s+last)\s+{_REL_UNIT})")
def _rel_unit(m, ctx):
    rel = re.sub(r"^the\s+", "", m.group("rel").lower())
    rel = re.sub(r"^this\s+past$", "last", rel)
    unit = m.group("unit").lower()
    if unit == "weekend" and rel == "past":
        rel = "last"  # "(this) past weekend": the last weekend, a date
    if unit.startswith("fiscal"):
        unit = "year"
    has_the = m.group("rel").lower().startswith("the")
    if rel in ("previous", "following", "preceding"):
        # "the previous year": one unit before the reference time (the last mention, else the DCT)
        n = -1 if rel in ("previous", "preceding") else 1
        if ctx.ref:
            v = shift_value(ctx.ref, n, unit)
            if v:
                return Timex("DATE", v, source="ref")
        v, src = dct_value(ctx, unit, n)
        return Timex("DATE", v, source=src)
    if rel in ("past", "last", "next", "coming") and has_the:
        # "the past year" / "the next month": a stretch of time (DURATION), per TimeML
        return Timex("DURATION", duration_value(1, unit))
    if rel == "past":
        return Timex("DURATION", duration_value(1, unit))
    n = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
         "same": 0, "that": 0}[rel]
    if rel in ("that", "same", "following") and ctx.ref:
        v = shift_value(ctx.ref, n, unit) if n else truncate(ctx.ref, unit)
        if v:
            return Timex("DATE", v, source="ref")
    v, src = dct_value(ctx, unit, n)
    mod = None
    pre = (m.group("pre") or "").strip().lower()
    if pre == "earlier":
        mod = None
    return Timex("DATE", v, source=src, mod=mod)


@pattern("year_in_context", r"(?i:(?P<pre>(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|rest|remainder|turn)\s+of\s+|throughout\s+|earlier\s+in\s+|later\s+in\s+|early\s+in\s+|late\s+in\s+))the\s+(?P<unit>year|month))")
def _year_in_context(m, ctx):
    """ "the beginning of the year": the year of the last explicit year mention, else the DCT's."""
    pre = m.group("pre").lower()
    unit = m.group("unit").lower()
    mod = None
    if re.search(r"beginning|start|early", pre):
        mod = "START"
    elif re.search(r"end|close|late|rest|remainder", pre):
        mod = "END"
    elif "middle" in pre:
        mod = "MID"
    if unit == "year" and ctx.last_year is not None:
        return Timex("DATE", f"{ctx.last_year:04d}", mod=mod, source="explicit")
    v, src = dct_value(ctx, unit, 0)
    return Timex("DATE", v, mod=mod, source=src)


@pattern("earlier_this", r"(?i:(?P<w>earlier|later|early|late)\s+(?:this|in\s+the|that)\s+(?P<unit>week|month|year|decade|century))")
def _earlier_this(m, ctx):
    unit = m.group("unit").lower()
    if "that" in m.group(0).lower() and ctx.ref:
        v = truncate(ctx.ref, unit)
        if v:
            return Timex("DATE", v, source="ref")
    v, src = dct_value(ctx, unit, 0)
    w = m.group("w").lower()
    mod = {"early": "START", "late": "END"}.get(w)
    return Timex("DATE", v, source=src, mod=mod)


@pattern("early_next", r"(?i:(?P<w>early|late|mid)[\s-]+(?P<rel>this|last|next)\s+(?P<unit>week|month|year|decade))")
def _early_next(m, ctx):
    n = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    v, src = dct_value(ctx, m.group("unit").lower(), n)
    return Timex("DATE", v, source=src, mod={"early": "START", "late": "END", "mid": "MID"}[m.group("w").lower()])


@pattern("ref_words", r"(?i:(?P<w>right\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|the\s+present|recently|lately|the\s+past|in\s+the\s+past|the\s+(?:near\s+|distant\s+)?future|recent\s+(?:years|months|weeks|days|times)))")
def _ref_words(m, ctx):
    w = m.group("w").lower()
    if w.startswith("in the past"):
        return Timex("DATE", "PAST_REF", trim_left=3)
    if re.search(r"now|current|present|these days|moment", w):
        v = "PRESENT_REF"
    elif re.search(r"future|soon|shortly", w):
        v = "FUTURE_REF"
    else:
        v = "PAST_REF"
    return Timex("DATE", v, checks=frozenset({Check.REF_WORD}))


@pattern("set_adverb", rf"(?i:(?P<w>{alternation(SET_ADVERBS)}))")
def _set_adverb(m, ctx):
    return Timex("SET", SET_ADVERBS[m.group("w").lower()])


@pattern("every", rf"(?i:(?P<q>every|each|per|a)\s+(?:(?P<other>other|single)\s+)?(?P<u>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|morning|evening|summer|winter|spring|autumn|fall)|(?P<q2>every|each)\s+(?P<w>{WEEKDAY}|{_MONTH_FULL}))")
def _every(m, ctx):
    if m.group("w") and m.group("w").lower() in MONTHS:
        return Timex("SET", f"XXXX-{_month(m.group('w')):02d}")
    if m.group("w"):
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[m.group('w').lower()]}")
    u = m.group("u").lower()
    q = m.group("q").lower()
    if u in ("morning", "evening"):
        return Timex("SET", f"TXX{PARTS_OF_DAY[u]}") if q in ("every", "each") else None
    if u in SEASONS:
        return Timex("SET", f"XXXX-{SEASONS[u]}") if q in ("every", "each") else None
    if u == "night":
        u = "day"
    n = 2 if m.group("other") and m.group("other").lower() == "other" else 1
    val = duration_value(n, u)
    return Timex("SET", val, checks=frozenset({Check.RATE}) if q in ("a", "per") else frozenset())


# ---- durations and their "ago" forms --------------------------------------------------------

_DUR_ADJ = r"(?:(?:consecutive|straight|successive|full|more|additional|long|calendar|whole|entire|subsequent|remaining|other|short|working|business|trading|fiscal)\s+)"
_DUR_PRE = r"(?:(?P<pre>(?:the|these|those)\s+)?(?P<rel>(?:past|last|next|first|coming|previous|following|final|initial|remaining|latest|recent|preceding)\s+)?)"


@pattern(
    "duration",
    rf"(?i:{_DUR_PRE}(?P<n>{NUM})(?P<hy>[\s-]+){_DUR_ADJ}?(?P<u>{UNIT})(?P<old>[\s-]+old)?(?P<post>\s+(?:ago|earlier|later|before|after|from\s+now|hence|back|since)(?!\s+than))?)",
    checks=[Check.NOT_FRACTION],
)
def _duration(m, ctx):
    """ "21 consecutive months", "two hours", "a decade": a DURATION; with "ago"/"earlier"/
    "later"/"from now"/"back" a DATE that many units from the reference time or the DCT ("two
    years ago"); with "before"/"after"/"since" the duration alone ("two days after the attack").
    A count without plural ("a ten year plan") is read as the adjective it is: a DURATION."""
    if m.group("old"):
        return None  # ages: "35 years old", "a 35-year-old"
    unit = unit_of(m.group("u"))
    if unit not in DURATION_UNITS:
        return None
    ntext = m.group("n").strip().lower()
    plural = m.group("u").lower().endswith("s") or m.group("u").lower() == "centuries"
    if ntext in ("a", "an", "one", "single") and plural:
        return None
    if ntext in ("a", "an") and unit == "second":
        return None  # "a second group": the ordinal
    n = parse_number_text(ntext)
    post = (m.group("post") or "").strip().lower()
    if post in _DURATION_SIGNALS and not m.group("rel"):
        return _anchored_duration(m, ctx, n, unit, post)
    return Timex("DURATION", duration_value(n, unit), trim_right=len(m.group("post")) if post else 0)


_DURATION_SIGNALS = ("ago", "earlier", "later", "before", "after", "from now", "hence", "back", "since")


def _anchored_duration(m: re.Match, ctx: Context, n: Optional[float], unit: str, post: str) -> Timex:
    """A duration with a signal word after it ("ago", "earlier", "later", "from now", "hence",
    "back", "before", "after", "since"); see :func:`_duration`."""
    if post in ("before", "after", "since"):
        # "two days after the attack": the duration alone is the timex (TimeML); trim
        return Timex("DURATION", duration_value(n, unit), trim_right=len(m.group("post")))
    sign = -1 if post in ("ago", "earlier", "back") else 1
    if n is None or not float(n).is_integer():
        return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    k = int(n) * sign
    if unit == "weekend":
        unit = "week"
    if post == "ago" and unit == "year" and ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
        # "a year ago" in a quarterly report: the reported quarter one year back
        return Timex("DATE", shift_value(ctx.ref, k, unit), source="ref")
    if post in ("earlier", "later") and ctx.ref:
        v = shift_value(ctx.ref, k, unit)
        if v:
            return Timex("DATE", v, source="ref")
    if unit in ("hour", "minute", "second"):
        return Timex("DURATION", duration_value(n, unit), trim_right=len(m.group("post")))
    v, src = dct_value(ctx, unit, k)
    return Timex("DATE", v, source=src)


@pattern("vague_units", r"(?i:(?P<pre>(?:for|in|over|within|during|throughout|recent|past|coming|the\s+past|the\s+coming|the\s+next|the\s+last|(?:over|in|during|throughout)\s+the)\s+)(?P<u>years|months|weeks|decades|centuries|days|hours|minutes)(?P<post>\s+ago)?)")
def _vague_units(m, ctx):
    unit = unit_of(m.group("u"))
    pre = m.group("pre").lower().strip()
    trim = 0
    if pre in ("for", "in", "over", "within", "during", "throughout"):
        trim = len(m.group("pre"))
    elif re.match(r"(?:over|in|during|throughout)\s+the$", pre):
        trim = len(m.group("pre")) - len(re.search(r"the\s+$", m.group("pre")).group(0))
    if m.group("post"):
        return Timex("DATE", "PAST_REF", trim_left=trim)
    return Timex("DURATION", duration_value(None, unit), trim_left=trim)


@pattern("adj_relative", r"(?i:(?P<w>year|month|week|quarter)[\s-](?:ago|earlier))")
def _adj_relative(m, ctx):
    """ "year-ago" / "year-earlier" (adjectives): the reference period one unit back."""
    unit = m.group("w").lower()
    # the reference period is the one being reported: a mention in the DCT's year
    current = ctx.ref and re.match(r"\d{4}", ctx.ref) and (ctx.dct is None or ctx.ref[:4] == f"{ctx.dct.year:04d}")
    if current:
        v = shift_value(ctx.ref, -1, unit)
        if v:
            return Timex("DATE", v, source="ref")
    v, src = dct_value(ctx, unit, -1)
    return Timex("DATE", v, source=src)


@pattern("year_end", r"(?i:(?P<w>year|month|quarter)[\s-]end)")
def _year_end(m, ctx):
    v, src = dct_value(ctx, m.group("w").lower(), 0)
    return Timex("DATE", v, mod="END", source=src)


# ---- bare definite units, holidays, spelled-out years ----------------------------------------


@pattern("the_unit", r"(?i:the\s+(?P<adj>latest\s+|full\s+|current\s+|same\s+)?(?P<fy>fiscal\s+)?(?P<unit>quarter|year|weekend|week)(?![\s-](?:ago|earlier|end|old)\b))",
         checks=[Check.THE_UNIT])
def _the_unit(m, ctx):
    """ "the quarter" / "the year" / "the weekend" in running news text: the reported period
    (the last calendar value of that unit in the text, else the DCT's; a quarter defaults to the
    last completed one). "for the year ended …" reads as a DURATION (P1Y)."""
    unit = m.group("unit").lower()
    if unit == "year" and re.search(r"(?i)^the\s+year\s+(?:ended|ending|to\s+)", m.string[m.start():m.end() + 12]):
        return Timex("DURATION", "P1Y")
    if unit == "quarter":
        ended = re.match(rf"\s+end(?:ed|ing)\s+(?P<m>{MONTH})", m.string[m.end():m.end() + 30])
        if ended and ctx.dct is not None:
            # "the quarter ended Sept. 30": the quarter holding that month, not after the DCT
            month = _month(ended.group("m"))
            q, y = (month - 1) // 3 + 1, ctx.dct.year
            if ctx.dct_precision == "day" and (y, q) > (ctx.dct.year, (ctx.dct.month - 1) // 3 + 1):
                y -= 1
            return Timex("DATE", f"{y:04d}-Q{q}", source="dct")
        if ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
            return Timex("DATE", ctx.ref, source="ref")
        v, src = dct_value(ctx, "quarter", -1)
        return Timex("DATE", v, source=src)
    if unit == "year":
        if ctx.last_year is not None:
            return Timex("DATE", f"{ctx.last_year:04d}")
        v, src = dct_value(ctx, "year", 0)
        return Timex("DATE", v, source=src)
    if unit == "weekend":
        if ctx.dct is None or ctx.dct_precision != "day":
            return Timex("DATE", "XXXX-WXX-WE", source="none")
        d = ctx.dct
        if not ctx.future:
            d = d - dt.timedelta(days=(d.isoweekday() % 7) if d.isoweekday() != 6 else 0)
        return Timex("DATE", iso_week(d) + "-WE", source="dct")
    if ctx.ref and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.ref):
        return Timex("DATE", iso_week(dt.date.fromisoformat(ctx.ref)), source="ref")
    v, src = dct_value(ctx, "week", 0)
    return Timex("DATE", v, source=src)


@pattern("recent", r"(?i:(?<=the\s|its\s|his\s|her\s)recent(?=\s+[a-z]))", checks=[Check.ADJECTIVE])
def _recent(m, ctx):
    """ "the recent sale" / "a recent filing": PAST_REF in TimeBank practice."""
    return Timex("DATE", "PAST_REF")


@pattern("current", r"(?i:(?<!then\s)current(?=\s+[a-z]))", checks=[Check.ADJECTIVE])
def _current(m, ctx):
    """ "current" as an adjective ("the current crisis") is PRESENT_REF in TimeBank practice."""
    return Timex("DATE", "PRESENT_REF")


@pattern("holiday", rf"(?P<rel>(?i:last|next|this)\s+)?(?P<h>{_HOLIDAY})(?:\s+(?P<y>{YEAR}))?")
def _holiday(m, ctx):
    """US/Christian holidays with a computable date; the year from the text, else the nearest
    occurrence not after the DCT ("last"/past tense) or not before it ("next"/future)."""
    key = re.sub(r"\s+", " ", m.group("h").lower())

    def fn(year: int) -> dt.date:
        return holiday_date(key, year)

    if m.group("y"):
        return Timex("DATE", fn(int(m.group("y"))).isoformat())
    if ctx.dct is None:
        return Timex("DATE", "XXXX-XX-XX", source="none")
    if ctx.dct_precision != "day":
        return Timex("DATE", fn(ctx.dct.year).isoformat(), source="dct")
    rel = (m.group("rel") or "").strip().lower()
    d = fn(ctx.dct.year)
    if rel == "next" or (not rel and ctx.future):
        if d < ctx.dct:
            d = fn(ctx.dct.year + 1)
    elif rel == "last" or not rel:
        if d > ctx.dct:
            d = fn(ctx.dct.year - 1)
    return Timex("DATE", d.isoformat(), source="dct")


_SPELLED_TENS = f"(?:{alternation(TENS)})"
_SPELLED_ONES = f"(?:{alternation(w for w, v in CARDINALS.items() if 1 <= v <= 9)})"
_SPELLED_TEENS = f"(?:{alternation(w for w, v in CARDINALS.items() if 10 <= v <= 19)})"


@pattern("spelled_year", rf"(?i:(?:the\s+year\s+)?(?P<c>nineteen|two\s+thousand(?:\s+and)?)(?:\s+(?P<rest>{_SPELLED_TENS}(?:[\s-]{_SPELLED_ONES})?|{_SPELLED_TEENS}|(?:oh\s+)?{_SPELLED_ONES}))?)")
def _spelled_year(m, ctx):
    """Years spoken out in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    c = m.group("c").lower()
    rest = m.group("rest")
    if c == "nineteen":
        if not rest:
            return None
        n = parse_number_text(re.sub(r"^oh\s+", "", rest.lower()))
        return Timex("DATE", f"{1900 + int(n):04d}") if n is not None else None
    n = parse_number_text(rest.lower()) if rest else 0
    if n is None or (not rest and not m.group(0).lower().startswith("the year")):
        return None
    return Timex("DATE", f"{2000 + int(n):04d}")


# --------------------------------------------------------------------------------------------
# Modifiers around a core match
# --------------------------------------------------------------------------------------------

_LEFT_MOD = re.compile(
    r"(?i:(?P<m>(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+days|last\s+days|dawn)\s+of\s+(?:the\s+)?"
    r"|early[\s-]+|late[\s-]+|mid[\s-]+|mid-?|the\s+middle\s+of\s+"
    r"|(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|just|only|well\s+over|upwards\s+of|no\s+more\s+than|no\s+less\s+than)\s+))$"
)

#: Cue in a left modifier -> TIMEX3 mod; the first cue found in the modifier decides.
_MOD_OF_CUE = (
    (re.compile(r"beginning|start|early|dawn|first days"), "START"),
    (re.compile(r"\bend\b|close|late|last days"), "END"),
    (re.compile(r"middle|mid"), "MID"),
    (re.compile(r"about|around|approx|roughly|some"), "APPROX"),
    (re.compile(r"nearly|almost|less|fewer|under|no more"), "LESS_THAN"),
    (re.compile(r"more|over|upwards"), "MORE_THAN"),
    (re.compile(r"at least|no less"), "EQUAL_OR_MORE"),
    (re.compile(r"at most|up to"), "EQUAL_OR_LESS"),
    (re.compile(r"turn"), "START"),
)


def left_modifier(text: str, start: int) -> Optional[tuple[int, str]]:
    """A modifier immediately left of ``start`` -> (new start, TIMEX3 mod or "" when only the
    span grows). "the beginning of" START, "end of" END, "middle of"/"mid" MID, "early" START,
    "late" END, "about" APPROX, "more than"/"over" MORE_THAN, "less than"/"under" LESS_THAN,
    "at least" EQUAL_OR_MORE, "at most"/"up to" EQUAL_OR_LESS."""
    window = text[max(0, start - 40):start]
    m = _LEFT_MOD.search(window)
    if not m:
        return None
    w = m.group("m").lower()
    new_start = start - len(m.group("m"))
    mod = next((mod for cue, mod in _MOD_OF_CUE if cue.search(w)), "")
    return new_start, mod


#: Modifiers that qualify a quantity ("about three years", "more than a decade").
NUMERIC_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})
#: Modifiers that pick a part of a period ("the beginning of 2019", "mid-May", "late 2019").
POINT_MODS = frozenset({"START", "END", "MID"})
_NUMERIC_CORE = re.compile(r"(?i)\d|" + NUM_WORD + r"\b|several|few|many")


def apply_left_modifier(text: str, start: int, end: int, timex: Timex) -> tuple[int, Optional[str]]:
    """Extend the span ``text[start:end]`` of ``timex`` over a modifier on its left (see
    :func:`left_modifier`) when it fits the reading: a point modifier or "about" before a
    calendar DATE ("the end of 2019", "about 2019"; not "about" before a relative or X value, not
    before PRESENT_REF), a numeric modifier before a DURATION with a number ("more than three
    years"). Returns (start, mod): the new start and the TIMEX3 mod (``timex.mod`` when the
    modifier only widens the span or does not apply)."""
    left = left_modifier(text, start)
    if left is None or timex.type not in ("DATE", "DURATION", "TIME"):
        return start, timex.mod
    new_start, lmod = left
    point = lmod in POINT_MODS
    numeric_core = bool(_NUMERIC_CORE.match(text[start:end]))
    if (timex.type == "DATE" and (point or lmod == "APPROX") and not timex.value.endswith("_REF")) or (
        timex.type == "DURATION" and lmod in NUMERIC_MODS and numeric_core
    ):
        if not (lmod == "APPROX" and timex.type == "DATE" and not re.match(r"\d{4}|XXXX", timex.value)):
            return new_start, lmod or timex.mod
    return start, timex.mod


def trim_span(text: str, start: int, end: int, timex: Timex) -> tuple[int, int]:
    """The span of ``timex`` without the signal words its rule matched for context: the rule's
    ``trim_left``/``trim_right``, a leading "from"/"in" of an interval, trailing blanks and
    punctuation (but the period of "p.m." or "Jan.")."""
    start += timex.trim_left
    end -= timex.trim_right
    lead = re.match(r"(?i)(?:from|in)\s+", text[start:end])
    if lead and timex.kind in ("interval",):
        start += lead.end()
    while end > start and text[end - 1] in " \t\n.,;:":
        if text[end - 1] == "." and re.search(r"(?:\b[ap]\.m|\b[A-Z][a-z]{2,3})\.$", text[start:end]):
            break  # "p.m.", "Jan.": the period belongs to the abbreviation
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------
# Finding and normalising
# --------------------------------------------------------------------------------------------


class Candidate(NamedTuple):
    """A candidate expression: char offsets into the text, the name of the rule that found it
    and the regex match (``rule`` is None for candidates that come from elsewhere, such as the
    stage's spaCy entities, whose ``name`` is "spacy")."""

    start: int
    end: int
    name: str
    match: Optional[re.Match]
    rule: Optional[Rule]


def find_timexes(text: str) -> list[Candidate]:
    """All non-overlapping candidate expressions in ``text``, sorted by start (char offsets
    into ``text``). The longest match wins; ties go to the pattern registered first. Normalise
    each with :func:`normalise_match` in text order, since a :class:`Context` carries earlier
    mentions. Time: every rule scans the text once; choosing among the matches is
    O(m log m) for m matches (the chosen spans are kept sorted, so an overlap test is a bisection).
    """
    cands = []
    for order, rule in enumerate(RULES):
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), m.end(), order, rule, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = SpanSet()
    chosen = []
    for s, e, _, rule, m in cands:
        if taken.add(s, e):
            chosen.append(Candidate(s, e, rule.name, m, rule))
    chosen.sort(key=lambda c: c.start)
    return chosen


class SpanSet:
    """Non-overlapping half-open char spans, kept sorted: :meth:`overlaps` and :meth:`add` are a
    bisection (plus a list insert), so choosing among m candidates is O(m log m), not O(m²)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in spans:
            self.add(s, e)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span of the set."""
        i = bisect.bisect_left(self.starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> bool:
        """Add ``[start, end)`` unless it overlaps a span of the set; returns whether it was added."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


def normalise_match(cand: Candidate, ctx: Context) -> Optional[Timex]:
    """Run a rule candidate's handler against ``ctx``: None (not a temporal expression) or the
    rule's :class:`Timex`, its ``kind`` the rule's name unless the handler named a finer one,
    its checks those of the handler and the rule."""
    rule = cand.rule
    timex = rule.handler(cand.match, ctx)
    if timex is None:
        return None
    return replace(timex, kind=timex.kind or rule.name, checks=timex.checks | rule.checks)
