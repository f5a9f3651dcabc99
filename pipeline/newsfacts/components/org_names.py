"""Rule-based organisation names: factory ``newsfacts_org_names``.

Small statistical NER models miss long organisation names made of common title-cased words
("Guangzhou Mutual Gold Remediation Office"), which are frequent in translated news. This
component adds an ORG span for every maximal run of capitalised tokens that ends in an
organisational designator noun (``DESIGNATORS``: the head nouns of organisation names in the
OntoNotes ORG guidelines — office, bureau, ministry, committee, group, bank, …), joined only by
"of", "for", "and", "&", "on", "the" (after "of"/"for") or an in-word hyphen; "and" never
joins two names that each end in a designator ("X Office and the Y Office" is two names).

Merge rule with the entities already on ``doc.ents``: a rule span replaces the entities it
fully contains ("Guangzhou" GPE inside "Guangzhou Mutual Gold Remediation Office"); it is
dropped when it only partly overlaps an entity, or lies inside a longer one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

#: Head nouns that end organisation names (lower case, singular and plural).
DESIGNATORS = frozenset(
    """office offices bureau bureaus bureaux ministry ministries committee committees commission
    commissions group department departments agency agencies association associations council
    councils court bank banks company corporation corp inc ltd llc plc university college institute
    institution party union authority authorities administration federation fund foundation
    organization organisation board service services police army navy force forces club team
    assembly congress parliament senate league alliance coalition front movement network exchange
    center centre academy school hospital society secretariat directorate cabinet government
    chamber trust airlines airways group's""".split()
)
CONNECTORS = frozenset({"of", "for", "and", "&", "on"})
_THE_AFTER = frozenset({"of", "for"})
#: Capitalised words that open a sentence but never start a name.
_NOT_NAME_START = frozenset({"The", "A", "An", "In", "On", "At", "As", "By", "For", "From", "With", "Under", "Since", "This", "That", "These", "Those", "It", "Its"})


def _is_cap(tok) -> bool:
    return (tok.is_title or tok.is_upper or (tok.text[:1].isupper() and tok.is_alpha)) and not tok.is_punct


def find_org_names(doc: Doc) -> list[Span]:
    """Return candidate ORG spans (see module docstring), left to right, non-overlapping."""
    spans: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _is_cap(tok) or tok.text in _NOT_NAME_START or tok.like_num:
            i += 1
            continue
        j = i + 1  # extend over capitalised words and inner connectors
        last_cap = i
        while j < n:
            t = doc[j]
            if _is_cap(t) and not t.like_num:
                last_cap = j
                j += 1
            elif (
                t.lower_ in CONNECTORS
                and j + 1 < n
                and (_is_cap(doc[j + 1]) or (t.lower_ in _THE_AFTER and doc[j + 1].lower_ == "the"))
                and not (t.lower_ in {"and", "&"} and doc[j - 1].lower_ in DESIGNATORS)
            ):
                j += 1
            elif t.lower_ == "the" and doc[j - 1].lower_ in _THE_AFTER and j + 1 < n and _is_cap(doc[j + 1]):
                j += 1
            elif t.text == "-" and not doc[j - 1].whitespace_ and j + 1 < n and _is_cap(doc[j + 1]):
                j += 1
            else:
                break
        # the name ends at the last designator inside the run
        end = None
        for k in range(last_cap, i, -1):
            if doc[k].lower_ in DESIGNATORS:
                end = k + 1
                break
        if end is not None and end - i >= 2:
            spans.append(Span(doc, i, end, label="ORG"))
            i = end
        else:
            i = max(j, i + 1)
    return spans


def merge_org_names(doc: Doc, rules: list[Span]) -> None:
    """Merge rule spans into ``doc.ents`` by the module's rule (in place)."""
    ents = list(doc.ents)
    for span in rules:
        inside = [e for e in ents if e.start >= span.start and e.end <= span.end]
        partial = [
            e for e in ents
            if e not in inside and e.start < span.end and span.start < e.end
        ]
        if partial:
            continue
        ents = [e for e in ents if e not in inside] + [span]
    doc.ents = sorted(ents, key=lambda e: e.start)


class OrgNames:
    """The ``newsfacts_org_names`` component (stateless)."""

    def __call__(self, doc: Doc) -> Doc:
        merge_org_names(doc, find_org_names(doc))
        return doc


@Language.factory("newsfacts_org_names")
def make_org_names(nlp: Language, name: str) -> OrgNames:
    """Factory for :class:`OrgNames`."""
    return OrgNames()
