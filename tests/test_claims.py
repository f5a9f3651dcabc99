"""Tests for the numeric-claims stage (newsfacts.components.claims) and newsfacts.numbers.

Sentences are hand-written news-like examples or taken from the seed article in corpus/.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.facts import DateMention
from newsfacts.numbers import parse_number_words, parse_numeral
from tests.conftest import run


def claims(nlp, text):
    return run(nlp, text)._.claims


def one(nlp, text, contains):
    """The single claim whose text contains ``contains``."""
    found = [c for c in claims(nlp, text) if contains in c.text]
    assert len(found) == 1, f"{contains!r} in {[c.text for c in claims(nlp, text)]}"
    return found[0]


# -- numbers.py --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [("1,000", 1000), ("27,349.19", 27349.19), ("1.000.000", 1e6), ("2.5", 2.5), ("1.000,50", 1000.5),
     ("12,34,567.89", 1234567.89), ("1,5", 1.5), ("300.000", 300.0)],
)
def test_parse_numeral(text, value):
    assert parse_numeral(text) == pytest.approx(value)


def test_parse_numeral_dot_thousands_and_garbage():
    assert parse_numeral("300.000", dot_thousands=True) == 300000
    assert parse_numeral("3.2.1") is None


@pytest.mark.parametrize(
    "words,value",
    [(["one"], 1), (["twenty", "-", "six"], 26), (["two", "million"], 2e6), (["a", "dozen"], 12),
     (["two", "hundred", "and", "five"], 205), (["four", "thousand", "five", "hundred"], 4500),
     (["half", "million"], 5e5)],
)
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


def test_parse_number_words_rejects_non_numbers():
    assert parse_number_words(["the"]) is None
    assert parse_number_words(["a", "few"]) is None


# -- values, scales, written-out numbers ------------------------------------------------------


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


# -- approximation cues ------------------------------------------------------------------------


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


# -- changes -----------------------------------------------------------------------------------


def test_relative_change_with_number_of(nlp_fast):
    c = one(nlp_fast, "The number of lenders fell by 80% last year.", "80")
    assert c.unit == "percent" and c.concept == "lenders"
    assert (c.change.direction, c.change.relative) == ("down", 80)


def test_relative_change_with_subject_concept(nlp_fast):
    c = one(nlp_fast, "The balance of loans decreased by 75%.", "75")
    assert c.concept == "balance of loans" and c.change.direction == "down" and c.change.relative == 75


def test_change_noun(nlp_fast):
    c = one(nlp_fast, "There were 139 lending institutions, a decrease of 86% from a year ago.", "86")
    assert c.change.direction == "down" and c.change.relative == 86


def test_from_to_change_is_one_claim(nlp_fast):
    cs = claims(nlp_fast, "Sales jumped from 50,000 to 1.2 million units in the period.")
    assert len(cs) == 1
    c = cs[0]
    assert c.value == 1.2e6 and c.change.from_value == 50000 and c.change.to_value == 1.2e6
    assert c.change.direction == "up"


def test_direction_from_a_verb_particle(nlp_fast):
    # "up" parsed as the particle (prt) of "trending", not an adverb
    c = one(nlp_fast, "The index is trending up 0.2% this morning.", "0.2")
    assert c.unit == "percent" and c.change.direction == "up"


def test_amount_and_new_value(nlp_fast):
    cs = claims(nlp_fast, "Revenue decreased $1.2 million to $23.5 million.")
    assert [c.value for c in cs] == [1.2e6, 23.5e6]
    assert cs[0].change.direction == "down" and cs[0].change.to_value is None
    assert cs[1].change.direction == "down" and cs[1].change.to_value == 23.5e6


def test_dropped_to_written_number(nlp_fast):
    c = one(nlp_fast, "The number of online loan platforms dropped to one.", "one")
    assert (c.value, c.unit, c.concept) == (1, "count", "online loan platforms")
    assert c.change.direction == "down" and c.change.to_value == 1


def test_up_adverb(nlp_fast):
    c = one(nlp_fast, "The gauge was up about 14 per cent on the month.", "14")
    assert c.change.direction == "up" and c.approx == "about" and c.unit == "percent"


def test_phrasal_verb_is_not_a_change(nlp_fast):
    cs = claims(nlp_fast, "They set up 3 new offices.")
    assert len(cs) == 1 and cs[0].change is None


# -- ranges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lo,hi",
    [
        ("The range is between 252 and 287 miles.", 252, 287),
        ("The car can drive 252 to 287 miles on a charge.", 252, 287),
        ("Regulators could levy a penalty of $2 billion to $4 billion.", 2e9, 4e9),
        ("There are six to seven thousand people in the plaza.", 6000, 7000),
        ("Condos from $450,000 to $2 million rarely linger.", 450000, 2e6),
    ],
)
def test_ranges(nlp_fast, text, lo, hi):
    cs = claims(nlp_fast, text)
    assert len(cs) == 1 and cs[0].value == lo and cs[0].value_max == hi and cs[0].change is None


# -- never claims ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2018 the bureau moved to a new building.",
        "It celebrated the 70th anniversary of the founding.",
        "Delegates met at the 19th National Congress.",
        "The trend is shown in Figure 1 and Table 2.",
        "Residents can call the 12345 hotline for help.",
        "See section 4 of the report.",
        "The derby finished 3-3 after extra time.",
        "Apple showed the iPhone 12 at the event.",
        "He was the first person to arrive.",
    ],
)
def test_not_claims(nlp_fast, text):
    assert claims(nlp_fast, text) == []


def test_date_numbers_are_not_claims(nlp_fast):
    assert claims(nlp_fast, "The meeting was held on May 9, 2020 in Beijing.") == []


def test_ages_skipped_by_default(nlp_fast):
    assert claims(nlp_fast, "A 45-year-old man was arrested.") == []


def test_duration_is_a_claim(nlp_fast):
    c = one(nlp_fast, "Participation has declined for 21 consecutive months.", "21")
    assert (c.value, c.unit) == (21, "month")


# -- context: concept, date, entity, evidence --------------------------------------------------


def test_counted_concept(nlp_fast):
    c = one(nlp_fast, "There were actually 139 online lending institutions operating in the country.", "139")
    assert (c.value, c.unit, c.concept) == (139, "count", "online lending institutions")


def test_entity_subject(nlp_fast):
    c = one(nlp_fast, "Microsoft said its revenue rose 12% in the quarter.", "12")
    assert c.entity_start is None or c.entity_start >= 0
    c = one(nlp_fast, "Apple sold 50 million phones.", "50")
    doc_text = "Apple sold 50 million phones."
    assert doc_text[c.entity_start:c.entity_end] == "Apple"


def test_date_index_same_sentence(nlp_fast):
    """The claim points at the sentence's date, skipping the comparison baseline."""
    text = "As of March 31, 2020, there were 139 institutions, a decrease of 86% from the beginning of 2019."
    doc = run(nlp_fast, text)
    # inject date mentions so the test does not depend on the dates stage
    doc._.dates = [
        DateMention(start=6, end=20, text="March 31, 2020", type="DATE", value="2020-03-31"),
        DateMention(start=text.index("the beginning"), end=len(text) - 1, text="the beginning of 2019",
                    type="DATE", value="2019", mod="START"),
    ]
    doc = nlp_fast.get_pipe("newsfacts_claims")(doc)
    by_value = {c.value: c for c in doc._.claims}
    assert by_value[139].date_index == 0
    assert by_value[86].date_index == 0


