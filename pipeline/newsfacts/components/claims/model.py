"""The token-level objects of the claims stage: :class:`Quantity` (a number with its unit, found
in the token stream) and :class:`Draft` (a claim being built, in token space), plus
:class:`DocContext` (what the stage computes once per ``Doc``).

Everything here is in token indices; :meth:`Draft.to_claim` makes the character-offset
:class:`~newsfacts.facts.Claim` once, at the end of the component.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...facts import Change


@dataclass
class Quantity:
    """A quantity found in the token stream, before syntax is consulted.

    ``start``/``end`` are token indices (end exclusive) over currency + number + scale + unit;
    ``num_start``/``num_end`` over the number (and scale) alone; ``cue_start`` is the first token
    of the approximation cue (== start when none).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: Optional[str] = None  # None until decided; "count" when nothing else
    currency: Optional[str] = None
    value_max: Optional[float] = None
    approx: str = "exact"
    cue_start: int = -1
    integer_text: bool = False  # plain digits without separators/decimals ("2019")
    digits: str = ""
    has_scale: bool = False
    is_words: bool = False
    change: Optional[Change] = None
    drop: bool = False
    noun_hint: Optional[int] = None  # counted noun inside a from/to pair ("from 50,000 units to 12,000")
