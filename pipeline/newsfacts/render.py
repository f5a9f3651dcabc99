"""Human-readable views of :class:`~newsfacts.records.ArticleFacts`: rich tables and HTML.

The HTML view draws the article with displaCy (manual ``ent`` style) — entities, dates (with
their TIMEX3 value) and claims highlighted — followed by the same tables as the terminal view.
"""

from __future__ import annotations

import html
from typing import Iterable

from rich.console import Console
from rich.table import Table

from .records import ArticleFacts

_COLOURS = {"PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "DATE": "#bfe1d9", "CLAIM": "#e4e7d2"}


def _fmt_value(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}"


def _change_text(c) -> str:
    if c.change is None:
        return ""
    parts = [c.change.direction or ""]
    if c.change.from_value is not None:
        parts.append(f"from {_fmt_value(c.change.from_value)}")
    if c.change.to_value is not None:
        parts.append(f"to {_fmt_value(c.change.to_value)}")
    if c.change.relative is not None:
        parts.append(f"by {_fmt_value(c.change.relative)}%")
    return " ".join(p for p in parts if p)


def tables(facts: ArticleFacts) -> list[Table]:
    """Three rich tables: entities (with mention counts and roles), dates, numeric claims."""
    ents = Table(title="People and organisations", show_lines=False)
    for col in ("type", "name", "mentions", "aliases", "roles"):
        ents.add_column(col)
    for e in sorted(facts.entities, key=lambda e: (e.type, -len(e.mentions))):
        if e.type in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
            ents.add_row(e.type, e.name, str(len(e.mentions)), "; ".join(e.aliases), "; ".join(e.roles))
    dates = Table(title="Dates")
    for col in ("text", "type", "value", "mod", "anchor"):
        dates.add_column(col)
    for d in facts.dates:
        dates.add_row(d.text, d.type, d.value, d.mod or "", d.anchor)
    claims = Table(title="Numeric claims")
    for col in ("evidence", "value", "unit", "approx", "change", "concept", "holder", "time"):
        claims.add_column(col)
    for c in facts.claims:
        claims.add_row(c.evidence, _fmt_value(c.value), c.unit, c.approx, _change_text(c), c.concept or "",
                       c.holder or "", c.time or "")
    return [ents, dates, claims]


def print_report(facts: ArticleFacts, console: Console) -> None:
    """Print the article header and the three tables to ``console``."""
    a = facts.article
    pub = a.published.isoformat() if a.published else "unknown"
    if a.published and a.published_inferred:
        pub = f"{a.published.year} (inferred from the text)" if a.published_precision == "year" else f"{pub} (inferred)"
    console.print(f"[bold]{a.title or a.id}[/bold]  id={a.id}  published={pub}")
    for t in tables(facts):
        console.print(t)


def _displacy_data(facts: ArticleFacts, text: str) -> dict:
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


def _html_table(title: str, header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<h3>{html.escape(title)}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(items: list[tuple[ArticleFacts, str]]) -> str:
    """A standalone HTML page for ``(facts, article text)`` pairs."""
    from spacy import displacy

    colours = dict(_COLOURS)
    parts = []
    for facts, text in items:
        data = _displacy_data(facts, text)
        for ent in data["ents"]:
            if ent["label"].startswith(("DATE", "DURATION", "TIME", "SET")):
                colours.setdefault(ent["label"], _COLOURS["DATE"])
        body = displacy.render(data, style="ent", manual=True, page=False, options={"colors": colours})
        t_ent, t_date, t_claim = tables(facts)
        parts.append(
            f"<article><h2>{html.escape(facts.article.title or facts.article.id)}</h2>{body}"
            + _html_table("People and organisations", ["type", "name", "mentions", "aliases", "roles"],
                          [(e.type, e.name, len(e.mentions), "; ".join(e.aliases), "; ".join(e.roles)) for e in facts.entities])
            + _html_table("Dates", ["text", "type", "value", "mod", "anchor"],
                          [(d.text, d.type, d.value, d.mod or "", d.anchor) for d in facts.dates])
            + _html_table("Numeric claims", ["evidence", "value", "unit", "approx", "change", "concept", "holder", "time"],
                          [(c.evidence, _fmt_value(c.value), c.unit, c.approx, _change_text(c), c.concept or "",
                            c.holder or "", c.time or "") for c in facts.claims])
            + "</article>"
        )
    style = "body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>newsfacts</title><style>{style}</style></head><body>{''.join(parts)}</body></html>"
