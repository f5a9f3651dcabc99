"""Rule-based organisation names: factory ``newsfacts_org_names``.

Small statistical NER models miss long organisation names made of common title-cased words
("Guangzhou Mutual Gold Remediation Office"), which are frequent in translated news. This
component adds an ORG span for every maximal run of capitalised tokens that ends in an
organisational designator noun (``ORG_DESIGNATORS`` in :mod:`newsfacts.lexicon.en.names`: the
head nouns of organisation names in the OntoNotes ORG guidelines — office, bureau, ministry,
committee, group, bank, …), joined only by "of", "for", "and", "&", "on", "the" (after
"of"/"for") or an in-word hyphen; "and" never joins two names that each end in a designator
("X Office and the Y Office" is two names).

Merge rule with the entities already on ``doc.ents``: a rule span replaces the entities it
fully contains ("Guangzhou" GPE inside "Guangzhou Mutual Gold Remediation Office"); it is
dropped when it only partly overlaps an entity, or lies inside a longer one.
"""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon.en.names import (NOT_NAME_START, ORG_DESIGNATORS, ORG_NAME_CONNECTORS, ORG_NAME_COORDINATORS,
                                ORG_NAME_THE_AFTER)


def _is_cap(tok: Token) -> bool:
    return (tok.is_title or tok.is_upper or (tok.text[:1].isupper() and tok.is_alpha)) and not tok.is_punct


def _joins_run(doc: Doc, j: int) -> bool:
    """May the lower-case token ``doc[j]`` continue a run of capitalised words?

    A connector before a capitalised word ("of", "for", "and", "&", "on"), or "of"/"for" before
    "the" — but "and"/"&" never after a designator (that starts a second name); "the" after
    "of"/"for" before a capitalised word; an in-word hyphen ("Sino-Foreign")."""
    t, n = doc[j], len(doc)
    if (t.lower_ in ORG_NAME_CONNECTORS and j + 1 < n
            and (_is_cap(doc[j + 1]) or (t.lower_ in ORG_NAME_THE_AFTER and doc[j + 1].lower_ == "the"))
            and not (t.lower_ in ORG_NAME_COORDINATORS and doc[j - 1].lower_ in ORG_DESIGNATORS)):
        return True
    if t.lower_ == "the" and doc[j - 1].lower_ in ORG_NAME_THE_AFTER and j + 1 < n and _is_cap(doc[j + 1]):
        return True
    return t.text == "-" and not doc[j - 1].whitespace_ and j + 1 < n and _is_cap(doc[j + 1])


def _run(doc: Doc, i: int) -> tuple[int, int]:
    """The run of capitalised words and inner connectors from ``doc[i]``: ``(end, last capitalised)``."""
    j, last_cap = i + 1, i
    while j < len(doc):
        t = doc[j]
        if _is_cap(t) and not t.like_num:
            last_cap = j
        elif not _joins_run(doc, j):
            break
        j += 1
    return j, last_cap


def _designator_end(doc: Doc, i: int, last_cap: int) -> Optional[int]:
    """End of the name: after the last designator of the run ``doc[i:last_cap + 1]`` (never ``doc[i]``)."""
    for k in range(last_cap, i, -1):
        if doc[k].lower_ in ORG_DESIGNATORS:
            return k + 1
    return None


def find_org_names(doc: Doc) -> list[Span]:
    """Return candidate ORG spans (see module docstring), left to right, non-overlapping."""
    spans: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _is_cap(tok) or tok.text in NOT_NAME_START or tok.like_num:
            i += 1
            continue
        j, last_cap = _run(doc, i)
        end = _designator_end(doc, i, last_cap)
        if end is not None and end - i >= 2:
            spans.append(Span(doc, i, end, label="ORG"))
            i = end
        else:
            i = max(j, i + 1)
    return spans


def merge_org_names(doc: Doc, rules: list[Span]) -> None:
    """Merge rule spans into ``doc.ents`` by the module's rule (in place).

    ``doc.ents`` are sorted and never overlap, and so are the rule spans (:func:`find_org_names`):
    the entities a rule span overlaps are found by bisection, so a long article costs time linear
    in its length, not entities × rule spans."""
    ents = list(doc.ents)
    starts = [e.start for e in ents]
    ends = [e.end for e in ents]
    drop: set[int] = set()
    added: list[Span] = []
    for span in rules:
        k0, k1 = bisect.bisect_right(ends, span.start), bisect.bisect_left(starts, span.end)  # overlapping ents[k0:k1]
        if any(not (ents[k].start >= span.start and ents[k].end <= span.end) for k in range(k0, k1)):
            continue  # partly overlaps an entity
        drop.update(range(k0, k1))
        added.append(span)
    doc.ents = sorted([e for k, e in enumerate(ents) if k not in drop] + added, key=lambda e: e.start)


class OrgNames:
    """The ``newsfacts_org_names`` component (stateless)."""

    def __call__(self, doc: Doc) -> Doc:
        merge_org_names(doc, find_org_names(doc))
        return doc


@Language.factory(
    "newsfacts_org_names",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["doc.ents"],
    default_config={},
)
def make_org_names(nlp: Language, name: str) -> OrgNames:
    """Factory for :class:`OrgNames`."""
    return OrgNames()
