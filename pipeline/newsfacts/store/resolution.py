"""Cross-article entity resolution: which canonical entity an article's entity joins.

Conservative; every decision is a ``merges`` row (method, matched key, the stored alias that
gave the key and its article, score). In order:

1. exact: the local entity's name key, or a *strong* alias key, equals a strong key of a
   canonical entity of the same type (an acronym alias that spells the name's initials,
   "GAO" of "Government Accountability Office", is strong too). Keys are :func:`norm_key`
   forms (:func:`newsfacts.name_keys.resolution_key`: case, accents, leading "the",
   possessive 's, punctuation, whitespace, honorifics for PERSON, company suffixes for ORG).
   An alias is strong (:func:`is_strong`) when it has at least as many tokens as
   ``min(2, tokens of the name)``: a bare surname ("Chen") of "Chen Long" is stored but never
   used to join another article's "Chen Liang".
2. fuzzy (rapidfuzz, same type, name key only, keys of at least 5 characters):
   :func:`fuzzy_compatible` — same number of tokens, exactly one token differs, both versions
   of it are at least 5 letters, start with the same letter, hold no digit and are one edit
   apart ("Jonathon Smith" ~ "Jonathan Smith"), overall ratio >= the threshold (90).
   "Chen Long"/"Chen Liang" and "Bank of China"/"People's Bank of China" never merge.
3. otherwise the canonical entity stored under the name key (another writer may have made it
   since the index was read: "exact"), or a new one ("new").

The strong keys live in memory (:class:`KeyIndex`), brought up to date inside every write
transaction; a deletion of entities bumps the store's generation counter so that other
processes' indexes are rebuilt.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..name_keys import key_initials
from ..name_keys import resolution_key as norm_key
from .schema import aliases, entities, store_state

__all__ = ["KeyIndex", "Match", "evidence", "fuzzy_compatible", "is_strong", "norm_key", "resolve_entity",
           "surface_keys"]

#: rapidfuzz ratio (0-100) a fuzzy match needs by default.
FUZZY_THRESHOLD = 90.0
#: Shortest name key (characters) that is matched fuzzily: a shortcut (a shorter key cannot
#: hold a differing token of ``FUZZY_MIN_TOKEN`` letters), not a rule of its own.
FUZZY_MIN_KEY = 5
#: Shortest differing token (letters) of a fuzzy match.
FUZZY_MIN_TOKEN = 5


def is_strong(alias_key: str, name_key: str) -> bool:
    """May an alias join entities across articles?

    Yes when it is as specific as ``min(2, name tokens)``, or when it is the acronym of the name
    ("GAO" of "Government Accountability Office", "PBOC" of "People's Bank of China").
    """
    if len(alias_key.split()) >= min(2, len(name_key.split())):
        return True
    return len(alias_key) >= 2 and " " not in alias_key and len(name_key.split()) >= 2 \
        and alias_key in key_initials(name_key)


def fuzzy_compatible(a: str, b: str) -> bool:
    """Conservative spelling-variant test on two name keys (rule 2 of the module docstring)."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or a == b:
        return a == b
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < FUZZY_MIN_TOKEN or x[0] != y[0] or any(c.isdigit() for c in x + y):
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(x, y) <= 1


