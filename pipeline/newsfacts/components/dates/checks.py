"""The context checks a rule asks for (:class:`~.timex.Check`), run with the parse, and the
tense of the verb governing a match.

Every check reads a spaCy ``Doc`` (tokens, tags, dependencies, entities; whichever the pipeline
set: without a parser the parse-based parts pass) and the text around the match; the cue words
are the lexicon's (:mod:`newsfacts.lexicon.en.temporal_cues`). :func:`run_checks` runs the checks
a :class:`~.timex.Timex` names and returns it (or a derived copy), or None to drop the match.
spaCy is only needed for the ``Doc`` the caller passes; this module does not import it at run time.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Callable, Optional

from ...lexicon.en.calendar import DURATION_UNITS, MONTHS
from ...lexicon.en.temporal_cues import (ADJECTIVE_DETERMINERS, CLOCK_CUES, CURRENT_TERM_HEADS,
                                         FUTURE_AUXILIARIES, FUTURE_VERB_LEMMAS, MARCH_VERB_PARTICLES,
                                         MONTH_NAME_CUES, NOT_BEFORE_THE_UNIT, NOT_YEAR_PREFIX_SYMBOLS,
                                         NOT_YEAR_PREFIX_WORDS, NOT_YEAR_UNIT_ABBREVIATIONS,
                                         PAST_QUANTITY_CUES, RATE_CUES, SCHEDULE_CUES, SEASON_CUES,
                                         YEAR_HEADS)
from .calendar import duration_value, unit_of
from .rules import alternation, prev_words
from .timex import Check, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

#: Entity labels that make a bare month name part of a name ("April" in "April Smith").
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "GPE"})
#: Entity labels that make a weekday part of a title ("Monday Night Football").
TITLE_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT"})
#: Rules whose month-day (or month) reading depends on the tense (see :func:`reading_tense`).
TENSE_READ_RULES = frozenset({"md", "dm", "month", "weekday_date"})

_NOT_YEAR_BEFORE = re.compile(
    r"(?i:(?:" + alternation(NOT_YEAR_PREFIX_SYMBOLS) + "|"
    + "|".join(r"\b" + re.escape(w) for w in NOT_YEAR_PREFIX_WORDS) + r")\s*)$"
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|[,.]\d|\d|\s*(?:" + alternation(NOT_YEAR_UNIT_ABBREVIATIONS) + r")\b)", re.I
)
_PAST_QUANTITY = re.compile(r"\s+(?:\d|" + alternation(PAST_QUANTITY_CUES) + ")", re.I)
_RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:" + alternation(RATE_CUES) + r")\b)[^.;:]{0,12}$", re.I)


def span_of(doc: Doc, start: int, end: int) -> Optional[Span]:
    """The tokens covering characters ``start:end`` (expanded to token bounds), or None."""
    return doc.char_span(start, end, alignment_mode="expand")


# --------------------------------------------------------------------------------------------
# Tense
# --------------------------------------------------------------------------------------------


def _governing_verb(span: Span) -> Optional[Token]:
    """The verb (or auxiliary) governing ``span``: its root, or up to six heads above it."""
    tok: Token = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _is_future(tok: Token, kids: list[Token]) -> bool:
    """A future auxiliary ("will be held"), a plan/schedule verb with a complement ("plans to
    open"), "going to", or the infinitive complement of such a verb."""
    for t in [tok, *kids]:
        if t.lower_ in FUTURE_AUXILIARIES and (t.tag_ == "MD" or t.dep_ in ("aux", "auxpass")):
            return True
    if tok.lemma_ in FUTURE_VERB_LEMMAS and any(c.dep_ in ("xcomp",) for c in kids):
        return True
    if tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.subtree):
        return True
    return tok.tag_ == "VB" and tok.dep_ == "xcomp" and (
        tok.head.lemma_ in FUTURE_VERB_LEMMAS or tok.head.lower_ in ("due", "set"))


def tense(doc: Doc, start: int, end: int) -> Optional[str]:
    """Tense of the verb governing the span, from the parse: "future" ("will be held on May 9",
    "is due to open Friday", "is scheduled for June 3", "is going to"), "past" (VBD, or a
    perfect "has fallen"), "present" (other finite or infinitive verbs), None (no verb)."""
    span = span_of(doc, start, end)
    if span is None:
        return None
    tok = _governing_verb(span)
    if tok is None:
        return None
    kids = list(tok.children)
    if _is_future(tok, kids):
        return "future"
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids):
        return "past"
    if tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in kids):
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return "past"
    return "present"


