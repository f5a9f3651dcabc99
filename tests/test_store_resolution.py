"""Cross-article entity resolution (newsfacts.store.resolution), rule by rule.

The rules run on keys (no database) through :class:`KeyIndex`; the fallback to the entities
table, the merge evidence and the index's upkeep run on a SQLite store. End-to-end merges of
whole articles are in test_store.py.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from pytest import param

from newsfacts.store import Store
from newsfacts.store.resolution import (KeyIndex, Match, evidence, fuzzy_compatible, generation, is_strong,
                                        resolve_entity, surface_keys)
from newsfacts.store.schema import aliases, articles, entities

# --------------------------------------------------------------------------- strong aliases


def test_acronym_aliases_are_strong_bare_surnames_are_not():
    assert is_strong("gao", "government accountability office")
    assert is_strong("pboc", "people bank of china")
    assert not is_strong("chen", "chen long")
    assert not is_strong("boc", "people bank of china")


@pytest.mark.parametrize("alias_key, name_key, strong", [
    param("long chen", "chen long", True, id="as-many-tokens-as-min-2"),
    param("xinhua", "xinhua", True, id="one-token-name-any-one-token-alias"),
    param("smith", "john paul smith", False, id="one-token-of-three"),
    param("paul smith", "john paul smith", True, id="two-tokens-of-three"),
    param("pbc", "people bank of china", True, id="acronym-without-skip-words"),
    param("p", "people bank", False, id="one-letter-is-no-acronym"),
    param("gao", "gao", True, id="acronym-of-a-one-token-name-is-the-name"),
])
def test_strong_alias_rule(alias_key, name_key, strong):
    assert is_strong(alias_key, name_key) is strong


# --------------------------------------------------------------------------- fuzzy matching


def test_fuzzy_is_conservative():
    assert not fuzzy_compatible("chen long", "chen liang")
    assert not fuzzy_compatible("bank of china", "people bank of china")
    assert not fuzzy_compatible("john smith", "joan smith")  # short tokens never fuzzy-match
    assert fuzzy_compatible("jonathan smithers", "jonathon smithers")


@pytest.mark.parametrize("a, b, ok", [
    param("jonathan smith", "jonathon smith", True, id="one-substitution"),
    param("jonathan smith", "jonathn smith", True, id="one-deletion"),
    param("same name", "same name", True, id="equal"),
    param("jonathan smith", "jonathan smith jr", False, id="token-count-differs"),
    param("jonathan smithers", "jonathon smythers", False, id="two-tokens-differ"),
    param("jonathan smith", "bonathan smith", False, id="first-letter-differs"),
    param("agent 00700", "agent 00701", False, id="digits"),
    param("jonathan smith", "jonothon smith", False, id="two-edits"),
    param("chen long", "chen lung", False, id="shorter-than-5"),
])
def test_fuzzy_rule(a, b, ok):
    assert fuzzy_compatible(a, b) is ok


# --------------------------------------------------------------------------- keys of an entity


def test_surface_keys_name_first_then_other_aliases():
    name_key, keyed = surface_keys("Mr. Chen Long", "PERSON", ["Chen", "Mr. Chen Long", "!!"])
    assert name_key == "chen long"
    assert keyed == [("Mr. Chen Long", "chen long"), ("Chen", "chen"), ("!!", "!!")]  # no letters: itself


def test_surface_key_of_a_name_without_letters_is_its_lower_case():
    assert surface_keys("???", "ORG", [])[0] == "???"


# --------------------------------------------------------------------------- the index


def _index() -> KeyIndex:
    index = KeyIndex()
    index.add("PERSON", "jonathan smithers", 1)
    index.add("ORG", "people bank of china", 2)
    index.add("ORG", "pboc", 2)
    index.add("PERSON", "chen long", 3)
    return index


def test_exact_match_on_the_name_key():
    assert _index().match("ORG", "people bank of china", []) == Match(2, "exact", "people bank of china", 100.0)


def test_exact_match_on_a_strong_alias_key():
    assert _index().match("ORG", "central bank", ["central bank", "pboc"]) == Match(2, "exact", "pboc", 100.0)


def test_exact_match_needs_the_same_type():
    assert _index().match("GPE", "people bank of china", []).entity_id is None


def test_first_entity_keeps_a_key():
    index = _index()
    index.add("PERSON", "chen long", 99)
    assert index.match("PERSON", "chen long", []).entity_id == 3


def test_fuzzy_match_on_the_name_key():
    found = _index().match("PERSON", "jonathon smithers", [])
    assert found.entity_id == 1 and found.method == "fuzzy" and found.key == "jonathan smithers"
    assert found.score >= 90


def test_fuzzy_match_needs_the_threshold():
    index = _index()
    index.fuzzy_threshold = 99.5
    assert index.match("PERSON", "jonathon smithers", []).method == "new"


def test_no_match_is_new():
    assert _index().match("PERSON", "chen liang", ["chen"]) == Match(None, "new", None, 100.0)


# --------------------------------------------------------------------------- on a store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "r.db") as s:
        yield s


def _article(conn, aid: str) -> None:
    import datetime as dt

    conn.execute(articles.insert().values(id=aid, published_inferred=False, pipeline_version="v",
                                          processed_at=dt.datetime.now(dt.timezone.utc)))


def test_resolve_entity_falls_back_to_the_stored_name_key_then_creates(store):
    with store.engine.begin() as conn:
        stored = conn.execute(entities.insert().values(type="ORG", name="Acme", norm_key="acme")
                              .returning(entities.c.id)).scalar_one()
        index = KeyIndex()  # never refreshed: the entity is only in the table
        assert resolve_entity(conn, index, "ORG", "Acme", "acme", []) == Match(stored, "exact", "acme", 100.0)
        made = resolve_entity(conn, index, "ORG", "Globex", "globex", [])
        assert made.method == "new" and made.entity_id not in (None, stored)
        assert conn.execute(sa.select(entities.c.name).where(entities.c.id == made.entity_id)).scalar() == "Globex"


def test_evidence_is_the_first_strong_alias_that_gave_the_key(store):
    with store.engine.begin() as conn:
        eid = conn.execute(entities.insert().values(type="ORG", name="Acme", norm_key="acme")
                           .returning(entities.c.id)).scalar_one()
        for aid in ("a1", "a2"):
            _article(conn, aid)
        conn.execute(aliases.insert(), [
            dict(entity_id=eid, alias="ACME", norm="acme", article_id="a1", strong=False),
            dict(entity_id=eid, alias="Acme", norm="acme", article_id="a2", strong=True),
            dict(entity_id=eid, alias="Acme Inc.", norm="acme", article_id="a1", strong=True),
        ])
        assert evidence(conn, {(eid, "acme")}) == {(eid, "acme"): ("Acme", "a2")}
        assert evidence(conn, set()) == {}


def test_index_refresh_reads_new_strong_aliases_only(store):
    index = KeyIndex()
    with store.engine.begin() as conn:
        eid = conn.execute(entities.insert().values(type="ORG", name="Acme", norm_key="acme")
                           .returning(entities.c.id)).scalar_one()
        _article(conn, "a1")
        conn.execute(aliases.insert(), [dict(entity_id=eid, alias="Acme", norm="acme", article_id="a1", strong=True),
                                        dict(entity_id=eid, alias="Ac", norm="ac", article_id="a1", strong=False)])
        index.refresh(conn)
    assert index.match("ORG", "acme", []).entity_id == eid
    assert index.match("ORG", "ac", []).entity_id is None  # a weak alias is never indexed


def test_forget_drops_keys_when_current_and_rebuilds_otherwise(store):
    with store.engine.begin() as conn:
        index = _index()
        index.generation = generation(conn)  # current (0: nothing was ever deleted)
        index.forget(conn, {2})
        assert generation(conn) == 1 and index.generation == 1
        assert index.match("ORG", "pboc", []).entity_id is None and index.match("PERSON", "chen long", []).entity_id == 3
        stale = _index()
        stale.generation = 0  # another process deleted entities since
        stale.forget(conn, {3})
        assert generation(conn) == 2 and stale.generation is None
