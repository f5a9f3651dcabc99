"""spaCy DATE/TIME entities that no rule matched, normalised with ``dateparser``.

:func:`spacy_candidates` keeps the entities that overlap no rule candidate and hold a month, a
weekday, a four-digit year or a clock cue (the rest - ages, ordinals, counts, ID numbers that
spaCy tags DATE - are never dates here); :func:`dateparser_value` normalises one against the DCT.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Iterable, Optional

from .calendar import iso_week
from .rules import MONTH_OR_WEEKDAY_PREFIX, Candidate, SpanSet
from .timex import Context

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_SPACY_TEMPORAL = re.compile(
    r"(?i)\b(?:" + MONTH_OR_WEEKDAY_PREFIX + r"|(?:1[6-9]|20)\d\d|today|yesterday|tomorrow|a\.m|p\.m)"
)
_DATEPARSER_CUE = re.compile(r"\d|" + MONTH_OR_WEEKDAY_PREFIX)
_DP_CACHE: dict = {}


def spacy_candidates(doc: Doc, cands: Iterable[Candidate]) -> list[Candidate]:
    """spaCy DATE/TIME entities that no rule candidate overlaps and that hold a month, weekday,
    four-digit year or clock cue (the rest - ages, ordinals, counts - are never dates here), as
    candidates named "spacy" (no match, no rule)."""
    taken = SpanSet((c.start, c.end) for c in cands)
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        if taken.overlaps(s, e):
            continue
        if not _SPACY_TEMPORAL.search(ent.text):
            continue
        out.append(Candidate(s, e, "spacy", None, None))
    return out


def dateparser_value(text: str, ctx: Context) -> Optional[tuple[str, str, str]]:
    """Normalise a spaCy DATE entity the rules did not cover with dateparser (granularity from
    dateparser's ``period``; relative base = the DCT, or a sentinel year 1604 whose appearance in
    the result means "year unknown" -> XXXX). Returns (type, value, source) or None."""
    if not _DATEPARSER_CUE.search(text):
        return None
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    base = dt.datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day) if ctx.dct else dt.datetime(1604, 6, 15)
    key = (text, base, ctx.future)
    if len(_DP_CACHE) > 4096:
        _DP_CACHE.clear()
    if key not in _DP_CACHE:
        parser = DateDataParser(languages=["en"], settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if ctx.future else "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        })
        try:
            data = parser.get_date_data(text)
        except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
            data = None
        _DP_CACHE[key] = data
    data = _DP_CACHE[key]
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    has_year = bool(re.search(r"\b(1[6-9]|20)\d\d\b", text))
    year = f"{d.year:04d}"
    source = "explicit" if has_year else ("dct" if ctx.dct else "none")
    if not has_year and ctx.dct is None:
        year = "XXXX"
    if period == "year":
        return "DATE", year, source
    if period == "month":
        return "DATE", f"{year}-{d.month:02d}", source
    if period == "week":
        return "DATE", iso_week(d.date()) if year != "XXXX" else "XXXX-WXX", source
    if period == "time":
        return "TIME", f"{year}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}", source
    return "DATE", f"{year}-{d.month:02d}-{d.day:02d}", source