def reading_tense(doc: Doc, text: str, start: int, end: int, rule: str) -> Optional[str]:
    """The tense a match of ``rule`` is read in: :func:`tense`, except that a past-tense
    month-day or month right after a schedule cue ("declared a dividend payable Dec. 15", "valid
    until May 3") reads as present: a scheduled date, the nearest reading (lexicon
    ``SCHEDULE_CUES``; only for the rules in :data:`TENSE_READ_RULES`)."""
    t = tense(doc, start, end)
    if t == "past" and rule in TENSE_READ_RULES:
        prev = prev_words(text, start)
        if prev and prev[-1] in SCHEDULE_CUES:
            return "present"
    return t


# --------------------------------------------------------------------------------------------
# The checks (one function per Check member)
# --------------------------------------------------------------------------------------------


class Site:
    """Where a match sits: the ``doc``, its ``text``, the match's char offsets and its tokens
    (``span``; None when the offsets do not map to tokens)."""

    __slots__ = ("doc", "text", "start", "end", "span")

    def __init__(self, doc: Doc, text: str, start: int, end: int):
        self.doc, self.text, self.start, self.end = doc, text, start, end
        self.span = span_of(doc, start, end)

    @property
    def first(self) -> Optional[Token]:
        """The first token of the match, or None."""
        return self.span[0] if self.span is not None else None

    @property
    def words(self) -> str:
        """The matched text."""
        return self.text[self.start:self.end]

    def prev_word(self) -> Optional[str]:
        """The lower-cased word (or punctuation mark) right before the match, or None."""
        prev = prev_words(self.text, self.start)
        return prev[0] if prev else None

    def after(self, n: int) -> str:
        """The ``n`` characters after the match."""
        return self.text[self.end:self.end + n]


def keep_year(site: Site) -> bool:
    """:attr:`Check.YEAR`. Reject numbers that only look like years: after "$", "No.", "Figure"
    …; before "%" or a unit abbreviation; a count ("2000 people"), i.e. a numeric modifier of a
    plural noun that is not a time word (lexicon ``YEAR_HEADS``); a number followed by another."""
    text, start = site.text, site.start
    if _NOT_YEAR_BEFORE.search(text[max(0, start - 20):start]):
        return False
    if start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit():
        return False
    if _NOT_YEAR_AFTER.match(site.after(12)):
        return False
    if site.span is None:
        return True
    doc, tok = site.doc, site.span[-1]
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lower_ not in YEAR_HEADS and tok.head.i > tok.i:
        if tok.head.ent_type_ not in ("DATE", "EVENT"):
            return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].like_num and not doc[tok.i + 1].is_punct:
        return False
    return True


def month_name_ok(site: Site) -> bool:
    """:attr:`Check.MONTH_NAME`. A bare month name is not part of a name (entity label in
    :data:`NAME_LABELS`), not a modal (tag MD), not a possessive name ("April's"); a bare "May" or
    "March" needs a month cue before it (lexicon ``MONTH_NAME_CUES``) and a "March" is the verb
    before a particle ("march on", lexicon ``MARCH_VERB_PARTICLES``)."""
    first = site.first
    word = re.sub(r"(?i)^(?:last|next|this|past|coming)\s+", "", site.words)
    ent = first.ent_type_ if first is not None else ""
    if ent in NAME_LABELS:
        return False
    if first is not None and first.tag_ == "MD":
        return False
    if word in ("May", "March", "MAY", "MARCH") and word == site.words:
        prev = site.prev_word()
        if prev not in MONTH_NAME_CUES:
            return False
        nxt = re.match(r"\s*(\w+)", site.after(20))
        if word.lower() == "march" and nxt and nxt.group(1).lower() in MARCH_VERB_PARTICLES:
            return False
    doc = site.doc
    if first is not None and first.i + 1 < len(doc) and doc[first.i + 1].lower_ in ("'s",) and first.ent_type_ != "DATE":
        return False
    return True


def season_ok(site: Site) -> bool:
    """:attr:`Check.SEASON`. A season word is not a verb ("prices fall"); without "this"/"last"/
    "early"… it needs a season cue before it (lexicon ``SEASON_CUES``), and "the spring of"
    without a year is no date ("the spring of discontent")."""
    core = site.words.lower()
    explicit_rel = re.match(r"(this|last|next|past|coming|early|late|mid)\b", core)
    tok = site.span[-1] if site.span is not None else None
    if tok is not None and tok.pos_ == "VERB":
        return False
    if not explicit_rel:
        if core.startswith("the "):
            if re.match(r"\s+of\b", site.after(5)):
                return False
        elif site.prev_word() not in SEASON_CUES:
            return False
    return True


