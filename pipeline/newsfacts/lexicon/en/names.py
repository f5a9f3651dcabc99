"""Words of names: honorifics, company suffixes, organisation designators, role nouns, alias cues.

Read by the organisation-name rule (:mod:`newsfacts.components.org_names`), in-article
coreference (:mod:`newsfacts.components.coref`), the name keys (:mod:`newsfacts.name_keys`)
and cross-article entity resolution (:mod:`newsfacts.store.resolution`). Lower case unless
said otherwise.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- name keys

#: Titles before a personal name, dropped from the front of a PERSON's cross-article key
#: ("Mr. Chen Long" -> "chen long"); written without their period (the key drops periods).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mme", "mlle", "herr"})

#: Legal-form and holding words after a company name, dropped from the end of an ORG's
#: cross-article key ("Apple Inc." -> "apple", "Siemens AG" -> "siemens"); periods already
#: dropped ("N.V." -> "nv").
COMPANY_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "ltd", "limited", "co", "plc", "llc",
    "ag", "sa", "gmbh", "nv", "bv", "spa", "ab", "oyj", "asa", "group", "holdings", "company",
})

#: Function words an acronym may skip: "PBOC" spells "People Bank Of China" with them,
#: "PBC" without ("of" left out); both spellings are an entity's initials.
ACRONYM_SKIP_WORDS = frozenset({"of", "and", "the", "for", "de", "du", "des", "la", "le"})

# --------------------------------------------------------------------------- organisation names

#: Head nouns that end organisation names (singular and plural): the head nouns of
#: organisation names in the OntoNotes ORG guidelines — office, bureau, ministry, committee,
#: group, bank, … A run of capitalised words ending in one of these is an ORG.
ORG_DESIGNATORS = frozenset(
    """office offices bureau bureaus bureaux ministry ministries committee committees commission
    commissions group department departments agency agencies association associations council
    councils court bank banks company corporation corp inc ltd llc plc university college institute
    institution party union authority authorities administration federation fund foundation
    organization organisation board service services police army navy force forces club team
    assembly congress parliament senate league alliance coalition front movement network exchange
    center centre academy school hospital society secretariat directorate cabinet government
    chamber trust airlines airways group's""".split()
)

#: Lower-case words that may join the capitalised words of one organisation name
#: ("Ministry of Finance", "Bureau for Trade and Industry").
ORG_NAME_CONNECTORS = frozenset({"of", "for", "and", "&", "on"})

#: Connectors that never join two names each ending in a designator ("X Office and the Y
#: Office" is two names).
ORG_NAME_COORDINATORS = frozenset({"and", "&"})

#: Connectors after which "the" may follow inside a name ("Bank of the South").
ORG_NAME_THE_AFTER = frozenset({"of", "for"})

#: Capitalised words that open a sentence but never start a name (case-sensitive).
NOT_NAME_START = frozenset({"The", "A", "An", "In", "On", "At", "As", "By", "For", "From", "With", "Under",
                            "Since", "This", "That", "These", "Those", "It", "Its"})

# --------------------------------------------------------------------------- coreference

#: Articles dropped from the front of a mention ("the bureau") and skipped before a role noun.
DETERMINERS = frozenset({"the", "a", "an"})

#: Possessive endings as spaCy tokenises them ("Bureau's" -> "Bureau", "'s").
POSSESSIVE_TOKENS = frozenset({"'s", "’s"})

#: Lower-case words a name may hold without counting against its capitalisation
#: ("Ministry of Finance" looks like a name).
NAME_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on"})

#: Common job titles in news. A role is only taken when one of these heads it.
ROLE_NOUNS = frozenset(
    """reporter correspondent journalist editor columnist photographer anchor spokesman spokeswoman
    spokesperson president vice-president chairman chairwoman chair ceo cfo coo cto founder director
    manager minister secretary governor mayor premier chancellor senator congressman congresswoman
    representative ambassador envoy judge justice prosecutor lawyer attorney general commander
    officer chief head leader deputy professor researcher scientist analyst economist doctor dr
    king queen prince princess pope bishop coach captain striker player singer actor actress
    author writer commissioner inspector superintendent sheriff mp lawmaker legislator diplomat
    official administrator supervisor""".split()
)

#: Lemmas of verbs whose complement (attribute or object predicate) is the subject's role:
#: "X was/became/remained/served/was appointed/was named chief of Y".
ROLE_VERBS = frozenset({"be", "become", "remain", "serve", "appoint", "name"})

#: Phrases that introduce another name of the entity just named, inside parentheses:
#: "X (ie, the Y)", "X (namely Y)", "X (hereinafter Y)". Words separated by one space; "i.e."
#: with or without its last period.
ALIAS_CUES = ("ie", "i.e.", "namely", "that is", "hereinafter", "hereafter", "abbreviated", "short for")
