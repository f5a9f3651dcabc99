"""The knowledge table: validated :class:`~newsfacts.records.ArticleFacts` in SQLite or PostgreSQL.

This module is the only writer of the store (SQLAlchemy Core). The schema is created and
upgraded by the Alembic migrations in ``pipeline/newsfacts/migrations`` when a :class:`Store` opens, so a
table written by an older version opens and is upgraded in place.

Tables
    ``articles`` (one row per article and the pipeline version that made its facts),
    ``entities`` (canonical, cross-article: one per real-world entity of a type), ``aliases``
    (every surface name of an entity with the article it was seen in), ``mentions``, ``roles``,
    ``dates``, ``claims`` (every field of a ClaimRecord), ``merges`` (why a local entity of an
    article joined a canonical entity: method, matched key and alias, the article that alias
    came from, score), ``failed_inputs`` (origin, reason, time), ``store_state``.

Writing
    :meth:`Store.write` writes one article in one transaction. An article already stored with
    the same pipeline version (and content hash, when given) is skipped; one stored by another
    pipeline version, or with other content, has its facts replaced in the same transaction.

Cross-article entity resolution (conservative; every decision is a ``merges`` row)
    1. exact: the local entity's name key, or a *strong* alias key, equals a strong key of a
       canonical entity of the same type (an acronym alias that spells the name's initials,
       "GAO" of "Government Accountability Office", is strong too). Keys are :func:`norm_key` forms (case, accents,
       leading "the", possessive 's, punctuation, whitespace, honorifics for PERSON, company
       suffixes for ORG). An alias is strong when it has at least as many tokens as
       ``min(2, tokens of the name)``: a bare surname ("Chen") of "Chen Long" is stored but
       never used to join another article's "Chen Liang".
    2. fuzzy (rapidfuzz, same type, name key only): same number of tokens, exactly one token
       differs, both versions of it are at least 5 letters, start with the same letter, hold no
       digit and are one edit apart ("Jonathon Smith" ~ "Jonathan Smith"), overall ratio >= the
       threshold. "Chen Long"/"Chen Liang" and "Bank of China"/"People's Bank of China" never merge.
    3. otherwise a new canonical entity.

Concurrency
    SQLite: WAL journal, ``busy_timeout``, every transaction ``BEGIN IMMEDIATE`` (writers take
    the write lock up front, so check-then-write is atomic). PostgreSQL: every write transaction
    takes one advisory transaction lock, and unique constraints back it up. Two batches on one
    database both finish; an article is stored once.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sqlite3
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from .errors import StoreError

if TYPE_CHECKING:
    from .records import ArticleFacts

#: Advisory lock key taken by every PostgreSQL write transaction ("newsfact" in ASCII).
PG_LOCK_KEY = 0x6E657773666163
#: Seconds a SQLite writer waits for the write lock before giving up.
SQLITE_BUSY_TIMEOUT_S = 120
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# --------------------------------------------------------------------------- schema (head)

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("published_inferred", sa.Boolean, nullable=False),
    sa.Column("published_precision", sa.String(8)),
    sa.Column("pipeline_version", sa.String(255), nullable=False),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)
entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("norm_key", sa.Text, nullable=False),
    sa.UniqueConstraint("type", "norm_key", name="uq_entities_type_norm_key"),
)
aliases = sa.Table(
    "aliases", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("norm", sa.Text, nullable=False),
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("strong", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.UniqueConstraint("entity_id", "alias", "article_id", name="uq_aliases_entity_alias_article"),
    sqlite_autoincrement=True,
)
mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
)
roles = sa.Table(
    "roles", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("role", sa.Text, nullable=False),
)
dates = sa.Table(
    "dates", metadata,
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
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
claims = sa.Table(
    "claims", metadata,
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
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
    sa.Column("holder", sa.Text),
    sa.Column("holder_start", sa.Integer),
    sa.Column("holder_end", sa.Integer),
)
merges = sa.Table(
    "merges", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("local_name", sa.Text, nullable=False),
    sa.Column("method", sa.String(8), nullable=False),  # new | exact | fuzzy
    sa.Column("matched_key", sa.Text),
    sa.Column("matched_alias", sa.Text),
    sa.Column("matched_article_id", sa.String(128)),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
failed_inputs = sa.Table(
    "failed_inputs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("pipeline_version", sa.String(255)),
    sa.UniqueConstraint("origin", "reason", name="uq_failed_inputs_origin_reason"),
)
affiliations = sa.Table(
    "affiliations", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("org_entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
)
store_state = sa.Table(
    "store_state", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

#: Tables in export / deletion order (children first is the reverse).
TABLES = ["articles", "entities", "aliases", "mentions", "roles", "affiliations", "dates", "claims", "merges",
          "failed_inputs"]
_ARTICLE_CHILDREN = [aliases, mentions, roles, affiliations, dates, claims, merges]

# --------------------------------------------------------------------------- name keys

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mme", "mlle", "herr"}
_ORG_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "ltd", "limited", "co", "plc", "llc",
                 "ag", "sa", "gmbh", "nv", "bv", "spa", "ab", "oyj", "asa", "group", "holdings", "company"}
_INITIALS_SKIP = {"of", "and", "the", "for", "de", "du", "des", "la", "le"}


def norm_key(name: str, type: Optional[str] = None) -> str:
    """The matching key of an entity name: "The People's Bank of China" -> "people bank of china".

    Folds case and accents, drops a leading "the", possessive 's, periods and apostrophes
    ("U.S." -> "us"), turns other punctuation into spaces, "&" into "and", collapses whitespace;
    for PERSON drops leading honorifics (Mr, Dr, ...), for ORG trailing company suffixes
    (Inc, Ltd, Corp, N.V., Group, Company, ...) while a token remains. Returns "" for a name with no letters or digits.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("\u2019", "'").replace("&", " and ")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[.']", "", s)
    s = re.sub(r"[^\w\s]|_", " ", s)
    tokens = s.split()
    while len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if type == "PERSON":
        while len(tokens) > 1 and tokens[0] in _HONORIFICS:
            tokens = tokens[1:]
    elif type == "ORG":
        while len(tokens) > 1 and tokens[-1] in _ORG_SUFFIXES:
            tokens = tokens[:-1]
    return " ".join(tokens)


def _initials(key: str) -> set[str]:
    tokens = key.split()
    return {"".join(t[0] for t in tokens), "".join(t[0] for t in tokens if t not in _INITIALS_SKIP)}


def _is_strong(alias_key: str, name_key: str) -> bool:
    """May an alias join entities across articles?

    Yes when it is as specific as ``min(2, name tokens)``, or when it is the acronym of the name
    ("GAO" of "Government Accountability Office", "PBOC" of "People's Bank of China").
    """
    if len(alias_key.split()) >= min(2, len(name_key.split())):
        return True
    return len(alias_key) >= 2 and " " not in alias_key and len(name_key.split()) >= 2 \
        and alias_key in _initials(name_key)


def fuzzy_compatible(a: str, b: str) -> bool:
    """Conservative spelling-variant test on two name keys (see the module docstring)."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or a == b:
        return a == b
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or x[0] != y[0] or any(c.isdigit() for c in x + y):
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(x, y) <= 1


# --------------------------------------------------------------------------- helpers


def normalise_url(url: Union[str, os.PathLike]) -> str:
    """Map a path or URL to an SQLAlchemy URL.

    A plain path becomes ``sqlite:///<absolute path>``; ``postgresql://``/``postgres://`` use the
    psycopg 3 driver (``postgresql+psycopg://``). Other ``dialect://`` URLs pass unchanged.
    """
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _timex_latest(value: Optional[str]) -> Optional[dt.date]:
    """The last calendar day a TIMEX3 date value covers ("2019" -> 2019-12-31), or None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        m2 = re.match(r"^(\d{4})-(Q[1-4]|H[12]|W\d{2})", value)
        if not m2:
            return None
        return dt.date(int(m2.group(1)), 12, 31)
    year = int(m.group(1))
    try:
        if m.group(3):
            return dt.date(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            month = int(m.group(2))
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31)
    except ValueError:
        return None


# --------------------------------------------------------------------------- the store


def _set_wal(cur) -> None:
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


class Store:
    """The knowledge table at ``url``: a path, ``sqlite:///...`` or ``postgresql://...``.

    Opening creates or upgrades the schema (Alembic, to head). Use as a context manager or call
    :meth:`close`. A Store object is meant for one thread; open one per process.

    Raises:
        StoreError: the database cannot be reached, opened or migrated (the message names it),
            or ``postgresql://`` is asked for without the psycopg package, or (``must_exist``,
            for readers) the SQLite file does not exist.
    """

    def __init__(self, url: Union[str, os.PathLike] = "newsfacts.db", *, fuzzy_threshold: float = 90.0,
                 echo: bool = False, must_exist: bool = False) -> None:
        self.url = normalise_url(url)
        if must_exist and self.url.startswith("sqlite:///") and not Path(self.url[len("sqlite:///"):]).exists():
            raise StoreError(f"no store at {self.url[len('sqlite:///'):]} (run `newsfacts batch ... --db` first)")
        self.fuzzy_threshold = fuzzy_threshold
        self._cache: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
        self._cache_alias_id = 0
        self._cache_gen: Optional[int] = None
        try:
            self.engine = self._make_engine(echo)
            self._migrate()
        except StoreError:
            raise
        except ImportError as exc:
            raise StoreError(
                f"{redact(self.url)}: the PostgreSQL driver is missing ({exc.name}): pip install 'psycopg[binary]'"
            ) from None
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store {redact(self.url)}: {_short(exc)}") from None

    # ----------------------------------------------------------------- engine and schema

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def _make_engine(self, echo: bool) -> Engine:
        if self.url.startswith("sqlite"):
            path = self.url.split(":///", 1)[1] if ":///" in self.url else ""
            if path and path != ":memory:":
                parent = Path(path).parent
                if not parent.exists():
                    raise StoreError(f"{path}: the folder {parent} does not exist")
            engine = sa.create_engine(self.url, echo=echo,
                                      connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

            @event.listens_for(engine, "connect")
            def _on_connect(dbapi_conn, _record):  # pragma: no cover - driver hook
                dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
                cur = dbapi_conn.cursor()
                cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
                _set_wal(cur)
                cur.execute("PRAGMA synchronous = NORMAL")
                cur.execute("PRAGMA foreign_keys = ON")
                cur.close()

            @event.listens_for(engine, "begin")
            def _on_begin(conn):  # pragma: no cover - driver hook
                # writers take the write lock up front; readers (see _read) do not block them (WAL)
                conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("nf_read") else "BEGIN IMMEDIATE")

            return engine
        engine = sa.create_engine(self.url, echo=echo, pool_pre_ping=True)
        with engine.connect() as conn:  # fail early with a clear message
            conn.exec_driver_sql("SELECT 1")
        return engine

    def _read(self) -> Connection:
        """A connection for queries: on SQLite a deferred transaction that never blocks writers."""
        return self.engine.connect().execution_options(nf_read=True)

    def _lock(self, conn: Connection) -> None:
        """Serialise writers: SQLite holds the write lock since BEGIN IMMEDIATE; PostgreSQL takes an advisory lock."""
        if self.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})

    def _alembic_config(self, conn: Connection):
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = conn
        return cfg

    def _migrate(self, revision: str = "head") -> None:
        from alembic import command

        with self.engine.begin() as conn:
            self._lock(conn)
            command.upgrade(self._alembic_config(conn), revision)

    def schema_revision(self) -> Optional[str]:
        """The Alembic revision the database is at (``None`` for an empty database)."""
        from alembic.migration import MigrationContext

        with self._read() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----------------------------------------------------------------- reads used by batches

    def has(self, article_id: str, pipeline_version: str, content_hash: Optional[str] = None) -> bool:
        """True when ``article_id`` is stored by ``pipeline_version`` (and, if given, with ``content_hash``)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(articles.c.pipeline_version, articles.c.content_hash).where(articles.c.id == article_id)
            ).first()
        return row is not None and _same(row, pipeline_version, content_hash)

    def stored(self, pipeline_version: str) -> dict[str, Optional[str]]:
        """``{article id: content hash}`` of every article stored by ``pipeline_version``."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(articles.c.id, articles.c.content_hash).where(articles.c.pipeline_version == pipeline_version)
            )
            return {r.id: r.content_hash for r in rows}

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        with self._read() as conn:
            return {t: conn.execute(sa.select(sa.func.count()).select_from(metadata.tables[t])).scalar_one()
                    for t in TABLES}

    # ----------------------------------------------------------------- writes

    def record_failure(self, origin: str, reason: str, pipeline_version: Optional[str] = None) -> None:
        """Record an input that could not be read or processed; the same (origin, reason) is kept once
        (its time is updated).

        Raises:
            StoreError: the database cannot be written.
        """
        try:
            with self.engine.begin() as conn:
                self._lock(conn)
                done = conn.execute(
                    failed_inputs.update()
                    .where(failed_inputs.c.origin == origin, failed_inputs.c.reason == reason)
                    .values(failed_at=_now(), pipeline_version=pipeline_version)
                ).rowcount
                if not done:
                    conn.execute(failed_inputs.insert().values(
                        origin=origin, reason=reason, failed_at=_now(), pipeline_version=pipeline_version))
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{redact(self.url)}: cannot record the failure of {origin}: {_short(exc)}") from None

    def write(self, facts: Union["ArticleFacts", dict], pipeline_version: str,
              content_hash: Optional[str] = None) -> bool:
        """Store one article's facts in one transaction; return True when written, False when skipped.

        ``facts`` is an :class:`~newsfacts.records.ArticleFacts` or its ``model_dump()`` (a batch
        parent receives dicts from its workers so that it need not import spaCy); a dict is
        trusted to come from a validated record.

        Skipped: the article id is stored by ``pipeline_version`` (and ``content_hash`` matches
        when both are known). Replaced: the id is stored by another version or with other
        content — its old facts are deleted and the new ones written in the same transaction.
        ``content_hash`` defaults to :func:`newsfacts.ingest.article_id` of ``facts.text`` when
        the record carries its text.

        Raises:
            StoreError: the database cannot be written (lock timeout, lost connection, ...).
        """
        if isinstance(facts, dict):
            facts = _Rec(facts)
        if content_hash is None and facts.text is not None:
            from .ingest import article_id

            content_hash = article_id(facts.text)
        try:
            with self.engine.begin() as conn:
                self._lock(conn)
                row = conn.execute(
                    sa.select(articles.c.pipeline_version, articles.c.content_hash)
                    .where(articles.c.id == facts.article.id)
                ).first()
                if row is not None:
                    if _same(row, pipeline_version, content_hash):
                        return False
                    self._delete_article(conn, facts.article.id)
                self._refresh_cache(conn)
                self._insert(conn, facts, pipeline_version, content_hash)
            return True
        except sa.exc.SQLAlchemyError as exc:
            self._cache_gen = None  # the cache may hold rows of the rolled-back transaction
            raise StoreError(f"{redact(self.url)}: cannot write article {facts.article.id}: {_short(exc)}") from None
        except BaseException:
            self._cache_gen = None
            raise

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and its facts (entities left without aliases go too); True if it existed."""
        with self.engine.begin() as conn:
            self._lock(conn)
            return self._delete_article(conn, article_id)

    def _delete_article(self, conn: Connection, article_id: str) -> bool:
        for table in _ARTICLE_CHILDREN:
            conn.execute(table.delete().where(table.c.article_id == article_id))
        gone = conn.execute(articles.delete().where(articles.c.id == article_id)).rowcount
        conds = [~sa.select(t.c.entity_id).where(t.c.entity_id == entities.c.id).exists()
                 for t in (aliases, mentions, roles, affiliations, claims, merges)]
        orphans = conn.execute(sa.select(entities.c.id).where(*conds)).scalars().all()
        if orphans:
            conn.execute(entities.delete().where(entities.c.id.in_(orphans)))
            self._bump_generation(conn, set(orphans))
        return bool(gone)

    def _bump_generation(self, conn: Connection, deleted: set[int]) -> None:
        """Tell other processes' caches that entities were deleted; update ours in place."""
        before = self._generation(conn)
        done = conn.execute(store_state.update().where(store_state.c.key == "generation")
                            .values(value=store_state.c.value + 1)).rowcount
        if not done:
            conn.execute(store_state.insert().values(key="generation", value=1))
        if self._cache_gen == before:  # our cache was current: drop the deleted entities' keys
            for bucket in self._cache.values():
                for k in [k for k, v in bucket.items() if v in deleted]:
                    del bucket[k]
            self._cache_gen = before + 1
        else:
            self._cache_gen = None

    def _generation(self, conn: Connection) -> int:
        value = conn.execute(sa.select(store_state.c.value).where(store_state.c.key == "generation")).scalar()
        return int(value or 0)

    # ----------------------------------------------------------------- entity resolution

    def _refresh_cache(self, conn: Connection) -> None:
        """Bring the in-memory key index up to date (inside the write lock).

        The index holds only ``(type, word count) -> {normalised key: entity id}`` for strong
        aliases (measured: 19 MiB for the 99,525 aliases of 5,514 Wikinews articles with the
        evidence kept in memory too; the evidence of a merge is now read from ``aliases`` when
        the merge happens, see :meth:`_evidence`)."""
        gen = self._generation(conn)
        if gen != self._cache_gen:
            self._cache.clear()
            self._cache_alias_id = 0
            self._cache_gen = gen
        q = (sa.select(aliases.c.id, aliases.c.norm, aliases.c.entity_id, entities.c.type)
             .join(entities, entities.c.id == aliases.c.entity_id)
             .where(aliases.c.id > self._cache_alias_id, aliases.c.strong == sa.true())
             .order_by(aliases.c.id))
        for r in conn.execute(q):
            self._cache[(r.type, len(r.norm.split()))].setdefault(r.norm, r.entity_id)
            self._cache_alias_id = max(self._cache_alias_id, r.id)

    @staticmethod
    def _evidence(conn: Connection, pairs: set[tuple[int, str]]) -> dict[tuple[int, str], tuple[str, str]]:
        """``{(entity id, key): (alias, article id)}``: the first stored strong alias that gave
        each matched key to its entity (one query per article)."""
        if not pairs:
            return {}
        q = (sa.select(aliases.c.entity_id, aliases.c.norm, aliases.c.alias, aliases.c.article_id)
             .where(sa.tuple_(aliases.c.entity_id, aliases.c.norm).in_(sorted(pairs)), aliases.c.strong == sa.true())
             .order_by(aliases.c.id))
        out: dict[tuple[int, str], tuple[str, str]] = {}
        for r in conn.execute(q):
            out.setdefault((r.entity_id, r.norm), (r.alias, r.article_id))
        return out

    def _resolve(self, conn: Connection, type: str, name_key: str, strong_keys: list[str]
                 ) -> tuple[Optional[int], str, Optional[str], float]:
        """Return (entity id or None, method, matched key, score)."""
        for key in [name_key] + [k for k in strong_keys if k != name_key]:
            eid = self._cache.get((type, len(key.split())), {}).get(key)
            if eid is not None:
                return eid, "exact", key, 100.0
        bucket = self._cache.get((type, len(name_key.split())))
        if bucket and len(name_key) >= 5:
            from rapidfuzz import fuzz, process

            for cand, score, _ in process.extract(name_key, list(bucket), scorer=fuzz.ratio,
                                                  score_cutoff=self.fuzzy_threshold, limit=5):
                if fuzzy_compatible(name_key, cand):
                    return bucket[cand], "fuzzy", cand, float(score)
        return None, "new", None, 100.0

    def _insert(self, conn: Connection, facts: ArticleFacts, version: str, content_hash: Optional[str]) -> None:
        a = facts.article
        now = _now()
        conn.execute(articles.insert().values(
            id=a.id, title=a.title, source=a.source, url=a.url, published=a.published,
            published_inferred=a.published_inferred, published_precision=a.published_precision,
            pipeline_version=version, content_hash=content_hash, processed_at=now))
        local_to_canon: dict[str, int] = {}
        alias_rows, mention_rows, role_rows, merge_rows = [], [], [], []
        new_keys: list[tuple[str, str, int, str]] = []
        for ent in facts.entities:
            name_key = norm_key(ent.name, ent.type) or ent.name.lower()
            surface = [ent.name] + [x for x in ent.aliases if x != ent.name]
            keyed = [(s, norm_key(s, ent.type) or s.lower()) for s in surface]
            strong = [k for s, k in keyed if _is_strong(k, name_key)]
            eid, method, matched, score = self._resolve(conn, ent.type, name_key, strong)
            if eid is None:
                eid = conn.execute(sa.select(entities.c.id).where(
                    entities.c.type == ent.type, entities.c.norm_key == name_key)).scalar()
                if eid is None:
                    eid = conn.execute(entities.insert().values(type=ent.type, name=ent.name, norm_key=name_key)
                                       .returning(entities.c.id)).scalar_one()
                else:
                    method, matched, score = "exact", name_key, 100.0
            local_to_canon[ent.id] = eid
            merge_rows.append(dict(entity_id=eid, article_id=a.id, local_id=ent.id, local_name=ent.name,
                                   method=method, matched_key=matched, matched_alias=None,
                                   matched_article_id=None, score=score, created_at=now))
            seen = set()
            for s, k in keyed:
                if s in seen:
                    continue
                seen.add(s)
                is_strong = _is_strong(k, name_key)
                alias_rows.append(dict(entity_id=eid, alias=s, norm=k, article_id=a.id, strong=is_strong))
                if is_strong:
                    new_keys.append((ent.type, k, eid, s))
            for m in ent.mentions:
                mention_rows.append(dict(article_id=a.id, entity_id=eid, local_id=ent.id, start=m.start, end=m.end,
                                         text=m.text, sentence=m.sentence))
            for r in dict.fromkeys(ent.roles):
                role_rows.append(dict(article_id=a.id, entity_id=eid, local_id=ent.id, role=r))
            # keys of this article are matchable by its later entities (cache updated below too)
            for s, k in keyed:
                if _is_strong(k, name_key):
                    self._cache[(ent.type, len(k.split()))].setdefault(k, eid)
        # evidence of each merge: the stored alias (and its article) that gave the matched key;
        # read before this article's own aliases are inserted, so a match inside the article has none
        found = self._evidence(conn, {(r["entity_id"], r["matched_key"]) for r in merge_rows
                                      if r["matched_key"] is not None})
        for r in merge_rows:
            if (r["entity_id"], r["matched_key"]) in found:
                r["matched_alias"], r["matched_article_id"] = found[(r["entity_id"], r["matched_key"])]
        # de-duplicate alias rows (two local entities of one article can join one canonical entity)
        uniq = {}
        for r in alias_rows:
            uniq.setdefault((r["entity_id"], r["alias"]), r)
        alias_rows = list(uniq.values())
        if alias_rows:
            conn.execute(aliases.insert(), alias_rows)
        affiliation_rows = [
            dict(article_id=a.id, entity_id=local_to_canon[ent.id], org_entity_id=local_to_canon[org], local_id=ent.id)
            for ent in facts.entities for org in dict.fromkeys(ent.affiliations) if org in local_to_canon
        ]
        for table, rows in ((mentions, mention_rows), (roles, role_rows), (merges, merge_rows),
                            (affiliations, affiliation_rows)):
            if rows:
                conn.execute(table.insert(), rows)
        if facts.dates:
            conn.execute(dates.insert(), [dict(
                article_id=a.id, local_id=d.id, start=d.start, end=d.end, text=d.text, sentence=d.sentence,
                type=d.type, value=d.value, mod=d.mod, anchor=d.anchor, begin=d.begin, end_value=d.end_value)
                for d in facts.dates])
        if facts.claims:
            rows = []
            for c in facts.claims:
                ch = c.change
                rows.append(dict(
                    article_id=a.id, local_id=c.id, start=c.start, end=c.end, text=c.text, sentence=c.sentence,
                    evidence=c.evidence, evidence_start=c.evidence_start, evidence_end=c.evidence_end,
                    value=c.value, value_max=c.value_max, unit=c.unit, approx=c.approx,
                    change_direction=ch.direction if ch else None, change_from=ch.from_value if ch else None,
                    change_to=ch.to_value if ch else None, change_relative=ch.relative if ch else None,
                    concept=c.concept, date_local_id=c.date_id, time=c.time, entity_local_id=c.entity_id,
                    entity_id=local_to_canon.get(c.entity_id) if c.entity_id else None,
                    holder=c.holder, holder_start=c.holder_start, holder_end=c.holder_end))
            conn.execute(claims.insert(), rows)

    # ----------------------------------------------------------------- queries

    def find_entities(self, name: str, type: Optional[str] = None) -> list[dict]:
        """Canonical entities whose alias key equals ``name``'s key (any type unless ``type``), most mentioned first.

        Falls back to a fuzzy match of the name (rapidfuzz, ratio >= 90) when nothing matches exactly.
        """
        with self._read() as conn:
            keys = {norm_key(name, t) for t in (type, "PERSON", "ORG", None)}
            keys.discard("")
            q = (sa.select(entities.c.id, entities.c.type, entities.c.name)
                 .join(aliases, aliases.c.entity_id == entities.c.id)
                 .where(aliases.c.norm.in_(keys)).distinct())
            if type:
                q = q.where(entities.c.type == type)
            found = [dict(r._mapping) for r in conn.execute(q)]
            if not found:
                from rapidfuzz import fuzz, process

                q = sa.select(entities.c.id, entities.c.type, entities.c.name, entities.c.norm_key)
                if type:
                    q = q.where(entities.c.type == type)
                rows = {r.id: r for r in conn.execute(q)}
                key = norm_key(name)
                hits = process.extract(key, {i: r.norm_key for i, r in rows.items()}, scorer=fuzz.ratio,
                                       score_cutoff=90, limit=5)
                found = [dict(id=i, type=rows[i].type, name=rows[i].name) for _, _, i in hits]
            counts = {}
            if found:
                ids = [f["id"] for f in found]
                counts = dict(conn.execute(
                    sa.select(mentions.c.entity_id, sa.func.count()).where(mentions.c.entity_id.in_(ids))
                    .group_by(mentions.c.entity_id)).all())
            for f in found:
                f["mentions"] = int(counts.get(f["id"], 0))
            found.sort(key=lambda f: (-f["mentions"], f["id"]))
            return found

    def query_entity(self, name: str, type: Optional[str] = None) -> dict:
        """Everything known about the entity called ``name``.

        Returns ``{"id", "type", "name", "aliases": [str], "articles": [{id, title, published,
        url, source}], "mentions": int, "roles": [str], "claims": [claim dicts], "dates": [date
        dicts], "merges": [evidence dicts], "affiliations": [{id, type, name}] (organisations its
        roles name), "affiliation_claims": [claim dicts] (claims in sentences mentioning those
        organisations), "other_matches": [{id, type, name, mentions}]}``:
        claims and dates are those in a sentence that mentions the entity (or, for claims, whose
        entity is it). When several entities share the name, the most mentioned one is returned
        and the rest are listed in ``other_matches``.

        Raises:
            StoreError: no entity of that name is stored.
        """
        found = self.find_entities(name, type)
        if not found:
            raise StoreError(f"no entity named {name!r} in {redact(self.url)}")
        best = found[0]
        eid = best["id"]
        with self._read() as conn:
            alias_list = sorted({r.alias for r in conn.execute(
                sa.select(aliases.c.alias).where(aliases.c.entity_id == eid))})
            m_rows = conn.execute(sa.select(mentions.c.article_id, mentions.c.sentence)
                                  .where(mentions.c.entity_id == eid)).all()
            art_ids = sorted({r.article_id for r in m_rows})
            sentences = {(r.article_id, r.sentence) for r in m_rows}
            arts = [dict(r._mapping) for r in conn.execute(
                sa.select(articles.c.id, articles.c.title, articles.c.published, articles.c.published_precision,
                          articles.c.url, articles.c.source)
                .where(articles.c.id.in_(art_ids)).order_by(articles.c.published, articles.c.id))]
            c_rows = conn.execute(
                sa.select(claims).where(sa.or_(claims.c.article_id.in_(art_ids), claims.c.entity_id == eid))
                .order_by(claims.c.article_id, claims.c.start)).all()
            d_rows = conn.execute(
                sa.select(dates).where(dates.c.article_id.in_(art_ids)).order_by(dates.c.article_id, dates.c.start)
            ).all()
            role_list = sorted({r.role for r in conn.execute(sa.select(roles.c.role).where(roles.c.entity_id == eid))})
            org_ids = sorted(set(conn.execute(sa.select(affiliations.c.org_entity_id)
                                              .where(affiliations.c.entity_id == eid)).scalars()))
            org_list = [dict(r._mapping) for r in conn.execute(
                sa.select(entities.c.id, entities.c.type, entities.c.name).where(entities.c.id.in_(org_ids)))]
            org_sentences = {(r.article_id, r.sentence) for r in conn.execute(
                sa.select(mentions.c.article_id, mentions.c.sentence).where(mentions.c.entity_id.in_(org_ids)))}
            org_claims = conn.execute(
                sa.select(claims).where(sa.or_(claims.c.article_id.in_({a for a, _ in org_sentences}),
                                               claims.c.entity_id.in_(org_ids)))
                .order_by(claims.c.article_id, claims.c.start)).all() if org_ids else []
            merge_list = [dict(r._mapping) for r in conn.execute(
                sa.select(merges.c.article_id, merges.c.local_id, merges.c.local_name, merges.c.method,
                          merges.c.matched_key, merges.c.matched_alias, merges.c.matched_article_id, merges.c.score)
                .where(merges.c.entity_id == eid).order_by(merges.c.id))]
        claim_list = [_claim_dict(r) for r in c_rows
                      if (r.article_id, r.sentence) in sentences or r.entity_id == eid]
        date_list = [_date_dict(r) for r in d_rows if (r.article_id, r.sentence) in sentences]
        return {
            "id": eid, "type": best["type"], "name": best["name"], "aliases": alias_list,
            "articles": [_jsonable(a) for a in arts], "mentions": best["mentions"], "roles": role_list,
            "claims": claim_list, "dates": date_list, "merges": merge_list,
            "affiliations": org_list,
            "affiliation_claims": [_claim_dict(r) for r in org_claims
                                   if (r.article_id, r.sentence) in org_sentences or r.entity_id in org_ids],
            "other_matches": found[1:],
        }

    def query_claims(self, concept: Optional[str] = None, since: Optional[dt.date] = None,
                     limit: Optional[int] = None) -> list[dict]:
        """Claims whose concept contains ``concept`` (case-insensitive) and whose time reaches ``since``.

        A claim's time is its TIMEX3 ``time`` (a year counts to its last day: "2019" passes
        since=2019-06-01), else its article's publication date; claims with no time at all are
        left out when ``since`` is given. Returns claim dicts (every ClaimRecord field, ``change``
        nested, plus ``article_id``, ``article_title``, ``published``, ``entity`` name), ordered
        by the start of their time ("2021" before "2021-03"), then article and offset.
        """
        q = (sa.select(claims, articles.c.title.label("article_title"), articles.c.published,
                       entities.c.name.label("entity_name"))
             .join(articles, articles.c.id == claims.c.article_id)
             .outerjoin(entities, entities.c.id == claims.c.entity_id))
        if concept:
            pattern = "%" + concept.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            q = q.where(sa.func.lower(claims.c.concept).like(pattern, escape="\\"))
        if since is not None:
            q = q.where(sa.or_(claims.c.time >= f"{since.year:04d}",
                               sa.and_(claims.c.time.is_(None), articles.c.published >= since)))
        with self._read() as conn:
            rows = conn.execute(q).all()
        out = []
        for r in rows:
            when = _timex_latest(r.time) if r.time else r.published
            if since is not None and (when is None or when < since):
                continue
            d = _claim_dict(r)
            d.update(article_title=r.article_title, published=_iso(r.published), entity=r.entity_name)
            order = r.time or (r.published.isoformat() if r.published else "")  # ISO strings sort by start
            out.append((order, r.article_id, r.start, d))
        out.sort(key=lambda x: x[:3])
        result = [x[3] for x in out]
        return result[:limit] if limit else result

    # ----------------------------------------------------------------- export

    def export(self, fmt: str, out: Union[str, os.PathLike]) -> dict[str, int]:
        """Export the store.

        ``jsonl``: ``out`` is a file; one line per article: its ArticleFacts fields (article,
        entities with mentions/roles and ``canonical_id``/``canonical_name``, dates, claims)
        plus ``pipeline_version``. ``csv`` / ``parquet``: ``out`` is a folder (created) with one
        file per table (``articles.csv``, ``entities.csv``, ...). Returns ``{name: rows}``.

        Raises:
            StoreError: unknown format, the folder/file cannot be written, or ``parquet`` without
                pyarrow installed (the message names the package).
        """
        fmt = fmt.lower()
        out = Path(out)
        if fmt not in ("jsonl", "csv", "parquet"):
            raise StoreError(f"unknown export format {fmt!r}: use jsonl, csv or parquet")
        if fmt == "parquet":
            try:
                import pyarrow  # noqa: F401
                import pyarrow.parquet  # noqa: F401
            except ImportError:
                raise StoreError("parquet export needs the pyarrow package: pip install pyarrow") from None
        try:
            if fmt == "jsonl":
                return {"articles": self._export_jsonl(out)}
            out.mkdir(parents=True, exist_ok=True)
            counts = {}
            with self._read() as conn:
                for name in TABLES:
                    table = metadata.tables[name]
                    result = conn.execute(sa.select(table).order_by(*table.primary_key.columns))
                    cols = list(result.keys())
                    rows = [tuple(_cell(v) for v in r) for r in result]
                    counts[name] = len(rows)
                    if fmt == "csv":
                        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
                            w = csv.writer(fh)
                            w.writerow(cols)
                            w.writerows(rows)
                    else:
                        import pyarrow as pa
                        import pyarrow.parquet as pq

                        pq.write_table(pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)}),
                                       out / f"{name}.parquet")
            return counts
        except OSError as exc:
            raise StoreError(f"{out}: cannot write the export ({exc.strerror or exc})") from None

    def _export_jsonl(self, out: Path) -> int:
        from .records import ExportedArticle

        n = 0
        with self._read() as conn, open(out, "w", encoding="utf-8") as fh:
            ent_names = dict(conn.execute(sa.select(entities.c.id, entities.c.name)).all())
            ent_types = dict(conn.execute(sa.select(entities.c.id, entities.c.type)).all())
            by_art: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
            for t in (mentions, roles, aliases, merges, dates, claims, affiliations):
                for r in conn.execute(sa.select(t)):
                    by_art[r.article_id][t.name].append(r)
            for a in conn.execute(sa.select(articles).order_by(articles.c.id)):
                parts = by_art.get(a.id, {})
                ents: dict[str, dict] = {}
                merge_by_local = {m.local_id: m for m in parts.get("merges", [])}
                for m in sorted(parts.get("mentions", []), key=lambda m: m.start):
                    e = ents.setdefault(m.local_id, {
                        "id": m.local_id, "type": ent_types[m.entity_id],
                        "name": merge_by_local[m.local_id].local_name if m.local_id in merge_by_local
                        else ent_names[m.entity_id],
                        "canonical_id": m.entity_id, "canonical_name": ent_names[m.entity_id],
                        "aliases": [], "mentions": [], "roles": [], "affiliations": []})
                    e["mentions"].append({"start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence})
                for r in parts.get("roles", []):
                    if r.local_id in ents:
                        ents[r.local_id]["roles"].append(r.role)
                local_of: dict[int, list[str]] = defaultdict(list)  # canonical id -> local ids here
                for e in ents.values():
                    local_of[e["canonical_id"]].append(e["id"])
                for af in parts.get("affiliations", []):
                    if af.local_id in ents:
                        for org in local_of.get(af.org_entity_id, []):
                            if org not in ents[af.local_id]["affiliations"]:
                                ents[af.local_id]["affiliations"].append(org)
                for al in parts.get("aliases", []):
                    for e in ents.values():
                        if e["canonical_id"] == al.entity_id and al.alias != e["name"] and al.alias not in e["aliases"]:
                            e["aliases"].append(al.alias)
                rec = {
                    "article": {"id": a.id, "title": a.title, "source": a.source, "url": a.url,
                                "published": _iso(a.published), "published_inferred": a.published_inferred,
                                "published_precision": a.published_precision},
                    "pipeline_version": a.pipeline_version,
                    "entities": sorted(ents.values(), key=lambda e: _local_order(e["id"])),
                    "dates": [_without(_date_dict(d), "article_id")
                              for d in sorted(parts.get("dates", []), key=lambda d: _local_order(d.local_id))],
                    "claims": [_without(_claim_dict(c), "article_id")
                               for c in sorted(parts.get("claims", []), key=lambda c: _local_order(c.local_id))],
                }
                # validated against the published schema (schemas/exported_article.schema.json)
                fh.write(ExportedArticle.model_validate(rec).model_dump_json() + "\n")
                n += 1
        return n


# --------------------------------------------------------------------------- row -> dict


class _Rec:
    """Attribute access over a dumped record (nested dicts and lists), read-only."""

    __slots__ = ("_d",)

    def __init__(self, d: dict) -> None:
        self._d = d

    def __getattr__(self, name: str) -> Any:
        try:
            v = self._d[name]
        except KeyError:
            raise AttributeError(name) from None
        if isinstance(v, dict):
            return _Rec(v)
        if isinstance(v, list):
            return [_Rec(x) if isinstance(x, dict) else x for x in v]
        return v


def _same(row, version: str, content_hash: Optional[str]) -> bool:
    return row.pipeline_version == version and (content_hash is None or row.content_hash in (None, content_hash))


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _without(d: dict, *keys: str) -> dict:
    return {k: v for k, v in d.items() if k not in keys}


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _cell(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _jsonable(d: dict) -> dict:
    return {k: _iso(v) for k, v in d.items()}


def _local_order(local_id: str) -> tuple[str, int]:
    m = re.match(r"([A-Za-z]*)(\d+)$", local_id)
    return (m.group(1), int(m.group(2))) if m else (local_id, 0)


def _date_dict(r) -> dict:
    return {"article_id": r.article_id, "id": r.local_id, "start": r.start, "end": r.end, "text": r.text,
            "sentence": r.sentence, "type": r.type, "value": r.value, "mod": r.mod, "anchor": r.anchor,
            "begin": r.begin, "end_value": r.end_value}


def _claim_dict(r) -> dict:
    change = None
    if any(v is not None for v in (r.change_direction, r.change_from, r.change_to, r.change_relative)):
        change = {"direction": r.change_direction, "from_value": r.change_from, "to_value": r.change_to,
                  "relative": r.change_relative}
    return {"article_id": r.article_id, "id": r.local_id, "start": r.start, "end": r.end, "text": r.text,
            "sentence": r.sentence, "evidence": r.evidence, "evidence_start": r.evidence_start,
            "evidence_end": r.evidence_end, "value": r.value, "value_max": r.value_max, "unit": r.unit,
            "approx": r.approx, "change": change, "concept": r.concept, "date_id": r.date_local_id,
            "time": r.time, "entity_id": r.entity_local_id, "canonical_entity_id": r.entity_id,
            "holder": r.holder, "holder_start": r.holder_start, "holder_end": r.holder_end}
