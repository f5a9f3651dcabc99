"""In-article entity linking: factory ``newsfacts_linker``.

Groups the named entities of ``doc.ents`` (PERSON, ORG, GPE, LOC, FAC, NORP, PRODUCT, EVENT,
WORK_OF_ART, LAW) into canonical entities (``doc._.entities``: list[:class:`~newsfacts.facts.Entity`]).

Rules, applied in order:

1. Mention spans are trimmed of a leading determiner ("the") and a trailing possessive ("'s").
2. Mentions with the same normalised key (case, punctuation and whitespace folded) and type are
   one entity. The canonical name is the longest mention text.
3. Appositive aliases: "X (ie, the Y)", "X (i.e. Y)", "X (namely Y)", "X, or Y," and
   abbreviations "Long Name (ABC)" make Y an alias of X; later mentions of Y join X.
4. A single-token PERSON mention equal to the surname or given name of exactly one longer PERSON
   of the article joins it ("Chen" after "Chen Long"). An ORG mention that is the tail of exactly
   one longer ORG ("Supervision Bureau" after "Guangzhou Financial Supervision Bureau") joins it.
5. "the <noun>" ("the bureau") joins the one ORG of the article whose last word is that noun,
   when there is exactly one; it is added as an alias mention.

Roles (``Entity.roles``) and affiliations (``Entity.affiliations``: the organisations named in a
role, "the bureau" included once resolved): a role noun just before a PERSON ("Reporter Huang Xinyu"; with the
organisation when the mention sits in parentheses after an ORG: "reporter (Beijing News)"), an
appositive role ("Chen Long, chief of X,") and "served as / was appointed (the) ROLE" phrases,
with the year when the clause holds one. Role nouns: ``ROLE_NOUNS``, common news job titles.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..facts import Entity, EntityMention

LINKED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)

#: Common job titles in news (lower case). A role is only taken when one of these heads it.
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
_APPOSITIVE = re.compile(
    r"""^\s*["'”’]?\s*\(\s*(?:(?:ie|i\.e\.?|namely|that\s+is|hereinafter|hereafter|abbreviated|short\s+for)\s*[,:]?\s*)?"""
    r"""(?:the\s+)?(?P<alias>[^()]{2,80}?)\s*\)""",
    re.IGNORECASE,
)
_KEY_STRIP = re.compile(r"[^\w]+")


def norm_key(name: str) -> str:
    """Normalised key of a name: lower case, leading "the" and possessive dropped, punctuation folded."""
    s = name.strip()
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    s = re.sub(r"(?:'s|’s|'|’)$", "", s)
    return _KEY_STRIP.sub(" ", s.lower()).strip()


def trim_span(span: Span) -> Span:
    """Drop leading determiners/punctuation and a trailing possessive or punctuation from a span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end - 1 > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "’s"} or doc[end - 1].is_punct):
        end -= 1
    return Span(doc, start, end, label=span.label_)


def _looks_like_name(text: str) -> bool:
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if not words or len(words) > 10:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(1, len(words) - sum(1 for w in words if w.lower() in {"of", "for", "and", "the", "on"}))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


class _Cluster:
    __slots__ = ("type", "spans", "aliases", "roles", "keys", "role_spans")

    def __init__(self, type_: str):
        self.type = type_
        self.spans: list[tuple[int, int]] = []
        self.aliases: list[str] = []
        self.roles: list[str] = []
        self.role_spans: list[tuple[int, int]] = []
        self.keys: set[str] = set()


Role = tuple[str, int, int]  # (role text, start_char, end_char of the text it was read from)


def _role_before(span: Span) -> Optional[Role]:
    """"Reporter Huang Xinyu" -> "reporter"; "(Reporter X)" after an ORG -> "reporter (ORG)"."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in ROLE_NOUNS:
        return None
    role = doc[i].lower_
    j = i - 1
    if j >= 0 and doc[j].text == "(":
        org = next((e for e in doc.ents if e.end == j and e.label_ in {"ORG", "NORP", "GPE"}), None)
        if org is not None:
            return f"{role} ({trim_span(org).text})", org.start_char, span.start_char
    return role, doc[i].idx, span.start_char


