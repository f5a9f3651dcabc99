"""Name keys: the normalised forms under which two names count as the same name.

One home for the two keys of the project, which differ on purpose:

:func:`coref_key` (in-article coreference, :mod:`newsfacts.components.coref`)
    Light: lower case, a leading "the" and a final possessive dropped, every run of
    punctuation and whitespace one space. The mentions of one article are written by one
    hand, so little needs folding, and the coreference rules read the words the key keeps:
    titles ("mr chen"), company suffixes ("apple inc"), the letters of an abbreviation with
    periods ("U.S." -> "u s"), accents.

:func:`resolution_key` (cross-article entity resolution, :mod:`newsfacts.store.resolution`)
    Heavy: also folds accents, drops periods and apostrophes inside words ("U.S." -> "us"),
    every possessive "'s", leading honorifics of a PERSON (``HONORIFICS``) and trailing
    company suffixes of an ORG (``COMPANY_SUFFIXES``), and turns "&" into "and". Articles
    from different sources spell one name in these different ways, and a key is all the
    store compares. It is the ``norm_key`` column of the ``entities`` table and the
    ``norm`` column of ``aliases``: changing it changes what stored keys mean.

The two are kept apart because making them one would change what the pipeline extracts
(one article's "Apple" and "Apple Inc." would share a key and become one entity) and what
stored keys mean; each is pinned by its own tests (``tests/test_name_keys.py``).

Acronyms: :func:`capital_initials` (coreference: "Pacific Shipping Association (PSA)") and
:func:`key_initials` (resolution: "GAO" of "government accountability office").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from .lexicon.en.names import ACRONYM_SKIP_WORDS, COMPANY_SUFFIXES, HONORIFICS

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_FINAL_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NON_WORD = re.compile(r"[^\w]+")


def coref_key(name: str) -> str:
    """The in-article key of a mention: "the Guangzhou Financial Supervision Bureau's" ->
    "guangzhou financial supervision bureau".

    Strips the name, drops one leading "the" (any of the/The/THE, followed by whitespace) and
    one final possessive ('s, ’s, ', ’), lower-cases, turns every run of characters other than
    letters, digits and ``_`` into one space and strips the ends. Returns "" for a name with no
    word characters.
    """
    s = name.strip()
    s = _LEADING_THE.sub("", s)
    s = _FINAL_POSSESSIVE.sub("", s)
    return _NON_WORD.sub(" ", s.lower()).strip()


def resolution_key(name: str, type: Optional[str] = None) -> str:
    """The cross-article matching key of an entity name: "The People's Bank of China" -> "people bank of china".

    Folds case and accents, drops a leading "the", possessive 's, periods and apostrophes
    ("U.S." -> "us"), turns other punctuation into spaces, "&" into "and", collapses whitespace;
    for PERSON drops leading honorifics (Mr, Dr, ...), for ORG trailing company suffixes
    (Inc, Ltd, Corp, N.V., Group, Company, ...) while a token remains. Returns "" for a name with no letters or digits.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("\u2019", "'").replace("&", " and ")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[.']", "", s)
    s = re.sub(r"[^\w\s]|_", " ", s)
    tokens = s.split()
    while len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if type == "PERSON":
        while len(tokens) > 1 and tokens[0] in HONORIFICS:
            tokens = tokens[1:]
    elif type == "ORG":
        while len(tokens) > 1 and tokens[-1] in COMPANY_SUFFIXES:
            tokens = tokens[:-1]
    return " ".join(tokens)


def capital_initials(name: str) -> str:
    """The first letters of the capitalised words of a name, words split at whitespace and
    hyphens: "Pacific Shipping Association" -> "PSA", "Anti-Fraud Centre" -> "AFC"."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def key_initials(key: str) -> set[str]:
    """The acronyms a :func:`resolution_key` may be written as: the first letters of all its
    words, and of its words other than ``ACRONYM_SKIP_WORDS`` ("people bank of china" ->
    {"pboc", "pbc"})."""
    tokens = key.split()
    return {"".join(t[0] for t in tokens), "".join(t[0] for t in tokens if t not in ACRONYM_SKIP_WORDS)}
