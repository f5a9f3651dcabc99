"""Reading the knowledge table: entities by name, everything about one entity, claims by concept and time.

Every function takes an open connection (a reader's, :func:`newsfacts.store.engine.read`) and
returns plain dicts (:mod:`newsfacts.store.rows`); :class:`~newsfacts.store.Store` opens the
connection and raises the errors a user sees.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .resolution import norm_key
from .rows import claim_dict, date_dict, iso, jsonable
from .schema import affiliations, aliases, articles, claims, dates, entities, mentions, merges, roles

#: rapidfuzz ratio (0-100) of the fallback name match of :func:`find_entities`.
FIND_FUZZY_CUTOFF = 90


def timex_latest(value: Optional[str]) -> Optional[dt.date]:
    """The last calendar day a TIMEX3 date value covers ("2019" -> 2019-12-31), or None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        m2 = re.match(r"^(\d{4})-(Q[1-4]|H[12]|W\d{2})", value)
        if not m2:
            return None
        return dt.date(int(m2.group(1)), 12, 31)
    year = int(m.group(1))
    try:
        if m.group(3):
            return dt.date(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            month = int(m.group(2))
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31)
    except ValueError:
        return None


# --------------------------------------------------------------------------- entities


def _fuzzy_find(conn: Connection, name: str, type: Optional[str]) -> list[dict]:
    """Entities whose name key is within ``FIND_FUZZY_CUTOFF`` of ``name``'s (at most 5)."""
    from rapidfuzz import fuzz, process

    q = sa.select(entities.c.id, entities.c.type, entities.c.name, entities.c.norm_key)
    if type:
        q = q.where(entities.c.type == type)
    rows = {r.id: r for r in conn.execute(q)}
    key = norm_key(name)
    hits = process.extract(key, {i: r.norm_key for i, r in rows.items()}, scorer=fuzz.ratio,
                           score_cutoff=FIND_FUZZY_CUTOFF, limit=5)
    return [dict(id=i, type=rows[i].type, name=rows[i].name) for _, _, i in hits]


def find_entities(conn: Connection, name: str, type: Optional[str] = None) -> list[dict]:
    """Canonical entities whose alias key equals ``name``'s key (any type unless ``type``), most mentioned first.

    Falls back to a fuzzy match of the name (rapidfuzz, ratio >= 90) when nothing matches exactly.
    Returns ``[{id, type, name, mentions}]``.
    """
    keys = {norm_key(name, t) for t in (type, "PERSON", "ORG", None)}
    keys.discard("")
    q = (sa.select(entities.c.id, entities.c.type, entities.c.name)
         .join(aliases, aliases.c.entity_id == entities.c.id)
         .where(aliases.c.norm.in_(keys)).distinct())
    if type:
        q = q.where(entities.c.type == type)
    found = [dict(r._mapping) for r in conn.execute(q)]
    if not found:
        found = _fuzzy_find(conn, name, type)
    counts = {}
    if found:
        ids = [f["id"] for f in found]
        counts = dict(conn.execute(
            sa.select(mentions.c.entity_id, sa.func.count()).where(mentions.c.entity_id.in_(ids))
            .group_by(mentions.c.entity_id)).all())
    for f in found:
        f["mentions"] = int(counts.get(f["id"], 0))
    found.sort(key=lambda f: (-f["mentions"], f["id"]))
    return found


def _sentences(conn: Connection, entity_ids: list[int]) -> set[tuple[str, str]]:
    """``{(article id, sentence)}`` of the mentions of the entities."""
    return {(r.article_id, r.sentence) for r in conn.execute(
        sa.select(mentions.c.article_id, mentions.c.sentence).where(mentions.c.entity_id.in_(entity_ids)))}


def _claims_about(conn: Connection, sentences: set[tuple[str, str]], entity_ids: list[int]) -> list[dict]:
    """Claims in one of ``sentences`` or whose entity is one of ``entity_ids``, by article and offset."""
    rows = conn.execute(
        sa.select(claims).where(sa.or_(claims.c.article_id.in_(sorted({a for a, _ in sentences})),
                                       claims.c.entity_id.in_(entity_ids)))
        .order_by(claims.c.article_id, claims.c.start)).all()
    return [claim_dict(r) for r in rows if (r.article_id, r.sentence) in sentences or r.entity_id in entity_ids]


def _dates_in(conn: Connection, sentences: set[tuple[str, str]]) -> list[dict]:
    """Dates in one of ``sentences``, by article and offset."""
    rows = conn.execute(
        sa.select(dates).where(dates.c.article_id.in_(sorted({a for a, _ in sentences})))
        .order_by(dates.c.article_id, dates.c.start)).all()
    return [date_dict(r) for r in rows if (r.article_id, r.sentence) in sentences]


