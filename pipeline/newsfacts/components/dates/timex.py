"""The rule <-> stage contract: what a rule reads (:class:`Context`), what it returns
(:class:`Timex`) and the context checks it may ask the stage to run with the parse (:class:`Check`).

Pure Python (no spaCy): :mod:`.rules` builds these, :mod:`.checks` runs the checks, and
:mod:`.component` turns an accepted :class:`Timex` into a :class:`~newsfacts.facts.DateMention`.
A :class:`Timex` is frozen: the stage derives changed copies with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Context:
    """What a value may be resolved against.

    ``dct``: the document creation time (a date) or None; ``dct_precision``: "day" or "year"
    (an inferred DCT only fixes the year); ``ref``: the last calendar value seen in the text
    (a TIMEX3 value string) for "a year earlier"; ``last_year``: the last explicit year mentioned
    before the expression; ``future``: the governing verb is future ("will be held on May 9");
    ``tense``: "past" | "present" | "future" | None (no verb found).
    """

    dct: Optional[dt.date] = None
    dct_precision: Optional[str] = None
    ref: Optional[str] = None
    last_year: Optional[int] = None
    future: bool = False
    tense: Optional[str] = None  # "past" | "present" | "future" | None (no verb found)


class Check(enum.Enum):
    """A context check a rule asks the stage to run with the parse before a match is kept
    (:func:`newsfacts.components.dates.checks.run_checks`; each member names the function that
    runs it). A failed check drops the match, except :attr:`RATE`, which may turn it into a
    duration."""

    #: A four-digit number is a year, not a count ("2000 people"), a code ("No. 1990") or a
    #: measure ("1998 m"). Run by :func:`~newsfacts.components.dates.checks.keep_year`.
    YEAR = "year"
    #: A bare month name is the month, not a name ("April Smith"), the modal "may" or the verb
    #: "march". Run by :func:`~newsfacts.components.dates.checks.month_name_ok`.
    MONTH_NAME = "month_name"
    #: A season word is the season, not the verb "fall" or the noun "spring" ("a hot spring").
    #: Run by :func:`~newsfacts.components.dates.checks.season_ok`.
    SEASON = "season"
    #: "now", "the past" are temporal ("Now, ..." opening a sentence and "the past five years"
    #: are not). Run by :func:`~newsfacts.components.dates.checks.ref_word_ok`.
    REF_WORD = "ref_word"
    #: "three-quarters of its food" is a fraction, not a duration. Run by
    #: :func:`~newsfacts.components.dates.checks.not_fraction`.
    NOT_FRACTION = "not_fraction"
    #: A weekday is not the start of a name ("Monday Night Football", "the Sunday Times").
    #: Run by :func:`~newsfacts.components.dates.checks.weekday_not_name`.
    WEEKDAY_NOT_NAME = "weekday_not_name"
    #: "current"/"recent" as a temporal adjective after a determiner ("the current crisis"),
    #: not "current account". Run by :func:`~newsfacts.components.dates.checks.adjective_ok`.
    ADJECTIVE = "adjective"
    #: "the year"/"the quarter" is the reported period, not "of the year", "a year".
    #: Run by :func:`~newsfacts.components.dates.checks.the_unit_ok`.
    THE_UNIT = "the_unit"
    #: A 24-hour clock time without a time zone ("14:30") only after a clock cue ("at 14:30").
    #: Run by :func:`~newsfacts.components.dates.checks.clock_cue_ok`.
    CLOCK_CUE = "clock_cue"
    #: "a day"/"per week" is a rate (SET) only after a count or amount ("twice a day",
    #: "$5 per week"); otherwise "a day" is a one-unit DURATION and "per week" is dropped.
    #: Run by :func:`~newsfacts.components.dates.checks.rate_ok`.
    RATE = "rate"


@dataclass(frozen=True)
class Timex:
    """A rule's reading of one match: a TIMEX3 ``type``/``value``/``mod``, plus what the stage
    needs to place and check it.

    ``source``: what the value was resolved against ("explicit" | "dct" | "ref" | "none");
    ``kind``: the rule that read it (its ``@pattern`` name) or a finer kind it names ("interval",
    "fiscal", "adj_relative", "year_range", ...); ``checks``: the context checks the stage must
    run with the parse (:class:`Check`); ``begin``/``end_value``: interval ends ("2012/2013");
    ``trim_left``/``trim_right``: characters of signal words to drop from the matched span
    ("in the past" -> "the past", "two days after" -> "two days"); ``split``: a second mention
    inside the match, ``(start, end, value)`` in text offsets ("1990-1995": the second year).
    """

    type: str
    value: str
    mod: Optional[str] = None
    source: str = "explicit"
    kind: str = ""
    checks: frozenset[Check] = frozenset()
    begin: Optional[str] = None
    end_value: Optional[str] = None
    trim_left: int = 0
    trim_right: int = 0
    split: Optional[tuple[int, int, str]] = None
