"""Merge evidence, strong/weak aliases, publication precision, failure versions, store state.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("published_precision", sa.String(8)))
    with op.batch_alter_table("aliases") as batch:
        # rows of 0001 predate the weak-alias rule: they stay usable for matching
        batch.add_column(sa.Column("strong", sa.Boolean, nullable=False, server_default=sa.true()))
    with op.batch_alter_table("failed_inputs") as batch:
        batch.add_column(sa.Column("pipeline_version", sa.String(255)))
    op.create_table(
        "merges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("local_name", sa.Text, nullable=False),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("matched_key", sa.Text),
        sa.Column("matched_alias", sa.Text),
        sa.Column("matched_article_id", sa.String(128)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_merges_entity_id", "merges", ["entity_id"])
    op.create_index("ix_merges_article_id", "merges", ["article_id"])
    op.create_index("ix_aliases_entity_id", "aliases", ["entity_id"])
    op.create_table(
        "store_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_state")
    op.drop_index("ix_aliases_entity_id", "aliases")
    op.drop_table("merges")
    with op.batch_alter_table("failed_inputs") as batch:
        batch.drop_column("pipeline_version")
    with op.batch_alter_table("aliases") as batch:
        batch.drop_column("strong")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_precision")
