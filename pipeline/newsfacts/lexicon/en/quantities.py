"""Words around numbers that the claims stage's quantity reader looks at (claims-side).

The number words themselves (cardinals, scales, ordinals, fraction denominators, vague plurals)
live in :mod:`newsfacts.lexicon.en.numbers`, which belongs to the number parser; this module
holds the small lists the claims stage reads next to them: which scale words make a written
number "scaled", the single-letter scale abbreviations, the numerators of spelled-out
fractions, and the words that make "one" a pronoun. Sources: standard English number names and
wire-service abbreviations ("$2.7b", "PS2.7m."); the pronoun uses of "one" follow common
English grammar ("the one", "no one", "one another").
"""

from __future__ import annotations

from .numbers import CARDINALS, WORD_SCALES

#: Spelled-out scale words that make a written number a scaled amount ("two million", "four
#: thousand"); "dozen" is a count of twelve, not a scale.
SCALE_NAMES = tuple(w for w in WORD_SCALES if w != "dozen")

#: Scale words after which "and" continues a written number ("two hundred and five").
AND_CONTINUES_AFTER = ("hundred", "thousand", "million", "billion")

#: Scale words read after "half a"/"quarter a" ("half a million", "half a dozen").
HALF_A_SCALES = ("million", "billion", "dozen", "thousand")

#: Fraction words that take "a"/"an" before a scale word ("half a million").
FRACTION_OF_SCALE = ("half", "quarter")

#: Single-letter and short scale abbreviations that keep a sentence-final full stop ("PS2.7m.").
SENTENCE_FINAL_SCALES = ("m", "bn", "mn", "k", "b")

#: Single-letter scale abbreviations read as a separate token after a currency ("$2.7 m").
CURRENCY_LETTER_SCALES = ("m", "b", "k")

#: Letters glued to digits that are a scale only after a currency symbol or before a plural
#: noun ("$2.7b", "1.2b users", "RM1.25mil"; "3b" alone is not a number).
GUARDED_GLUED_SCALES = ("b", "mil")

#: Numerators of spelled-out fractions ("two-thirds", "three quarters"): one to nine.
FRACTION_NUMERATORS = frozenset(w for w, v in CARDINALS.items() if 1 <= v <= 9)

#: Numerators of "one in five", "two out of three".
ONE_IN_N_NUMERATORS = ("one", "two", "three")

#: Multipliers of vague plurals: "tens of thousands", "hundreds of millions".
VAGUE_MULTIPLIERS = {"tens": 10.0, "hundreds": 100.0}

#: Words before "one" that make it a pronoun ("the one", "no one", "a new one").
PRONOUN_ONE_BEFORE = frozenset({
    "the", "this", "that", "no", "any", "every", "each", "which", "someone", "anyone", "everyone",
    "only", "last", "another", "such", "little", "big", "same", "new", "old", "other", "right",
    "wrong", "latest", "next",
})

#: Words after "one" that make it a pronoun or a fixed phrase ("one another", "one day").
PRONOUN_ONE_AFTER = frozenset({"another", "day", "thing", "way", "time", "more", "'s", "’s"})

#: Adjectives between a number and a time unit that make the unit a time reference, not the
#: number's unit ("2.1 last year"); "21 consecutive months", "five straight years" stay durations.
NOT_DURATION_ADJECTIVES = frozenset({"last", "next", "past", "previous", "coming", "same", "few"})

#: Words between a number and a unit noun that make the noun a time reference ("... and 2.1
#: last year" is no duration of a year).
DEICTIC_BEFORE_UNIT = frozenset({"last", "next", "this", "past", "previous", "coming", "same"})
