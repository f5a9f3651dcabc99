"""Numbers that are not claims: named exclusion rules in a registry.

Each rule is a small predicate ``(ctx, q) -> bool`` registered with ``@exclusion("name")``
(as the date patterns of :mod:`newsfacts.components.dates.rules` are with ``@pattern``); ``ctx`` is the
document's :class:`~.model.DocContext` and ``q`` a :class:`~.model.Quantity` as read from the
tokens. A quantity is dropped when any rule fires (:func:`excluded`); the rules run in the
order they are defined here (``EXCLUSIONS``), and :func:`fired` names every rule that fires for
a quantity, so overlapping rules show (:func:`newsfacts.components.claims.explain_exclusions`
lists them for a whole document).

A new rule goes here: a function with a docstring giving the rule, its examples and its source
(news style observed in the project's corpora unless another source is named), registered
with ``@exclusion``, its words in :mod:`newsfacts.lexicon.en.nonclaims`, and a row in the
parameter table of ``tests/claims/test_exclusions.py`` that fails without it.

Groups: dates and times (``date_mention``, ``date_entity``, ``year``, ``clock_time``), notation
(``scientific_exponent``, ``hyphen_chain_code``, ``digit_groups``, ``phone_number``,
``ordinal_suffix``, ``ordinal_entity``, ``list_marker``), references and names
(``reference``, ``stock_index_name``, ``name_part``, ``number_word_in_name``,
``written_number_unit_in_name``, ``format_letter``, ``name_entity``, ``signed_name_suffix``,
``street_address``, ``model_name``, ``name_after_count``, ``model_number_in_discourse``),
attributes (``time_adjective``) and ages (``age_years_old``, ``age_word``, ``age_apposition``,
off with ``include_ages``).
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from ...lexicon.en.calendar import TIME_UNITS
from ...lexicon.en.cues import APPROX_CUES, DURATION_BLOCK_NEXT
from ...lexicon.en.currencies import ISO_CODES
from ...lexicon.en.nonclaims import (AGE_UNITS, AGE_WORDS, CLOCK_WORDS, COUNTING_REFERENCE_WORDS, FORMAT_LETTERS,
                                     INDEX_NAMES, MODEL_NAME_WORDS, NAME_ENTITY_TYPES, ORDINAL_SUFFIXES, PHONE_WORDS,
                                     REFERENCE_WORDS, STREET_WORDS)
from ...lexicon.en.units import UNIT_WORDS
from .model import DocContext, Quantity
from .registry import Registry

Exclusion = Callable[[DocContext, Quantity], bool]
#: The exclusion rules in the order they run: (name, predicate).
EXCLUSIONS = Registry("exclusion")
#: Register an exclusion rule under a name (decorator); rules run in definition order.
exclusion = EXCLUSIONS.rule

_HYPHEN_CHAIN = re.compile(r"(?<![\w.-])\d+(?:[-–]\d+){2,}(?![\w-])")
_EXPONENT_BEFORE = re.compile(r"[×x]\s?10\s?[\^−-]?$")
_PLAIN_DIGITS = re.compile(r"\+?\d+")
_APPROX_FIRST_WORDS = frozenset(k[0] for k in APPROX_CUES)


def excluded(ctx: DocContext, q: Quantity) -> bool:
    """True when some exclusion rule fires for ``q`` (the first that fires ends the check)."""
    return any(rule(ctx, q) for _, rule in EXCLUSIONS)


def fired(ctx: DocContext, q: Quantity) -> list[str]:
    """The names of every exclusion rule that fires for ``q``, in registry order (for debugging
    and tests: overlapping rules all show)."""
    return [name for name, rule in EXCLUSIONS if rule(ctx, q)]


# -- helpers -----------------------------------------------------------------------------------


def _prev(doc: Doc, q: Quantity) -> Optional[Token]:
    return doc[q.start - 1] if q.start > 0 else None


def _next(doc: Doc, q: Quantity) -> Optional[Token]:
    return doc[q.end] if q.end < len(doc) else None


def _glued_after(tok: Token, last: Token) -> bool:
    """``tok`` starts right where ``last`` ends (no space between)."""
    return tok.idx == last.idx + len(last)


def _may_be_date(doc: Doc, q: Quantity) -> bool:
    """A bare number or one with a time unit that is not a duration ("two years ago" is a point)."""
    nxt = _next(doc, q)
    nxt_low = nxt.lower_ if nxt is not None else ""
    is_duration = q.unit in TIME_UNITS and nxt_low not in DURATION_BLOCK_NEXT
    return not is_duration and (q.unit is None or q.unit in TIME_UNITS)


# -- dates and times ---------------------------------------------------------------------------


@exclusion("date_mention")
def date_mention(ctx: DocContext, q: Quantity) -> bool:
    """The first or last token of the number lies in a DATE/TIME/SET mention of ``doc._.dates``
    ("May 9, 2020", "the 1990s"); durations ("21 consecutive months") stay quantities.
    Source: TimeML/TIMEX3 — a date is a temporal expression, reported by the dates stage."""
    return _may_be_date(ctx.doc, q) and (q.num_start in ctx.date_tokens or q.num_end - 1 in ctx.date_tokens)


@exclusion("date_entity")
def date_entity(ctx: DocContext, q: Quantity) -> bool:
    """spaCy's NER tags the number DATE or TIME, unless the number cannot be a date (five or
    more digits or a thousands comma: spaCy tags "at 1480233" DATE; a scaled number or a
    non-year before a plural noun: "sales of 4217 units", "two and a half million meals") or
    it is a bare number after "to"/"from" that follows a word ("the year to 1")."""
    doc = ctx.doc
    if not _may_be_date(doc, q) or _not_date_shaped(doc, q):
        return False
    for tok in {doc[q.num_start], doc[q.num_end - 1]}:
        if tok.ent_type_ in ("DATE", "TIME") and not _end_of_to_phrase(doc, tok):
            return True
    return False


def _not_date_shaped(doc: Doc, q: Quantity) -> bool:
    """Five or more digits, a thousands comma, or a number that cannot be a year before a
    plural noun that is no unit: not a date whatever the NER says."""
    if q.digits and (len(q.digits.lstrip("+-")) >= 5 or "," in q.digits):
        return True
    nxt = _next(doc, q)
    return q.unit is None and (q.has_scale or q.integer_text and not 1000 <= q.value <= 2100) \
        and nxt is not None and nxt.tag_ == "NNS" and (nxt.lower_,) not in UNIT_WORDS


def _end_of_to_phrase(doc: Doc, tok: Token) -> bool:
    """``tok`` follows "to"/"from" after a word: "the year to 1" (a quantity, not a date)."""
    p = doc[tok.i - 1] if tok.i > 0 else None
    pp = doc[tok.i - 2] if tok.i > 1 else None
    return p is not None and p.lower_ in ("to", "from") and pp is not None and pp.is_alpha and not pp.like_num


@exclusion("year")
def year(ctx: DocContext, q: Quantity) -> bool:
    """A bare four-digit integer from 1800 to 2100 is a year ("In 2018 the bureau moved")."""
    return q.unit is None and q.integer_text and 1800 <= q.value <= 2100 and len(q.digits) == 4


@exclusion("clock_time")
def clock_time(ctx: DocContext, q: Quantity) -> bool:
    """A bare number before a clock word (``CLOCK_WORDS``: "5 am", "10 p.m.", "0800 GMT")."""
    nxt = _next(ctx.doc, q)
    return q.unit is None and nxt is not None and nxt.lower_ in CLOCK_WORDS


# -- notation ----------------------------------------------------------------------------------


@exclusion("scientific_exponent")
def scientific_exponent(ctx: DocContext, q: Quantity) -> bool:
    """The exponent of scientific notation: "1.99×10−30 kilograms", "3x10^8" (the six
    characters before the number end in "×10", "x10^" or "×10−")."""
    first = ctx.doc[q.num_start]
    return _EXPONENT_BEFORE.search(ctx.text[max(0, first.idx - 6):first.idx]) is not None


@exclusion("hyphen_chain_code")
def hyphen_chain_code(ctx: DocContext, q: Quantity) -> bool:
    """Codes and drawn numbers: a bare number inside three or more numbers joined by hyphens
    ("16-22-29-39-42", "978-3-16-148410-0"); a score or range has two."""
    if q.unit is not None:
        return False
    doc = ctx.doc
    first = doc[q.num_start]
    window = doc[max(0, q.num_start - 8) : min(len(doc), q.num_end + 8)]
    off = window.start_char
    return any(m.start() + off <= first.idx < m.end() + off for m in _HYPHEN_CHAIN.finditer(window.text))


@exclusion("digit_groups")
def digit_groups(ctx: DocContext, q: Quantity) -> bool:
    """Three or more plain digit tokens in a row ("+44 20 7946 0958") are a phone or ID number."""
    if q.unit is not None or q.is_words:
        return False
    doc = ctx.doc

    def plain(k: int) -> bool:
        return 0 <= k < len(doc) and _PLAIN_DIGITS.fullmatch(doc[k].text) is not None

    a, b = q.num_start, q.num_end - 1
    return plain(a) and (plain(a - 1) and (plain(a - 2) or plain(b + 1)) or plain(b + 1) and plain(b + 2))


@exclusion("phone_number")
def phone_number(ctx: DocContext, q: Quantity) -> bool:
    """Phone, hotline or ID numbers: a bare integer of five or more digits within three tokens
    of a phone word (``PHONE_WORDS``: "call the 12345 hotline")."""
    if not (q.integer_text and len(q.digits) >= 5 and q.unit is None):
        return False
    doc = ctx.doc
    return any(t.lower_ in PHONE_WORDS for t in doc[max(0, q.start - 3) : min(len(doc), q.end + 3)])


@exclusion("ordinal_suffix")
def ordinal_suffix(ctx: DocContext, q: Quantity) -> bool:
    """An ordinal suffix the tokenizer split off the digits ("70 th")."""
    nxt = _next(ctx.doc, q)
    return nxt is not None and nxt.lower_ in ORDINAL_SUFFIXES and _glued_after(nxt, ctx.doc[q.num_end - 1])


@exclusion("ordinal_entity")
def ordinal_entity(ctx: DocContext, q: Quantity) -> bool:
    """A number spaCy's NER tags ORDINAL ("finished 2 in the final"); a glued "7pc", which spaCy
    also tags ORDINAL, keeps its percent unit and stays. (Ordinals written "70th" or "first" are
    never read as numbers: see :func:`~.quantities.scan`.)"""
    first = ctx.doc[q.num_start]
    return first.ent_type_ == "ORDINAL" and (q.unit is None or first.like_num)


@exclusion("list_marker")
def list_marker(ctx: DocContext, q: Quantity) -> bool:
    """List markers: a bare number opening a line and followed by "." or ")" ("1. Details")."""
    doc = ctx.doc
    if q.unit is not None:
        return False
    if not (q.start == 0 or "\n" in doc[q.start - 1].text_with_ws or doc[q.start - 1].is_space):
        return False
    nxt = _next(doc, q)
    return nxt is not None and nxt.text in (".", ")")


# -- references and names ----------------------------------------------------------------------


@exclusion("reference")
def reference(ctx: DocContext, q: Quantity) -> bool:
    """References: a bare exact number after a reference word (``REFERENCE_WORDS``: "Figure 1",
    "Table 2", "Row 21", "No. 5", "#3"); the words of ``COUNTING_REFERENCE_WORDS`` only in lower
    case and without "the"/"a" before them ("in week 3"; "the number 5" stays)."""
    doc = ctx.doc
    prev = _prev(doc, q)
    if prev is None or q.unit is not None or q.approx != "exact":
        return False
    if not (prev.lower_.rstrip(".") in REFERENCE_WORDS or prev.lower_ in REFERENCE_WORDS):
        return False
    if prev.lower_ in COUNTING_REFERENCE_WORDS:
        return not (prev.is_title or (q.start >= 2 and doc[q.start - 2].lower_ in ("the", "a")))
    return True


@exclusion("stock_index_name")
def stock_index_name(ctx: DocContext, q: Quantity) -> bool:
    """Stock index names: a bare exact integer after an index name (``INDEX_NAMES``: "the FTSE
    100 fell", "Nasdaq 100 futures", "the S&P 500 closed higher")."""
    if not (q.unit is None and q.approx == "exact" and not q.is_words and q.integer_text):
        return False
    before = [t.lower_ for t in ctx.doc[max(0, q.start - 3) : q.start]]
    return any(tuple(before[-len(k):]) == k for k in INDEX_NAMES if len(k) <= len(before))


@exclusion("name_part")
def name_part(ctx: DocContext, q: Quantity) -> bool:
    """Part of a name: a bare digit number after a word with a capital letter (over a hyphen)
    that is no sentence start, quantity entity, approximation cue or currency code ("S&P 500",
    "iPhone 12", "Covid-19", "Big 12"); not before a plural noun ("Boeing 787 jets" counts
    jets) unless a count stands before the name ("12 Boeing 787 jets": 12 counts, 787 names)."""
    doc = ctx.doc
    prev = _prev(doc, q)
    if q.unit is not None or prev is None or q.is_words:
        return False
    p = doc[q.start - 2] if prev.text == "-" and q.start >= 2 else prev
    if not (any(c.isupper() for c in p.text) and not p.is_sent_start and p.pos_ in ("PROPN", "NOUN", "X", "ADJ", "NUM")):
        return False
    if p.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME") \
            or p.lower_ in _APPROX_FIRST_WORDS or p.text in ISO_CODES:
        return False
    nxt = _next(doc, q)
    plural_after = nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and nxt.tag_ == "NNS"
    return not plural_after or p.i >= 1 and doc[p.i - 1].like_num


@exclusion("number_word_in_name")
def number_word_in_name(ctx: DocContext, q: Quantity) -> bool:
    """A capitalised number word inside a name: "the Little Five Peaks Bridge", "Big Ten", "BBC
    One", "Formula One" (a capitalised word before it, mid-sentence, and no noun after it)."""
    doc = ctx.doc
    first, prev, nxt = doc[q.num_start], _prev(doc, q), _next(doc, q)
    return q.unit is None and q.is_words and first.is_title and prev is not None and prev.text[:1].isupper() \
        and prev.is_alpha and not prev.is_sent_start \
        and (nxt is None or nxt.is_title or nxt.pos_ not in ("NOUN", "PROPN"))


@exclusion("written_number_unit_in_name")
def written_number_unit_in_name(ctx: DocContext, q: Quantity) -> bool:
    """A capitalised written number and unit inside a name, mid-sentence, before a capitalised
    word: "the 14th Five-Year Plan", "the Ten Thousand Mu Demonstration Field"."""
    doc = ctx.doc
    first, nxt = doc[q.num_start], _next(doc, q)
    return q.is_words and first.is_title and not first.is_sent_start and nxt is not None \
        and nxt.is_title and not nxt.is_sent_start and q.unit is not None and doc[q.end - 1].is_title


@exclusion("format_letter")
def format_letter(ctx: DocContext, q: Quantity) -> bool:
    """Formats glued to a capital letter (``FORMAT_LETTERS``): "4K TV", "3D" ("5G" is read as a
    network generation)."""
    doc = ctx.doc
    nxt = _next(doc, q)
    return q.unit is None and not q.is_words and nxt is not None and _glued_after(nxt, doc[q.num_end - 1]) \
        and nxt.text in FORMAT_LETTERS and q.integer_text


@exclusion("name_entity")
def name_entity(ctx: DocContext, q: Quantity) -> bool:
    """A bare number inside (not opening) a PRODUCT, WORK_OF_ART, LAW, EVENT or FAC entity of
    spaCy's NER ("Windows 11", "Euro 2020"; ``NAME_ENTITY_TYPES``)."""
    first = ctx.doc[q.num_start]
    return q.unit is None and first.ent_type_ in NAME_ENTITY_TYPES and first.ent_iob_ != "B"


@exclusion("signed_name_suffix")
def signed_name_suffix(ctx: DocContext, q: Quantity) -> bool:
    """"COVID -19": a signed bare number right after a capitalised word and a space."""
    doc = ctx.doc
    prev, first = _prev(doc, q), doc[q.num_start]
    return q.digits[:1] in ("-", "+") and prev is not None and prev.is_alpha and not prev.is_lower \
        and bool(prev.whitespace_) and first.text[:1] in "+-" and q.unit is None


@exclusion("street_address")
def street_address(ctx: DocContext, q: Quantity) -> bool:
    """Street addresses: a bare number (or a range of house numbers) before capitalised words
    that include a street word within five tokens (``STREET_WORDS``: "49 Zorro Ranch Road",
    "9 E 71st St", "16-18 Harbour Road")."""
    doc = ctx.doc
    k = q.end
    if k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].like_num:
        k += 2  # a range of house numbers
    if q.unit is not None or k >= len(doc) or doc[k].is_lower:
        return False
    for t in doc[k : min(len(doc), k + 5)]:
        if t.is_lower or t.is_punct and t.text != ".":
            return False
        if t.lower_.rstrip(".") in STREET_WORDS:
            return True
    return False


