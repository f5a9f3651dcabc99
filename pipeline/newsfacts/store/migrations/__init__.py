"""Alembic migrations of the knowledge table; :class:`~newsfacts.store.Store` runs them on open."""
