"""Publication date (DCT) inference from the text, for articles that come without one.

Pure text functions over the rule candidates (:func:`~.rules.find_timexes`); the stage calls
them when ``doc._.published`` is None. A dateline's full date ("BEIJING, May 10, 2020 --",
:func:`dateline_date`) is taken whole (precision "day"); otherwise the latest explicit full date
with a year in the text (month-day-year, day-month-year, ISO or numeric; :func:`infer_publication`)
gives the year (precision "year"). The system clock is never read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from .rules import Candidate, normalise_match
from .timex import Context

#: Rules whose readings are full dates with a year (what a publication year is inferred from).
FULL_DATE_RULES = frozenset({"mdy", "dmy", "iso_date", "slash_date", "weekday_date"})
#: Rules a dateline's date is read with (numeric dates "5/10/20" are too ambiguous for a dateline).
DATELINE_RULES = frozenset({"mdy", "dmy", "iso_date", "weekday_date"})
#: A wire-style dateline: the date is followed by an optional "(Agency)" and a dash or colon.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|\u2014|\u2013|:)")


def _explicit_value(cand: Candidate) -> str:
    """The value of a rule candidate read without any context ("" when the rule rejects it)."""
    timex = normalise_match(cand, Context())
    return (timex.value if timex is not None else "") or ""


def infer_publication(cands: Iterable[Candidate]) -> Optional[int]:
    """The year of the latest explicit full date (with year) among the rule candidates, or None."""
    best: Optional[str] = None
    for cand in cands:
        if cand.name not in FULL_DATE_RULES:
            continue
        value = _explicit_value(cand)
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
            continue
        if best is None or value[:10] > best:
            best = value[:10]
    return int(best[:4]) if best else None


def dateline_date(text: str, cands: Iterable[Candidate], window: int = 150) -> Optional[dt.date]:
    """The full date of a dateline ("BEIJING, May 10, 2020 (Xinhua) -- ..."), or None.

    A dateline is the first full date (with year) of the text, starting within its first
    ``window`` characters and followed by an optional parenthesised source and a dash or colon,
    the convention of wire copy (AP/Reuters/Xinhua style). Such a date is the publication date.
    """
    for cand in sorted(cands, key=lambda c: c.start):
        if cand.start > window:
            return None
        if cand.name not in DATELINE_RULES:
            continue
        value = _explicit_value(cand)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value) and _DATELINE_TAIL.match(text, cand.end):
            return dt.date.fromisoformat(value)
    return None
