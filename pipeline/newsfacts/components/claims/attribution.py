"""Who or what a claim is said of: its holder (:func:`holder`, :func:`claim_holder`) and the
entity mention in its clause subject (:func:`entity`).

The holder follows NewsQuant's "referred concepts" (Almasian et al., CQE, EMNLP 2023, sec. 3:
the concepts a quantity refers to, i.e. the measured thing and the entity that holds it):
"Ana Ruiz has netted 17 goals" -> Ana Ruiz, "a BBC poll of nine African nations" -> BBC poll,
"Nissan, which has 7000 staff" -> Nissan. The positional rules of ``HOLDER_RULES`` are tried
first, in order; failing them, the clause rule (:func:`_clause_holder`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from ...facts import Claim
from ...lexicon.en.cues import (CHANGE_NOUNS, ELLIPTIC_CUES, HOLDER_DANGLING_WORDS, NUMBER_OF_HEADS,
                                RELATIVE_PRONOUNS, RESOLVABLE_PRONOUNS)
from ...lexicon.en.units import UNIT_WORDS
from .model import DocContext
from .registry import Registry
from .syntax import clause_verb, noun_before, np_phrase, subject

HolderRule = Callable[[Span, Token], Optional[Token]]
#: The positional holder rules in the order they are tried: (name, rule); a rule returns the
#: token whose noun phrase holds the quantity ``span`` (``head``: :func:`quantity_head`).
HOLDER_RULES = Registry("holder")
#: Register a holder rule under a name (decorator); rules are tried in definition order.
holder_rule = HOLDER_RULES.rule


def claim_holder(doc: Doc, claim: Claim) -> Optional[Span]:
    """What the quantity of ``claim`` (a character-offset :class:`~newsfacts.facts.Claim` of
    ``doc``) is said of, as a span of ``doc``, or None (helper for evaluation and the records
    layer; the component itself uses :func:`holder` on its token-level drafts). See
    :func:`holder` for the rules."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return holder(span)


def holder(span: Span) -> Optional[Span]:
    """What the quantity ``span`` is said of. Rules, in order:

    0. an elliptical market-report phrase: the name right before "down/up/by" or a signed number
       ("Halden Homes, down 41p at 987p", "Burlington by 2.6%", "Nasdaq +0.8%");
       a bracketed figure after a name ("LHP Ben Miles (0.7 WAR)"; not a conversion);
    1. the quantity (or its counted noun) is the object of "of" or "with" after a noun: that noun
       ("a poll of nine nations", "the blood of 11 donors", "the iPhone 14 Pro Max with
       4323 mAh"), unless it is a "number/total of" head; of "for" after a verb with an object:
       the object ("bought Odwalla for $186 million"); of "at"/"to"/"by" right after a noun: that
       noun ("ozone levels at 950 ppm") - the positional rules of CQE (Almasian et al. 2023);
    2. the subject of the governing clause (``subject``: relative pronouns resolve to their
       antecedent), unless it is a pronoun or the quantity's own noun phrase ("The two parties
       have been talking" has no holder). An infinitival clause on a noun ("announced plans
       to lay off") takes the matrix subject; "he/she/it/they" take the nearest noun subject
       before them in the sentence (``_antecedent``); "who/which/that" the noun the clause hangs on;
       a form of "be" left without a subject by the parser takes the noun just before it; an
       infinitive complement of a verb with an object takes that object (object control:
       "helped the families to recover $2 million" -> families);
    3. with no subject, the root noun of a sentence without a main verb (``_fragment_head``).
    """
    head = quantity_head(span)
    for _, rule in HOLDER_RULES:
        tok = rule(span, head)
        if tok is not None:
            return trimmed_np(tok, span)
    return _clause_holder(span, head)


def quantity_head(span: Span) -> Token:
    """The token that stands for the quantity in the parse: the counted/modified noun for
    "139 online lending institutions" or "a 25% duty", else the root of the quantity span."""
    head = span.root
    for _ in range(3):
        h = head.head
        if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and h.i > head.i and \
                h.pos_ in ("NOUN", "PROPN") and h.i - span.end <= 5:
            head = h
            continue
        break
    return head