def surface_keys(name: str, type: str, alias_names: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """``(name key, [(surface, key)])`` of an entity: its name first, then its other aliases.

    A surface without letters or digits keys as its lower-cased self."""
    name_key = norm_key(name, type) or name.lower()
    surface = [name] + [x for x in alias_names if x != name]
    return name_key, [(s, norm_key(s, type) or s.lower()) for s in surface]


class Match(NamedTuple):
    """A resolution decision: the canonical entity (None: none matched), how, on which key, score."""

    entity_id: Optional[int]
    method: str  # new | exact | fuzzy
    key: Optional[str]
    score: float


def generation(conn: Connection) -> int:
    """The store's generation counter: bumped whenever entities are deleted."""
    value = conn.execute(sa.select(store_state.c.value).where(store_state.c.key == "generation")).scalar()
    return int(value or 0)


class KeyIndex:
    """The strong alias keys of the store in memory: ``(type, word count) -> {key: entity id}``.

    Only keys and ids are held (measured: 19 MiB for the 99,525 aliases of 5,514 Wikinews
    articles with the evidence kept in memory too; the evidence of a merge is now read from
    ``aliases`` when the merge happens, see :func:`evidence`). The first entity to get a key
    keeps it.
    """

    def __init__(self, fuzzy_threshold: float = FUZZY_THRESHOLD) -> None:
        self.fuzzy_threshold = fuzzy_threshold
        self.buckets: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
        self.alias_id = 0  # the last alias row read
        self.generation: Optional[int] = None  # the store generation the index reflects

    def invalidate(self) -> None:
        """Rebuild from the database on the next :meth:`refresh` (after a rolled-back write)."""
        self.generation = None

    def refresh(self, conn: Connection) -> None:
        """Bring the index up to date (inside the write lock): rebuilt when the store's
        generation moved, else only the strong aliases stored since the last refresh are read."""
        gen = generation(conn)
        if gen != self.generation:
            self.buckets.clear()
            self.alias_id = 0
            self.generation = gen
        q = (sa.select(aliases.c.id, aliases.c.norm, aliases.c.entity_id, entities.c.type)
             .join(entities, entities.c.id == aliases.c.entity_id)
             .where(aliases.c.id > self.alias_id, aliases.c.strong == sa.true())
             .order_by(aliases.c.id))
        for r in conn.execute(q):
            self.add(r.type, r.norm, r.entity_id)
            self.alias_id = max(self.alias_id, r.id)

    def add(self, type: str, key: str, entity_id: int) -> None:
        """Index a strong key (kept by the entity that had it first)."""
        self.buckets[(type, len(key.split()))].setdefault(key, entity_id)

    def forget(self, conn: Connection, deleted: set[int]) -> None:
        """Entities were deleted: bump the store's generation (other processes rebuild) and
        drop their keys here when this index was current."""
        before = generation(conn)
        done = conn.execute(store_state.update().where(store_state.c.key == "generation")
                            .values(value=store_state.c.value + 1)).rowcount
        if not done:
            conn.execute(store_state.insert().values(key="generation", value=1))
        if self.generation == before:  # our index was current: drop the deleted entities' keys
            for bucket in self.buckets.values():
                for k in [k for k, v in bucket.items() if v in deleted]:
                    del bucket[k]
            self.generation = before + 1
        else:
            self.generation = None

    def match(self, type: str, name_key: str, strong_keys: list[str]) -> Match:
        """Rules 1 and 2 of the module docstring against the index; ``Match(None, "new", None, 100.0)``
        when neither applies."""
        for key in [name_key] + [k for k in strong_keys if k != name_key]:
            eid = self.buckets.get((type, len(key.split())), {}).get(key)
            if eid is not None:
                return Match(eid, "exact", key, 100.0)
        bucket = self.buckets.get((type, len(name_key.split())))
        if bucket and len(name_key) >= FUZZY_MIN_KEY:
            from rapidfuzz import fuzz, process

            for cand, score, _ in process.extract(name_key, list(bucket), scorer=fuzz.ratio,
                                                  score_cutoff=self.fuzzy_threshold, limit=5):
                if fuzzy_compatible(name_key, cand):
                    return Match(bucket[cand], "fuzzy", cand, float(score))
        return Match(None, "new", None, 100.0)


def resolve_entity(conn: Connection, index: KeyIndex, type: str, name: str, name_key: str,
                   strong_keys: list[str]) -> Match:
    """The canonical entity an article's entity joins (rules 1-3), created when none matches.

    Returns a :class:`Match` whose ``entity_id`` is never None."""
    found = index.match(type, name_key, strong_keys)
    if found.entity_id is not None:
        return found
    eid = conn.execute(sa.select(entities.c.id).where(
        entities.c.type == type, entities.c.norm_key == name_key)).scalar()
    if eid is not None:
        return Match(eid, "exact", name_key, 100.0)
    eid = conn.execute(entities.insert().values(type=type, name=name, norm_key=name_key)
                       .returning(entities.c.id)).scalar_one()
    return Match(eid, "new", None, 100.0)


def evidence(conn: Connection, pairs: set[tuple[int, str]]) -> dict[tuple[int, str], tuple[str, str]]:
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