@exclusion("model_name")
def model_name(ctx: DocContext, q: Quantity) -> bool:
    """Model names: a bare exact integer before a singular proper noun ("iPhone 11 Pro", "787
    Dreamliner"), unless the proper nouns end in a plural noun ("3 Germans", "4 FA Cup finals",
    "48,720 Model Ys") or a lower-case noun the number modifies ("40 Airbus A350 aircraft"
    counts aircraft; "9,000 Model A and Model B trucks")."""
    doc = ctx.doc
    nxt = _next(doc, q)
    if not (q.unit is None and not q.is_words and q.integer_text and nxt is not None and nxt.tag_ == "NNP"
            and not nxt.is_lower and q.approx == "exact"):  # ("0.7 WAR" stays: not an integer)
        return False
    k = _after_proper_nouns(doc, q)
    if _counted_head_after(doc, q, k):
        return False
    return doc[k - 1].tag_ in ("NNP", "NN", "CD") and not (k < len(doc) and doc[k].tag_ in ("NNS", "NNPS"))


def _after_proper_nouns(doc: Doc, q: Quantity) -> int:
    """The token after the run of capitalised proper nouns (joined by "and"/"or": "Model A and
    Model B"), capitalised compounds the tagger calls NN ("Model X vehicles") and model numbers
    ("Boeing 787") that follows the quantity."""
    k = q.end
    while k < len(doc) and doc[k].tag_ in ("NNP", "NNPS") and not doc[k].is_lower:
        k += 1
        if k + 1 < len(doc) and doc[k].lower_ in ("and", "or") and doc[k + 1].tag_ == "NNP":
            k += 1  # "9,000 Model A and Model B trucks"
    while k < len(doc) and (doc[k].text[:1].isupper() and doc[k].dep_ == "compound" and doc[k].head.i > k
                            or any(ch.isdigit() for ch in doc[k].text) and doc[k].i > q.end):
        k += 1
    return k


