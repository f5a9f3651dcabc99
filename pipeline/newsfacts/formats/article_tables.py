"""The three tables of an article, shared by the text and HTML views: entities, dates, claims.

Each table is a title, its columns and a function from a record's item to its row of strings.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple


def fmt_value(v: float) -> str:
    """A claim value for people: thousands separated, whole numbers without decimals,
    others to 4 significant digits ("1,234", "0.1235")."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}"


def change_text(c: Any) -> str:
    """A claim's change in words: "down from 10 to 2 by 80%" ("" without a change)."""
    if c.change is None:
        return ""
    parts = [c.change.direction or ""]
    if c.change.from_value is not None:
        parts.append(f"from {fmt_value(c.change.from_value)}")
    if c.change.to_value is not None:
        parts.append(f"to {fmt_value(c.change.to_value)}")
    if c.change.relative is not None:
        parts.append(f"by {fmt_value(c.change.relative)}%")
    return " ".join(p for p in parts if p)


class TableSpec(NamedTuple):
    """A table of an article: ``title``, ``columns`` and ``row(item) -> tuple of str``."""

    title: str
    columns: tuple[str, ...]
    row: Callable[[Any], tuple[str, ...]]


ENTITIES = TableSpec(
    "People and organisations", ("type", "name", "mentions", "aliases", "roles"),
    lambda e: (e.type, e.name, str(len(e.mentions)), "; ".join(e.aliases), "; ".join(e.roles)))
DATES = TableSpec(
    "Dates", ("text", "type", "value", "mod", "anchor"),
    lambda d: (d.text, d.type, d.value, d.mod or "", d.anchor))
CLAIMS = TableSpec(
    "Numeric claims", ("evidence", "value", "unit", "approx", "change", "concept", "holder", "time"),
    lambda c: (c.evidence, fmt_value(c.value), c.unit, c.approx, change_text(c), c.concept or "",
               c.holder or "", c.time or ""))
