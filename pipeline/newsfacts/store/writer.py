"""Writing one article's facts into the knowledge table (inside the caller's transaction and lock).

:func:`insert_article` writes the article row, resolves each of its entities to a canonical
entity (:mod:`newsfacts.store.resolution`), and writes aliases, mentions, roles, merges (with
their evidence), affiliations, dates and claims. :func:`delete_article` removes an article's
rows and the canonical entities nothing refers to any more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .resolution import KeyIndex, evidence, is_strong, resolve_entity, surface_keys
from .schema import (ARTICLE_CHILDREN, affiliations, aliases, articles, claims, dates, entities, mentions, merges,
                     roles)

if TYPE_CHECKING:
    from ..records import ArticleFacts


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.timezone.utc)


class Rec:
    """Attribute access over a dumped record (nested dicts and lists), read-only: lets a batch
    parent write the ``model_dump()`` of an ArticleFacts without validating it again."""

    __slots__ = ("_d",)

    def __init__(self, d: dict) -> None:
        self._d = d

    def __getattr__(self, name: str) -> Any:
        try:
            v = self._d[name]
        except KeyError:
            raise AttributeError(name) from None
        if isinstance(v, dict):
            return Rec(v)
        if isinstance(v, list):
            return [Rec(x) if isinstance(x, dict) else x for x in v]
        return v


Facts = Union["ArticleFacts", Rec]


@dataclass
class _EntityRows:
    """The rows an article's entities make, and ``local id -> canonical id``."""

    canonical: dict[str, int] = field(default_factory=dict)
    aliases: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)


def _resolve_entities(conn: Connection, facts: Facts, index: KeyIndex, now: dt.datetime) -> _EntityRows:
    """Resolve every entity of the article, in order; its strong keys are indexed at once, so
    the article's later entities can match them."""
    aid = facts.article.id
    out = _EntityRows()
    for ent in facts.entities:
        name_key, keyed = surface_keys(ent.name, ent.type, ent.aliases)
        strong = [k for _, k in keyed if is_strong(k, name_key)]
        eid, method, matched, score = resolve_entity(conn, index, ent.type, ent.name, name_key, strong)
        out.canonical[ent.id] = eid
        out.merges.append(dict(entity_id=eid, article_id=aid, local_id=ent.id, local_name=ent.name,
                               method=method, matched_key=matched, matched_alias=None,
                               matched_article_id=None, score=score, created_at=now))
        for s, k in dict(keyed).items():  # one row per surface (its key depends on it alone)
            out.aliases.append(dict(entity_id=eid, alias=s, norm=k, article_id=aid, strong=is_strong(k, name_key)))
        out.mentions.extend(dict(article_id=aid, entity_id=eid, local_id=ent.id, start=m.start, end=m.end,
                                 text=m.text, sentence=m.sentence) for m in ent.mentions)
        out.roles.extend(dict(article_id=aid, entity_id=eid, local_id=ent.id, role=r) for r in dict.fromkeys(ent.roles))
        for _, k in keyed:
            if is_strong(k, name_key):
                index.add(ent.type, k, eid)
    return out


def _attach_evidence(conn: Connection, merge_rows: list[dict]) -> None:
    """Fill each merge's ``matched_alias``/``matched_article_id``: the stored alias (and its
    article) that gave the matched key. Read before this article's own aliases are inserted,
    so a match inside the article has none."""
    found = evidence(conn, {(r["entity_id"], r["matched_key"]) for r in merge_rows if r["matched_key"] is not None})
    for r in merge_rows:
        if (r["entity_id"], r["matched_key"]) in found:
            r["matched_alias"], r["matched_article_id"] = found[(r["entity_id"], r["matched_key"])]


def _unique_aliases(rows: list[dict]) -> list[dict]:
    """One alias row per (entity, alias): two local entities of one article can join one canonical entity."""
    uniq: dict[tuple[int, str], dict] = {}
    for r in rows:
        uniq.setdefault((r["entity_id"], r["alias"]), r)
    return list(uniq.values())


def _date_rows(aid: str, facts: Facts) -> list[dict]:
    return [dict(article_id=aid, local_id=d.id, start=d.start, end=d.end, text=d.text, sentence=d.sentence,
                 type=d.type, value=d.value, mod=d.mod, anchor=d.anchor, begin=d.begin, end_value=d.end_value)
            for d in facts.dates]


def _claim_row(aid: str, c: Any, canonical: dict[str, int]) -> dict:
    ch = c.change
    return dict(
        article_id=aid, local_id=c.id, start=c.start, end=c.end, text=c.text, sentence=c.sentence,
        evidence=c.evidence, evidence_start=c.evidence_start, evidence_end=c.evidence_end,
        value=c.value, value_max=c.value_max, unit=c.unit, approx=c.approx,
        change_direction=ch.direction if ch else None, change_from=ch.from_value if ch else None,
        change_to=ch.to_value if ch else None, change_relative=ch.relative if ch else None,
        concept=c.concept, date_local_id=c.date_id, time=c.time, entity_local_id=c.entity_id,
        entity_id=canonical.get(c.entity_id) if c.entity_id else None,
        holder=c.holder, holder_start=c.holder_start, holder_end=c.holder_end)


def insert_article(conn: Connection, facts: Facts, version: str, content_hash: Optional[str],
                   index: KeyIndex) -> None:
    """Write one article's facts (the article id must not be stored; ``index`` refreshed)."""
    a = facts.article
    now = utc_now()
    conn.execute(articles.insert().values(
        id=a.id, title=a.title, source=a.source, url=a.url, published=a.published,
        published_inferred=a.published_inferred, published_precision=a.published_precision,
        pipeline_version=version, content_hash=content_hash, processed_at=now))
    rows = _resolve_entities(conn, facts, index, now)
    _attach_evidence(conn, rows.merges)
    alias_rows = _unique_aliases(rows.aliases)
    if alias_rows:
        conn.execute(aliases.insert(), alias_rows)
    affiliation_rows = [
        dict(article_id=a.id, entity_id=rows.canonical[ent.id], org_entity_id=rows.canonical[org], local_id=ent.id)
        for ent in facts.entities for org in dict.fromkeys(ent.affiliations) if org in rows.canonical
    ]
    date_rows = _date_rows(a.id, facts)
    claim_rows = [_claim_row(a.id, c, rows.canonical) for c in facts.claims]
    for table, table_rows in ((mentions, rows.mentions), (roles, rows.roles), (merges, rows.merges),
                              (affiliations, affiliation_rows), (dates, date_rows), (claims, claim_rows)):
        if table_rows:
            conn.execute(table.insert(), table_rows)


def delete_article(conn: Connection, article_id: str, index: KeyIndex) -> bool:
    """Delete an article and its rows, and the canonical entities left without any row
    (``index`` forgets them); True if the article existed."""
    for table in ARTICLE_CHILDREN:
        conn.execute(table.delete().where(table.c.article_id == article_id))
    gone = conn.execute(articles.delete().where(articles.c.id == article_id)).rowcount
    conds = [~sa.select(t.c.entity_id).where(t.c.entity_id == entities.c.id).exists()
             for t in (aliases, mentions, roles, affiliations, claims, merges)]
    orphans = conn.execute(sa.select(entities.c.id).where(*conds)).scalars().all()
    if orphans:
        conn.execute(entities.delete().where(entities.c.id.in_(orphans)))
        index.forget(conn, set(orphans))
    return bool(gone)