def test_no_date_gives_none(nlp_fast):
    c = one(nlp_fast, "The plant employs 300 workers.", "300")
    assert c.date_index is None
    assert c.time is None  # no date in the sentence, no publication date


def test_claim_time_is_decided_by_the_component(nlp_fast):
    """time: the sentence's date, else the publication date (its year when only that is known)."""
    text = "In 2019 the plant employed 300 workers. The firm employs 120 workers."
    doc = run(nlp_fast, text, published=dt.date(2020, 5, 9))
    assert [(c.value, c.time) for c in doc._.claims] == [(300, "2019"), (120, "2020-05-09")]
    doc._.published_precision = "year"  # an inferred publication date fixes only the year
    doc = nlp_fast.get_pipe("newsfacts_claims")(doc)
    assert [c.time for c in doc._.claims] == ["2019", "2020"]


def test_evidence_covers_claim_phrase(nlp_fast):
    text = "The number of borrowers fell by 62%."
    c = one(nlp_fast, text, "62")
    assert text[c.evidence_start:c.evidence_end] == "The number of borrowers fell by 62%"
    assert text[c.start:c.end] == c.text == "62%"


def test_claims_sorted(nlp_fast):
    cs = claims(nlp_fast, "Sales rose 5% to $20 million while costs fell 3%.")
    assert [c.start for c in cs] == sorted(c.start for c in cs)