def _counted_head_after(doc: Doc, q: Quantity, k: int) -> bool:
    """Token ``k`` is a lower-case noun the number modifies, without "a"/"an" ("40 Airbus A350
    aircraft"; not "a 3 News poll")."""
    return k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[q.num_start].head.i == k \
        and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in doc[k].children)


@exclusion("name_after_count")
def name_after_count(ctx: DocContext, q: Quantity) -> bool:
    """A bare digit number right after a count (and an adjective) and before a capitalised name
    is the name's: "four 320 Neo jets", "three 787 Dreamliners", "two new 320 Neo jets"."""
    doc = ctx.doc
    prev, nxt = _prev(doc, q), _next(doc, q)
    return q.unit is None and not q.is_words and prev is not None and nxt is not None and nxt.is_title \
        and not nxt.is_sent_start and q.approx == "exact" and (
            prev.like_num or prev.pos_ == "ADJ" and q.start >= 2 and doc[q.start - 2].like_num)


@exclusion("model_number_in_discourse")
def model_number_in_discourse(ctx: DocContext, q: Quantity) -> bool:
    """One sense per discourse (Gale, Church & Yarowsky 1992): a bare exact unscaled number the
    article uses elsewhere as a model name (``ctx.models``, see :func:`model_numbers`) is that
    name here too ("five new 737 aircraft", "Boeing's 787", "737-800" as one token, "the
    737-800 range")."""
    doc = ctx.doc
    models = ctx.models
    return bool(models) and q.unit is None and q.approx == "exact" and not q.has_scale and (
        q.digits.split("-")[0] in models
        or q.start >= 2 and doc[q.start - 1].text == "-" and doc[q.start - 2].text in models)


