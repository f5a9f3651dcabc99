"""Rule-based recognition and TIMEX3 normalisation of English temporal expressions.

This module is pure Python (no spaCy): it finds temporal expressions in a string with regular
expressions and normalises each to a TIMEX3 ``type``/``value``/``mod`` against a reference
context (:class:`Context`). :mod:`newsfacts.components.dates` wraps it as a spaCy component,
adds spaCy's DATE/TIME entities as extra candidates and filters false positives with the parse.

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
unknown digits stay ``X`` ("XXXX-05-09", "XXXX-WXX-5"): the system clock is never read. Expressions relative to a previous mention
("a year earlier", "later that month", "the year-ago quarter") shift ``Context.ref`` (the last
calendar value in the text) when there is one, else the DCT.

Sources of the rules: the TimeML 1.2.1 / TIMEX3 annotation guidelines (value formats, mods,
PRESENT_REF etc.), ISO 8601 (weeks, intervals), HeidelTime's English resource conventions for
seasons/parts of day, and the news-date heuristics of TempEval-3 systems (DCT as anchor, tense
for month-day and weekday direction). No rule is keyed to a benchmark sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ...lexicon.en.calendar import (DURATION_UNITS, MONTHS, PARTS_OF_DAY, SEASON_MONTH, SEASONS, SET_ADVERBS,
                                 WEEKDAYS)
from ...lexicon.en.numbers import VAGUE_QUANTIFIERS as VAGUE_NUMBERS

# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5, "single": 1,
    "dozen": 12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}
UNITS = DURATION_UNITS  # unit word -> (TIMEX3 duration letter, is clock unit, multiplier)

# --------------------------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------------------------

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|half|single|dozen)"
)
NUM = (
    rf"(?:(?<![\d,.$#])\d{{1,3}}(?:\.\d+)?(?![\d,]\d)|(?i:a|an)(?=[\s-])|(?i:{NUM_WORD}(?:[\s-]+{NUM_WORD})?"
    rf"(?:\s+and\s+a\s+half)?)|(?i:several|a\s+few|few|many|some|a\s+couple\s+of|couple\s+of|numerous))"
)
UNIT = r"(?i:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"
PART = r"(?i:morning|afternoon|evening|night)"
SEASON = r"(?i:spring|summer|autumn|fall|winter)"
# left word boundary; a digit may follow a hyphen only after mid-/pre-/post-/early-/late- ("COVID-19")
_B = r"(?<!\w)(?:(?<!-)|(?<=mid-)|(?<=Mid-)|(?<=pre-)|(?<=post-)|(?<=early-)|(?<=late-)|(?!\d))"
_E = r"(?![\w])"

# --------------------------------------------------------------------------------------------
# Context and result
# --------------------------------------------------------------------------------------------


@dataclass
class Context:
    """What a value may be resolved against.

    ``dct``: the document creation time (a date) or None; ``dct_precision``: "day" or "year"
    (an inferred DCT only fixes the year); ``ref``: the last calendar value seen in the text
    (a TIMEX3 value string) for "a year earlier"; ``last_year``: the last explicit year mentioned
    before the expression; ``future``: the governing verb is future ("will be held on May 9").
    """

    dct: Optional[dt.date] = None
    dct_precision: Optional[str] = None
    ref: Optional[str] = None
    last_year: Optional[int] = None
    future: bool = False
    tense: Optional[str] = None  # "past" | "present" | "future" | None (no verb found)


# --------------------------------------------------------------------------------------------
# Small calendar helpers
# --------------------------------------------------------------------------------------------


def parse_number(text: str) -> Optional[float]:
    """Number in digits or words ("21", "twenty-one", "a", "two and a half") -> float;
    vague quantifiers ("several", "a few") -> None."""
    t = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in VAGUE_NUMBERS or re.fullmatch(r"(?:a\s+)?(?:few|several|many|some|numerous|couple(?:\s+of)?)", t):
        return None
    half = 0.0
    if t.endswith("and a half"):
        half, t = 0.5, t[: -len("and a half")].strip()
    total = 0.0
    for w in re.split(r"[\s-]+", t):
        if w not in NUMBER_WORDS:
            return None
        v = NUMBER_WORDS[w]
        total = total * v if v == 100 and total else total + v
    return total + half


def fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration for ``n`` units ("P21M", "PT2H", "P10Y" for a decade); X for unknown n."""
    letter, clock, mult = UNITS[unit]
    if n is None:
        q = "X"
        if mult == 10:
            return "PXDE"
        if mult == 100:
            return "PXCE"
    else:
        q = fmt_num(n * mult)
    return f"PT{q}{letter}" if clock else f"P{q}{letter}"


