"""The dates stage: TIMEX3 recognition and normalisation (factory ``newsfacts_dates``).

Importing this package registers the factory (:func:`make_dates`).
"""

from .component import DatesComponent, make_dates

__all__ = ["DatesComponent", "make_dates"]
