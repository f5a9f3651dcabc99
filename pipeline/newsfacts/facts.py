"""Plain fact objects that the spaCy components attach to a ``Doc``.

Components know nothing about records, the store or the CLI: they write these dataclasses to
``Doc`` extensions (registered by :func:`register_extensions`), and :mod:`newsfacts.records`
turns them into validated pydantic records. All offsets are character offsets into ``doc.text``,
which has the same length as the article text as received (see :func:`newsfacts.ingest.normalise_for_models`).

Extensions (all on ``Doc``):

- ``article_id`` (str | None), ``title`` (str | None)
- ``published`` (datetime.date | None): the document creation time (DCT) used as anchor.
- ``published_inferred`` (bool): True when ``published`` was inferred from the text.
- ``published_precision`` ("day" | "month" | "year" | None): how much of ``published`` is known.
- ``dates`` (list[DateMention]), ``claims`` (list[Claim]), ``entities`` (list[Entity]).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc


@dataclass
class DateMention:
    """A temporal expression normalised to TIMEX3.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` a TIMEX3 value ("2020-05-09", "2019",
    "2019-05", "P21M", "PRESENT_REF", "XXXX-05-09" when no year can be resolved); ``mod`` a TIMEX3
    mod (START, END, MID, APPROX, BEFORE, AFTER, ON_OR_AFTER, …) or None; ``anchor`` says where
    the calendar value came from: "explicit" (the text gives it), "publication" (resolved against
    the given publication date), "inferred" (against an inferred publication date), "none".
    ``begin``/``end_value`` carry interval ends for "since 2019" / "from January to April".
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: Optional[str] = None
    anchor: str = "explicit"
    begin: Optional[str] = None
    end_value: Optional[str] = None


@dataclass
class Change:
    """The change a claim states. ``relative`` is a percentage (80.0 for "fell by 80%")."""

    direction: Optional[str] = None  # "up" | "down" | None
    from_value: Optional[float] = None
    to_value: Optional[float] = None
    relative: Optional[float] = None


@dataclass
class Claim:
    """A numeric claim.

    ``start``/``end`` cover the quantity (number plus unit words, approximation cue included);
    ``evidence_start``/``evidence_end`` the wider phrase that states the claim (quantity plus
    concept and change words). ``value`` is a float in base units (1 million yuan -> 1e6);
    ``unit`` is an ISO 4217 code for money, "percent", "percentage_point", "count", or another
    unit word ("month", "km", "tonne"); ``approx`` one of exact, about, more_than, less_than,
    at_least, at_most, nearly, up_to. ``date_index`` indexes ``doc._.dates``; ``entity_start``/
    ``entity_end`` are the char offsets of the entity mention the claim refers to, if any;
    ``holder_start``/``holder_end`` those of the noun phrase the quantity is said of ("Ana Ruiz"
    in "Ana Ruiz has netted 17 goals"; see ``claims.claim_holder``), if any. ``time`` is the
    TIMEX3 value the claim refers to: the value of ``doc._.dates[date_index]``, else the
    publication date (its year alone when only the year is known), else None.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: str = "exact"
    change: Optional[Change] = None
    concept: Optional[str] = None
    evidence_start: Optional[int] = None
    evidence_end: Optional[int] = None
    date_index: Optional[int] = None
    entity_start: Optional[int] = None
    entity_end: Optional[int] = None
    value_max: Optional[float] = None  # upper end of a range ("252 to 287")
    holder_start: Optional[int] = None
    holder_end: Optional[int] = None
    time: Optional[str] = None  # TIMEX3 value of the time the claim refers to (claims stage decides)


@dataclass
class EntityMention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A canonical entity within one article: ``type`` is an OntoNotes label (PERSON, ORG, GPE, …)."""

    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[int] = field(default_factory=list)  # indexes into doc._.entities (ORG/GPE named in a role)


def register_extensions() -> None:
    """Register the ``Doc`` extensions listed in the module docstring (idempotent)."""
    defaults = {
        "article_id": None,
        "title": None,
        "published": None,
        "published_inferred": False,
        "published_precision": None,
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("dates", "claims", "entities"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_publication(doc: Doc, published: Optional[dt.date]) -> None:
    """Set the given (not inferred) publication date on ``doc``."""
    doc._.published = published
    doc._.published_inferred = False
    doc._.published_precision = "day" if published else None


register_extensions()
