"""CLI commands over the knowledge table, registered by :mod:`newsfacts.cli`.

Register them with::

    from .cli_store import batch, export, query_app
    app.command("batch")(batch)
    app.command("export")(export)
    app.add_typer(query_app, name="query")

Every :class:`~newsfacts.errors.NewsfactsError` becomes one line on stderr and exit code 1. A
batch exits 0 even when some articles failed (they are in ``failed_inputs``; the count is
printed).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import formats
from .errors import NewsfactsError

query_app = typer.Typer(help="Query the knowledge table.", no_args_is_help=True)

_FORMATS = ("table", "json")


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn a NewsfactsError into one line on stderr and exit code 1."""
    try:
        yield
    except NewsfactsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)


def _text_option(value: Optional[str]) -> Optional[str]:
    """Refuse an argument the terminal could not decode (not valid UTF-8: Python keeps its bytes
    as lone surrogates, which no database or JSON can hold)."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise typer.BadParameter(f"{value.encode('utf-8', 'surrogateescape')!r} is not valid UTF-8") from None
    return value


def _check_format(fmt: str, allowed=_FORMATS) -> str:
    fmt = fmt.lower()
    if fmt not in allowed:
        typer.echo(f"error: unknown format {fmt!r}: use {', '.join(allowed)}", err=True)
        raise typer.Exit(1)
    return fmt


def _dump(obj) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def batch(
    paths: List[Path] = typer.Argument(..., help="Input files or folders (.jsonl .json .txt .html)."),
    db: str = typer.Option("newsfacts.db", "--db", help="Store: a path, sqlite:///... or postgresql://..."),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes (one thread each)."),
    engine: str = typer.Option("local", "--engine", help="local (processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    no_transformer: bool = typer.Option(False, "--no-transformer", help="Run spaCy's NER alone."),
    ner_model: Optional[str] = typer.Option(None, "--ner-model", help="Transformer NER model folder."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="Stop after this many input items."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
    json_summary: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Process a corpus into the knowledge table: incremental, resumable, parallel."""
    from .batch import run_batch
    from .config import Settings

    with _user_errors():
        settings = Settings.from_env(use_transformer=False if no_transformer else None, ner_model=ner_model)
        summary = run_batch([str(p) for p in paths], db, workers=workers, engine=engine, scheduler=scheduler,
                            settings=settings, progress=progress and sys.stderr.isatty(), limit=limit)
    if json_summary:
        _dump(summary.as_dict())
    else:
        console = _console()
        console.print(summary.table())
        if summary.failed:
            console.print(f"{summary.failed} input(s) failed; they are recorded in failed_inputs:")
            for origin, reason in summary.failures[:20]:
                console.print(f"  {origin}: {reason}", markup=False, highlight=False)
            if summary.failed > 20:
                console.print(f"  ... and {summary.failed - 20} more")


