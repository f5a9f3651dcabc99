"""Tests of reading quantities (newsfacts.components.claims.quantities, .units): numbers, scales,
currencies, units, approximation cues, fractions.

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import pytest
from pytest import param

from newsfacts.components.claims.quantities import NOT_MINE, NUMBER_READERS, read_quantity

from tests.claims.helpers import claims, handmade, one


def test_scale_words_and_currency_after(nlp_fast):
    c = one(nlp_fast, "Police recovered more than 1 million yuan in economic losses.", "million")
    assert (c.value, c.unit, c.approx) == (1e6, "CNY", "more_than")
    assert c.concept == "economic losses"


def test_decimal_with_scale(nlp_fast):
    c = one(nlp_fast, "The company raised 2.4 million dollars last year.", "2.4")
    assert c.value == pytest.approx(2.4e6) and c.unit == "USD"


def test_written_out_numbers(nlp_fast):
    c = one(nlp_fast, "Twenty-six people were injured in the crash.", "Twenty")
    assert (c.value, c.unit, c.concept) == (26, "count", "people")
    c = one(nlp_fast, "The city will plant two million trees.", "two")
    assert c.value == 2e6 and c.concept == "trees"


@pytest.mark.parametrize(
    "text,contains,value,unit",
    [
        ("The bank lent RMB 2.5 billion to the firm.", "2.5", 2.5e9, "CNY"),
        ("The bank lent 2.5 billion RMB to the firm.", "2.5", 2.5e9, "CNY"),
        ("Its profit rose to ¥0.5mn in the quarter.", "0.5", 5e5, "CNY"),
        ("Shares were sold at US$3 each.", "3", 3, "USD"),
        ("Volvo reported a profit of SEK 113 million.", "113", 113e6, "SEK"),
        ("A bowl of pho costs 300.000 VND in Hanoi.", "300.000", 300000, "VND"),
        ("The fund invested €40 million in the startup.", "40", 40e6, "EUR"),
        ("The club paid £3.5m for the striker.", "3.5", 3.5e6, "GBP"),
        ("The state budget reached 1.000.000 euros.", "1.000.000", 1e6, "EUR"),
        ("The firm was valued at $2.4bn on Monday.", "2.4", 2.4e9, "USD"),
        ("The fine was 10 million Australian dollars.", "10", 1e7, "AUD"),
    ],
)
def test_currencies(nlp_fast, text, contains, value, unit):
    c = one(nlp_fast, text, contains)
    assert c.value == pytest.approx(value) and c.unit == unit


def test_percent_and_percentage_points(nlp_fast):
    cs = claims(nlp_fast, "Unemployment rose 2 per cent, while the rate gained 0.5 percentage points and inflation hit 3%.")
    by_value = {c.value: c.unit for c in cs}
    assert by_value == {2: "percent", 0.5: "percentage_point", 3: "percent"}


def test_measurement_units(nlp_fast):
    cs = claims(nlp_fast, "The road is 12 km long and the plant produced 500 tonnes of rice.")
    assert {(c.value, c.unit) for c in cs} == {(12, "km"), (500, "tonne")}


def test_rate_unit(nlp_fast):
    c = one(nlp_fast, "Brent crude traded at $52 a barrel on Friday.", "52")
    assert c.unit == "USD/barrel"


@pytest.mark.parametrize(
    "text,approx",
    [
        ("About 1,000 complaints were reported.", "about"),
        ("Roughly 300 workers joined the strike.", "about"),
        ("More than 600 people attended.", "more_than"),
        ("Fewer than 20 schools reopened.", "less_than"),
        ("At least 12 people died.", "at_least"),
        ("No more than 40 guests are allowed.", "at_most"),
        ("Nearly 5,000 institutions have withdrawn.", "nearly"),
        ("Almost 70 flights were cancelled.", "nearly"),
        ("Up to 80 trains will run.", "up_to"),
        ("The storm destroyed 45 houses.", "exact"),
    ],
)
def test_approx(nlp_fast, text, approx):
    cs = claims(nlp_fast, text)
    assert len(cs) == 1 and cs[0].approx == approx


def test_duration_is_a_claim(nlp_fast):
    c = one(nlp_fast, "Participation has declined for 21 consecutive months.", "21")
    assert (c.value, c.unit) == (21, "month")


@pytest.mark.parametrize(
    "text,contains,value,approx",
    [("Nearly two-thirds of the 2.1M votes came from postal ballots.", "two-thirds", 2 / 3, "nearly"),
     ("A third of Britons have no savings.", "third", 1 / 3, "exact"),
     ("One out of four renters lives alone.", "four", 1 / 4, "exact"),
     ("One in five adults smoke.", "five", 0.2, "exact"),
     ("Almost half of the staff left.", "half", 0.5, "nearly"),
     ("Three quarters of voters agreed.", "quarters", 0.75, "exact")],
)
def test_fractions(nlp_fast, text, contains, value, approx):
    c = one(nlp_fast, text, contains)
    assert c.unit == "fraction"
    assert c.value == pytest.approx(value)
    assert c.approx == approx


@pytest.mark.parametrize("text", ["Profits rose in the first half of the year.",
                                  "He won a third term.", "Sales fell in the third quarter."])
def test_fraction_words_that_are_not_fractions(nlp_fast, text):
    assert not [c for c in claims(nlp_fast, text) if c.unit == "fraction"]


def test_newton_metre_is_case_sensitive(nlp_fast):
    assert one(nlp_fast, "It produces 450 Nm of torque.", "450").unit == "Nm"
    assert one(nlp_fast, "Chips made on a 7 nm process.", "7").unit == "nm"


@pytest.mark.parametrize(
    "text,contains,value,unit",
    [("Each printed sample weighs only ~45g.", "45", 45.0, "g"),
     ("The skeleton is 37m long.", "37", 37.0, "m"),
     ("About 35m people watched the final.", "35", 35e6, "count"),
     ("Crest Retail slipped 3 p to end at 211.4 p.", "211.4", 211.4, "pence"),
     ("He slimmed down from 231 pounds to 204 by cycling.", "231", 204.0, "lb"),
     ("The deal was worth 5 million pounds.", "5 million", 5e6, "GBP"),
     ("Beijing will see a high temperature of 30 ℃ on Sunday.", "30", 30.0, "degC"),
     ("The power plant covers an area of 6,600 mu.", "6,600", 6600.0, "mu"),
     ("The operators will subsidise 5G terminals.", "5G", 5.0, "generation"),
     ("The stock rose 8 sen to RM1.45.", "8", 8.0, "sen"),
     ("The ukulele's scale length is 17.3″ from the nut to the bridge.", "17.3", 17.3, "inch"),
     ("Only 1/3 of the vote went to him.", "1/3", 1 / 3, "fraction"),
     ("A fluid ounce is 1⁄32 of a quart.", "1⁄32", 1 / 32, "fraction")],
)
def test_units_split_or_glued(nlp_fast, text, contains, value, unit):
    c = one(nlp_fast, text, contains)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


def test_durations_stay_claims(nlp_fast):
    assert one(nlp_fast, "The plan runs for five years.", "five").unit == "year"
    assert one(nlp_fast, "Sales rose for 21 consecutive months.", "21").unit == "month"


@pytest.mark.parametrize(
    "text,contains,unit",
    [("Cargo space now measures 31.2 cubic feet.", "31.2", "cu_ft"),
     ("The shop let at a rate of $95 per sq m.", "95", "USD/m2"),
     ("Temperatures hit 100 F on Tuesday.", "100", "degF"),
     ("Tin has a 232 C melting point.", "232", "degC")],
)
def test_multiword_units(nlp_fast, text, contains, unit):
    assert one(nlp_fast, text, contains).unit == unit


def test_capital_c_before_a_hyphen_is_not_celsius(nlp_fast):
    assert one(nlp_fast, "She had 2 C-sections.", "2").unit == "count"


@pytest.mark.parametrize("text,contains,value,unit,approx", [
    ("The carrier is seeking $2.7b in state aid.", "2.7b", 2.7e9, "USD", "exact"),
    ("Investors lost RM1.25mil in the scheme.", "1.25mil", 1.25e6, "MYR", "exact"),
    ("Interest in sub-450 sq m retail units has jumped.", "450", 450.0, "m2", "less_than"),
    ("The fab will build sub-5 nanometre processors.", "5", 5.0, "nm", "less_than"),
    ("A 1250sq m warehouse was leased.", "1250", 1250.0, "m2", "exact"),
    ("The lake was 0.85deg C warmer than normal.", "0.85", 0.85, "degC", "exact"),
    ("He averaged 21.4 ppg and 9.1 rpg last season.", "21.4", 21.4, "point/game", "exact"),
    ("The album had 1.9m combined streams and downloads.", "1.9m", 1.9e6, "count", "exact"),
    ("It set a record in July with sales of 4217 units.", "4217", 4217.0, "count", "exact"),
    ("Nine days later the team flew home.", "Nine", 9.0, "day", "exact"),
    ("The hatchback gets a turbocharged 1.5l engine.", "1.5l", 1.5, "litre", "exact"),
    ("Volunteers served two and a half million meals.", "two", 2.5e6, "count", "exact"),
    ("The bridge opened nearly three and a half years late.", "three", 3.5, "year", "nearly"),
])
def test_glued_notations_and_prefixes(nlp_fast, text, contains, value, unit, approx):
    c = one(nlp_fast, text, contains)
    assert (c.value, c.unit, c.approx) == (pytest.approx(value), unit, approx)


def test_pounds_are_sterling_in_a_money_context(nlp_fast):
    assert one(nlp_fast, "The hatchback costs 20,000 pounds.", "20,000").unit == "GBP"
    assert one(nlp_fast, "She was fined 5,000 pounds.", "5,000").unit == "GBP"
    assert one(nlp_fast, "The boxer weighs 180 pounds.", "180").unit == "lb"
    assert one(nlp_fast, "The plant shipped 2 million pounds of beef.", "2 million").unit == "lb"
    assert one(nlp_fast, "Each family gets 4 L of water a day.", "4").unit == "litre"


# -- number readers, on hand-built tokens ----------------------------------------------------------
# Each row: hand-built words, the token the number starts at, the quantity's value, and the
# reader of NUMBER_READERS that recognises the token (the first that does not answer NOT_MINE).

READER_ROWS = [
    param("The fund holds 1,000 shares", "1,000", 1000.0, "numeral", id="numeral"),
    param("Add 1/8 of a cup", "1/8", 0.125, "written_fraction", id="written_fraction"),
    param("a 13- or 15·-·inch laptop", "13-", 13.0, "suspended_hyphen", id="suspended_hyphen"),
    param("Interest in sub-450 homes", "sub-450", 450.0, "sub_prefix", id="sub_prefix"),
    param("It fell to minus-130 degrees", "minus-130", -130.0, "minus_prefix", id="minus_prefix"),
    param("It was sold for $·US55,931,000", "US55,931,000", 55931000.0, "dollar_country_prefix",
          id="dollar_country_prefix"),
    param("The firm was valued at $2.4bn", "$2.4bn", 2.4e9, "glued", id="glued"),
    param("Volunteers served half a million meals", "half", 5e5, "half_a_scale", id="half_a_scale"),
    param("There were twenty·-·six people", "twenty", 26.0, "number_words", id="number_words"),
]


@pytest.mark.parametrize("text,token,value,reader", READER_ROWS)
def test_number_readers(text, token, value, reader):
    doc = handmade(text)
    i = [t.text for t in doc].index(token)
    assert read_quantity(doc, i).value == pytest.approx(value)
    assert next(name for name, read in NUMBER_READERS if read(doc, i) is not NOT_MINE) == reader


def test_every_reader_has_a_row():
    assert {p.values[3] for p in READER_ROWS} == set(NUMBER_READERS.names())


def test_full_width_digits_and_a_zero_width_space_inside_a_number(nlp_fast):
    """Offsets stay on the text as received; the value is read as from ASCII digits."""
    import datetime as dt

    from newsfacts.ingest import Article
    from newsfacts.to_records import doc_to_facts
    from tests.conftest import run

    text = "The factory hired ３００ workers on ２０２０年５月１０日; the plant employs 3\u200b00 more."
    art = Article(text=text, published=dt.date(2020, 6, 1))
    facts = doc_to_facts(run(nlp_fast, text, published=art.published), art)
    assert [(c.text, c.value) for c in facts.claims] == [("３００", 300.0), ("3\u200b00", 300.0)]
    assert [(d.text, d.value) for d in facts.dates] == [("２０２０年５月１０日", "2020-05-10")]


@pytest.mark.parametrize("text,value,unit", [
    ("Revenue was 3 000 000 yuan.", 3e6, "CNY"),
    ("The fund lost 12\u202f000 euros.", 12000.0, "EUR"),
    ("Exports were worth US$ 1\u00a0200 million.", 1.2e9, "USD"),
])
def test_thousands_grouped_with_spaces(nlp_fast, text, value, unit):
    assert [(c.value, c.unit) for c in claims(nlp_fast, text)] == [(value, unit)]
