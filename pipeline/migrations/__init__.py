"""Alembic migrations of the knowledge table; :class:`pipeline.store.Store` runs them on open."""
