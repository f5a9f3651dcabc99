"""Tests for :mod:`newsfacts.components.dates.entities`: spaCy DATE/TIME entities the rules miss
(hand-built Docs with explicit entities) and their ``dateparser`` normalisation."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from pytest import param
from spacy.tokens import Doc

from newsfacts.components.dates.entities import dateparser_value, spacy_candidates
from newsfacts.components.dates.rules import find_timexes
from newsfacts.components.dates.timex import Context

VOCAB = spacy.blank("en").vocab


def make(words: str, ents: str) -> Doc:
    w = words.split()
    return Doc(VOCAB, words=w, spaces=[True] * (len(w) - 1) + [False], ents=ents.split())


@pytest.mark.parametrize("words,ents,kept", [
    param("Sales rose on january 5 .", "O O O B-DATE I-DATE O", ["january 5"], id="a month word the rules miss"),
    param("Sales rose on May 5 .", "O O O B-DATE I-DATE O", [], id="covered by a rule"),
    param("He is 35 years old .", "O O B-DATE I-DATE I-DATE O", [], id="no calendar cue: an age"),
    param("It traded in the a.m session .", "O O O B-TIME I-TIME I-TIME O", ["the a.m session"], id="a clock cue"),
    param("Lee visited Paris .", "B-PERSON O B-GPE O", [], id="other labels"),
])
def test_spacy_candidates(words, ents, kept):
    doc = make(words, ents)
    got = spacy_candidates(doc, find_timexes(doc.text))
    assert [doc.text[c.start:c.end] for c in got] == kept
    assert all(c.name == "spacy" and c.rule is None for c in got)


@pytest.mark.parametrize("text,context,want", [
    param("january 5", Context(dct=dt.date(2020, 5, 10), dct_precision="day"), ("DATE", "2020-01-05", "dct")),
    param("january 5", Context(), ("DATE", "XXXX-01-05", "none")),
    param("january 2019", Context(), ("DATE", "2019-01", "explicit")),
    param("no date here", Context(), None),
])
def test_dateparser_value(text, context, want):
    assert dateparser_value(text, context) == want
