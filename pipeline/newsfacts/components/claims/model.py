"""The token-level objects of the claims stage: :class:`Quantity` (a number with its unit, found
in the token stream) and :class:`Draft` (a claim being built, in token space), plus
:class:`DocContext` (what the stage computes once per ``Doc``).

Everything here is in token indices; :meth:`Draft.to_claim` makes the character-offset
:class:`~newsfacts.facts.Claim` once, at the end of the component.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from spacy.tokens import Doc

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


class DocContext:
    """What the claims stage knows about one ``Doc``, computed at most once per document.

    Every per-quantity step reads these instead of scanning the whole document, so the stage
    is linear in the document's length: ``text`` (``Doc.text`` joins every token on each
    access), the tokens inside date mentions, the model numbers of the article. Built by the
    component for each ``Doc``; ``include_ages`` is the component's setting.
    """

    def __init__(self, doc: Doc, include_ages: bool = False):
        self.doc = doc
        self.include_ages = include_ages
        #: Digit strings the article uses as model names ("737"; see ``exclusions.model_numbers``).
        self.models: set[str] = set()

    @cached_property
    def text(self) -> str:
        """``doc.text``, built once."""
        return self.doc.text

    @cached_property
    def date_tokens(self) -> frozenset[int]:
        """Indices of the tokens that overlap a DATE, TIME or SET mention of ``doc._.dates``."""
        doc = self.doc
        spans = [(d.start, d.end) for d in (doc._.dates or []) if d.type in ("DATE", "TIME", "SET")]
        if not spans:
            return frozenset()
        starts = [t.idx for t in doc]
        out = set()
        for a, b in spans:
            j = max(bisect_right(starts, a) - 1, 0)
            while j < len(starts) and starts[j] < b:
                if starts[j] + len(doc[j]) > a:
                    out.add(j)
                j += 1
        return frozenset(out)
