"""Format ``html`` of ``extract``: one standalone page, written when the last article is in.

Each article is drawn with displaCy (manual ``ent`` style) — entities, dates (with their TIMEX3
value) and claims highlighted — followed by the same tables as the text view (every entity,
in record order).
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Optional

from .article_tables import CLAIMS, DATES, ENTITIES, TableSpec
from .base import RecordWriter
from .registry import EXTRACT, register

#: displaCy colours by label; a date label ("DATE 2019-05") takes the DATE colour.
COLOURS = {"PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "DATE": "#bfe1d9", "CLAIM": "#e4e7d2"}
STYLE = ("body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:2px 6px}")


def _displacy_data(facts: Any, text: str) -> dict:
    spans: list[tuple[int, int, str]] = []
    for e in facts.entities:
        for m in e.mentions:
            spans.append((m.start, m.end, e.type))
    for d in facts.dates:
        spans.append((d.start, d.end, f"{d.type} {d.value}"))
    for c in facts.claims:
        spans.append((c.start, c.end, "CLAIM"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept, last_end = [], -1
    for s in spans:  # displaCy's ent style cannot draw overlaps: first, longest wins
        if s[0] >= last_end:
            kept.append(s)
            last_end = s[1]
    return {"text": text, "ents": [{"start": s, "end": e, "label": lab} for s, e, lab in kept], "title": None}


def _html_table(spec: TableSpec, items: Iterable[Any]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in spec.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in spec.row(item)) + "</tr>"
                   for item in items)
    return f"<h3>{html.escape(spec.title)}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(items: list[tuple[Any, str]]) -> str:
    """A standalone HTML page for ``(facts, article text)`` pairs."""
    from spacy import displacy

    colours = dict(COLOURS)
    parts = []
    for facts, text in items:
        data = _displacy_data(facts, text)
        for ent in data["ents"]:
            if ent["label"].startswith(("DATE", "DURATION", "TIME", "SET")):
                colours.setdefault(ent["label"], COLOURS["DATE"])
        body = displacy.render(data, style="ent", manual=True, page=False, options={"colors": colours})
        parts.append(
            f"<article><h2>{html.escape(facts.article.title or facts.article.id)}</h2>{body}"
            + _html_table(ENTITIES, facts.entities) + _html_table(DATES, facts.dates)
            + _html_table(CLAIMS, facts.claims) + "</article>"
        )
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>newsfacts</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")


@register("html", EXTRACT)
class HtmlWriter(RecordWriter):
    """Holds ``(record, text)`` pairs, then writes :func:`to_html` of them."""

    def __init__(self, stream, *, several: bool = True) -> None:
        super().__init__(stream, several=several)
        self.items: list[tuple[Any, str]] = []

    def add(self, record: Any, text: Optional[str] = None) -> None:
        self.items.append((record, text))

    def finish(self) -> None:
        self.stream.write(to_html(self.items))
