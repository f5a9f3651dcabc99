"""Numeric claims: the ``newsfacts_claims`` spaCy component.

Reads tokens, the dependency parse, ``doc.ents`` and ``doc._.dates``; writes ``doc._.claims``
(``list[Claim]`` sorted by ``start``; see :class:`~newsfacts.facts.Claim`).

How a claim is found (each step names its source):

1. **Numbers** (token level). A token is a number when it is a numeral
   (:func:`newsfacts.numbers.parse_numeral`: "1,000", "27,349.19", "1.000.000"; see that module
   for the separator policy: "300.000" is 300000 only next to a currency without scale word), a
   numeral with a glued currency/scale/unit ("$2.4bn", "35m", "10km", "~45g", "+0.2%"), or a run
   of cardinal number words (:func:`newsfacts.numbers.parse_number_words`: "twenty-six",
   "two million", "a dozen", "half a million"). Scale words that follow ("1.2 million", "2 bn")
   are multiplied in; "minus 5" is negative. Vague plurals ("thousands of", "tens of millions
   of dollars", "dozens of") become order-of-magnitude ranges (1000-10000) with approx "about".
2. **Units** (small lexicons in :mod:`newsfacts.lexicon.en`): a currency before ("$", "US$", "RMB", "SEK", "€") or after
   ("yuan", "Finnish markka") the number gives an ISO 4217 code; "%"/"percent"/"per cent" give
   ``percent``; "percentage point(s)" ``percentage_point``; measurement words give a short
   canonical unit (``km``, ``tonne``, ``month``); a rate written "a/per X" after it extends the
   unit ("$52 a barrel" -> ``USD/barrel``, "15% per annum" -> ``percent/year``). "¥" is CNY;
   the wire-service transliterations "Y=" (yen, JPY) and "PS" (£) are read glued to digits.
   Otherwise the unit is ``count``: when the
   number modifies a noun in the parse (``nummod``) that noun is the counted thing, and when the
   number stands alone it is a bare count (``concept`` may then come from "the number of X").
3. **Not claims**: years (1800-2100 integers without unit), numbers inside a date mention of
   ``doc._.dates`` (DATE/TIME type) or a spaCy DATE/TIME entity (durations such as
   "21 consecutive months" stay, as quantities with a time unit), ordinals ("70th", "first"),
   hotline/phone/ID numbers, figure/table/section references ("Figure 1", "Row 21"), numbers
   that are part of a name ("S&P 500", "iPhone 12", "787 Dreamliner", "COVID -19"), street
   addresses ("49 Zorro Ranch Road"), list markers ("1." at a line start),
   versions ("3.2.1"), sports scores ("2-2", "5-3": first >= second, no unit), and ages
   ("45-year-old", "aged 45") unless ``include_ages`` is set.
4. **Approximation** from the words before ("about", "more than", "nearly", ...; see
   ``APPROX_CUES``) or after ("or more", "or so") the quantity.
5. **Ranges** "252 to 287", "252-287", "between 252 and 287", "four to five thousand" (a scale
   word after the second number is shared when the first number is smaller): ``value`` is the
   lower end, ``value_max`` the upper.
6. **Changes** from the parse: the quantity depends on a change verb ("fell by 80%",
   "rose 0.65 per cent", "dropped to one") or change noun ("a decrease of 86%", "a 3 percent
   drop"), or on "up"/"down". The preposition decides the role: "by"/direct object -> the amount
   (``relative`` = value for percent), "to" -> ``to_value``, "from" -> ``from_value``.
   "from X ... to Y" is one claim (value = Y, from_value = X, to_value = Y) when a change word
   governs it, a range otherwise; without a direction word the direction is from X vs Y.
   "decreased $1.2 million to $23.5 million" gives the amount (direction only) and the new value
   (direction, to_value and, for the same unit, from_value = 24.7 million). A signed percent in
   a market summary ("Dow +0.2%") is a change.
7. **Concept**: the counted noun phrase ("139 online lending institutions"), the noun a
   money/percent quantity modifies ("a 25% duty", "a penalty of $2 billion"), or the subject (object
   for transitive change verbs) of the governing verb ("the balance of loans decreased by 75%"),
   with "the number of X" read as X. When the parse gives nothing (fragments), a noun phrase
   adjacent to the quantity (``_positional_concept``). A parenthesised conversion ("9 million
   Danish crowns (US $1.3 million)") shares the approximation and concept of the quantity it
   restates. :func:`claim_holder` names the holder (noun before "of", or the clause subject with
   simple pronoun resolution) for evaluation and records.
8. **Fractions** "a third of", "two-thirds of", "half of", "one in five": value in (0, 1], unit
   ``fraction``.
9. **Context**: ``entity_start``/``entity_end`` is an ORG/PERSON/GPE entity in that subject;
   ``date_index`` the nearest DATE/TIME mention of ``doc._.dates`` in the same sentence that is
   not a comparison baseline ("from the beginning of 2019").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...facts import Change, Claim
from ...lexicon.en.calendar import TIME_UNITS
from ...lexicon.en.cues import PRONOUN_CONCEPTS
from ...lexicon.en.cues import (APPROX_CUES, APPROX_SUFFIX, BASELINE_PREPS, CHANGE_NOUNS, DOWN_WORDS,
                               DURATION_BLOCK_NEXT, MAX_CUE, NUMBER_OF_HEADS, UP_WORDS)
from ...lexicon.en.currencies import (CURRENCY_NATIONALITY, CURRENCY_PREFIX, CURRENCY_SUFFIX, CURRENCY_WORDS,
                                     DOLLAR_COUNTRY, ISO_ALIAS, ISO_CODES)
from ...lexicon.en.nonclaims import AGE_WORDS, INDEX_NAMES, PHONE_WORDS, REFERENCE_WORDS, STREET_WORDS
from ...lexicon.en.numbers import (FRACTION_DENOMINATORS, NUMBER_WORDS, ORDINAL_WORDS, SCALE_WORDS, SCALES,
                                  VAGUE_PLURALS)
from ...lexicon.en.units import MAX_UNIT_LEN, RATE_NOUNS, SHORT_UNITS, UNIT_WORDS
from ...numbers import parse_number_words, parse_numeral
from .exclusions import excluded, model_numbers
from .model import DocContext
from .model import Quantity as _Quantity
from .quantities import ORDINAL as _ORDINAL
from .quantities import scan
from .ranges import join, share_pair_units, share_units
from .syntax import anchor as _anchor
from .syntax import clause_verb as _clause_verb
from .syntax import direction as _direction
from .syntax import governor as _governor
from .syntax import is_baseline as _is_baseline
from .syntax import noun_before as _noun_before
from .syntax import np_phrase as _np_phrase
from .syntax import subject as _subject
from .syntax import verb_direction as _verb_direction

_ENTITY_LABELS = {"ORG", "PERSON", "GPE"}

# ----------------------------------------------------------------------------------------------
# Exclusions
# ----------------------------------------------------------------------------------------------


def _quantity_head(doc: Doc, claim: Claim) -> Optional[Token]:
    """The token that stands for the quantity in the parse: the counted/modified noun for
    "139 online lending institutions" or "a 25% duty", else the root of the quantity span."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    for _ in range(3):
        h = head.head
        if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and h.i > head.i and \
                h.pos_ in ("NOUN", "PROPN") and h.i - span.end <= 5:
            head = h
            continue
        break
    return head


