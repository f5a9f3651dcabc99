"""What an export reads from the knowledge table: whole articles, or every table's rows.

:class:`ExportSource` is handed to an export writer of :mod:`newsfacts.formats` (jsonl reads
:meth:`~ExportSource.articles`, csv and parquet :meth:`~ExportSource.tables`); the writers know
nothing about the database.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .rows import claim_dict, date_dict, iso, without
from .schema import TABLES, affiliations, aliases, articles, claims, dates, entities, mentions, merges, metadata, roles


def _local_order(local_id: str) -> tuple[str, int]:
    """Sort key of a local id: "E2" before "E10"."""
    m = re.match(r"([A-Za-z]*)(\d+)$", local_id)
    return (m.group(1), int(m.group(2))) if m else (local_id, 0)


class _Names:
    """Canonical entity names and types by id."""

    def __init__(self, conn: Connection) -> None:
        self.name = dict(conn.execute(sa.select(entities.c.id, entities.c.name)).all())
        self.type = dict(conn.execute(sa.select(entities.c.id, entities.c.type)).all())


def _mentioned(parts: dict[str, list], names: _Names) -> dict[str, dict]:
    """The article's entities with their mentions, by local id (in order of first mention); an
    entity's name is the one it had in the article (its merge row), else the canonical one."""
    ents: dict[str, dict] = {}
    merge_by_local = {m.local_id: m for m in parts.get("merges", [])}
    for m in sorted(parts.get("mentions", []), key=lambda m: m.start):
        e = ents.setdefault(m.local_id, {
            "id": m.local_id, "type": names.type[m.entity_id],
            "name": merge_by_local[m.local_id].local_name if m.local_id in merge_by_local
            else names.name[m.entity_id],
            "canonical_id": m.entity_id, "canonical_name": names.name[m.entity_id],
            "aliases": [], "mentions": [], "roles": [], "affiliations": []})
        e["mentions"].append({"start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence})
    return ents


def _add_affiliations(ents: dict[str, dict], rows: list) -> None:
    """Affiliations as local ids of this article's entities."""
    local_of: dict[int, list[str]] = defaultdict(list)  # canonical id -> local ids here
    for e in ents.values():
        local_of[e["canonical_id"]].append(e["id"])
    for af in rows:
        if af.local_id in ents:
            for org in local_of.get(af.org_entity_id, []):
                if org not in ents[af.local_id]["affiliations"]:
                    ents[af.local_id]["affiliations"].append(org)


def _entities(parts: dict[str, list], names: _Names) -> list[dict]:
    """The article's entities as ExportedEntity dicts, by local id."""
    ents = _mentioned(parts, names)
    for r in parts.get("roles", []):
        if r.local_id in ents:
            ents[r.local_id]["roles"].append(r.role)
    _add_affiliations(ents, parts.get("affiliations", []))
    for al in parts.get("aliases", []):
        for e in ents.values():
            if e["canonical_id"] == al.entity_id and al.alias != e["name"] and al.alias not in e["aliases"]:
                e["aliases"].append(al.alias)
    return sorted(ents.values(), key=lambda e: _local_order(e["id"]))


class ExportSource:
    """The store's content for an export, read through one open (reader's) connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def articles(self) -> Iterator[Any]:
        """One validated :class:`~newsfacts.records.ExportedArticle` per stored article, by id:
        its ArticleFacts fields (article, entities with mentions/roles and
        ``canonical_id``/``canonical_name``, dates, claims) plus ``pipeline_version``."""
        from ..records import ExportedArticle

        conn = self.conn
        names = _Names(conn)
        by_art: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for t in (mentions, roles, aliases, merges, dates, claims, affiliations):
            for r in conn.execute(sa.select(t)):
                by_art[r.article_id][t.name].append(r)
        for a in conn.execute(sa.select(articles).order_by(articles.c.id)):
            parts = by_art.get(a.id, {})
            rec = {
                "article": {"id": a.id, "title": a.title, "source": a.source, "url": a.url,
                            "published": iso(a.published), "published_inferred": a.published_inferred,
                            "published_precision": a.published_precision},
                "pipeline_version": a.pipeline_version,
                "entities": _entities(parts, names),
                "dates": [without(date_dict(d), "article_id")
                          for d in sorted(parts.get("dates", []), key=lambda d: _local_order(d.local_id))],
                "claims": [without(claim_dict(c), "article_id")
                           for c in sorted(parts.get("claims", []), key=lambda c: _local_order(c.local_id))],
            }
            # validated against the published schema (schemas/exported_article.schema.json)
            yield ExportedArticle.model_validate(rec)

    def tables(self) -> Iterator[tuple[str, list[str], list[tuple]]]:
        """``(table name, column names, rows)`` of every table in ``TABLES`` order, rows by
        primary key, dates and times as ISO text."""
        for name in TABLES:
            table = metadata.tables[name]
            result = self.conn.execute(sa.select(table).order_by(*table.primary_key.columns))
            cols = list(result.keys())
            yield name, cols, [tuple(iso(v) for v in r) for r in result]