def unit_of(word: str) -> str:
    w = word.lower().rstrip(".")
    if w in ("centuries", "century"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_value(value: str, n: int, unit: str) -> Optional[str]:
    """Shift a calendar value by ``n`` units, keeping the value's own granularity
    ("1989-Q3" - 1 year -> "1988-Q3"); None when the value cannot be shifted."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-H([12])|-W(\d\d)|-(SP|SU|FA|WI))?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = dt.date(y, int(m.group(2)), int(m.group(3)))
        return add_to_date(d, n, unit, "day")
    if m.group(2):
        mo = int(m.group(2))
        months = {"year": 12 * n, "month": n, "quarter": 3 * n, "decade": 120 * n}.get(unit)
        if months is None:
            return None
        k = y * 12 + mo - 1 + months
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    if m.group(4):
        q = int(m.group(4))
        quarters = {"year": 4 * n, "quarter": n}.get(unit)
        if quarters is None:
            return None
        k = y * 4 + q - 1 + quarters
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        rest = value[4:]
        return f"{y + years:04d}{rest}"
    return None


def add_to_date(d: dt.date, n: int, unit: str, gran: str) -> Optional[str]:
    """``d`` shifted by ``n`` units, formatted at the granularity of ``unit`` (or ``gran``)."""
    if unit == "day":
        return (d + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        return iso_week(d + dt.timedelta(weeks=n)) + ("-WE" if unit == "weekend" else "")
    if unit == "fortnight":
        return iso_week(d + dt.timedelta(weeks=2 * n))
    if unit == "month":
        k = d.year * 12 + d.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    if unit == "quarter":
        k = d.year * 4 + (d.month - 1) // 3 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if unit == "year":
        return f"{d.year + n:04d}"
    if unit == "decade":
        return f"{(d.year + 10 * n) // 10:03d}"
    if unit == "century":
        return f"{(d.year + 100 * n) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        return d.isoformat()
    return None


def unknown_like(unit: str) -> str:
    """The X-filled value of a day/week/month/year-level relative expression with no anchor."""
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}.get(unit, "XXXX-XX-XX")


def resolve_month_day(month: int, day: int, ctx: Context) -> tuple[str, str]:
    """Year for a month-day without year: nearest reading not after the DCT (not before it when
    ``ctx.future``); within the DCT year when only the year is known. Returns (value, source)."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "none"
    y = ctx.dct.year
    if ctx.dct_precision == "day":
        try:
            cand = dt.date(y, month, day)
        except ValueError:
            cand = None
        if cand is not None:
            if ctx.future and cand < ctx.dct - dt.timedelta(days=1):
                y += 1
            elif ctx.tense == "past" and cand > ctx.dct + dt.timedelta(days=1):
                y -= 1
            elif not ctx.future and ctx.tense != "past":
                # no past verb (present, scheduled, headline style): the nearest reading
                if (cand - ctx.dct).days > 183:
                    y -= 1
                elif (ctx.dct - cand).days > 183:
                    y += 1
    try:
        dt.date(y, month, day)
    except ValueError:
        return f"{y:04d}-{month:02d}-XX", "dct"
    return f"{y:04d}-{month:02d}-{day:02d}", "dct"


def resolve_month(month: int, ctx: Context, rel: str = "") -> tuple[str, str]:
    """A month name without year: "last" / "next" / "this" / bare (tense decides direction)."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}", "none"
    y, cur = ctx.dct.year, ctx.dct.month
    if ctx.dct_precision != "day":
        return f"{y:04d}-{month:02d}", "dct"
    if rel == "last":
        y = y if month < cur else y - 1
    elif rel == "next":
        y = y if month > cur else y + 1
    elif rel == "this":
        pass
    elif ctx.future:
        y = y if month >= cur else y + 1
    elif ctx.tense == "past":
        y = y if month <= cur else y - 1
    elif month - cur > 6:
        y -= 1
    elif cur - month > 6:
        y += 1
    return f"{y:04d}-{month:02d}", "dct"


def resolve_weekday(wd: int, ctx: Context, rel: str = "") -> tuple[str, str]:
    """A weekday relative to the DCT: the same day included; "last"/"next" exclude it."""
    if ctx.dct is None:
        return f"XXXX-WXX-{wd}", "none"
    if ctx.dct_precision != "day":
        return f"{ctx.dct.year:04d}-WXX-{wd}", "dct"
    cur = ctx.dct.isoweekday()
    if rel == "last":
        delta = -((cur - wd) % 7 or 7)
    elif rel == "next":
        delta = (wd - cur) % 7 or 7
    elif ctx.future or rel == "coming":
        delta = (wd - cur) % 7
    else:
        delta = -((cur - wd) % 7)
    return (ctx.dct + dt.timedelta(days=delta)).isoformat(), "dct"


def resolve_season(season: str, ctx: Context, rel: str = "") -> tuple[str, str]:
    if ctx.dct is None:
        return f"XXXX-{season}", "none"
    y, cur = ctx.dct.year, ctx.dct.month
    sm = SEASON_MONTH[season]
    cur_season_m = {12: 1, 1: 1, 2: 1, 3: 4, 4: 4, 5: 4, 6: 7, 7: 7, 8: 7, 9: 10, 10: 10, 11: 10}[cur]
    if ctx.dct_precision != "day" or rel == "this":
        pass
    elif rel == "last":
        y = y if sm < cur_season_m else y - 1
    elif rel == "next":
        y = y if sm > cur_season_m else y + 1
    elif ctx.future:
        y = y if sm >= cur_season_m else y + 1
    else:
        y = y if sm <= cur_season_m else y - 1
    return f"{y:04d}-{season}", "dct"


# --------------------------------------------------------------------------------------------
# Patterns: each is (name, compiled regex, handler(match, ctx) -> partial Timex fields | None)
# --------------------------------------------------------------------------------------------

Handler = Callable[[re.Match, Context], Optional[dict]]
PATTERNS: list[tuple[str, re.Pattern, Handler]] = []


def pattern(name: str, regex: str, flags: int = 0):
    """Register a recognition pattern with its normalising handler (decorator)."""

    def deco(fn: Handler) -> Handler:
        PATTERNS.append((name, re.compile(_B + regex + _E, flags), fn))
        return fn

    return deco


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _year(s: str) -> int:
    return int(s)


def _dct_value(ctx: Context, unit: str, n: int = 0) -> tuple[str, str]:
    """The DCT's unit (day, week, month, quarter, year…) shifted by ``n``."""
    if ctx.dct is None:
        return unknown_like(unit), "none"
    if ctx.dct_precision != "day" and unit not in ("year", "decade", "century"):
        if unit == "day":
            return f"{ctx.dct.year:04d}-XX-XX", "dct"
        return unknown_like(unit).replace("XXXX", f"{ctx.dct.year:04d}", 1), "dct"
    return add_to_date(ctx.dct, n, unit, unit) or unknown_like(unit), "dct"


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
    return {"type": "DATE", "value": v, "source": src}


def _full(y: int, mo: int, d: int) -> Optional[dict]:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    return {"type": "DATE", "value": f"{y:04d}-{mo:02d}-{d:02d}"}


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
        r = {"type": "TIME", "value": r["value"] + f"T{m.group('h')}:{m.group('mi')}"}
    return r


@pattern("slash_date", r"(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![/\d])")
def _slash(m, ctx):
    y = m.group("y")
    y = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    return _full(y, int(m.group("mo")), int(m.group("d")))


@pattern("md", rf"(?P<m>{MONTH})\s*(?P<d>{DAY})(?![\d,.]\d|\s*(?:%|percent|per\s*cent|million|billion))")
def _md(m, ctx):
    month, day = _month(m.group("m")), _day(m.group("d"))
    try:
        dt.date(2000, month, day)
    except ValueError:
        return None
    v, src = resolve_month_day(month, day, ctx)
    return {"type": "DATE", "value": v, "source": src, "needs": {"future"}}


@pattern("dm", rf"(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?!\s*,?\s*\d)")
def _dm(m, ctx):
    month, day = _month(m.group("m")), _day(m.group("d"))
    try:
        dt.date(2000, month, day)
    except ValueError:
        return None
    if m.group("m").rstrip(".") in ("May", "March", "Mar") and not m.group("d")[-1:].isalpha() and " of " not in m.group(0):
        return None  # "5 May" is fine in text but "3 March" also reads "3 march(es)"; keep it strict
    v, src = resolve_month_day(month, day, ctx)
    return {"type": "DATE", "value": v, "source": src, "needs": {"future"}}


@pattern("month_year", rf"(?P<m>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})(?!\s*[-/]\s*\d)")
def _month_year(m, ctx):
    return {"type": "DATE", "value": f"{int(m.group('y')):04d}-{_month(m.group('m')):02d}"}


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
    return {"type": "DATE", "value": f"{a}/{b}", "begin": a, "end_value": b, "source": src, "kind": "interval"}


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
    return {"type": "DATE", "value": f"{a}/{b}", "begin": a, "end_value": b, "source": src,
            "kind": "interval", "needs": set() if y else {"future"}}


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
    return {"type": "DATE", "value": f"{va}/{vb}", "begin": va, "end_value": vb, "source": src, "kind": "interval"}


@pattern("month", rf"(?P<rel>(?i:last|next|this|past|coming)\s+)?(?P<m>{_MONTH_FULL}|Sept\.)(?!\s*\d)")
def _month_alone(m, ctx):
    name = m.group("m")
    rel = (m.group("rel") or "").strip().lower()
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    v, src = resolve_month(_month(name), ctx, rel)
    return {"type": "DATE", "value": v, "source": src, "needs": {"future", "month_ok"}, "kind": "month"}


@pattern("year", rf"(?P<fy>(?i:fiscal(?:\s+year)?|FY|the\s+year|calendar(?:\s+year)?|model\s+year)\s*)?(?P<y>{YEAR})(?:\s*(?:-|/)\s*(?P<y2>\d\d(?!\d)|{YEAR}))?(?!\s*(?:%|percent))")
def _year_pat(m, ctx):
    y = int(m.group("y"))
    y2 = m.group("y2")
    if y2:
        y2v = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if y2v == y + 1 and (len(y2) == 2 or m.group("fy")):
            a, b = f"{y:04d}", f"{y2v:04d}"
            return {"type": "DATE", "value": f"{a}/{b}", "begin": a, "end_value": b, "kind": "fiscal"}
        if len(y2) == 4 and y < y2v <= y + 50:
            return {"type": "DATE", "value": f"{y:04d}", "kind": "year_range", "split": (m.start("y2"), m.end("y2"), f"{y2v:04d}")}
        return None
    return {"type": "DATE", "value": f"{y:04d}", "kind": "year_fy" if m.group("fy") else "year"}


@pattern("apos_year", r"(?:(?i:fiscal|FY)\s*)?'(?P<y>[0-9]\d)(?!\d|s)")
def _apos_year(m, ctx):
    y = int(m.group("y"))
    if not m.group(0).lower().startswith(("fiscal", "fy")):
        return None
    return {"type": "DATE", "value": f"{(1900 + y) if y > 30 else (2000 + y):04d}"}


@pattern("decade", r"(?P<pre>(?i:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?)(?:(?P<y>1[0-9]\d0|20[0-9]0)'?s|'(?P<yy>[0-9]0)s|(?i:(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))")
def _decade(m, ctx):
    if m.group("y"):
        v = m.group("y")[:3]
    elif m.group("yy"):
        v = ("19" if int(m.group("yy")) > 20 else "20") + m.group("yy")[0]
    else:
        if not m.group("pre").strip():
            return None
        idx = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(m.group("w").lower()) + 2
        v = f"19{idx}"
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
    return {"type": "DATE", "value": v, "mod": mod}


@pattern("century", r"(?i:the\s+)?(?P<mod>(?i:early|mid|late)[\s-]+)?(?P<n>1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+(?i:century)")
def _century(m, ctx):
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").strip(" -").lower())
    return {"type": "DATE", "value": f"{int(m.group('n')) - 1:02d}", "mod": mod}


_QORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|year-ago|year-earlier|recent|same|comparable|fiscal)"


