"""Numeric claims: the ``newsfacts_claims`` spaCy component.

Reads tokens, the dependency parse, ``doc.ents`` and ``doc._.dates``; writes ``doc._.claims``
(``list[Claim]`` sorted by ``start``; see :class:`~newsfacts.facts.Claim`).

Modules, in the order the component uses them (each rule chain is a registry of named rules,
iterated in definition order; a new rule goes into the module of its concern, with a name, a
docstring giving its source, its words in :mod:`newsfacts.lexicon.en`, and a test row):

==================  =========================================================================
module              concern (registry)
==================  =========================================================================
``component.py``    :class:`ClaimExtractor` (``__call__``) and the factory ``newsfacts_claims``
                    (``default_config`` holds the only defaults); :func:`explain_exclusions`
``model.py``        ``Quantity`` (token level), ``Analysis`` (one quantity's analysis state),
                    ``Draft`` (a claim in token space; ``to_claim``), ``DocContext`` (what is
                    computed once per ``Doc``: text, date tokens, entities, dates by sentence)
``quantities.py``   numbers, scales and approximation cues from tokens (``NUMBER_READERS``)
``units.py``        units, currencies and rates written around a number
``exclusions.py``   numbers that are not claims (``EXCLUSIONS``, ``@exclusion``, ``fired``)
``ranges.py``       shared units, ranges, from/to pairs, scores (``JOINS``)
``syntax.py``       parse helpers: anchor, governor, direction, noun phrase, subject
``concept.py``      what a quantity measures or counts (``CONCEPT_SOURCES``)
``change.py``       the change a claim states (``CHANGE_SOURCES``)
``time.py``         ``date_index`` and ``claim_time``
``attribution.py``  the holder (``HOLDER_RULES``, :func:`claim_holder`) and the entity
``restatements.py`` post-passes over neighbouring claims (``POST_PASSES``)
``registry.py``     ``Registry``: named rules in a fixed order, with a decorator to add one
==================  =========================================================================

How a claim is found (each step names its source):

1. **Numbers** (token level, :mod:`.quantities`). A token is a number when it is a numeral
   (:func:`newsfacts.numbers.parse_numeral`: "1,000", "27,349.19", "1.000.000"; see that module
   for the separator policy: "300.000" is 300000 only next to a currency without scale word), a
   numeral with a glued currency/scale/unit ("$2.4bn", "35m", "10km", "~45g", "+0.2%"), or a run
   of cardinal number words (:func:`newsfacts.numbers.parse_number_words`: "twenty-six",
   "two million", "a dozen", "half a million"). Scale words that follow ("1.2 million", "2 bn")
   are multiplied in; "minus 5" is negative. Vague plurals ("thousands of", "tens of millions
   of dollars", "dozens of") become order-of-magnitude ranges (1000-10000) with approx "about".
2. **Units** (:mod:`.units`; small lexicons in :mod:`newsfacts.lexicon.en`): a currency before
   ("$", "US$", "RMB", "SEK", "€") or after ("yuan", "Finnish markka") the number gives an ISO
   4217 code; "%"/"percent"/"per cent" give ``percent``; "percentage point(s)"
   ``percentage_point``; measurement words give a short canonical unit (``km``, ``tonne``,
   ``month``); a rate written "a/per X" after it extends the unit ("$52 a barrel" ->
   ``USD/barrel``, "15% per annum" -> ``percent/year``). "¥" is CNY; the wire-service
   transliterations "Y=" (yen, JPY) and "PS" (£) are read glued to digits. Otherwise the unit is
   ``count``: when the number modifies a noun in the parse (``nummod``) that noun is the counted
   thing, and when the number stands alone it is a bare count (``concept`` may then come from
   "the number of X").
3. **Not claims** (:mod:`.exclusions`): years (1800-2100 integers without unit), numbers inside
   a date mention of ``doc._.dates`` (DATE/TIME type) or a spaCy DATE/TIME entity (durations
   such as "21 consecutive months" stay, as quantities with a time unit), ordinals ("70th",
   "first"), hotline/phone/ID numbers, figure/table/section references ("Figure 1", "Row 21"),
   numbers that are part of a name ("S&P 500", "iPhone 12", "787 Dreamliner", "COVID -19"),
   street addresses ("49 Zorro Ranch Road"), list markers ("1." at a line start), versions
   ("3.2.1"), sports scores ("2-2", "5-3": first >= second, no unit), and ages ("45-year-old",
   "aged 45") unless ``include_ages`` is set.
4. **Approximation** from the words before ("about", "more than", "nearly", ...; see
   ``APPROX_CUES``) or after ("or more", "or so") the quantity.
5. **Ranges** (:mod:`.ranges`) "252 to 287", "252-287", "between 252 and 287", "four to five
   thousand" (a scale word after the second number is shared when the first number is smaller):
   ``value`` is the lower end, ``value_max`` the upper.
6. **Changes** (:mod:`.change`) from the parse: the quantity depends on a change verb ("fell by
   80%", "rose 0.65 per cent", "dropped to one") or change noun ("a decrease of 86%", "a 3
   percent drop"), or on "up"/"down". The preposition decides the role: "by"/direct object ->
   the amount (``relative`` = value for percent), "to" -> ``to_value``, "from" ->
   ``from_value``. "from X ... to Y" is one claim (value = Y, from_value = X, to_value = Y) when
   a change word governs it, a range otherwise; without a direction word the direction is from
   X vs Y. "decreased $1.2 million to $23.5 million" gives the amount (direction only) and the
   new value (direction, to_value and, for the same unit, from_value = 24.7 million;
   :mod:`.restatements`). A signed percent in a market summary ("Dow +0.2%") is a change.
7. **Concept** (:mod:`.concept`): the counted noun phrase ("139 online lending institutions"),
   the noun a money/percent quantity modifies ("a 25% duty", "a penalty of $2 billion"), or the
   subject (object for transitive change verbs) of the governing verb ("the balance of loans
   decreased by 75%"), with "the number of X" read as X. When the parse gives nothing
   (fragments), a noun phrase adjacent to the quantity (``positional_concept``). A
   parenthesised conversion ("9 million Danish crowns (US $1.3 million)") shares the
   approximation and concept of the quantity it restates. :func:`claim_holder`
   (:mod:`.attribution`) names the holder (noun before "of", or the clause subject with simple
   pronoun resolution) for evaluation and records.
8. **Fractions** "a third of", "two-thirds of", "half of", "one in five": value in (0, 1], unit
   ``fraction``.
9. **Context**: ``entity_start``/``entity_end`` is an ORG/PERSON/GPE entity in that subject;
   ``date_index`` (:mod:`.time`) the nearest DATE/TIME mention of ``doc._.dates`` in the same
   sentence that is not a comparison baseline ("from the beginning of 2019").

Every step works on tokens of one sentence or a bounded window, and what the whole document
gives (its text, entities, dates by sentence) is computed once per ``Doc`` (``DocContext``): the
stage is linear in the article's length (``scripts/bench_claims_length.py`` measures it).
"""

from .attribution import claim_holder
from .component import ClaimExtractor, explain_exclusions, make_claims
from .time import claim_time

__all__ = ["ClaimExtractor", "claim_holder", "claim_time", "explain_exclusions", "make_claims"]