def trimmed_np(tok: Token, span: Span) -> Optional[Span]:
    """``np_phrase`` of ``tok`` without determiners and cut before the quantity ``span``."""
    doc = span.doc
    _, a, b = np_phrase(tok)
    if a < span.start < b:
        b = span.start
    # no dangling function words or quotes: "the heavy responsibilities of “", "leadership of the"
    while b > a and (doc[b - 1].lower_ in HOLDER_DANGLING_WORDS or doc[b - 1].is_punct):
        b -= 1
    while a < b and (doc[a].pos_ in ("DET", "PRON") or doc[a].tag_ == "PRP$"):
        a += 1
    while a < b and a > 0 and not doc[a - 1].whitespace_ and doc[a - 1].text[-1:].isalnum() \
            and doc[a].text[:1].isalnum():
        a += 1  # never start inside a word ("4K": the tokenizer's "4" "K")
    return doc[a:b] if a < b else None


@holder_rule("elliptic")
def elliptic(span: Span, head: Token) -> Optional[Token]:
    """The name an elliptical market-report phrase hangs on: "Halden Homes, down 41p at 987p",
    "Burlington by 2.6%", "Dow +0.2%" (no verb: the noun right before the change cue, or before
    a signed number, holds the quantity; a price "at" after the change has the same holder)."""
    doc = span.doc
    sent_start = span.sent.start
    k = _before_price_at(doc, span.start, sent_start)
    if k is None:
        return None
    signed = span.text[:1] in "+-" or (span.text[:1] in "$€£¥" and span.text[1:2] in "+-")
    if not signed:
        if k - 1 < sent_start or doc[k - 1].lower_ not in ELLIPTIC_CUES:
            return None
        k -= 1
    found = noun_before(doc, k)
    if found is None or (k > 0 and doc[k - 1].text != "," and not signed and doc[k].lower_ not in ("by", "between")):
        return None  # "shares were down 5%": a verb governs, not ellipsis
    return found


def _before_price_at(doc: Doc, k: int, sent_start: int) -> Optional[int]:
    """Where the change phrase of a quantity at token ``k`` ends: ``k`` itself, or for a price
    after "at" ("down 41 p at 873 p") the token after the change cue before "at" (within five
    tokens, no punctuation between); None when "at" follows no change cue."""
    if not (k - 1 >= sent_start and doc[k - 1].lower_ == "at"):
        return k
    j = k - 2
    while j >= sent_start and k - j <= 5 and doc[j].lower_ not in ELLIPTIC_CUES and not doc[j].is_punct:
        j -= 1
    if j < sent_start or doc[j].lower_ not in ELLIPTIC_CUES:
        return None
    return j + 1


@holder_rule("bracketed_after_name")
def bracketed_after_name(span: Span, head: Token) -> Optional[Token]:
    """"LHP Ben Miles (0.7 WAR)": a bracketed figure right after a name (not a conversion: "9
    million crowns (US $1.3 million)", a number within four tokens before the bracket)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(":
        return None
    before = doc[span.start - 2]
    conversion = any(t.like_num for t in doc[max(0, span.start - 5) : span.start - 1])
    return before if before.pos_ in ("NOUN", "PROPN") and not before.like_num and not conversion else None


@holder_rule("of_noun")
def of_noun(span: Span, head: Token) -> Optional[Token]:
    """The noun before "of": "a poll of nine nations", "the blood of 11 donors" (not "the
    number/total of", not a number)."""
    gov = head.head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and gov.pos_ in ("NOUN", "PROPN") \
            and gov.lemma_.lower() not in NUMBER_OF_HEADS and not gov.like_num:
        return gov
    return None


@holder_rule("for_object")
def for_object(span: Span, head: Token) -> Optional[Token]:
    """"it bought Odwalla Inc. for $186 million": the price of what was bought (the direct
    object before "for" of the verb)."""
    if not (head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.pos_ == "VERB"):
        return None
    prep = head.head
    objs = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i and c.pos_ in ("NOUN", "PROPN")]
    return objs[0] if objs else None


