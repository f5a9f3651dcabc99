""":class:`Store`: the knowledge table, opened at a path or URL; the one writer of its rows.

The class holds the engine and the in-memory key index, opens connections and transactions,
and turns database errors into :class:`~newsfacts.errors.StoreError`; the work is done by the
modules of the package: :mod:`.engine` (engines, locks, migrations), :mod:`.writer` (an
article's rows), :mod:`.resolution` (which canonical entity an entity joins), :mod:`.queries`,
:mod:`.export` (with the writers of :mod:`newsfacts.formats`).

Writing
    :meth:`Store.write` writes one article in one transaction. An article already stored with
    the same pipeline version (and content hash, when given) is skipped; one stored by another
    pipeline version, or with other content, has its facts replaced in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import RecordRejected, StoreError
from . import engine as _engine
from . import queries
from .export import ExportSource
from .resolution import FUZZY_THRESHOLD, KeyIndex
from .schema import TABLES, articles, failed_inputs, metadata
from .writer import Rec, delete_article, insert_article, utc_now

if TYPE_CHECKING:
    from ..records import ArticleFacts


def _same(row, version: str, content_hash: Optional[str]) -> bool:
    """Is the stored ``row`` (pipeline_version, content_hash) this version of this content?"""
    return row.pipeline_version == version and (content_hash is None or row.content_hash in (None, content_hash))


class Store:
    """The knowledge table at ``url``: a path, ``sqlite:///...`` or ``postgresql://...``.

    Opening creates or upgrades the schema (Alembic, to head). ``read_only=True`` (the read
    commands: ``query``, ``export``) opens an existing store without ever writing to it: no
    schema change, no journal-mode switch, write methods refused. Use as a context manager or
    call :meth:`close`. A Store object is meant for one thread; open one per process.

    Raises:
        StoreError: the database cannot be reached, opened or migrated (the message names it),
            or ``postgresql://`` is asked for without the psycopg package, or (``must_exist`` or
            ``read_only``) the SQLite file does not exist, or (``read_only``) the database is not
            a newsfacts store of this version's schema.
    """

    def __init__(self, url: Union[str, os.PathLike] = "newsfacts.db", *, fuzzy_threshold: float = FUZZY_THRESHOLD,
                 echo: bool = False, must_exist: bool = False, read_only: bool = False) -> None:
        self.url = _engine.normalise_url(url)
        self.read_only = read_only
        if (must_exist or read_only) and self.url.startswith("sqlite:///") \
                and not Path(self.url[len("sqlite:///"):]).exists():
            raise StoreError(f"no store at {self.url[len('sqlite:///'):]} (run `newsfacts batch ... --db` first)")
        self._index = KeyIndex(fuzzy_threshold)
        where = _engine.redact(str(url))
        try:
            if not read_only:
                self._check_writable(where)
            self.engine = self._make_engine(echo)
            if read_only:
                _engine.check_schema(self.engine, where)
            else:
                self._migrate()
        except StoreError:
            raise
        except ImportError as exc:
            raise StoreError(
                f"{_engine.redact(self.url)}: the PostgreSQL driver is missing ({exc.name}): "
                "pip install 'psycopg[binary]'"
            ) from None
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store {_engine.redact(self.url)}: {_engine.short_error(exc)}") from None

    # ----------------------------------------------------------------- engine and schema

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @property
    def fuzzy_threshold(self) -> float:
        """rapidfuzz ratio (0-100) a fuzzy entity match needs."""
        return self._index.fuzzy_threshold

    @fuzzy_threshold.setter
    def fuzzy_threshold(self, value: float) -> None:
        self._index.fuzzy_threshold = value

    def _check_writable(self, where: str) -> None:
        """Refuse a database that is not (or not yet) a newsfacts store this version can upgrade,
        before anything is written (a SQLite file is looked at read-only: the write engine would
        switch it to WAL on connect)."""
        path = Path(self.url[len("sqlite:///"):]) if self.url.startswith("sqlite:///") else None
        if path is not None and not (path.exists() and path.stat().st_size):
            return  # a new store
        probe = _engine.make_engine(self.url, read_only=path is not None)
        try:
            _engine.check_writable(probe, where)
        finally:
            probe.dispose()

    def _make_engine(self, echo: bool) -> Engine:
        return _engine.make_engine(self.url, echo, read_only=self.read_only)

    def _read(self) -> Connection:
        """A connection for queries: on SQLite a deferred transaction that never blocks writers."""
        return _engine.read(self.engine)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction that holds the write lock (:func:`.engine.lock`).

        Raises:
            StoreError: the store was opened read-only.
        """
        if self.read_only:
            raise StoreError(f"{_engine.redact(self.url)} is open read-only")
        with self.engine.begin() as conn:
            _engine.lock(conn)
            yield conn

    def _alembic_config(self, conn: Connection):
        return _engine.alembic_config(conn)

    def _migrate(self, revision: str = "head") -> None:
        _engine.migrate(self.engine, revision)

    def schema_revision(self) -> Optional[str]:
        """The Alembic revision the database is at (``None`` for an empty database)."""
        return _engine.schema_revision(self.engine)

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
        # an origin or reason may quote a file name whose bytes are not UTF-8 (lone surrogates)
        origin, reason = (x.encode("utf-8", "backslashreplace").decode("utf-8") for x in (origin, reason))
        try:
            with self._write() as conn:
                done = conn.execute(
                    failed_inputs.update()
                    .where(failed_inputs.c.origin == origin, failed_inputs.c.reason == reason)
                    .values(failed_at=utc_now(), pipeline_version=pipeline_version)
                ).rowcount
                if not done:
                    conn.execute(failed_inputs.insert().values(
                        origin=origin, reason=reason, failed_at=utc_now(), pipeline_version=pipeline_version))
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{_engine.redact(self.url)}: cannot record the failure of {origin}: "
                             f"{_engine.short_error(exc)}") from None

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
            RecordRejected: the database refused this article's data (the transaction is rolled
                back; the store stays usable).
            StoreError: the database cannot be written (lock timeout, lost connection, ...).
        """
        if isinstance(facts, dict):
            facts = Rec(facts)
        if content_hash is None and facts.text is not None:
            from ..ingest import article_id

            content_hash = article_id(facts.text)
        try:
            with self._write() as conn:
                row = conn.execute(
                    sa.select(articles.c.pipeline_version, articles.c.content_hash)
                    .where(articles.c.id == facts.article.id)
                ).first()
                if row is not None:
                    if _same(row, pipeline_version, content_hash):
                        return False
                    delete_article(conn, facts.article.id, self._index)
                self._index.refresh(conn)
                insert_article(conn, facts, pipeline_version, content_hash, self._index)
            return True
        except (sa.exc.DataError, sa.exc.IntegrityError) as exc:
            self._index.invalidate()  # the index may hold keys of the rolled-back transaction
            raise RecordRejected(f"{_engine.redact(self.url)}: article {facts.article.id} cannot be stored: "
                                 f"{_engine.short_error(exc)}") from None
        except sa.exc.SQLAlchemyError as exc:
            self._index.invalidate()
            raise StoreError(f"{_engine.redact(self.url)}: cannot write article {facts.article.id}: "
                             f"{_engine.short_error(exc)}") from None
        except BaseException:
            self._index.invalidate()
            raise

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and its facts (entities left without aliases go too); True if it existed."""
        with self._write() as conn:
            return delete_article(conn, article_id, self._index)

    # ----------------------------------------------------------------- queries

    def find_entities(self, name: str, type: Optional[str] = None) -> list[dict]:
        """Canonical entities whose alias key equals ``name``'s key (any type unless ``type``), most mentioned first.

        Falls back to a fuzzy match of the name (rapidfuzz, ratio >= 90) when nothing matches exactly.
        """
        with self._read() as conn:
            return queries.find_entities(conn, name, type)

    def query_entity(self, name: str, type: Optional[str] = None) -> dict:
        """Everything known about the entity called ``name``: aliases, articles, mentions, roles,
        claims and dates of the sentences that mention it, merges, affiliations and their claims
        (:func:`newsfacts.store.queries.entity_info` has the shape). When several entities share
        the name, the most mentioned one is returned and the rest are listed in ``other_matches``.

        Raises:
            StoreError: no entity of that name is stored.
        """
        found = self.find_entities(name, type)
        if not found:
            raise StoreError(f"no entity named {name!r} in {_engine.redact(self.url)}")
        with self._read() as conn:
            return queries.entity_info(conn, found)

    def query_claims(self, concept: Optional[str] = None, since: Optional[dt.date] = None,
                     limit: Optional[int] = None) -> list[dict]:
        """Claims whose concept contains ``concept`` (case-insensitive) and whose time reaches
        ``since``, ordered by the start of their time: :func:`newsfacts.store.queries.find_claims`."""
        with self._read() as conn:
            return queries.find_claims(conn, concept, since, limit)

    # ----------------------------------------------------------------- export

    def export(self, fmt: str, out: Union[str, os.PathLike]) -> dict[str, int]:
        """Export the store with the writer registered as ``fmt`` for ``export`` (:mod:`newsfacts.formats`).

        ``jsonl``: ``out`` is a file; one line per article: its ArticleFacts fields (article,
        entities with mentions/roles and ``canonical_id``/``canonical_name``, dates, claims)
        plus ``pipeline_version``. ``csv`` / ``parquet``: ``out`` is a folder (created) with one
        file per table (``articles.csv``, ``entities.csv``, ...). Returns ``{name: rows}``.

        Raises:
            StoreError: unknown format, the folder/file cannot be written, ``out`` is the store's
                own file, or ``parquet`` without pyarrow installed (the message names the package).
                A file is written whole or not at all (a temporary file renamed over ``out``).
        """
        from .. import formats

        out = Path(out)
        db = self.url[len("sqlite:///"):] if self.url.startswith("sqlite:///") else None
        if db and out.exists() and out.resolve() == Path(db).resolve():
            raise StoreError(f"{out}: that is the store itself; export to another path")
        try:
            writer = formats.writer(formats.EXPORT, fmt.lower())
        except formats.UnknownFormat as exc:
            raise StoreError(str(exc)) from None
        missing = writer.missing()
        if missing:
            raise StoreError(missing)
        try:
            with self._read() as conn:
                return writer.export(ExportSource(conn), out)
        except OSError as exc:
            raise StoreError(f"{out}: cannot write the export ({exc.strerror or exc})") from None

