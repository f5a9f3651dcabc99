"""English number words: cardinals, scales, ordinals, fractions, vague quantities.

Read by :mod:`newsfacts.numbers` (the one number-word parser), the dates rules and the claims
stage. Sources: standard English number names; the news abbreviations of scale words ("$2.4bn",
"35m", "10k", "¥0.5mn", "Rs 3 crore") are common wire-service and Indian-press usage.
"""

from __future__ import annotations

#: Cardinal words below twenty.
CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
#: Multiples of ten.
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Scale words and abbreviations -> multiplier (news style: "$2.4bn", "35m", "10k", "¥0.5mn").
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "crore": 1e7, "lakh": 1e5, "dozen": 12,
}
#: Scale words that may follow a number as a separate token ("2.4 million"); single letters
#: ("m", "b", "k") are only read glued to a digit or after a currency (see the claims stage).
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "mn", "mln", "bn", "bln",
                         "tn", "trn", "crore", "lakh"})
#: Spelled-out scale words that multiply what comes before ("two hundred", "a dozen").
WORD_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "dozen")
#: Every cardinal number word, scales included ("six", "twenty", "million", "dozen").
NUMBER_WORDS = frozenset(set(CARDINALS) | set(TENS) | set(WORD_SCALES))
#: Ordinal words: never read as quantities ("the first", "its tenth year").
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                           "ninth", "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth",
                           "millionth"})
#: Denominators of spelled-out fractions ("a third", "two-thirds", "three quarters").
FRACTION_DENOMINATORS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                         "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                         "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
                         "tenths": 10}
#: Vague plural quantities and the lower end of the order of magnitude they name ("thousands of
#: tests" -> 1000-10000, "dozens of people" -> 12-120).
VAGUE_PLURALS = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
#: Quantifiers that give no number ("several years", "a few weeks": a duration of unknown length).
VAGUE_QUANTIFIERS = frozenset({"several", "few", "a few", "many", "some", "couple", "a couple of", "numerous"})
#: Words that stand for a count on their own before a unit ("a day", "a single day", "half
#: an hour"): read by :func:`newsfacts.numbers.parse_number_words` when they are the whole
#: number, never number words of the claims stage ("a single voice" is no claim).
COUNT_WORDS = {"a": 1.0, "an": 1.0, "single": 1.0, "half": 0.5}
