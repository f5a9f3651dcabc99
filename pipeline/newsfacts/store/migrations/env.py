"""Alembic environment of the knowledge table.

:class:`~newsfacts.store.Store` runs the migrations programmatically and passes its open
connection (inside its transaction and write lock) as ``config.attributes["connection"]``.
Without it (the ``alembic`` command line) the ``sqlalchemy.url`` main option is used.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

config = context.config
target_metadata = None  # revisions are written by hand; the head schema lives in pipeline/newsfacts/store/schema.py


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