def ref_word_ok(site: Site) -> bool:
    """:attr:`Check.REF_WORD`. Not the discourse "Now, ..." opening a sentence, not "the past"
    starting a longer expression ("the past five years", lexicon ``PAST_QUANTITY_CUES``), not
    "now-" in a compound."""
    w = site.words.lower()
    first = site.first
    if site.words == "Now" and first is not None and first.is_sent_start and re.match(r"\s*,", site.after(2)):
        return False  # discourse "Now, ..."
    if w == "the past" and _PAST_QUANTITY.match(site.after(12)):
        return False
    if w == "now" and re.match(r"-\w", site.after(3)):
        return False
    return True


def not_fraction(site: Site) -> bool:
    """:attr:`Check.NOT_FRACTION`. "three-quarters of its food" is a fraction, not a duration."""
    return not (re.search(r"(?i)quarters?$", site.words) and re.match(r"\s+of\b", site.after(4)))


def weekday_not_name(site: Site) -> bool:
    """:attr:`Check.WEEKDAY_NOT_NAME`. A weekday inside a title entity continued by the next
    word ("Monday Night Football"), or followed by a capitalised proper noun that is no date or
    month ("the Sunday Times"), is part of a name."""
    first = site.first
    if first is None:
        return True
    doc = site.doc
    last_tok = site.span[-1]
    nxt = doc[last_tok.i + 1] if last_tok.i + 1 < len(doc) else None
    if first.ent_type_ in TITLE_LABELS and nxt is not None and nxt.ent_type_ == first.ent_type_ and nxt.is_title:
        return False
    if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.ent_type_ == "DATE" and nxt.lower_ not in MONTHS:
        return False
    return True


def adjective_ok(site: Site) -> bool:
    """:attr:`Check.ADJECTIVE`. "current"/"recent" after a determiner (lexicon
    ``ADJECTIVE_DETERMINERS``) and not before a term head ("current account", lexicon
    ``CURRENT_TERM_HEADS``)."""
    nxt = re.match(r"\s+([a-z]+)", site.after(20))
    if site.prev_word() not in ADJECTIVE_DETERMINERS:
        return False
    return not (nxt and nxt.group(1) in CURRENT_TERM_HEADS)


def the_unit_ok(site: Site) -> bool:
    """:attr:`Check.THE_UNIT`. "the year"/"the quarter" not after "of", "'s", "per", "a"
    (lexicon ``NOT_BEFORE_THE_UNIT``)."""
    return site.prev_word() not in NOT_BEFORE_THE_UNIT


def clock_cue_ok(site: Site) -> bool:
    """:attr:`Check.CLOCK_CUE`. A 24-hour time without a zone right after a clock cue ("at",
    "by", "until", …; lexicon ``CLOCK_CUES``); otherwise "14:30" may be a score or a ratio."""
    return site.prev_word() in CLOCK_CUES


def rate_ok(site: Site, timex: Timex) -> Optional[Timex]:
    """:attr:`Check.RATE`. "a day"/"per week" is a rate (the SET ``timex``) after a digit, "%" or
    a rate cue within the clause (lexicon ``RATE_CUES``: "twice a day", "$5 per week"). Otherwise
    "a day"/"an hour" is a one-unit DURATION (P1D, PT1H; not "a second", "a quarter") and any
    other match is dropped (None)."""
    if _RATE_BEFORE.search(site.text[max(0, site.start - 40):site.start]):
        return timex
    if site.words.lower().startswith(("a ", "an ")):
        u = unit_of(site.words.split()[-1])
        if u in DURATION_UNITS and u not in ("second", "quarter"):
            return dataclasses.replace(timex, type="DURATION", value=duration_value(1, u))
    return None


#: The boolean checks in the order they run (:attr:`Check.RATE`, which may change the reading,
#: runs last).
BOOLEAN_CHECKS: dict[Check, Callable[[Site], bool]] = {
    Check.YEAR: keep_year,
    Check.MONTH_NAME: month_name_ok,
    Check.SEASON: season_ok,
    Check.REF_WORD: ref_word_ok,
    Check.NOT_FRACTION: not_fraction,
    Check.WEEKDAY_NOT_NAME: weekday_not_name,
    Check.ADJECTIVE: adjective_ok,
    Check.THE_UNIT: the_unit_ok,
    Check.CLOCK_CUE: clock_cue_ok,
}


def run_checks(timex: Timex, doc: Doc, text: str, start: int, end: int) -> Optional[Timex]:
    """Run the checks ``timex`` names on the match ``text[start:end]`` of ``doc``. Returns
    ``timex`` (or a copy changed by :func:`rate_ok`) when every check passes, else None."""
    if not timex.checks:
        return timex
    site = Site(doc, text, start, end)
    for check, fn in BOOLEAN_CHECKS.items():
        if check in timex.checks and not fn(site):
            return None
    if Check.RATE in timex.checks:
        return rate_ok(site, timex)
    return timex
