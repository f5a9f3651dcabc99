"""The change a claim states: direction, amount, from/to values.

A quantity may arrive with a change already (a from/to pair, :func:`~.ranges.pair`). Otherwise
the sources of ``CHANGE_SOURCES`` run in order until one states a change (each may also leave a
``direction`` or ``change_noun`` for the concept rules):

- ``signed_percent``: a signed percentage in a market summary ("Dow +0.2%", "Nasdaq -1.1%");
- ``counted_amount``: a counted amount or level governed by a change verb through "by"/"to"
  ("grew by 48,300 jobs", "rose to 5 million units");
- ``change_word``: a change verb, adverb or noun governs the quantity ("fell by 80%", "rose 0.65
  per cent", "dropped to one", "a decrease of 86%", "a 3 percent drop", "up 5%"); the
  preposition decides the role: "by"/direct object -> the amount (``relative`` = value for
  percent), "to" -> ``to_value``, "from" -> ``from_value``;
- ``direction_adverb``: "up"/"down" right before the amount, whatever the parse ("…, down 9.2%
  year over year"; not the particle of "gave up 517 yards").

A comparison baseline ("than $5 million", "compared with 4 million") states no change of its
own (``Analysis.baseline``). The post-passes of :mod:`.restatements` read changes across claims.
"""

from __future__ import annotations

from typing import Callable

from ...facts import Change
from ...lexicon.en.cues import CHANGE_NOUNS
from .model import Analysis
from .registry import Registry
from .syntax import direction, verb_direction

ChangeSource = Callable[[Analysis], None]
#: The change sources in the order they run: (name, source); each runs while no change is found.
CHANGE_SOURCES = Registry("change source")
#: Register a change source under a name (decorator); sources run in definition order.
change_source = CHANGE_SOURCES.rule


def find_change(st: Analysis) -> None:
    """Run the change sources in order while ``st.change`` is None."""
    st.change = st.q.change
    for _, source in CHANGE_SOURCES:
        if st.change is not None:
            return
        source(st)


def _relative(st: Analysis) -> Change:
    """A change amount: the relative change is the value of a percentage."""
    return Change(direction=st.direction, relative=st.q.value if st.unit == "percent" else None)


@change_source("signed_percent")
def signed_percent(st: Analysis) -> None:
    """"Dow +0.2%", "Nasdaq -1.1%": a signed percentage (or point) in a market summary is a change."""
    q = st.q
    if st.unit in ("percent", "percentage_point", "point") and q.digits[:1] in ("+", "-") and not q.is_words:
        st.direction = "up" if q.digits[0] == "+" else "down"
        st.change = Change(direction=st.direction, relative=abs(q.value) if st.unit == "percent" else None)


@change_source("counted_amount")
def counted_amount(st: Analysis) -> None:
    """"grew by 48,300 jobs" (the amount), "rose to 5 million units" (the new level): a counted
    noun that is the object of "by"/"to" on a change verb."""
    if not (st.counted and st.c_end is not None and not st.baseline):
        return
    doc, q = st.doc, st.q
    noun_tok = doc[st.c_end - 1]
    if noun_tok.dep_ == "pobj" and noun_tok.head.lower_ in ("by", "to") and noun_tok.head.head.i != noun_tok.head.i:
        d = verb_direction(noun_tok.head.head)
        if d is not None:
            st.change = Change(direction=d, to_value=q.value if noun_tok.head.lower_ == "to" else None)
            st.ev_start = min(st.ev_start, noun_tok.head.head.i)


@change_source("change_word")
def change_word(st: Analysis) -> None:
    """A change verb, adverb or noun governs the quantity (see the module docstring); the
    evidence grows to the change word (and the determiner of a change noun)."""
    if st.counted or st.baseline:
        return
    _change_word_direction(st)
    if st.direction is None:
        return
    q, prep, anchor = st.q, st.prep, st.anchor
    if prep == "to":
        st.change = Change(direction=st.direction, to_value=q.value)
    elif prep == "from":
        st.change = Change(direction=st.direction, from_value=q.value)
    elif prep in (None, "by", "of") and (
            anchor.dep_ not in ("nsubj", "nsubjpass", "attr", "nummod", "compound", "amod")
            or st.change_noun is not None
            or (anchor.dep_ == "attr" and st.gov.lemma_ == "be")):
        st.change = _relative(st)
    if st.change is not None:
        g = st.change_noun if st.change_noun is not None else st.gov
        st.ev_start = min(st.ev_start, g.i)
        st.ev_end = max(st.ev_end, g.i + 1)
        if st.change_noun is not None:  # "a decrease of 86%": include the determiner
            st.ev_start = min([st.ev_start] + [c.i for c in st.change_noun.children if c.dep_ == "det"])


def _change_word_direction(st: Analysis) -> None:
    """The direction of the change verb/adverb governing the quantity, else of the change noun
    it hangs on ("a decrease of 86%") or modifies ("a 3 percent drop"), with that noun."""
    gov, anchor = st.gov, st.anchor
    st.direction = verb_direction(gov, st.q.end)
    if st.direction is None and gov.pos_ == "NOUN" and gov.lemma_.lower() in CHANGE_NOUNS:
        st.direction = direction(gov)
        st.change_noun = gov
    if st.direction is None and anchor.head.pos_ == "NOUN" and anchor.head.lemma_.lower() in CHANGE_NOUNS \
            and anchor.dep_ in ("compound", "nummod", "amod", "nmod"):
        st.change_noun = anchor.head
        st.direction = direction(anchor.head)


@change_source("direction_adverb")
def direction_adverb(st: Analysis) -> None:
    """"…, down 9.2% year over year": "up"/"down" right before an exact amount, whatever the
    parse (not a particle: "gave up 517 yards")."""
    doc, q = st.doc, st.q
    if st.counted or q.cue_start == 0 or q.approx != "exact":
        return
    before = doc[q.cue_start - 1]
    if before.lower_ in ("up", "down") and before.dep_ != "prt":
        st.change = Change(direction=before.lower_, relative=q.value if st.unit == "percent" else None)
        st.ev_start = min(st.ev_start, q.cue_start - 1)