def model_numbers(doc: Doc, qs: list[Quantity]) -> set[str]:
    """Numbers a document uses as model names: three or more plain digits right after a
    capitalised proper noun (not a place or nationality) that is not followed by a plural noun
    ("Boeing 737", "Trent 900 engine", "Boeing 787 Dreamliner"), or is followed by one when the
    name is an ORG/PRODUCT entity or a count precedes it ("Boeing 787 orders", "12 Boeing 787
    jets"). One sense per discourse (Gale, Church & Yarowsky 1992): elsewhere in the same article
    the bare number is the same name ("five new 737 aircraft", "Boeing's 787", "the 737-800
    range"). Returns the digit strings."""
    out = set()
    for q in qs:
        if q.unit is not None or not q.integer_text or q.has_scale or len(q.digits) < 3 or q.start == 0:
            continue
        if _model_name_before(doc, q):
            out.add(q.digits)
    return out


def _model_name_before(doc: Doc, q: Quantity) -> bool:
    """The proper noun before ``q`` names a model (see :func:`model_numbers`)."""
    prev = doc[q.start - 1]
    nxt = _next(doc, q)
    if not (prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper
            and prev.ent_type_ not in ("GPE", "LOC", "DATE", "NORP")):
        return False
    if prev.lower_ in REFERENCE_WORDS and prev.lower_ not in MODEL_NAME_WORDS:
        return False  # "Article 300 of the Criminal Law": a passage, not a model the article names again
    return not (nxt is not None and nxt.tag_ in ("NNS", "NNPS")) \
        or prev.ent_type_ in ("ORG", "PRODUCT") \
        or q.start >= 2 and doc[q.start - 2].like_num  # "Boeing 787 orders rose", "12 Boeing 787 jets"


