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

from spacy.tokens import Doc, Span, Token

from ...facts import Change, Claim
from ...lexicon.en.cues import BASELINE_PREPS

#: Entity types that can hold a claim (``Claim.entity_start``/``entity_end``).
ENTITY_LABELS = frozenset({"ORG", "PERSON", "GPE"})


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

    @cached_property
    def entities(self) -> tuple[list[int], list[Span]]:
        """The ORG/PERSON/GPE entities of ``doc.ents`` (sorted, non-overlapping) and their start
        tokens, for bisection (``doc.ents`` builds new spans on every access)."""
        spans = [e for e in self.doc.ents if e.label_ in ENTITY_LABELS]
        return [e.start for e in spans], spans

    @cached_property
    def dates_by_sentence(self) -> dict[int, list[int]]:
        """Indices of the ``doc._.dates`` mentions (in order) that overlap each sentence, keyed by
        the sentence's first token."""
        dates = self.doc._.dates or []
        if not dates:
            return {}
        sents = list(self.doc.sents)
        ends = [s.end_char for s in sents]
        out: dict[int, list[int]] = {}
        for k, d in enumerate(dates):
            j = bisect_right(ends, d.start)  # the first sentence ending after the mention starts
            while j < len(sents) and sents[j].start_char < d.end:
                out.setdefault(sents[j].start, []).append(k)
                j += 1
        return out

    @cached_property
    def baseline_dates(self) -> frozenset[int]:
        """Indices of the ``doc._.dates`` mentions that are comparison baselines: after "from",
        "than", "since", ... (``BASELINE_PREPS``) or "compared with/to" ("from the beginning of
        2019")."""
        doc = self.doc
        out = set()
        for k, d in enumerate(doc._.dates or []):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None or span.start == 0:
                continue
            prev = doc[span.start - 1].lower_
            if prev in BASELINE_PREPS or span.start > 1 and (doc[span.start - 2].lower_, prev) in (
                    ("compared", "with"), ("compared", "to")):
                out.add(k)
        return frozenset(out)


@dataclass
class Analysis:
    """The state of one quantity's analysis (pass 3), shared by the concept and change rules.

    ``anchor`` is the quantity's head token, ``gov``/``prep`` what it hangs on
    (:func:`~.syntax.governor`); ``unit`` starts as the quantity's and may be decided by the
    rules ("count", "times", a unit noun); ``ev_start``/``ev_end`` (tokens, end exclusive) grow to
    the phrase that states the claim; ``counted`` is set when the quantity counts a noun
    (``concept`` then is that noun's phrase, ``c_end`` its end); ``change``, ``direction`` and
    ``change_noun`` come from the change rules; ``subj_tok`` is the clause subject (for the
    entity); ``clause_target`` is set when the concept is the clause's subject or object.
    """

    doc: Doc
    q: Quantity
    anchor: Token
    gov: Token
    prep: Optional[str]
    unit: Optional[str]
    ev_start: int
    ev_end: int
    baseline: bool = False
    concept: Optional[str] = None
    c_end: Optional[int] = None
    subj_tok: Optional[Token] = None
    counted: bool = False
    change: Optional[Change] = None
    direction: Optional[str] = None
    change_noun: Optional[Token] = None
    clause_target: bool = False


@dataclass
class Draft:
    """A claim in token space: ``start``/``end`` cover the quantity with its approximation cue,
    ``ev_start``/``ev_end`` the phrase that states it (token indices, end exclusive);
    ``entity`` and ``holder`` are spans of the same ``Doc``. The post-passes and the holder
    rules work on drafts; :meth:`to_claim` makes the character-offset
    :class:`~newsfacts.facts.Claim` once, at the end of the component."""

    start: int
    end: int
    value: float
    unit: str
    approx: str
    ev_start: int
    ev_end: int
    change: Optional[Change] = None
    concept: Optional[str] = None
    value_max: Optional[float] = None
    entity: Optional[Span] = None
    date_index: Optional[int] = None
    time: Optional[str] = None
    holder: Optional[Span] = None

    def to_claim(self, doc: Doc) -> Claim:
        """The :class:`~newsfacts.facts.Claim` of this draft (character offsets into ``doc.text``)."""
        span = doc[self.start : self.end]
        last = doc[self.ev_end - 1]
        claim = Claim(start=span.start_char, end=span.end_char, text=span.text, value=float(self.value),
                      unit=self.unit, approx=self.approx, change=self.change, concept=self.concept,
                      evidence_start=doc[self.ev_start].idx, evidence_end=last.idx + len(last),
                      value_max=self.value_max, date_index=self.date_index, time=self.time)
        if self.entity is not None:
            claim.entity_start, claim.entity_end = self.entity.start_char, self.entity.end_char
        if self.holder is not None:
            claim.holder_start, claim.holder_end = self.holder.start_char, self.holder.end_char
        return claim
