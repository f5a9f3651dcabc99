"""Validated fact records (pydantic v2): the only source of the JSON Schema in ``schemas/``.

This module knows nothing of spaCy: :func:`newsfacts.to_records.doc_to_facts` maps a processed
``Doc`` onto these models, and :meth:`ArticleFacts.model_validate` checks every span against the
article text before a record leaves it. Offsets are character offsets into
the article text exactly as received (``Article.text``); for JSONL input that is the ``text``
field as given, leading whitespace included.

Validation (raises ``pydantic.ValidationError``): a span whose ``text`` differs from the
article text at its offsets, an offset outside the text, ``start >= end``, a non-finite
number, an unknown entity label, date type, mod, approximation or unit kind, a dangling
``date_id``/``entity_id``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

#: Version of the record format. 1.1 added the claim ``holder`` (optional fields); 1.0 records
#: still validate.
SCHEMA_VERSION = "1.1"

#: OntoNotes 5 entity types (the label set of spaCy's English pipelines).
EntityLabel = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]
#: TIMEX3 types.
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: TIMEX3 ``mod`` values (TimeML 1.2.1 specification).
TimexMod = Literal[
    "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
]
Anchor = Literal["explicit", "publication", "inferred", "none"]
Approx = Literal["exact", "about", "more_than", "less_than", "at_least", "at_most", "nearly", "up_to"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpanRef(_Strict):
    """A character span ``[start, end)`` in the article text and the sentence that holds it."""

    start: int = Field(ge=0, description="Start character offset into the article text.")
    end: int = Field(gt=0, description="End character offset (exclusive).")
    text: str = Field(description="The article text at [start, end).")
    sentence: str = Field(description="The sentence holding the span, as in the article text.")

    @model_validator(mode="after")
    def _ordered(self):
        if self.start >= self.end:
            raise ValueError(f"span start {self.start} is not before end {self.end}")
        return self


class ArticleMeta(_Strict):
    """The article. ``published`` is the document creation time used to anchor dates."""

    id: str = Field(min_length=1)
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[dt.date] = None
    published_inferred: bool = Field(False, description="True when published was inferred from the text.")
    published_precision: Optional[Literal["day", "month", "year"]] = Field(
        None, description="How much of published is known; an inferred date often knows only its year."
    )


class Mention(SpanRef):
    """One mention of an entity."""


class EntityRecord(_Strict):
    """A canonical entity of one article with its aliases, mentions and stated roles."""

    id: str
    type: EntityLabel
    name: str = Field(min_length=1)
    aliases: list[str] = []
    mentions: list[Mention] = Field(min_length=1)
    roles: list[str] = Field([], description='Roles stated next to a name, e.g. "reporter (Beijing News)".')
    affiliations: list[str] = Field([], description="Ids of the organisations named in the roles.")


class DateRecord(SpanRef):
    """A temporal expression with its TIMEX3 value and ``mod``."""

    id: str
    type: TimexType
    value: str = Field(min_length=1, description='TIMEX3 value: "2020-05-09", "2019", "2019-05", "P21M".')
    mod: Optional[TimexMod] = None
    anchor: Anchor = Field(description="Where the calendar value came from.")
    begin: Optional[str] = Field(None, description="Interval start (TIMEX3 value) for 'since 2019', 'from January to April'.")
    end_value: Optional[str] = Field(None, description="Interval end (TIMEX3 value).")


class ChangeRecord(_Strict):
    """A stated change: ``relative`` is a percentage (80.0 for "fell by 80%")."""

    direction: Optional[Literal["up", "down"]] = None
    from_value: Optional[float] = Field(None, allow_inf_nan=False)
    to_value: Optional[float] = Field(None, allow_inf_nan=False)
    relative: Optional[float] = Field(None, allow_inf_nan=False)


class ClaimRecord(SpanRef):
    """A numeric claim: the quantity at ``[start, end)``, the phrase stating it at ``evidence_*``."""

    id: str
    evidence: str
    evidence_start: int = Field(ge=0)
    evidence_end: int = Field(gt=0)
    value: float = Field(allow_inf_nan=False)
    value_max: Optional[float] = Field(None, allow_inf_nan=False, description="Upper end of a range.")
    unit: str = Field(
        min_length=1,
        description='ISO 4217 code for money (CNY, USD), "percent", "percentage_point", "count" or a unit word.',
    )
    approx: Approx = "exact"
    change: Optional[ChangeRecord] = None
    concept: Optional[str] = Field(None, description="What is quantified, e.g. 'online lending institutions'.")
    date_id: Optional[str] = Field(None, description="The date the claim refers to (a DateRecord id).")
    time: Optional[str] = Field(
        None, description="TIMEX3 value the claim refers to: its date_id's value, else the publication date."
    )
    entity_id: Optional[str] = Field(None, description="The entity the claim is about (an EntityRecord id).")
    holder: Optional[str] = Field(
        None, description="The noun phrase the quantity is said of: the clause subject or the name an "
                          "elliptical phrase hangs on ('Unite Group' in 'Unite Group, down 68p').")
    holder_start: Optional[int] = Field(None, ge=0, description="Char offset of ``holder`` in the text.")
    holder_end: Optional[int] = Field(None, gt=0, description="Char end offset of ``holder``.")


class ArticleFacts(_Strict):
    """All facts of one article. ``text`` is present only when asked for (``--include-text``).

    Validate with ``ArticleFacts.model_validate(data, context={"text": article_text})`` to check
    every span against the text; the text field, when present, is used the same way.
    """

    schema_version: Literal["1.0", "1.1"] = SCHEMA_VERSION
    article: ArticleMeta
    entities: list[EntityRecord] = []
    dates: list[DateRecord] = []
    claims: list[ClaimRecord] = []
    text: Optional[str] = None

    @model_validator(mode="after")
    def _check_spans(self, info: ValidationInfo):
        text = self.text
        if text is None and info.context:
            text = info.context.get("text")
        spans = _spans(self)
        if text is not None:
            _check_offsets(spans, text)
        _check_references(self)
        return self


Spans = list[tuple[str, int, int, str]]  # (what, start, end, text) of every span of an article


def _spans(facts: ArticleFacts) -> Spans:
    """Every span of the article: entity mentions, dates, claims with their evidence and holder.

    Raises:
        ValueError: a claim's holder, holder_start and holder_end are not all given or all None.
    """
    spans: Spans = []
    for e in facts.entities:
        spans += [(f"entity {e.id} mention", m.start, m.end, m.text) for m in e.mentions]
    spans += [(f"date {d.id}", d.start, d.end, d.text) for d in facts.dates]
    for c in facts.claims:
        spans.append((f"claim {c.id}", c.start, c.end, c.text))
        spans.append((f"claim {c.id} evidence", c.evidence_start, c.evidence_end, c.evidence))
        if c.holder is not None or c.holder_start is not None:
            if c.holder is None or c.holder_start is None or c.holder_end is None:
                raise ValueError(f"claim {c.id}: holder, holder_start and holder_end go together")
            spans.append((f"claim {c.id} holder", c.holder_start, c.holder_end, c.holder))
    return spans


def _check_offsets(spans: Spans, text: str) -> None:
    """Raise ValueError unless every span's text is the article text at its offsets."""
    for what, start, end, got in spans:
        if end > len(text):
            raise ValueError(f"{what}: offset {end} is outside the text ({len(text)} characters)")
        if text[start:end] != got:
            raise ValueError(f"{what}: text {got!r} differs from the article text {text[start:end]!r}")


