"""Read commands (query, export) open the store read-only: they never migrate or write, refuse a
file that is not a newsfacts store, and name the command that upgrades an older store."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.errors import StoreError
from newsfacts.store import Store
from tests.test_store import facts

runner = CliRunner()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.write(facts("a1", "Acme Corp hired 20 people.", entities=[("Acme Corp", "ORG")],
                          claims=[("20", 20.0, "count", "people")]), "v1")
    return path


def test_another_applications_database_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = _digest(other)
    for args in (["query", "entity", "x"], ["query", "claims"], ["export", "-o", str(tmp_path / "o.jsonl")]):
        r = runner.invoke(app, args + ["--db", str(other)])
        assert r.exit_code == 1 and "is not a newsfacts store" in r.output, r.output
    assert _digest(other) == before
    con = sqlite3.connect(other)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["t"]


def test_queries_and_export_never_write(store_path, tmp_path):
    before = _digest(store_path)
    assert runner.invoke(app, ["query", "entity", "Acme Corp", "--db", str(store_path)]).exit_code == 0
    assert runner.invoke(app, ["query", "claims", "--db", str(store_path)]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", str(store_path), "-o", str(tmp_path / "o.jsonl")]).exit_code == 0
    assert _digest(store_path) == before
    with Store(store_path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.record_failure("x", "y")


def test_read_only_folder_is_readable(store_path, monkeypatch):
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(store_path.parent) else real(p, mode))
    with Store(store_path, read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_an_older_store_names_the_upgrade_command(store_path):
    from newsfacts.store import engine

    def set_revision(rev: str) -> None:
        con = sqlite3.connect(store_path)
        con.execute("UPDATE alembic_version SET version_num = ?", (rev,))
        con.commit()
        con.close()

    set_revision("0003")  # as an older newsfacts left it
    r = runner.invoke(app, ["query", "claims", "--db", str(store_path)])
    assert r.exit_code == 1 and f"newsfacts upgrade --db {store_path}" in r.output
    set_revision(engine.head_revision())
    assert runner.invoke(app, ["upgrade", "--db", str(store_path)]).exit_code == 0
    assert runner.invoke(app, ["query", "claims", "--db", str(store_path)]).exit_code == 0


def test_other_databases_are_named_not_blamed_on_a_driver(tmp_path):
    r = runner.invoke(app, ["query", "claims", "--db", "mysql://u@localhost/x"])
    assert r.exit_code == 1 and "'mysql' databases are not supported" in r.output


def test_bad_arguments_are_usage_errors_not_tracebacks(store_path):
    r = runner.invoke(app, ["query", "claims", "--concept", "caf\udcff", "--db", str(store_path)])
    assert r.exit_code == 2 and "is not valid UTF-8" in r.output
    r = runner.invoke(app, ["query", "claims", "--limit", "-1", "--db", str(store_path)])
    assert r.exit_code == 2 and "--limit" in r.output
    r = runner.invoke(app, ["extract", "-", "--published", "", "--no-transformer"], input="Acme hired 20 people.")
    assert r.exit_code == 1 and "--published is empty" in r.output


def test_writers_refuse_foreign_and_newer_databases_without_touching_them(tmp_path, store_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = _digest(other)
    r = runner.invoke(app, ["upgrade", "--db", str(other)])
    assert r.exit_code == 1 and "holds tables of another application (t)" in r.output
    assert _digest(other) == before
    con = sqlite3.connect(store_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")  # as a newer newsfacts left it
    con.commit()
    con.close()
    for args in (["upgrade"], ["query", "claims"]):
        r = runner.invoke(app, args + ["--db", str(store_path)])
        assert r.exit_code == 1 and "revision 9999, which this newsfacts does not know" in r.output, r.output


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:", ""])
def test_a_store_is_a_file(url):
    r = runner.invoke(app, ["query", "claims", "--db", url])
    assert r.exit_code == 1 and ("must be a file" in r.output or "--db is empty" in r.output)


def test_export_never_overwrites_its_store(store_path):
    before = _digest(store_path)
    r = runner.invoke(app, ["export", "--db", str(store_path), "-o", str(store_path)])
    assert r.exit_code == 1 and "that is the store itself" in r.output
    assert _digest(store_path) == before


def test_failures_quoting_undecodable_file_names_are_stored(store_path):
    with Store(store_path) as store:
        store.record_failure("in/bad\udcfe.txt", "looks like a binary file")
        assert store.counts()["failed_inputs"] == 1