def _role_appositive(span: Span) -> Optional[Role]:
    """"Chen Long, chief of the X department," -> "chief of the X department"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    k = span.end + 1
    if doc[k].lower_ in {"the", "a", "an"}:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ROLE_NOUNS:
        return None
    end = k
    while end < len(doc) and doc[end].text not in {",", ".", ";", "(", ")"} and end - k < 15:
        end += 1
    role = doc[span.end + 1:end]
    return role.text, role.start_char, role.end_char


def _role_copula(span: Span) -> Optional[Role]:
    """"X served as the chief of Y in 2018" -> "chief of Y (2018)" (dependency parse)."""
    head: Token = span.root
    if head.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = head.head
    target: Optional[Token] = None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ in {"attr", "oprd"} and verb.lemma_ in {"be", "become", "remain", "serve", "appoint", "name"}:
            target = child
        if target is not None:
            break
    if target is None or target.lower_ not in ROLE_NOUNS:
        return None
    tokens = [t for t in target.subtree if not (t.dep_ == "prep" and t.lower_ == "in" and t.i > target.i and any(c.ent_type_ == "DATE" for c in t.subtree))]
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens) + 1
    doc = span.doc
    while lo < hi and doc[lo].lower_ in {"the", "a", "an"}:
        lo += 1
    # stop before a date prepositional phrase ("in 2018")
    for t in doc[lo:hi]:
        if t.lower_ == "in" and t.i + 1 < hi and doc[t.i + 1].ent_type_ == "DATE":
            hi = t.i
            break
    role = doc[lo:hi]
    years = [e.text for e in verb.sent.ents if e.label_ == "DATE" and re.fullmatch(r"(1[89]|20)\d\d", e.text)]
    text = f"{role.text} ({years[0]})" if years else role.text
    return text, role.start_char, role.end_char


class Linker:
    """The ``newsfacts_linker`` component: see the module docstring for the rules."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = link(doc)
        return doc


def link(doc: Doc) -> list[Entity]:
    """Cluster ``doc.ents`` into canonical entities (rules in the module docstring).

    Returns entities in order of first mention; each mention is a trimmed char span of ``doc``.
    """
    text = doc.text  # built once: Doc.text joins every token on each access
    mentions = [trim_span(e) for e in doc.ents if e.label_ in LINKED_LABELS]
    mentions = [m for m in mentions if m.text.strip() and any(ch.isalpha() for ch in m.text)]
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}

    def add(cluster: _Cluster, span: Span) -> None:
        cluster.spans.append((span.start_char, span.end_char))
        cluster.keys.add(norm_key(span.text))
        by_key[(cluster.type, norm_key(span.text))] = cluster

    for span in mentions:
        key = norm_key(span.text)
        if not key:
            continue
        cluster = by_key.get((span.label_, key))
        if cluster is None:
            cluster = _partial_match(span, clusters)
        if cluster is None:
            cluster = _Cluster(span.label_)
            clusters.append(cluster)
        add(cluster, span)
        if span.label_ == "PERSON":
            for role in (_role_before(span), _role_appositive(span), _role_copula(span)):
                if role and role[0] not in cluster.roles:
                    cluster.roles.append(role[0])
                    cluster.role_spans.append(role[1:])
        found = _appositive_alias(doc, span, text)
        if found:
            alias, a_start, a_end = found
            if (a_start, a_end) not in cluster.spans:
                cluster.spans.append((a_start, a_end))
            a_key = norm_key(alias)
            other = by_key.get((span.label_, a_key))
            if other is not None and other is not cluster:
                _absorb(cluster, other, clusters, by_key)
            by_key[(span.label_, a_key)] = cluster
            cluster.keys.add(a_key)
            if alias not in cluster.aliases:
                cluster.aliases.append(alias)
    _definite_descriptions(doc, clusters, text)
    clusters = [c for c in clusters if c.spans]
    entities = [_to_entity(text, c) for c in clusters]
    for c, ent in zip(clusters, entities):  # affiliations: organisations named inside a role
        for rs, re_ in c.role_spans:
            for k, other in enumerate(clusters):
                if other.type in {"ORG", "GPE"} and other is not c and k not in ent.affiliations:
                    if any(rs <= s and e <= re_ for s, e in other.spans):
                        ent.affiliations.append(k)
    return entities