@pattern(
    "quarter",
    rf"(?i:(?:the\s+)?(?:(?P<y0>{YEAR})(?:'s)?\s+|(?P<this>this\s+year's|last\s+year's|next\s+year's)\s+)?(?:comparable\s+|same\s+)?(?P<ago>year[\s-]ago\s+|year[\s-]earlier\s+|prior[\s-]year\s+)?(?:fiscal\s+)?{_QORD}(?:[\s-]+(?:fiscal|calendar))?[\s-]+quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR}))?)",
)
def _quarter(m, ctx):
    q = m.group("q").lower()
    qn = ORDINALS.get(q) if q not in ("last", "final") else None
    y = m.group("y") or m.group("y0")
    if q in ("last", "final") and y:
        qn = 4
    if y:
        return {"type": "DATE", "value": f"{int(y):04d}-Q{qn}"} if qn else None
    if m.group("ago") and qn:
        if ctx.dct is None:
            return {"type": "DATE", "value": f"XXXX-Q{qn}", "source": "none", "kind": "adj_relative"}
        return {"type": "DATE", "value": f"{ctx.dct.year - 1:04d}-Q{qn}", "source": "dct", "kind": "adj_relative"}
    if ctx.dct is None:
        return {"type": "DATE", "value": f"XXXX-Q{qn}" if qn else "XXXX-QX", "source": "none"}
    this = (m.group("this") or "").lower()
    yy = ctx.dct.year + (-1 if this.startswith("last") else 1 if this.startswith("next") else 0)
    if q in ("year-ago", "year-earlier"):
        if ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
            return {"type": "DATE", "value": shift_value(ctx.ref, -1, "year"), "source": "ref", "kind": "adj_relative"}
        v, src = _dct_value(ctx, "quarter", -1)
        return {"type": "DATE", "value": shift_value(v, -1, "year") or v, "source": src, "kind": "adj_relative"}
    if qn is None:  # "the latest quarter", "last quarter", "the current quarter"
        if q in ("current",):
            v, src = _dct_value(ctx, "quarter", 0)
        elif q in ("same", "comparable") and ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
            return {"type": "DATE", "value": ctx.ref, "source": "ref"}
        else:
            v, src = _dct_value(ctx, "quarter", -1)
        return {"type": "DATE", "value": v, "source": src}
    if ctx.dct_precision == "day" and not this:
        cur_q = (ctx.dct.month - 1) // 3 + 1
        if qn > cur_q and not ctx.future and qn - cur_q > 1:
            yy -= 1
    return {"type": "DATE", "value": f"{yy:04d}-Q{qn}", "source": "dct"}


