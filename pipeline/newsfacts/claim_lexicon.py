"""Lexicons and token patterns of the numeric-claims stage (data only; used by
:mod:`newsfacts.components.claims`).

Currencies are ISO 4217 codes; measurement units get short canonical names (``km``, ``tonne``,
``month``); cue words for approximation ("about", "more than") and change ("rose", "fell") follow
common news usage. Kept small and general: no entry comes from a benchmark sentence.
"""

from __future__ import annotations

import re

#: Currency symbols and codes written before the number. "¥" is read as CNY (the project's
#: corpus is Chinese news; Japanese yen are usually written "yen" or "JPY").
CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "nt$": "TWD", "r$": "BRL",
    "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN",
    "₫": "VND", "฿": "THB", "₺": "TRY", "₱": "PHP", "rs": "INR", "rs.": "INR", "rmb": "CNY",
}
#: Country prefixes written as a separate token before "$" ("US $84 billion", "c $ 16.4").
DOLLAR_COUNTRY = {"us": "USD", "u.s.": "USD", "au": "AUD", "c": "CAD", "ca": "CAD",
                  "hk": "HKD", "nz": "NZD", "nt": "TWD"}
#: Currency symbols also written after the number ("15 €", "100 ₡", "100元").
CURRENCY_SUFFIX = {"€": "EUR", "£": "GBP", "¥": "CNY", "元": "CNY", "₹": "INR", "₩": "KRW",
                   "₽": "RUB", "₡": "CRC", "₾": "GEL", "₭": "LAK", "ரூ": "LKR", "₫": "VND",
                   "$": "USD", "₺": "TRY", "₱": "PHP", "₦": "NGN", "฿": "THB"}
#: ISO 4217 codes accepted when written in capitals (before or after the number).
ISO_CODES = {
    "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "VND", "SEK", "NOK", "DKK", "CHF", "INR", "AUD",
    "CAD", "HKD", "SGD", "NZD", "KRW", "RUB", "BRL", "MXN", "ZAR", "TRY", "MYR", "IDR", "THB",
    "PHP", "PKR", "NGN", "EGP", "SAR", "AED", "ILS", "PLN", "CZK", "HUF", "TWD", "KES", "ARS",
    "CLP", "COP", "BDT", "LKR", "UAH", "RM",
}
_ISO_ALIAS = {"RMB": "CNY", "RM": "MYR"}
#: Currency words written after the number (singular and plural forms).
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "euro": "EUR", "euros": "EUR", "sterling": "GBP", "yen": "JPY", "rupee": "INR",
    "rupees": "INR", "ringgit": "MYR", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS",
    "franc": "CHF", "francs": "CHF", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "kroner": "NOK", "baht": "THB", "dong": "VND", "peso": "MXN", "pesos": "MXN",
    "reais": "BRL", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "lira": "TRY", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
    "naira": "NGN", "markka": "FIM", "won": "KRW", "rupiah": "IDR", "hryvnia": "UAH",
}
#: Nationality words that change a currency word's code ("Australian dollars" -> AUD).
CURRENCY_NATIONALITY = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD", ("new zealand", "dollar"): "NZD", ("taiwan", "dollar"): "TWD",
    ("new taiwan", "dollar"): "TWD", ("zimbabwe", "dollar"): "ZWL", ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD", ("danish", "krone"): "DKK",
    ("norwegian", "krone"): "NOK", ("swedish", "krona"): "SEK", ("philippine", "peso"): "PHP",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("indian", "rupee"): "INR", ("swiss", "franc"): "CHF",
    ("brazilian", "real"): "BRL", ("british", "pound"): "GBP", ("egyptian", "pound"): "EGP",
    # English translations of krone/krona/koruna used by wire services ("9 million Danish crowns")
    ("danish", "crown"): "DKK", ("norwegian", "crown"): "NOK", ("swedish", "crown"): "SEK",
    ("czech", "crown"): "CZK", ("icelandic", "crown"): "ISK",
}

PERCENT_UNITS = {("%",): "percent", ("percent",): "percent", ("per", "cent"): "percent",
                 ("pct",): "percent", ("pc",): "percent", ("percentage", "point"): "percentage_point",
                 ("percentage", "points"): "percentage_point", ("basis", "points"): "basis_point",
                 ("basis", "point"): "basis_point", ("bps",): "basis_point",
                 ("points",): "point", ("point",): "point", ("pts",): "point"}

