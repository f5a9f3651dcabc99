"""Reading the dependency parse around a quantity (helpers shared by the claim rules).

:func:`anchor` (the quantity's head token), :func:`governor` (the word the quantity hangs on,
over "pobj -> prep" links, with the preposition), :func:`direction` / :func:`verb_direction`
(up/down from change words, ``UP_WORDS``/``DOWN_WORDS``), :func:`np_phrase` (a compact noun
phrase around a noun), :func:`subject` and :func:`clause_verb` (the clause a token belongs to),
:func:`is_baseline` (a comparison baseline, "than $5 million") and :func:`noun_before`.
All work on spaCy tokens of one parsed ``Doc``; none looks further than its sentence.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicon.en.cues import (BASELINE_BEFORE, CHANGE_NOUNS, DIRECTION_PARTICLES, DOWN_WORDS, NUMBER_OF_HEADS,
                                RELATIVE_PRONOUNS, UP_WORDS)
from ...lexicon.en.currencies import CURRENCY_PREFIX
from ...lexicon.en.numbers import NUMBER_WORDS
from .model import Quantity


def is_baseline(doc: Doc, i: int) -> bool:
    """True when the quantity starting at token ``i`` is a comparison baseline ("instead of the
    128GB", "than $5 million", "compared with 4 million"): it states no change of its own."""
    j = i
    while j > 0 and doc[j - 1].pos_ == "DET":
        j -= 1
    before = tuple(t.lower_ for t in doc[max(0, j - 2) : j])
    return before[-1:] in BASELINE_BEFORE or before in BASELINE_BEFORE


def anchor(doc: Doc, q: Quantity) -> Token:
    """The quantity's syntactic head: a token of the span whose head lies outside it."""
    toks = list(doc[q.start : q.end])
    outside = [t for t in toks if not (q.start <= t.head.i < q.end) or t.head.i == t.i]
    if not outside:
        return toks[-1]
    # prefer the unit/number token over a currency symbol
    return outside[-1]


def governor(anchor_tok: Token) -> tuple[Token, Optional[str]]:
    """Climb from the anchor over "pobj -> prep" and quantmod links.

    Returns (governing token, preposition or None).
    """
    tok = anchor_tok
    prep = None
    for _ in range(3):
        h = tok.head
        if tok.dep_ == "pobj" and (h.dep_ in ("prep", "agent", "dative") or h.pos_ == "ADP"):
            prep = h.lower_
            if h.head.i == h.i:
                return h, prep
            return h.head, prep
        if tok.dep_ in ("quantmod", "compound") and h.i != tok.i and h.like_num:
            tok = h
            continue
        return (h if h.i != tok.i else tok), prep
    return tok.head, prep


def direction(tok: Token) -> Optional[str]:
    """"up"/"down" when the token's lemma or form is a change word (``UP_WORDS``/``DOWN_WORDS``)."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if lemma in UP_WORDS or low in UP_WORDS:
        return "up"
    if lemma in DOWN_WORDS or low in DOWN_WORDS:
        return "down"
    return None


def verb_direction(gov: Token, q_end: Optional[int] = None) -> Optional[str]:
    """Direction of a governing verb/adverb, or of an "up"/"down" particle/adverb on it.

    With ``q_end`` (the token after the quantity), an "up"/"down" standing after the quantity
    behind a comma is not the quantity's: "was $4.6 million, down 7.1%" (it heads 7.1%)."""
    if not (gov.pos_ in ("VERB", "AUX", "ADV", "ADP", "ADJ") or gov.lower_ in ("up", "down")):
        return None
    d = direction(gov) if gov.pos_ != "AUX" else None
    if d:
        return d
    for c in gov.children:
        if q_end is not None and c.i >= q_end and any(t.text == "," for t in gov.doc[q_end : c.i]):
            continue
        if c.dep_ in ("advmod", "acomp", "prt") and c.lower_ in DIRECTION_PARTICLES:
            return DIRECTION_PARTICLES[c.lower_]
    return None


def change_direction(doc: Doc, q: Quantity) -> Optional[str]:
    """The direction of the change word the quantity hangs on: a change verb or adverb
    (:func:`verb_direction`: "rose 5%", "up 5%") or a change noun ("a rise of 5%"), else None."""
    gov, _ = governor(anchor(doc, q))
    d = verb_direction(gov)
    if d is None and gov.pos_ == "NOUN" and gov.lemma_.lower() in CHANGE_NOUNS:
        d = direction(gov)
    return d


def np_phrase(tok: Token) -> tuple[str, int, int]:
    """A compact noun phrase around ``tok``: left compound/amod/nmod modifiers, the noun, and
    one "of"-complement ("balance of loans"). "number of X" is read as X.

    Returns (text, start token, end token exclusive).
    """
    if tok.lemma_.lower() in NUMBER_OF_HEADS or tok.lower_ in NUMBER_OF_HEADS:
        obj = _of_object(tok)
        if obj is not None:
            return np_phrase(obj)
    doc = tok.doc
    left = _left_modifiers(doc, tok)
    right = tok.i + 1
    # a hyphenated name the parser cut ("Ben-Moshe", "Jean-Luc"): keep the glued parts
    while right + 1 < len(doc) and _glued_hyphen(doc, right, right + 1):
        right += 2
    while left - 2 >= 0 and _glued_hyphen(doc, left - 1, left - 2):
        left -= 2
    obj = _of_object(tok, adjacent=True)
    if obj is not None:
        right = max(right, np_phrase(obj)[2])
    return doc[left:right].text, left, right


def _of_object(tok: Token, adjacent: bool = False) -> Optional[Token]:
    """The object of the first "of" hanging on ``tok`` that has one (with ``adjacent``: only an
    "of" right after ``tok``), or None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and (not adjacent or c.i == tok.i + 1):
            pob = [x for x in c.children if x.dep_ == "pobj"]
            if pob:
                return pob[0]
    return None


def _glued_hyphen(doc: Doc, dash: int, part: int) -> bool:
    """A dash glued on both sides (``dash``) with a capitalised word ``part`` beyond it."""
    before = part if part < dash else dash - 1
    return doc[dash].text in ("-", "–") and not doc[before].whitespace_ and not doc[dash].whitespace_ \
        and doc[part].is_alpha and not doc[part].is_lower


def _left_modifiers(doc: Doc, tok: Token) -> int:
    """The first token of ``tok``'s left modifiers: compound/amod/nmod dependents, coordinated
    modifiers ("streaming and retail sales"), a number inside a name ("iPhone 12 Pro Max");
    a number, symbol, bracket or currency ends the phrase."""
    left = tok.i
    while left - 1 >= 0:
        t = doc[left - 1]
        if _number_in_name(doc, t, left, tok):
            left -= 1  # a number inside a name: "iPhone 12 Pro Max", "Galaxy S22 Ultra"
            continue
        if _ends_phrase(t):
            break
        if left <= t.head.i <= tok.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct", "hmod", "hyph"):
            left -= 1
        elif t.dep_ in ("conj", "cc") and t.head.i < t.i and t.head.dep_ in ("compound", "amod", "nmod") \
                and t.head.head.i == tok.i:
            left -= 1  # coordinated modifiers: "streaming and retail sales", "Nissan and Subaru vehicles"
        else:
            break
    return left


def _number_in_name(doc: Doc, t: Token, left: int, tok: Token) -> bool:
    """Whether ``t`` (just left of ``left``) is a number inside a proper name ("iPhone 12 Pro")."""
    if not t.like_num or left - 2 < 0 or doc[left - 2].pos_ != "PROPN":
        return False
    if not t.is_alpha and doc[left].pos_ == "PROPN" and left <= t.head.i <= tok.i + 1:
        return True
    return t.head.i == left - 2 and left <= doc[left - 2].head.i <= tok.i


def _ends_phrase(t: Token) -> bool:
    """A number, symbol, bracket, quote or currency: no modifier of a noun phrase."""
    return (t.like_num and not t.is_alpha) or t.pos_ in ("NUM", "SYM") or t.text in (
        ",", "(", ")", '"', "'", "%", ":", ";") or t.lower_ in NUMBER_WORDS or t.text in CURRENCY_PREFIX


def subject(verb: Token) -> Optional[Token]:
    """The nominal subject of ``verb``, following conj/xcomp/relcl links up to two steps."""
    v = verb
    for _ in range(4):
        if any(c.dep_ == "expl" for c in v.children):
            return None  # "there were 139 institutions": an existential clause has no holder
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                    return v.head  # "Nissan, which has 7000 staff"
                return c
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "goods sold at under $20"
        if v.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp", "prep", "advmod", "acomp") and v.head.i != v.i:
            # "after plummeting 65%" (pcomp -> prep -> "up" -> "been")
            v = v.head
            continue
        break
    return None


def clause_verb(tok: Token) -> Optional[Token]:
    """The nearest verb or auxiliary at or above ``tok`` (six steps at most), or None."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def noun_before(doc: Doc, k: int) -> Optional[Token]:
    """The noun ending right before token ``k`` (a comma in between is skipped), or None.

    A number right after a proper noun is part of its name ("S&P 500 +0.3%")."""
    sent_start = doc[k].sent.start if k < len(doc) else doc[k - 1].sent.start
    j = k - 1
    if j >= sent_start and doc[j].text == ",":
        j -= 1
    if j < sent_start:
        return None
    t = doc[j]
    if t.like_num and j - 1 >= sent_start and doc[j - 1].pos_ == "PROPN":
        return doc[j - 1]
    return t if t.pos_ in ("NOUN", "PROPN") and not t.like_num else None
