"""Initial knowledge table: articles, entities, aliases, mentions, roles, dates, claims, failed_inputs.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk():
    return sa.ForeignKey("articles.id", ondelete="CASCADE", name=None)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("pipeline_version", sa.String(255), nullable=False),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_pipeline_version", "articles", ["pipeline_version"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("norm_key", sa.Text, nullable=False),
        sa.UniqueConstraint("type", "norm_key", name="uq_entities_type_norm_key"),
    )
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("article_id", sa.String(128), _article_fk(), nullable=False),
        sa.UniqueConstraint("entity_id", "alias", "article_id", name="uq_aliases_entity_alias_article"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_aliases_norm", "aliases", ["norm"])
    op.create_index("ix_aliases_article_id", "aliases", ["article_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(128), _article_fk(), nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_table(
        "roles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(128), _article_fk(), nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
    )
    op.create_index("ix_roles_entity_id", "roles", ["entity_id"])
    op.create_index("ix_roles_article_id", "roles", ["article_id"])
    op.create_table(
        "dates",
        sa.Column("article_id", sa.String(128), _article_fk(), primary_key=True),
        sa.Column("local_id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("mod", sa.String(16)),
        sa.Column("anchor", sa.String(16), nullable=False),
        sa.Column("begin", sa.Text),
        sa.Column("end_value", sa.Text),
    )
    op.create_index("ix_dates_value", "dates", ["value"])
    op.create_table(
        "claims",
        sa.Column("article_id", sa.String(128), _article_fk(), primary_key=True),
        sa.Column("local_id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_max", sa.Float),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("approx", sa.String(16), nullable=False),
        sa.Column("change_direction", sa.String(8)),
        sa.Column("change_from", sa.Float),
        sa.Column("change_to", sa.Float),
        sa.Column("change_relative", sa.Float),
        sa.Column("concept", sa.Text),
        sa.Column("date_local_id", sa.String(16)),
        sa.Column("time", sa.Text),
        sa.Column("entity_local_id", sa.String(16)),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id")),
    )
    op.create_index("ix_claims_entity_id", "claims", ["entity_id"])
    op.create_index("ix_claims_time", "claims", ["time"])
    op.create_table(
        "failed_inputs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("origin", "reason", name="uq_failed_inputs_origin_reason"),
    )


def downgrade() -> None:
    for name in ("failed_inputs", "claims", "dates", "roles", "mentions", "aliases", "entities", "articles"):
        op.drop_table(name)
