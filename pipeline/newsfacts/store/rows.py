"""Stored rows as plain dicts: the shapes queries return and the export writes.

Field names follow the records (:mod:`newsfacts.records`): a date row's ``local_id`` is its
``id``, a claim's ``change`` is nested again, its ``entity_local_id`` is ``entity_id`` and its
canonical entity is ``canonical_entity_id``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def iso(v: Any) -> Any:
    """Dates and datetimes as ISO 8601 text; anything else unchanged."""
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def jsonable(d: dict) -> dict:
    """A row dict with its dates as ISO text."""
    return {k: iso(v) for k, v in d.items()}


def without(d: dict, *keys: str) -> dict:
    """``d`` without ``keys``."""
    return {k: v for k, v in d.items() if k not in keys}


def date_dict(r) -> dict:
    """A ``dates`` row as a DateRecord-shaped dict plus ``article_id``."""
    return {"article_id": r.article_id, "id": r.local_id, "start": r.start, "end": r.end, "text": r.text,
            "sentence": r.sentence, "type": r.type, "value": r.value, "mod": r.mod, "anchor": r.anchor,
            "begin": r.begin, "end_value": r.end_value}


def claim_dict(r) -> dict:
    """A ``claims`` row as a ClaimRecord-shaped dict plus ``article_id`` and ``canonical_entity_id``."""
    change = None
    if any(v is not None for v in (r.change_direction, r.change_from, r.change_to, r.change_relative)):
        change = {"direction": r.change_direction, "from_value": r.change_from, "to_value": r.change_to,
                  "relative": r.change_relative}
    return {"article_id": r.article_id, "id": r.local_id, "start": r.start, "end": r.end, "text": r.text,
            "sentence": r.sentence, "evidence": r.evidence, "evidence_start": r.evidence_start,
            "evidence_end": r.evidence_end, "value": r.value, "value_max": r.value_max, "unit": r.unit,
            "approx": r.approx, "change": change, "concept": r.concept, "date_id": r.date_local_id,
            "time": r.time, "entity_id": r.entity_local_id, "canonical_entity_id": r.entity_id,
            "holder": r.holder, "holder_start": r.holder_start, "holder_end": r.holder_end}
