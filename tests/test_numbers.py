"""Tests for :mod:`newsfacts.numbers`, the one number-word parser, as the dates rules use it
(:func:`parse_number_text`) and the count words it reads besides the claims stage's number
words. The claims stage's own cases of ``parse_numeral``/``parse_number_words`` stay in
tests/test_claims.py."""

from __future__ import annotations

import pytest
from pytest import param

from newsfacts.numbers import parse_number_text, parse_number_words


@pytest.mark.parametrize("text,value", [
    param("21", 21), param("2.5", 2.5), param("twenty-one", 21), param("twenty one", 21),
    param("one hundred", 100), param("hundred", 100), param("a", 1), param("an", 1), param("single", 1),
    param("half", 0.5), param("two and a half", 2.5), param("dozen", 12),
    param("a dozen", 12, id="a dozen (the old dates parser read 13)"),
    param("two dozen", 24, id="two dozen (the old dates parser read 14)"),
    param("half dozen", 6, id="half dozen (the old dates parser read 12.5)"),
    param("single five", 5, id="emphatic single (the old dates parser read 6)"),
    param("ninety-six", 96), param("nineteen", 19),
])
def test_parse_number_text(text, value):
    assert parse_number_text(text) == value


@pytest.mark.parametrize("text", ["several", "a few", "few", "many", "some", "a couple of", "couple of", "numerous",
                                  "the", "one half"])
def test_vague_quantities_and_non_numbers_are_none(text):
    assert parse_number_text(text) is None


@pytest.mark.parametrize("words,value", [
    (["a"], 1), (["single"], 1), (["half"], 0.5), (["two", "and", "a", "half"], 2.5),
    (["twenty", "-", "one", "and", "a", "half"], 21.5), (["single", "five"], 5),
])
def test_count_words(words, value):
    assert parse_number_words(words) == value


def test_claims_inputs_are_unchanged():
    # what the claims stage passes: number words, "-"/"and" between them, "a"/"half" before a scale
    assert parse_number_words(["a", "million"]) == 1e6
    assert parse_number_words(["half", "a", "million"]) == 5e5
    assert parse_number_words(["two", "hundred", "and", "five"]) == 205
    assert parse_number_words(["a", "few"]) is None
    assert parse_number_words([]) is None
