"""Reading quantities from tokens: numbers, scales, currencies, units, approximation cues.

:func:`scan` walks the tokens once and returns every :class:`~.model.Quantity` (token indices,
before syntax is consulted). At each token it tries, in order: a spelled-out fraction
(:func:`fraction`), skips ordinals and the pronoun "one" (:func:`pronoun_one`), then a number
with its currency, scale and unit (:func:`read_quantity`), else a vague plural (:func:`vague`);
each quantity then gets its approximation cue (:func:`set_approx`).

A number is read by the first of ``NUMBER_READERS`` that recognises the token (see
:func:`read_number`): a plain numeral (:func:`newsfacts.numbers.parse_numeral`), a written
fraction before "of" ("1/8 of a cup"), a suspended hyphen ("13- or 15-inch"), "sub-450",
"minus-130", an Australian-press "$US55,931,000", a numeral glued to a currency, scale or unit
("$2.4bn", "35m", "10km", "~45g", "+0.2%"), or a run of number words
(:func:`newsfacts.numbers.parse_number_words`).
"""

from __future__ import annotations

import re
from typing import Callable, Optional, Union

from spacy.tokens import Doc, Token

from ...lexicon.en.calendar import TIME_UNITS
from ...lexicon.en.cues import APPROX_CUES, APPROX_SUFFIX, MAX_CUE
from ...lexicon.en.currencies import CURRENCY_PREFIX, CURRENCY_WORDS, NOT_AFTER_VAGUE_PLURAL, POUND_WORDS
from ...lexicon.en.numbers import (FRACTION_DENOMINATORS, NUMBER_WORDS, ORDINAL_WORDS, SCALE_WORDS, SCALES,
                                   VAGUE_PLURALS, WORD_SCALES)
from ...lexicon.en.quantities import (AND_CONTINUES_AFTER, CURRENCY_LETTER_SCALES, FRACTION_NUMERATORS,
                                      FRACTION_OF_SCALE, GUARDED_GLUED_SCALES, HALF_A_SCALES,
                                      NOT_DURATION_ADJECTIVES, ONE_IN_N_NUMERATORS, PRONOUN_ONE_AFTER,
                                      PRONOUN_ONE_BEFORE, SCALE_NAMES, SENTENCE_FINAL_SCALES, VAGUE_MULTIPLIERS)
from ...lexicon.en.units import UNIT_WORDS
from ...numbers import parse_number_words, parse_numeral
from .model import Quantity
from .registry import Registry
from .units import counted_plural_follows, currency_after, currency_before, glued_currency, match_unit, money_context, rate

_NUMERAL = re.compile(r"[+-]?(?:\d[\d,.]*\d|\d|\.\d+)")
#: A numeral with what may be glued to it: "~", a currency, a sign, a scale, a unit.
_GLUED = re.compile(
    r"(?P<tilde>~)?(?P<cur>(?:US|U\.S\.|A|AU|C|CA|HK|S|NZ|NT|R)?\$(?:US|A|AU|C|NZ|HK|S)?|[€£¥₹₩₽₦₫฿₺₱]|PS|Y="
    r"|USD|EUR|GBP|RMB|CNY|JPY|RM|SEK|NOK|DKK|CHF|INR|Rs\.?|AUD|CAD|HKD|SGD|VND|KRW)?"
    r"(?P<sign>[+-])?(?P<num>\d[\d,.]*\d|\d)"
    r"(?P<scale>bn|mn|mln|bln|mil|tn|trn|k|m|b)?"
    r"(?P<unit>%|[a-zA-Z°º/]+\d?|[″′])?",
    re.I,
)
#: "70th", "1st": ordinals written with digits.
ORDINAL = re.compile(r"\d+(st|nd|rd|th)", re.I)
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
#: Single-token units that a glued scale letter and unit letters together spell ("5mm", "6kW").
_ONE_WORD_UNITS = frozenset(k[0] for k in UNIT_WORDS if len(k) == 1)

#: What a number reader returns: (end token, value, is_words, info), where ``info`` carries
#: what a glued token held ("cur", "scale", "unit", "approx", "glued_prev") and the raw digit
#: text ("digits").
Reading = tuple[int, float, bool, dict]
#: A reader that does not recognise the token returns ``NOT_MINE``; one that recognises it
#: returns a :data:`Reading`, or None when the token is not a number after all ("3.2.1").
NOT_MINE = object()
NumberReader = Callable[[Doc, int], Union[Reading, None, object]]
#: The number readers in the order they are tried: (name, reader).
NUMBER_READERS = Registry("number reader")
#: Register a number reader under a name (decorator); readers are tried in definition order.
number_reader = NUMBER_READERS.rule


