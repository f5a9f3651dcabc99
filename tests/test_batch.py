"""Corpus runs (newsfacts.batch) and the store CLI (newsfacts.cli_store) on small fixtures.

The pipeline runs without the transformer NER stage (``Settings(use_transformer=False)``) to
keep the tests fast and independent of the shipped model.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

import newsfacts.batch as batch_mod
from newsfacts.batch import BatchSummary, pipeline_version, process_chunk, run_batch
from newsfacts.config import Settings
from newsfacts.store import create_scratch_database
from newsfacts.ingest import Article, iter_inputs
from newsfacts.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "batch_articles.jsonl"
FAST = Settings(use_transformer=False)
REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def fact_rows(url: str) -> dict:
    """Everything a run stores, without ids or times that legitimately differ between runs."""
    with Store(url) as store:
        with store.engine.connect() as conn:
            q = lambda sql: sorted(tuple(r) for r in conn.execute(sa.text(sql)))  # noqa: E731
            return {
                "articles": q("SELECT id, title, published, pipeline_version, content_hash FROM articles"),
                "mentions": q("SELECT m.article_id, m.local_id, m.start, m.\"end\", e.type, e.name "
                              "FROM mentions m JOIN entities e ON e.id = m.entity_id"),
                "entities": q("SELECT type, name, norm_key FROM entities"),
                "aliases": q("SELECT a.article_id, a.alias, a.norm, a.strong, e.name FROM aliases a "
                             "JOIN entities e ON e.id = a.entity_id"),
                "dates": q("SELECT article_id, local_id, start, \"end\", value FROM dates"),
                "claims": q("SELECT article_id, local_id, start, \"end\", value, unit, concept, time FROM claims"),
                "merges": q("SELECT article_id, local_id, method, matched_key FROM merges"),
                "roles": q("SELECT article_id, local_id, role FROM roles"),
                "failed": q("SELECT origin, reason FROM failed_inputs"),
            }


def big_corpus(path: Path, n: int) -> Path:
    """``n`` distinct articles made from the fixture's good articles (new ids, numbered text)."""
    good = [json.loads(line) for line in ARTICLES.read_text().splitlines()
            if line.startswith("{") and '"text": "' in line and '"bad' not in line]
    with open(path, "w") as fh:
        for i in range(n):
            a = dict(good[i % len(good)])
            a["id"] = f"g{i:04d}"
            a["text"] = f"Story {i}. " + a["text"]
            fh.write(json.dumps(a) + "\n")
    return path


# --------------------------------------------------------------------------- basic runs


def test_batch_records_bad_inputs_and_goes_on(tmp_path):
    db = str(tmp_path / "b.db")
    s = run_batch([str(ARTICLES)], db, settings=FAST, progress=False)
    assert isinstance(s, BatchSummary)
    assert (s.new, s.skipped, s.failed) == (5, 0, 4)
    reasons = dict(s.failures)
    assert "malformed JSON" in reasons[f"{ARTICLES}:3"]
    assert "no 'text' field" in reasons[f"{ARTICLES}:5"]
    assert "2019-13-45" in reasons[f"{ARTICLES}:6"]
    assert "empty" in reasons[f"{ARTICLES}:9"]
    assert s.words > 100 and s.seconds > 0
    rows = fact_rows(db)
    assert len(rows["articles"]) == 5 and len(rows["failed"]) == 4
    assert rows["mentions"] and rows["claims"] and rows["dates"]


