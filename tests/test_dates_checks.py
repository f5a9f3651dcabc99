"""Tests for :mod:`newsfacts.components.dates.checks`: the tense of the governing verb and the
context checks, on ``Doc`` objects built by hand (explicit words, POS, tags, dependencies, heads,
lemmas, entities), so that no parser version decides the outcome. Sentences are hand-written."""

from __future__ import annotations

import dataclasses

import pytest
from pytest import param
import spacy
from spacy.tokens import Doc

from newsfacts.components.dates import checks
from newsfacts.components.dates.checks import (Site, adjective_ok, clock_cue_ok, keep_year, month_name_ok,
                                               not_fraction, rate_ok, reading_tense, ref_word_ok, run_checks,
                                               season_ok, tense, the_unit_ok, weekday_not_name)
from newsfacts.components.dates.timex import Check, Timex

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_title, like_num)


def make(words: str, pos: str = "", tags: str = "", deps: str = "", heads=None, lemmas: str = "",
         ents: str = "") -> Doc:
    """A Doc from space-separated layers (one item per word; words joined by single spaces)."""
    w = words.split()
    layers = {"pos": pos, "tags": tags, "deps": deps, "lemmas": lemmas, "ents": ents}
    kw = {k: v.split() for k, v in layers.items() if v}
    for k, v in kw.items():
        assert len(v) == len(w), (k, v)
    if heads is not None:
        assert len(heads) == len(w)
        kw["heads"] = heads
    return Doc(VOCAB, words=w, spaces=[True] * (len(w) - 1) + [False], **kw)


def site(doc: Doc, span: str, nth: int = 0) -> Site:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(span, start + 1)
    return Site(doc, doc.text, start, start + len(span))


def offsets(doc: Doc, span: str) -> tuple[int, int]:
    s = doc.text.index(span)
    return s, s + len(span)


# ---- tense ---------------------------------------------------------------------------------

FUTURE_AUX = make("The hearing will be held on May 12 .", "DET NOUN AUX AUX VERB ADP PROPN NUM PUNCT",
                  "DT NN MD VB VBN IN NNP CD .", "det nsubjpass aux auxpass ROOT prep pobj nummod punct",
                  [1, 4, 4, 4, 4, 4, 5, 6, 4], "the hearing will be hold on May 12 .")
PAST = make("It opened on May 12 .", "PRON VERB ADP PROPN NUM PUNCT", "PRP VBD IN NNP CD .",
            "nsubj ROOT prep pobj nummod punct", [1, 1, 1, 2, 3, 1], "it open on May 12 .")
PERFECT = make("Prices have fallen since May 12 .", "NOUN AUX VERB ADP PROPN NUM PUNCT", "NNS VBP VBN IN NNP CD .",
               "nsubj aux ROOT prep pobj nummod punct", [2, 2, 2, 2, 3, 4, 2], "price have fall since May 12 .")
PASSIVE_PAST = make("It was revised on May 12 .", "PRON AUX VERB ADP PROPN NUM PUNCT", "PRP VBD VBN IN NNP CD .",
                    "nsubjpass auxpass ROOT prep pobj nummod punct", [2, 2, 2, 2, 3, 4, 2],
                    "it be revise on May 12 .")
PRESENT = make("The offer expires Dec. 15 .", "DET NOUN VERB PROPN NUM PUNCT", "DT NN VBZ NNP CD .",
               "det nsubj ROOT npadvmod nummod punct", [1, 2, 2, 2, 3, 2], "the offer expire Dec. 15 .")
NO_VERB = make("Sales on May 12", "NOUN ADP PROPN NUM", "NNS IN NNP CD", "ROOT prep pobj nummod", [0, 0, 1, 2],
               "sale on May 12")
GOING = make("They are going to Paris on May 12 .", "PRON AUX VERB ADP PROPN ADP PROPN NUM PUNCT",
             "PRP VBP VBG IN NNP IN NNP CD .", "nsubj aux ROOT prep pobj prep pobj nummod punct",
             [2, 2, 2, 2, 3, 2, 5, 6, 2], "they be go to Paris on May 12 .")
PLAN_XCOMP = make("They plan to open on May 9 .", "PRON VERB PART VERB ADP PROPN NUM PUNCT",
                  "PRP VBP TO VB IN NNP CD .", "nsubj ROOT aux xcomp prep pobj nummod punct",
                  [1, 1, 3, 1, 3, 4, 5, 1], "they plan to open on May 9 .")
PLAN_HEAD = make("On May 9 they plan to vote .", "ADP PROPN NUM PRON VERB PART VERB PUNCT",
                 "IN NNP CD PRP VBP TO VB .", "prep pobj nummod nsubj ROOT aux xcomp punct",
                 [4, 0, 1, 4, 4, 6, 4, 4], "on May 9 they plan to vote .")
