"""English calendar words: months, weekdays, seasons, parts of day, time units.

Read by the dates rules and the claims stage. TIMEX3 codes follow the TimeML 1.2.1 annotation
guidelines (seasons SP/SU/FA/WI, parts of day MO/AF/EV/NI, duration letters); the representative
month of a season follows HeidelTime's English resources.
"""

from __future__ import annotations

#: Month names and their abbreviations -> month number.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
#: Weekday names -> ISO weekday (Monday 1 … Sunday 7).
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
#: Seasons -> TIMEX3 season code.
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: A representative month of each season (resolving "last summer" against a date).
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
#: Parts of the day -> TIMEX3 code.
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI",
}
#: Time unit -> (TIMEX3 duration letter, is a clock unit (PT…), multiplier): "a fortnight" is
#: P2W, "a decade" P10Y.
DURATION_UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "weekend": ("D", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
}
#: Frequency adverbs -> TIMEX3 SET value.
SET_ADVERBS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M",
}
#: Units of time a numeric claim can carry: a number with one is a duration ("21 consecutive
#: months"), kept as a claim even inside a DATE entity.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
#: Day words -> offset in days from the DCT ("tonight" is today, at night).
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
#: Ordinals naming a quarter -> quarter number ("final"/"last" quarter: the fourth, when a year
#: is given).
QUARTER_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}
#: Decade words -> the decade's tens digit within the 1900s ("the sixties": 196).
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
#: Holidays with a computable date (lower case, single spaces) -> how to compute it:
#: ("fixed", month, day), ("nth_weekday", month, ISO weekday, n; n = -1 is the last) or
#: ("easter", days after Easter Sunday). US federal rules for Thanksgiving (fourth Thursday of
#: November), Labor Day (first Monday of September), Memorial Day (last Monday of May).
HOLIDAYS = {
    "christmas eve": ("fixed", 12, 24),
    "christmas day": ("fixed", 12, 25),
    "christmas": ("fixed", 12, 25),
    "new year's eve": ("fixed", 12, 31),
    "new year's day": ("fixed", 1, 1),
    "independence day": ("fixed", 7, 4),
    "halloween": ("fixed", 10, 31),
    "valentine's day": ("fixed", 2, 14),
    "thanksgiving day": ("nth_weekday", 11, 4, 4),
    "thanksgiving": ("nth_weekday", 11, 4, 4),
    "labor day": ("nth_weekday", 9, 1, 1),
    "memorial day": ("nth_weekday", 5, 1, -1),
    "easter sunday": ("easter", 0),
    "easter": ("easter", 0),
    "good friday": ("easter", -2),
}
