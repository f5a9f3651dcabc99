"""Name keys (newsfacts.name_keys): the in-article coreference key and the cross-article resolution key.

The two keys differ on purpose (see the module docstring); the rows marked "differs" pin where.
"""

from __future__ import annotations

import pytest
from pytest import param

from newsfacts.name_keys import capital_initials, coref_key, key_initials, resolution_key


@pytest.mark.parametrize("name, key", [
    param("the Guangzhou Financial Supervision Bureau's", "guangzhou financial supervision bureau", id="the-and-possessive"),
    param("THE  Hague", "hague", id="leading-the-any-case"),
    param("the the band", "the band", id="one-leading-the-only"),
    param("Bank'", "bank", id="final-apostrophe"),
    param("Jean-Luc", "jean luc", id="punctuation-run-is-a-space"),
    param("a_b", "a_b", id="underscore-is-a-word-character"),
    param("!!!", "", id="no-word-characters"),
    # differs from resolution_key:
    param("U.S.", "u s", id="periods-separate-letters"),
    param("Mr. Chen Long", "mr chen long", id="honorific-kept"),
    param("Apple Inc.", "apple inc", id="company-suffix-kept"),
    param("Procter & Gamble", "procter gamble", id="ampersand-dropped"),
    param("Luiz Inácio Lula", "luiz inácio lula", id="accents-kept"),
    param("The People's Bank of China", "people s bank of china", id="inner-possessive-kept"),
])
def test_coref_key(name, key):
    assert coref_key(name) == key


def test_coref_key_tells_similar_names_apart():
    assert coref_key("Bank of China") != coref_key("People's Bank of China")


@pytest.mark.parametrize("name, type, key", [
    param("The People's Bank of China", "ORG", "people bank of china", id="the-and-possessive"),
    param("people’s  bank of CHINA", "ORG", "people bank of china", id="curly-apostrophe-case-space"),
    param("U.S.", "GPE", "us", id="periods-dropped"),
    param("Mr. Chen Long", "PERSON", "chen long", id="honorific-dropped-for-person"),
    param("Mr. Chen Long", "ORG", "mr chen long", id="honorific-kept-for-org"),
    param("Dr Mr Smith", "PERSON", "smith", id="honorifics-while-a-token-remains"),
    param("Mr", "PERSON", "mr", id="last-token-stays"),
    param("Apple Inc.", "ORG", "apple", id="company-suffix-dropped-for-org"),
    param("Apple Inc.", "PERSON", "apple inc", id="company-suffix-kept-for-person"),
    param("Siemens Holdings AG", "ORG", "siemens", id="suffixes-from-the-end"),
    param("Procter & Gamble", "ORG", "procter and gamble", id="ampersand-is-and"),
    param("Luiz Inácio Lula", "PERSON", "luiz inacio lula", id="accents-folded"),
    param("the the band", None, "band", id="every-leading-the"),
    param("a_b", None, "a b", id="underscore-is-a-space"),
    param("!!!", None, "", id="no-letters-or-digits"),
])
def test_resolution_key(name, type, key):
    assert resolution_key(name, type) == key


def test_resolution_key_joins_spellings_of_one_name():
    assert resolution_key("Procter & Gamble", "ORG") == resolution_key("Procter and Gamble", "ORG")


@pytest.mark.parametrize("name, initials", [
    param("Pacific Shipping Association", "PSA", id="capitalised-words"),
    param("Anti-Fraud centre of Beijing", "AFB", id="hyphen-splits-lower-case-skipped"),
    param("", "", id="empty"),
])
def test_capital_initials(name, initials):
    assert capital_initials(name) == initials


@pytest.mark.parametrize("key, acronyms", [
    param("people bank of china", {"pboc", "pbc"}, id="with-and-without-of"),
    param("government accountability office", {"gao"}, id="no-skip-words"),
    param("bank of the south", {"bots", "bs"}, id="several-skip-words"),
])
def test_key_initials(key, acronyms):
    assert key_initials(key) == acronyms
