"""In-article coreference (components/coref.py) and rule-based organisation names, on real text."""

from __future__ import annotations


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


def test_org_designator_rule_splits_coordinated_names(nlp_fast):
    text = "The Guangzhou Mutual Gold Remediation Office and the Internet Loan Response Office were set up last year."
    names = {e.name for e in run(nlp_fast, text)._.entities if e.type == "ORG"}
    assert {"Guangzhou Mutual Gold Remediation Office", "Internet Loan Response Office"} <= names


def test_line_breaks_start_sentences(nlp_fast):
    text = "Acme cuts 300 jobs\n\nIn 2019, Acme Corp hired 20 engineers.\nBeta Bank said on Monday."
    sents = [s.text.strip() for s in run(nlp_fast, text).sents]
    assert sents[0] == "Acme cuts 300 jobs"
    assert sents[1].startswith("In 2019") and sents[-1] == "Beta Bank said on Monday."
