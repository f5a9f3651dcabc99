"""The concept of a claim: what the quantity measures or counts.

Steps of the analysis (:class:`~.model.Analysis`), in the order the component runs them:

1. :func:`counted_concept` — before the change rules: a multiple ("8.2 times earnings",
   unit ``times``), the counted noun phrase ("139 online lending institutions", unit ``count``;
   a unit noun instead gives the unit: "517 rushing yards"), or a list item "…, and the number of
   investors 1".
2. :func:`syntax_concept` — after the change rules, when nothing is counted: the first of
   ``CONCEPT_SOURCES`` that names a target noun (the of/in-object "20 percent of personal
   spending", the noun a quantity modifies "a 25% duty", "a penalty of $2 billion", the subject
   or object of the governing clause "the balance of loans decreased by 75%", ...); the target's
   compact noun phrase is the concept, and the evidence grows to it.
3. :func:`fallback_concept` — the clause subject, else a noun phrase next to the quantity
   (:func:`positional_concept`: fragments the parser misreads).
4. :func:`clean_concept` — no numbers, pronouns, dangling words, cut brackets or dates.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from ...lexicon.en.cues import (CHANGE_NOUNS, CONCEPT_CUT_PREPS, CONCEPT_PREPS, FREQUENCY_DETERMINERS,
                                NOT_CONCEPT_OF_HEADS, NUMBER_OF_HEADS, PRONOUN_CONCEPTS, TRAILING_FUNCTION_WORDS)
from ...lexicon.en.currencies import CURRENCY_WORDS
from ...lexicon.en.numbers import NUMBER_WORDS
from ...lexicon.en.quantities import DEICTIC_BEFORE_UNIT
from ...lexicon.en.units import SHORT_UNITS, UNIT_WORDS
from .model import Analysis, DocContext, Quantity
from .registry import Registry
from .syntax import clause_verb, noun_before, np_phrase, subject

_NUMBER_FIRST = re.compile(r"\W*(?:\d[\d,.]*|%s)\b" % "|".join(sorted(NUMBER_WORDS)), re.I)
_LETTER = re.compile(r"[^\W\d_]")
_SPACED_DASH = re.compile(r"\s+[-–—]+\s+")
_TRAILING_FUNCTION = re.compile(r"(?:\s+(?:%s))+$" % "|".join(TRAILING_FUNCTION_WORDS), re.I)


# -- 1. counted concepts ---------------------------------------------------------------------


def counted_concept(st: Analysis) -> None:
    """A multiple, a counted noun or a numbered list item (step 1; see the module docstring)."""
    multiple(st)
    if st.unit is None:
        counted_noun(st)
    if st.unit is None:
        number_of_list_item(st)


def multiple(st: Analysis) -> None:
    """A multiple: "8 times earnings", "three times the national average" (unit ``times``, the
    noun phrase after "times" the concept; not "three times a week", a frequency)."""
    doc, q = st.doc, st.q
    if not (st.unit is None and q.end + 1 < len(doc) and doc[q.end].lower_ == "times"
            and doc[q.end + 1].lower_ not in FREQUENCY_DETERMINERS
            and doc[q.end + 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET")):
        return
    b = q.end + 1
    while b < len(doc) and b - q.end < 6 and doc[b].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PART"):
        b += 1
    a = q.end + 1
    while a < b and doc[a].pos_ == "DET":
        a += 1
    if a < b and doc[b - 1].pos_ in ("NOUN", "PROPN"):
        st.unit, st.concept, st.c_end = "times", doc[a:b].text, b
        st.ev_end = max(st.ev_end, b)


def counted_noun(st: Analysis) -> None:
    """The counted noun: "139 online lending institutions", "600 person-time consultations",
    "one of the people", "thousands of rapid tests" (unit ``count``, its noun phrase the
    concept); a unit noun gives the unit instead ("517 rushing yards", "21 straight days")."""
    doc, q = st.doc, st.q
    noun = _counted_noun_token(doc, q)
    if noun is not None and (len(noun.text) < 2 or not noun.text[:1].isalpha()):
        noun = None  # a split-off symbol ("37" "m") is not a counted noun
    if noun is not None and _unit_noun(doc, q, noun) is not None:
        st.unit = _unit_noun(doc, q, noun)
        st.ev_end = max(st.ev_end, noun.i + 1)
        return
    if noun is not None and (noun.i >= q.end or noun.i == q.noun_hint):
        _count(st, noun)


def _counted_noun_token(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun the quantity counts: from the parse, else the first plural noun after it over
    modifiers only, with a singular head of a plural number counting the first noun ("a 12 page
    report"), else the noun after the first number of a from/to pair."""
    noun = _parsed_counted_noun(doc, q)
    if noun is None and q.end < len(doc):
        noun = _plural_after(doc, q)
    if noun is not None and noun.tag_ == "NN" and noun.i > q.end and q.value != 1 \
            and doc[q.end].tag_ == "NN" and doc[q.end].head.i == noun.i:
        noun = doc[q.end]  # "a 12 page report": a plural number before a singular head counts the first noun
    if noun is None and q.noun_hint is not None:
        noun = doc[q.noun_hint]  # "from 50,000 units to 12,000": the noun after the first number
    return noun


