"""Post-passes over neighbouring claims (token-level :class:`~.model.Draft` objects in order):
one claim restates or continues the one before it.

``POST_PASSES`` run in order: ``restated_change`` ("rose $5 million, or 3%"),
``amount_then_new_value`` ("decreased $1.2 million to $23.5 million"),
``conversion_shares_approx`` ("more than 9 million Danish crowns (US $1.3 million)"). After the
holders are found, :func:`conversion_shares_holder` gives a bracketed conversion the holder of
the quantity it restates.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc

from ...facts import Change
from .model import Draft
from .registry import Registry

PostPass = Callable[[Doc, list[Draft]], None]
#: The post-passes in the order they run: (name, pass).
POST_PASSES = Registry("post-pass")
#: Register a post-pass under a name (decorator); passes run in definition order.
post_pass = POST_PASSES.rule

_OR = re.compile(r",?\s*or")
_COMMA_OR = re.compile(r",\s*or")


def between(doc: Doc, end: int, start: int) -> str:
    """The text from the end of token ``end - 1`` to the start of token ``start`` (whitespace
    included; empty when ``start`` comes first): what stands between two claims. ``end`` is a
    claim's exclusive end token, so at least 1."""
    if start < end:
        return ""
    return doc[end - 1].whitespace_ + "".join(t.text_with_ws for t in doc[end:start])


def _amount_change(change: Optional[Change]) -> bool:
    """A change stated as an amount: a direction and no from/to level ("rose $5 million")."""
    return change is not None and change.direction is not None and change.to_value is None \
        and change.from_value is None


@post_pass("restated_change")
def restated_change(doc: Doc, drafts: list[Draft]) -> None:
    """"rose $5 million, or 3%", "grew by 48,300 jobs or 1.7 per cent": a change
    restated after "or" in another unit is the same change (its direction; a percentage is
    the relative change). ("to 5 million, or 3%" restates a level, not a change.)"""
    for prev, cur in zip(drafts, drafts[1:]):
        if not _amount_change(prev.change) or cur.change is not None or cur.unit == prev.unit:
            continue
        end = prev.ev_end if prev.ev_end <= cur.start else prev.end
        if _OR.fullmatch(between(doc, end, cur.start).strip()):
            cur.change = Change(direction=prev.change.direction,
                                relative=cur.value if cur.unit == "percent" else None)


@post_pass("amount_then_new_value")
def amount_then_new_value(doc: Doc, drafts: list[Draft]) -> None:
    """"decreased $1.2 million to $23.5 million": the second claim is the new value.

    When a change amount is followed by "to" and another quantity, that quantity gets the
    change's direction and ``to_value``; with the same (non-percent) unit, ``from_value`` is
    the new value minus/plus the amount. A bare new value takes the amount's unit when that
    is a measure, currency or points ("gained 37.5 points to 7,912.40": an index level).
    """
    for k, (prev, cur) in enumerate(zip(drafts, drafts[1:])):
        pc = prev.change
        if not _amount_change(pc) or between(doc, prev.end, cur.start).strip(" ,").lower() != "to":
            continue
        amount = prev
        if prev.unit == "percent" and k > 0 and _COMMA_OR.fullmatch(between(doc, drafts[k - 1].end, prev.start).strip()):
            amount = drafts[k - 1]  # "rose 12.3 points, or 0.2%, to 5,210": the level is in points
        if cur.unit == "count" and amount.unit not in _NOT_LEVEL_UNITS and _bare(doc, cur):
            cur.unit = amount.unit
        if cur.change is not None and cur.change.to_value is not None:
            continue
        frm = None
        if cur.unit == prev.unit and cur.unit not in ("percent", "percentage_point"):
            frm = cur.value + prev.value if pc.direction == "down" else cur.value - prev.value
        cur.change = Change(direction=pc.direction, from_value=frm, to_value=cur.value)


#: Units of an amount that a bare new value does not take (a count, a share, a multiple).
_NOT_LEVEL_UNITS = ("count", "fraction", "percent", "percentage_point", "times", "basis_point")


def _bare(doc: Doc, d: Draft) -> bool:
    """No noun or adjective follows the claim (a bare number, not "5,000 new jobs")."""
    return d.end >= len(doc) or doc[d.end].pos_ not in ("NOUN", "PROPN", "ADJ")


@post_pass("conversion_shares_approx")
def conversion_shares_approx(doc: Doc, drafts: list[Draft]) -> None:
    """"more than 9 million Danish crowns (US $1.3 million)", "just under 250 hp (186 kW /
    253 PS)": a conversion in parentheses right after a quantity restates it, so it takes the
    quantity's approximation when it has none of its own, the direction of a change amount,
    and the two share a concept when only one has one (news style: conversions are given
    in brackets, CQE/NewsQuant annotate both with the same bound)."""
    inherited = False
    for prev, cur in zip(drafts, drafts[1:]):
        gap = between(doc, prev.end, cur.start).strip()
        if not (gap == "(" or (gap == "/" and inherited)):
            inherited = False
            continue
        if cur.approx == "exact" and prev.approx != "exact":
            cur.approx = prev.approx
        if cur.change is None and _amount_change(prev.change) and cur.unit != "percent":
            cur.change = Change(direction=prev.change.direction)  # "fell by 1 to 1.5 C (1.8 to 2.7 F)"
            cur.ev_start = min(cur.ev_start, prev.ev_start)  # the phrase that states the change
        _share_concept(prev, cur)
        inherited = True


def _share_concept(prev: Draft, cur: Draft) -> None:
    """The same amount is of the same thing: "5 miles (8 kilometers) of new rail lines" (not
    for counts)."""
    if cur.unit == "count" or prev.unit == "count":
        return
    if cur.concept is None and prev.concept is not None:
        cur.concept = prev.concept
    elif prev.concept is None and cur.concept is not None:
        prev.concept = cur.concept


def conversion_shares_holder(doc: Doc, drafts: list[Draft]) -> None:
    """A conversion in brackets restates the quantity before it: the same holder."""
    for prev, cur in zip(drafts, drafts[1:]):
        if between(doc, prev.end, cur.start).strip() == "(" and prev.holder is not None:
            cur.holder = prev.holder