def read_number(doc: Doc, i: int) -> Optional[Reading]:
    """Read a number starting at token ``i`` with the first reader of ``NUMBER_READERS`` that
    recognises the token; returns (end token, value, is_words, info) or None."""
    for _, reader in NUMBER_READERS:
        got = reader(doc, i)
        if got is not NOT_MINE:
            return got
    return None


def _digits(text: str, info: dict, i: int, negative: bool = False, **extra) -> Optional[Reading]:
    """A one-token reading of the numeral ``text`` (None when it does not parse)."""
    v = parse_numeral(text)
    if v is None:
        return None
    info.update(extra)
    return i + 1, -v if negative else v, False, info


@number_reader("numeral")
def _read_numeral(doc: Doc, i: int):
    """A plain numeral: "1,000", "27,349.19", "1.000.000" (not a version "3.2.1"); a word joiner
    inside it (what a zero-width space between digits becomes in the model text) is dropped."""
    text = doc[i].text.replace("\u2060", "")
    if not _NUMERAL.fullmatch(text):
        return NOT_MINE
    if text.count(".") > 1 and not re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):
        return None  # version "3.2.1"
    return _digits(text, {"digits": text}, i)


@number_reader("written_fraction")
def _read_written_fraction(doc: Doc, i: int):
    """A written fraction before "of": "1/8 of a cup", "1⁄3 of the vote"."""
    fm = re.fullmatch(r"(\d{1,3})[/⁄](\d{1,4})", doc[i].text)
    if fm and i + 1 < len(doc) and doc[i + 1].lower_ == "of" and 0 < int(fm.group(1)) < int(fm.group(2)):
        return i + 1, int(fm.group(1)) / int(fm.group(2)), False, {"digits": doc[i].text, "unit": "fraction"}
    return NOT_MINE


@number_reader("suspended_hyphen")
def _read_suspended_hyphen(doc: Doc, i: int):
    """"a 13- or 15-inch laptop": the unit follows the second number."""
    hm = re.fullmatch(r"(\d[\d,.]*\d|\d)-", doc[i].text)
    if not (hm and i + 1 < len(doc) and doc[i + 1].lower_ in ("or", "to", "and")):
        return NOT_MINE
    return _digits(hm.group(1), {"digits": hm.group(1)}, i)


@number_reader("sub_prefix")
def _read_sub_prefix(doc: Doc, i: int):
    """"sub-450 sq m retail units", "sub-7 nanometer chips": below the number."""
    sm = re.fullmatch(r"sub-(\d[\d,.]*\d|\d)", doc[i].text, re.I)
    if not sm:
        return NOT_MINE
    return _digits(sm.group(1), {"digits": sm.group(1)}, i, approx="less_than")


@number_reader("minus_prefix")
def _read_minus_prefix(doc: Doc, i: int):
    """"minus-130" as one token."""
    mm = re.fullmatch(r"minus-(\d[\d,.]*\d|\d)", doc[i].text, re.I)
    if not mm:
        return NOT_MINE
    return _digits(mm.group(1), {"digits": "-" + mm.group(1)}, i, negative=True)


@number_reader("dollar_country_prefix")
def _read_dollar_country(doc: Doc, i: int):
    """Australian-press "$US55,931,000", "$A82,615,680" ("$" split off by the tokenizer)."""
    pm = re.fullmatch(r"(US|A|AU|C|NZ|HK|S)(\d[\d,.]*\d|\d)", doc[i].text)
    if not (pm and i > 0 and doc[i - 1].text == "$" and not doc[i - 1].whitespace_):
        return NOT_MINE
    return _digits(pm.group(2), {"digits": pm.group(2)}, i, cur=glued_currency("$" + pm.group(1)),
                   glued_prev=True)