@pattern("q_short", rf"Q(?P<q>[1-4])(?:\s*(?P<y>{YEAR}))?|(?P<y2>{YEAR})\s*Q(?P<q2>[1-4])")
def _q_short(m, ctx):
    q = m.group("q") or m.group("q2")
    y = m.group("y") or m.group("y2")
    if y:
        return {"type": "DATE", "value": f"{y}-Q{q}"}
    if ctx.dct is None:
        return {"type": "DATE", "value": f"XXXX-Q{q}", "source": "none"}
    return {"type": "DATE", "value": f"{ctx.dct.year:04d}-Q{q}", "source": "dct"}


@pattern("half", rf"(?i:(?:the\s+)?(?P<h>first|second|1st|2nd)[\s-]+half(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?)")
def _half(m, ctx):
    h = 1 if m.group("h").lower() in ("first", "1st") else 2
    if m.group("y"):
        return {"type": "DATE", "value": f"{m.group('y')}-H{h}"}
    if ctx.dct is None:
        return {"type": "DATE", "value": f"XXXX-H{h}", "source": "none"}
    rel = (m.group("rel") or "").lower()
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if not m.group("rel") and ctx.last_year and "the year" in m.group(0).lower():
        y = ctx.last_year
    return {"type": "DATE", "value": f"{y:04d}-H{h}", "source": "dct"}


@pattern("season", rf"(?P<pre>(?i:(?:the\s+)?(?:(?P<rel>this|last|next|past|coming)\s+|(?P<mod>early|late|mid)[\s-]+)?))(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?")
def _season(m, ctx):
    s = SEASONS[m.group("s").lower()]
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m.group("mod") or "").lower())
    if m.group("y"):
        return {"type": "DATE", "value": f"{m.group('y')}-{s}", "mod": mod}
    rel = (m.group("rel") or "").lower()
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    v, src = resolve_season(s, ctx, rel)
    return {"type": "DATE", "value": v, "mod": mod, "source": src, "needs": {"future", "season_ok"}}


# ---- weekdays, days, parts of day, clock times --------------------------------------------


@pattern("weekday", rf"(?P<rel>(?i:last|next|this|past|coming|previous)\s+)?(?P<w>{WEEKDAY})(?:'s)?(?:\s+(?P<part>{PART}))?")
def _weekday(m, ctx):
    wd = WEEKDAYS[m.group("w").lower()]
    rel = (m.group("rel") or "").strip().lower()
    rel = {"past": "last", "previous": "last"}.get(rel, rel)
    v, src = resolve_weekday(wd, ctx, rel)
    if m.group("part"):
        v += "T" + PARTS_OF_DAY[m.group("part").lower()]
    return {"type": "DATE", "value": v, "source": src, "needs": {"future"}}


_DAYWORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


@pattern("dayword", r"(?i:(?P<pre>(?:early|late)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?(?:\s+(?P<part>morning|afternoon|evening|night))?)")
def _dayword(m, ctx):
    w = m.group("w").lower()
    v, src = _dct_value(ctx, "day", _DAYWORDS[w])
    part = m.group("part") or ("night" if w == "tonight" else None)
    if part:
        v += "T" + PARTS_OF_DAY[part.lower()]
    return {"type": "DATE" if not part else ("TIME" if w in ("tonight",) or part else "DATE"), "value": v, "source": src}