# -- attributes and ages -----------------------------------------------------------------------


@exclusion("time_adjective")
def time_adjective(ctx: DocContext, q: Quantity) -> bool:
    """A hyphenated time adjective before a noun ("a four-year $350,000 grant", "its
    three-year forecast"): an attribute of the noun, not a claim; the dates stage reports the
    duration ("45-year-old" is an age, see the age rules)."""
    doc = ctx.doc
    nxt = _next(doc, q)
    return q.unit in TIME_UNITS and q.end - q.num_end == 2 and doc[q.num_end].text == "-" \
        and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "SYM", "NUM", "ADJ") \
        and not (nxt.lower_ == "old" or nxt.text == "-")


@exclusion("age_years_old")
def age_years_old(ctx: DocContext, q: Quantity) -> bool:
    """An age: a number of years/months/weeks/days before "old" or "-old" ("45-year-old", "six
    months old"); kept when the component runs with ``include_ages``."""
    doc = ctx.doc
    if ctx.include_ages or q.unit not in AGE_UNITS or _next(doc, q) is None:
        return False
    after = [t.lower_ for t in doc[q.end : q.end + 2]]
    return after[:1] == ["old"] or after[:2] == ["-", "old"]


@exclusion("age_word")
def age_word(ctx: DocContext, q: Quantity) -> bool:
    """An age: a bare number after an age word (``AGE_WORDS``: "aged 45"); kept with ``include_ages``."""
    prev = _prev(ctx.doc, q)
    return not ctx.include_ages and q.unit is None and prev is not None and prev.lower_ in AGE_WORDS


@exclusion("age_apposition")
def age_apposition(ctx: DocContext, q: Quantity) -> bool:
    """An age: a bare number between commas after a person's name ("Smith, 45, said"); kept
    with ``include_ages``."""
    doc = ctx.doc
    prev, nxt = _prev(doc, q), _next(doc, q)
    return not ctx.include_ages and q.unit is None and nxt is not None and nxt.text == "," \
        and prev is not None and prev.text == "," and q.start >= 2 and doc[q.start - 2].ent_type_ == "PERSON"