@query_app.command("entity")
def query_entity(
    name: str = typer.Argument(..., help="Entity name or alias.", callback=_text_option),
    db: str = typer.Option("newsfacts.db", "--db", help="Store: a path, sqlite:///... or postgresql://..."),
    type: Optional[str] = typer.Option(None, "--type", help="Entity type (PERSON, ORG, GPE, ...).",
                                       callback=_text_option),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Show a canonical entity: aliases, articles, and the claims and dates in sentences that mention it."""
    from .store import Store

    fmt = _check_format(fmt)
    with _user_errors():
        with Store(db, read_only=True) as store:
            info = store.query_entity(name, type=type)
    if fmt == "json":
        _dump(info)
        return
    _print_entity(info, _console())


def _console() -> Console:
    """A console on stdout; 160 columns wide on a pipe or file."""
    return Console(width=None if sys.stdout.isatty() else 160)


def _print_entity(info: dict, console: Console) -> None:
    """The table view of ``query entity``: a header, aliases, roles, affiliations, then tables."""
    console.print(f"[bold]{info['name']}[/bold] ({info['type']}, entity {info['id']}, "
                  f"{info['mentions']} mentions in {len(info['articles'])} articles)")
    if info["aliases"]:
        console.print("aliases: " + "; ".join(info["aliases"]), markup=False)
    if info["roles"]:
        console.print("roles: " + "; ".join(info["roles"]), markup=False)
    if info["affiliations"]:
        console.print("affiliations: " + _entity_list(info["affiliations"]), markup=False)
    console.print(_articles_table(info["articles"]))
    if info["claims"]:
        console.print(_claims_table(info["claims"], "claims in sentences mentioning it"))
    if info["affiliation_claims"]:
        names = ", ".join(o["name"] for o in info["affiliations"])
        console.print(_claims_table(info["affiliation_claims"], f"claims of its organisation ({names})"))
    if info["dates"]:
        console.print(_dates_table(info["dates"]))
    if info["other_matches"]:
        console.print("also named so: " + _entity_list(info["other_matches"]), markup=False)


def _entity_list(found: list[dict]) -> str:
    return "; ".join(f"{m['name']} ({m['type']}, entity {m['id']})" for m in found)


def _articles_table(articles: list[dict]) -> Table:
    t = Table(title="articles")
    for col in ("id", "published", "title"):
        t.add_column(col)
    for a in articles:
        published = str(a["published"] or "")
        if published and a.get("published_precision") == "year":  # inferred: only the year is known
            published = published[:4] + " (inferred)"
        t.add_row(a["id"], published, a["title"] or "")
    return t


def _dates_table(dates: list[dict]) -> Table:
    t = Table(title="dates in sentences mentioning it")
    for col in ("article", "text", "type", "value", "mod"):
        t.add_column(col)
    for d in dates:
        t.add_row(d["article_id"], d["text"], d["type"], d["value"], d["mod"] or "")
    return t


def _claims_table(claims: list[dict], title: str) -> Table:
    t = Table(title=title)
    for col in ("article", "quantity", "value", "unit", "concept", "time", "change"):
        t.add_column(col)
    for c in claims:
        ch = c.get("change") or {}
        change = " ".join(str(x) for x in (ch.get("direction"), ch.get("relative") and f"{ch['relative']}%") if x)
        value = f"{c['value']:g}" + (f"-{c['value_max']:g}" if c.get("value_max") is not None else "")
        t.add_row(c["article_id"], c["text"], value, c["unit"], c.get("concept") or "", c.get("time") or "", change)
    return t


@query_app.command("claims")
def query_claims(
    concept: Optional[str] = typer.Option(None, "--concept", help="Text the claim's concept contains.",
                                          callback=_text_option),
    since: Optional[str] = typer.Option(None, "--since", help="Claims about this date (YYYY-MM-DD) or later."),
    db: str = typer.Option("newsfacts.db", "--db", help="Store: a path, sqlite:///... or postgresql://..."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="At most this many claims."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List numeric claims, filtered by concept and time."""
    from .store import Store

    fmt = _check_format(fmt)
    since_date = None
    if since:
        try:
            since_date = dt.date.fromisoformat(since)
        except ValueError:
            typer.echo(f"error: --since {since!r} is not a date in YYYY-MM-DD form", err=True)
            raise typer.Exit(1)
    with _user_errors():
        with Store(db, read_only=True) as store:
            rows = store.query_claims(concept, since_date, limit=limit)
    if fmt == "json":
        _dump(rows)
    else:
        _console().print(_claims_table(rows, f"{len(rows)} claims"))


def export(
    db: str = typer.Option("newsfacts.db", "--db", help="Store: a path, sqlite:///... or postgresql://..."),
    fmt: str = typer.Option("jsonl", "--format", help=formats.describe(formats.EXPORT) + "."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file (jsonl) or folder (csv, parquet)."),
) -> None:
    """Export the knowledge table."""
    from .store import Store

    fmt = _check_format(fmt, formats.names(formats.EXPORT))
    with _user_errors():
        with Store(db, read_only=True) as store:
            counts = store.export(fmt, out)
    typer.echo(", ".join(f"{k}: {v}" for k, v in counts.items()) + f" -> {out}", err=True)


def upgrade(
    db: str = typer.Option("newsfacts.db", "--db", help="Store: a path, sqlite:///... or postgresql://..."),
) -> None:
    """Upgrade a store written by an older newsfacts to this version's schema (the read commands
    never change a store; batch upgrades it too)."""
    from .store import Store

    with _user_errors():
        with Store(db, must_exist=True) as store:
            revision = store.schema_revision()
    typer.echo(f"{db}: schema at revision {revision}", err=True)
