"""Tests of the concept rules (newsfacts.components.claims.concept).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import pytest
from pytest import param

from tests.claims.helpers import draft_of, one, parsed


def test_counted_concept(nlp_fast):
    c = one(nlp_fast, "There were actually 139 online lending institutions operating in the country.", "139")
    assert (c.value, c.unit, c.concept) == (139, "count", "online lending institutions")


def test_fraction_concept_is_the_of_object(nlp_fast):
    c = one(nlp_fast, "A third of Britons have no savings.", "third")
    assert c.concept == "Britons"


def test_positional_concept_fallback(nlp_fast):
    assert one(nlp_fast, "a 410 μm pixel pitch.", "410").concept == "pixel pitch"
    assert one(nlp_fast, "This year's MSRP is $33,790.", "33,790").concept == "MSRP"


def test_concept_is_never_a_number_pronoun_date_or_source_tag(nlp_fast):
    assert one(nlp_fast, "Some 40 people came and 25 of them stayed.", "25").concept is None
    assert one(nlp_fast, "Prices saw an average 13.3% drop in the first half.", "13.3").concept is None
    c = one(nlp_fast, "Japan cases exceed 30,000 - Xinhuanet", "30,000")
    assert c.concept is None or "-" not in c.concept
    c = one(nlp_fast, "The plant will receive a federal tax credit worth up to $6 million.", "6 million")
    assert (c.concept, c.approx) == ("federal tax credit", "up_to")


def test_appositive_quantity_takes_its_noun_as_concept(nlp_fast):
    c = one(nlp_fast, "The tablet packs a far bigger battery, 7200 mAh, than its predecessor.", "7200")
    assert c.concept == "bigger battery"


def test_multiples(nlp_fast):
    c = one(nlp_fast, "The shares trade at just 8.2 times earnings.", "8.2")
    assert (c.value, c.unit, c.concept) == (8.2, "times", "earnings")
    c = one(nlp_fast, "Prices are three times the national average.", "three")
    assert (c.unit, c.concept) == ("times", "national average")
    assert one(nlp_fast, "He trains three times a week.", "three").unit != "times"  # a frequency


def test_one_of_takes_the_whole_described_set(nlp_fast):
    c = one(nlp_fast, "The fossil is of Argentinosaurus, one of the heaviest animals to ever walk the earth.", "one")
    assert (c.value, c.concept) == (1.0, "heaviest animals to ever walk the earth")
    assert one(nlp_fast, "One of the victims was a child.", "One").concept == "victims"


def test_plural_number_before_a_singular_head_counts_the_first_noun(nlp_fast):
    assert one(nlp_fast, "The 40 page report was leaked on Monday.", "40").concept == "page"
    assert one(nlp_fast, "They installed 400 charging stations.", "400").concept == "charging stations"


def test_counted_noun_phrase_keeps_coordinated_modifiers(nlp_fast):
    c = one(nlp_fast, "About 310 Nissan and Subaru vehicles were stolen.", "310")
    assert c.concept == "Nissan and Subaru vehicles"
    c = one(nlp_fast, "His launch angle was 1.6 degrees in 2018 and 2.8 last year.", "2.8")
    assert c.unit != "year"


# -- concept sources, on hand-parsed sentences ---------------------------------------------------
# Each row: the parse of a sentence (word POS TAG dep head), the claim, and the concept and
# evidence the source under test gives (without it a later source or a fallback gives another).

CONCEPT_SOURCE_ROWS = [
    param("""
        Rents    NOUN NNS nsubj  1
        took     VERB VBD ROOT   1
        20       NUM  CD  nummod 3
        percent  NOUN NN  dobj   1
        of       ADP  IN  prep   3
        personal ADJ  JJ  amod   6
        spending NOUN NN  pobj   4
        .        PUNCT .  punct  1
        """, "20 percent", "personal spending", "20 percent of personal spending", id="percent_of"),
    param("""
        There        PRON  EX  expl   1
        were         VERB  VBD ROOT   1
        139          NUM   CD  nummod 3
        institutions NOUN  NNS attr   1
        ,            PUNCT ,   punct  3
        a            DET   DT  det    6
        decrease     NOUN  NN  appos  3
        of           ADP   IN  prep   6
        86~          NUM   CD  nummod 9
        %            NOUN  NN  pobj   7
        .            PUNCT .   punct  1
        """, "86%", "institutions", "a decrease of 86%", id="change_noun_apposition"),
    param("""
        They    PRON PRP nsubj    1
        imposed VERB VBD ROOT     1
        a       DET  DT  det      5
        25~     NUM  CD  nummod   4
        %       NOUN NN  compound 5
        duty    NOUN NN  dobj     1
        .       PUNCT .  punct    1
        """, "25%", "duty", "25% duty", id="modified_noun"),
    param("""
        Regulators NOUN NNS nsubj  1
        levied     VERB VBD ROOT   1
        a          DET  DT  det    3
        penalty    NOUN NN  dobj   1
        of         ADP  IN  prep   3
        5          NUM  CD  nummod 6
        yuan       NOUN NN  pobj   4
        .          PUNCT .  punct  1
        """, "5 yuan", "penalty", "5 yuan", id="of_governor"),
    param("""
        The     DET  DT  det    1
        balance NOUN NN  nsubj  4
        of      ADP  IN  prep   1
        loans   NOUN NNS pobj   2
        fell    VERB VBD ROOT   4 fall
        by      ADP  IN  prep   4
        75~     NUM  CD  nummod 7
        %       NOUN NN  pobj   5
        .       PUNCT .  punct  4
        """, "75%", "balance of loans", "The balance of loans fell by 75%", id="clause"),
]


@pytest.mark.parametrize("table,claim,concept,evidence", CONCEPT_SOURCE_ROWS)
def test_concept_sources(table, claim, concept, evidence):
    doc = parsed(table)
    d = draft_of(doc, claim)
    assert d.concept == concept
    assert doc[d.ev_start : d.ev_end].text == evidence
