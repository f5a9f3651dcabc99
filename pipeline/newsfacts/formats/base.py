"""The two kinds of writer: article records into one stream, and tables into a folder.

:class:`RecordWriter`
    ``writer = Cls(stream, several=...)``, then ``writer.add(record, text)`` for each article in
    order, then ``writer.finish()``. ``record`` is a pydantic model (an
    :class:`~newsfacts.records.ArticleFacts` from ``extract``, an
    :class:`~newsfacts.records.ExportedArticle` from ``export``); ``text`` the article text
    when known. A record writer writes a file of articles for ``export`` too
    (:meth:`RecordWriter.export`).
:class:`TableWriter`
    ``export`` only: one file per table in a folder (:meth:`TableWriter.export`).

An export ``source`` is a :class:`~newsfacts.store.export.ExportSource`: ``source.articles()``
yields records, ``source.tables()`` ``(name, columns, rows)``.
"""

from __future__ import annotations

import os

import importlib
from pathlib import Path
from typing import Any, ClassVar, Optional, TextIO


class Writer:
    """What every writer has: its registered ``name``, a ``label`` for ``--help``, and the
    packages it needs beyond the project's dependencies (``needs``: ``(module, pip package)``)."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    needs: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def missing(cls) -> Optional[str]:
        """None when the writer can run, else a message naming the package to install."""
        for module, package in cls.needs:
            try:
                importlib.import_module(module)
            except ImportError:
                return f"{cls.name} export needs the {package} package: pip install {package}"
        return None


class RecordWriter(Writer):
    """Writes article records, in order, to one text stream (see the module docstring)."""

    def __init__(self, stream: TextIO, *, several: bool = True) -> None:
        self.stream = stream
        self.several = several  # False: the command had exactly one input

    def add(self, record: Any, text: Optional[str] = None) -> None:
        """Write (or hold) one article's record."""
        raise NotImplementedError

    def finish(self) -> None:
        """Write what was held back; called once, after the last :meth:`add`."""

    @classmethod
    def export(cls, source: Any, out: Path) -> dict[str, int]:
        """Write every article of ``source`` to the file ``out``; returns ``{"articles": n}``.

        Raises:
            OSError: the file cannot be written.
        """
        n = 0
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")  # renamed over ``out`` when complete
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                writer = cls(fh)
                for record in source.articles():
                    writer.add(record)
                    n += 1
                writer.finish()
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        return {"articles": n}


class TableWriter(Writer):
    """Writes tables into a folder, one ``<table><suffix>`` file each (``export`` only)."""

    suffix: ClassVar[str] = ""

    @classmethod
    def write_table(cls, path: Path, columns: list[str], rows: list[tuple]) -> None:
        """Write one table (``rows`` hold plain values: text, numbers, None)."""
        raise NotImplementedError

    @classmethod
    def export(cls, source: Any, out: Path) -> dict[str, int]:
        """Write every table of ``source`` into the folder ``out`` (created); returns ``{table: rows}``.

        Raises:
            OSError: the folder or a file cannot be written.
        """
        out.mkdir(parents=True, exist_ok=True)
        counts = {}
        for name, columns, rows in source.tables():
            counts[name] = len(rows)
            cls.write_table(out / f"{name}{cls.suffix}", columns, rows)
        return counts
