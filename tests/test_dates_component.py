"""Tests for the dates stage (``newsfacts_dates``): TIMEX3 values, mods, anchors, DCT inference.

Sentences are hand-written; the seed article comes from corpus/. Nothing here reads /work/shared.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run

PUB = dt.date(2020, 5, 10)  # a Sunday


def dates(nlp, text, published=PUB):
    return run(nlp, text, published)._.dates


def find(mentions, text):
    """The mentions whose text is exactly ``text``."""
    return [d for d in mentions if d.text == text]


def one(mentions, text):
    got = find(mentions, text)
    assert got, f"{text!r} not found in {[(d.text, d.value) for d in mentions]}"
    return got[0]


def values(mentions):
    return {d.text: d.value for d in mentions}


# ---------------------------------------------------------------------------------------------
# Seed article
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_doc(nlp_fast, seed_text):
    return run(nlp_fast, seed_text)


def test_seed_required_dates(seed_doc, seed_gold):
    mentions = seed_doc._.dates
    for want in seed_gold["dates"]["required"]:
        got = find(mentions, want["text"])
        assert got, f"missing {want['text']!r}"
        assert any(
            d.value == want["value"] and d.type == want["type"] and d.mod == want.get("mod")
            for d in got
        ), (want, got)
    assert len(find(mentions, "2019")) >= 2  # "in 2019", "since 2019"


def test_seed_publication_year_inferred(seed_doc, seed_gold):
    assert seed_doc._.published is not None
    assert seed_doc._.published.year == seed_gold["inferred_year"] == 2020
    assert seed_doc._.published_inferred is True
    assert seed_doc._.published_precision == "year"
    may9 = one(seed_doc._.dates, "May 9")
    assert may9.anchor == "inferred"
    assert one(seed_doc._.dates, "April 24").anchor == "inferred"
    assert one(seed_doc._.dates, "March 31, 2020").anchor == "explicit"


def test_seed_forbidden_never_dates(seed_doc, seed_gold):
    texts = [d.text for d in seed_doc._.dates]
    for bad in seed_gold["dates"]["forbidden"]:
        assert not any(bad == t or bad in t.split() for t in texts), (bad, texts)


def test_seed_beginning_of_the_year_takes_context_year(seed_doc):
    got = find(seed_doc._.dates, "the beginning of the year")
    assert got and all(d.value == "2019" and d.mod == "START" for d in got)


def test_seed_acceptable_past_year(seed_doc):
    assert one(seed_doc._.dates, "the past year").value == "P1Y"
    assert one(seed_doc._.dates, "the past year").type == "DURATION"


def test_dates_sorted_by_start(seed_doc):
    starts = [d.start for d in seed_doc._.dates]
    assert starts == sorted(starts)
    for d in seed_doc._.dates:
        assert seed_doc.text[d.start:d.end] == d.text


# ---------------------------------------------------------------------------------------------
# Explicit values
# ---------------------------------------------------------------------------------------------


def test_year_without_month(nlp_fast):
    m = one(dates(nlp_fast, "The plant was built in 2015 and expanded in 2017."), "2015")
    assert (m.type, m.value, m.anchor) == ("DATE", "2015", "explicit")


def test_full_dates(nlp_fast):
    ms = dates(nlp_fast, "The law passed on March 31, 2020, and took effect on 1 April 2020.")
    assert one(ms, "March 31, 2020").value == "2020-03-31"
    assert one(ms, "1 April 2020").value == "2020-04-01"


def test_month_year(nlp_fast):
    assert one(dates(nlp_fast, "Sales peaked in May 2019."), "May 2019").value == "2019-05"


@pytest.mark.parametrize(
    "phrase,mod",
    [("the beginning of 2019", "START"), ("the end of 2019", "END"), ("the middle of 2019", "MID")],
)
def test_beginning_end_middle(nlp_fast, phrase, mod):
    m = one(dates(nlp_fast, f"Prices were stable at {phrase}, the report said."), phrase)
    assert (m.value, m.mod) == ("2019", mod)


def test_early_late_mid(nlp_fast):
    ms = dates(nlp_fast, "Work began in early 2018 and stopped in mid-May 2019.")
    assert (one(ms, "early 2018").value, one(ms, "early 2018").mod) == ("2018", "START")
    assert (one(ms, "mid-May 2019").value, one(ms, "mid-May 2019").mod) == ("2019-05", "MID")


def test_since_is_an_interval(nlp_fast):
    m = one(dates(nlp_fast, "Since 2019, the number of platforms has fallen sharply."), "2019")
    assert (m.value, m.begin, m.end_value) == ("2019", "2019", "2020-05-10")


def test_from_month_to_month_is_an_interval(nlp_fast):
    m = dates(nlp_fast, "From January to April, exports fell by 5%.")
    m = [d for d in m if "January" in d.text][0]
    assert m.text == "January to April"
    assert (m.value, m.begin, m.end_value) == ("2020-01/2020-04", "2020-01", "2020-04")


def test_chinese_month_period(nlp_fast):
    m = one(dates(nlp_fast, "In 1-4 months, the city's retail sales fell 12%."), "1-4 months")
    assert (m.type, m.value, m.begin, m.end_value) == ("DATE", "2020-01/2020-04", "2020-01", "2020-04")


def test_fiscal_year(nlp_fast):
    m = one(dates(nlp_fast, "Revenue for 2012-13 rose to 4 billion rupees."), "2012-13")
    assert (m.value, m.begin, m.end_value) == ("2012/2013", "2012", "2013")


def test_decade_and_century(nlp_fast):
    ms = dates(nlp_fast, "The town grew in the 1990s, as it had in the 19th century.")
    assert one(ms, "the 1990s").value == "199"
    assert one(ms, "the 19th century").value == "18"


def test_quarters(nlp_fast):
    ms = dates(nlp_fast, "Profit in the first quarter of 2019 doubled; Q3 2018 was weak.")
    assert one(ms, "the first quarter of 2019").value == "2019-Q1"
    assert one(ms, "Q3 2018").value == "2018-Q3"


def test_seasons(nlp_fast):
    ms = dates(nlp_fast, "The bridge opened in the summer of 2018 and was repaired last winter.")
    assert one(ms, "the summer of 2018").value == "2018-SU"
    assert one(ms, "last winter").value == "2020-WI"  # the winter before May 2020 (Jan-Feb)


# ---------------------------------------------------------------------------------------------
# Durations and sets
# ---------------------------------------------------------------------------------------------


def test_durations(nlp_fast):
    ms = dates(nlp_fast, "Loans declined for 21 consecutive months, after three years of growth over the past year.")
    assert (one(ms, "21 consecutive months").type, one(ms, "21 consecutive months").value) == ("DURATION", "P21M")
    assert one(ms, "three years").value == "P3Y"
    assert (one(ms, "the past year").type, one(ms, "the past year").value) == ("DURATION", "P1Y")


def test_duration_modifiers_and_clock_units(nlp_fast):
    ms = dates(nlp_fast, "The talks lasted about three years; the vote took two hours.")
    m = one(ms, "about three years")
    assert (m.value, m.mod) == ("P3Y", "APPROX")
    assert one(ms, "two hours").value == "PT2H"


def test_set(nlp_fast):
    m = one(dates(nlp_fast, "The committee meets every week."), "every week")
    assert (m.type, m.value) == ("SET", "P1W")


def test_years_ago(nlp_fast):
    m = one(dates(nlp_fast, "The company was founded two years ago."), "two years ago")
    assert (m.type, m.value, m.anchor) == ("DATE", "2018", "publication")


# ---------------------------------------------------------------------------------------------
# Resolution against the publication date
# ---------------------------------------------------------------------------------------------


def test_month_day_past_reading_does_not_follow_publication(nlp_fast):
    ms = dates(nlp_fast, "On May 9, the bureau published the list. On May 12, it was revised.")
    assert one(ms, "May 9").value == "2020-05-09"
    assert one(ms, "May 12").value == "2019-05-12"  # past tense, after the publication date
    assert one(ms, "May 9").anchor == "publication"


def test_month_day_future_verb(nlp_fast):
    m = one(dates(nlp_fast, "The hearing will be held on May 12."), "May 12")
    assert m.value == "2020-05-12"
    m = one(dates(nlp_fast, "The summit will be held on February 3."), "February 3")
    assert m.value == "2021-02-03"


def test_weekdays(nlp_fast):
    friday = dt.date(2020, 5, 8)
    ms = dates(nlp_fast, "The minister resigned on Friday.", friday)
    assert one(ms, "Friday").value == "2020-05-08"  # the same day included
    ms = dates(nlp_fast, "The minister resigned on Monday.", friday)
    assert one(ms, "Monday").value == "2020-05-04"
    ms = dates(nlp_fast, "The minister will resign on Monday.", friday)
    assert one(ms, "Monday").value == "2020-05-11"


def test_relative_days_and_units(nlp_fast):
    ms = dates(nlp_fast, "Shares fell today after rising yesterday; profit fell last year but rose this month.")
    assert values(ms)["today"] == "2020-05-10"
    assert values(ms)["yesterday"] == "2020-05-09"
    assert values(ms)["last year"] == "2019"
    assert values(ms)["this month"] == "2020-05"
    assert one(ms, "today").anchor == "publication"


def test_clock_time(nlp_fast):
    m = one(dates(nlp_fast, "The market closed at 3:30 p.m. after a sell-off."), "3:30 p.m.")
    assert (m.type, m.value) == ("TIME", "2020-05-10T15:30")


def test_present_ref(nlp_fast):
    m = one(dates(nlp_fast, "The company is now the largest lender."), "now")
    assert m.value == "PRESENT_REF"


# ---------------------------------------------------------------------------------------------
# No anchor, inferred anchor
# ---------------------------------------------------------------------------------------------


def test_no_anchor_never_uses_the_clock(nlp_fast):
    doc = run(nlp_fast, "On May 9, the bureau met. Prices rose yesterday and fell on Friday.")
    assert doc._.published is None
    assert doc._.published_inferred is False
    ms = doc._.dates
    assert (one(ms, "May 9").value, one(ms, "May 9").anchor) == ("XXXX-05-09", "none")
    assert one(ms, "yesterday").value == "XXXX-XX-XX"
    assert one(ms, "Friday").value == "XXXX-WXX-5"
    assert all(d.anchor == "none" for d in ms)


def test_inferred_publication_year(nlp_fast):
    doc = run(nlp_fast, "On May 9, the bureau met. The deadline was June 30, 2018. As of March 31, 2020, 139 remained.")
    assert doc._.published.year == 2020
    assert (doc._.published_inferred, doc._.published_precision) == (True, "year")
    m = one(doc._.dates, "May 9")
    assert (m.value, m.anchor) == ("2020-05-09", "inferred")
    assert one(doc._.dates, "June 30, 2018").anchor == "explicit"


def test_given_publication_is_kept(nlp_fast):
    doc = run(nlp_fast, "As of March 31, 2020, 139 platforms remained.", PUB)
    assert doc._.published == PUB
    assert doc._.published_inferred is False
    assert doc._.published_precision == "day"


# ---------------------------------------------------------------------------------------------
# Never a date
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,bad",
    [
        ("Chen Long, 35, was promoted.", "35"),
        ("They marked the 70th anniversary of the founding.", "70th"),
        ("Prices may rise in the coming weeks.", "may"),
        ("He ran the 100M in 10 seconds.", "100M"),
        ("The figure was 10,00 2 in the table.", "10,00 2"),
        ("Call the 12345 hotline to complain.", "12345"),
        ("See Figure 1 for details.", "Figure 1"),
        ("About 1,000 complaints were received.", "1,000"),
        ("The company hired 2000 people last year.", "2000"),
        ("More than 600 consultations were received.", "600"),
    ],
)
def test_never_a_date(nlp_fast, text, bad):
    ms = dates(nlp_fast, text)
    assert not any(bad in d.text.split() or d.text == bad for d in ms), [(d.text, d.value) for d in ms]


# ---------------------------------------------------------------------------------------------
# Refinements: present tense, reference times, holidays, standalone use
# ---------------------------------------------------------------------------------------------


def test_month_day_present_tense_takes_nearest_reading(nlp_fast):
    m = one(dates(nlp_fast, "The offer expires Dec. 15.", dt.date(2020, 11, 20)), "Dec. 15")
    assert m.value == "2020-12-15"


def test_previous_year_and_past_weekend(nlp_fast):
    ms = dates(nlp_fast, "The fair took place this past weekend; a crash happened the previous year.", dt.date(2009, 6, 4))
    assert one(ms, "this past weekend").value == "2009-W22-WE"
    assert (one(ms, "the previous year").type, one(ms, "the previous year").value) == ("DATE", "2008")


def test_year_ago_quarter_follows_the_reported_quarter(nlp_fast):
    ms = dates(nlp_fast, "Net income rose in the third quarter from the year-ago quarter.", dt.date(2019, 10, 25))
    assert one(ms, "the third quarter").value == "2019-Q3"
    assert one(ms, "the year-ago quarter").value == "2018-Q3"


def test_holiday(nlp_fast):
    m = one(dates(nlp_fast, "The boy was rescued on Thanksgiving Day.", dt.date(2000, 1, 7)), "Thanksgiving Day")
    assert m.value == "1999-11-25"


def test_count_of_hours_is_not_a_rate_when_a_second_is_ordinal(nlp_fast):
    ms = dates(nlp_fast, "A second group of directors resigned, and three-quarters of the staff left.")
    assert ms == []


def test_component_in_a_blank_pipeline():
    import spacy

    from newsfacts.components import dates as _dates  # noqa: F401  (registers the factory)
    from newsfacts.facts import set_publication

    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_dates")
    doc = nlp.make_doc("On May 9 the fund fell 3% from the beginning of 2019.")
    set_publication(doc, PUB)
    doc = nlp(doc)
    assert values(doc._.dates) == {"May 9": "2020-05-09", "the beginning of 2019": "2019"}


def test_publication_timestamp_is_accepted(nlp_fast):
    ms = dates(nlp_fast, "Shares fell on May 9.", dt.datetime(2020, 5, 10, 14, 30))
    assert one(ms, "May 9").value == "2020-05-09"


def test_dateline_gives_the_full_publication_date(nlp_fast):
    from conftest import run

    doc = run(nlp_fast, "BEIJING, May 10, 2020 (Xinhua) -- The bank said on Thursday that loans rose 3%. "
                        "In March 2019 they had fallen.")
    assert doc._.published.isoformat() == "2020-05-10" and doc._.published_inferred
    assert doc._.published_precision == "day"
    assert {d.text: d.value for d in doc._.dates}["Thursday"] == "2020-05-07"


def test_a_date_inside_the_lead_is_no_dateline(nlp_fast):
    from conftest import run

    doc = run(nlp_fast, "The company said that on May 10, 2020 its profit doubled, and on March 3, 2021 it fell.")
    assert doc._.published_precision == "year" and doc._.published.year == 2021


@pytest.mark.parametrize(
    "text,value",
    [("The summit ran on 22-23 September 2019 in Athens.", "2019-09-22/2019-09-23"),
     ("The summit ran on September 22–23, 2019 in Athens.", "2019-09-22/2019-09-23")],
)
def test_day_ranges_are_intervals(nlp_fast, text, value):
    d = [d for d in run(nlp_fast, text)._.dates if d.type == "DATE"]
    assert len(d) == 1 and d[0].value == value and (d[0].begin, d[0].end_value) == tuple(value.split("/"))


# ---------------------------------------------------------------------------------------------
# The stage on hand-built Docs (explicit parse layers: no parser version decides the outcome)
# ---------------------------------------------------------------------------------------------


def _doc(words, pos="", tags="", deps="", heads=None, lemmas="", ents=""):
    import spacy
    from spacy.tokens import Doc

    from newsfacts.facts import register_extensions

    register_extensions()
    w = words.split()
    kw = {k: v.split() for k, v in {"pos": pos, "tags": tags, "deps": deps, "lemmas": lemmas, "ents": ents}.items() if v}
    if heads is not None:
        kw["heads"] = heads
    return Doc(spacy.blank("en").vocab, words=w, spaces=[True] * (len(w) - 1) + [False], **kw)


def _stage(doc, published=PUB, use_spacy_entities=False):
    from newsfacts.components.dates import DatesComponent
    from newsfacts.facts import set_publication

    set_publication(doc, published)
    return DatesComponent(use_spacy_entities=use_spacy_entities)(doc)._.dates


def test_schedule_cue_reads_a_past_tense_month_day_as_scheduled():
    nov20 = dt.date(2020, 11, 20)
    layers = dict(pos="PRON VERB DET NOUN ADJ PROPN NUM PUNCT", tags="PRP VBD DT NN JJ NNP CD .",
                  deps="nsubj ROOT det dobj amod npadvmod nummod punct", heads=[1, 1, 3, 1, 3, 4, 5, 1])
    payable = _doc("It declared a dividend payable Dec. 15 .", **layers)
    assert one(_stage(payable, nov20), "Dec. 15").value == "2020-12-15"  # the nearest reading
    layers["pos"] = layers["pos"].replace("ADJ", "ADP")
    layers["tags"] = layers["tags"].replace("JJ", "IN")
    on = _doc("It declared a dividend on Dec. 15 .", **layers)
    assert one(_stage(on, nov20), "Dec. 15").value == "2019-12-15"  # past: not after the publication date


@pytest.mark.parametrize("doc,span", [
    pytest.param(lambda: _doc("The company hired 2000 people .", "DET NOUN VERB NUM NOUN PUNCT", "DT NN VBD CD NNS .",
                              "det nsubj ROOT nummod dobj punct", [1, 2, 2, 4, 2, 2]), "2000", id="year"),
    pytest.param(lambda: _doc("Officials said May was key ."), "May", id="month name"),
    pytest.param(lambda: _doc("Prices fall sharply .", pos="NOUN VERB ADV PUNCT"), "fall", id="season"),
    pytest.param(lambda: _doc("Now , the company grew ."), "Now", id="ref word"),
    pytest.param(lambda: _doc("It ate three quarters of its food ."), "three quarters", id="fraction"),
    pytest.param(lambda: _doc("Monday Night Football aired .", ents="B-WORK_OF_ART I-WORK_OF_ART I-WORK_OF_ART O O"),
                 "Monday", id="weekday name"),
    pytest.param(lambda: _doc("The current account fell ."), "current", id="adjective"),
    pytest.param(lambda: _doc("It was the best of the year ."), "the year", id="the unit"),
    pytest.param(lambda: _doc("They won 14:30 ."), "14:30", id="clock cue"),
    pytest.param(lambda: _doc("It is paid per week ."), "per week", id="rate"),
])
def test_the_stage_runs_the_checks_a_rule_asks_for(doc, span):
    doc = doc()
    start = doc.text.index(span)
    assert not [d.text for d in _stage(doc) if d.start <= start < d.end]


def test_a_rate_without_a_count_is_a_one_unit_duration():
    m = one(_stage(_doc("It took a day to finish .")), "a day")
    assert (m.type, m.value) == ("DURATION", "P1D")
    m = one(_stage(_doc("Take it twice a day .")), "a day")
    assert (m.type, m.value) == ("SET", "P1D")


def test_references_to_earlier_mentions():
    ms = _stage(_doc("Profit rose in the third quarter ; a year earlier it fell ."), dt.date(2019, 10, 25))
    assert (one(ms, "a year earlier").value, one(ms, "a year earlier").anchor) == ("2018-Q3", "publication")
    ms = _stage(_doc("In 2018 sales fell ; at the end of the year they rose ."))
    assert (one(ms, "the end of the year").value, one(ms, "the end of the year").mod) == ("2018", "END")


def test_since_and_split_mentions():
    m = one(_stage(_doc("Since 2019 , output grew .")), "2019")
    assert (m.begin, m.end_value) == ("2019", "2020-05-10")
    m = one(_stage(_doc("Since 2019 , output grew ."), None), "2019")
    assert (m.begin, m.end_value) == ("2019", "PRESENT_REF")
    ms = _stage(_doc("He ruled from 1990-1995 in the north ."))
    assert [(d.text, d.value) for d in ms] == [("1990-1995", "1990"), ("1995", "1995")]


def test_spacy_entities_the_rules_miss_go_to_dateparser():
    ents = "O O O B-DATE I-DATE O"
    ms = _stage(_doc("Sales rose on january 5 .", ents=ents), use_spacy_entities=True)
    assert [(d.text, d.value, d.anchor) for d in ms] == [("january 5", "2020-01-05", "publication")]
    assert _stage(_doc("Sales rose on january 5 .", ents=ents), use_spacy_entities=False) == []
    # an entity without a month, weekday, year or clock cue is never a date (ages, counts)
    assert _stage(_doc("He is 35 years old .", ents="O O B-DATE I-DATE I-DATE O"), use_spacy_entities=True) == []


def test_factory_defaults_and_declared_attributes():
    import spacy

    from newsfacts.components.dates import DatesComponent  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    assert nlp.add_pipe("newsfacts_dates").use_spacy_entities is True
    assert nlp.add_pipe("newsfacts_dates", name="d2", config={"use_spacy_entities": False}).use_spacy_entities is False
    meta = nlp.get_pipe_meta("newsfacts_dates")
    assert {"doc._.dates", "doc._.published", "doc._.published_inferred", "doc._.published_precision"} <= set(meta.assigns)
