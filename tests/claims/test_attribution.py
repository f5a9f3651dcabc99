"""Tests of holders and entities (newsfacts.components.claims.attribution).

Sentences are hand-written news-like examples.
"""

from __future__ import annotations

import pytest

from tests.claims.helpers import one
from tests.conftest import run


def test_entity_subject(nlp_fast):
    c = one(nlp_fast, "Microsoft said its revenue rose 12% in the quarter.", "12")
    assert c.entity_start is None or c.entity_start >= 0
    c = one(nlp_fast, "Apple sold 50 million phones.", "50")
    doc_text = "Apple sold 50 million phones."
    assert doc_text[c.entity_start:c.entity_end] == "Apple"


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


def test_holders_are_trimmed_and_existentials_have_none(nlp_fast):
    from newsfacts.components.claims import claim_holder

    doc = run(nlp_fast, "Under the leadership of the three offices of the bureau, the group was set up.")
    h = claim_holder(doc, [c for c in doc._.claims if c.text == "three"][0])
    assert h is not None and h.text == "leadership"
    doc = run(nlp_fast, "As of March 31, there were 139 online lending institutions operating, "
                        "and the balance of loans decreased by 75%.")
    assert claim_holder(doc, [c for c in doc._.claims if c.text == "139"][0]) is None


def test_holder_never_starts_inside_a_word(nlp_fast):
    doc = run(nlp_fast, "5G 4K 3D 16-22-29-39-42 ℃ ~45g 37m 125.8 p.\n")
    for c in doc._.claims:
        if c.holder_start is not None and c.holder_start > 0:
            assert not (doc.text[c.holder_start - 1].isalnum() and doc.text[c.holder_start].isalnum())
    assert [c.unit for c in doc._.claims if c.text.startswith("125.8")] == ["pence"]


def test_object_control_holder(nlp_fast):
    from newsfacts.components.claims import claim_holder

    doc = run(nlp_fast, "Lawyers helped the families to recover $2 million in damages.")
    c = [c for c in doc._.claims if "2 million" in c.text][0]
    assert claim_holder(doc, c).text == "families"