@pattern("this_part", r"(?i:(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night))")
def _this_part(m, ctx):
    rel = m.group("rel").lower()
    n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and m.group("part").lower() != "night":
        n = -1
    v, src = _dct_value(ctx, "day", n)
    return {"type": "TIME", "value": v + "T" + PARTS_OF_DAY[m.group("part").lower()], "source": src}


_TZ = r"(?:\s*\(?(?P<tz>(?:[ECMP][SD]T|ET|PT|GMT|UTC|BST|CET|CEST|JST|HKT|local\s+time))\)?)?"


@pattern("clock", rf"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)(?![\w]))" + _TZ + rf"(?:\s+(?:on\s+)?(?P<w>{WEEKDAY}|(?i:today|yesterday|tomorrow)))?")
def _clock(m, ctx):
    h = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
    out = _time_value(h, int(m.group("mi") or 0), m, ctx)
    out["needs"] = {"future"}
    return out


@pattern("clock24", rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!\d|\s*(?i:a\.?m|p\.?m))" + _TZ)
def _clock24(m, ctx):
    if not m.group("tz"):
        return {"type": "TIME", "value": "", "needs": {"clock_cue"}, "h": int(m.group("h")), "mi": int(m.group("mi"))}
    return _time_value(int(m.group("h")), int(m.group("mi")), m, ctx)


def _time_value(h: int, mi: int, m: re.Match, ctx: Context) -> dict:
    w = m.groupdict().get("w")
    if w and w.lower() in WEEKDAYS:
        d, src = resolve_weekday(WEEKDAYS[w.lower()], ctx)
    elif w:
        d, src = _dct_value(ctx, "day", _DAYWORDS[w.lower()])
    else:
        d, src = _dct_value(ctx, "day", 0)
    v = f"{d}T{h:02d}:{mi:02d}"
    return {"type": "TIME", "value": v, "source": src}


@pattern("noon", rf"(?i:(?P<w>noon|midnight|midday))(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|(?i:today|yesterday|tomorrow)))?")
def _noon(m, ctx):
    wd = m.group("wd")
    if wd and wd.lower() in WEEKDAYS:
        d, src = resolve_weekday(WEEKDAYS[wd.lower()], ctx)
    elif wd:
        d, src = _dct_value(ctx, "day", _DAYWORDS[wd.lower()])
    else:
        d, src = _dct_value(ctx, "day", 0)
    hh = "12:00" if m.group("w").lower() in ("noon", "midday") else "24:00"
    return {"type": "TIME", "value": f"{d}T{hh}", "source": src, "needs": {"clock_ok"}}


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
                return {"type": "DATE", "value": v, "source": "ref"}
        v, src = _dct_value(ctx, unit, n)
        return {"type": "DATE", "value": v, "source": src}
    if rel in ("past", "last", "next", "coming") and has_the:
        # "the past year" / "the next month": a stretch of time (DURATION), per TimeML
        return {"type": "DURATION", "value": duration_value(1, unit)}
    if rel == "past":
        return {"type": "DURATION", "value": duration_value(1, unit)}
    n = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
         "same": 0, "that": 0}[rel]
    if rel in ("that", "same", "following") and ctx.ref:
        v = shift_value(ctx.ref, n, unit) if n else _truncate(ctx.ref, unit)
        if v:
            return {"type": "DATE", "value": v, "source": "ref"}
    v, src = _dct_value(ctx, unit, n)
    mod = None
    pre = (m.group("pre") or "").strip().lower()
    if pre == "earlier":
        mod = None
    return {"type": "DATE", "value": v, "source": src, "mod": mod}


def _truncate(value: str, unit: str) -> Optional[str]:
    """Cut a calendar value down to ``unit`` granularity ("1998-08-07" -> "1998" for year)."""
    if not re.match(r"\d{4}", value):
        return None
    if unit == "year":
        return value[:4]
    if unit == "month" and re.match(r"\d{4}-\d\d", value):
        return value[:7]
    if unit in ("week", "weekend") and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return iso_week(dt.date.fromisoformat(value)) + ("-WE" if unit == "weekend" else "")
    if unit == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return value
    return None


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
        return {"type": "DATE", "value": f"{ctx.last_year:04d}", "mod": mod, "source": "explicit"}
    v, src = _dct_value(ctx, unit, 0)
    return {"type": "DATE", "value": v, "mod": mod, "source": src}


@pattern("earlier_this", r"(?i:(?P<w>earlier|later|early|late)\s+(?:this|in\s+the|that)\s+(?P<unit>week|month|year|decade|century))")
def _earlier_this(m, ctx):
    unit = m.group("unit").lower()
    if "that" in m.group(0).lower() and ctx.ref:
        v = _truncate(ctx.ref, unit)
        if v:
            return {"type": "DATE", "value": v, "source": "ref"}
    v, src = _dct_value(ctx, unit, 0)
    w = m.group("w").lower()
    mod = {"early": "START", "late": "END"}.get(w)
    return {"type": "DATE", "value": v, "source": src, "mod": mod}


@pattern("early_next", r"(?i:(?P<w>early|late|mid)[\s-]+(?P<rel>this|last|next)\s+(?P<unit>week|month|year|decade))")
def _early_next(m, ctx):
    n = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    v, src = _dct_value(ctx, m.group("unit").lower(), n)
    return {"type": "DATE", "value": v, "source": src, "mod": {"early": "START", "late": "END", "mid": "MID"}[m.group("w").lower()]}