def _check_references(facts: ArticleFacts) -> None:
    """Raise ValueError unless every affiliation, claim date_id and claim entity_id names a record of the article."""
    date_ids = {d.id for d in facts.dates}
    entity_ids = {e.id for e in facts.entities}
    for e in facts.entities:
        for a in e.affiliations:
            if a not in entity_ids:
                raise ValueError(f"entity {e.id}: unknown affiliation {a!r}")
    for c in facts.claims:
        if c.date_id is not None and c.date_id not in date_ids:
            raise ValueError(f"claim {c.id}: unknown date_id {c.date_id!r}")
        if c.entity_id is not None and c.entity_id not in entity_ids:
            raise ValueError(f"claim {c.id}: unknown entity_id {c.entity_id!r}")


class ExportedEntity(EntityRecord):
    """An entity of an exported article: the article's own record plus the knowledge table's
    canonical entity it was resolved to (the same real-world entity across articles)."""

    canonical_id: int = Field(description="Id of the canonical entity in the knowledge table (entities.id).")
    canonical_name: str = Field(min_length=1, description="The canonical entity's name.")


class ExportedClaim(ClaimRecord):
    """A claim of an exported article, with the canonical entity its ``entity_id`` resolved to."""

    canonical_entity_id: Optional[int] = Field(None, description="entities.id of the claim's entity, if any.")


class ExportedArticle(ArticleFacts):
    """One line of ``newsfacts export --format jsonl``: an article's facts as stored, entities
    linked to canonical entities, and the pipeline version that produced them. No ``text``."""

    pipeline_version: str = Field(min_length=1, description="See newsfacts.batch.pipeline_version.")
    entities: list[ExportedEntity] = []
    claims: list[ExportedClaim] = []


def json_schemas() -> dict[str, dict]:
    """JSON Schemas of the published record types, keyed by file name under ``schemas/``."""
    return {"article_facts.schema.json": ArticleFacts.model_json_schema(),
            "exported_article.schema.json": ExportedArticle.model_json_schema()}