PARTICIPLE = make("The law passed on May 9 took effect .", "DET NOUN VERB ADP PROPN NUM VERB NOUN PUNCT",
                  "DT NN VBN IN NNP CD VBD NN .", "det nsubj acl prep pobj nummod ROOT dobj punct",
                  [1, 6, 1, 2, 3, 4, 6, 6, 6], "the law pass on May 9 take effect .")


@pytest.mark.parametrize("doc,span,want", [
    param(FUTURE_AUX, "May 12", "future", id="will"),
    param(GOING, "May 12", "future", id="going to"),
    param(PLAN_XCOMP, "May 9", "future", id="infinitive after plan"),
    param(PLAN_HEAD, "May 9", "future", id="plan with a complement"),
    param(PAST, "May 12", "past", id="VBD"),
    param(PERFECT, "May 12", "past", id="perfect"),
    param(PASSIVE_PAST, "May 12", "past", id="was + VBN"),
    param(PARTICIPLE, "May 9", "past", id="participle modifier"),
    param(PRESENT, "Dec. 15", "present", id="VBZ"),
    param(NO_VERB, "May 12", None, id="no verb"),
])
def test_tense(doc, span, want):
    assert tense(doc, *offsets(doc, span)) == want


def test_tense_without_a_parse_is_none():
    doc = make("It opened on May 12 .")
    assert tense(doc, *offsets(doc, "May 12")) is None


PAYABLE = make("It declared a dividend payable Dec. 15 .", "PRON VERB DET NOUN ADJ PROPN NUM PUNCT",
               "PRP VBD DT NN JJ NNP CD .", "nsubj ROOT det dobj amod npadvmod nummod punct",
               [1, 1, 3, 1, 3, 4, 5, 1], "it declare a dividend payable Dec. 15 .")


def test_a_schedule_cue_makes_a_past_month_day_present():
    s, e = offsets(PAYABLE, "Dec. 15")
    assert tense(PAYABLE, s, e) == "past"
    assert reading_tense(PAYABLE, PAYABLE.text, s, e, "md") == "present"
    assert reading_tense(PAYABLE, PAYABLE.text, s, e, "year") == "past"  # only month-day rules
    s, e = offsets(PAST, "May 12")
    assert reading_tense(PAST, PAST.text, s, e, "md") == "past"  # "on" is no schedule cue


# ---- the checks ------------------------------------------------------------------------------

HIRED = make("The company hired 2000 people .", "DET NOUN VERB NUM NOUN PUNCT", "DT NN VBD CD NNS .",
             "det nsubj ROOT nummod dobj punct", [1, 2, 2, 4, 2, 2])
ELECTIONS = make("The 2019 elections were held .", "DET NUM NOUN AUX VERB PUNCT", "DT CD NNS VBD VBN .",
                 "det nummod nsubjpass auxpass ROOT punct", [2, 2, 4, 4, 4, 4])


@pytest.mark.parametrize("doc,span,ok", [
    param(HIRED, "2000", False, id="a count"),
    param(ELECTIONS, "2019", True, id="a time head"),
    param(make("In 2019 , it grew ."), "2019", True, id="plain"),
    param(make("It cost $ 2000 ."), "2000", False, id="amount"),
    param(make("See Figure 2001 for details ."), "2001", False, id="figure"),
    param(make("Call No. 1990 now ."), "1990", False, id="number"),
    param(make("It grew 2019 % ."), "2019", False, id="percent"),
    param(make("He ran the 1998 m race ."), "1998", False, id="measure"),
    param(make("Codes 2000 2001 ."), "2000", False, id="followed by a number"),
    param(make("It was 10,2000 in all ."), "2000", False, id="part of a numeral"),
])
def test_keep_year(doc, span, ok):
    assert keep_year(site(doc, span)) is ok


@pytest.mark.parametrize("doc,span,ok", [
    param(make("In May it rose ."), "May", True, id="after a cue"),
    param(make("The May figures rose ."), "May", True, id="after the"),
    param(make("Officials said May was key ."), "May", False, id="bare May without cue"),
    param(make("May prices rise ?", tags="MD NNS VB ."), "May", False, id="modal"),
    param(make("April Smith spoke .", ents="B-PERSON I-PERSON O O"), "April", False, id="a name"),
    param(make("Crowds rally and March on the capital ."), "March", False, id="the verb march"),
    param(make("Crowds rallied in March ."), "March", True, id="March after a cue"),
    param(make("April 's figures rose ."), "April", False, id="possessive name"),
    param(make("Sales rose in April ."), "April", True, id="any other month"),
])
def test_month_name_ok(doc, span, ok):
    assert month_name_ok(site(doc, span)) is ok


