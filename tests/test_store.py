"""The knowledge table (pipeline/newsfacts/store/) on hand-made ArticleFacts: SQLite always, PostgreSQL
when NEWSFACTS_TEST_PG names a reachable server (``source scripts/start_postgres.sh``)."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os

import pytest
import sqlalchemy as sa

from newsfacts.errors import StoreError
from newsfacts.records import ArticleFacts, ExportedArticle
from newsfacts.store import Store, create_scratch_database, fuzzy_compatible, norm_key

# --------------------------------------------------------------------------- fixtures


def _pg_admin_url() -> str | None:
    return os.environ.get("NEWSFACTS_TEST_PG") or None


def _pg_skip_reason() -> str | None:
    url = _pg_admin_url()
    if not url:
        return "NEWSFACTS_TEST_PG is not set (source scripts/start_postgres.sh to run the PostgreSQL tests)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    try:
        eng = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with eng.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        eng.dispose()
    except Exception as exc:  # unreachable server
        return f"PostgreSQL at NEWSFACTS_TEST_PG is unreachable: {str(exc).splitlines()[0]}"
    return None


def make_pg_database() -> tuple[str, callable]:
    """A fresh database on the NEWSFACTS_TEST_PG server; returns (url, drop)."""
    return create_scratch_database(_pg_admin_url())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty store URL of each back-end."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    reason = _pg_skip_reason()
    if reason:
        pytest.skip(reason)
    url, drop = make_pg_database()
    yield url
    drop()


# --------------------------------------------------------------------------- record builders


def facts(aid: str, text: str, entities=(), dates=(), claims=(), published="2020-05-09") -> ArticleFacts:
    """Build validated ArticleFacts; spans are given as substrings of ``text`` (first occurrence)."""

    def span(sub: str, nth: int = 0) -> dict:
        i = -1
        for _ in range(nth + 1):
            i = text.index(sub, i + 1)
        sent_start = max(text.rfind(". ", 0, i) + 2, 0) if text.rfind(". ", 0, i) >= 0 else 0
        sent_end = text.find(". ", i)
        sent_end = len(text) if sent_end < 0 else sent_end + 1
        return {"start": i, "end": i + len(sub), "text": sub, "sentence": text[sent_start:sent_end].strip()}

    ents = []
    for k, e in enumerate(entities, start=1):
        name, etype = e[0], e[1]
        mention_texts = e[2] if len(e) > 2 else [name]
        aliases = e[3] if len(e) > 3 else []
        ents.append({"id": f"E{k}", "type": etype, "name": name, "aliases": aliases,
                     "mentions": [span(m) for m in mention_texts], "roles": e[4] if len(e) > 4 else []})
    ds = [{"id": f"T{k}", "type": "DATE", "value": value, "anchor": "explicit", **span(sub)}
          for k, (sub, value) in enumerate(dates, start=1)]
    cs = []
    for k, c in enumerate(claims, start=1):
        sub, value, unit, concept = c[:4]
        extra = c[4] if len(c) > 4 else {}
        s = span(sub)
        cs.append({"id": f"C{k}", **s, "evidence": sub, "evidence_start": s["start"], "evidence_end": s["end"],
                   "value": value, "unit": unit, "concept": concept, **extra})
    data = {"article": {"id": aid, "title": f"title {aid}", "published": published, "source": "test"},
            "entities": ents, "dates": ds, "claims": cs}
    return ArticleFacts.model_validate(data, context={"text": text})


TEXT_A = ("Chen Long, a reporter, said online lending institutions fell by 80% in 2019. "
          "The People's Bank of China said loans rose to 3 billion yuan.")
TEXT_B = ("Chen Liang said Bank of China hired 5,000 staff in 2021. "
          "Prices rose 2 percent in March.")


def article_a(aid="a") -> ArticleFacts:
    return facts(aid, TEXT_A,
                 entities=[("Chen Long", "PERSON", ["Chen Long"], ["Chen"], ["reporter"]),
                           ("People's Bank of China", "ORG", ["People's Bank of China"])],
                 dates=[("2019", "2019")],
                 claims=[("80%", 80.0, "percent", "online lending institutions",
                          {"date_id": "T1", "time": "2019", "entity_id": None,
                           "change": {"direction": "down", "from_value": None, "to_value": None, "relative": 80.0}}),
                         ("3 billion yuan", 3e9, "CNY", "loans", {"entity_id": "E2", "time": "2020-05-09"})])


def article_b(aid="b") -> ArticleFacts:
    return facts(aid, TEXT_B,
                 entities=[("Chen Liang", "PERSON", ["Chen Liang"], ["Chen"]),
                           ("Bank of China", "ORG", ["Bank of China"])],
                 dates=[("2021", "2021"), ("March", "2021-03")],
                 claims=[("5,000", 5000.0, "count", "staff", {"date_id": "T1", "time": "2021"}),
                         ("2 percent", 2.0, "percent", "prices", {"date_id": "T2", "time": "2021-03"})],
                 published="2021-04-01")


# --------------------------------------------------------------------------- keys


def test_package_exports_the_public_names():
    """Tests and scripts import these from newsfacts.store; the rules behind them are tested in
    test_name_keys.py (the key) and test_store_resolution.py (strong aliases, fuzzy matching)."""
    from newsfacts.name_keys import resolution_key
    from newsfacts.store.core import Store as CoreStore
    from newsfacts.store.resolution import fuzzy_compatible as resolution_fuzzy

    assert norm_key is resolution_key and fuzzy_compatible is resolution_fuzzy and Store is CoreStore
    assert callable(create_scratch_database)


# --------------------------------------------------------------------------- writing


def test_write_is_idempotent_and_version_change_replaces(db_url):
    with Store(db_url) as store:
        assert store.write(article_a(), "v1") is True
        first = store.counts()
        assert store.write(article_a(), "v1") is False  # same id + version: skipped
        assert store.counts() == first
        assert store.has("a", "v1") and not store.has("a", "v2")
        # a new pipeline version replaces the article's facts in one transaction
        fewer = facts("a", TEXT_A, entities=[("Chen Long", "PERSON")], dates=[("2019", "2019")])
        assert store.write(fewer, "v2") is True
        after = store.counts()
        assert after["articles"] == 1 and after["claims"] == 0 and after["mentions"] == 1
        assert after["entities"] == 1  # the bank lost its only article: the orphan entity is gone
        assert store.has("a", "v2") and not store.has("a", "v1")
        assert store.stored("v2") == {"a": None}


def test_changed_content_with_same_id_replaces(db_url):
    with Store(db_url) as store:
        assert store.write(article_a(), "v1", content_hash="h1")
        assert not store.write(article_a(), "v1", content_hash="h1")
        assert store.write(article_a(), "v1", content_hash="h2")
        assert store.counts()["articles"] == 1 and store.counts()["claims"] == 2


def test_entity_resolution_merges_and_keeps_apart(db_url):
    with Store(db_url) as store:
        store.write(article_a("a"), "v")
        store.write(article_b("b"), "v")
        t3 = "The People's Bank of China met Mr. Chen Long. Apple Inc. and Jonathon Smithers agreed."
        store.write(facts("c", t3, entities=[("The People's Bank of China", "ORG"), ("Mr. Chen Long", "PERSON"),
                                              ("Apple Inc.", "ORG"), ("Jonathon Smithers", "PERSON")]), "v")
        t4 = "Apple and Jonathan Smithers spoke. Chen said nothing."
        store.write(facts("d", t4, entities=[("Apple", "ORG"), ("Jonathan Smithers", "PERSON"),
                                              ("Chen", "PERSON")]), "v")
        with store.engine.connect() as conn:
            ents = {(r.type, r.name): r.id for r in conn.execute(sa.text("SELECT id, type, name FROM entities"))}
            merges = [r._asdict() for r in conn.execute(sa.text(
                "SELECT entity_id, article_id, local_name, method, matched_key, matched_alias, matched_article_id, score "
                "FROM merges ORDER BY id"))]
        # never merged
        assert ("PERSON", "Chen Long") in ents and ("PERSON", "Chen Liang") in ents
        assert ents[("PERSON", "Chen Long")] != ents[("PERSON", "Chen Liang")]
        assert ents[("ORG", "Bank of China")] != ents[("ORG", "People's Bank of China")]
        # bare "Chen" is a weak alias of both: it must not join either of them
        assert ("PERSON", "Chen") in ents
        # merged, with evidence
        by = {(m["article_id"], m["local_name"]): m for m in merges}
        m = by[("c", "The People's Bank of China")]
        assert m["method"] == "exact" and m["entity_id"] == ents[("ORG", "People's Bank of China")]
        assert m["matched_key"] == "people bank of china" and m["matched_article_id"] == "a"
        assert by[("c", "Mr. Chen Long")]["entity_id"] == ents[("PERSON", "Chen Long")]
        assert by[("d", "Apple")]["method"] == "exact"
        assert by[("d", "Apple")]["entity_id"] == by[("c", "Apple Inc.")]["entity_id"]
        fuzzy = by[("d", "Jonathan Smithers")]
        assert fuzzy["method"] == "fuzzy" and fuzzy["matched_alias"] == "Jonathon Smithers"
        assert fuzzy["matched_article_id"] == "c" and fuzzy["score"] >= 90
        assert fuzzy["entity_id"] == by[("c", "Jonathon Smithers")]["entity_id"]
        # every mention points at a canonical entity explained by a merges row of its article
        with store.engine.connect() as conn:
            unexplained = conn.execute(sa.text(
                "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM merges g WHERE "
                "g.article_id = m.article_id AND g.local_id = m.local_id AND g.entity_id = m.entity_id)")).scalar()
        assert unexplained == 0


def test_query_entity_returns_claims_and_dates_of_its_sentences(db_url):
    with Store(db_url) as store:
        store.write(article_a(), "v")
        store.write(article_b(), "v")
        info = store.query_entity("chen long")
        assert info["name"] == "Chen Long" and info["type"] == "PERSON"
        assert [a["id"] for a in info["articles"]] == ["a"]
        assert "Chen" in info["aliases"] and info["roles"] == ["reporter"]
        assert [c["text"] for c in info["claims"]] == ["80%"]  # not the bank's sentence
        assert [d["value"] for d in info["dates"]] == ["2019"]
        bank = store.query_entity("the people's bank of china")
        assert [c["text"] for c in bank["claims"]] == ["3 billion yuan"]
        assert bank["claims"][0]["canonical_entity_id"] == bank["id"]
        with pytest.raises(StoreError, match="no entity named"):
            store.query_entity("Nobody Atall")


def test_query_claims_by_concept_and_since(db_url):
    with Store(db_url) as store:
        store.write(article_a(), "v")
        store.write(article_b(), "v")
        assert [c["text"] for c in store.query_claims("LENDING")] == ["80%"]
        since = [c["text"] for c in store.query_claims(None, dt.date(2020, 1, 1))]
        assert since == ["3 billion yuan", "5,000", "2 percent"]
        assert [c["text"] for c in store.query_claims(None, dt.date(2021, 3, 15))] == ["5,000", "2 percent"]
        assert store.query_claims("nothing like it") == []


def test_record_failure_keeps_one_row_per_origin_and_reason(db_url):
    with Store(db_url) as store:
        store.record_failure("x.jsonl:3", "malformed JSON")
        store.record_failure("x.jsonl:3", "malformed JSON")
        store.record_failure("x.jsonl:4", "text is empty")
        assert store.counts()["failed_inputs"] == 2


def test_export_jsonl_and_csv(db_url, tmp_path):
    with Store(db_url) as store:
        store.write(article_a(), "v")
        store.write(article_b(), "v")
        assert store.export("jsonl", tmp_path / "out.jsonl") == {"articles": 2}
        lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
        assert [x["article"]["id"] for x in lines] == ["a", "b"]
        assert lines[0]["claims"][0]["change"]["relative"] == 80.0
        assert lines[0]["entities"][0]["canonical_name"] == "Chen Long"
        counts = store.export("csv", tmp_path / "csv")
        assert counts["claims"] == 4 and (tmp_path / "csv" / "claims.csv").exists()
        with pytest.raises(StoreError, match="unknown export format"):
            store.export("xml", tmp_path / "x")


def test_parquet_without_pyarrow_names_the_package(tmp_path):
    try:
        import pyarrow  # noqa: F401
        pytest.skip("pyarrow is installed")
    except ImportError:
        pass
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(StoreError, match="pyarrow"):
            store.export("parquet", tmp_path / "pq")


def test_bad_locations_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing" / "s.db")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_older_schema_revision_upgrades_on_open(db_url):
    """A store at revision 0001 (no merges table, no alias strength) opens and keeps its rows."""
    from alembic import command

    store = Store.__new__(Store)  # an engine without migrating, to build the old schema
    from newsfacts.store import normalise_url

    store.url, store.read_only = normalise_url(db_url), False
    store.engine = store._make_engine(False)
    with store.engine.begin() as conn:
        command.upgrade(store._alembic_config(conn), "0001")
    with store.engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO articles (id, title, published_inferred, pipeline_version, processed_at) "
            "VALUES ('old', 'old article', false, 'v0', :t)"), {"t": dt.datetime.now(dt.timezone.utc)})
        conn.execute(sa.text("INSERT INTO entities (type, name, norm_key) VALUES ('ORG', 'Bank of China', 'bank of china')"))
        eid = conn.execute(sa.text("SELECT id FROM entities")).scalar()
        conn.execute(sa.text("INSERT INTO aliases (entity_id, alias, norm, article_id) "
                             "VALUES (:e, 'Bank of China', 'bank of china', 'old')"), {"e": eid})
    assert store.schema_revision() == "0001"
    store.close()
    with Store(db_url) as upgraded:
        assert upgraded.schema_revision() == "0004"
        assert "holder" in {c["name"] for c in sa.inspect(upgraded.engine).get_columns("claims")}
        assert upgraded.has("old", "v0")
        upgraded.write(article_b(), "v")  # its Bank of China joins the old row's entity
        with upgraded.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM entities WHERE type='ORG'")).scalar() == 1
            assert conn.execute(sa.text("SELECT method FROM merges WHERE local_name='Bank of China'")).scalar() == "exact"


# --------------------------------------------------------------------------- concurrency


def _writer(url: str, ids: list[str], out: "multiprocessing.Queue") -> None:
    try:
        with Store(url) as store:
            n = 0
            for aid in ids:
                f = article_a(aid) if int(aid[1:]) % 2 else article_b(aid)
                n += store.write(f, "v")
        out.put(("ok", n))
    except BaseException as exc:  # pragma: no cover - reported to the test
        out.put(("error", repr(exc)))


def test_two_writers_at_once_store_every_article_once(db_url):
    Store(db_url).close()  # schema first, so both writers race on the data, not the DDL
    ids = [f"x{i}" for i in range(40)]
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(db_url, ids if k == 0 else ids[::-1], q)) for k in range(2)]
    for p in procs:
        p.start()
    results = [q.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(kind == "ok" for kind, _ in results), results
    assert sum(n for _, n in results) == 40  # each article written by exactly one of them
    with Store(db_url) as store:
        c = store.counts()
        assert c["articles"] == 40 and c["claims"] == 80 and c["dates"] == 60
        assert c["entities"] == 4  # Chen Long, Chen Liang, PBoC, Bank of China
        with store.engine.connect() as conn:
            dup = conn.execute(sa.text("SELECT count(*) FROM (SELECT type, norm_key FROM entities "
                                       "GROUP BY type, norm_key HAVING count(*) > 1) d")).scalar()
        assert dup == 0


def test_concurrent_first_open_migrates_once(tmp_path):
    url = str(tmp_path / "race.db")
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, [f"y{i}"], q)) for i in range(3)]
    for p in procs:
        p.start()
    results = [q.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(kind == "ok" for kind, _ in results), results
    with Store(url) as store:
        assert store.schema_revision() == "0004" and store.counts()["articles"] == 3


def test_query_entity_lists_its_organisations_claims(db_url):
    """A person's affiliation (the organisation its role names) brings that organisation's claims."""
    data = article_a("aff").model_dump(mode="json")
    data["entities"][0]["affiliations"] = ["E2"]  # Chen Long -> People's Bank of China
    with Store(db_url) as store:
        store.write(ArticleFacts.model_validate(data, context={"text": TEXT_A}), "v")
        info = store.query_entity("Chen Long")
        assert [o["name"] for o in info["affiliations"]] == ["People's Bank of China"]
        assert [c["text"] for c in info["affiliation_claims"]] == ["3 billion yuan"]
        assert store.query_entity("People's Bank of China")["affiliations"] == []


def test_exported_jsonl_follows_its_published_schema(db_url, tmp_path):
    """Every export line validates as ExportedArticle (schemas/exported_article.schema.json):
    the article's own record with affiliations, canonical ids and the pipeline version."""
    data = article_a("aff").model_dump(mode="json")
    data["entities"][0]["affiliations"] = ["E2"]
    with Store(db_url) as store:
        store.write(ArticleFacts.model_validate(data, context={"text": TEXT_A}), "v1")
        store.write(article_b(), "v1")
        store.export("jsonl", tmp_path / "out.jsonl")
    lines = [ExportedArticle.model_validate_json(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    aff = lines[0]
    assert aff.pipeline_version == "v1" and aff.schema_version == "1.1"
    chen = aff.entities[0]
    assert (chen.name, chen.canonical_name, chen.affiliations) == ("Chen Long", "Chen Long", ["E2"])
    assert aff.entities[1].canonical_name == "People's Bank of China"
    assert {e.canonical_id for e in lines[1].entities}.isdisjoint({e.canonical_id for e in aff.entities})


def test_readers_do_not_create_a_missing_store(tmp_path):
    """A typo in --db must not look like an empty corpus."""
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no store at"):
        Store(missing, must_exist=True)
    assert not missing.exists()


def test_wal_switch_is_retried_while_another_process_holds_the_lock():
    import sqlite3

    from newsfacts.store.engine import set_wal as _set_wal

    class Cursor:
        calls = 0

        def execute(self, sql):
            Cursor.calls += 1
            if Cursor.calls < 3:
                raise sqlite3.OperationalError("database is locked")

    _set_wal(Cursor())
    assert Cursor.calls == 3

    class Broken:
        def execute(self, sql):
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _set_wal(Broken())