_U = {
    "km": ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
    "m": ["metre", "metres", "meter", "meters"],
    "cm": ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
    "mm": ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
    "nm": ["nm", "nanometre", "nanometres", "nanometer", "nanometers"],
    "um": ["μm", "µm", "micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"],
    "mile": ["mile", "miles", "mi"], "yard": ["yard", "yards", "yd", "yds"],
    "foot": ["foot", "feet", "ft", "′"], "inch": ["inch", "inches", "″"],
    "sq_ft": ["square foot", "square feet", "sq ft", "sq. ft", "sq. ft."],
    "m2": ["square metre", "square metres", "square meter", "square meters", "sq m", "m2", "sqm"],
    "km2": ["square kilometre", "square kilometres", "square kilometer", "square kilometers",
            "sq km", "km2"],
    "sq_mile": ["square mile", "square miles"], "acre": ["acre", "acres"],
    "hectare": ["hectare", "hectares", "ha"], "cu_ft": ["cubic foot", "cubic feet"],
    "mu": ["mu"],  # the Chinese mu (亩), 1/15 hectare
    "m3": ["cubic metre", "cubic metres", "cubic meter", "cubic meters"],
    "kg": ["kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"],
    "g": ["gram", "grams", "gramme", "grammes"], "mg": ["mg", "milligram", "milligrams"],
    "tonne": ["tonne", "tonnes", "metric ton", "metric tons"], "ton": ["ton", "tons"],
    "lb": ["lb", "lbs", "pound-mass", "pound", "pounds"], "oz": ["ounce", "ounces", "oz"],
    "litre": ["litre", "litres", "liter", "liters", "l"],
    "ml": ["ml", "millilitre", "millilitres", "milliliter", "milliliters"],
    "gallon": ["gallon", "gallons"], "barrel/day": ["barrels per day", "barrels a day", "bpd",
                                                    "barrel per day", "barrels of oil per day"],
    "barrel": ["barrel", "barrels"], "mph": ["mph", "m.p.h.", "m.p.h", "miles per hour", "miles an hour"],
    "km/h": ["km/h", "km / h", "km / h.", "km/h.", "km/hr", "km / hr", "kph", "kmh", "kilometres per hour", "kilometers per hour",
             "kilometres an hour", "kilometers an hour"],
    "second": ["second", "seconds", "sec", "secs"], "minute": ["minute", "minutes", "min", "mins"],
    "hour": ["hour", "hours", "hr", "hrs"], "day": ["day", "days"], "week": ["week", "weeks"],
    "month": ["month", "months"], "year": ["year", "years", "yr", "yrs"],
    "decade": ["decade", "decades"], "century": ["century", "centuries"],
    "hp": ["hp", "horsepower"], "bhp": ["bhp", "brake horsepower"], "kW": ["kw", "kilowatt", "kilowatts"],
    "MW": ["mw", "megawatt", "megawatts"], "GW": ["gw", "gigawatt", "gigawatts"],
    "kWh": ["kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hour", "kilowatt hours"],
    "MWh": ["mwh", "megawatt-hour", "megawatt-hours"], "GWh": ["gwh", "gigawatt-hour",
                                                                "gigawatt-hours"],
    "TWh": ["twh", "terawatt-hour", "terawatt-hours"], "W": ["w", "watt", "watts"],
    "V": ["volt", "volts"], "mAh": ["mah"], "GB": ["gb", "gigabyte", "gigabytes"],
    "TB": ["tb", "terabyte", "terabytes"], "MB": ["mb", "megabyte", "megabytes"],
    "Mbps": ["mbps", "megabits per second"], "Gbps": ["gbps", "gigabits per second"],
    "Hz": ["hz", "hertz"], "kHz": ["khz"], "MHz": ["mhz"], "GHz": ["ghz"],
    "degC": ["℃", "°c", "degrees celsius", "degree celsius", "celsius", "degrees centigrade", "ºc",
             "degc", "deg c"],
    "degF": ["℉", "°f", "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "ºf", "degf", "deg f"],
    "degree": ["degree", "degrees", "°"], "ppm": ["ppm", "parts per million"],
    "ppb": ["ppb", "parts per billion"], "rpm": ["rpm"], "lbft": ["pound-feet", "lb-ft"],
    # sen: 1/100 of the Malaysian ringgit ("The stock rose 8 sen to RM1.45")
    "calorie": ["calorie", "calories", "kcal"], "cent": ["cent", "cents"], "sen": ["sen"],
    "pence": ["pence", "p"], "F": ["farad", "farads"], "mpg": ["mpg", "miles per gallon"],
    "GPa": ["gpa", "gigapascal", "gigapascals"], "MPa": ["mpa", "megapascal", "megapascals"],
    "Gt": ["gigatonne", "gigatonnes", "gigaton", "gigatons"],
    "Nm": ["newton metre", "newton metres", "newton meter", "newton meters", "nm."],
    "PS": ["ps"], "dB": ["db", "decibel", "decibels"], "knot": ["knot", "knots"],
    # per-game averages of basketball box scores ("21.4 ppg, 9.1 rpg, 4.2 apg")
    "point/game": ["ppg", "points per game"], "rebound/game": ["rpg", "rebounds per game"],
    "assist/game": ["apg", "assists per game"], "steal/game": ["spg", "steals per game"],
    "block/game": ["bpg", "blocks per game"],
}
#: Measurement units written after the number: token tuple -> canonical unit.
UNIT_WORDS: dict[tuple[str, ...], str] = {}
for _canon, _forms in _U.items():
    for _f in _forms:
        UNIT_WORDS[tuple(_f.replace("-", " - ").split())] = _canon
UNIT_WORDS.update(PERCENT_UNITS)
_MAX_UNIT_LEN = max(len(k) for k in UNIT_WORDS)
#: Denominators of rates written "a share", "per barrel", "an ounce", "a year", "per annum".
RATE_NOUNS = {
    "share": "share", "shares": "share", "barrel": "barrel", "ounce": "oz", "gallon": "gallon",
    "dozen": "dozen", "year": "year", "annum": "year", "month": "month", "week": "week",
    "day": "day", "hour": "hour", "tonne": "tonne", "ton": "ton", "kilogram": "kg", "kg": "kg",
    "gram": "g", "pound": "lb", "head": "person", "person": "person", "capita": "person",
    "game": "game", "night": "night", "mile": "mile", "litre": "litre", "liter": "litre",
    "kwh": "kWh", "seat": "seat", "unit": "unit", "square": None, "sq": None, "mmbtu": "MMBtu",
    "century": "century", "minute": "minute", "second": "second",
}
#: Units that are also short words or symbols: only accepted right after a digit token.
_SHORT_UNITS = {("m",), ("g",), ("p",), ("l",), ("ha",), ("mi",), ("min",), ("sec",), ("°",), ("w",),
                ("v",), ("mb",), ("gb",), ("tb",), ("mw",), ("kw",), ("gw",), ("pc",)}
#: Units of time: numbers carrying them are durations, kept even inside a DATE entity.
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_DURATION_BLOCK_NEXT = {"ago", "old", "before"}

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
_APPROX_SUFFIX = {("or", "more"): "at_least", ("or", "so"): "about", ("or", "less"): "at_most",
                  ("-", "plus"): "more_than", ("plus",): "more_than", ("+",): "more_than"}
_MAX_CUE = max(len(k) for k in APPROX_CUES)

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
_NUMBER_OF_HEADS = {"number", "amount", "total", "count", "volume", "figure", "numbers", "tally"}
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
_PHONE_WORDS = {"hotline", "phone", "telephone", "tel", "tel.", "call", "fax", "id", "no",
                "no.", "number", "sms", "dial", "helpline", "mobile", "whatsapp", "wechat"}
#: Names of stock market indices written with a number ("S&P 500", "FTSE 100", "Nikkei 225",
#: "Euro Stoxx 50", "Russell 2000", "CAC 40"): the number is part of the name, never a claim.
#: Lower-cased last word(s) before the number; "s p" and "sp" are "S&P" with the ampersand lost.
INDEX_NAMES = {("s&p",), ("s", "p"), ("sp",), ("s&p", "/", "asx"), ("nasdaq",), ("stoxx",), ("ftse",),
               ("russell",), ("nikkei",), ("cac",), ("dax",), ("mdax",), ("asx",), ("kospi",),
               ("sensex",), ("nifty",), ("topix",), ("ibex",), ("aex",), ("omx",), ("smi",),
               ("mib",), ("jse",), ("klci",), ("sti",), ("ta", "-")}
_AGE_WORDS = {"aged", "age", "ages"}
_STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "way", "boulevard", "blvd", "lane",
                 "ln", "drive", "dr", "place", "pl", "court", "ct", "square", "terrace", "highway"}