# -- seed article ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_claims(nlp_fast, seed_text):
    return run(nlp_fast, seed_text)._.claims


def _find(cs, text):
    return [c for c in cs if c.text == text]


def test_seed_required_claims(seed_claims):
    def single(text):
        found = _find(seed_claims, text)
        assert found, f"no claim {text!r}: {[c.text for c in seed_claims]}"
        return found[-1]

    c = single("50 at the beginning of the year to 1")
    assert (c.value, c.unit) == (1, "count")
    assert (c.change.direction, c.change.from_value, c.change.to_value) == ("down", 50, 1)
    c = _find(seed_claims, "one")[0]  # title: "dropped to one"
    assert c.change.direction == "down" and c.change.to_value == 1 and c.unit == "count"
    c = single("About 1,000")
    assert (c.value, c.unit, c.approx, c.concept) == (1000, "count", "about", "complaints")
    c = single("more than 600")
    assert (c.value, c.unit, c.approx) == (600, "count", "more_than")
    c = single("more than 1 million yuan")
    assert (c.value, c.unit, c.approx) == (1e6, "CNY", "more_than")
    c = single("139")
    assert (c.value, c.unit, c.concept) == (139, "count", "online lending institutions")
    for pct in (86, 75, 80, 62):
        c = single(f"{pct}%")
        assert c.unit == "percent" and c.change.direction == "down" and c.change.relative == pct
    assert single("75%").concept == "balance of loans"
    assert single("80%").concept == "lenders"
    assert single("62%").concept == "borrowers"
    c = single("nearly 5,000")
    assert (c.value, c.unit, c.approx, c.concept) == (5000, "count", "nearly", "institutions")


def test_seed_dates_attach(seed_claims, nlp_fast, seed_text):
    doc = run(nlp_fast, seed_text)
    if not doc._.dates:
        pytest.skip("dates stage returns no mentions")
    c = _find(doc._.claims, "139")[0]
    assert c.date_index is not None and doc._.dates[c.date_index].text == "March 31, 2020"


def test_seed_forbidden(seed_claims, seed_text):
    import re

    for token in ("12345", "70th", "19th", "Figure 1", "2019", "2020", "2018"):
        number = re.search(r"\d+", token).group()
        for c in seed_claims:
            window = seed_text[max(0, c.start - 10):c.end + 3]
            assert not (token in window and re.search(rf"(?<![\d,.]){number}(?![\d,.])", c.text)), c.text


def test_published_date_does_not_matter(nlp_fast):
    cs = run(nlp_fast, "The firm hired 40 engineers.", dt.date(2020, 5, 9))._.claims
    assert [(c.value, c.unit) for c in cs] == [(40, "count")]


# -- fractions, conversions, units, holders (added with the NewsQuant concept/unit work) ------


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


def test_fraction_concept_is_the_of_object(nlp_fast):
    c = one(nlp_fast, "A third of Britons have no savings.", "third")
    assert c.concept == "Britons"


def test_parenthesised_conversion_shares_approx_and_concept(nlp_fast):
    text = "Savers with more than 9 million Danish crowns (US $1.3 million) in accounts face a charge."
    a = one(nlp_fast, text, "9 million")
    b = one(nlp_fast, text, "1.3")
    assert (a.unit, a.approx) == ("DKK", "more_than")
    assert (b.unit, b.approx) == ("USD", "more_than")
    cs = claims(nlp_fast, "The motor delivers just under 250 hp (186 kW / 253 PS).")
    assert [c.approx for c in cs] == ["less_than"] * 3
    cs = claims(nlp_fast, "It will be the terminus for 5 miles (8 kilometers) of new rail lines.")
    assert [c.concept for c in cs] == ["new rail lines", "new rail lines"]


def test_newton_metre_is_case_sensitive(nlp_fast):
    assert one(nlp_fast, "It produces 450 Nm of torque.", "450").unit == "Nm"
    assert one(nlp_fast, "Chips made on a 7 nm process.", "7").unit == "nm"


def test_positional_concept_fallback(nlp_fast):
    assert one(nlp_fast, "a 410 μm pixel pitch.", "410").concept == "pixel pitch"
    assert one(nlp_fast, "This year's MSRP is $33,790.", "33,790").concept == "MSRP"


