"""Affiliations: the organisations a person's stated role names ("chief of ... of the bureau").

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "affiliations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("org_entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
    )
    op.create_index("ix_affiliations_entity_id", "affiliations", ["entity_id"])
    op.create_index("ix_affiliations_article_id", "affiliations", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_affiliations_article_id", "affiliations")
    op.drop_index("ix_affiliations_entity_id", "affiliations")
    op.drop_table("affiliations")
