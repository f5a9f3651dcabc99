"""The dates stage: TIMEX3 recognition and normalisation (spaCy factory ``newsfacts_dates``).

Importing this package registers the factory (:func:`make_dates`). A rule is a named regular
expression with a handler in :mod:`.rules`; what it returns and what it may ask the stage to
check is the contract in :mod:`.timex`; the stage runs the checks with the parse
(:mod:`.checks`). Words (months, units, cue words) live in the lexicon
(:mod:`newsfacts.lexicon.en.calendar`, ``.numbers``, ``.temporal_cues``), never here.

==================  ===========================================================================
module              what
==================  ===========================================================================
``component``       the spaCy component (:class:`DatesComponent`, factory :func:`make_dates`):
                    candidates in text order, context from earlier mentions, mentions written to
                    ``doc._.dates``, the publication date to ``doc._.published*``
``timex``           the rule <-> stage contract: :class:`~.timex.Context` (what a rule reads),
                    :class:`~.timex.Timex` (what it returns, frozen), :class:`~.timex.Check`
                    (the context checks it may ask for)
``rules``           the ``@pattern`` registry and the handlers (one per named rule), the regex
                    building blocks made from the lexicon, left modifiers ("the end of",
                    "about"), :func:`~.rules.find_timexes` and :func:`~.rules.normalise_match`;
                    pure Python, no spaCy
``calendar``        date arithmetic: durations, ISO weeks, shifting a value, resolving a
                    month-day/month/weekday/season against the DCT and tense, holidays
``checks``          the tense of the governing verb and one function per :class:`~.timex.Check`,
                    run with the parse (spaCy ``Doc``)
``publication``     the publication date (DCT) inferred from the text: dateline, latest full date
``entities``        spaCy DATE/TIME entities no rule matched, normalised with ``dateparser``
==================  ===========================================================================

Where does a change go? A new expression: a rule in :mod:`.rules` (and a row in
tests/test_dates_rules.py). A new word for an existing rule: the lexicon. A new reason to reject
a match that needs the parse: a :class:`~.timex.Check` member and its function in :mod:`.checks`.
"""

from .component import DatesComponent, make_dates

__all__ = ["DatesComponent", "make_dates"]
