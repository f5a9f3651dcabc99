"""Numeral and number-word parsing for the claims and dates stages (no spaCy, no I/O): the
project's one number-word parser.

Entry points:

- :func:`parse_numeral` turns one digit string into a float, handling thousands separators and
  decimal marks in both conventions where the string is unambiguous.
- :func:`parse_number_words` turns a sequence of lower-cased English number words
  (``["twenty", "-", "six"]``, ``["two", "hundred", "and", "five"]``, ``["a", "million"]``) into a
  float.
- :func:`parse_number_text` reads one string in digits or words ("21", "twenty-one", "two and a
  half"); the dates rules use it for counts of time units.

Separator policy (decided here, documented in the claims stage):

- ``1,000`` / ``1,000,000`` / ``27,349.19``: comma groups of exactly three digits are thousands
  separators (English convention).
- ``1.000.000`` (two or more dot groups of three digits) and ``1.000,50`` (dots then one comma):
  continental convention; dots are thousands separators.
- ``300.000`` (one dot followed by exactly three digits) is ambiguous. It is read as a decimal
  (300.0) unless ``dot_thousands=True`` is passed; the claims stage passes it
  for money written without a scale word (prices never carry three decimals, while
  "$1.125 billion" does), so "300.000 VND" is 300000 and "1.125 billion" is 1.125e9.
- ``1,5`` (one comma followed by one or two digits) is a decimal comma.
- ``12,34,567.89`` (Indian lakh grouping) is 1234567.89.
- Anything else (``3.2.1``, ``1,23,4``) is not a number: ``None``.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from .lexicon.en.numbers import CARDINALS, COUNT_WORDS, SCALES, TENS, WORD_SCALES

_EN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,000 / 27,349.19
_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+")  # 1000 / 2.5 / .5
_EU_DOTS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")  # 1.000.000 / 1.000.000,5
_EU_ONE_DOT_COMMA = re.compile(r"\d{1,3}\.\d{3},\d+")  # 1.000,50
_ONE_DOT_THREE = re.compile(r"\d{1,3}\.\d{3}")  # 300.000 (ambiguous)
_DEC_COMMA = re.compile(r"\d+,\d{1,2}")  # 1,5 / 2,75
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")  # 12,34,567.89 (lakh grouping)


def parse_numeral(text: str, dot_thousands: bool = False) -> Optional[float]:
    """Parse a digit string ("1,000", "1.000.000", "2.5", "300.000") to a float, or None.

    ``dot_thousands`` resolves the one ambiguous shape ``d{1,3}.ddd`` as thousands (see module
    docstring). A leading "+" or "-" sign is kept.
    """
    s = text.strip()
    sign = 1.0
    if s[:1] in "+-" and len(s) > 1:
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    if not s:
        return None
    if _PLAIN.fullmatch(s):
        if _ONE_DOT_THREE.fullmatch(s) and dot_thousands:
            return sign * float(s.replace(".", ""))
        return sign * float(s)
    if _EN.fullmatch(s):
        return sign * float(s.replace(",", ""))
    if _EU_DOTS.fullmatch(s) or _EU_ONE_DOT_COMMA.fullmatch(s):
        return sign * float(s.replace(".", "").replace(",", "."))
    if _INDIAN.fullmatch(s):
        return sign * float(s.replace(",", ""))
    if _DEC_COMMA.fullmatch(s):
        return sign * float(s.replace(",", "."))
    return None


def parse_number_words(words: Sequence[str]) -> Optional[float]:
    """Parse lower-cased number words to a float, or None when they do not form a number.

    Accepts hyphens and "and" between words ("twenty - six", "two hundred and five"), a leading
    "a"/"an" before a scale word ("a million", "a dozen"), and scale words after a digit value
    are handled by the caller. Examples: ["one"] -> 1, ["twenty", "-", "six"] -> 26,
    ["two", "million"] -> 2e6, ["four", "thousand", "five", "hundred"] -> 4500.

    A count word alone is its count (lexicon ``COUNT_WORDS``: "a"/"an"/"single" -> 1, "half" ->
    0.5), "single" before a number is emphasis (["single", "five"] -> 5), and a trailing "and a
    half" adds 0.5 (["two", "and", "a", "half"] -> 2.5). Vague
    quantities ("several", "a few", "a couple of") are no number: None.
    """
    words = [w.lower() for w in words]
    extra = 0.0
    if len(words) > 3 and words[-3:] == ["and", "a", "half"]:  # "two and a half"
        extra, words = 0.5, words[:-3]
    toks = [w for w in words if w not in ("-", "and")]
    if len(toks) == 1 and toks[0] in COUNT_WORDS:  # "a", "single", "half"
        return COUNT_WORDS[toks[0]] + extra
    if len(toks) > 1 and toks[0] == "single":  # "a single five-year term": emphasis, not a count
        toks = toks[1:]
    value = _cardinal(toks)
    return None if value is None else value + extra


def _cardinal(toks: list[str]) -> Optional[float]:
    """The value of number words without "-"/"and" (see :func:`parse_number_words`), or None."""
    if not toks:
        return None
    if toks[0] in ("a", "an"):
        if len(toks) >= 2 and toks[1] in SCALES:
            toks = ["one"] + toks[1:]
        else:
            return None
    if toks[0] in ("half", "quarter"):  # "half a million", "quarter million"
        rest = [w for w in toks[1:] if w not in ("a", "an")]
        if len(rest) == 1 and rest[0] in WORD_SCALES:
            return (0.5 if toks[0] == "half" else 0.25) * SCALES[rest[0]]
        return None
    total = 0.0
    current = 0.0
    for w in toks:
        if w in CARDINALS:
            current += CARDINALS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w]
            current = 0.0
        else:
            return None
    return total + current


def parse_number_text(text: str) -> Optional[float]:
    """A number written in one string, in digits or words: "21" -> 21, "2.5" -> 2.5,
    "twenty-one" -> 21, "a" -> 1, "two and a half" -> 2.5, "a dozen" -> 12; vague quantities
    ("several", "a few") and anything else -> None. Digits go to :func:`parse_numeral`, words
    (split at blanks and hyphens) to :func:`parse_number_words`. Used by the dates rules
    ("three years", "nineteen ninety-six")."""
    t = text.strip().lower()
    if t[:1].isdigit():
        return parse_numeral(t)
    return parse_number_words(re.split(r"[\s-]+", t))
