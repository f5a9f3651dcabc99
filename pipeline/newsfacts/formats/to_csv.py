"""Format ``csv`` of ``export``: a folder with one CSV file per table (``articles.csv``, ...).

A header row of column names, then the rows by primary key (Python's ``csv`` module, default
dialect: comma, ``\\r\\n`` line ends, quotes where needed); None is an empty cell.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .base import TableWriter
from .registry import EXPORT, register


@register("csv", EXPORT)
class CsvWriter(TableWriter):
    """Writes ``<table>.csv`` files."""

    label = "csv (a folder, a file per table)"
    suffix = ".csv"

    @classmethod
    def write_table(cls, path: Path, columns: list[str], rows: list[tuple]) -> None:
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(columns)
            w.writerows(rows)