def _parsed_counted_noun(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun the number modifies in the parse (within five tokens), a plural noun right
    after it, or the plural noun of an of-phrase ("one of the people", "20m of its smart
    speakers", "millions of Americans")."""
    num_tok = doc[q.num_end - 1]
    if num_tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and \
            num_tok.head.i > num_tok.i and num_tok.head.pos_ in ("NOUN", "PROPN") and \
            num_tok.head.i - q.end <= 5:
        return num_tok.head
    if q.end < len(doc) and doc[q.end].pos_ == "NOUN" and doc[q.end].tag_ == "NNS":
        return doc[q.end]
    if q.end + 2 < len(doc) and doc[q.end].lower_ == "of" and doc[q.end + 1].pos_ in ("DET", "PRON"):
        return next((x for x in doc[q.end + 1 : min(len(doc), q.end + 6)] if x.pos_ == "NOUN" and x.tag_ == "NNS"),
                    None)
    if q.end + 1 < len(doc) and doc[q.end].lower_ == "of" and doc[q.end + 1].tag_ in ("NNS", "NNPS"):
        return doc[q.end + 1]
    return None


def _plural_after(doc: Doc, q: Quantity) -> Optional[Token]:
    """The parser attached the number elsewhere: "3.1M streaming and retail sales", "thousands
    of rapid tests": the first plural noun after modifiers only."""
    k = q.end + (1 if doc[q.end].lower_ == "of" and (q.value_max is not None or q.is_words) else 0)
    for x in doc[k : min(len(doc), k + 5)]:
        if x.tag_ == "NNS" and x.pos_ == "NOUN":
            return x
        if not (x.pos_ in ("ADJ", "CCONJ", "PROPN", "NUM") or x.text in ("-",) or x.dep_ == "compound"):
            return None
    return None


def _unit_noun(doc: Doc, q: Quantity, noun: Token) -> Optional[str]:
    """The unit a counted noun names ("517 rushing yards", "21 straight days"), or None: a
    written unit within two tokens, not a short unit, percent or point, and no time reference
    word between ("... and 2.1 last year" is no duration)."""
    unit = UNIT_WORDS.get((noun.lower_,))
    if unit is None or (noun.lower_,) in SHORT_UNITS or noun.i - q.end > 2 or unit in ("percent", "point"):
        return None
    if any(t.lower_ in DEICTIC_BEFORE_UNIT for t in doc[q.end : noun.i]):
        return None
    return unit


def _count(st: Analysis, noun: Token) -> None:
    """The quantity counts ``noun``: its noun phrase (after the number, without determiners;
    "number of X" read as X) is the concept, unit ``count``; the evidence reaches the verb of a
    counted subject; a counted object's clause subject is remembered (for the entity)."""
    doc, q = st.doc, st.q
    text, a, b = np_phrase(noun)
    a = max(a, q.end if noun.i >= q.end else noun.i)
    b = b if noun.i >= q.end else noun.i + 1
    if doc[a].lower_ == "of":
        a += 1
    while a < b and doc[a].pos_ in ("DET", "PRON"):
        a += 1
    if q.value == 1 and q.is_words and doc[q.end].lower_ == "of":
        b = _one_of_set_end(doc, noun, b)
    st.concept = text if noun.lemma_.lower() in NUMBER_OF_HEADS else (doc[a:b].text if a < b else noun.text)
    st.c_end = b
    st.counted = True
    st.unit = "count"
    st.ev_end = max(st.ev_end, b)
    gov_v = clause_verb(noun)
    if noun.dep_ in ("nsubj", "nsubjpass") and gov_v is not None and gov_v.i > noun.i:
        st.ev_end = max(st.ev_end, gov_v.i + 1)
    st.subj_tok = subject(gov_v) if gov_v is not None and noun.dep_ not in ("nsubj", "nsubjpass") else None


def _one_of_set_end(doc: Doc, noun: Token, b: int) -> int:
    """"one of the heaviest animals to ever walk the earth": the set is described by the whole
    noun phrase, its relative and infinitival modifiers included (up to punctuation, a
    sentence start or 16 tokens)."""
    right = noun.right_edge.i + 1
    stop = [t.i for t in doc[b:right] if t.is_punct or t.is_sent_start]
    right = min([right] + stop)
    return right if b < right <= noun.i + 16 else b


def number_of_list_item(st: Analysis) -> None:
    """A list item "..., and the number of investors 1": a number at a clause end after the
    object of "the number of" counts that noun."""
    doc, q = st.doc, st.q
    if not (st.unit is None and q.start >= 3
            and (q.end >= len(doc) or doc[q.end].is_punct or doc[q.end].pos_ == "CCONJ")):
        return
    before = doc[q.start - 1]
    if before.tag_ == "NNS" and before.dep_ == "pobj" and before.head.lower_ == "of" \
            and before.head.head.lemma_.lower() in NUMBER_OF_HEADS:
        _, a, b = np_phrase(before)
        a = max(a, before.head.i + 1)
        while a < b and doc[a].pos_ == "DET":
            a += 1
        st.concept, st.c_end, st.counted, st.unit = doc[a : before.i + 1].text, before.i + 1, True, "count"
        st.ev_start = min(st.ev_start, before.head.head.i)


# -- 2. concept from the parse ---------------------------------------------------------------

ConceptSource = Callable[[Analysis], Optional[Token]]
#: The concept sources in the order they are tried: (name, source); the first that names a
#: target noun wins.
CONCEPT_SOURCES = Registry("concept source")
#: Register a concept source under a name (decorator); sources are tried in definition order.
concept_source = CONCEPT_SOURCES.rule


def _pobj_nouns(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]


def _stated_change_noun(st: Analysis) -> Optional[Token]:
    """The change noun of a stated change ("a decrease of 86%"), or None."""
    return st.change_noun if st.change is not None and not st.counted else None


@concept_source("prepositional_object")
def prepositional_object(st: Analysis) -> Optional[Token]:
    """The object of "in"/"of"/"worth"/"for" right after a measured quantity: "1 million yuan in
    economic losses", "$5m of damages", "$52,000 for CN" (not for counts and percentages)."""
    if st.unit in (None, "count", "percent", "percentage_point"):
        return None
    holders = [st.anchor] + ([st.gov] if st.gov.i == st.anchor.head.i else [])
    objs = [p for h in holders for c in h.children
            if c.dep_ == "prep" and c.lower_ in CONCEPT_PREPS and c.i == st.q.end for p in _pobj_nouns(c)]
    return objs[0] if objs else None


@concept_source("percent_of")
def percent_of(st: Analysis) -> Optional[Token]:
    """The of-object of a percentage or fraction: "20 percent of personal spending", "two-thirds
    of the combined streaming and retail sales" (with the object misparsed as an adjective: the
    last noun of the of-phrase)."""
    doc, q = st.doc, st.q
    if st.unit not in ("percent", "fraction"):
        return None
    objs = [p for c in st.anchor.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == q.end
            for p in _pobj_nouns(c)]
    if objs:
        return objs[0]
    if st.unit == "fraction" and q.end < len(doc) and doc[q.end].lower_ == "of" \
            and q.start <= doc[q.end].head.i < q.end:
        obj = [p for p in doc[q.end].children if p.dep_ == "pobj"]
        nouns = [t for t in (obj[0].subtree if obj else []) if t.pos_ in ("NOUN", "PROPN")]
        if nouns:
            return nouns[-1]
    return None


@concept_source("change_noun_object")
def change_noun_object(st: Analysis) -> Optional[Token]:
    """The in/of-object of a change noun after the quantity: "a decrease of 86% in lending"."""
    cn = _stated_change_noun(st)
    if cn is None:
        return None
    objs = [p for c in cn.children if c.dep_ == "prep" and c.lower_ in ("in", "of") and c.i > st.q.end
            for p in _pobj_nouns(c)]
    return objs[0] if objs else None


@concept_source("worth")
def worth(st: Analysis) -> Optional[Token]:
    """The noun before "worth": "a tax credit worth up to $6 million"."""
    doc, q = st.doc, st.q
    if q.cue_start > 0 and doc[q.cue_start - 1].lower_ == "worth":
        return noun_before(doc, q.cue_start - 1)
    return None


@concept_source("apposition")
def apposition(st: Analysis) -> Optional[Token]:
    """The noun a measured quantity stands in apposition to: "a far bigger battery, 7200 mAh,"
    (not a unit word, not a noun with its own number)."""
    head = st.anchor.head
    if st.anchor.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and head.i < st.q.start \
            and not head.like_num and st.unit not in (None, "count") and (head.lower_,) not in UNIT_WORDS \
            and not any(c.dep_ == "nummod" for c in head.children):
        return head
    return None


@concept_source("change_noun_apposition")
def change_noun_apposition(st: Analysis) -> Optional[Token]:
    """The noun a change phrase stands in apposition to: "139 institutions …, a decrease of 86%"."""
    cn = _stated_change_noun(st)
    if cn is not None and cn.dep_ == "appos" and cn.head.pos_ in ("NOUN", "PROPN"):
        return cn.head
    return None


@concept_source("modified_noun")
def modified_noun(st: Analysis) -> Optional[Token]:
    """The noun the quantity modifies: "a 25% duty", "$48.2 million army contract" (not a
    change noun)."""
    noun = st.anchor.head
    if st.anchor.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and noun.pos_ in ("NOUN", "PROPN") \
            and noun.i > st.anchor.i and noun.lemma_.lower() not in CHANGE_NOUNS:
        return noun
    return None


@concept_source("of_governor")
def of_governor(st: Analysis) -> Optional[Token]:
    """The noun before "of" and the quantity: "a penalty of $2 billion" (not a change noun nor
    "average", "total", "rate", "increase")."""
    gov = st.gov
    if st.prep == "of" and gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() not in CHANGE_NOUNS \
            and gov.lemma_.lower() not in NOT_CONCEPT_OF_HEADS:
        return gov
    return None


@concept_source("clause")
def clause(st: Analysis) -> Optional[Token]:
    """The governing clause: the object before the quantity of a change verb ("cut the budget
    by 5%"), else the clause subject ("the balance of loans decreased by 75%"); not a pronoun.
    Remembers the subject (for the entity)."""
    q = st.q
    verb = st.gov if st.gov.pos_ in ("VERB", "AUX") else clause_verb(st.gov)
    if verb is None:
        return None
    obj = None
    if st.change is not None or st.direction:
        for c in verb.children:
            if c.dep_ == "dobj" and not (q.start <= c.i < q.end) and c.i < q.start:
                obj = c
    subj = subject(verb)
    target = obj if obj is not None else subj
    st.clause_target = True
    st.subj_tok = subj
    return None if target is not None and target.pos_ == "PRON" else target


def syntax_concept(st: Analysis) -> None:
    """Step 2: the target noun of the first concept source that names one, read as a concept."""
    if st.concept is not None:
        return
    target = next((t for _, source in CONCEPT_SOURCES if (t := source(st)) is not None), None)
    if target is not None:
        _target_concept(st, target)


def _target_concept(st: Analysis, target: Token) -> None:
    """The concept is ``target``'s noun phrase without determiners, cut before the quantity
    ("a penalty of $2 billion") or started after it ("5G technology"); the evidence grows to a
    subject that states the claim ("the number of lenders fell by 80%") or to a concept
    right after the quantity."""
    doc, q = st.doc, st.q
    text, a, b = np_phrase(target)
    if a < q.cue_start < b:  # "a penalty of $2 billion": stop before the quantity
        b = q.cue_start
        while b > a and doc[b - 1].lower_ in CONCEPT_CUT_PREPS:
            b -= 1
    elif q.cue_start <= a < q.end < b:  # "5G technology": start after the quantity
        a = q.end
    while a < b and doc[a].pos_ == "DET" and text:
        a += 1
    st.concept = doc[a:b].text if a < b else None
    st.c_end = b
    if target.lemma_.lower() in NUMBER_OF_HEADS and st.unit is None:
        st.unit = "count"
    if st.clause_target and target.i < q.start and q.start - target.i <= 25 and (
            st.change is not None or st.gov.lemma_ == "be"):
        st.ev_start = min(st.ev_start, _subject_evidence_start(target, a))
    elif target.i >= q.end and b - q.end <= 6:
        st.ev_end = max(st.ev_end, b)


def _subject_evidence_start(target: Token, a: int) -> int:
    """Where a subject that states the claim starts: its left edge (at most three tokens
    before it, else the concept's start) or determiner; "the number of" included."""
    left = target.left_edge.i if target.left_edge.i >= target.i - 3 else a
    dets = [c.i for c in target.children if c.dep_ == "det"]
    start = min([left, a] + dets)
    if target.lemma_.lower() in NUMBER_OF_HEADS:
        start = min([start, target.i] + dets)
    return start


# -- 3. fallbacks ----------------------------------------------------------------------------


def fallback_concept(st: Analysis) -> None:
    """Step 3, for an uncounted quantity without concept: the clause subject's phrase ("Tesla
    shares … plummeting 65%"), else :func:`positional_concept`."""
    doc, q = st.doc, st.q
    if st.concept is not None or st.counted:
        return
    subj = st.subj_tok
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not (q.start <= subj.i < q.end):
        _, a, b = np_phrase(subj)
        while a < b and doc[a].pos_ == "DET":
            a += 1
        if a < b and not (a <= q.start < b):
            st.concept = doc[a:b].text
    if st.concept is None:
        run = positional_concept(doc, q)
        if run is not None:
            st.concept = run.text


def positional_concept(doc: Doc, q: Quantity) -> Optional[Span]:
    """Fallback when the parse gives no concept (headline-style fragments the parser
    misreads): the of-phrase after a bracketed conversion ("5 miles (8 kilometers) of new
    rail lines"), a noun phrase right after the quantity that it modifies ("a 410 μm pixel
    pitch", "30% fuming sulfuric acid", "a 5% pay rise"), else the noun phrase right before
    a copula or "≈"/"=" that precedes it ("this year's MSRP is $33,790", "floor area ≈
    32m2"). Adjacent words only, in one sentence; None otherwise."""
    for rule in (_of_after_conversion, _noun_run_after, _noun_before_copula):
        span = rule(doc, q)
        if span is not None:
            return span
    return None


def _of_after_conversion(doc: Doc, q: Quantity) -> Optional[Span]:
    """"5 miles (8 kilometers) of new rail lines": the of-phrase after a bracketed conversion."""
    n = len(doc)
    k = q.end
    if k < n and doc[k].text == "(":
        close = [t.i for t in doc[k : min(n, k + 8)] if t.text == ")"]
        k = close[0] + 1 if close else k
    elif k < n and doc[k].text == ")":
        k += 1
    if not (k > q.end and k + 1 < n and doc[k].lower_ == "of"):
        return None
    a = k + 1
    while a < n and doc[a].pos_ in ("DET", "PRON"):
        a += 1
    b = a
    while b < n and b - a < 5 and doc[b].pos_ in ("NOUN", "ADJ", "PROPN"):
        b += 1
    return doc[a:b] if b > a and doc[b - 1].pos_ in ("NOUN", "PROPN") else None


def _noun_run_after(doc: Doc, q: Quantity) -> Optional[Span]:
    """"a 410 μm pixel pitch": nouns, adjectives and participles right after the quantity (at
    most five, no number or currency word), ending in a noun that no noun follows."""
    n = len(doc)
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
    return None


def _noun_before_copula(doc: Doc, q: Quantity) -> Optional[Span]:
    """"this year's MSRP is $33,790", "floor area ≈ 32m2": the nouns (and adjectives, at most
    three more) right before a copula or "≈"/"="/"~" before the quantity, in its sentence."""
    j = q.cue_start - 1
    sent_start = doc[q.start].sent.start
    if not (j >= 1 and (doc[j].lemma_ == "be" or doc[j].text in ("≈", "=", "~"))
            and doc[j - 1].pos_ in ("NOUN", "PROPN") and doc[j - 1].sent.start == sent_start):
        return None
    a = j - 1
    while a - 1 >= sent_start and doc[a - 1].pos_ in ("NOUN", "PROPN", "ADJ") and j - a < 4:
        a -= 1
    return doc[a:j]


# -- 4. cleaning -------------------------------------------------------------------------------


def clean_concept(concept: Optional[str]) -> Optional[str]:
    """A concept as text, or None: never a number ("15,500", "25 of them"), a pronoun ("almost
    half of which"), a phrase cut across a bracket ("121ft)-long"); without leading punctuation
    ("30,000 - Xinhuanet"), a leading "of" ("two of Johnson's deputies"), what follows a spaced
    dash ("24 new cases - Xinhuanet") or trailing function words ("Details of the")."""
    if concept is None:
        return None
    if not _LETTER.search(concept) or _NUMBER_FIRST.match(concept):
        return None
    concept = concept.lstrip(" -–—:;,.'\"") or None
    if concept is not None and concept.lower().startswith("of "):
        concept = concept[3:].lstrip() or None
    if concept is not None:
        concept = _SPACED_DASH.split(concept)[0]
        concept = _TRAILING_FUNCTION.sub("", concept) or None
    if concept is not None and concept.count("(") != concept.count(")"):
        return None
    if concept is not None and re.sub(r"^of\s+", "", concept.lower()) in PRONOUN_CONCEPTS:
        return None
    return concept


def names_a_date(ctx: DocContext, sent: Span, concept: str) -> bool:
    """True when ``concept`` is part of a date mention of ``doc._.dates`` inside the sentence
    ("a 13.3% drop in the first half": a date is not the concept)."""
    dates = ctx.doc._.dates or []
    low = concept.lower()
    return any(low in dates[k].text.lower() for k in ctx.dates_by_sentence.get(sent.start, ())
               if dates[k].start >= sent.start_char and dates[k].end <= sent.end_char)
