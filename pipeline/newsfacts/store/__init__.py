"""The knowledge table: validated :class:`~newsfacts.records.ArticleFacts` in SQLite or PostgreSQL.

:class:`Store` is the only writer of the store (SQLAlchemy Core). The package, by concern:

==================  ==========================================================================
module              what
==================  ==========================================================================
``core``            :class:`Store`: opening, transactions, errors; reads used by batches
``schema``          the head schema (tables); ``migrations/`` holds the Alembic revisions
``engine``          URLs, engines, WAL and locks, migrations, scratch PostgreSQL databases
``writer``          one article's rows (and deleting them)
``resolution``      cross-article entity resolution: keys, strong aliases, fuzzy matching,
                    the in-memory key index
``queries``         entities by name, everything about an entity, claims by concept and time
``rows``            stored rows as record-shaped dicts
``export``          what an export reads (the writers are in :mod:`newsfacts.formats`)
==================  ==========================================================================

In-article coreference (which mentions of one article are one entity) is not here: it is the
pipeline's component :mod:`newsfacts.components.coref`; both read their name keys from
:mod:`newsfacts.name_keys`.
"""

from .core import Store
from .engine import PG_LOCK_KEY, SQLITE_BUSY_TIMEOUT_S, create_scratch_database, normalise_url, redact
from .resolution import fuzzy_compatible, is_strong, norm_key
from .schema import TABLES, metadata

__all__ = ["PG_LOCK_KEY", "SQLITE_BUSY_TIMEOUT_S", "Store", "TABLES", "create_scratch_database", "fuzzy_compatible",
           "is_strong", "metadata", "norm_key", "normalise_url", "redact"]
