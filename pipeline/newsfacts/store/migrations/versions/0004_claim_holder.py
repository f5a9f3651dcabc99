"""Claim holder: the noun phrase a quantity is said of (record schema 1.1).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("holder", sa.Text))
        batch.add_column(sa.Column("holder_start", sa.Integer))
        batch.add_column(sa.Column("holder_end", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("holder_end")
        batch.drop_column("holder_start")
        batch.drop_column("holder")
