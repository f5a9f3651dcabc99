"""Rule-based organisation names (components/org_names.py) on hand-built Docs, and end to end."""

from __future__ import annotations

import pytest
import spacy
from pytest import param
from spacy.tokens import Doc

from newsfacts.components.org_names import OrgNames, find_org_names, merge_org_names

from conftest import run

VOCAB = spacy.blank("en").vocab


def doc_of(text: str, ents: list[str] | None = None) -> Doc:
    """A Doc of whitespace-separated words; "~" glues a word to the next one (no space)."""
    words, spaces = [], []
    for w in text.split():
        glued = w.endswith("~")
        words.append(w.rstrip("~"))
        spaces.append(not glued)
    spaces[-1] = False
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents)


def names(text: str) -> list[str]:
    return [s.text for s in find_org_names(doc_of(text))]


@pytest.mark.parametrize("text, found", [
    param("the Guangzhou Mutual Gold Remediation Office said", ["Guangzhou Mutual Gold Remediation Office"],
          id="run-ending-in-a-designator"),
    param("The Finance Bureau said", ["Finance Bureau"], id="sentence-opener-never-starts-a-name"),
    param("Acme Council of Trade and Industry Office met", ["Acme Council of Trade and Industry Office"],
          id="connectors-inside"),
    param("the Lending Office and Risk Response Office", ["Lending Office", "Risk Response Office"],
          id="and-after-a-designator-starts-another-name"),
    param("the Lending and Risk Response Office", ["Lending and Risk Response Office"],
          id="and-inside-a-name"),
    param("Commission for the Ocean Council spoke", ["Commission for the Ocean Council"], id="the-after-for"),
    param("Acme Council the Trade Office said", ["Acme Council", "Trade Office"], id="the-only-after-of-or-for"),
    param("Sino~ -~ Foreign Trade Bureau", ["Sino-Foreign Trade Bureau"], id="in-word-hyphen"),
    param("Sino - Foreign Trade Bureau", ["Foreign Trade Bureau"], id="spaced-hyphen-breaks"),
    param("in 2020 Trade Office", ["Trade Office"], id="digits-never-start-a-name"),
    param("Ten Trade Offices opened", ["Trade Offices"], id="number-word-never-starts-a-name"),
    param("Acme Ten Trade Office", ["Trade Office"], id="number-word-ends-a-run"),
    param("Acme Bank Plaza opened", ["Acme Bank"], id="name-ends-at-the-last-designator"),
    param("the Bureau said", [], id="a-designator-alone-is-no-name"),
    param("Ministry of Finance said", [], id="must-end-in-a-designator"),
    param("the Acme Bank ' s Office", ["Acme Bank"], id="punctuation-breaks-the-run"),
])
def test_find_org_names(text, found):
    assert names(text) == found


def test_rule_span_replaces_the_entities_it_contains():
    doc = doc_of("the Guangzhou Remediation Office said", ["O", "B-GPE", "O", "O", "O"])
    merge_org_names(doc, find_org_names(doc))
    assert [(e.text, e.label_) for e in doc.ents] == [("Guangzhou Remediation Office", "ORG")]


def test_rule_span_is_dropped_when_it_partly_overlaps_an_entity():
    doc = doc_of("the Remediation Office Tower said", ["O", "O", "B-FAC", "I-FAC", "O"])
    merge_org_names(doc, find_org_names(doc))
    assert [(e.text, e.label_) for e in doc.ents] == [("Office Tower", "FAC")]


def test_rule_span_inside_a_longer_entity_is_dropped():
    doc = doc_of("the Old Remediation Office Tower said", ["O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "O"])
    merge_org_names(doc, find_org_names(doc))
    assert [(e.text, e.label_) for e in doc.ents] == [("Old Remediation Office Tower", "FAC")]


def test_component_sets_doc_ents():
    doc = OrgNames()(doc_of("the Risk Response Office met"))
    assert [(e.text, e.label_) for e in doc.ents] == [("Risk Response Office", "ORG")]


def test_org_designator_rule_splits_coordinated_names(nlp_fast):
    text = "The Guangzhou Mutual Gold Remediation Office and the Internet Loan Response Office were set up last year."
    names = {e.name for e in run(nlp_fast, text)._.entities if e.type == "ORG"}
    assert {"Guangzhou Mutual Gold Remediation Office", "Internet Loan Response Office"} <= names