@pattern("ref_words", r"(?i:(?P<w>right\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|the\s+present|recently|lately|the\s+past|in\s+the\s+past|the\s+(?:near\s+|distant\s+)?future|recent\s+(?:years|months|weeks|days|times)))")
def _ref_words(m, ctx):
    w = m.group("w").lower()
    if w.startswith("in the past"):
        return {"type": "DATE", "value": "PAST_REF", "trim_left": 3}
    if re.search(r"now|current|present|these days|moment", w):
        v = "PRESENT_REF"
    elif re.search(r"future|soon|shortly", w):
        v = "FUTURE_REF"
    else:
        v = "PAST_REF"
    return {"type": "DATE", "value": v, "needs": {"ref_ok"}}


@pattern("set_adverb", r"(?i:(?P<w>hourly|daily|nightly|weekly|monthly|annually|yearly))")
def _set_adverb(m, ctx):
    return {"type": "SET", "value": SET_ADVERBS[m.group("w").lower()], "needs": {"set_ok"}}


@pattern("every", rf"(?i:(?P<q>every|each|per|a)\s+(?:(?P<other>other|single)\s+)?(?P<u>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|morning|evening|summer|winter|spring|autumn|fall)|(?P<q2>every|each)\s+(?P<w>{WEEKDAY}|{_MONTH_FULL}))")
def _every(m, ctx):
    if m.group("w") and m.group("w").lower() in MONTHS:
        return {"type": "SET", "value": f"XXXX-{_month(m.group('w')):02d}"}
    if m.group("w"):
        return {"type": "SET", "value": f"XXXX-WXX-{WEEKDAYS[m.group('w').lower()]}"}
    u = m.group("u").lower()
    q = m.group("q").lower()
    if u in ("morning", "evening"):
        return {"type": "SET", "value": f"TXX{PARTS_OF_DAY[u]}"} if q in ("every", "each") else None
    if u in SEASONS:
        return {"type": "SET", "value": f"XXXX-{SEASONS[u]}"} if q in ("every", "each") else None
    if u == "night":
        u = "day"
    n = 2 if m.group("other") and m.group("other").lower() == "other" else 1
    val = duration_value(n, u)
    return {"type": "SET", "value": val, "needs": {"rate"} if q in ("a", "per") else set()}


# ---- durations and their "ago" forms --------------------------------------------------------

_DUR_ADJ = r"(?:(?:consecutive|straight|successive|full|more|additional|long|calendar|whole|entire|subsequent|remaining|other|short|working|business|trading|fiscal)\s+)"
_DUR_PRE = r"(?:(?P<pre>(?:the|these|those)\s+)?(?P<rel>(?:past|last|next|first|coming|previous|following|final|initial|remaining|latest|recent|preceding)\s+)?)"


@pattern(
    "duration",
    rf"(?i:{_DUR_PRE}(?P<n>{NUM})(?P<hy>[\s-]+){_DUR_ADJ}?(?P<u>{UNIT})(?P<old>[\s-]+old)?(?P<post>\s+(?:ago|earlier|later|before|after|from\s+now|hence|back|since)(?!\s+than))?)",
)
def _duration(m, ctx):
    if m.group("old"):
        return None  # ages: "35 years old", "a 35-year-old"
    unit = unit_of(m.group("u"))
    if unit not in UNITS:
        return None
    ntext = m.group("n").strip()
    n = parse_number(ntext)
    hyphen = "-" in m.group("hy")
    post = (m.group("post") or "").strip().lower()
    plural = m.group("u").lower().endswith("s") or m.group("u").lower() == "centuries"
    if ntext.lower() in ("a", "an", "one", "single") and plural:
        return None
    if ntext.lower() in ("a", "an") and unit == "second":
        return None  # "a second group": the ordinal
    if n is not None and n > 1 and not plural and not hyphen:
        # "ten year" without plural: accept only as an adjective ("a ten year plan") -> DURATION
        pass
    if post in ("ago", "earlier", "later", "before", "after", "from now", "hence", "back", "on", "since") and not m.group("rel"):
        if post in ("before", "after", "since"):
            # "two days after the attack": the duration alone is the timex (TimeML); trim
            return {"type": "DURATION", "value": duration_value(n, unit), "trim_right": len(m.group("post"))}
        sign = -1 if post in ("ago", "earlier", "back") else 1
        if n is None or not float(n).is_integer():
            return {"type": "DATE", "value": "PAST_REF" if sign < 0 else "FUTURE_REF"}
        k = int(n) * sign
        if unit == "weekend":
            unit, k = "week", k
        if post == "ago" and unit == "year" and ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
            # "a year ago" in a quarterly report: the reported quarter one year back
            return {"type": "DATE", "value": shift_value(ctx.ref, k, unit), "source": "ref"}
        if post in ("earlier", "later", "on") and ctx.ref:
            v = shift_value(ctx.ref, k, unit)
            if v:
                return {"type": "DATE", "value": v, "source": "ref"}
        if unit in ("hour", "minute", "second"):
            return {"type": "DURATION", "value": duration_value(n, unit), "trim_right": len(m.group("post"))}
        v, src = _dct_value(ctx, unit, k)
        return {"type": "DATE", "value": v, "source": src}
    out = {"type": "DURATION", "value": duration_value(n, unit)}
    if post:
        out["trim_right"] = len(m.group("post"))
    if ntext.lower() in ("a", "an") and not m.group("rel") and not m.group("pre"):
        out["needs"] = {"a_unit"}
    return out


