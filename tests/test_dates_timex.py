"""Tests for :mod:`newsfacts.components.dates.timex`: the rule <-> stage contract types."""

from __future__ import annotations

import dataclasses

import pytest

from newsfacts.components.dates.timex import Check, Context, Timex


def test_a_timex_is_frozen_and_derived_with_replace():
    t = Timex("SET", "P1D", checks=frozenset({Check.RATE}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "P2D"  # type: ignore[misc]
    d = dataclasses.replace(t, type="DURATION")
    assert (t.type, d.type, d.value, d.checks) == ("SET", "DURATION", "P1D", t.checks)


def test_defaults():
    t = Timex("DATE", "2019")
    assert (t.mod, t.source, t.kind, t.checks, t.begin, t.end_value, t.trim_left, t.trim_right, t.split) == (
        None, "explicit", "", frozenset(), None, None, 0, 0, None)
    c = Context()
    assert (c.dct, c.dct_precision, c.ref, c.last_year, c.future, c.tense) == (None, None, None, None, False, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.ref = "2019"  # type: ignore[misc]