def test_same_id_with_another_text_in_one_run_is_a_failure(tmp_path):
    """An exact repeat is skipped; a different text under an id already read fails, named."""
    src = tmp_path / "dup.jsonl"
    rows = [{"id": "x1", "text": "Acme Corp hired 20 engineers in Berlin on Monday."},
            {"id": "x1", "text": "Acme Corp hired 20 engineers in Berlin on Monday."},
            {"id": "x1", "text": "Globex fired 30 staff in Paris."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    s = run_batch([str(src)], str(tmp_path / "d.db"), settings=FAST, progress=False)
    assert (s.new, s.skipped, s.failed) == (1, 1, 1)
    origin, reason = s.failures[0]
    assert origin == f"{src}:3" and "duplicate id 'x1'" in reason and f"{src}:1" in reason


def test_rerun_adds_nothing_and_runs_no_nlp(tmp_path, monkeypatch):
    db = str(tmp_path / "b.db")
    run_batch([str(ARTICLES)], db, settings=FAST, progress=False)
    before = fact_rows(db)

    def boom(*a, **k):
        raise AssertionError("NLP ran on an already stored article")

    monkeypatch.setattr(batch_mod, "process_chunk", boom)
    s = run_batch([str(ARTICLES)], db, settings=FAST, progress=False)
    assert (s.new, s.skipped, s.failed) == (0, 5, 4)
    assert fact_rows(db) == before


def test_inputs_are_read_once(tmp_path, monkeypatch):
    """A batch reads its inputs once (no counting pass before the run), with or without a limit."""
    db = str(tmp_path / "b.db")
    run_batch([str(ARTICLES)], db, settings=FAST, progress=False)
    reads = []

    def counting(paths, *a, **k):
        reads.append(list(paths))
        return iter_inputs(paths, *a, **k)

    monkeypatch.setattr(batch_mod, "iter_inputs", counting)
    s = run_batch([str(ARTICLES)], db, settings=FAST, progress=True)
    assert (s.new, s.skipped, s.failed) == (0, 5, 4) and reads == [[str(ARTICLES)]]
    reads.clear()
    s = run_batch([str(ARTICLES)], db, settings=FAST, progress=True, limit=3)
    assert s.new + s.skipped + s.failed == 3 and len(reads) == 1


def test_pipeline_version_change_reprocesses(tmp_path, monkeypatch):
    db = str(tmp_path / "b.db")
    run_batch([str(ARTICLES)], db, settings=FAST, progress=False)
    before = fact_rows(db)
    monkeypatch.setattr(batch_mod, "pipeline_version", lambda settings=None: "upgraded")
    s = run_batch([str(ARTICLES)], db, settings=FAST, progress=False)
    assert s.new == 5 and s.skipped == 0
    after = fact_rows(db)
    assert {a[3] for a in after["articles"]} == {"upgraded"}
    # the same facts and canonical entities (merge *methods* may differ: a re-processed article can
    # now join an entity that a later article kept alive)
    for table in ("mentions", "claims", "dates", "entities", "aliases"):
        assert after[table] == before[table], table


def test_pipeline_version_names_models():
    v = pipeline_version(FAST)
    assert v.startswith("newsfacts-") and "/ner-none" in v and "/spacy-" in v
    assert pipeline_version(FAST) == v


def test_code_digest_follows_the_extraction_code(tmp_path, monkeypatch):
    """An edited rule changes the version (so the next batch re-processes); the CLI does not."""
    import shutil

    src = Path(batch_mod.__file__).resolve().parent
    copy = tmp_path / "pipeline"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("__pycache__"))

    def digest_of(folder):
        monkeypatch.setattr(batch_mod, "__file__", str(folder / "batch.py"))
        monkeypatch.setattr(batch_mod, "_CODE_DIGEST", None)
        return batch_mod.code_digest()

    base = digest_of(copy)
    assert base == digest_of(src) and len(base) == 12
    with open(copy / "cli.py", "a") as fh:
        fh.write("\n# a comment in the command line\n")
    assert digest_of(copy) == base
    for unrelated in ("store/core.py", "formats/to_text.py"):  # the store and the output formats
        with open(copy / unrelated, "a") as fh:
            fh.write("\n# not extraction code\n")
        assert digest_of(copy) == base, unrelated
    with open(copy / "name_keys.py", "a") as fh:  # read by in-article coreference
        fh.write("\n# an edited key\n")
    edited = digest_of(copy)
    assert edited != base
    with open(copy / "components" / "claims.py", "a") as fh:
        fh.write("\n# an edited rule\n")
    assert digest_of(copy) not in (base, edited)


def test_memory_zone_gives_the_same_facts():
    arts = [a for a in iter_inputs([str(ARTICLES)]) if isinstance(a, Article)]
    sj = FAST.model_dump_json()
    plain = process_chunk(arts, sj, use_memory_zone=False)
    zoned = process_chunk(arts, sj, use_memory_zone=True)
    again = process_chunk(arts, sj, use_memory_zone=True)
    assert [r[0] for r in plain] == ["ok"] * len(arts)
    assert plain == zoned == again


def test_one_bad_article_in_a_chunk_is_isolated(monkeypatch):
    import newsfacts.to_records as records

    arts = [a for a in iter_inputs([str(ARTICLES)]) if isinstance(a, Article)]
    real = records.doc_to_facts

    def flaky(doc, article, include_text=False):
        if article.id == "b2":
            raise ValueError("stage bug")
        return real(doc, article, include_text)

    monkeypatch.setattr(records, "doc_to_facts", flaky)
    out = process_chunk(arts, FAST.model_dump_json())
    assert [r[0] for r in out] == ["ok", "fail", "ok", "ok", "ok"]
    assert "internal error (ValueError: stage bug)" in out[1][2]


# --------------------------------------------------------------------------- parallel engines


def test_two_workers_store_the_same_rows_as_one(tmp_path):
    corpus = big_corpus(tmp_path / "c.jsonl", 12)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    run_batch([str(corpus)], one, workers=1, settings=FAST, progress=False, chunk_size=2)
    s = run_batch([str(corpus)], two, workers=2, settings=FAST, progress=False, chunk_size=2)
    assert s.new == 12
    assert fact_rows(one) == fact_rows(two)


def test_dask_local_cluster_stores_the_same_rows_as_local(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = big_corpus(tmp_path / "c.jsonl", 12)
    local, dask = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    run_batch([str(corpus)], local, settings=FAST, progress=False, chunk_size=2)
    s = run_batch([str(corpus)], dask, workers=2, engine="dask", settings=FAST, progress=False, chunk_size=2)
    assert s.new == 12
    assert fact_rows(local) == fact_rows(dask)
    s = run_batch([str(corpus)], dask, workers=2, engine="dask", settings=FAST, progress=False)
    assert s.new == 0 and s.skipped == 12


_RUN = (
    "import sys; from newsfacts.batch import run_batch; from newsfacts.config import Settings; "
    "s = run_batch([sys.argv[1]], sys.argv[2], settings=Settings(use_transformer=False), progress=False, chunk_size=1); "
    "print(s.new, s.skipped, s.failed)"
)


def _count(db: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_rerun_stores_every_article_once(tmp_path):
    n = 150
    corpus = big_corpus(tmp_path / "c.jsonl", n)
    clean, killed = str(tmp_path / "clean.db"), str(tmp_path / "killed.db")
    run_batch([str(corpus)], clean, settings=FAST, progress=False, chunk_size=1)

    proc = subprocess.Popen([sys.executable, "-c", _RUN, str(corpus), killed], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while _count(killed) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    at_kill = _count(killed)
    assert 0 < at_kill < n, f"the batch was not killed mid-run ({at_kill} of {n} stored)"

    s = run_batch([str(corpus)], killed, settings=FAST, progress=False, chunk_size=1)
    assert s.skipped == at_kill and s.new == n - at_kill
    assert fact_rows(killed) == fact_rows(clean)


def test_two_concurrent_batches_on_one_store(tmp_path):
    n = 60
    corpus = big_corpus(tmp_path / "c.jsonl", n)
    clean, shared = str(tmp_path / "clean.db"), str(tmp_path / "shared.db")
    run_batch([str(corpus)], clean, settings=FAST, progress=False, chunk_size=1)
    procs = [subprocess.Popen([sys.executable, "-c", _RUN, str(corpus), shared], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    news = [int(o[0].split()[0]) for o in outs]
    assert sum(news) == n  # each article written by one of them (a re-check in the transaction skips it)
    assert fact_rows(shared)["articles"] == fact_rows(clean)["articles"]
    got, want = fact_rows(shared), fact_rows(clean)
    for table in ("mentions", "claims", "dates", "roles"):
        assert got[table] == want[table], table
    assert len(got["entities"]) == len({(e[0], e[2]) for e in got["entities"]})  # no duplicate canonical keys


# --------------------------------------------------------------------------- PostgreSQL


def _pg_skip_reason() -> str | None:
    url = os.environ.get("NEWSFACTS_TEST_PG")
    if not url:
        return "NEWSFACTS_TEST_PG is not set (source scripts/start_postgres.sh to run the PostgreSQL tests)"
    try:
        eng = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with eng.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        eng.dispose()
    except Exception as exc:  # no driver, or an unreachable server
        return f"PostgreSQL at NEWSFACTS_TEST_PG is unusable: {str(exc).splitlines()[0]}"
    return None


def make_pg_database():
    """A fresh database on the NEWSFACTS_TEST_PG server; returns (url, drop)."""
    return create_scratch_database(os.environ["NEWSFACTS_TEST_PG"], prefix="nfb_")



@pytest.mark.postgres
def test_batch_on_postgres_matches_sqlite(tmp_path):
    reason = _pg_skip_reason()
    if reason:
        pytest.skip(reason)
    url, drop = make_pg_database()
    try:
        lite = str(tmp_path / "b.db")
        run_batch([str(ARTICLES)], lite, settings=FAST, progress=False)
        s = run_batch([str(ARTICLES)], url, settings=FAST, progress=False)
        assert (s.new, s.failed) == (5, 4)
        assert run_batch([str(ARTICLES)], url, settings=FAST, progress=False).new == 0
        a, b = fact_rows(lite), fact_rows(url)
        for table in ("mentions", "claims", "dates", "entities", "aliases", "merges", "failed"):
            assert a[table] == b[table], table
    finally:
        drop()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_nul_characters_and_rejected_records_never_stop_a_batch(tmp_path, backend):
    """A NUL in an article's text or title is stored (PostgreSQL: as U+FFFD, one character for one);
    an article whose record the database refuses (an id longer than its column) is recorded in
    failed_inputs and the batch goes on with the others."""
    if backend == "postgresql":
        reason = _pg_skip_reason()
        if reason:
            pytest.skip(reason)
        url, drop = make_pg_database()
    else:
        url, drop = str(tmp_path / "n.db"), (lambda: None)
    p = tmp_path / "nul.jsonl"
    rows = [{"id": "n1", "title": "Acme\u0000 news", "text": "Acme\u0000 Corp hired 20 people in Wuhan."},
            {"id": "x" * 200, "text": "Beta Ltd cut 5 jobs in Shanghai."},
            {"id": "n3", "text": "Gamma sold 3 plants in 2019."}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    try:
        s = run_batch([str(p)], url, settings=FAST, progress=False)
        got = fact_rows(url)
        if backend == "postgresql":  # varchar(128) refuses the long id; SQLite does not check lengths
            assert (s.new, s.failed) == (2, 1)
            assert "cannot be stored" in got["failed"][0][1] and got["failed"][0][0] == f"{p}:2"
            nul = "\ufffd"
        else:
            assert (s.new, s.failed) == (3, 0)
            nul = "\x00"
        titles = {a[0]: a[1] for a in got["articles"]}
        assert titles["n1"] == f"Acme{nul} news" and "n3" in titles
        again = run_batch([str(p)], url, settings=FAST, progress=False)  # a re-run goes past it again
        assert (again.new, again.failed) == (0, s.failed)
    finally:
        drop()


def test_nul_is_written_as_the_replacement_character_on_postgresql_only():
    from sqlalchemy.dialects import postgresql, sqlite

    from newsfacts.store.schema import Text

    t = Text()
    assert t.process_bind_param("a\x00b", postgresql.dialect()) == "a\ufffdb"
    assert t.process_bind_param("a\x00b", sqlite.dialect()) == "a\x00b"
    assert t.process_bind_param(None, postgresql.dialect()) is None


# --------------------------------------------------------------------------- CLI


@pytest.fixture()
def cli():
    import typer

    from newsfacts.cli_store import batch, export, query_app

    app = typer.Typer()
    app.command("batch")(batch)
    app.command("export")(export)
    app.add_typer(query_app, name="query")
    return app


def test_cli_batch_query_export(cli, tmp_path):
    from typer.testing import CliRunner

    runner = CliRunner()
    db = str(tmp_path / "c.db")
    r = runner.invoke(cli, ["batch", str(ARTICLES), "--db", db, "--no-transformer", "--json"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["new"] == 5 and summary["failed"] == 4
    r = runner.invoke(cli, ["batch", str(ARTICLES), "--db", db, "--no-transformer"])
    assert r.exit_code == 0 and "4 input(s) failed" in r.stdout
    r = runner.invoke(cli, ["query", "entity", "Chen Long", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    info = json.loads(r.stdout)
    assert info["name"] == "Chen Long" and {a["id"] for a in info["articles"]} == {"b1", "b5"}
    assert any("lending" in (c["concept"] or "") for c in info["claims"])
    r = runner.invoke(cli, ["query", "claims", "--db", db, "--since", "2021-01-01", "--format", "json"])
    assert r.exit_code == 0 and all(c["article_id"] == "b2" for c in json.loads(r.stdout))
    r = runner.invoke(cli, ["query", "entity", "Chen Long", "--db", db])
    assert r.exit_code == 0 and "Chen Long" in r.stdout
    r = runner.invoke(cli, ["export", "--db", db, "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")])
    assert r.exit_code == 0 and len((tmp_path / "x.jsonl").read_text().splitlines()) == 5


def test_cli_errors_are_one_line_and_exit_1(cli, tmp_path):
    from typer.testing import CliRunner

    runner = CliRunner()
    db = str(tmp_path / "c.db")
    for args in (["query", "entity", "Nobody", "--db", db],
                 ["query", "claims", "--since", "2019-13-45", "--db", db],
                 ["batch", str(tmp_path / "missing.jsonl"), "--db", db, "--no-transformer"],
                 ["export", "--db", str(tmp_path / "no" / "x.db"), "--out", str(tmp_path / "o")]):
        r = runner.invoke(cli, args)
        assert r.exit_code == 1, (args, r.output)
        assert r.stderr.strip().startswith("error:") and len(r.stderr.strip().splitlines()) == 1


def test_prepare_worker_fixes_the_mmap_threshold_and_one_thread(monkeypatch):
    for k in batch_mod.THREAD_ENV:
        monkeypatch.delenv(k, raising=False)
    batch_mod.prepare_worker()
    assert os.environ["OMP_NUM_THREADS"] == "1" and os.environ["TOKENIZERS_PARALLELISM"] == "false"
    if sys.platform.startswith("linux"):
        assert batch_mod._LIBC is not None  # glibc: mallopt accepted the threshold
    batch_mod._trim()  # never raises
