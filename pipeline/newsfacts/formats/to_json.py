"""Format ``json`` of ``extract``: one indented JSON document, written when the last article is in.

One object for a single input, a list for several (even when some of them failed). Non-ASCII
characters are written as they are.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from .base import RecordWriter
from .registry import EXTRACT, register


@register("json", EXTRACT)
class JsonWriter(RecordWriter):
    """Holds the records, then writes them as one JSON value."""

    def __init__(self, stream, *, several: bool = True) -> None:
        super().__init__(stream, several=several)
        self.docs: list = []

    def add(self, record: Any, text: Optional[str] = None) -> None:
        self.docs.append(json.loads(record.model_dump_json()))

    def finish(self) -> None:
        json.dump(self.docs if self.several else self.docs[0], self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