@pattern("vague_units", rf"(?i:(?P<pre>(?:for|in|over|within|during|throughout|recent|past|coming|the\s+past|the\s+coming|the\s+next|the\s+last|(?:over|in|during|throughout)\s+the)\s+)(?P<u>years|months|weeks|decades|centuries|days|hours|minutes)(?P<post>\s+ago)?)")
def _vague_units(m, ctx):
    unit = unit_of(m.group("u"))
    pre = m.group("pre").lower().strip()
    trim = 0
    if pre in ("for", "in", "over", "within", "during", "throughout"):
        trim = len(m.group("pre"))
    elif re.match(r"(?:over|in|during|throughout)\s+the$", pre):
        trim = len(m.group("pre")) - len(re.search(r"the\s+$", m.group("pre")).group(0))
    if m.group("post"):
        return {"type": "DATE", "value": "PAST_REF", "trim_left": trim}
    return {"type": "DURATION", "value": duration_value(None, unit), "trim_left": trim}


@pattern("adj_relative", r"(?i:(?P<w>year|month|week|quarter)[\s-](?:ago|earlier))")
def _adj_relative(m, ctx):
    """ "year-ago" / "year-earlier" (adjectives): the reference period one unit back."""
    unit = m.group("w").lower()
    # the reference period is the one being reported: a mention in the DCT's year
    current = ctx.ref and re.match(r"\d{4}", ctx.ref) and (ctx.dct is None or ctx.ref[:4] == f"{ctx.dct.year:04d}")
    if current:
        v = shift_value(ctx.ref, -1, unit)
        if v:
            return {"type": "DATE", "value": v, "source": "ref"}
    v, src = _dct_value(ctx, unit, -1)
    return {"type": "DATE", "value": v, "source": src}


@pattern("year_end", r"(?i:(?P<w>year|month|quarter)[\s-]end)")
def _year_end(m, ctx):
    v, src = _dct_value(ctx, m.group("w").lower(), 0)
    return {"type": "DATE", "value": v, "mod": "END", "source": src}


# ---- bare definite units, holidays, spelled-out years ----------------------------------------


@pattern("the_unit", r"(?i:the\s+(?P<adj>latest\s+|full\s+|current\s+|same\s+)?(?P<fy>fiscal\s+)?(?P<unit>quarter|year|weekend|week)(?![\s-](?:ago|earlier|end|old)\b))")
def _the_unit(m, ctx):
    """ "the quarter" / "the year" / "the weekend" in running news text: the reported period
    (the last calendar value of that unit in the text, else the DCT's; a quarter defaults to the
    last completed one). "for the year ended …" reads as a DURATION (P1Y)."""
    unit = m.group("unit").lower()
    if unit == "year" and re.search(r"(?i)^the\s+year\s+(?:ended|ending|to\s+)", m.string[m.start():m.end() + 12]):
        return {"type": "DURATION", "value": "P1Y", "needs": {"the_unit"}}
    if unit == "quarter":
        ended = re.match(rf"\s+end(?:ed|ing)\s+(?P<m>{MONTH})", m.string[m.end():m.end() + 30])
        if ended and ctx.dct is not None:
            # "the quarter ended Sept. 30": the quarter holding that month, not after the DCT
            month = _month(ended.group("m"))
            q, y = (month - 1) // 3 + 1, ctx.dct.year
            if ctx.dct_precision == "day" and (y, q) > (ctx.dct.year, (ctx.dct.month - 1) // 3 + 1):
                y -= 1
            return {"type": "DATE", "value": f"{y:04d}-Q{q}", "source": "dct", "needs": {"the_unit"}}
        if ctx.ref and re.fullmatch(r"\d{4}-Q\d", ctx.ref):
            return {"type": "DATE", "value": ctx.ref, "source": "ref", "needs": {"the_unit"}}
        v, src = _dct_value(ctx, "quarter", -1)
        return {"type": "DATE", "value": v, "source": src, "needs": {"the_unit"}}
    if unit == "year":
        if ctx.last_year is not None:
            return {"type": "DATE", "value": f"{ctx.last_year:04d}", "needs": {"the_unit"}}
        v, src = _dct_value(ctx, "year", 0)
        return {"type": "DATE", "value": v, "source": src, "needs": {"the_unit"}}
    if unit == "weekend":
        if ctx.dct is None or ctx.dct_precision != "day":
            return {"type": "DATE", "value": "XXXX-WXX-WE", "source": "none", "needs": {"the_unit"}}
        d = ctx.dct
        if not ctx.future:
            d = d - dt.timedelta(days=(d.isoweekday() % 7) if d.isoweekday() != 6 else 0)
        return {"type": "DATE", "value": iso_week(d) + "-WE", "source": "dct", "needs": {"the_unit"}}
    if ctx.ref and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.ref):
        return {"type": "DATE", "value": iso_week(dt.date.fromisoformat(ctx.ref)), "source": "ref", "needs": {"the_unit"}}
    v, src = _dct_value(ctx, "week", 0)
    return {"type": "DATE", "value": v, "source": src, "needs": {"the_unit"}}


@pattern("recent", r"(?i:(?<=the\s|its\s|his\s|her\s)recent(?=\s+[a-z]))")
def _recent(m, ctx):
    """ "the recent sale" / "a recent filing": PAST_REF in TimeBank practice."""
    return {"type": "DATE", "value": "PAST_REF", "needs": {"current"}}


@pattern("current", r"(?i:(?<!then\s)current(?=\s+[a-z]))")
def _current(m, ctx):
    """ "current" as an adjective ("the current crisis") is PRESENT_REF in TimeBank practice."""
    return {"type": "DATE", "value": "PRESENT_REF", "needs": {"current"}}