@pytest.mark.parametrize(
    "text,contains,holder",
    [("Ana Ruiz has netted 17 goals in all competitions.", "17", "Ana Ruiz"),
     ("In March a BBC poll of nine African nations revealed the trend.", "nine", "BBC poll"),
     ("The startup said it now has more than 4000 subscribers.", "4000", "startup"),
     ("Intel on Friday unveiled plans to cut more than 4,300 jobs.", "4,300", "Intel"),
     ("Nissan, which has 7000 staff in Spain, sounded an alarm.", "7000", "Nissan"),
     ("The two parties have been talking since April.", "two", None),
     ("They would have to sign ten clients in Europe.", "ten", None),
     # "they" agrees with the plural object when no subject before it does
     ("The offer sent the stocks soaring and they were up 8pc by lunchtime.", "8pc", "stocks"),
     # a copula the parser left without a subject takes the noun just before it
     ("The verdict is clear: this years budget is $4.2 million versus $3.9 million last year.", "4.2", "budget")],
)
def test_claim_holder(nlp_fast, text, contains, holder):
    from newsfacts.components.claims import claim_holder

    doc = run(nlp_fast, text)
    c = [c for c in doc._.claims if contains in c.text][0]
    h = claim_holder(doc, c)
    assert (h.text if h is not None else None) == holder


# -- the CQE adapter of scripts/evaluate_claims.py -----------------------------------------------