def _trimmed_np(doc: Doc, tok: Token, claim: Claim) -> Optional[Span]:
    """``_np_phrase`` of ``tok`` without determiners and cut before the claim's own words."""
    _, a, b = _np_phrase(tok)
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is not None and a < span.start < b:
        b = span.start
    # no dangling function words or quotes: "the heavy responsibilities of “", "leadership of the"
    while b > a and (doc[b - 1].lower_ in ("of", "at", "to", "by", "worth", "with", "for", "the", "a", "an",
                                           "in", "on", "and", "or") or doc[b - 1].is_punct):
        b -= 1
    while a < b and doc[a].pos_ in ("DET", "PRON") and doc[a].tag_ != "PRP$" or \
            a < b and doc[a].tag_ == "PRP$":
        a += 1
    while a < b and a > 0 and not doc[a - 1].whitespace_ and doc[a - 1].text[-1:].isalnum() \
            and doc[a].text[:1].isalnum():
        a += 1  # never start inside a word ("4K": the tokenizer's "4" "K")
    return doc[a:b] if a < b else None


_RESOLVABLE_PRONOUNS = {"he", "she", "it", "they"}


def _agrees(pron: Token, noun: Token) -> bool:
    """Number agreement of a third-person pronoun with a noun: "they" takes a plural noun
    (NNS/NNPS) or a proper noun (organisations are "they" in British usage), "it" a singular one
    (NN/NNP), "he"/"she" a singular noun or name."""
    if pron.lower_ == "they":
        return noun.tag_ in ("NNS", "NNPS", "NNP")
    return noun.tag_ in ("NN", "NNP")


def _antecedent(pron: Token) -> Optional[Token]:
    """Nearest agreeing noun subject before a third-person pronoun in its sentence ("The startup
    said it now has 4000 subscribers" -> startup; "Fiji Airways said it would ground three jets"),
    else the nearest agreeing direct object ("sent the stocks soaring and they were up 8pc" ->
    stocks). This is the subject-preference heuristic of simple anaphora resolvers with number
    agreement as a filter (the most recent subject is the most salient antecedent, cf. Lappin &
    Leass 1994); None when there is none."""
    sent = pron.sent
    before = list(reversed(list(pron.doc[sent.start : pron.i])))
    for deps in (("nsubj", "nsubjpass"), ("dobj",)):
        for t in before:
            if t.dep_ in deps and t.pos_ in ("NOUN", "PROPN") and _agrees(pron, t):
                return t
    return None


_ELLIPTIC_CUES = {"up", "down", "higher", "lower", "by", "off", "between"}