def _easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    """The n-th ISO weekday ``wd`` of a month (n=-1: the last)."""
    if n > 0:
        d = dt.date(y, month, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    last = dt.date(y, month, calendar.monthrange(y, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "easter sunday": _easter,
    "easter": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
}


@pattern("holiday", rf"(?P<rel>(?i:last|next|this)\s+)?(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+(?:Eve|Day)|Independence\s+Day|Halloween|Valentine's\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?|Good\s+Friday)(?:\s+(?P<y>{YEAR}))?")
def _holiday(m, ctx):
    """US/Christian holidays with a computable date; the year from the text, else the nearest
    occurrence not after the DCT ("last"/past tense) or not before it ("next"/future)."""
    key = re.sub(r"\s+", " ", m.group("h").lower())
    fn = HOLIDAYS[key]
    if m.group("y"):
        return {"type": "DATE", "value": fn(int(m.group("y"))).isoformat()}
    if ctx.dct is None:
        return {"type": "DATE", "value": "XXXX-XX-XX", "source": "none"}
    if ctx.dct_precision != "day":
        return {"type": "DATE", "value": fn(ctx.dct.year).isoformat(), "source": "dct"}
    rel = (m.group("rel") or "").strip().lower()
    d = fn(ctx.dct.year)
    if rel == "next" or (not rel and ctx.future):
        if d < ctx.dct:
            d = fn(ctx.dct.year + 1)
    elif rel == "last" or not rel:
        if d > ctx.dct:
            d = fn(ctx.dct.year - 1)
    return {"type": "DATE", "value": d.isoformat(), "source": "dct", "needs": {"future"}}


_SPELLED_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPELLED_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"


@pattern("spelled_year", rf"(?i:(?:the\s+year\s+)?(?P<c>nineteen|two\s+thousand(?:\s+and)?)(?:\s+(?P<rest>{_SPELLED_TENS}(?:[\s-]{_SPELLED_ONES})?|{_SPELLED_TEENS}|(?:oh\s+)?{_SPELLED_ONES}))?)")
def _spelled_year(m, ctx):
    """Years spoken out in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    c = m.group("c").lower()
    rest = m.group("rest")
    if c == "nineteen":
        if not rest:
            return None
        n = parse_number(re.sub(r"^oh\s+", "", rest.lower()))
        return {"type": "DATE", "value": f"{1900 + int(n):04d}"} if n is not None else None
    n = parse_number(rest.lower()) if rest else 0
    if n is None or (not rest and not m.group(0).lower().startswith("the year")):
        return None
    return {"type": "DATE", "value": f"{2000 + int(n):04d}"}


# --------------------------------------------------------------------------------------------
# Modifiers around a core match
# --------------------------------------------------------------------------------------------

_LEFT_MOD = re.compile(
    r"(?i:(?P<m>(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+days|last\s+days|dawn)\s+of\s+(?:the\s+)?"
    r"|early[\s-]+|late[\s-]+|mid[\s-]+|mid-?|the\s+middle\s+of\s+"
    r"|(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|just|only|well\s+over|upwards\s+of|no\s+more\s+than|no\s+less\s+than)\s+))$"
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
    if re.search(r"beginning|start|early|dawn|first days", w):
        mod = "START"
    elif re.search(r"\bend\b|close|late|last days", w):
        mod = "END"
    elif re.search(r"middle|mid", w):
        mod = "MID"
    elif re.search(r"about|around|approx|roughly|some", w):
        mod = "APPROX"
    elif re.search(r"nearly|almost|less|fewer|under|no more", w):
        mod = "LESS_THAN"
    elif re.search(r"more|over|upwards", w):
        mod = "MORE_THAN"
    elif "at least" in w or "no less" in w:
        mod = "EQUAL_OR_MORE"
    elif "at most" in w or "up to" in w:
        mod = "EQUAL_OR_LESS"
    elif "turn" in w:
        mod = "START"
    else:
        mod = ""
    return new_start, mod


_NUMERIC_MODS = {"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
_POINT_MODS = {"START", "END", "MID"}


Match = tuple[int, int, str, re.Match, Handler]


def find_timexes(text: str) -> list[Match]:
    """All non-overlapping candidate expressions in ``text``, sorted by start: tuples
    ``(start, end, pattern name, regex match, handler)`` (char offsets into ``text``). The
    longest match wins; ties go to the pattern registered first. Normalise each with
    :func:`normalise_match` in text order, since a :class:`Context` carries earlier mentions.
    """
    cands = []
    for order, (name, rx, fn) in enumerate(PATTERNS):
        for m in rx.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), m.end(), order, name, m, fn))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return [(s, e, name, m, fn) for s, e, _, name, m, fn in chosen]  # type: ignore[return-value]


def normalise_match(name: str, m: re.Match, fn: Handler, ctx: Context) -> Optional[dict]:
    """Run a pattern's handler against ``ctx``. Returns None (not a temporal expression) or a
    dict with ``type``, ``value``, ``mod``, ``source`` ("explicit" | "dct" | "ref" | "none":
    what the value was resolved against), ``kind`` (the rule), ``needs`` (context checks the
    caller must run with the parse: "future" (tense used), "month_ok", "season_ok", "ref_ok",
    "set_ok", "rate", "a_unit", "clock_cue", "clock_ok", "the_unit", "current"), and optionally
    ``begin``/``end_value`` (intervals), ``trim_left``/``trim_right`` (chars of signal words to
    drop from the span) and ``split`` (a second mention inside the match: "1990-1995")."""
    out = fn(m, ctx)
    if out is None:
        return None
    out.setdefault("mod", None)
    out.setdefault("source", "explicit")
    out.setdefault("kind", name)
    out.setdefault("needs", set())
    return out
