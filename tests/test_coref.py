"""In-article coreference (components/coref.py): rules on hand-built Docs, and end to end on real text."""

from __future__ import annotations

import pytest
import spacy
from pytest import param
from spacy.tokens import Doc

from newsfacts.components.coref import cluster_entities, trim_span
from newsfacts.facts import register_extensions
from newsfacts.lexicon.en.names import ALIAS_CUES
from newsfacts.name_keys import coref_key

from conftest import run


def _by_name(doc):
    return {e.name: e for e in doc._.entities}


def test_coref_key():
    assert coref_key("the Guangzhou Financial Supervision Bureau's") == "guangzhou financial supervision bureau"
    assert coref_key("Bank of China") != coref_key("People's Bank of China")


def test_seed_entities_aliases_and_roles(nlp_fast, seed_text):
    doc = run(nlp_fast, seed_text)
    ents = _by_name(doc)
    bureau = ents["Guangzhou Financial Supervision Bureau"]
    assert bureau.type == "ORG" and len(bureau.mentions) >= 7  # "the ..." and "...'s" variants are one entity
    office = ents["Guangzhou Internet Loan Risk Response Leading Group Working Office"]
    assert "Internet Loan Response Office" in office.aliases
    assert ents["Huang Xinyu"].roles == ["reporter (Beijing News)"]
    assert any(r.startswith("chief of the local financial development department") for r in ents["Chen Long"].roles)
    assert len(ents["Chen Long"].mentions) == 3
    # affiliations: the organisation named in the role ("the bureau" resolved to the Bureau)
    entities = doc._.entities
    assert [entities[k].name for k in ents["Chen Long"].affiliations] == ["Guangzhou Financial Supervision Bureau"]
    assert [entities[k].name for k in ents["Huang Xinyu"].affiliations] == ["Beijing News"]


def test_surname_and_abbreviation(nlp_fast):
    text = ("Maria Gonzalez, chairman of the Pacific Shipping Association (PSA), said on Monday that freight rates "
            "fell. Gonzalez added that the PSA would meet again.")
    ents = _by_name(run(nlp_fast, text))
    person = ents["Maria Gonzalez"]
    assert len(person.mentions) == 2
    assert "chairman of the Pacific Shipping Association" in person.roles
    org = ents["Pacific Shipping Association"]
    assert "PSA" in org.aliases and len(org.mentions) == 3


def test_similar_names_are_not_merged(nlp_fast):
    text = "Chen Long met Chen Liang in Beijing. The Bank of China and the People's Bank of China both declined to comment."
    ents = _by_name(run(nlp_fast, text))
    assert "Chen Long" in ents and "Chen Liang" in ents
    assert "Bank of China" in ents and "People's Bank of China" in ents


# --------------------------------------------------------------------------- rules on hand-built Docs

VOCAB = spacy.blank("en").vocab
register_extensions()


def make(text: str, ents=(), **attrs) -> Doc:
    """A Doc of the whitespace-separated words of ``text`` ("~" glues a word to the next);
    ``ents``: ``(words, label)`` pairs, each the first free occurrence of those words (or
    ``(words, label, token index)``); ``attrs``:
    per-token lists for Doc (pos, tags, deps, heads, lemmas)."""
    words, spaces = [], []
    for w in text.split():
        words.append(w.rstrip("~"))
        spaces.append(not w.endswith("~"))
    spaces[-1] = False
    iob = ["O"] * len(words)
    for sub, label, *at in ents:
        sw = sub.split()
        i = at[0] if at else next(k for k in range(len(words)) if words[k:k + len(sw)] == sw and iob[k] == "O")
        iob[i:i + len(sw)] = [f"B-{label}"] + [f"I-{label}"] * (len(sw) - 1)
    return Doc(VOCAB, words=words, spaces=spaces, ents=iob, **attrs)


def entities(doc: Doc) -> dict[str, object]:
    return {e.name: e for e in cluster_entities(doc)}


def test_trim_span_drops_the_determiner_and_the_possessive():
    doc = make("the Acme Bank 's loans", ents=[("the Acme Bank 's", "ORG")], tags=["DT", "NNP", "NNP", "POS", "NNS"])
    assert trim_span(doc.ents[0]).text == "Acme Bank"
    doc = make("Acme Bank s loans", ents=[("Acme Bank s", "ORG")], tags=["NNP", "NNP", "POS", "NNS"])
    assert trim_span(doc.ents[0]).text == "Acme Bank"  # any token tagged POS


def test_trim_span_drops_whitespace_tokens_at_the_edges():
    """spaCy's NER can end an entity on a whitespace token holding a line break ("Acme\\x1f\\n")."""
    doc = Doc(VOCAB, words=["Acme", "Corp", "\x1f\n", "rose"], spaces=[True, False, False, False],
              ents=["B-ORG", "I-ORG", "I-ORG", "O"])
    assert trim_span(doc.ents[0]).text == "Acme Corp"
    doc = Doc(VOCAB, words=["\n", "x"], spaces=[False, False], ents=["B-ORG", "O"])
    assert cluster_entities(doc) == []  # a whitespace-only mention is no mention


def test_same_key_and_type_is_one_entity():
    found = cluster_entities(make("Acme Bank said . ACME BANK agreed . Acme Bank product", ents=[
        ("Acme Bank", "ORG"), ("ACME BANK", "ORG"), ("Acme Bank", "PRODUCT")]))
    assert [(e.type, len(e.mentions)) for e in found] == [("ORG", 2), ("PRODUCT", 1)]  # another type: another entity


