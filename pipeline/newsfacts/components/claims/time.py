"""When a claim holds: the date mention it refers to (:func:`date_index`) and its TIMEX3 value
(:func:`claim_time`), from the ``doc._.dates`` mentions of the dates stage.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from .model import DocContext, Quantity


def date_index(ctx: DocContext, q: Quantity, sent: Span) -> Optional[int]:
    """Index into ``doc._.dates`` of the date nearest to the quantity in its sentence.

    Skips durations and sets, dates overlapping the quantity, and comparison baselines
    ("from the beginning of 2019", "than a year earlier", "since 2019"; see
    :attr:`~.model.DocContext.baseline_dates`). A date before the quantity wins over one after
    it; ties go to the earlier mention.
    """
    doc = ctx.doc
    dates = doc._.dates or []
    qs, qe = doc[q.start].idx, doc[q.end - 1].idx + len(doc[q.end - 1])
    best, best_key = None, None
    for k in ctx.dates_by_sentence.get(sent.start, ()):
        d = dates[k]
        if d.type not in ("DATE", "TIME") or (d.start < qe and qs < d.end) or k in ctx.baseline_dates:
            continue
        key = qs - d.end if d.end <= qs else (d.start - qe) + 10_000
        if best_key is None or key < best_key:
            best, best_key = k, key
    return best


def claim_time(doc: Doc, date_index: Optional[int]) -> Optional[str]:
    """The TIMEX3 value a claim refers to: the value of the date mention ``date_index`` of
    ``doc._.dates``; without one, the publication date (``doc._.published``; only its year,
    "2020", when ``doc._.published_precision`` is "year"); None when neither is known."""
    dates = doc._.dates or []
    if date_index is not None and date_index < len(dates):
        return dates[date_index].value
    published = doc._.published
    if published is None:
        return None
    return f"{published.year:04d}" if doc._.published_precision == "year" else published.isoformat()