@pytest.mark.parametrize("doc,span,ok", [
    param(make("Prices fall sharply .", pos="NOUN VERB ADV PUNCT"), "fall", False, id="the verb"),
    param(make("In spring prices rose .", pos="ADP NOUN NOUN VERB PUNCT"), "spring", True, id="after a cue"),
    param(make("Hot spring water ."), "spring", False, id="no cue"),
    param(make("The spring of discontent ."), "The spring", False, id="the ... of"),
    param(make("Hot last fall ."), "last fall", True, id="explicit relation"),
])
def test_season_ok(doc, span, ok):
    assert season_ok(site(doc, span)) is ok


@pytest.mark.parametrize("doc,span,ok", [
    param(make("Now , the company grew ."), "Now", False, id="discourse now"),
    param(make("It grew over the past five years ."), "the past", False, id="the past five years"),
    param(make("It grew over the past year ."), "the past", False, id="the past year"),
    param(make("The now-defunct firm ."), "now", False, id="compound"),
    param(make("It is now larger ."), "now", True, id="now"),
    param(make("It was better in the past ."), "the past", True, id="the past"),
])
def test_ref_word_ok(doc, span, ok):
    assert ref_word_ok(site(doc, span)) is ok


def test_not_fraction():
    assert not_fraction(site(make("It ate three quarters of its food ."), "three quarters")) is False
    assert not_fraction(site(make("It took three quarters ."), "three quarters")) is True


@pytest.mark.parametrize("doc,span,ok", [
    param(make("Monday Night Football aired .", ents="B-WORK_OF_ART I-WORK_OF_ART I-WORK_OF_ART O O"),
          "Monday", False, id="title entity"),
    param(make("The Sunday Times said .", pos="DET PROPN PROPN VERB PUNCT"), "Sunday", False, id="proper noun after"),
    param(make("On Monday May 4 it fell .", pos="ADP PROPN PROPN NUM PRON VERB PUNCT"), "Monday", True, id="a month after"),
    param(make("On Monday , it fell ."), "Monday", True, id="plain"),
])
def test_weekday_not_name(doc, span, ok):
    assert weekday_not_name(site(doc, span)) is ok


@pytest.mark.parametrize("text,span,ok", [
    param("In the current crisis it grew .", "current", True, id="the current crisis"),
    param("The current account fell .", "current", False, id="a term"),
    param("A current flows .", "current", False, id="no determiner"),
    param("After the recent sale it grew .", "recent", True, id="recent"),
])
def test_adjective_ok(text, span, ok):
    assert adjective_ok(site(make(text), span)) is ok


def test_the_unit_ok():
    assert the_unit_ok(site(make("It was the best of the year ."), "the year")) is False
    assert the_unit_ok(site(make("Profit rose in the year ."), "the year")) is True


def test_clock_cue_ok():
    assert clock_cue_ok(site(make("It ended at 14:30 ."), "14:30")) is True
    assert clock_cue_ok(site(make("They won 14:30 ."), "14:30")) is False


SET_DAY = Timex("SET", "P1D", checks=frozenset({Check.RATE}))


@pytest.mark.parametrize("text,span,timex,want", [
    param("Take it twice a day .", "a day", SET_DAY, SET_DAY, id="rate"),
    param("It costs $ 5 per week .", "per week", Timex("SET", "P1W"), Timex("SET", "P1W"), id="amount per"),
    param("It took a day .", "a day", SET_DAY, dataclasses.replace(SET_DAY, type="DURATION"), id="one unit"),
    param("It took an hour .", "an hour", Timex("SET", "PT1H"), Timex("DURATION", "PT1H"), id="an hour"),
    param("It is a second group .", "a second", Timex("SET", "PT1S"), None, id="ordinal second"),
    param("It is paid per week .", "per week", Timex("SET", "P1W"), None, id="per without amount"),
])
def test_rate_ok(text, span, timex, want):
    assert rate_ok(site(make(text), span), timex) == want


def test_run_checks():
    doc = make("In May it rose , and a day later it fell .")
    plain = Timex("DATE", "2020-05")
    assert run_checks(plain, doc, doc.text, 3, 6) is plain  # no checks: nothing to run
    may = dataclasses.replace(plain, checks=frozenset({Check.MONTH_NAME}))
    assert run_checks(may, doc, doc.text, 3, 6) is may
    assert run_checks(dataclasses.replace(may, checks=frozenset({Check.MONTH_NAME, Check.CLOCK_CUE})),
                      doc, doc.text, 3, 6) is None  # every check must pass
    s, e = offsets(doc, "a day")
    got = run_checks(SET_DAY, doc, doc.text, s, e)
    assert (got.type, got.value) == ("DURATION", "P1D") and SET_DAY.type == "SET"  # a copy, not a mutation


def test_every_check_has_a_runner():
    assert set(checks.BOOLEAN_CHECKS) | {Check.RATE} == set(Check)
