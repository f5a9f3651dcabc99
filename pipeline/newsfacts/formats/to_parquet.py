"""Format ``parquet`` of ``export``: a folder with one Parquet file per table (needs pyarrow).

Column types are those pyarrow infers from the values (dates and times are ISO text).
"""

from __future__ import annotations

from pathlib import Path

from .base import TableWriter
from .registry import EXPORT, register


@register("parquet", EXPORT)
class ParquetWriter(TableWriter):
    """Writes ``<table>.parquet`` files with pyarrow."""

    label = "parquet (a folder, a file per table)"
    suffix = ".parquet"
    needs = (("pyarrow", "pyarrow"), ("pyarrow.parquet", "pyarrow"))

    @classmethod
    def write_table(cls, path: Path, columns: list[str], rows: list[tuple]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)}), path)
