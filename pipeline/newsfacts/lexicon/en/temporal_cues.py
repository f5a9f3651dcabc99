"""Cue words of the dates stage: the words around a candidate temporal expression that decide
whether it is one and how its value is resolved.

Read by :mod:`newsfacts.components.dates.checks` (the context checks run with the parse) and the
dates component. Lower-case words unless noted; multi-character symbols are literal. They follow
common news usage and the TempEval-3 error analyses of the dates stage (see each entry).
"""

from __future__ import annotations

#: Future auxiliaries ("will", contracted "'ll", the "wo" of "won't"): a verb with one is future.
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "ll"})
#: Lemmas of verbs that make their infinitive complement future ("plans to open on May 9", "is
#: set to vote Friday", "is due to open").
FUTURE_VERB_LEMMAS = frozenset({"schedule", "plan", "expect", "due", "set", "intend", "aim"})
#: Words right before a month-day (or a bare month) that make it a scheduled target whatever
#: the verb's tense ("declared a dividend payable Dec. 15"): the date reads as present tense.
SCHEDULE_CUES = frozenset({"payable", "until", "till", "through", "effective", "due", "expires", "expire",
                           "expiring", "starting", "beginning", "deadline", "scheduled", "record"})

#: Plural heads that keep a four-digit numeric modifier a year ("the 2019 elections", "1988
#: results"); other plural heads make it a count ("2000 people").
YEAR_HEADS = frozenset({
    "period", "quarter", "season", "year", "budget", "election", "elections", "census", "olympics",
    "games", "crisis", "war", "campaign", "level", "levels", "figure", "figures", "result",
    "results", "earnings", "plan", "target", "model", "edition", "report", "deadline", "rate",
})
#: Symbols and words right before a four-digit number that make it an amount, a code or a
#: reference, not a year ("$2000", "No. 1990", "Figure 2001", "Route 1960"). Case-insensitive;
#: a word matches at a word start.
NOT_YEAR_PREFIX_SYMBOLS = ("$", "€", "£", "¥", "#")
NOT_YEAR_PREFIX_WORDS = (
    "No.", "No", "Nos.", "Nos", "number", "Figure", "Fig.", "Table", "page", "p.", "pp.", "Room",
    "Route", "Flight", "Highway", "Article", "Section", "Chapter", "Rule", "Resolution", "Box",
    "Suite", "Apt.", "Apt", "Platform", "Gate", "Bus", "version", "v.", "code", "hotline", "phone",
    "ISO", "Series",
)
#: Unit abbreviations right after a four-digit number that make it a measure ("1998 m", "2000
#: kw"), not a year. Case-insensitive.
NOT_YEAR_UNIT_ABBREVIATIONS = ("m", "km", "kg", "ft", "mw", "kw", "cc", "mm", "cm", "hp")

#: Words right before a bare "May"/"March" that make it the month ("in May", "since March",
#: "last May", "May and June"); without one it is the modal or the verb.
MONTH_NAME_CUES = frozenset({
    "in", "since", "by", "until", "till", "of", "last", "next", "this", "early", "late", "mid",
    "from", "to", "through", "before", "after", "during", "between", "and", "or", "-", "on",
    "throughout", "for", "past", "coming", "around", "as", "that", "each", "every", ",", "the",
})
#: Words right after a bare "March" that make it the verb ("march on", "marched to").
MARCH_VERB_PARTICLES = frozenset({"on", "to", "through", "against", "in"})
#: Words right before a bare season word that make it the season ("in spring", "last fall").
SEASON_CUES = frozenset({"in", "this", "last", "next", "the", "during", "by", "until", "since", "early",
                         "late", "mid", "of", "past", "coming", "each", "every", "through", "before", "after"})
#: Words right after "the past" that make it the start of a longer expression ("the past five
#: years", "the past year"), not PAST_REF; matched as word prefixes, besides any digit.
PAST_QUANTITY_CUES = ("few", "several", "one", "two", "three", "four", "five", "six", "seven", "eight",
                      "nine", "ten", "twelve", "twenty", "year", "month", "week", "decade", "day", "hour",
                      "quarter")
#: Determiners (and "in") before "current"/"recent" that make it a temporal adjective ("the
#: current crisis", "in recent talks").
ADJECTIVE_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "my", "your", "in"})
#: Nouns after "current" that make it a term, not PRESENT_REF ("current account", "current assets").
CURRENT_TERM_HEADS = frozenset({"account", "accounts", "affairs", "events", "assets", "liabilities", "flow",
                                "flows", "state", "status", "version", "form"})
#: Words right before "the year"/"the quarter"/"the week" that make it no reported period
#: ("one of the year's best", "twice per the quarter").
NOT_BEFORE_THE_UNIT = frozenset({"of", "'s", "per", "a"})
#: Prepositions right before a 24-hour clock time without a zone that make it a time ("at 14:30").
CLOCK_CUES = frozenset({"at", "by", "until", "till", "from", "before", "after", "around", "about", "to", "since"})
#: Words shortly before "a day"/"per week" that make it a rate ("twice a day", "$5 per week",
#: "100 tonnes a year"); a digit or "%" does the same.
RATE_CUES = ("once", "twice", "times", "percent", "cents", "cent", "dollars", "dollar", "yuan", "euros",
             "euro", "pounds", "pound", "people", "units", "tons", "ton", "tonnes", "tonne", "barrels",
             "barrel", "miles", "mile", "hours", "hour")
