"""Cue words of numeric claims: approximation, change, counting heads, comparison baselines.

Read by the claims stage. Lower-cased token tuples (multi-word cues) or lemmas; the approximation
values are the record's ``approx`` kinds, and the change words follow common news usage.
"""

from __future__ import annotations

#: Approximation cues before the quantity (lower-cased token tuples) -> approx value.
APPROX_CUES = {
    ("more", "than"): "more_than", ("over",): "more_than", ("above",): "more_than",
    ("in", "excess", "of"): "more_than", ("upwards", "of"): "more_than", ("exceeding",): "more_than",
    ("just", "over"): "more_than", ("well", "over"): "more_than", ("greater", "than"): "more_than",
    ("less", "than"): "less_than", ("fewer", "than"): "less_than", ("under",): "less_than",
    ("below",): "less_than", ("just", "under"): "less_than",
    ("at", "least"): "at_least", ("no", "less", "than"): "at_least",
    ("no", "fewer", "than"): "at_least", ("not", "less", "than"): "at_least",
    ("at", "most"): "at_most", ("no", "more", "than"): "at_most", ("not", "more", "than"): "at_most",
    ("nearly",): "nearly", ("almost",): "nearly", ("close", "to"): "nearly",
    ("up", "to"): "up_to", ("as", "many", "as"): "up_to", ("as", "much", "as"): "up_to",
    ("about",): "about", ("around",): "about", ("approximately",): "about", ("approx.",): "about",
    ("roughly",): "about", ("some",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("circa",): "about", ("~",): "about", ("nearly", "about"): "about",
}

#: Approximation cues after the quantity ("40 or more", "a dozen or so").
APPROX_SUFFIX = {("or", "more"): "at_least", ("or", "so"): "about", ("or", "less"): "at_most",
                  ("-", "plus"): "more_than", ("plus",): "more_than", ("+",): "more_than"}

#: The longest approximation cue, in tokens.
MAX_CUE = max(len(k) for k in APPROX_CUES)

#: Lemmas of verbs and nouns that state a change, with their direction.
UP_WORDS = {
    "rise", "increase", "grow", "gain", "climb", "jump", "surge", "soar", "advance", "rally",
    "raise", "boost", "expand", "spike", "rebound", "double", "triple", "hike", "up", "higher",
    "accelerate", "add", "lift", "widen", "swell", "balloon", "growth", "uptick", "skyrocket",
}

DOWN_WORDS = {
    "fall", "decrease", "drop", "decline", "reduce", "cut", "lower", "shrink", "slide", "slip",
    "sink", "plunge", "plummet", "tumble", "slump", "dip", "lose", "retreat", "ease", "contract",
    "down", "shed", "crash", "dive", "halve", "reduction", "narrow", "diminish", "collapse",
    "weaken", "sag", "descend", "lower",
}

#: Nouns that name a change ("a decrease of 86%", "a 3 percent drop").
CHANGE_NOUNS = {"rise", "increase", "growth", "gain", "jump", "surge", "hike", "decrease",
                "drop", "decline", "fall", "reduction", "cut", "dip", "plunge", "slump", "loss",
                "rebound", "uptick", "downturn", "contraction", "expansion"}

#: Heads read through to their of-complement: "the number of lenders" counts lenders.
NUMBER_OF_HEADS = {"number", "amount", "total", "count", "volume", "figure", "numbers", "tally"}

#: Words before a date or quantity that make it a comparison baseline ("from 2019", "than a year ago").
BASELINE_PREPS = {"from", "than", "since", "versus", "vs", "vs.", "against"}

#: Words after a time quantity that make it a point or an age, not a duration ("two years ago").
DURATION_BLOCK_NEXT = {"ago", "old", "before"}

#: Words after "a/an <unit>" that make it a time reference, not a rate ("3% a year earlier",
#: "a month ago").
TIME_REFERENCE_AFTER = frozenset({"earlier", "ago", "later", "before", "after", "previously"})

#: Words before a quantity (and its determiners) that make it a comparison baseline: it states
#: no change of its own ("than $5 million", "instead of the 128GB", "compared with 4 million").
BASELINE_BEFORE = frozenset({("than",), ("versus",), ("vs",), ("vs.",), ("instead", "of"), ("compared", "with"),
                             ("compared", "to"), ("against",)})

#: Particles and adverbs on a verb that give a change its direction ("trending up", "closed lower").
DIRECTION_PARTICLES = {"up": "up", "higher": "up", "down": "down", "lower": "down"}

#: Relative pronouns: a clause subject that stands for the noun the clause hangs on ("Nissan,
#: which has 7000 staff").
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})

#: Pronouns that name nothing as a claim's concept ("almost half of which", "25 of them").
PRONOUN_CONCEPTS = frozenset({"which", "that", "who", "whom", "them", "it", "they", "these", "those", "this",
                              "us", "you", "we", "him", "her", "what", "whose"})

#: Words between two numbers that make a range ("252 to 287", "252-287", "between 252 and
#: 287", "two or three"); "and" only after "between", "or" only with a written number.
RANGE_CONNECTORS = (("to",), ("-",), ("–",), ("and",), ("or",))

#: Words between two numbers that let the first share the second's time unit or currency
#: ("three or four years", "about 8 or $9", "between 40 and 50 euros").
SHARED_UNIT_CONNECTORS = (("to",), ("or",), ("and",))

#: Words that start another clause between "from X" and "to Y" ("1,500 lots last week, while
#: open positions slipped to 900"): the two are no pair.
CLAUSE_BREAKS = frozenset({";", "while", "whereas", "but", "although", "though"})

#: Coordinators and contrast words between two quantities of parallel clauses ("Nikkei rose by
#: 3 percent but the Kospi slid by 2"): the second, bare, shares the first's unit.
PARALLEL_CONNECTORS = frozenset({"and", "but", "while", "whereas", "versus", "vs", "vs.", "than", ";", "or"})

#: Words after "N times" that make it a frequency, not a multiple ("three times a week").
FREQUENCY_DETERMINERS = frozenset({"a", "an", "per", "each", "every"})

#: Prepositions whose object after a quantity is its concept ("1 million yuan in economic
#: losses", "$5m of damages", "$52,000 for CN", "a tax credit worth $6 million").
CONCEPT_PREPS = frozenset({"in", "of", "worth", "for"})

#: Nouns with an of-quantity that are no concept ("an average of 5", "a total of 300", "a rate
#: of 3%", "an increase of 5%").
NOT_CONCEPT_OF_HEADS = frozenset({"average", "total", "rate", "increase"})

#: Prepositions left dangling when a concept phrase is cut before its quantity ("a penalty of").
CONCEPT_CUT_PREPS = frozenset({"of", "at", "to", "by", "worth"})

#: Function words never ending a concept ("Details of the"), in the order they are tried.
TRAILING_FUNCTION_WORDS = ("of", "the", "a", "an", "in", "on", "at", "for", "to", "and", "or", "by", "with")

#: Function words never ending a holder phrase ("leadership of the", "the heavy responsibilities of").
HOLDER_DANGLING_WORDS = frozenset(TRAILING_FUNCTION_WORDS) | {"worth"}

#: Third-person pronouns resolved to an earlier noun for a claim's holder (``_antecedent``).
RESOLVABLE_PRONOUNS = frozenset({"he", "she", "it", "they"})

#: Words that open an elliptical market-report phrase ("Halden Homes, down 41p", "Adidas by 3.4%").
ELLIPTIC_CUES = frozenset({"up", "down", "higher", "lower", "by", "off", "between"})
