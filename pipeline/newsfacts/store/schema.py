"""The head schema of the knowledge table (SQLAlchemy Core tables).

The schema in the database is created and upgraded by the Alembic revisions in
``store/migrations/versions`` (written by hand): a change here needs a new revision there that
brings an existing database to the same tables, and ``tests/test_store.py`` opens an older
revision to check the upgrade.

``articles`` (one row per article and the pipeline version that made its facts),
``entities`` (canonical, cross-article: one per real-world entity of a type), ``aliases``
(every surface name of an entity with the article it was seen in), ``mentions``, ``roles``,
``dates``, ``claims`` (every field of a ClaimRecord), ``merges`` (why a local entity of an
article joined a canonical entity: method, matched key and alias, the article that alias
came from, score), ``affiliations``, ``failed_inputs`` (origin, reason, time),
``store_state`` (the generation counter of entity deletions).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


class _NoNul(sa.types.TypeDecorator):
    """A text column whose values PostgreSQL can hold: its text type cannot contain NUL
    (U+0000), so on PostgreSQL each NUL is written as U+FFFD (the replacement character). One
    character for one: every stored offset still points at the same place. SQLite stores NUL
    as it is. The column's SQL type (DDL) is the wrapped type's."""

    cache_ok = True

    def process_bind_param(self, value, dialect):
        if isinstance(value, str) and dialect.name == "postgresql" and "\x00" in value:
            return value.replace("\x00", "\ufffd")
        return value


class Text(_NoNul):
    """``sa.Text`` without NUL on PostgreSQL (see :class:`_NoNul`)."""

    impl = sa.Text
    cache_ok = True


class String(_NoNul):
    """``String(n)`` without NUL on PostgreSQL (see :class:`_NoNul`)."""

    impl = sa.String
    cache_ok = True


def _local_span() -> list[sa.Column]:
    """The first columns of a date or claim: its article and local id (the key), its char
    offsets, text and sentence."""
    return [
        sa.Column("article_id", String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("local_id", String(16), primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", Text, nullable=False),
        sa.Column("sentence", Text, nullable=False),
    ]


articles = sa.Table(
    "articles", metadata,
    sa.Column("id", String(128), primary_key=True),
    sa.Column("title", Text),
    sa.Column("source", Text),
    sa.Column("url", Text),
    sa.Column("published", sa.Date),
    sa.Column("published_inferred", sa.Boolean, nullable=False),
    sa.Column("published_precision", String(8)),
    sa.Column("pipeline_version", String(255), nullable=False),
    sa.Column("content_hash", String(64)),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)
entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", String(16), nullable=False),
    sa.Column("name", Text, nullable=False),
    sa.Column("norm_key", Text, nullable=False),
    sa.UniqueConstraint("type", "norm_key", name="uq_entities_type_norm_key"),
)
aliases = sa.Table(
    "aliases", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("alias", Text, nullable=False),
    sa.Column("norm", Text, nullable=False),
    sa.Column("article_id", String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("strong", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.UniqueConstraint("entity_id", "alias", "article_id", name="uq_aliases_entity_alias_article"),
    sqlite_autoincrement=True,
)
mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("local_id", String(16), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", Text, nullable=False),
    sa.Column("sentence", Text, nullable=False),
)
roles = sa.Table(
    "roles", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("local_id", String(16), nullable=False),
    sa.Column("role", Text, nullable=False),
)
dates = sa.Table(
    "dates", metadata,
    *_local_span(),
    sa.Column("type", String(16), nullable=False),
    sa.Column("value", Text, nullable=False),
    sa.Column("mod", String(16)),
    sa.Column("anchor", String(16), nullable=False),
    sa.Column("begin", Text),
    sa.Column("end_value", Text),
)
claims = sa.Table(
    "claims", metadata,
    *_local_span(),
    sa.Column("evidence", Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("value_max", sa.Float),
    sa.Column("unit", Text, nullable=False),
    sa.Column("approx", String(16), nullable=False),
    sa.Column("change_direction", String(8)),
    sa.Column("change_from", sa.Float),
    sa.Column("change_to", sa.Float),
    sa.Column("change_relative", sa.Float),
    sa.Column("concept", Text),
    sa.Column("date_local_id", String(16)),
    sa.Column("time", Text),
    sa.Column("entity_local_id", String(16)),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("holder", Text),
    sa.Column("holder_start", sa.Integer),
    sa.Column("holder_end", sa.Integer),
)
merges = sa.Table(
    "merges", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("article_id", String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("local_id", String(16), nullable=False),
    sa.Column("local_name", Text, nullable=False),
    sa.Column("method", String(8), nullable=False),  # new | exact | fuzzy
    sa.Column("matched_key", Text),
    sa.Column("matched_alias", Text),
    sa.Column("matched_article_id", String(128)),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
failed_inputs = sa.Table(
    "failed_inputs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", Text, nullable=False),
    sa.Column("reason", Text, nullable=False),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("pipeline_version", String(255)),
    sa.UniqueConstraint("origin", "reason", name="uq_failed_inputs_origin_reason"),
)
affiliations = sa.Table(
    "affiliations", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("org_entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("local_id", String(16), nullable=False),
)
store_state = sa.Table(
    "store_state", metadata,
    sa.Column("key", String(64), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

#: Tables in export / deletion order (children first is the reverse).
TABLES = ["articles", "entities", "aliases", "mentions", "roles", "affiliations", "dates", "claims", "merges",
          "failed_inputs"]
#: Tables whose rows belong to one article (deleted with it).
ARTICLE_CHILDREN = [aliases, mentions, roles, affiliations, dates, claims, merges]
