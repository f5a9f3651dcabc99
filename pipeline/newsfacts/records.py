"""Validated fact records (pydantic v2): the only source of the JSON Schema in ``schemas/``.

``doc_to_facts`` turns a processed ``Doc`` into an :class:`ArticleFacts` and validates it
against the article text before it leaves this module. Offsets are character offsets into
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
from spacy.tokens import Doc

from .facts import Claim, DateMention, Entity
from .ingest import Article

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
        spans: list[tuple[str, int, int, str]] = []
        for e in self.entities:
            spans += [(f"entity {e.id} mention", m.start, m.end, m.text) for m in e.mentions]
        spans += [(f"date {d.id}", d.start, d.end, d.text) for d in self.dates]
        for c in self.claims:
            spans.append((f"claim {c.id}", c.start, c.end, c.text))
            spans.append((f"claim {c.id} evidence", c.evidence_start, c.evidence_end, c.evidence))
            if c.holder is not None or c.holder_start is not None:
                if c.holder is None or c.holder_start is None or c.holder_end is None:
                    raise ValueError(f"claim {c.id}: holder, holder_start and holder_end go together")
                spans.append((f"claim {c.id} holder", c.holder_start, c.holder_end, c.holder))
        if text is not None:
            for what, start, end, got in spans:
                if end > len(text):
                    raise ValueError(f"{what}: offset {end} is outside the text ({len(text)} characters)")
                if text[start:end] != got:
                    raise ValueError(f"{what}: text {got!r} differs from the article text {text[start:end]!r}")
        date_ids = {d.id for d in self.dates}
        entity_ids = {e.id for e in self.entities}
        for e in self.entities:
            for a in e.affiliations:
                if a not in entity_ids:
                    raise ValueError(f"entity {e.id}: unknown affiliation {a!r}")
        for c in self.claims:
            if c.date_id is not None and c.date_id not in date_ids:
                raise ValueError(f"claim {c.id}: unknown date_id {c.date_id!r}")
            if c.entity_id is not None and c.entity_id not in entity_ids:
                raise ValueError(f"claim {c.id}: unknown entity_id {c.entity_id!r}")
        return self


# --------------------------------------------------------------------------- Doc -> records


def _sentence(doc: Doc, text: str, start: int, end: int) -> str:
    """The sentence (as in the original ``text``) holding char span [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return text[start:end]
    sent = span[0].sent
    s, e = sent.start_char, sent.end_char
    if span.end_char > e:  # a span across sentences: widen to its last sentence
        e = span[-1].sent.end_char
    return text[s:e].strip() or text[start:end]


def _entities(doc: Doc, text: str) -> tuple[list[dict], dict[tuple[int, int], str]]:
    entities: list[Entity] = doc._.entities or []
    out, by_span = [], {}
    for i, ent in enumerate(entities, start=1):
        eid = f"E{i}"
        mentions = []
        for m in ent.mentions:
            mentions.append({"start": m.start, "end": m.end, "text": text[m.start:m.end],
                             "sentence": _sentence(doc, text, m.start, m.end)})
            by_span[(m.start, m.end)] = eid
        out.append({"id": eid, "type": ent.type, "name": ent.name, "aliases": list(ent.aliases),
                    "mentions": mentions, "roles": list(ent.roles),
                    "affiliations": [f"E{k + 1}" for k in ent.affiliations]})
    return out, by_span


def _entity_for(by_span: dict[tuple[int, int], str], start: Optional[int], end: Optional[int]) -> Optional[str]:
    if start is None or end is None:
        return None
    if (start, end) in by_span:
        return by_span[(start, end)]
    for (s, e), eid in by_span.items():  # the claim names a span inside or around a mention
        if s < end and start < e:
            return eid
    return None


def doc_to_facts(doc: Doc, article: Article, include_text: bool = False) -> ArticleFacts:
    """Convert a processed ``Doc`` into validated :class:`ArticleFacts`.

    ``doc.text`` must have the length of ``article.text`` (the model text is a one-to-one
    character map of it); span texts are taken from ``article.text``.

    Raises:
        ValueError: ``doc`` was not made from ``article``.
        pydantic.ValidationError: a record breaks the contract (a bug in a stage).
    """
    text = article.text
    if len(doc.text) != len(text):
        raise ValueError(f"{article.origin}: the Doc was not made from this article's text")
    entities, by_span = _entities(doc, text)
    dates: list[DateMention] = doc._.dates or []
    date_recs = []
    for i, d in enumerate(dates, start=1):
        date_recs.append({
            "id": f"T{i}", "start": d.start, "end": d.end, "text": text[d.start:d.end],
            "sentence": _sentence(doc, text, d.start, d.end), "type": d.type, "value": d.value,
            "mod": d.mod, "anchor": d.anchor, "begin": d.begin, "end_value": d.end_value,
        })
    published = doc._.published
    claims: list[Claim] = doc._.claims or []
    claim_recs = []
    for i, c in enumerate(claims, start=1):
        ev_s = c.evidence_start if c.evidence_start is not None else c.start
        ev_e = c.evidence_end if c.evidence_end is not None else c.end
        date_id = f"T{c.date_index + 1}" if c.date_index is not None and c.date_index < len(dates) else None
        time = dates[c.date_index].value if date_id else (published.isoformat() if published else None)
        if date_id is None and published is not None and doc._.published_precision == "year":
            time = f"{published.year:04d}"
        change = None
        if c.change is not None:
            change = {"direction": c.change.direction, "from_value": c.change.from_value,
                      "to_value": c.change.to_value, "relative": c.change.relative}
        claim_recs.append({
            "id": f"C{i}", "start": c.start, "end": c.end, "text": text[c.start:c.end],
            "sentence": _sentence(doc, text, c.start, c.end), "evidence": text[ev_s:ev_e],
            "evidence_start": ev_s, "evidence_end": ev_e, "value": c.value, "value_max": c.value_max,
            "unit": c.unit, "approx": c.approx, "change": change, "concept": c.concept,
            "date_id": date_id, "time": time,
            "entity_id": _entity_for(by_span, c.entity_start, c.entity_end),
            "holder": text[c.holder_start:c.holder_end] if c.holder_start is not None else None,
            "holder_start": c.holder_start, "holder_end": c.holder_end,
        })
    data = {
        "article": {
            "id": article.id, "title": article.title, "source": article.source, "url": article.url,
            "published": published, "published_inferred": bool(doc._.published_inferred),
            "published_precision": doc._.published_precision,
        },
        "entities": entities,
        "dates": date_recs,
        "claims": claim_recs,
        "text": text if include_text else None,
    }
    return ArticleFacts.model_validate(data, context={"text": text})


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
