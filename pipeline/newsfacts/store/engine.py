"""Where the knowledge table lives: URLs, engines, locking, migrations, scratch databases.

Concurrency
    SQLite: WAL journal, ``busy_timeout``, every transaction ``BEGIN IMMEDIATE`` (writers take
    the write lock up front, so check-then-write is atomic); readers (:func:`read`) use a
    deferred ``BEGIN`` and never block writers. PostgreSQL: every write transaction takes one
    advisory transaction lock (:func:`lock`), and unique constraints back it up. Two batches on
    one database both finish; an article is stored once.

Migrations
    The schema is created and upgraded by the Alembic revisions in ``store/migrations`` when a
    :class:`~newsfacts.store.Store` opens (:func:`migrate`), inside the write lock, so a table
    written by an older version opens and is upgraded in place.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Callable, Optional, Union

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from ..errors import StoreError

#: Advisory lock key taken by every PostgreSQL write transaction ("newsfact" in ASCII).
PG_LOCK_KEY = 0x6E657773666163
#: Seconds a SQLite writer waits for the write lock before giving up.
SQLITE_BUSY_TIMEOUT_S = 120
#: The Alembic script folder (``env.py``, ``versions/``).
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


#: URL schemes the store runs on (SQLAlchemy dialect names, with or without a driver).
SUPPORTED_DIALECTS = ("sqlite", "postgresql")


def normalise_url(url: Union[str, os.PathLike]) -> str:
    """Map a path or URL to an SQLAlchemy URL.

    A plain path becomes ``sqlite:///<absolute path>``; ``postgresql://``/``postgres://`` use the
    psycopg 3 driver (``postgresql+psycopg://``); ``sqlite://`` and ``postgresql+driver://`` URLs
    pass unchanged.

    Raises:
        StoreError: an empty URL, an in-memory SQLite database, or another database
            (``mysql://``, ...): the store runs on SQLite and PostgreSQL files and servers.
    """
    text = str(url)
    if not text.strip():
        raise StoreError("no store given: --db is empty")
    if text.startswith("sqlite:") and text.split(":///", 1)[-1] in ("", ":memory:", "sqlite://", "sqlite:"):
        raise StoreError(f"{text}: the store must be a file (an in-memory database is lost when the command ends)")
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        scheme = text.split("://", 1)[0]
        if scheme.split("+", 1)[0] not in SUPPORTED_DIALECTS:
            raise StoreError(f"{redact(text)}: {scheme!r} databases are not supported; "
                             "give a SQLite path or a postgresql:// URL")
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def create_scratch_database(admin_url: str, prefix: str = "nf_") -> tuple[str, Callable[[], None]]:
    """Create a fresh, uniquely named PostgreSQL database on the server of ``admin_url``.

    For tests and benchmarks. Returns ``(url, drop)``: the new database's ``postgresql://`` URL
    and a function that drops it (forcing other connections off). Raises SQLAlchemy's errors
    when the server cannot be reached or the user may not create databases.
    """
    import uuid

    name = prefix + uuid.uuid4().hex[:12]
    eng = sa.create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with eng.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        eng.dispose()

    return admin_url.rsplit("/", 1)[0] + "/" + name, drop


def redact(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def short_error(exc: BaseException) -> str:
    """The first line of a (SQLAlchemy) error's message, for one-line errors."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def set_wal(cur) -> None:
    """``PRAGMA journal_mode = WAL``, retried while another process holds a lock.

    Switching a new database file to WAL needs an exclusive lock, and SQLite can answer
    "database is locked" at once, without its busy handler, when two processes open the same
    new file together (two concurrent batches on one store). Retries every 50 ms up to
    ``SQLITE_BUSY_TIMEOUT_S``; then the error is raised."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_engine(url: str, echo: bool) -> Engine:
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        parent = Path(path).parent
        if not parent.exists():
            raise StoreError(f"{path}: the folder {parent} does not exist")
    engine = sa.create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - driver hook
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        set_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover - driver hook
        # writers take the write lock up front; readers (see read) do not block them (WAL)
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("nf_read") else "BEGIN IMMEDIATE")

    return engine


def _sqlite_read_only_engine(url: str, echo: bool) -> Engine:
    """A SQLite engine that cannot write: the file is opened with ``mode=ro`` (no journal-mode
    switch, no table creation), or, in a folder the process cannot write (no room for WAL's
    ``-shm`` file), ``immutable=1``."""
    path = url.split(":///", 1)[1]
    uri = Path(path).as_uri()
    mode = "ro" if os.access(Path(path).parent, os.W_OK) else "ro&immutable=1"
    engine = sa.create_engine("sqlite://", echo=echo,
                              creator=lambda: sqlite3.connect(f"{uri}?mode={mode}", uri=True,
                                                              timeout=SQLITE_BUSY_TIMEOUT_S, check_same_thread=False))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - driver hook
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover - driver hook
        conn.exec_driver_sql("BEGIN")

    return engine


def make_engine(url: str, echo: bool = False, read_only: bool = False) -> Engine:
    """An engine for a :func:`normalise_url` URL: SQLite set up as the module docstring says;
    any other database is connected to once, so that a wrong URL fails here. ``read_only``: an
    engine that never writes (SQLite ``mode=ro``; PostgreSQL read-only transactions).

    Raises:
        StoreError: the folder of a SQLite file does not exist.
        sqlalchemy.exc.SQLAlchemyError, ImportError: the server cannot be reached, or its driver
            is not installed.
    """
    if url.startswith("sqlite"):
        return _sqlite_read_only_engine(url, echo) if read_only else _sqlite_engine(url, echo)
    options = {"postgresql_readonly": True} if read_only else {}
    engine = sa.create_engine(url, echo=echo, pool_pre_ping=True, execution_options=options)
    with engine.connect() as conn:  # fail early with a clear message
        conn.exec_driver_sql("SELECT 1")
    return engine


def read(engine: Engine) -> Connection:
    """A connection for queries: on SQLite a deferred transaction that never blocks writers."""
    return engine.connect().execution_options(nf_read=True)


def lock(conn: Connection) -> None:
    """Serialise writers: SQLite holds the write lock since BEGIN IMMEDIATE; PostgreSQL takes an advisory lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def alembic_config(conn: Connection):
    """An Alembic ``Config`` that runs ``store/migrations`` on ``conn`` (see ``migrations/env.py``)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision``, in one transaction holding the write lock."""
    from alembic import command

    with engine.begin() as conn:
        lock(conn)
        command.upgrade(alembic_config(conn), revision)


def head_revision() -> str:
    """The newest Alembic revision of ``store/migrations`` (the schema this version writes)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def known_revisions() -> set[str]:
    """Every Alembic revision of ``store/migrations`` (the schemas this version can upgrade)."""
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def _unknown_revision(where: str, have: Optional[str]) -> StoreError:
    return StoreError(f"{where} has schema revision {have}, which this newsfacts does not know: a store "
                      "written by a newer newsfacts (upgrade newsfacts), or another application's database")


def check_schema(engine: Engine, where: str) -> None:
    """For readers: the database is a newsfacts store at this version's schema; nothing is written.

    Raises:
        StoreError: not a newsfacts store (no ``alembic_version`` and ``articles`` tables), a
            store of an older schema (the message names the command that upgrades it), or of a
            schema this version does not know (newer).
    """
    names = set(sa.inspect(engine).get_table_names())
    if not {"alembic_version", "articles"} <= names:
        raise StoreError(f"{where} is not a newsfacts store (no newsfacts tables in it)")
    have, head = schema_revision(engine), head_revision()
    if have not in known_revisions():
        raise _unknown_revision(where, have)
    if have != head:
        raise StoreError(f"{where} has the schema of an older newsfacts (revision {have}, this one "
                         f"reads {head}); upgrade it with `newsfacts upgrade --db {where}`")


def check_writable(engine: Engine, where: str) -> None:
    """Before a writer creates or upgrades the schema: the database is empty or a newsfacts
    store whose revision this version knows; nothing is written.

    Raises:
        StoreError: the database holds another application's tables (no ``alembic_version``),
            or a revision this version does not know.
    """
    names = set(sa.inspect(engine).get_table_names())
    if not names:
        return
    if "alembic_version" not in names:
        shown = ", ".join(sorted(names)[:3]) + (", ..." if len(names) > 3 else "")
        raise StoreError(f"{where} holds tables of another application ({shown}), not a newsfacts store; "
                         "give a new file")
    have = schema_revision(engine)
    if have is not None and have not in known_revisions():
        raise _unknown_revision(where, have)


def schema_revision(engine: Engine) -> Optional[str]:
    """The Alembic revision the database is at (``None`` for an empty database)."""
    from alembic.migration import MigrationContext

    with read(engine) as conn:
        return MigrationContext.configure(conn).get_current_revision()