@pytest.mark.parametrize("cue", [param(c, id=c) for c in ALIAS_CUES])
def test_appositive_alias_after_a_cue(cue):
    doc = make(f"Acme Shipping Association ( {cue} , the Shipping Council ) met .", ents=[("Acme Shipping Association", "ORG")])
    (ent,) = cluster_entities(doc)
    assert ent.aliases == ["Shipping Council"] and len(ent.mentions) == 2


def test_no_appositive_alias_without_a_cue():
    doc = make("Acme Shipping Association ( the Shipping Council ) met .", ents=[("Acme Shipping Association", "ORG")])
    assert cluster_entities(doc)[0].aliases == []


def test_abbreviation_alias_must_start_with_the_initials():
    doc = make("Pacific Shipping Association ( PSA ) said . PSA agreed .",
               ents=[("Pacific Shipping Association", "ORG"), ("PSA", "ORG", 8)])
    (ent,) = cluster_entities(doc)  # the later "PSA" joins through the alias
    assert ent.aliases == ["PSA"] and len(ent.mentions) == 3
    doc = make("Pacific Shipping Association ( XYZ ) said .", ents=[("Pacific Shipping Association", "ORG")])
    assert cluster_entities(doc)[0].aliases == []


def test_or_alias():
    doc = make("the Guangzhou Lending Office~ , or Lending Office~ , said .", ents=[("Guangzhou Lending Office", "ORG")])
    assert cluster_entities(doc)[0].aliases == ["Lending Office"]


def test_alias_joins_the_entity_that_already_had_its_key():
    doc = make("Shipping Council said . Acme Shipping Association ( ie Shipping Council ) met .",
               ents=[("Shipping Council", "ORG"), ("Acme Shipping Association", "ORG")])
    (ent,) = cluster_entities(doc)
    assert ent.name == "Acme Shipping Association" and len(ent.mentions) == 3


def test_surname_joins_the_one_longer_person():
    ents = entities(make("Chen Long met . Chen said .", ents=[("Chen Long", "PERSON"), ("Chen", "PERSON")]))
    assert list(ents) == ["Chen Long"] and len(ents["Chen Long"].mentions) == 2
    ents = entities(make("Chen Long met Chen Liang . Chen said .",
                         ents=[("Chen Long", "PERSON"), ("Chen Liang", "PERSON"), ("Chen", "PERSON")]))
    assert set(ents) == {"Chen Long", "Chen Liang", "Chen"}  # two candidates: none joined


def test_org_tail_joins_the_one_longer_org():
    ents = entities(make("Guangzhou Financial Supervision Bureau said . Supervision Bureau agreed .",
                         ents=[("Guangzhou Financial Supervision Bureau", "ORG"), ("Supervision Bureau", "ORG")]))
    assert list(ents) == ["Guangzhou Financial Supervision Bureau"]


POS_BUREAU = ["PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]


def test_definite_description_joins_the_only_org_with_that_head():
    doc = make("Supervision Bureau said . the bureau agreed .", ents=[("Supervision Bureau", "ORG")], pos=POS_BUREAU)
    (ent,) = cluster_entities(doc)
    assert ent.aliases == ["the bureau"] and [m.text for m in ent.mentions] == ["Supervision Bureau", "the bureau"]


def test_a_noun_after_the_head_makes_it_a_modifier():
    doc = make("Supervision Bureau said . the bureau chief agreed .", ents=[("Supervision Bureau", "ORG")],
               pos=["PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "NOUN", "VERB", "PUNCT"])
    assert cluster_entities(doc)[0].aliases == []


def test_role_noun_before_a_person_and_the_org_before_the_parenthesis():
    ents = entities(make("Beijing News ( reporter Huang Xinyu ) wrote .",
                         ents=[("Beijing News", "ORG"), ("Huang Xinyu", "PERSON")]))
    assert ents["Huang Xinyu"].roles == ["reporter (Beijing News)"]
    ents = entities(make("Reporter Huang Xinyu wrote .", ents=[("Huang Xinyu", "PERSON")]))
    assert ents["Huang Xinyu"].roles == ["reporter"]


def test_appositive_role_and_the_affiliation_it_names():
    doc = make("Chen Long , chief of the Acme Bureau , said .", ents=[("Chen Long", "PERSON"), ("Acme Bureau", "ORG")])
    found = cluster_entities(doc)
    assert found[0].roles == ["chief of the Acme Bureau"] and found[0].affiliations == [1]


def _copula(verb: str, lemma: str, dep: str, in_head: int = 2) -> Doc:
    words = f"Chen Long {verb} chief of Acme Bank in 2018 ."
    #          0    1    2     3     4  5    6    7  8    9
    return make(words, ents=[("Chen Long", "PERSON"), ("Acme Bank", "ORG"), ("2018", "DATE")],
                heads=[1, 2, 2, 2, 3, 6, 4, in_head, 7, 2],
                deps=["compound", "nsubj", "ROOT", dep, "prep", "compound", "pobj", "prep", "pobj", "punct"],
                lemmas=["Chen", "Long", lemma, "chief", "of", "Acme", "Bank", "in", "2018", "."])


@pytest.mark.parametrize("in_head", [param(2, id="date-on-the-verb"), param(3, id="date-on-the-role")])
def test_copula_role_with_the_year_of_its_clause(in_head):
    found = cluster_entities(_copula("became", "become", "attr", in_head))
    assert found[0].roles == ["chief of Acme Bank (2018)"] and found[0].affiliations == [1]


def test_copula_role_needs_a_role_verb():
    assert cluster_entities(_copula("praised", "praise", "attr"))[0].roles == []