def _cqe(nlp, text, include_ages=False):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "evaluate_claims.py"
    spec = importlib.util.spec_from_file_location("evaluate_claims", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pipe = nlp.get_pipe("newsfacts_claims")
    old, pipe.include_ages = pipe.include_ages, include_ages
    try:
        doc = run(nlp, text)
    finally:
        pipe.include_ages = old
    return [t for c in doc._.claims for t in mod.to_cqe(doc, c, mod.NEWSQUANT_UNIT_NAMES)]


def test_cqe_adapter_units_change_and_concepts(nlp_fast):
    t = _cqe(nlp_fast, "The gauge was up about 14 per cent on the month.")[0]
    assert t["change"] == "~"  # a bound/approximation wins over the direction (one CQE tag)
    t = _cqe(nlp_fast, "Millions of Americans were affected.")[0]
    assert t["change"] == "="  # vague plurals: the vagueness is in the range
    t = _cqe(nlp_fast, "Horsepower jumped from 255 to 290 this year.")[0]
    assert (t["value"], t["change"]) == ((255.0, 290.0), "=")  # a pair is written as a range
    t = _cqe(nlp_fast, "Sales fell 5 percent last year.")[0]
    assert t["change"] == "down"
    t = _cqe(nlp_fast, "The car reaches 140 km/h.")[0]
    assert t["normalized_unit"] == "kilometre per hour"
    t = _cqe(nlp_fast, "Shares closed at 118.5p.")[0]
    assert t["normalized_unit"] == "point"  # NewsQuant's name for pence in share prices
    t = _cqe(nlp_fast, "Ana Ruiz has netted 17 goals this season.")[0]
    assert (t["normalized_unit"], t["referred_concepts"]) == ("goal", ["Ana", "Ruiz"])
    t = _cqe(nlp_fast, "Four new seasons of Fawlty Towers will come to the platform.")[0]
    assert (t["normalized_unit"], t["referred_concepts"]) == ("new season", ["Fawlty", "Towers"])
    t = _cqe(nlp_fast, "The two parties have been talking.")[0]
    assert t["referred_concepts"] == ["-"]


def test_cqe_adapter_ages(nlp_fast):
    tags = _cqe(nlp_fast, "Marek Novak, a 43 year-old man from Slovakia, admitted the charges.", include_ages=True)
    assert [(t["value"], t["normalized_unit"]) for t in tags] == [(43.0, "year of age")]


# -- name parts, addresses, pronoun "one", glued percentages -----------------------------------


@pytest.mark.parametrize(
    "text,absent",
    [("The warehouse at 12-14 Harbour Road was sold for $2 million.", ["12", "14"]),
     ("The airline ordered three 787 Dreamliner jets last year.", ["787"]),
     ("He lost his phone and bought the same one again.", ["one"]),
     ("She wanted a new one after the crash.", ["one"])],
)
def test_name_parts_addresses_and_pronoun_one_are_not_claims(nlp_fast, text, absent):
    got = [c.text for c in claims(nlp_fast, text)]
    for a in absent:
        assert not any(g == a or g.startswith(a + "-") for g in got), got


def test_ordered_count_before_model_name_is_kept(nlp_fast):
    c = one(nlp_fast, "The airline ordered three 787 Dreamliner jets last year.", "three")
    assert (c.value, c.unit) == (3.0, "count")


def test_glued_pc_is_a_percentage(nlp_fast):
    """UK papers write "7pc"; spaCy's NER tags the token ORDINAL, which must not drop it."""
    c = one(nlp_fast, "Shares of the retailer were up 7pc on Tuesday.", "7pc")
    assert (c.value, c.unit) == (7.0, "percent")
    assert c.change is not None and c.change.direction == "up"


# -- symbols split off a number, names, codes, Chinese-news units ------------------------------


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


@pytest.mark.parametrize(
    "text,absent",
    [("The lottery numbers were 16-22-29-39-42 this week.", ["16", "22", "29", "39", "42"]),
     ("Crews finished the Little Five Peaks Bridge on Monday.", ["Five"]),
     ('Officials said the "14th Five-Year Plan" is on track.', ["Five"]),
     ("The company sells a 4K television and 3D glasses.", ["4", "3"]),
     ("The committee meets from 22-23 September in Athens.", ["22", "23"])],
)
def test_codes_names_formats_and_day_ranges_are_not_claims(nlp_fast, text, absent):
    got = [c.text for c in claims(nlp_fast, text)]
    for a in absent:
        assert not any(g.startswith(a) for g in got), got


def test_concept_is_never_a_number_pronoun_date_or_source_tag(nlp_fast):
    assert one(nlp_fast, "Some 40 people came and 25 of them stayed.", "25").concept is None
    assert one(nlp_fast, "Prices saw an average 13.3% drop in the first half.", "13.3").concept is None
    c = one(nlp_fast, "Japan cases exceed 30,000 - Xinhuanet", "30,000")
    assert c.concept is None or "-" not in c.concept
    c = one(nlp_fast, "The plant will receive a federal tax credit worth up to $6 million.", "6 million")
    assert (c.concept, c.approx) == ("federal tax credit", "up_to")


@pytest.mark.parametrize(
    "text,contains,holder",
    [("Among the losers were Halden Homes, down 41p at 987p, and Crest Retail, down 3p at 212p.",
      "987p", "Halden Homes"),
     ("Among the losers were Halden Homes, down 41p at 987p, and Crest Retail, down 3p at 212p.",
      "3p", "Crest Retail"),
     ("Shares of Nike were down 1.7%, Adidas by 3.4% and Puma was down 0.8%.", "3.4%", "Adidas"),
     ("On Wall St at noon: Dow +0.2% Nasdaq +0.8%.", "+0.8%", "Nasdaq"),
     ("Assets including: 14 E 52nd St, Brooklyn, worth $US12,480,000.", "$US12,480,000", "Assets"),
     ("It is lighter than the iPhone 14 Pro Max with 4323 mAh.", "4323 mAh", "iPhone 14 Pro Max"),
     ("The lender will bill savers with more than 9 million Danish crowns.",
      "more than 9 million Danish crowns", "savers"),
     ("So far Levi-Cohen has only secured 150 million shekels.", "150 million shekels", "Levi-Cohen"),
     # prepositional quantities
     ("The company bought Odwalla for $186 million last year.", "$186 million", "Odwalla"),
     ("Crops wilted with ozone levels at 950 ppm.", "950 ppm", "ozone levels"),
     ("Top starters: RHP Sam Ortiz (1.2 WAR), LHP Ben Miles (0.7 WAR).", "0.7", "LHP Ben Miles"),
     ("Savers with more than 9 million Danish crowns (US $1.3 million) in accounts face a charge.",
      "US $1.3 million", "Savers"),
     ("Meat prices will climb between 2% and 3% and sugar and sweets between 5% and 8%.", "5% and 8%", "sweets")],
)
def test_holder_of_elliptical_verbless_and_prepositional_phrases(nlp_fast, text, contains, holder):
    from newsfacts.components.claims import claim_holder

    doc = run(nlp_fast, text)
    c = [c for c in doc._.claims if c.text == contains][0]
    h = claim_holder(doc, c)
    assert (h.text if h is not None else None) == holder


@pytest.mark.parametrize(
    "text,contains,value,unit",
    [("Ohio logged the most strikes in 2017 at 1734926 while Iowa was second.", "1734926", 1734926.0, "count"),
     ("Three-quarters of the combined 3.8M vinyl and cassette sales came from Japan.", "3.8M", 3.8e6, "count"),
     ("The carmaker delivered 48,720 Model Ys in its third quarter.", "48,720", 48720.0, "count"),
     ("Top starters: RHP Sam Ortiz (1.2 WAR), LHP Ben Miles (0.7 WAR).", "0.7", 0.7, "count"),
     ("He raised one hand above his shoulder.", "one", 1.0, "count"),
     ("The greenback slipped against the yen to 112.34 JPY= on Monday.", "112.34", 112.34, "JPY")],
)
def test_numbers_not_to_drop(nlp_fast, text, contains, value, unit):
    """Big integers that spaCy tags DATE, a glued capital M, counts before a capitalised model name
    or acronym, "one hand" outside "on one hand", wire-service currency quotes ("JPY=")."""
    c = one(nlp_fast, text, contains)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


def test_on_one_hand_and_model_numbers_stay_out(nlp_fast):
    assert not claims(nlp_fast, "On one hand, it works.")
    assert not claims(nlp_fast, "Apple sold the iPhone 11 Pro in Europe.")


def test_appositive_quantity_takes_its_noun_as_concept(nlp_fast):
    c = one(nlp_fast, "The tablet packs a far bigger battery, 7200 mAh, than its predecessor.", "7200")
    assert c.concept == "bigger battery"


def test_cqe_adapter_fraction_unit(nlp_fast):
    t = _cqe(nlp_fast, "A third of the British population lives in the South East.")[0]
    assert t["normalized_unit"] == "% british population"


def test_parallel_bare_number_shares_the_unit(nlp_fast):
    c = one(nlp_fast, "Japan's Nikkei rose by 3 percent but the Kospi slid by 2.", "2")
    assert (c.value, c.unit) == (2.0, "percent")
    c = one(nlp_fast, "The TA-35 finished at 1,812.40 points, while the TA-90 finished at 1,655.09.", "1,655.09")
    assert c.unit == "point"
    # its own counted noun wins; a number with no parallel stays a count
    assert one(nlp_fast, "He earned 500 dollars and 4 bonuses.", "4").unit == "count"
    assert one(nlp_fast, "The index rose 2 percent on a day when 40 stocks fell.", "40").unit == "count"


@pytest.mark.parametrize(
    "text,absent",
    [("Lampard told BBC One on Sunday.", "One"),
     ("Fiji Airways said it would ground three new 737 Max planes.", "737"),
     ("The prize includes a four-year $350,000 grant for her lab.", "four"),
     ("Qantas has trimmed its five-year fleet expansion outlook.", "five")],
)
def test_name_numbers_and_time_adjectives_are_not_claims(nlp_fast, text, absent):
    assert not [c.text for c in claims(nlp_fast, text) if c.text.lower().startswith(absent.lower())]


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


def test_holders_are_trimmed_and_existentials_have_none(nlp_fast):
    from newsfacts.components.claims import claim_holder

    doc = run(nlp_fast, "Under the leadership of the three offices of the bureau, the group was set up.")
    h = claim_holder(doc, [c for c in doc._.claims if c.text == "three"][0])
    assert h is not None and h.text == "leadership"
    doc = run(nlp_fast, "As of March 31, there were 139 online lending institutions operating, "
                        "and the balance of loans decreased by 75%.")
    assert claim_holder(doc, [c for c in doc._.claims if c.text == "139"][0]) is None


def test_multiples(nlp_fast):
    c = one(nlp_fast, "The shares trade at just 8.2 times earnings.", "8.2")
    assert (c.value, c.unit, c.concept) == (8.2, "times", "earnings")
    c = one(nlp_fast, "Prices are three times the national average.", "three")
    assert (c.unit, c.concept) == ("times", "national average")
    assert one(nlp_fast, "He trains three times a week.", "three").unit != "times"  # a frequency


def test_conversion_in_brackets_shares_the_holder(nlp_fast):
    doc = run(nlp_fast, "The sisters have a net worth of 2.41 billion pounds ($3.05bn), the ranking showed.")
    a, b = [c for c in doc._.claims if "2.41" in c.text][0], [c for c in doc._.claims if "3.05" in c.text][0]
    assert a.holder_start is not None and (a.holder_start, a.holder_end) == (b.holder_start, b.holder_end)


def test_holder_never_starts_inside_a_word(nlp_fast):
    doc = run(nlp_fast, "5G 4K 3D 16-22-29-39-42 ℃ ~45g 37m 125.8 p.\n")
    for c in doc._.claims:
        if c.holder_start is not None and c.holder_start > 0:
            assert not (doc.text[c.holder_start - 1].isalnum() and doc.text[c.holder_start].isalnum())
    assert [c.unit for c in doc._.claims if c.text.startswith("125.8")] == ["pence"]


def test_one_of_takes_the_whole_described_set(nlp_fast):
    c = one(nlp_fast, "The fossil is of Argentinosaurus, one of the heaviest animals to ever walk the earth.", "one")
    assert (c.value, c.concept) == (1.0, "heaviest animals to ever walk the earth")
    assert one(nlp_fast, "One of the victims was a child.", "One").concept == "victims"


def test_change_restated_after_or_and_counted_amounts_of_change(nlp_fast):
    cs = claims(nlp_fast, "Revenue rose $5 million, or 3%, to $170 million.")
    pct = [c for c in cs if c.unit == "percent"][0]
    assert (pct.change.direction, pct.change.relative) == ("up", 3.0)
    c = one(nlp_fast, "Sales fell by 3 units last month.", "3")
    assert c.change is not None and c.change.direction == "down"
    assert one(nlp_fast, "The company hired 300 people.", "300").change is None
    assert [c.change for c in claims(nlp_fast, "He paid $5 or 3 euros.")] == [None, None]


def test_slash_date_is_not_a_fraction(nlp_fast):
    assert not claims(nlp_fast, "The attack happened on 9/11 in New York.")


def test_scientific_exponent_and_of_prefix(nlp_fast):
    assert not [c for c in claims(nlp_fast, "The mass of Jupiter is roughly 1.90×10−27 kilograms.")
                if c.value == 27]
    assert one(nlp_fast, "Two of Johnson's deputies were fired.", "Two").concept == "Johnson's deputies"


def test_conversion_shares_the_direction_of_a_change_amount(nlp_fast):
    cs = claims(nlp_fast, "Ocean temperatures fell by 2 to 2.5 degrees Celsius (3.6 to 4.5 Fahrenheit).")
    assert [(c.unit, c.change.direction if c.change else None) for c in cs] == [("degC", "down"), ("degF", "down")]


def test_level_then_elliptical_change(nlp_fast):
    cs = claims(nlp_fast, "The median home price in April was $1.8 million, down 6.4% year over year.")
    level, pct = [c for c in cs if "1.8" in c.text][0], [c for c in cs if "6.4" in c.text][0]
    assert level.change is None
    assert (pct.change.direction, pct.change.relative) == ("down", 6.4)
    assert one(nlp_fast, "The defense gave up 517 rushing yards.", "517").change is None


def test_baselines_time_references_and_counted_new_levels(nlp_fast):
    cs = claims(nlp_fast, "Xiaomi doubled it to 512GB instead of the 256GB offered in the older models.")
    assert [c.change is None for c in cs] == [False, True]
    c = one(nlp_fast, "Sales rose to 5 million units, compared with 4 million a year earlier.", "5 million")
    assert (c.change.direction, c.change.to_value) == ("up", 5e6)
    c = one(nlp_fast, "Profit fell 5% against 3% a year earlier.", "3%")
    assert (c.unit, c.change) == ("percent", None)
    assert one(nlp_fast, "Inflation was 2% a year on average.", "2%").unit == "percent/year"


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


def test_index_and_model_names_are_not_claims(nlp_fast):
    cs = claims(nlp_fast, "The FTSE 100 shed 30 points and the Nikkei 225 gained 1.2%.")
    assert [(c.value, c.unit) for c in cs] == [(30.0, "point"), (1.2, "percent")]
    # one sense per discourse: "Boeing 787" makes "787" a name in the whole article
    cs = claims(nlp_fast, "Airlines ordered the Boeing 787 last year. The 787 Dreamliner has 250 seats, "
                          "and the carrier bought three more 787 jets.")
    assert sorted(c.value for c in cs) == [3.0, 250.0]
    c = one(nlp_fast, "The company shipped 9400 Model Y and Model Z trucks.", "9400")
    assert (c.value, c.unit) == (9400.0, "count")  # a count of vehicles, not a model name


def test_units_shared_across_a_pair(nlp_fast):
    assert [c.unit for c in claims(nlp_fast, "Buyers can pick a 13- or 15-inch laptop.")] == ["inch", "inch"]
    assert [c.unit for c in claims(nlp_fast, "A coffee there costs about 4 or $5.")] == ["USD", "USD"]
    cs = claims(nlp_fast, "The benchmark gained 37.5 points to 7,912.40.")
    assert [(c.value, c.unit) for c in cs] == [(37.5, "point"), (7912.4, "point")]
    cs = claims(nlp_fast, "Fuel economy improved from about 22-26 mpg to 31 for sedans.")
    assert [c.unit for c in cs] == ["mpg", "mpg"]
    c = one(nlp_fast, "Drivers often work 45 to 55 hours a week.", "45")
    assert (c.value, c.value_max, c.unit) == (45.0, 55.0, "hour/week")
    c = one(nlp_fast, "Sales fell from 50,000 units to 12,000 last year.", "50,000")
    assert (c.concept, c.change.from_value, c.change.to_value) == ("units", 50000.0, 12000.0)


def test_from_to_pair_stays_in_its_clause(nlp_fast):
    cs = claims(nlp_fast, "Turnover fell to 1,200 lots from 1,500 lots last week, while open positions slipped "
                          "to 900 contracts from 950 contracts.")
    assert [(c.change.from_value, c.change.to_value) for c in cs] == [(1500.0, 1200.0), (950.0, 900.0)]
    assert all("while" not in c.text for c in cs)
    c = one(nlp_fast, "Prices fell to $1,100 a tonne from $1,400.", "1,100")
    assert (c.unit, c.change.direction, c.change.from_value) == ("USD/tonne", "down", 1400.0)


def test_plural_number_before_a_singular_head_counts_the_first_noun(nlp_fast):
    assert one(nlp_fast, "The 40 page report was leaked on Monday.", "40").concept == "page"
    assert one(nlp_fast, "They installed 400 charging stations.", "400").concept == "charging stations"


def test_counted_noun_phrase_keeps_coordinated_modifiers(nlp_fast):
    c = one(nlp_fast, "About 310 Nissan and Subaru vehicles were stolen.", "310")
    assert c.concept == "Nissan and Subaru vehicles"
    c = one(nlp_fast, "His launch angle was 1.6 degrees in 2018 and 2.8 last year.", "2.8")
    assert c.unit != "year"


def test_model_numbers_with_counts_and_digit_groups(nlp_fast):
    assert [(c.value, c.concept) for c in claims(nlp_fast, "The carrier will buy 12 Boeing 787 jets.")] == \
        [(12.0, "Boeing 787 jets")]
    assert [c.value for c in claims(nlp_fast, "The airline operates 40 Airbus A350 aircraft.")] == [40.0]
    assert [c.value for c in claims(nlp_fast, "Boeing 787 orders rose. The 787 has 290 seats.")] == [290.0]
    assert claims(nlp_fast, "For details call +44 20 7946 0958 before noon.") == []


def test_pounds_are_sterling_in_a_money_context(nlp_fast):
    assert one(nlp_fast, "The hatchback costs 20,000 pounds.", "20,000").unit == "GBP"
    assert one(nlp_fast, "She was fined 5,000 pounds.", "5,000").unit == "GBP"
    assert one(nlp_fast, "The boxer weighs 180 pounds.", "180").unit == "lb"
    assert one(nlp_fast, "The plant shipped 2 million pounds of beef.", "2 million").unit == "lb"
    assert one(nlp_fast, "Each family gets 4 L of water a day.", "4").unit == "litre"


def test_level_after_a_restated_change_and_list_counts(nlp_fast):
    c = one(nlp_fast, "The index rose 12.3 points, or 0.2%, to 5,210.", "5,210")
    assert (c.unit, c.change.to_value) == ("point", 5210.0)
    c = one(nlp_fast, "Officials cut the number of platforms to 3, and the number of investors 1.", "1")
    assert (c.unit, c.concept) == ("count", "investors")


def test_object_control_holder(nlp_fast):
    from newsfacts.components.claims import claim_holder

    doc = run(nlp_fast, "Lawyers helped the families to recover $2 million in damages.")
    c = [c for c in doc._.claims if "2 million" in c.text][0]
    assert claim_holder(doc, c).text == "families"