def _articles(conn: Connection, article_ids: list[str]) -> list[dict]:
    return [jsonable(dict(r._mapping)) for r in conn.execute(
        sa.select(articles.c.id, articles.c.title, articles.c.published, articles.c.published_precision,
                  articles.c.url, articles.c.source)
        .where(articles.c.id.in_(article_ids)).order_by(articles.c.published, articles.c.id))]


def _merges(conn: Connection, entity_id: int) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(
        sa.select(merges.c.article_id, merges.c.local_id, merges.c.local_name, merges.c.method,
                  merges.c.matched_key, merges.c.matched_alias, merges.c.matched_article_id, merges.c.score)
        .where(merges.c.entity_id == entity_id).order_by(merges.c.id))]


def _organisations(conn: Connection, entity_id: int) -> list[dict]:
    """``[{id, type, name}]`` of the organisations the entity's roles name."""
    org_ids = sorted(set(conn.execute(sa.select(affiliations.c.org_entity_id)
                                      .where(affiliations.c.entity_id == entity_id)).scalars()))
    return [dict(r._mapping) for r in conn.execute(
        sa.select(entities.c.id, entities.c.type, entities.c.name).where(entities.c.id.in_(org_ids)))]


def entity_info(conn: Connection, found: list[dict]) -> dict:
    """Everything known about ``found[0]`` (the first of :func:`find_entities`).

    Returns ``{"id", "type", "name", "aliases": [str], "articles": [{id, title, published,
    url, source}], "mentions": int, "roles": [str], "claims": [claim dicts], "dates": [date
    dicts], "merges": [evidence dicts], "affiliations": [{id, type, name}] (organisations its
    roles name), "affiliation_claims": [claim dicts] (claims in sentences mentioning those
    organisations), "other_matches": found[1:]}``: claims and dates are those in a sentence
    that mentions the entity (or, for claims, whose entity is it).
    """
    best = found[0]
    eid = best["id"]
    alias_list = sorted({r.alias for r in conn.execute(sa.select(aliases.c.alias).where(aliases.c.entity_id == eid))})
    sentences = _sentences(conn, [eid])
    role_list = sorted({r.role for r in conn.execute(sa.select(roles.c.role).where(roles.c.entity_id == eid))})
    orgs = _organisations(conn, eid)
    org_ids = sorted(o["id"] for o in orgs)
    return {
        "id": eid, "type": best["type"], "name": best["name"], "aliases": alias_list,
        "articles": _articles(conn, sorted({a for a, _ in sentences})), "mentions": best["mentions"],
        "roles": role_list, "claims": _claims_about(conn, sentences, [eid]), "dates": _dates_in(conn, sentences),
        "merges": _merges(conn, eid), "affiliations": orgs,
        "affiliation_claims": _claims_about(conn, _sentences(conn, org_ids), org_ids) if org_ids else [],
        "other_matches": found[1:],
    }


# --------------------------------------------------------------------------- claims


def find_claims(conn: Connection, concept: Optional[str] = None, since: Optional[dt.date] = None,
                limit: Optional[int] = None) -> list[dict]:
    """Claims whose concept contains ``concept`` (case-insensitive) and whose time reaches ``since``.

    A claim's time is its TIMEX3 ``time`` (a year counts to its last day: "2019" passes
    since=2019-06-01), else its article's publication date; claims with no time at all are
    left out when ``since`` is given. Returns claim dicts (every ClaimRecord field, ``change``
    nested, plus ``article_id``, ``article_title``, ``published``, ``entity`` name), ordered
    by the start of their time ("2021" before "2021-03"), then article and offset.
    """
    q = (sa.select(claims, articles.c.title.label("article_title"), articles.c.published,
                   entities.c.name.label("entity_name"))
         .join(articles, articles.c.id == claims.c.article_id)
         .outerjoin(entities, entities.c.id == claims.c.entity_id))
    if concept:
        pattern = "%" + concept.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(sa.func.lower(claims.c.concept).like(pattern, escape="\\"))
    if since is not None:
        q = q.where(sa.or_(claims.c.time >= f"{since.year:04d}",
                           sa.and_(claims.c.time.is_(None), articles.c.published >= since)))
    out = []
    for r in conn.execute(q).all():
        when = timex_latest(r.time) if r.time else r.published
        if since is not None and (when is None or when < since):
            continue
        d = claim_dict(r)
        d.update(article_title=r.article_title, published=iso(r.published), entity=r.entity_name)
        order = r.time or (r.published.isoformat() if r.published else "")  # ISO strings sort by start
        out.append((order, r.article_id, r.start, d))
    out.sort(key=lambda x: x[:3])
    result = [x[3] for x in out]
    return result[:limit] if limit is not None else result