@holder_rule("at_to_by_noun")
def at_to_by_noun(span: Span, head: Token) -> Optional[Token]:
    """The noun right before "at"/"to"/"by": "ozone levels at 950 ppm", "the index to 1,350
    points" (not a number, a unit word or a change noun)."""
    if not (head.dep_ == "pobj" and head.head.lower_ in ("at", "to", "by") and head.head.i > 0):
        return None
    before = span.doc[head.head.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and not before.like_num and (before.lower_,) not in UNIT_WORDS \
            and before.lemma_.lower() not in CHANGE_NOUNS:
        return before
    return None


@holder_rule("with_noun")
def with_noun(span: Span, head: Token) -> Optional[Token]:
    """The noun right before "with": "savers with more than 9 million crowns", "the iPhone 14
    Pro Max with 4323 mAh" (wherever the parser hangs "with")."""
    if not (head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.i > 0
            and not head.head.head.like_num):
        return None
    before = span.doc[head.head.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") and not before.like_num else None


def _clause_holder(span: Span, head: Token) -> Optional[Span]:
    """Rules 2 and 3 of :func:`holder`: the subject (or controlling object) of the clause,
    else the root noun of a verbless fragment."""
    doc = span.doc
    verb = clause_verb(head)
    if verb is None:
        return _fragment_head(head, span)
    verb = _matrix_verb(verb)
    obj = _controlling_object(verb)
    if obj is not None:  # object control: "helped the families to recover $2 million" -> families
        return trimmed_np(obj, span)
    subj = _clause_subject(doc, verb)
    if subj is None:
        return _fragment_head(head, span)  # "Assets including: 14 E 52nd St, worth $5m"
    if subj.lower_ in RESOLVABLE_PRONOUNS:
        subj = _antecedent(subj)
    if subj is None or subj.pos_ == "PRON" or subj.i == head.i:
        return None
    if head.left_edge.i <= subj.i <= head.right_edge.i:
        return None
    return trimmed_np(subj, span)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _matrix_verb(verb: Token) -> Token:
    """"Intel unveiled plans to cut 4,300 jobs": an infinitival clause attached to a noun has
    the matrix subject as agent (up to three steps)."""
    for _ in range(3):
        if verb.dep_ == "acl" and _to_infinitive(verb):
            up = clause_verb(verb.head)
            if up is not None and up.i != verb.i:
                verb = up
                continue
        break
    return verb


def _controlling_object(verb: Token) -> Optional[Token]:
    """The object of the verb an infinitive complement depends on ("helped the families to recover")."""
    if verb.dep_ == "xcomp" and _to_infinitive(verb):
        objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
        if objs:
            return objs[0]
    return None


def _clause_subject(doc: Doc, verb: Token) -> Optional[Token]:
    """The subject of ``verb``: a misattached relative pronoun resolves to the noun before it
    ("Moreno, who won three league titles"); a "be" the parser left without a subject takes the
    noun just before it ("this year's MSRP is $33790")."""
    subj = subject(verb)
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.head.i < subj.i and \
            verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if subj is None and verb.lemma_ == "be" and verb.i > 0 and doc[verb.i - 1].pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return doc[verb.i - 1]
    return subj


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


def _fragment_head(head: Token, span: Span) -> Optional[Span]:
    """In a verbless fragment (headline, list, caption: "Assets including: 14 E 52nd St,
    worth $12.5m, ...", "Wavelengths at least 2.4 μm") the root noun is what the numbers are
    said of: the parser makes a noun the root of a sentence without a main verb. None when the
    root is a verb or the quantity's own phrase."""
    root = head.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.like_num or head.left_edge.i <= root.i <= head.right_edge.i:
        return None
    if span.start <= root.i < span.end:
        return None
    return trimmed_np(root, span)


def entity(ctx: DocContext, subj: Optional[Token]) -> Optional[Span]:
    """An ORG/PERSON/GPE entity inside the subject's subtree (bounded to 12 tokens around the
    subject): the first such entity of ``doc.ents``."""
    if subj is None:
        return None
    lo, hi = subj.left_edge.i, subj.right_edge.i + 1
    if hi - lo > 12:
        lo, hi = max(lo, subj.i - 6), min(hi, subj.i + 6)
    starts, spans = ctx.entities
    j = bisect_left(starts, lo)
    while j < len(starts) and starts[j] < hi:
        if spans[j].end <= hi:
            return spans[j]
        j += 1
    return None
