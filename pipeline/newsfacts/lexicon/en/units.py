"""Units of measurement written after a number: canonical short names and their written forms.

Read by the claims stage. Canonical names are SI or news-standard abbreviations (``km``, ``kg``,
``tonne``, ``mph``, ``percent``, ``percentage_point``); forms are lower-case token sequences as
spaCy's English tokenizer splits them ("km / h", "kilowatt - hour"). The shape follows
quantulum3's ``units.json`` (a canonical unit with its surface forms), kept small and general.
"""

from __future__ import annotations

PERCENT_UNITS = {("%",): "percent", ("percent",): "percent", ("per", "cent"): "percent",
                 ("pct",): "percent", ("pc",): "percent", ("percentage", "point"): "percentage_point",
                 ("percentage", "points"): "percentage_point", ("basis", "points"): "basis_point",
                 ("basis", "point"): "basis_point", ("bps",): "basis_point",
                 ("points",): "point", ("point",): "point", ("pts",): "point"}

#: Canonical unit -> its written forms (lower case; multi-word forms as spaCy splits them).
UNIT_FORMS = {
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
for _canon, _forms in UNIT_FORMS.items():
    for _f in _forms:
        UNIT_WORDS[tuple(_f.replace("-", " - ").split())] = _canon
UNIT_WORDS.update(PERCENT_UNITS)
del _canon, _forms
#: The longest unit form, in tokens.
MAX_UNIT_LEN = max(len(k) for k in UNIT_WORDS)
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
SHORT_UNITS = {("m",), ("g",), ("p",), ("l",), ("ha",), ("mi",), ("min",), ("sec",), ("°",), ("w",),
                ("v",), ("mb",), ("gb",), ("tb",), ("mw",), ("kw",), ("gw",), ("pc",)}
#: Single-letter units read only in lower case: "p" (pence), "m" (metre), "g" (gram); "3 P"
#: or "5 M" are something else.
LOWER_CASE_ONLY_UNITS = frozenset({"p", "m", "g"})
#: Words that open an area unit in a rate ("$80 per square metre", "$95 per sq m").
AREA_PREFIXES = frozenset({"square", "sq", "sq."})
#: Words that open a rate's denominator ("$52 a barrel", "15% per annum", "$70/share").
RATE_MARKERS = frozenset({"a", "an", "per", "/"})
#: Units that are never a rate's denominator ("3% a percent" is not a rate).
NOT_RATE_UNITS = frozenset({"percent", "point"})