@number_reader("glued")
def _read_glued(doc: Doc, i: int):
    """A numeral glued to a currency, sign, scale or unit: "$2.4bn", "35m", "10km", "~45g",
    "+0.2%", "1250sq m", "5G" (a unit that is no unit, "10.45pm", "1980s", is not a number)."""
    m = _GLUED.fullmatch(doc[i].text)
    if not (m and (m.group("scale") or m.group("unit") or m.group("cur") or m.group("tilde"))):
        return NOT_MINE
    v = parse_numeral(m.group("num"))
    if v is None:
        return None
    if m.group("sign") == "-":
        v = -v
    info: dict = {"digits": (m.group("sign") or "") + m.group("num")}
    if m.group("tilde"):
        info["approx"] = "about"
    unit, scale = _glued_unit_and_scale(m, info)
    two = _two_token_unit(doc, i, unit) if unit and not scale else None
    if two is not None:
        info["unit"] = two  # "1250sq m", "0.85deg C"
        return i + 2, v, False, info
    if unit and not _one_token_unit(unit, info):
        return None  # "5G", "10.45pm", "1980s" handled by callers as non-numbers
    if scale and not _glued_scale(doc, i, m, scale, unit, info):
        return None
    if m.group("cur"):
        info["cur"] = glued_currency(m.group("cur"))
    return i + 1, v, False, info


def _two_token_unit(doc: Doc, i: int, unit: str) -> Optional[str]:
    """A unit written across the glued letters and the next word ("1250sq m", "0.85deg C")."""
    if i + 1 < len(doc) and doc[i + 1].is_alpha:
        return UNIT_WORDS.get((unit.lower(), doc[i + 1].lower_))
    return None


def _one_token_unit(unit: str, info: dict) -> bool:
    """Read the glued letters ``unit`` as a unit into ``info``; False when they are none ("s")."""
    key = (unit.lower(),)
    if key not in UNIT_WORDS or unit.lower() == "s":
        return False
    info["unit"] = UNIT_WORDS[key]
    return True


def _glued_unit_and_scale(m: re.Match, info: dict) -> tuple[Optional[str], Optional[str]]:
    """The unit and scale letters of a glued numeral: "10mph", "5mm", "6kW", "640bhp" are units
    (the scale letters are part of the unit); "5G" is a network generation."""
    unit, scale = m.group("unit"), m.group("scale")
    if scale and unit and (scale + unit).lower() in _ONE_WORD_UNITS:
        unit, scale = scale + unit, None
    if unit == "G" and not scale and not m.group("cur"):
        info["unit"] = "generation"  # "5G": the fifth generation of mobile networks
        unit = None
    return unit, scale


def _glued_scale(doc: Doc, i: int, m: re.Match, scale: str, unit: Optional[str], info: dict) -> bool:
    """Read the glued scale letters into ``info`` ("scale", or "unit" for a metre); False when
    the letters make the token no number ("3b")."""
    sl = scale.lower()
    if scale == "M" and not unit:
        info["scale"] = 1e6  # "4.3M sales": capital M is million, never metres
    elif sl == "m" and not m.group("cur") and not unit:
        # "35m devices" (million) vs "100m" (metres): million before a plural noun or "of"
        if counted_plural_follows(doc, i + 1):
            info["scale"] = 1e6
        else:
            info["unit"] = "m"
    elif sl in GUARDED_GLUED_SCALES and not m.group("cur"):
        # "$2.7b" (the tokenizer splits off "$"), "1.2b users": billion / million only
        # after a currency symbol or before a plural noun; else not a number ("3b")
        if not _scale_letter_licensed(doc, i):
            return False
        info["scale"] = SCALES[sl]
    else:
        info["scale"] = SCALES[sl]
    return True


