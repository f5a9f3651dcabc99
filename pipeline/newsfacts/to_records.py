"""Map a processed spaCy ``Doc`` onto validated records: :func:`doc_to_facts`.

The pipeline's components write plain dataclasses (:mod:`newsfacts.facts`) to ``Doc``
extensions; this module numbers them (``E1``, ``T1``, ``C1``), takes every span's text and
sentence from the article text as received, and validates the result as an
:class:`~newsfacts.records.ArticleFacts`. It decides nothing: what a fact is, and its values
(a claim's ``time`` included), were decided by the components.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .facts import Claim, DateMention, Entity
from .ingest import Article
from .records import ArticleFacts


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
        change = None
        if c.change is not None:
            change = {"direction": c.change.direction, "from_value": c.change.from_value,
                      "to_value": c.change.to_value, "relative": c.change.relative}
        claim_recs.append({
            "id": f"C{i}", "start": c.start, "end": c.end, "text": text[c.start:c.end],
            "sentence": _sentence(doc, text, c.start, c.end), "evidence": text[ev_s:ev_e],
            "evidence_start": ev_s, "evidence_end": ev_e, "value": c.value, "value_max": c.value_max,
            "unit": c.unit, "approx": c.approx, "change": change, "concept": c.concept,
            "date_id": date_id, "time": c.time,
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