def _elliptic_holder(doc: Doc, claim: Claim) -> Optional[Token]:
    """The name an elliptical market-report phrase hangs on: "Halden Homes, down 41p at 987p",
    "Burlington by 2.6%", "Dow +0.2%" (no verb: the noun right before the change cue, or before
    a signed number, holds the quantity; a price "at" after the change has the same holder)."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    k = span.start
    sent_start = span.sent.start
    if k - 1 >= sent_start and doc[k - 1].lower_ == "at":
        # "down 41 p at 873 p": step over "at" and the change amount before it
        j = k - 2
        while j >= sent_start and k - j <= 5 and doc[j].lower_ not in _ELLIPTIC_CUES and not doc[j].is_punct:
            j -= 1
        if j < sent_start or doc[j].lower_ not in _ELLIPTIC_CUES:
            return None
        k = j + 1
    signed = span.text[:1] in "+-" or (span.text[:1] in "$€£¥" and span.text[1:2] in "+-")
    if not signed:
        if k - 1 < sent_start or doc[k - 1].lower_ not in _ELLIPTIC_CUES:
            return None
        k -= 1
    holder = _noun_before(doc, k)
    if holder is None or (k > 0 and doc[k - 1].text != "," and not signed and doc[k].lower_ not in ("by", "between")):
        return None  # "shares were down 5%": a verb governs, not ellipsis
    return holder


def _fragment_head(doc: Doc, head: Token, claim: Claim) -> Optional[Span]:
    """In a verbless fragment (headline, list, caption: "Assets including: 14 E 52nd St,
    worth $12.5m, ...", "Wavelengths at least 2.4 μm") the root noun is what the numbers are
    said of: the parser makes a noun the root of a sentence without a main verb. None when the
    root is a verb or the quantity's own phrase."""
    root = head.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.like_num or head.left_edge.i <= root.i <= head.right_edge.i:
        return None
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is not None and span.start <= root.i < span.end:
        return None
    return _trimmed_np(doc, root, claim)


def claim_holder(doc: Doc, claim: Claim) -> Optional[Span]:
    """What the quantity is said of (helper for evaluation and the records layer).

    NewsQuant's "referred concepts" (Almasian et al., CQE, EMNLP 2023, sec. 3: the concepts a
    quantity refers to, i.e. the measured thing and the entity that holds it) name the holder
    of a quantity besides the measured noun: "Ana Ruiz has netted 17 goals" -> Ana Ruiz,
    "a BBC poll of nine African nations" -> BBC poll, "Nissan, which has 7000 staff"
    -> Nissan. Rules, in order:

    0. an elliptical market-report phrase: the name right before "down/up/by" or a signed number
       ("Halden Homes, down 41p at 987p", "Burlington by 2.6%", "Nasdaq +0.8%");

    1. the quantity (or its counted noun) is the object of "of" or "with" after a noun: that noun
       ("a poll of nine nations", "the blood of 11 donors", "the iPhone 14 Pro Max with
       4323 mAh"), unless it is a "number/total of" head; of "for" after a verb with an object:
       the object ("bought Odwalla for $186 million"); of "at"/"to"/"by" right after a noun: that
       noun ("ozone levels at 950 ppm") - the positional rules of CQE (Almasian et al. 2023);
    2. the subject of the governing clause (``_subject``: relative pronouns resolve to their
       antecedent), unless it is a pronoun or the quantity's own noun phrase ("The two parties
       have been talking" has no holder). An infinitival clause on a noun ("announced plans
       to lay off") takes the matrix subject; "he/she/it/they" take the nearest noun subject
       before them in the sentence (``_antecedent``); "who/which/that" the noun the clause hangs on;
       a form of "be" left without a subject by the parser takes the noun just before it; an
       infinitive complement of a verb with an object takes that object (object control:
       "helped the families to recover $2 million" -> families);
    3. with no subject, the root noun of a sentence without a main verb (``_fragment_head``).
    """
    head = _quantity_head(doc, claim)
    if head is None:
        return None
    ell = _elliptic_holder(doc, claim)
    if ell is not None:
        return _trimmed_np(doc, ell, claim)
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is not None and span.start >= 2 and doc[span.start - 1].text == "(":
        before = doc[span.start - 2]  # "LHP Ben Miles (0.7 WAR)": a bracketed figure after a name
        conversion = any(t.like_num for t in doc[max(0, span.start - 5) : span.start - 1])
        if before.pos_ in ("NOUN", "PROPN") and not before.like_num and not conversion:
            return _trimmed_np(doc, before, claim)  # (not a conversion: "9 million crowns (US $1.3 million)")
    t = head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN") \
            and t.head.head.lemma_.lower() not in NUMBER_OF_HEADS and not t.head.head.like_num:
        return _trimmed_np(doc, t.head.head, claim)
    if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ == "VERB":
        objs = [c for c in t.head.head.children if c.dep_ == "dobj" and c.i < t.head.i and c.pos_ in ("NOUN", "PROPN")]
        if objs:  # "it bought Odwalla Inc. for $186 million": the price of what was bought
            return _trimmed_np(doc, objs[0], claim)
    if t.dep_ == "pobj" and t.head.lower_ in ("at", "to", "by") and t.head.i > 0:
        before = doc[t.head.i - 1]  # "ozone levels at 950 ppm", "the index to 1,350 points"
        if before.pos_ in ("NOUN", "PROPN") and not before.like_num and (before.lower_,) not in UNIT_WORDS \
                and before.lemma_.lower() not in CHANGE_NOUNS:
            return _trimmed_np(doc, before, claim)
    if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.i > 0 and not t.head.head.like_num:
        before = doc[t.head.i - 1]  # "savers with more than 9 million crowns" (wherever "with" hangs)
        if before.pos_ in ("NOUN", "PROPN") and not before.like_num:
            return _trimmed_np(doc, before, claim)
    verb = _clause_verb(head)
    if verb is None:
        return _fragment_head(doc, head, claim)
    for _ in range(3):
        # "Intel unveiled plans to cut 4,300 jobs": an infinitival clause attached to a
        # noun has the matrix subject as agent
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            up = _clause_verb(verb.head)
            if up is not None and up.i != verb.i:
                verb = up
                continue
        break
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
        if objs:  # object control: "helped the families to recover $2 million" -> families
            return _trimmed_np(doc, objs[0], claim)
    subj = _subject(verb)
    if subj is not None and subj.lower_ in ("who", "which", "that") and verb.head.i < subj.i and \
            verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head  # "Moreno, who won three league titles" (relative clause misattached)
    if subj is None and verb.lemma_ == "be" and verb.i > 0 and doc[verb.i - 1].pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        subj = doc[verb.i - 1]  # "this year's MSRP is $33790" parsed with no subject on "is"
    if subj is None:
        return _fragment_head(doc, head, claim)  # "Assets including: 14 E 52nd St, worth $5m"
    if subj is not None and subj.lower_ in _RESOLVABLE_PRONOUNS:
        subj = _antecedent(subj)
    if subj is None or subj.pos_ == "PRON" or subj.i == head.i:
        return None
    if head.left_edge.i <= subj.i <= head.right_edge.i:
        return None
    return _trimmed_np(doc, subj, claim)


def claim_time(doc: Doc, date_index: Optional[int]) -> Optional[str]:
    """The TIMEX3 value a claim refers to: the value of the date mention ``date_index`` of
    ``doc._.dates``; without one, the publication date (``doc._.published``; only its year,
    "2020", when ``doc._.published_precision`` is "year"); None when neither is known."""
    dates = doc._.dates or []
    if date_index is not None and date_index < len(dates):
        return dates[date_index].value
    published = doc._.published
    if published is None:
        return None
    return f"{published.year:04d}" if doc._.published_precision == "year" else published.isoformat()


# ----------------------------------------------------------------------------------------------
# The component
# ----------------------------------------------------------------------------------------------


class ClaimExtractor:
    """Find numeric claims in a parsed ``Doc`` and write them to ``doc._.claims``.

    Args:
        include_ages: also report ages ("45-year-old", "aged 45") as claims with a time unit.
    """

    def __init__(self, include_ages: bool = False):
        self.include_ages = include_ages
        self._ents: Optional[list] = None

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.extract(doc)
        return doc

    # -- pass 3: syntax per quantity -------------------------------------------------------
    def _analyse(self, doc: Doc, q: _Quantity) -> Claim:
        anchor = _anchor(doc, q)
        gov, prep = _governor(anchor)
        concept: Optional[str] = None
        c_end = None
        subj_tok: Optional[Token] = None
        counted = False
        unit = q.unit
        ev_start, ev_end = q.cue_start, q.end

        # a multiple: "8 times earnings", "three times the national average" (not "three times a
        # week", a frequency)
        if unit is None and q.end + 1 < len(doc) and doc[q.end].lower_ == "times" and \
                doc[q.end + 1].lower_ not in ("a", "an", "per", "each", "every") and \
                doc[q.end + 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET"):
            b = q.end + 1
            while b < len(doc) and b - q.end < 6 and doc[b].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PART"):
                b += 1
            a = q.end + 1
            while a < b and doc[a].pos_ == "DET":
                a += 1
            if a < b and doc[b - 1].pos_ in ("NOUN", "PROPN"):
                unit, concept, c_end = "times", doc[a:b].text, b
                ev_end = max(ev_end, b)
        # counted noun: "139 online lending institutions", "600 person-time consultations"
        if unit is None:
            num_tok = doc[q.num_end - 1]
            noun = None
            if num_tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and \
                    num_tok.head.i > num_tok.i and num_tok.head.pos_ in ("NOUN", "PROPN") and \
                    num_tok.head.i - q.end <= 5:
                noun = num_tok.head
            elif q.end < len(doc) and doc[q.end].pos_ == "NOUN" and doc[q.end].tag_ == "NNS":
                noun = doc[q.end]
            elif q.end + 1 < len(doc) and doc[q.end].lower_ == "of" and doc[q.end + 1].pos_ in ("DET", "PRON") \
                    and q.end + 2 < len(doc):
                # "one of the people", "20m of its smart speakers"
                for x in doc[q.end + 1 : min(len(doc), q.end + 6)]:
                    if x.pos_ == "NOUN" and x.tag_ == "NNS":
                        noun = x
                        break
            elif q.end + 1 < len(doc) and doc[q.end].lower_ == "of" and doc[q.end + 1].tag_ in ("NNS", "NNPS"):
                noun = doc[q.end + 1]
            if noun is None and q.end < len(doc):
                # the parser attached the number elsewhere: "3.1M streaming and retail sales",
                # "thousands of rapid tests": the first plural noun after modifiers only
                k = q.end + (1 if doc[q.end].lower_ == "of" and (q.value_max is not None or q.is_words) else 0)
                for x in doc[k : min(len(doc), k + 5)]:
                    if x.tag_ == "NNS" and x.pos_ == "NOUN":
                        noun = x
                        break
                    if not (x.pos_ in ("ADJ", "CCONJ", "PROPN", "NUM") or x.text in ("-",) or x.dep_ == "compound"):
                        break
            if noun is not None and noun.tag_ == "NN" and noun.i > q.end and q.value != 1 \
                    and doc[q.end].tag_ == "NN" and doc[q.end].head.i == noun.i:
                noun = doc[q.end]  # "a 12 page report": a plural number before a singular head counts the first noun
            if noun is None and q.noun_hint is not None:
                noun = doc[q.noun_hint]  # "from 50,000 units to 12,000": the noun after the first number
            if noun is not None and (len(noun.text) < 2 or not noun.text[:1].isalpha()):
                noun = None  # a split-off symbol ("37" "m") is not a counted noun
            noun_unit = UNIT_WORDS.get((noun.lower_,)) if noun is not None else None
            if noun_unit is not None and (noun.lower_,) not in SHORT_UNITS and noun.i - q.end <= 2 \
                    and noun_unit not in ("percent", "point") and not any(
                        t.lower_ in ("last", "next", "this", "past", "previous", "coming", "same")
                        for t in doc[q.end : noun.i]):  # "... and 2.1 last year" is no duration
                unit = noun_unit  # "517 rushing yards", "21 straight days"
                ev_end = max(ev_end, noun.i + 1)
                noun = None
            if noun is not None and (noun.i >= q.end or noun.i == q.noun_hint):
                text, a, b = _np_phrase(noun)
                a = max(a, q.end if noun.i >= q.end else noun.i)
                b = b if noun.i >= q.end else noun.i + 1
                if doc[a].lower_ == "of":
                    a += 1
                while a < b and doc[a].pos_ in ("DET", "PRON"):
                    a += 1
                if q.value == 1 and q.is_words and doc[q.end].lower_ == "of":
                    # "one of the heaviest animals to ever walk the earth": the set is described by the
                    # whole noun phrase, its relative and infinitival modifiers included
                    right = noun.right_edge.i + 1
                    stop = [t.i for t in doc[b:right] if t.is_punct or t.is_sent_start]
                    right = min([right] + stop)
                    if b < right <= noun.i + 16:
                        b = right
                concept = doc[a:b].text if a < b else noun.text
                if noun.lemma_.lower() in NUMBER_OF_HEADS:
                    concept = text
                c_end = b
                counted = True
                unit = "count"
                ev_end = max(ev_end, b)
                gov_v = _clause_verb(noun)
                if noun.dep_ in ("nsubj", "nsubjpass") and gov_v is not None and gov_v.i > noun.i:
                    ev_end = max(ev_end, gov_v.i + 1)
                subj_tok = _subject(gov_v) if gov_v is not None and noun.dep_ not in ("nsubj", "nsubjpass") else None
        if unit is None and q.start >= 3 and (q.end >= len(doc) or doc[q.end].is_punct or doc[q.end].pos_ == "CCONJ"):
            before = doc[q.start - 1]
            if before.tag_ == "NNS" and before.dep_ == "pobj" and before.head.lower_ == "of" \
                    and before.head.head.lemma_.lower() in NUMBER_OF_HEADS:
                # a list item "..., and the number of investors 1": the count of the noun before it
                _, a, b = _np_phrase(before)
                a = max(a, before.head.i + 1)
                while a < b and doc[a].pos_ == "DET":
                    a += 1
                concept, c_end, counted, unit = doc[a : before.i + 1].text, before.i + 1, True, "count"
                ev_start = min(ev_start, before.head.head.i)
        change = q.change
        direction = None
        change_noun = None
        if change is None and unit in ("percent", "percentage_point", "point") and q.digits[:1] in "+-" \
                and q.digits[:1] and not q.is_words:
            # "Dow +0.2%", "Nasdaq -1.1%": a signed change in a market summary
            direction = "up" if q.digits[0] == "+" else "down"
            change = Change(direction=direction, relative=abs(q.value) if unit == "percent" else None)
        # change words
        baseline = _is_baseline(doc, q.cue_start)
        if change is None and counted and c_end is not None and not baseline:
            # "grew by 48,300 jobs" (the amount), "rose to 5 million units" (the new level)
            noun_tok = doc[c_end - 1]
            if noun_tok.dep_ == "pobj" and noun_tok.head.lower_ in ("by", "to") \
                    and noun_tok.head.head.i != noun_tok.head.i:
                d = _verb_direction(noun_tok.head.head)
                if d is not None:
                    change = Change(direction=d, to_value=q.value if noun_tok.head.lower_ == "to" else None)
                    ev_start = min(ev_start, noun_tok.head.head.i)
        if change is None and not counted and not baseline:
            direction = _verb_direction(gov, q.end)
            if direction is None and gov.pos_ == "NOUN" and gov.lemma_.lower() in CHANGE_NOUNS:
                direction = _direction(gov)
                change_noun = gov
            if direction is None and anchor.head.pos_ == "NOUN" and anchor.head.lemma_.lower() in CHANGE_NOUNS \
                    and anchor.dep_ in ("compound", "nummod", "amod", "nmod"):
                change_noun = anchor.head
                direction = _direction(anchor.head)
            if direction is not None:
                if prep == "to":
                    change = Change(direction=direction, to_value=q.value)
                elif prep == "from":
                    change = Change(direction=direction, from_value=q.value)
                elif prep in (None, "by", "of") and (
                    anchor.dep_ not in ("nsubj", "nsubjpass", "attr", "nummod", "compound", "amod")
                    or change_noun is not None
                    or (anchor.dep_ == "attr" and gov.lemma_ == "be")
                ):
                    change = Change(direction=direction,
                                    relative=q.value if unit == "percent" else None)
                if change is not None:
                    g = change_noun if change_noun is not None else gov
                    ev_start = min(ev_start, g.i)
                    ev_end = max(ev_end, g.i + 1)
                    if change_noun is not None:
                        # "a decrease of 86%": include the determiner
                        for c in change_noun.children:
                            if c.dep_ == "det":
                                ev_start = min(ev_start, c.i)
        if change is None and not counted and q.cue_start > 0 and doc[q.cue_start - 1].lower_ in ("up", "down") \
                and q.approx == "exact" and doc[q.cue_start - 1].dep_ != "prt":  # not "gave up 517 yards"
            # "…, down 9.2% year over year": the adverb right before the amount, whatever the parse
            change = Change(direction=doc[q.cue_start - 1].lower_,
                            relative=q.value if unit == "percent" else None)
            ev_start = min(ev_start, q.cue_start - 1)
        # concept from syntax when not a counted noun
        if concept is None:
            target = None
            clause_target = False
            noun_head = anchor.head
            holders = [anchor] + ([gov] if gov.i == anchor.head.i else [])
            in_obj = [p for h in holders for c in h.children if c.dep_ == "prep"
                      and c.lower_ in ("in", "of", "worth", "for") and c.i == q.end
                      for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            cn = change_noun if change is not None and not counted else None
            cn_in = [p for c in (cn.children if cn is not None else []) if c.dep_ == "prep"
                     and c.lower_ in ("in", "of") and c.i > q.end for p in c.children
                     if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            pct_of = [p for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"
                      and c.i == q.end for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            if not pct_of and unit == "fraction" and q.end < len(doc) and doc[q.end].lower_ == "of" \
                    and q.start <= doc[q.end].head.i < q.end:
                # "two-thirds of the combined streaming and retail sales" with the pobj misparsed
                # as the adjective: the last noun of the of-phrase
                obj = [p for p in doc[q.end].children if p.dep_ == "pobj"]
                nouns = [t for t in (obj[0].subtree if obj else []) if t.pos_ in ("NOUN", "PROPN")]
                if nouns:
                    pct_of = [nouns[-1]]
            if in_obj and unit not in (None, "count", "percent", "percentage_point"):
                target = in_obj[0]  # "1 million yuan in economic losses", "$5m of damages", "$52,000 for CN"
            elif pct_of and unit in ("percent", "fraction"):
                target = pct_of[0]  # "20 percent of personal spending"
            elif cn_in:
                target = cn_in[0]  # "a decrease of 86% in lending"
            elif q.cue_start > 0 and doc[q.cue_start - 1].lower_ == "worth" and \
                    _noun_before(doc, q.cue_start - 1) is not None:
                target = _noun_before(doc, q.cue_start - 1)  # "a tax credit worth up to $6 million"
            elif anchor.dep_ == "appos" and anchor.head.pos_ in ("NOUN", "PROPN") and anchor.head.i < q.start \
                    and not anchor.head.like_num and unit not in (None, "count") \
                    and (anchor.head.lower_,) not in UNIT_WORDS \
                    and not any(c.dep_ == "nummod" for c in anchor.head.children):
                target = anchor.head  # "a far bigger battery, 7200 mAh,"
            elif cn is not None and cn.dep_ == "appos" and cn.head.pos_ in ("NOUN", "PROPN"):
                target = cn.head  # "139 institutions …, a decrease of 86%"
            elif anchor.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and \
                    noun_head.pos_ in ("NOUN", "PROPN") and noun_head.i > anchor.i and \
                    noun_head.lemma_.lower() not in CHANGE_NOUNS:
                target = noun_head  # "a 25% duty", "$48.2 million army contract"
            elif prep == "of" and gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() not in CHANGE_NOUNS \
                    and gov.lemma_.lower() not in ("average", "total", "rate", "increase"):
                target = gov  # "a penalty of $2 billion"
            else:
                verb = gov if gov.pos_ in ("VERB", "AUX") else _clause_verb(gov)
                if verb is not None:
                    obj = None
                    if change is not None or direction:
                        for c in verb.children:
                            if c.dep_ == "dobj" and not (q.start <= c.i < q.end) and c.i < q.start:
                                obj = c
                    subj = _subject(verb)
                    target = obj if obj is not None else subj
                    clause_target = True
                    if target is not None and target.pos_ == "PRON":
                        target = None
                    subj_tok = subj
            if target is not None:
                text, a, b = _np_phrase(target)
                if a < q.cue_start < b:  # "a penalty of $2 billion": stop before the quantity
                    b = q.cue_start
                    while b > a and doc[b - 1].lower_ in ("of", "at", "to", "by", "worth"):
                        b -= 1
                elif q.cue_start <= a < q.end < b:  # "5G technology": start after the quantity
                    a = q.end
                concept = text
                while a < b and doc[a].pos_ == "DET" and concept:
                    a += 1
                concept = doc[a:b].text if a < b else None
                c_end = b
                if target.lemma_.lower() in NUMBER_OF_HEADS and unit is None:
                    unit = "count"
                if clause_target and target.i < q.start and q.start - target.i <= 25 and (
                    change is not None or gov.lemma_ == "be"
                ):
                    # the subject phrase states the claim: "the number of lenders fell by 80%"
                    left = target.left_edge.i if target.left_edge.i >= target.i - 3 else a
                    for c in target.children:
                        if c.dep_ == "det":
                            left = min(left, c.i)
                    ev_start = min(ev_start, left, a)
                    if target.lemma_.lower() in NUMBER_OF_HEADS:
                        ev_start = min(ev_start, target.i)
                        for c in target.children:
                            if c.dep_ == "det":
                                ev_start = min(ev_start, c.i)
                elif target.i >= q.end and c_end is not None and c_end - q.end <= 6:
                    ev_end = max(ev_end, c_end)
        if unit is None:
            unit = "count"
        if subj_tok is None and not counted:
            verb = _clause_verb(anchor)
            subj_tok = _subject(verb) if verb is not None else None
        if concept is None and not counted and subj_tok is not None and subj_tok.pos_ in ("NOUN", "PROPN") \
                and not (q.start <= subj_tok.i < q.end):
            # fall back to the clause subject: "Tesla shares … plummeting 65%"
            _, a, b = _np_phrase(subj_tok)
            while a < b and doc[a].pos_ == "DET":
                a += 1
            if a < b and not (a <= q.start < b):
                concept = doc[a:b].text
        if concept is None and not counted:
            run = self._positional_concept(doc, q)
            if run is not None:
                concept = run.text
        if concept is not None and (not re.search(r"[^\W\d_]", concept) or
                                    re.match(r"\W*(?:\d[\d,.]*|%s)\b" % "|".join(NUMBER_WORDS), concept, re.I)):
            concept = None  # "15,500", "25 of them": a number is not the quantified concept
        if concept is not None:
            concept = concept.lstrip(" -–—:;,.'\"") or None  # "30,000 - Xinhuanet"
            if concept is not None and concept.lower().startswith("of "):
                concept = concept[3:].lstrip() or None  # "two of Johnson's deputies"
        if concept is not None:
            # a spaced dash ends the phrase ("24 new cases - Xinhuanet"); trailing function words
            # are not part of it ("Details of the")
            concept = re.split(r"\s+[-–—]+\s+", concept)[0]
            concept = re.sub(r"(?:\s+(?:of|the|a|an|in|on|at|for|to|and|or|by|with))+$", "", concept,
                             flags=re.I) or None
        if concept is not None and concept.count("(") != concept.count(")"):
            concept = None  # "121ft)-long": a phrase cut across a bracket
        if concept is not None and re.sub(r"^of\s+", "", concept.lower()) in PRONOUN_CONCEPTS:
            concept = None  # "almost half of which": a pronoun names nothing
        sent = doc[q.start].sent
        if concept is not None and any(concept.lower() in d.text.lower() for d in (doc._.dates or [])
                                       if d.start >= sent.start_char and d.end <= sent.end_char):
            concept = None  # "a 13.3% drop in the first half": a date is not the concept
        # keep evidence in one sentence
        ev_start = max(ev_start, sent.start)
        ev_end = min(max(ev_end, q.end), sent.end)
        ent = self._entity(doc, subj_tok, sent, self._ents)
        span = doc[q.cue_start : q.end]
        claim = Claim(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            value=float(q.value),
            unit=unit,
            approx=q.approx,
            change=change,
            concept=concept,
            evidence_start=doc[ev_start].idx,
            evidence_end=doc[ev_end - 1].idx + len(doc[ev_end - 1]),
            value_max=q.value_max,
        )
        if ent is not None:
            claim.entity_start, claim.entity_end = ent.start_char, ent.end_char
        claim.date_index = self._date_index(doc, q, sent)
        claim.time = claim_time(doc, claim.date_index)
        return claim

    @staticmethod
    def _positional_concept(doc: Doc, q: _Quantity) -> Optional[Span]:
        """Fallback when the parse gives no concept (headline-style fragments the parser
        misreads): the of-phrase after a bracketed conversion ("5 miles (8 kilometers) of new
        rail lines"), a noun phrase right after the quantity that it modifies ("a 410 μm pixel
        pitch", "30% fuming sulfuric acid", "a 5% pay rise"), else the noun phrase right before
        a copula or "≈"/"=" that precedes it ("this year's MSRP is $33,790", "floor area ≈
        32m2"). Adjacent words only, in one sentence; None otherwise."""
        n = len(doc)
        k = q.end
        # "5 miles (8 kilometers) of new rail lines": the of-phrase after a bracketed conversion
        if k < n and doc[k].text == "(":
            close = [t.i for t in doc[k : min(n, k + 8)] if t.text == ")"]
            k = close[0] + 1 if close else k
        elif k < n and doc[k].text == ")":
            k += 1
        if k > q.end and k + 1 < n and doc[k].lower_ == "of":
            a = k + 1
            while a < n and doc[a].pos_ in ("DET", "PRON"):
                a += 1
            b = a
            while b < n and b - a < 5 and doc[b].pos_ in ("NOUN", "ADJ", "PROPN"):
                b += 1
            if b > a and doc[b - 1].pos_ in ("NOUN", "PROPN"):
                return doc[a:b]
        k = q.end
        last_noun = None
        while k < n and k - q.end < 5 and (doc[k].pos_ in ("NOUN", "ADJ", "PROPN") or
                                            doc[k].tag_ in ("VBG", "VBN") and doc[k].is_lower) \
                and not doc[k].like_num and doc[k].lower_ not in CURRENCY_WORDS:
            if doc[k].pos_ in ("NOUN", "PROPN"):
                last_noun = k
            k += 1
        if last_noun is not None and (k >= n or doc[k].pos_ not in ("NOUN", "PROPN")):
            return doc[q.end : last_noun + 1]
        j = q.cue_start - 1
        if j >= 1 and (doc[j].lemma_ == "be" or doc[j].text in ("≈", "=", "~")) and \
                doc[j - 1].pos_ in ("NOUN", "PROPN") and doc[j - 1].sent.start == doc[q.start].sent.start:
            a = j - 1
            while a - 1 >= doc[q.start].sent.start and doc[a - 1].pos_ in ("NOUN", "PROPN", "ADJ") \
                    and j - a < 4:
                a -= 1
            return doc[a:j]
        return None

    @staticmethod
    def _entity(doc: Doc, subj: Optional[Token], sent: Span, ents: Optional[list] = None) -> Optional[Span]:
        """An ORG/PERSON/GPE entity inside the subject's subtree (bounded to 12 tokens)."""
        if subj is None:
            return None
        lo, hi = subj.left_edge.i, subj.right_edge.i + 1
        if hi - lo > 12:
            lo, hi = max(lo, subj.i - 6), min(hi, subj.i + 6)
        for e in (doc.ents if ents is None else ents):
            if e.label_ in _ENTITY_LABELS and e.start >= lo and e.end <= hi:
                return e
        return None

    @staticmethod
    def _date_index(doc: Doc, q: _Quantity, sent: Span) -> Optional[int]:
        """Index into ``doc._.dates`` of the date nearest to the quantity in its sentence.

        Skips durations and sets, dates overlapping the quantity, and comparison baselines
        ("from the beginning of 2019", "than a year earlier", "since 2019").
        """
        dates = doc._.dates or []
        qs, qe = doc[q.start].idx, doc[q.end - 1].idx + len(doc[q.end - 1])
        best, best_key = None, None
        for k, d in enumerate(dates):
            if d.type not in ("DATE", "TIME"):
                continue
            if d.end <= sent.start_char or d.start >= sent.end_char:
                continue
            if d.start < qe and qs < d.end:
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                prev = doc[span.start - 1].lower_
                if prev in BASELINE_PREPS:
                    continue
                if span.start > 1 and (doc[span.start - 2].lower_, prev) in (("compared", "with"),
                                                                         ("compared", "to")):
                    continue
            dist = qs - d.end if d.end <= qs else (d.start - qe) + 10_000
            key = dist
            if best_key is None or key < best_key:
                best, best_key = k, key
        return best

    def extract(self, doc: Doc) -> list[Claim]:
        """Return the numeric claims of ``doc`` sorted by start offset."""
        self._ents = list(doc.ents)  # ``doc.ents`` builds new Span objects on every access
        ctx = DocContext(doc, self.include_ages)
        qs = scan(doc)
        share_pair_units(doc, qs)
        ctx.models = model_numbers(doc, qs)
        qs = [q for q in qs if not excluded(ctx, q)]
        qs = join(doc, qs)
        share_units(doc, qs)
        claims: list[Claim] = []
        for q in qs:
            if q.drop:
                continue
            claims.append(self._analyse(doc, q))
        claims.sort(key=lambda c: (c.start, c.end))
        self._restated_change(doc, claims)
        self._amount_then_new_value(doc, claims)
        self._conversion_shares_approx(doc, claims)
        for c in claims:
            h = claim_holder(doc, c)
            if h is not None:
                c.holder_start, c.holder_end = h.start_char, h.end_char
        text = doc.text
        for prev, cur in zip(claims, claims[1:]):
            # a conversion in brackets restates the quantity before it: the same holder
            if text[prev.end:cur.start].strip() == "(" and prev.holder_start is not None:
                cur.holder_start, cur.holder_end = prev.holder_start, prev.holder_end
        return claims

    @staticmethod
    def _conversion_shares_approx(doc: Doc, claims: list[Claim]) -> None:
        """"more than 9 million Danish crowns (US $1.3 million)", "just under 250 hp (186 kW /
        253 PS)": a conversion in parentheses right after a quantity restates it, so it takes the
        quantity's approximation when it has none of its own, the direction of a change amount,
        and the two share a concept when only one has one (news style: conversions are given
        in brackets, CQE/NewsQuant annotate both with the same bound)."""
        inherited = False
        text = doc.text  # built once: Doc.text joins every token on each access
        for prev, cur in zip(claims, claims[1:]):
            between = text[prev.end:cur.start].strip()
            if between == "(" or (between == "/" and inherited):
                if cur.approx == "exact" and prev.approx != "exact":
                    cur.approx = prev.approx
                pc = prev.change
                if cur.change is None and pc is not None and pc.direction and pc.from_value is None \
                        and pc.to_value is None and cur.unit != "percent":
                    cur.change = Change(direction=pc.direction)  # "fell by 1 to 1.5 C (1.8 to 2.7 F)"
                    if prev.evidence_start is not None and (cur.evidence_start is None
                                                            or prev.evidence_start < cur.evidence_start):
                        cur.evidence_start = prev.evidence_start  # the phrase that states the change
                # the same amount is of the same thing: "5 miles (8 kilometers) of new rail lines"
                if cur.unit != "count" and prev.unit != "count":
                    if cur.concept is None and prev.concept is not None:
                        cur.concept = prev.concept
                    elif prev.concept is None and cur.concept is not None:
                        prev.concept = cur.concept
                inherited = True
            else:
                inherited = False

    @staticmethod
    def _restated_change(doc: Doc, claims: list[Claim]) -> None:
        """"rose $5 million, or 3%", "grew by 48,300 jobs or 1.7 per cent": a change
        restated after "or" in another unit is the same change (its direction; a percentage is
        the relative change)."""
        text = doc.text
        for prev, cur in zip(claims, claims[1:]):
            pc = prev.change
            if pc is None or pc.direction is None or cur.change is not None or cur.unit == prev.unit:
                continue
            if pc.to_value is not None or pc.from_value is not None:
                continue  # "to 5 million, or 3%" restates a level, not a change
            end = prev.evidence_end if prev.evidence_end is not None and prev.evidence_end <= cur.start else prev.end
            if re.fullmatch(r",?\s*or", text[end:cur.start].strip()):
                cur.change = Change(direction=pc.direction,
                                    relative=cur.value if cur.unit == "percent" else None)

    @staticmethod
    def _amount_then_new_value(doc: Doc, claims: list[Claim]) -> None:
        """"decreased $1.2 million to $23.5 million": the second claim is the new value.

        When a change amount is followed by "to" and another quantity, that quantity gets the
        change's direction and ``to_value``; with the same (non-percent) unit, ``from_value`` is
        the new value minus/plus the amount. A bare new value takes the amount's unit when that
        is a measure, currency or points ("gained 37.5 points to 7,912.40": an index level).
        """
        text = doc.text
        for k, (prev, cur) in enumerate(zip(claims, claims[1:])):
            pc = prev.change
            if pc is None or pc.direction is None or pc.to_value is not None or pc.from_value is not None:
                continue
            if text[prev.end:cur.start].strip(" ,").lower() != "to":
                continue
            amount = prev
            if prev.unit == "percent" and k > 0 and re.fullmatch(r",\s*or", text[claims[k - 1].end:prev.start].strip()):
                amount = claims[k - 1]  # "rose 12.3 points, or 0.2%, to 5,210": the level is in points
            if cur.unit == "count" and amount.unit not in ("count", "fraction", "percent", "percentage_point",
                                                           "times", "basis_point"):
                span = doc.char_span(cur.start, cur.end, alignment_mode="expand")
                nxt = doc[span.end] if span is not None and span.end < len(doc) else None
                if span is not None and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")):
                    cur.unit = amount.unit
            if cur.change is not None and cur.change.to_value is not None:
                continue
            frm = None
            if cur.unit == prev.unit and cur.unit not in ("percent", "percentage_point"):
                frm = cur.value + prev.value if pc.direction == "down" else cur.value - prev.value
            cur.change = Change(direction=pc.direction, from_value=frm, to_value=cur.value)


@Language.factory("newsfacts_claims", default_config={"include_ages": False})
def make_claims(nlp: Language, name: str, include_ages: bool = False) -> ClaimExtractor:
    """spaCy factory for :class:`ClaimExtractor` (writes ``doc._.claims``)."""
    return ClaimExtractor(include_ages=include_ages)
