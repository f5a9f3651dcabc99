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
