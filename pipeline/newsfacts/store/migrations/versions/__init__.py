"""Alembic revisions (one module per schema version)."""
