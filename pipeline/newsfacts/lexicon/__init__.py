"""The project's vocabulary: one home for the words every stage reads.

Each language is a sub-package of small data modules (``en`` only, for now): public, upper-case,
read-only tables, imported once. Stages import the table they need
(``from newsfacts.lexicon.en.calendar import MONTHS``); no stage keeps a word list of its own,
so a word is added in one place and every stage that reads it sees it. Each table carries a
comment saying what it is for and, where one exists, its source.

========================  ===================================================================
module                    what (read by)
========================  ===================================================================
``en.numbers``            cardinal, ordinal and scale words, count words, fraction
                          denominators, vague quantities (numbers, dates, claims)
``en.calendar``           months, weekdays, seasons, parts of day, time units (TIMEX3
                          letters), day words, holidays (dates, claims)
``en.temporal_cues``      tense, schedule, year/month/season cues around a date (dates)
``en.quantities``         words around a number: pronoun "one", scale neighbours (claims)
``en.units``              units of measurement and their written forms, rate nouns (claims)
``en.currencies``         currency symbols, ISO 4217 codes, currency words (claims)
``en.cues``               approximation, change, counting-head and baseline cues (claims)
``en.nonclaims``          references, phone words, stock indices, ages, streets (claims)
``en.names``              honorifics, company suffixes, designators, role nouns, alias cues
                          (org names, coreference, entity resolution)
========================  ===================================================================
"""
