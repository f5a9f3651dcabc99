"""The project's vocabulary: one home for the words every stage reads.

Each language is a sub-package of small data modules (``en`` only, for now): public, upper-case,
read-only tables, imported once. Stages import the table they need
(``from newsfacts.lexicon.en.calendar import MONTHS``); no stage keeps a word list of its own,
so a word is added in one place and every stage that reads it sees it.

========================  ===================================================================
module                    what
========================  ===================================================================
``en.numbers``            cardinal, ordinal and scale words, fraction denominators, vague
                          quantities ("thousands of", "several")
``en.calendar``           months, weekdays, seasons, parts of day, time units (TIMEX3 letters),
                          day words, holidays (how their dates are computed)
``en.temporal_cues``      the dates stage's cue words (tense, schedule, year/month/season cues)
========================  ===================================================================

Further modules (units, currencies, cue words, names) are listed in ``en/__init__.py``.
"""