#: Vague plural quantities read as order-of-magnitude ranges ("thousands of tests" -> 1000-10000,
#: "tens of millions of dollars" -> 1e7-1e8, "dozens of people" -> 12-120), approx "about".
_VAGUE = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_ENTITY_LABELS = {"ORG", "PERSON", "GPE"}
_BASELINE_PREPS = {"from", "than", "since", "versus", "vs", "vs.", "against"}

_NUMERAL = re.compile(r"[+-]?(?:\d[\d,.]*\d|\d|\.\d+)")
_GLUED = re.compile(
    r"(?P<tilde>~)?(?P<cur>(?:US|U\.S\.|A|AU|C|CA|HK|S|NZ|NT|R)?\$(?:US|A|AU|C|NZ|HK|S)?|[€£¥₹₩₽₦₫฿₺₱]|PS|Y="
    r"|USD|EUR|GBP|RMB|CNY|JPY|RM|SEK|NOK|DKK|CHF|INR|Rs\.?|AUD|CAD|HKD|SGD|VND|KRW)?"
    r"(?P<sign>[+-])?(?P<num>\d[\d,.]*\d|\d)"
    r"(?P<scale>bn|mn|mln|bln|mil|tn|trn|k|m|b)?"
    r"(?P<unit>%|[a-zA-Z°º/]+\d?|[″′])?",
    re.I,
)
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)", re.I)
#: Denominators of spelled-out fractions ("a third", "two-thirds", "three quarters").
_FRACTION_DENOMINATORS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                          "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                          "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
                          "tenths": 10}
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth",
                  "millionth"}
