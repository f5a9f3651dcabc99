"""Tests of the exclusion rules (newsfacts.components.claims.exclusions): numbers that are not claims.

Every rule of ``EXCLUSIONS`` has a row in ``FIRES`` (a hand-built ``Doc`` where it fires and the
number is no claim), so removing a rule, or emptying its word list, fails a test; ``SILENT``
pins near misses where a rule must not fire. End-to-end sentences through the pipeline follow.
"""

from __future__ import annotations

import pytest
from pytest import param

from newsfacts.components.claims.exclusions import EXCLUSIONS
from tests.claims.helpers import claim_texts, claims, handmade, one, rules_for

# (rule, text, quantity, handmade() keyword arguments)
FIRES = [
    param("date_mention", "sales rose on may 9 this year", "9", {"dates": [("may 9", "DATE")]},
          id="date_mention"),
    param("date_mention", "it opened two years ago", "two years", {"dates": [("two years ago", "DATE")]},
          id="date_mention_point_in_time"),
    param("date_entity", "The talks ended at 5 today", "5", {"ents": "O O O O B-DATE O"}, id="date_entity"),
    # a unit word after a scaled written number leaves the NER's DATE standing
    param("date_entity", "They sold two thousand gb", "two thousand", {"ents": "O O B-DATE I-DATE O",
                                                                        "tags": "PRP VBD CD CD NNS"},
          id="date_entity_unit_word_after"),
    param("year", "In 2018 the bureau moved", "2018", {"pos": "ADP NUM DET NOUN VERB"}, id="year"),
    param("clock_time", "The train leaves at 5 pm", "5", {}, id="clock_time"),
    param("scientific_exponent", "The count reached 3x10^·8 today", "8", {}, id="scientific_exponent"),
    param("hyphen_chain_code", "The numbers were 16·-·22·-·29·-·39 this week", "16", {}, id="hyphen_chain_code"),
    param("digit_groups", "For details call +44 20 7946 0958 now", "20", {}, id="digit_groups"),
    param("phone_number", "Residents can call the 12345 hotline", "12345", {}, id="phone_number"),
    param("ordinal_suffix", "It marked the 70·th anniversary", "70", {}, id="ordinal_suffix"),
    param("ordinal_entity", "She finished 2 in the final", "2", {"ents": "O O B-ORDINAL O O O"},
          id="ordinal_entity"),
    param("list_marker", "Details ⏎ 1 . Sales fell", "1", {}, id="list_marker"),
    param("reference", "The trend is shown in figure 1", "1", {}, id="reference"),
    param("reference", "It was played in week 3", "3", {}, id="reference_counting_word"),
    param("stock_index_name", "the nasdaq 100 rose", "100", {}, id="stock_index_name"),
    param("stock_index_name", "the s&p 500 rose", "500", {}, id="stock_index_name_two_words"),
    param("name_part", "Apple showed the iPhone 12 today", "12", {}, id="name_part"),
    param("number_word_in_name", "Lampard told BBC One on Sunday", "One",
          {"pos": "PROPN VERB PROPN NUM ADP PROPN"}, id="number_word_in_name"),
    param("written_number_unit_in_name", "They built the Ten Thousand Mu Demonstration Field", "Ten Thousand Mu",
          {}, id="written_number_unit_in_name"),
    param("format_letter", "It sells a 4·K television", "4",
          {"pos": "PRON VERB DET NUM X NOUN", "tags": "PRP VBZ DT CD XX NN"}, id="format_letter"),
    param("name_entity", "fans watched world cup 26 live", "26", {"ents": "O O B-EVENT I-EVENT I-EVENT O"},
          id="name_entity"),
    param("signed_name_suffix", "New COVID -19 cases", "-19", {"pos": "ADJ X NUM NOUN", "tags": "JJ XX CD NNS"},
          id="signed_name_suffix"),
    param("street_address", "a warehouse at 49 Zorro Ranch Road", "49", {"tags": "DT NN IN CD NN NN NN"},
          id="street_address"),
    param("street_address", "a warehouse at 16·-·18 Harbour Rd.", "16", {}, id="street_address_range"),
    param("model_name", "they flew the 787 Dreamliner", "787", {}, id="model_name"),
    param("name_after_count", "three 787 Dreamliners landed", "787",
          {"pos": "NUM NUM PROPN VERB", "tags": "CD CD NNPS VBD"}, id="name_after_count"),
    param("model_number_in_discourse", "Boeing 737 orders rose and the new 737 flew", "737",
          {"pos": "PROPN NUM NOUN VERB CCONJ DET ADJ NUM VERB", "tags": "NNP CD NNS VBD CC DT JJ CD VBD",
           "ents": "B-ORG O O O O O O O O"}, id="model_number_in_discourse"),
    param("time_adjective", "a four·-·year grant", "four-year", {"pos": "DET NUM PUNCT NOUN NOUN"},
          id="time_adjective"),
    param("age_years_old", "a 45·-·year·-·old man", "45-year", {}, id="age_years_old"),
    param("age_word", "a man aged 45 said", "45", {}, id="age_word"),
    param("age_apposition", "Smith , 45 , said", "45", {"ents": "B-PERSON O O O O"}, id="age_apposition"),
]

