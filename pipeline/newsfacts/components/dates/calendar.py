"""Calendar arithmetic for TIMEX3 values: durations, ISO weeks, shifting a value by some units,
resolving an underspecified date (month-day, month, weekday, season) against a :class:`Context`,
and the dates of holidays. Pure Python (no spaCy); the rules in :mod:`.rules` call it.

Resolution conventions (a month-day without year depends on the tense, a weekday is the most
recent one unless the verb is future, no DCT leaves ``X`` digits) are stated in :mod:`.rules`.
Sources: ISO 8601 (weeks), the TimeML 1.2.1 TIMEX3 value formats, the anonymous Gregorian Easter
algorithm (Meeus/Jones/Butcher) and the US federal holiday rules (nth weekday of a month).
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import re
from typing import Optional

from ...lexicon.en.calendar import DURATION_UNITS, HOLIDAYS, SEASON_MONTH
from .timex import Context


def fmt_num(n: float) -> str:
    """A number as a TIMEX3 quantity: 3.0 -> "3", 2.5 -> "2.5"."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration for ``n`` units ("P21M", "PT2H", "P10Y" for a decade); X for unknown n."""
    letter, clock, mult = DURATION_UNITS[unit]
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
    """The singular unit key of a unit word ("Months" -> "month", "centuries" -> "century")."""
    w = word.lower().rstrip(".")
    if w in ("centuries", "century"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def iso_week(d: dt.date) -> str:
    """The ISO 8601 week of ``d`` as a TIMEX3 value ("2020-W19", zero padded)."""
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
    """A season code (SP/SU/FA/WI) without year against the DCT: "this" the DCT's year, "last"
    the latest one before the DCT's season, "next" the first after it, bare the latest one not
    after it (not before it when ``ctx.future``). Returns (value, source)."""
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


def dct_value(ctx: Context, unit: str, n: int = 0) -> tuple[str, str]:
    """The DCT's unit (day, week, month, quarter, year…) shifted by ``n``."""
    if ctx.dct is None:
        return unknown_like(unit), "none"
    if ctx.dct_precision != "day" and unit not in ("year", "decade", "century"):
        if unit == "day":
            return f"{ctx.dct.year:04d}-XX-XX", "dct"
        return unknown_like(unit).replace("XXXX", f"{ctx.dct.year:04d}", 1), "dct"
    return add_to_date(ctx.dct, n, unit, unit) or unknown_like(unit), "dct"


def truncate(value: str, unit: str) -> Optional[str]:
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


def easter(y: int) -> dt.date:
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


def nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    """The n-th ISO weekday ``wd`` of a month (n=-1: the last)."""
    if n > 0:
        d = dt.date(y, month, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    last = dt.date(y, month, stdlib_calendar.monthrange(y, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


def holiday_date(name: str, year: int) -> dt.date:
    """The date of holiday ``name`` (a key of the lexicon's ``HOLIDAYS``, lower case, single
    spaces) in ``year``. Raises KeyError for an unknown holiday."""
    rule = HOLIDAYS[name]
    if rule[0] == "fixed":
        return dt.date(year, rule[1], rule[2])
    if rule[0] == "nth_weekday":
        return nth_weekday(year, rule[1], rule[2], rule[3])
    return easter(year) + dt.timedelta(days=rule[1])