def _scale_letter_licensed(doc: Doc, i: int) -> bool:
    """A glued "b"/"mil" is a scale after a glued currency symbol or before a plural noun or "of"."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (prev is not None and not prev.whitespace_ and prev.text.lower() in CURRENCY_PREFIX) or \
        (nxt is not None and (nxt.tag_ == "NNS" or nxt.lower_ == "of"))


@number_reader("half_a_scale")
def _read_half_a(doc: Doc, i: int):
    """"half a million", "quarter a billion"."""
    low = doc[i].lower_
    if low in FRACTION_OF_SCALE and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") \
            and doc[i + 2].lower_ in HALF_A_SCALES:
        v = parse_number_words([low, doc[i + 2].lower_])
        return (i + 3, v, True, {"digits": ""}) if v is not None else None
    return NOT_MINE


@number_reader("number_words")
def _read_number_words(doc: Doc, i: int):
    """A run of number words: "twenty-six", "two hundred and five", "a dozen", "two and a half"
    (a bare scale word, "million" or "hundreds", is not read)."""
    low = doc[i].lower_
    scale_next = i + 1 < len(doc) and doc[i + 1].lower_ in WORD_SCALES
    if not (low in NUMBER_WORDS or (low in ("a", "an", *FRACTION_OF_SCALE) and scale_next)):
        return NOT_MINE
    if low in WORD_SCALES:
        return None  # a bare scale word ("hundreds", "million" alone) is not read
    j = i + 1
    words = [low]
    while j < len(doc) and _continues_number(doc, j, words):
        words.append(doc[j].lower_)
        j += 1
    v = parse_number_words(words)
    if v is None:
        return None
    if j + 2 < len(doc) and [x.lower_ for x in doc[j : j + 3]] == ["and", "a", "half"]:
        v, j = v + 0.5, j + 3  # "two and a half years"
    return j, v, True, {"digits": ""}


def _continues_number(doc: Doc, j: int, words: list[str]) -> bool:
    """Whether token ``j`` continues the written number ``words``: a number word, or "-"/"and"
    before one ("twenty-six", "two hundred and five")."""
    w = doc[j].lower_
    if w in NUMBER_WORDS:
        return True
    return w in ("-", "and") and j + 1 < len(doc) and doc[j + 1].lower_ in NUMBER_WORDS \
        and (w == "-" or words[-1] in AND_CONTINUES_AFTER)


def read_scale(doc: Doc, j: int, currency: Optional[str]) -> tuple[float, int]:
    """Scale words after the number at ``j`` ("million", "bn", "m" after money)."""
    mult = 1.0
    while j < len(doc):
        w = doc[j].lower_
        glued = doc[j - 1].whitespace_ == ""
        if w.endswith(".") and w[:-1] in SENTENCE_FINAL_SCALES and glued:
            w = w[:-1]  # "PS2.7m." at the end of a sentence
            if currency or w != "m":
                mult *= SCALES[w]
                j += 1
            break
        step = _scale_step(doc, j, w, glued, currency)
        if step is None:
            break
        mult *= step
        j += 1
    return mult, j


def _scale_step(doc: Doc, j: int, w: str, glued: bool, currency: Optional[str]) -> Optional[float]:
    """The multiplier of the scale token ``j`` (lower-cased ``w``), or None when it is none."""
    if w in SCALE_WORDS:
        return SCALES[w]
    if doc[j].text == "M" and glued:
        return 1e6  # "4.3M sales": a glued capital M is million, never metres
    if w in CURRENCY_LETTER_SCALES and currency and glued:
        return SCALES[w]
    if w == "m" and glued and counted_plural_follows(doc, j + 1):
        return 1e6
    return None


def _dot_thousands(value: float, digits: str, currency: Optional[str], has_scale: bool) -> float:
    """"300.000 VND": a dot before three digits next to a currency without scale word groups thousands."""
    if currency is not None and not has_scale and _DOT_THOUSANDS.fullmatch(digits):
        return parse_numeral(digits, dot_thousands=True) or value
    return value


def _minus(doc: Doc, start: int, value: float) -> tuple[float, int]:
    """"minus 233 Celsius", "minus-130 degrees": the number is negative."""
    if start > 0 and doc[start - 1].lower_ == "minus":
        return -value, start - 1
    if start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "minus":
        return -value, start - 2
    return value, start


def _unit_after(doc: Doc, j: int, is_words: bool) -> tuple[Optional[str], int]:
    """A unit after the number ending at ``j`` ("5-year", "10-km", "21 consecutive months");
    returns (unit, end) or (None, j)."""
    k = j
    if k < len(doc) and doc[k].text == "-" and k + 1 < len(doc):
        k += 1  # "5-year", "10-km"
    unit, end = match_unit(doc, k, after_digit=not is_words and k == j)
    if unit is None and k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k].is_lower \
            and doc[k].lower_ not in NOT_DURATION_ADJECTIVES:
        u2, e2 = match_unit(doc, k + 1, after_digit=False)
        if u2 in TIME_UNITS:  # "21 consecutive months", "five straight years"
            unit, end = u2, e2
    return (unit, end) if unit is not None else (None, j)


def read_quantity(doc: Doc, i: int) -> Optional[Quantity]:
    """Read currency + number + scale + unit starting with the number at token ``i``."""
    got = read_number(doc, i)
    if got is None:
        return None
    j, value, is_words, info = got
    currency, start = _currency_of(doc, i, info)
    mult = info.get("scale", 1.0)
    mult2, j = read_scale(doc, j, currency)
    mult *= mult2
    has_scale = mult != 1.0 or (is_words and doc[j - 1].lower_ in SCALE_NAMES)
    digits = info.get("digits", "")
    value = _dot_thousands(value, digits, currency, has_scale)
    value, start = _minus(doc, start, value)
    num_end = end = j
    unit = info.get("unit")
    if currency is None and unit is None:
        currency, end = currency_after(doc, j, has_scale)
        value = _dot_thousands(value, digits, currency, has_scale)
    if currency is None and unit is None:
        unit, end = _unit_after(doc, j, is_words)
    if unit == "lb" and currency is None and doc[end - 1].lower_ in POUND_WORDS and money_context(doc, start, end):
        currency = unit = "GBP"  # "the car costs 20,000 pounds" (not "20,000 pounds of steel")
    unit_final = currency or unit
    if unit_final is not None and unit_final != "percentage_point":
        unit_final, end = rate(doc, end, unit_final)
    q = Quantity(
        start=start, end=end, num_start=i, num_end=num_end, value=value * mult,
        unit=unit_final, currency=currency, digits=digits, has_scale=has_scale,
        is_words=is_words,
        integer_text=bool(re.fullmatch(r"\d+", digits)) and not is_words,
    )
    q.cue_start = start
    if info.get("approx"):
        q.approx = info["approx"]
    return q


def _currency_of(doc: Doc, i: int, info: dict) -> tuple[Optional[str], int]:
    """The currency glued to the number (``info``) or written before it; returns (ISO code or
    None, first token of the quantity)."""
    currency = info.get("cur")
    if currency is None:
        return currency_before(doc, i)
    return currency, i - 1 if info.get("glued_prev") else i


def set_approx(doc: Doc, q: Quantity) -> None:
    """Set ``q.approx`` and ``q.cue_start`` from cue words before (``APPROX_CUES``, longest
    first) or after (``APPROX_SUFFIX``) the quantity."""
    s = q.start
    for n in range(MAX_CUE, 0, -1):
        if s - n < 0:
            continue
        key = tuple(t.lower_ for t in doc[s - n : s])
        if key in APPROX_CUES:
            # "over"/"under"/"some" as prepositions of time or determiners of other nouns
            if key in (("over",), ("under",), ("above",), ("below",)) and doc[s - 1].dep_ == "prt":
                continue
            q.approx = APPROX_CUES[key]
            q.cue_start = s - n
            return
    if q.approx != "exact":
        return
    e = q.end
    for key, cue in APPROX_SUFFIX.items():
        if tuple(t.lower_ for t in doc[e : e + len(key)]) == key:
            q.approx = cue
            return


def vague(doc: Doc, i: int) -> Optional[Quantity]:
    """"thousands of", "tens of thousands of", "hundreds of millions of" (see ``VAGUE_PLURALS``):
    an order-of-magnitude range (1000-10000) with approx "about"."""
    low = doc[i].lower_
    start = i
    mult = 1.0
    if low in VAGUE_MULTIPLIERS and i + 2 < len(doc) and doc[i + 1].lower_ == "of" and \
            doc[i + 2].lower_ in VAGUE_PLURALS and doc[i + 2].lower_ != "dozens":
        mult = VAGUE_MULTIPLIERS[low]
        i += 2
        low = doc[i].lower_
    if low not in VAGUE_PLURALS or i + 1 >= len(doc) or doc[i + 1].lower_ != "of":
        return None
    lo = VAGUE_PLURALS[low] * mult
    q = Quantity(start=start, end=i + 1, num_start=start, num_end=i + 1, value=lo,
                 value_max=lo * 10, approx="about", cue_start=start, is_words=True, has_scale=True)
    if i + 2 < len(doc) and doc[i + 2].lower_ in CURRENCY_WORDS and doc[i + 2].lower_ not in NOT_AFTER_VAGUE_PLURAL:
        q.unit = q.currency = CURRENCY_WORDS[doc[i + 2].lower_]
        q.end = i + 3
    return q


def _fraction_quantity(start: int, end: int, value: float) -> Quantity:
    return Quantity(start=start, end=end, num_start=start, num_end=end, value=value,
                    unit="fraction", cue_start=start, is_words=True)


def fraction(doc: Doc, i: int) -> Optional[Quantity]:
    """Fractions of a whole, value in (0, 1], unit ``fraction``: "a third of", "two-thirds of",
    "three quarters of", "half of" (not after a determiner or ordinal: "the first half of"
    is a time), "one in five", "one out of three". NewsQuant annotates these as quantities
    (value 0.333 for "a third of"); a fraction needs "of" (or "in"/"out of" and a
    denominator) after it so that "a third term" or "third quarter" stay ordinals."""
    got = _one_in_n(doc, i)
    if got is not None:
        return got
    if doc[i].lower_ == "half" and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return _half_of(doc, i)
    return _spelled_fraction(doc, i)


def _one_in_n(doc: Doc, i: int) -> Optional[Quantity]:
    """"one in five", "one out of three" (a denominator above the numerator, at most 100)."""
    n = len(doc)
    low = doc[i].lower_
    if low not in ONE_IN_N_NUMERATORS or i + 2 >= n:
        return None
    k = i + 1
    if doc[k].lower_ == "in":
        k += 1
    elif doc[k].lower_ == "out" and i + 3 < n and doc[k + 1].lower_ == "of":
        k += 2
    else:
        return None
    if k >= n:
        return None
    d = doc[k].lower_
    den = parse_numeral(d) if re.fullmatch(r"\d+", d) else (
        parse_number_words([d]) if d in NUMBER_WORDS else None)
    num = parse_number_words([low])
    if den and num and num < den <= 100:
        return _fraction_quantity(i, k + 1, num / den)
    return None


def _half_of(doc: Doc, i: int) -> Optional[Quantity]:
    """"half of" (not "the first half of", "a half of", "one half of")."""
    prev = doc[i - 1] if i > 0 else None
    if prev is None or not (prev.pos_ in ("DET", "ADJ", "PRON") or prev.lower_ in ORDINAL_WORDS
                            or prev.lower_ in ("a", "an", "one")):
        return _fraction_quantity(i, i + 1, 0.5)
    return None


def _numerator(tok: Token) -> Optional[float]:
    if tok.lower_ in ("a", "an"):
        return 1.0
    if tok.lower_ in FRACTION_NUMERATORS:
        return parse_number_words([tok.lower_])
    return None


def _spelled_fraction(doc: Doc, i: int) -> Optional[Quantity]:
    """"a third of", "two-thirds of", "three quarters of" (number agreement: not "two third",
    "a thirds")."""
    n = len(doc)
    num = _numerator(doc[i])
    if num is None or i + 1 >= n:
        return None
    k = i + 1
    if doc[k].text in ("-", "–") and k + 1 < n:
        k += 1
    den = FRACTION_DENOMINATORS.get(doc[k].lower_)
    if den is None:
        return None
    plural = doc[k].lower_.endswith("s")
    if (num == 1.0) == plural and not (num == 1.0 and doc[i].lower_ == "one" and not plural):
        return None  # "two third", "a thirds"
    if k + 1 < n and doc[k + 1].lower_ == "of":
        return _fraction_quantity(i, k + 1, num / den)
    return None


def pronoun_one(doc: Doc, i: int) -> bool:
    """"one" as a pronoun ("the one", "one another", "no one", "one of the few")."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if prev in PRONOUN_ONE_BEFORE or nxt in PRONOUN_ONE_AFTER:
        return True
    if nxt == "hand" and prev == "on":
        return True  # "on one hand" (but "he raised one hand above his shoulder")
    return doc[i].pos_ == "PRON"


def scan(doc: Doc) -> list[Quantity]:
    """Every quantity of ``doc`` in token order (pass 1 of the stage; see the module docstring)."""
    qs: list[Quantity] = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if t.is_space or t.is_punct and t.text not in ("$", "€", "£", "¥", "₹", "+", "-"):
            i += 1
            continue
        fq = fraction(doc, i)
        if fq is not None:
            set_approx(doc, fq)
            qs.append(fq)
            i = fq.end
            continue
        if t.lower_ in ORDINAL_WORDS or ORDINAL.fullmatch(t.text) or (t.lower_ == "one" and pronoun_one(doc, i)):
            i += 1
            continue
        q = read_quantity(doc, i)
        if q is None:
            q = vague(doc, i)
        if q is None:
            i += 1
            continue
        set_approx(doc, q)
        qs.append(q)
        i = max(q.end, i + 1)
    return qs
