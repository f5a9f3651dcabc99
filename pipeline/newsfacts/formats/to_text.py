"""Format ``text`` of ``extract``: a header line and three rich tables per article.

On a terminal the tables take its width; on a pipe or file they are 160 columns wide, so that
names are not wrapped inside table cells.
"""

from __future__ import annotations

from typing import Any, Optional, TextIO

from rich.console import Console
from rich.table import Table

from .article_tables import CLAIMS, DATES, ENTITIES, TableSpec
from .base import RecordWriter
from .registry import EXTRACT, register

#: Entity types the text view lists (names of people, organisations and places).
SHOWN_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Console width on a pipe or file.
FILE_WIDTH = 160


def _table(spec: TableSpec, items) -> Table:
    t = Table(title=spec.title)
    for col in spec.columns:
        t.add_column(col)
    for item in items:
        t.add_row(*spec.row(item))
    return t


def tables(facts: Any) -> list[Table]:
    """Three rich tables: entities (``SHOWN_ENTITY_TYPES``, by type, most mentioned first, with
    mention counts and roles), dates, numeric claims."""
    ents = [e for e in sorted(facts.entities, key=lambda e: (e.type, -len(e.mentions)))
            if e.type in SHOWN_ENTITY_TYPES]
    return [_table(ENTITIES, ents), _table(DATES, facts.dates), _table(CLAIMS, facts.claims)]


def print_report(facts: Any, console: Console) -> None:
    """Print the article header and the three tables to ``console``."""
    a = facts.article
    pub = a.published.isoformat() if a.published else "unknown"
    if a.published and a.published_inferred:
        pub = f"{a.published.year} (inferred from the text)" if a.published_precision == "year" else f"{pub} (inferred)"
    console.print(f"[bold]{a.title or a.id}[/bold]  id={a.id}  published={pub}")
    for t in tables(facts):
        console.print(t)


@register("text", EXTRACT)
class TextWriter(RecordWriter):
    """Prints each article as it comes (:func:`print_report`)."""

    label = "text (tables)"

    def __init__(self, stream: TextIO, *, several: bool = True) -> None:
        super().__init__(stream, several=several)
        self.console = Console(file=stream, width=None if stream.isatty() else FILE_WIDTH)

    def add(self, record: Any, text: Optional[str] = None) -> None:
        print_report(record, self.console)