# rules that must stay silent: (rule, text, quantity, handmade() keyword arguments)
SILENT = [
    param("date_mention", "It ran for 21 months", "21 months", {"dates": [("21 months", "DATE")]},
          id="date_mention_duration"),
    param("date_entity", "It set a record with sales of 4217 units", "4217",
          {"ents": "O O O O O O O B-DATE O", "tags": "PRP VBD DT NN IN NNS IN CD NNS"}, id="date_entity_not_year"),
    param("date_entity", "The ratio fell in the year to 1", "1", {"ents": "O O O O O O O B-DATE"},
          id="date_entity_to_phrase"),
    param("year", "The fund paid $2018", "$2018", {}, id="year_with_unit"),
    param("hyphen_chain_code", "The derby finished 3·-·2", "3", {}, id="hyphen_chain_two_numbers"),
    param("phone_number", "The city has 12345 residents", "12345", {}, id="phone_number_no_phone_word"),
    param("ordinal_entity", "Shares were up 7pc", "7pc", {"ents": "O O O B-ORDINAL"}, id="ordinal_entity_percent"),
    param("reference", "He dialled the number 5", "5", {}, id="reference_after_article"),
    param("stock_index_name", "the nasdaq fell 100 points", "100 points", {}, id="stock_index_not_adjacent"),
    param("name_part", "Boeing 787 jets landed", "787", {"pos": "PROPN NUM NOUN VERB", "tags": "NNP CD NNS VBD"},
          id="name_part_before_plural"),
    param("name_part", "Shares Jump Nearly 40", "40", {"pos": "NOUN VERB PROPN NUM"}, id="name_part_after_cue"),
    param("name_part", "It is priced at USD·-·500", "500", {}, id="name_part_after_currency_code"),
    param("model_name", "3 Germans won", "3", {"pos": "NUM PROPN VERB", "tags": "CD NNPS VBD"},
          id="model_name_plural_name"),
    param("time_adjective", "a 45·-·year·-·old man", "45-year", {}, id="time_adjective_age"),
    param("age_word", "a man aged 45 said", "45", {"include_ages": True}, id="age_word_include_ages"),
]


def _build(kwargs: dict):
    kwargs = dict(kwargs)
    include_ages = kwargs.pop("include_ages", False)
    return kwargs, include_ages


@pytest.mark.parametrize("rule,text,quantity,kwargs", FIRES)
def test_rule_fires_and_the_number_is_no_claim(rule, text, quantity, kwargs):
    kwargs, include_ages = _build(kwargs)
    doc = handmade(text, **kwargs)
    assert rule in rules_for(doc, quantity, include_ages)
    assert not any(quantity in c or c in quantity for c in claim_texts(doc, include_ages))


@pytest.mark.parametrize("rule,text,quantity,kwargs", SILENT)
def test_rule_stays_silent(rule, text, quantity, kwargs):
    kwargs, include_ages = _build(kwargs)
    assert rule not in rules_for(handmade(text, **kwargs), quantity, include_ages)


def test_every_rule_has_a_row():
    assert {p.values[0] for p in FIRES} == {name for name, _ in EXCLUSIONS}


def test_ages_are_kept_with_include_ages():
    doc = handmade("a man aged 45 said")
    assert claim_texts(doc, include_ages=True) == ["45"]
    assert claim_texts(doc) == []