def _partial_match(span: Span, clusters: list[_Cluster]) -> Optional[_Cluster]:
    """Rule 4: a short PERSON/ORG mention joining exactly one longer entity of its type."""
    key = norm_key(span.text)
    words = key.split()
    hits = []
    for c in clusters:
        if c.type != span.label_:
            continue
        for k in c.keys:
            kw = k.split()
            if len(kw) <= len(words):
                continue
            if span.label_ == "PERSON" and len(words) == 1 and words[0] in (kw[0], kw[-1]):
                hits.append(c)
                break
            if span.label_ == "ORG" and len(words) >= 2 and kw[-len(words):] == words:
                hits.append(c)
                break
    return hits[0] if len(hits) == 1 else None


def _appositive_alias(doc: Doc, span: Span, text: str) -> Optional[tuple[str, int, int]]:
    """Rule 3: ``(alias, start_char, end_char)`` of the alias introduced right after ``span``, or None."""
    base = span.end_char
    rest = text[base:base + 120]
    m = _APPOSITIVE.match(rest)
    if m:
        raw = m.group("alias")
        lead = len(raw) - len(raw.lstrip(" \"'"))
        alias = raw.strip().strip("\"'")
        start = base + m.start("alias") + lead
        found = (alias, start, start + len(alias))
        if alias.isupper() and 2 <= len(alias) <= 8 and alias.isalpha():
            return found if _initials(span.text).upper().startswith(alias[0]) else None
        cue = m.group(0).lower()
        if _looks_like_name(alias) and re.search(r"\b(ie|i\.e|namely|that is|hereinafter|hereafter|abbreviated|short for)\b", cue):
            return found
        return None
    m = re.match(r"^,\s+or\s+(?:the\s+)?([A-Z][^,]{1,60}),", rest)
    if m and _looks_like_name(m.group(1)):
        alias = m.group(1).strip()
        return alias, base + m.start(1), base + m.start(1) + len(alias)
    return None


def _absorb(keep: _Cluster, other: _Cluster, clusters: list[_Cluster], by_key: dict) -> None:
    keep.spans.extend(other.spans)
    keep.keys |= other.keys
    for role, rspan in zip(other.roles, other.role_spans):
        if role not in keep.roles:
            keep.roles.append(role)
            keep.role_spans.append(rspan)
    for k in other.keys:
        by_key[(keep.type, k)] = keep
    clusters.remove(other)


def _definite_descriptions(doc: Doc, clusters: list[_Cluster], text: str) -> None:
    """Rule 5: "the bureau" joins the only ORG whose last word is "bureau"."""
    orgs_by_head: dict[str, list[_Cluster]] = {}
    for c in clusters:
        if c.type == "ORG":
            heads = {k.split()[-1] for k in c.keys if k}
            for h in heads:
                orgs_by_head.setdefault(h, []).append(c)
    taken = {s for c in clusters for s in c.spans}
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 >= len(doc):
            continue
        noun = doc[tok.i + 1]
        if noun.pos_ != "NOUN" or noun.ent_type_ or noun.is_title:
            continue
        if tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ in {"NOUN", "PROPN"}:
            continue  # "the bureau chief": a modifier, not a description
        cands = orgs_by_head.get(noun.lower_, [])
        if len(cands) != 1:
            continue
        first = min(cands[0].spans)[0]
        span = (tok.idx, noun.idx + len(noun.text))
        if span[0] > first and span not in taken:
            cands[0].spans.append(span)
            alias = text[span[0]:span[1]]
            if alias.lower() not in (a.lower() for a in cands[0].aliases):
                cands[0].aliases.append(alias)


def _to_entity(text: str, c: _Cluster) -> Entity:
    spans = sorted(set(c.spans))
    texts = [text[s:e] for s, e in spans]
    # canonical name: the longest mention that is not a description ("the bureau")
    named = [t for t in texts if t[:1].isupper()] or texts
    name = max(named, key=lambda t: (len(t), -texts.index(t)))
    aliases = []
    for t in texts + c.aliases:
        if norm_key(t) != norm_key(name) and t not in aliases:
            aliases.append(t)
    return Entity(
        type=c.type,
        name=name,
        aliases=aliases,
        mentions=[EntityMention(s, e, text[s:e]) for s, e in spans],
        roles=list(c.roles),
    )


@Language.factory("newsfacts_linker")
def make_linker(nlp: Language, name: str) -> Linker:
    """Factory for :class:`Linker` (stateless)."""
    return Linker()
