"""Words around a number that make it something other than a claim: a reference ("Figure 1"),
a phone or ID number, a stock-index name ("FTSE 100"), an age ("aged 45"), a street address.

Read by the claims stage's exclusion rules.
"""

from __future__ import annotations

#: Words before a number that make it a reference, not a quantity.
REFERENCE_WORDS = {
    "figure", "fig", "fig.", "table", "section", "chapter", "row", "no", "no.", "nos", "article",
    "rule", "page", "p.", "pp", "pp.", "version", "v", "v.", "item", "step", "exhibit", "annex",
    "appendix", "paragraph", "para", "clause", "amendment", "vol", "vol.", "volume", "issue",
    "box", "#", "route", "highway", "interstate", "flight", "gate", "platform", "seat", "room",
    "channel", "episode", "chart", "schedule", "part", "phase", "grade", "level", "pier", "lot",
    "unit", "suite", "apt", "apt.", "number", "code", "id", "model", "class", "category", "type",
    "batch", "series", "generation", "tier", "zone", "district", "ward", "block", "building",
    "floor", "lane", "line", "wave", "stage", "week", "game", "round", "match", "race", "test",
    "squad", "jersey", "shirt",
}

#: Words near a long digit string that make it a phone or ID number.
PHONE_WORDS = {"hotline", "phone", "telephone", "tel", "tel.", "call", "fax", "id", "no",
                "no.", "number", "sms", "dial", "helpline", "mobile", "whatsapp", "wechat"}

#: Names of stock market indices written with a number ("S&P 500", "FTSE 100", "Nikkei 225",
#: "Euro Stoxx 50", "Russell 2000", "CAC 40"): the number is part of the name, never a claim.
#: Lower-cased last word(s) before the number; "s p" and "sp" are "S&P" with the ampersand lost.
INDEX_NAMES = {("s&p",), ("s", "p"), ("sp",), ("s&p", "/", "asx"), ("nasdaq",), ("stoxx",), ("ftse",),
               ("russell",), ("nikkei",), ("cac",), ("dax",), ("mdax",), ("asx",), ("kospi",),
               ("sensex",), ("nifty",), ("topix",), ("ibex",), ("aex",), ("omx",), ("smi",),
               ("mib",), ("jse",), ("klci",), ("sti",), ("ta", "-")}

#: Words before a bare number that make it an age ("aged 45").
AGE_WORDS = {"aged", "age", "ages"}

#: Street-type words after a house number ("49 Zorro Ranch Road").
STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "way", "boulevard", "blvd", "lane",
                 "ln", "drive", "dr", "place", "pl", "court", "ct", "square", "terrace", "highway"}

#: Reference words that also head ordinary phrases: a reference only in lower case and without
#: an article before it ("in week 3", "on line 2"; not "the number 5", "Week 3").
COUNTING_REFERENCE_WORDS = frozenset({"number", "line", "week", "game", "round", "level", "test", "stage"})

#: Words after a number that make it a clock time ("5 am", "10 p.m.", "0800 GMT", "1400 hrs").
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "edt", "est", "cet", "hrs"})

#: Ordinal suffixes the tokenizer splits off digits ("70 th").
ORDINAL_SUFFIXES = frozenset({"th", "st", "nd", "rd"})

#: Capital letters glued to digits that make a format name ("4K TV", "3D", "1080P").
FORMAT_LETTERS = frozenset({"D", "K", "P"})

#: spaCy entity types whose numbers are part of the name ("Windows 11", "Article 5 of the
#: Treaty", "Euro 2020", "Terminal 3") when the number is not the entity's first token.
NAME_ENTITY_TYPES = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"})

#: Time units of an age ("45-year-old", "a six-month-old baby").
AGE_UNITS = frozenset({"year", "month", "week", "day"})

#: Reference words that also name products ("Model 300", "Type 055", "Series 900"): a number after
#: one is a model name for the whole article; after any other reference word ("Article 300",
#: "Section 230") it names a passage, and the same number elsewhere stays a number.
MODEL_NAME_WORDS = frozenset({"model", "series", "class", "type", "generation"})