def test_overlapping_rules_all_show():
    """``explain_exclusions`` names every rule that fires: "Apple showed the iPhone 12" is both
    a name part and, before a capitalised word, a model name."""
    doc = handmade("Apple sold the iPhone 12 Pro")
    assert rules_for(doc, "12") == ["name_part", "model_name"]


# -- end to end (pipeline) -----------------------------------------------------------------------


def test_a_number_after_a_reference_word_is_no_model_name_elsewhere(nlp_fast):
    """"Article 300" names a passage: the same number later ("300 people") stays a claim, while
    a model number ("Boeing 737") is a name throughout the article."""
    text = "Under Article 300 of the Criminal Law, prosecutors charged 300 people."
    assert [(c.value, c.unit) for c in claims(nlp_fast, text)] == [(300.0, "count")]
    text = "Boeing 737 orders rose. The new 737 flew with 180 passengers."
    assert [c.value for c in claims(nlp_fast, text)] == [180.0]


def test_ordered_count_before_model_name_is_kept(nlp_fast):
    c = one(nlp_fast, "The airline ordered three 787 Dreamliner jets last year.", "three")
    assert (c.value, c.unit) == (3.0, "count")


def test_glued_pc_is_a_percentage(nlp_fast):
    """UK papers write "7pc"; spaCy's NER tags the token ORDINAL, which must not drop it."""
    c = one(nlp_fast, "Shares of the retailer were up 7pc on Tuesday.", "7pc")
    assert (c.value, c.unit) == (7.0, "percent")
    assert c.change is not None and c.change.direction == "up"


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


def test_scientific_exponent_and_of_prefix(nlp_fast):
    assert not [c for c in claims(nlp_fast, "The mass of Jupiter is roughly 1.90×10−27 kilograms.")
                if c.value == 27]
    assert one(nlp_fast, "Two of Johnson's deputies were fired.", "Two").concept == "Johnson's deputies"


def test_model_numbers_with_counts_and_digit_groups(nlp_fast):
    assert [(c.value, c.concept) for c in claims(nlp_fast, "The carrier will buy 12 Boeing 787 jets.")] == \
        [(12.0, "Boeing 787 jets")]
    assert [c.value for c in claims(nlp_fast, "The airline operates 40 Airbus A350 aircraft.")] == [40.0]
    assert [c.value for c in claims(nlp_fast, "Boeing 787 orders rose. The 787 has 290 seats.")] == [290.0]
    assert claims(nlp_fast, "For details call +44 20 7946 0958 before noon.") == []


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


def test_slash_date_is_not_a_fraction(nlp_fast):
    assert not claims(nlp_fast, "The attack happened on 9/11 in New York.")


def test_index_and_model_names_are_not_claims(nlp_fast):
    cs = claims(nlp_fast, "The FTSE 100 shed 30 points and the Nikkei 225 gained 1.2%.")
    assert [(c.value, c.unit) for c in cs] == [(30.0, "point"), (1.2, "percent")]
    # one sense per discourse: "Boeing 787" makes "787" a name in the whole article
    cs = claims(nlp_fast, "Airlines ordered the Boeing 787 last year. The 787 Dreamliner has 250 seats, "
                          "and the carrier bought three more 787 jets.")
    assert sorted(c.value for c in cs) == [3.0, 250.0]
    c = one(nlp_fast, "The company shipped 9400 Model Y and Model Z trucks.", "9400")
    assert (c.value, c.unit) == (9400.0, "count")  # a count of vehicles, not a model name


def test_on_one_hand_and_model_numbers_stay_out(nlp_fast):
    assert not claims(nlp_fast, "On one hand, it works.")
    assert not claims(nlp_fast, "Apple sold the iPhone 11 Pro in Europe.")


@pytest.mark.parametrize(
    "text,absent",
    [("Lampard told BBC One on Sunday.", "One"),
     ("Fiji Airways said it would ground three new 737 Max planes.", "737"),
     ("The prize includes a four-year $350,000 grant for her lab.", "four"),
     ("Qantas has trimmed its five-year fleet expansion outlook.", "five")],
)
def test_name_numbers_and_time_adjectives_are_not_claims(nlp_fast, text, absent):
    assert not [c.text for c in claims(nlp_fast, text) if c.text.lower().startswith(absent.lower())]
