"""Format ``jsonl`` of ``extract`` and ``export``: one article a line, as it comes.

Each line is the record's pydantic JSON (``model_dump_json``; ``None`` fields kept as
``null``), flushed at once so that a reader of a pipe gets each article when it is done.
"""

from __future__ import annotations

from typing import Any, Optional

from .base import RecordWriter
from .registry import EXPORT, EXTRACT, register


@register("jsonl", EXTRACT, EXPORT)
class JsonlWriter(RecordWriter):
    """Writes each record on its own line."""

    label = "jsonl (one article a line)"

    def add(self, record: Any, text: Optional[str] = None) -> None:
        self.stream.write(record.model_dump_json(exclude_none=False) + "\n")
        self.stream.flush()
