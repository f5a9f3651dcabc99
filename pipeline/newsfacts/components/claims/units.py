"""Units and currencies written around a number, read from tokens.

Each function looks at the tokens next to a number and returns what it found with the token
index where that ends: :func:`match_unit` (measurement words of ``lexicon.en.units``, symbols
glued to digits), :func:`currency_before` / :func:`currency_after` (ISO 4217 codes from symbols,
codes and currency words of ``lexicon.en.currencies``), :func:`glued_currency` (a currency
glued to the digits, "$US55", "PS2.7m"), :func:`rate` (a rate denominator, "$52 a barrel"),
:func:`money_context` (sterling or weight for "pounds") and :func:`counted_plural_follows`
("35m devices": million, not metres).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ...lexicon.en.cues import TIME_REFERENCE_AFTER
from ...lexicon.en.currencies import (CURRENCY_NATIONALITY, CURRENCY_PREFIX, CURRENCY_SUFFIX, CURRENCY_WORDS,
                                      DOLLAR_COUNTRY, DOLLAR_WORDS, GLUED_CURRENCY, IRREGULAR_CURRENCY_PLURALS,
                                      ISO_ALIAS, ISO_CODES, LOCAL_CURRENCY_NATIONALITIES, MONEY_CUES,
                                      PLURAL_S_CURRENCY_WORDS, POUND_WORDS, SCALE_ONLY_CURRENCY_WORDS)
from ...lexicon.en.units import (AREA_PREFIXES, LOWER_CASE_ONLY_UNITS, MAX_UNIT_LEN, NOT_RATE_UNITS, RATE_MARKERS,
                                 RATE_NOUNS, SHORT_UNITS, UNIT_WORDS)

#: What :func:`currency_after` and its rules return: (ISO code or None, end token).
Found = tuple[Optional[str], int]


def money_context(doc: Doc, start: int, end: int) -> bool:
    """True when "pounds" at ``end - 1`` is sterling: no "of" after it (weight: "pounds of beef")
    and a money word (``MONEY_CUES``) among the four tokens before the quantity or as its governor."""
    if end < len(doc) and doc[end].lower_ == "of":
        return False
    near = {w for t in doc[max(0, start - 4) : start] for w in (t.lemma_.lower(), t.lower_)}
    heads = (doc[end - 1].head, doc[end - 1].head.head)
    return bool(MONEY_CUES & near) or any(h.lemma_.lower() in MONEY_CUES or h.lower_ in MONEY_CUES for h in heads)


def counted_plural_follows(doc: Doc, k: int) -> bool:
    """True when a plural noun, or "of", follows at token ``k`` over at most five modifiers
    ("35m devices", "35m of its devices", "1.9m combined streams and downloads"): a glued
    "m" before it is "million", not the metre."""
    if k < len(doc) and doc[k].lower_ == "of":
        return True
    for t in doc[k : k + 6]:
        if t.tag_ in ("NNS", "NNPS"):
            return True
        if not (t.pos_ in ("ADJ", "CCONJ") or t.tag_ == "VBN" or t.dep_ == "compound"):
            return False
    return False


def _ends_sentence(doc: Doc, k: int, space: bool = False) -> bool:
    """True when token ``k`` is past the end, starts a sentence or is punctuation (or, with
    ``space``, whitespace): a full stop glued to the token before ``k`` ends the sentence."""
    if k == len(doc):
        return True
    t = doc[k]
    return t.is_sent_start or t.is_punct or (space and t.is_space)


def match_unit(doc: Doc, i: int, after_digit: bool) -> tuple[Optional[str], int]:
    """Longest unit from ``UNIT_WORDS`` starting at token ``i``; returns (unit, end).

    Symbols the tokenizer splits off a number ("~45g" -> "~45" "g", "37m" -> "37" "m") are read
    only when glued to the digits: "g" is the gram; "m" the metre unless a plural noun or "of"
    follows (then it is "million", as for a glued "35m devices"); "G" after a digit is a mobile
    network generation ("5G"); a capital "C"/"F" after a number is Celsius/Fahrenheit. A
    sentence-final abbreviation keeps its full stop in spaCy's tokens ("125.8 p.", "~45g."): the
    stop is ignored."""
    if i < len(doc) and doc[i].text == "Nm":
        return "Nm", i + 1  # newton metre (torque); lower-case "nm" is the nanometre
    if after_digit and i < len(doc):
        unit = _symbol_after_digit(doc, i)
        if unit is not None:
            return unit, i + 1
    return _unit_words(doc, i, after_digit)


def _symbol_after_digit(doc: Doc, i: int) -> Optional[str]:
    """The unit of a symbol right after a digit token ("g", "m", "G", "C", "F", "p."), or None."""
    txt = doc[i].text
    if len(txt) == 2 and txt.endswith(".") and _ends_sentence(doc, i + 1, space=True):
        txt = txt[:-1]  # "125.8 p." at the end of a sentence
    glued = i > 0 and not doc[i - 1].whitespace_
    if glued and txt == "G":
        return "generation"  # "5G": the fifth generation of mobile networks
    if txt in ("C", "F") and (i + 1 == len(doc) or not doc[i + 1].text.startswith(("-", "–"))):
        return "degC" if txt == "C" else "degF"  # "100 F", "12 C" (not "5 C-sections")
    if glued and txt == "g":
        return "g"
    if glued and txt == "m" and not counted_plural_follows(doc, i + 1):
        return "m"
    if txt != doc[i].text and (txt.lower(),) in UNIT_WORDS:
        return UNIT_WORDS[(txt.lower(),)]
    return None


def _unit_words(doc: Doc, i: int, after_digit: bool) -> tuple[Optional[str], int]:
    """The longest written unit of ``UNIT_WORDS`` at token ``i`` (a sentence-final full stop
    glued to its last word ignored: "$80 per sq m."); (None, i) when there is none."""
    for n in range(min(MAX_UNIT_LEN, len(doc) - i), 0, -1):
        key = tuple(t.lower_ for t in doc[i : i + n])
        last = doc[i + n - 1]
        if n > 1 and key not in UNIT_WORDS and last.lower_.endswith(".") and len(last) > 1 \
                and _ends_sentence(doc, i + n):
            key = key[:-1] + (key[-1][:-1],)  # "$80 per sq m." at the end of a sentence
        if key in UNIT_WORDS and _unit_allowed(doc, i, key, after_digit):
            return UNIT_WORDS[key], i + n
    return None, i


def _unit_allowed(doc: Doc, i: int, key: tuple[str, ...], after_digit: bool) -> bool:
    """Whether the written unit ``key`` at token ``i`` is one: short units only right after a
    digit, "p"/"m"/"g" only in lower case, a spaced "l" only as a capital "L" before "of" or
    punctuation (the litre: "1.0l", "4 L of water", "2 L."; not the letter in "3 L options")."""
    if key in SHORT_UNITS and not after_digit:
        return False
    if len(key) == 1 and key[0] in LOWER_CASE_ONLY_UNITS and doc[i].text != doc[i].text.lower():
        return False
    if key == ("l",) and (i == 0 or doc[i - 1].whitespace_) and not (
            doc[i].text == "L" and (i + 1 == len(doc) or doc[i + 1].lower_ == "of" or doc[i + 1].is_punct)):
        return False
    return True


def currency_before(doc: Doc, i: int) -> Found:
    """Currency written right before token ``i``; returns (ISO code, first token index)."""
    if i == 0:
        return None, i
    p = doc[i - 1]
    low = p.lower_
    if low == "$" and i >= 2 and doc[i - 2].lower_ in DOLLAR_COUNTRY and not doc[i - 2].whitespace_ == "\n":
        return DOLLAR_COUNTRY[doc[i - 2].lower_], i - 2
    if low in CURRENCY_PREFIX:
        return CURRENCY_PREFIX[low], i - 1
    if p.text in ISO_CODES:
        return ISO_ALIAS.get(p.text, p.text), i - 1
    if low == "usd":
        return "USD", i - 1
    return None, i


def currency_after(doc: Doc, j: int, has_scale: bool) -> Found:
    """Currency written after the number ending at token ``j``; returns (ISO code, end).

    Rules in order, the first that decides wins: an ISO code ("108.79 JPY=" as wire quotes
    write it), a currency symbol after the number, a nationality and currency word ("10 million
    Australian dollars", "Finnish markka"), a currency word ("yuan"; "pounds" only after a scale
    word or before "sterling", "won"/"reais" only after a scale word)."""
    if j >= len(doc):
        return None, j
    for rule in (_code_after, _symbol_after, _nationality_currency, _currency_word_after):
        found = rule(doc, j, has_scale)
        if found is not None:
            return found
    return None, j


def _code_after(doc: Doc, j: int, has_scale: bool) -> Optional[Found]:
    t = doc[j]
    if t.text in ISO_CODES:
        return ISO_ALIAS.get(t.text, t.text), j + 1
    if t.text.endswith("=") and t.text[:-1] in ISO_CODES:
        return ISO_ALIAS.get(t.text[:-1], t.text[:-1]), j + 1  # wire quotes: "108.79 JPY="
    return None


def _symbol_after(doc: Doc, j: int, has_scale: bool) -> Optional[Found]:
    t = doc[j]
    if t.text not in CURRENCY_SUFFIX:
        return None
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if t.text in ("$", "£") and nxt is not None and (nxt.like_num or nxt.text[:1].isdigit()):
        return None, j  # "$" opens the next amount
    return CURRENCY_SUFFIX[t.text], j + 1


def _currency_base(word: str) -> str:
    """The singular of a currency word for the nationality lookup ("crowns" -> "crown")."""
    base = word[:-1] if word.endswith("s") and word[:-1] in PLURAL_S_CURRENCY_WORDS else word
    return IRREGULAR_CURRENCY_PLURALS.get(base, base)


def _nationality_currency(doc: Doc, j: int, has_scale: bool) -> Optional[Found]:
    """A nationality of one or two words and a currency word ("Danish crowns", "Hong Kong
    dollars", "Chinese yuan")."""
    n = len(doc)
    for width in (2, 1):
        if j + width < n:
            adj = " ".join(x.lower_ for x in doc[j : j + width])
            w = doc[j + width].lower_
            base = _currency_base(w)
            if (adj, base) in CURRENCY_NATIONALITY:
                return CURRENCY_NATIONALITY[(adj, base)], j + width + 1
            if adj in LOCAL_CURRENCY_NATIONALITIES and w in CURRENCY_WORDS and w not in DOLLAR_WORDS:
                return CURRENCY_WORDS[w], j + width + 1
    return None


def _currency_word_after(doc: Doc, j: int, has_scale: bool) -> Optional[Found]:
    n = len(doc)
    low = doc[j].lower_
    if low in POUND_WORDS:
        if j + 1 < n and doc[j + 1].lower_ == "sterling":
            return "GBP", j + 2
        if has_scale and not (j + 1 < n and doc[j + 1].lower_ == "of"):
            return "GBP", j + 1  # "2 million pounds" (but "2 million pounds of beef" is weight)
        return None, j
    if low in SCALE_ONLY_CURRENCY_WORDS and not has_scale:
        return None, j
    if low in CURRENCY_WORDS:
        return CURRENCY_WORDS[low], j + 1
    return None


def glued_currency(cur: str) -> str:
    """ISO code of a currency glued to the digits ("$", "US$", "$A", "PS", "Y=", "Rs.", "RM")."""
    low = cur.lower()
    if low in GLUED_CURRENCY:
        return GLUED_CURRENCY[low]
    if low in CURRENCY_PREFIX:
        return CURRENCY_PREFIX[low]
    up = cur.upper().rstrip(".")
    if up in ISO_CODES:
        return ISO_ALIAS.get(up, up)
    return "INR" if low.startswith("rs") else "USD"


def rate(doc: Doc, j: int, unit: str) -> tuple[str, int]:
    """Extend ``unit`` with a rate denominator after token ``j`` ("$52 a barrel" -> "USD/barrel",
    "15 % per annum" -> "percent/year", "$70-a-share"). Returns (unit, end)."""
    n = len(doc)
    k = j
    if k < n and doc[k].text == "-":
        k += 1
    if k + 2 < n and doc[k].lower_ in ("a", "an") and doc[k + 2].lower_ in TIME_REFERENCE_AFTER:
        return unit, j  # "3% a year earlier", "a month ago": a time reference, not a rate
    if not (k + 1 < n and doc[k].lower_ in RATE_MARKERS):
        return unit, j
    k += 1
    if k < n and doc[k].text == "-":
        k += 1
    if k >= n:
        return unit, j
    w = doc[k].lower_
    if w in AREA_PREFIXES:
        u, e = match_unit(doc, k, after_digit=False)
        return (f"{unit}/{u}", e) if u is not None else (unit, j)
    if w in RATE_NOUNS and RATE_NOUNS[w]:
        return f"{unit}/{RATE_NOUNS[w]}", k + 1
    u, e = match_unit(doc, k, after_digit=False)
    if u is not None and u not in NOT_RATE_UNITS:
        return f"{unit}/{u}", e
    return unit, j
