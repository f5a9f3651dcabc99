"""Quantities read together: shared units, ranges, from/to pairs, scores.

Three passes over the quantities of a document, in token order:

- :func:`share_pair_units` (before the exclusions): the first of two numbers joined by
  "to"/"or"/"and"/"-" takes the second's time unit, currency or suspended-hyphen unit ("three
  or four years", "about 8 or $9", "a 13- or 15-inch laptop");
- :func:`join` (after the exclusions): neighbours become one quantity by the first rule of
  ``JOINS`` that applies: ``from_to`` ("from 50,000 to 1.2 million": a change when a change word
  governs it, else a range), ``to_from`` ("fell to 1,100 lots from 1,400 lots"), ``score``
  ("2-2", "5-3": dropped), ``range`` ("252 to 287", "252-287", "between 252 and 287", "four to
  five thousand": a scale word after the second number is shared when the first is smaller);
- :func:`share_units` (after joining): a bare number in a parallel clause takes the unit of the
  quantity it parallels ("Nikkei rose by 3 percent but the Kospi slid by 2").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc

from ...facts import Change
from ...lexicon.en.calendar import TIME_UNITS
from ...lexicon.en.cues import CLAUSE_BREAKS, PARALLEL_CONNECTORS, RANGE_CONNECTORS, SHARED_UNIT_CONNECTORS
from .model import Quantity
from .registry import Registry
from .syntax import anchor, change_direction, clause_verb, direction, governor

_TIME_UNIT_CONNECTORS = SHARED_UNIT_CONNECTORS + (("-",),)
_SUSPENDED_CONNECTORS = tuple(("-",) + c for c in SHARED_UNIT_CONNECTORS)


def _words_between(doc: Doc, a: Quantity, b: Quantity) -> tuple[str, ...]:
    """The lower-cased tokens from the end of ``a`` to the cue of ``b``."""
    return tuple(t.lower_ for t in doc[a.end : b.cue_start])


def share_pair_units(doc: Doc, qs: list[Quantity]) -> None:
    """The first of two joined numbers takes the second's unit: its time unit ("three or four
    years", "seven to 10 years", "45 to 55 hours a week"), its currency ("about 8 or $9",
    "between 40 and 50 euros"), or the unit after a suspended hyphen ("a 13- or 15-inch laptop",
    "10- to 12-metre waves")."""
    for a, b in zip(qs, qs[1:]):
        if a.unit is not None:
            continue
        between = _words_between(doc, a, b)
        if b.unit is not None and b.unit.split("/")[0] in TIME_UNITS and between in _TIME_UNIT_CONNECTORS:
            a.unit = b.unit
        elif b.currency is not None and not b.has_scale and not a.has_scale \
                and between in SHARED_UNIT_CONNECTORS and not a.is_words:
            a.unit, a.currency = b.unit, b.currency
        elif _suspended_hyphen(doc, a, b, between):
            a.unit = b.unit


def _suspended_hyphen(doc: Doc, a: Quantity, b: Quantity, between: tuple[str, ...]) -> bool:
    """"a 13- or 15-inch laptop": the second number's unit is hyphenated to it and the first
    number ends in (or is followed by) a hyphen."""
    return b.unit is not None and b.currency is None and not b.is_words \
        and (between in _SUSPENDED_CONNECTORS
             or between in SHARED_UNIT_CONNECTORS and doc[a.num_end - 1].text.endswith("-")) \
        and b.end - b.num_end >= 2 and doc[b.num_end].text == "-"


@dataclass
class Neighbours:
    """Two consecutive quantities and what lies between them (for the ``JOINS`` rules)."""

    doc: Doc
    a: Quantity
    b: Quantity
    between: tuple[str, ...]  # lower-cased tokens from a's end to b's cue
    before: str  # the lower-cased token before a's cue ("" at the start)
    same_sentence: bool
    units_ok: bool  # the units agree, one is missing, or one is the other per something


Join = Callable[[Neighbours], Optional[list[Quantity]]]
#: The join rules in the order they are tried: (name, rule); the first that returns wins.
JOINS = Registry("join")
#: Register a join rule under a name (decorator); rules are tried in definition order.
joiner = JOINS.rule


def _neighbours(doc: Doc, a: Quantity, b: Quantity) -> Neighbours:
    units_ok = a.unit == b.unit or a.unit is None or b.unit is None or (
        b.unit.startswith(a.unit + "/")) or a.unit.startswith(b.unit + "/")
    return Neighbours(doc=doc, a=a, b=b, between=_words_between(doc, a, b),
                      before=doc[a.cue_start - 1].lower_ if a.cue_start > 0 else "",
                      same_sentence=doc[a.start].sent.start == doc[b.start].sent.start, units_ok=units_ok)


def join(doc: Doc, qs: list[Quantity]) -> list[Quantity]:
    """Join neighbouring quantities by the first rule of ``JOINS`` that applies (see the
    module docstring); a joined pair is not joined again with the next quantity."""
    out: list[Quantity] = []
    k = 0
    while k < len(qs):
        a = qs[k]
        if k + 1 < len(qs) and not a.drop:
            n = _neighbours(doc, a, qs[k + 1])
            joined = next((got for _, rule in JOINS if (got := rule(n)) is not None), None)
            if joined is not None:
                out.extend(joined)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def clause_break(doc: Doc, i: int, j: int) -> bool:
    """True when tokens i..j cross into another clause ("1,500 lots last week, while
    open positions slipped to 900"): a semicolon, a subordinating or contrasting
    conjunction, or a comma followed by a verb."""
    toks = doc[i:j]
    if any(t.lower_ in CLAUSE_BREAKS for t in toks):
        return True
    commas = [t.i for t in toks if t.text == ","]
    return bool(commas) and any(t.pos_ in ("VERB", "AUX") for t in doc[commas[0]:j])


@joiner("from_to")
def from_to(n: Neighbours) -> Optional[list[Quantity]]:
    """"from X ... to Y" in one clause (at most 12 tokens between, not "to Y from Z"): one
    quantity (:func:`pair`)."""
    doc, a, b, between = n.doc, n.a, n.b, n.between
    if n.same_sentence and n.before == "from" and between and between[-1] == "to" \
            and len(between) <= 12 and n.units_ok and not clause_break(doc, a.end, b.cue_start) \
            and not (b.end < len(doc) and doc[b.end].lower_ == "from"):
        return [pair(doc, a, b)]
    return None


@joiner("to_from")
def to_from(n: Neighbours) -> Optional[list[Quantity]]:
    """"to Y from X" ("fell to 1,100 lots from 1,400 lots": the counted noun may stand between)."""
    doc, a, b, between = n.doc, n.a, n.b, n.between
    noun_between = len(between) == 2 and between[1] == "from" and doc[a.end].tag_ == "NNS" and (
        b.end >= len(doc) or doc[b.end].tag_ != "NNS" or doc[b.end].lemma_ == doc[a.end].lemma_)
    if n.same_sentence and n.before == "to" and (between == ("from",) or noun_between) and n.units_ok:
        return [pair(doc, b, a, to_first=True)]
    return None


def _range_like(n: Neighbours) -> bool:
    """Joined by "to", "-", "–", "between … and" or "or" (with a written number), units agreeing,
    and not an amount and new value ("rose 5% to 20%")."""
    between = n.between
    if not (between in RANGE_CONNECTORS and n.units_ok):
        return False
    if between == ("and",) and n.before != "between":
        return False
    if between == ("or",) and not (n.a.is_words or n.b.is_words):
        return False
    if between == ("to",) and change_direction(n.doc, n.a) and governor(anchor(n.doc, n.a))[1] in (None, "by"):
        return False  # "rose 5% to 20%": amount and new value
    return True


@joiner("score")
def score(n: Neighbours) -> Optional[list[Quantity]]:
    """A sports score: two bare numbers joined by "-", the first not smaller ("2-2", "5-3"):
    both are dropped."""
    a, b = n.a, n.b
    if n.between == ("-",) and _range_like(n) and a.unit is None and b.unit is None and a.value >= b.value:
        a.drop = b.drop = True
        return [a, b]
    return None


@joiner("range")
def range_(n: Neighbours) -> Optional[list[Quantity]]:
    """A range: "252 to 287", "252-287", "between 252 and 287", "two or three" (:func:`make_range`)."""
    return [make_range(n.a, n.b)] if _range_like(n) else None


def share_scale(a: Quantity, b: Quantity) -> float:
    """Value of ``a`` with ``b``'s scale when only ``b`` has one ("four to five thousand")."""
    if b.has_scale and not a.has_scale and not a.unit and b.unit in (None, a.unit) or (
        b.has_scale and not a.has_scale and a.currency and a.currency == b.currency
    ):
        raw_b = b.value
        # recover b's scale: the smallest power 10^3k making b's raw value < 1000
        for mult in (1e12, 1e9, 1e6, 1e3, 1e2):
            if raw_b / mult >= 1 or mult == 1e2:
                if a.value < raw_b / mult:
                    return a.value * mult
                break
    return a.value


def make_range(a: Quantity, b: Quantity) -> Quantity:
    """One quantity from ``a`` to ``b``: ``value`` the lower end (with ``b``'s scale when only
    ``b`` has one), ``value_max`` the upper; the unit of either ("$62 and $68 per share")."""
    lo = share_scale(a, b)
    unit = a.unit or b.unit
    if a.unit and b.unit and b.unit.startswith(a.unit + "/"):
        unit = b.unit  # "$62 and $68 per share"
    r = Quantity(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end,
                 value=lo, unit=unit, currency=a.currency or b.currency, value_max=b.value,
                 approx=a.approx, cue_start=a.cue_start, digits=a.digits,
                 has_scale=a.has_scale or b.has_scale, is_words=a.is_words)
    r.integer_text = a.integer_text and b.integer_text
    return r


def _pair_direction(doc: Doc, f: Quantity, t: Quantity, fv: float, to_first: bool) -> Optional[str]:
    """The direction of a from/to pair: from a change word governing either number, else from
    the values when the clause verb is a change verb ("Sales jumped from 50,000 to 1.2 million
    units") or the pair is written "to Y from X"; None (a range) otherwise."""
    d = change_direction(doc, f) or change_direction(doc, t)
    if d is None:
        v = clause_verb(anchor(doc, f))
        if v is not None and v.pos_ == "VERB" and direction(v):
            d = "down" if t.value < fv else "up"
    if d is None and to_first:
        d = "down" if t.value < fv else "up"
    return d


def pair(doc: Doc, f: Quantity, t: Quantity, to_first: bool = False) -> Quantity:
    """Merge "from F ... to T" into one quantity: a change when a change word governs, else a range."""
    first, last = (t, f) if to_first else (f, t)
    fv = share_scale(f, t) if not to_first else f.value
    unit = t.unit or f.unit
    if f.unit and t.unit and f.unit.startswith(t.unit + "/"):
        unit = f.unit  # "from $26 per unit to $20"
    d = _pair_direction(doc, f, t, fv, to_first)
    if d is None:
        # no change word: "Condos from $450,000 to $2 million" is a range
        return make_range(f, t)
    q = Quantity(start=first.start, end=last.end, num_start=first.num_start,
                 num_end=last.num_end, value=t.value, unit=unit,
                 currency=t.currency or f.currency, approx=t.approx, cue_start=first.cue_start,
                 digits=t.digits, has_scale=t.has_scale, is_words=t.is_words)
    q.integer_text = t.integer_text and f.integer_text
    q.change = Change(direction=d, from_value=fv, to_value=t.value)
    if not to_first and unit is None and f.end < len(doc) and doc[f.end].tag_ == "NNS" \
            and not (t.end < len(doc) and doc[t.end].tag_ == "NNS"):
        q.noun_hint = f.end
    return q


def share_units(doc: Doc, qs: list[Quantity]) -> None:
    """A bare number in a parallel clause takes the unit of the quantity it parallels: "Nikkei
    rose by 3 percent but the Kospi slid by 2", "finished at 1,812.40 points, while the
    TA-90 finished at 1,655.09". The earlier quantity must be in the same sentence, at most 25
    tokens before, hang on the same preposition (or none), and a coordinator or contrast word
    ("and", "but", "while", "whereas", "versus", "than", ";") must stand between them. This
    is the shared-unit rule of rule-based quantity extractors (cf. CQE, Almasian et al. 2023,
    which also compares clause structure); a number with its own counted noun keeps it."""
    for k, b in enumerate(qs):
        if b.unit is not None or b.is_words or b.value_max is not None or b.change is not None:
            continue
        if _counts_own_noun(doc, b):
            continue  # "1385710 lightning strikes": a count of its own noun
        a = qs[k - 1] if k > 0 else None
        if a is not None and a.unit not in (None, "count", "fraction") and a.cue_start > 0 \
                and doc[a.cue_start - 1].lower_ == "from" and _words_between(doc, a, b) == ("to",):
            # "from about 22-26 mpg to 31": the end of a from/to pair the parser did not join
            b.unit, b.currency = a.unit, a.currency
            continue
        a = _parallel(doc, qs, k)
        if a is not None:
            b.unit, b.currency = a.unit, a.currency


def _counts_own_noun(doc: Doc, b: Quantity) -> bool:
    num = doc[b.num_end - 1]
    return (num.dep_ in ("nummod", "quantmod", "compound") and num.head.i >= b.end
            and num.head.pos_ in ("NOUN", "PROPN")) or (b.end < len(doc) and doc[b.end].tag_ == "NNS")


def _parallel(doc: Doc, qs: list[Quantity], k: int) -> Optional[Quantity]:
    """The quantity before ``qs[k]`` whose unit it shares (see :func:`share_units`), or None:
    the nearest earlier one with a unit in the sentence, within 25 tokens, behind a
    connector, on the same preposition; a bare number in between stops the search ("1.85
    marks, up 0.0085")."""
    b = qs[k]
    _, b_prep = governor(anchor(doc, b))
    sent_start = doc[b.start].sent.start
    for j in range(k - 1, -1, -1):
        a = qs[j]
        if a.start < sent_start or b.start - a.end > 25 or a.unit is None:
            return None
        if a.unit in ("count", "fraction"):
            continue
        if not set(_words_between(doc, a, b)) & PARALLEL_CONNECTORS:
            continue
        _, a_prep = governor(anchor(doc, a))
        return a if a_prep == b_prep else None
    return None
