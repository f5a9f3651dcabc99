"""In-article coreference: factory ``newsfacts_coref``.

Groups the named entities of ``doc.ents`` (``COREF_LABELS``: PERSON, ORG, GPE, LOC, FAC, NORP,
PRODUCT, EVENT, WORK_OF_ART, LAW) into the entities of the article (``doc._.entities``:
list[:class:`~newsfacts.facts.Entity`]): which mentions, aliases and descriptions name one
thing *within one article*. Joining the entities of different articles (entity resolution)
is the store's work (:mod:`newsfacts.store.resolution`).

Rules, applied in order:

1. Mention spans are trimmed of a leading determiner ("the") and a trailing possessive ("'s").
2. Mentions with the same :func:`~newsfacts.name_keys.coref_key` (case, punctuation and
   whitespace folded) and type are one entity. The canonical name is the longest mention text.
3. Appositive aliases: "X (ie, the Y)", "X (i.e. Y)", "X (namely Y)" (cue phrases:
   ``ALIAS_CUES``), "X, or Y," and abbreviations "Long Name (ABC)" make Y an alias of X; later
   mentions of Y join X.
4. A single-token PERSON mention equal to the surname or given name of exactly one longer PERSON
   of the article joins it ("Chen" after "Chen Long"). An ORG mention that is the tail of exactly
   one longer ORG ("Supervision Bureau" after "Guangzhou Financial Supervision Bureau") joins it.
5. "the <noun>" ("the bureau") joins the one ORG of the article whose last word is that noun,
   when there is exactly one; it is added as an alias mention.

Roles (``Entity.roles``) and affiliations (``Entity.affiliations``: the organisations named in a
role, "the bureau" included once resolved): a role noun just before a PERSON ("Reporter Huang Xinyu"; with the
organisation when the mention sits in parentheses after an ORG: "reporter (Beijing News)"), an
appositive role ("Chen Long, chief of X,") and "served as / was appointed (the) ROLE" phrases,
with the year when the clause holds one. Role nouns: ``ROLE_NOUNS``, common news job titles;
role verbs: ``ROLE_VERBS`` (both in :mod:`newsfacts.lexicon.en.names`).
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..facts import Entity, EntityMention
from ..lexicon.en.names import (ALIAS_CUES, DETERMINERS, NAME_FUNCTION_WORDS, POSSESSIVE_TOKENS, ROLE_NOUNS,
                                ROLE_VERBS)
from ..name_keys import capital_initials, coref_key

#: Entity labels that coreference groups (OntoNotes names; numeric and date types are left out).
COREF_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
#: Labels of an entity in "ORG (reporter X)" that the role "reporter (ORG)" names.
ROLE_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
#: Labels of the entities a role can name as a PERSON's affiliation.
AFFILIATION_LABELS = frozenset({"ORG", "GPE"})
#: Tokens that end an appositive role ("Chen Long, chief of X, said").
_ROLE_END = frozenset({",", ".", ";", "(", ")"})


def _cue_pattern(separator: str, final_period: str) -> str:
    """``ALIAS_CUES`` as regex alternatives: words joined by ``separator``; a cue's last period
    becomes ``final_period``."""
    alts = []
    for cue in ALIAS_CUES:
        body = cue[:-1] if cue.endswith(".") else cue
        alt = separator.join(re.escape(w) for w in body.split())
        alts.append(alt + final_period if cue.endswith(".") else alt)
    return "|".join(alts)


_APPOSITIVE = re.compile(
    r"""^\s*["'”’]?\s*\(\s*(?:(?:""" + _cue_pattern(r"\s+", r"\.?") + r""")\s*[,:]?\s*)?"""
    r"""(?:the\s+)?(?P<alias>[^()]{2,80}?)\s*\)""",
    re.IGNORECASE,
)
#: A cue phrase inside a matched appositive (lower-cased), words one space apart.
_CUE = re.compile(r"\b(" + _cue_pattern(" ", "") + r")\b")
_OR_ALIAS = re.compile(r"^,\s+or\s+(?:the\s+)?([A-Z][^,]{1,60}),")


def trim_span(span: Span) -> Span:
    """Drop leading determiners/punctuation/whitespace tokens and trailing possessives,
    punctuation and whitespace tokens from a span (spaCy's NER can end an entity on a
    whitespace token holding a line break: a mention must not run past its sentence)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in POSSESSIVE_TOKENS
                               or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return Span(doc, start, end, label=span.label_)


def _looks_like_name(text: str) -> bool:
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if not words or len(words) > 10:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(1, len(words) - sum(1 for w in words if w.lower() in NAME_FUNCTION_WORDS))


class _Cluster:
    __slots__ = ("type", "spans", "aliases", "roles", "keys", "role_spans")

    def __init__(self, type_: str):
        self.type = type_
        self.spans: list[tuple[int, int]] = []
        self.aliases: list[str] = []
        self.roles: list[str] = []
        self.role_spans: list[tuple[int, int]] = []
        self.keys: set[str] = set()

    def add_role(self, role: Optional["Role"]) -> None:
        """Keep a role (its text once, with the char span it was read from)."""
        if role and role[0] not in self.roles:
            self.roles.append(role[0])
            self.role_spans.append(role[1:])


Role = tuple[str, int, int]  # (role text, start_char, end_char of the text it was read from)


class _Clusters:
    """The clusters of one article, in order of first mention, and ``(type, coref key) -> cluster``."""

    def __init__(self) -> None:
        self.list: list[_Cluster] = []
        self.by_key: dict[tuple[str, str], _Cluster] = {}

    def for_mention(self, span: Span, key: str) -> _Cluster:
        """Rules 2 and 4: the cluster with this key, else the one longer name it shortens, else a new one."""
        cluster = self.by_key.get((span.label_, key))
        if cluster is None:
            cluster = _partial_match(span, self.list)
        if cluster is None:
            cluster = _Cluster(span.label_)
            self.list.append(cluster)
        return cluster

    def add_mention(self, cluster: _Cluster, span: Span) -> None:
        cluster.spans.append((span.start_char, span.end_char))
        cluster.keys.add(coref_key(span.text))
        self.by_key[(cluster.type, coref_key(span.text))] = cluster

    def add_alias(self, cluster: _Cluster, label: str, alias: str, start: int, end: int) -> None:
        """Rule 3: the alias's span joins ``cluster``, and so does the cluster already holding its key."""
        if (start, end) not in cluster.spans:
            cluster.spans.append((start, end))
        a_key = coref_key(alias)
        other = self.by_key.get((label, a_key))
        if other is not None and other is not cluster:
            self.absorb(cluster, other)
        self.by_key[(label, a_key)] = cluster
        cluster.keys.add(a_key)
        if alias not in cluster.aliases:
            cluster.aliases.append(alias)

    def absorb(self, keep: _Cluster, other: _Cluster) -> None:
        keep.spans.extend(other.spans)
        keep.keys |= other.keys
        for role, rspan in zip(other.roles, other.role_spans):
            if role not in keep.roles:
                keep.roles.append(role)
                keep.role_spans.append(rspan)
        for k in other.keys:
            self.by_key[(keep.type, k)] = keep
        self.list.remove(other)


# --------------------------------------------------------------------------- roles


def _role_before(span: Span) -> Optional[Role]:
    """"Reporter Huang Xinyu" -> "reporter"; "(Reporter X)" after an ORG -> "reporter (ORG)"."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in ROLE_NOUNS:
        return None
    role = doc[i].lower_
    j = i - 1
    if j >= 0 and doc[j].text == "(":
        org = next((e for e in doc.ents if e.end == j and e.label_ in ROLE_ORG_LABELS), None)
        if org is not None:
            return f"{role} ({trim_span(org).text})", org.start_char, span.start_char
    return role, doc[i].idx, span.start_char


def _role_appositive(span: Span) -> Optional[Role]:
    """"Chen Long, chief of the X department," -> "chief of the X department"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    k = span.end + 1
    if doc[k].lower_ in DETERMINERS:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ROLE_NOUNS:
        return None
    end = k
    while end < len(doc) and doc[end].text not in _ROLE_END and end - k < 15:
        end += 1
    role = doc[span.end + 1:end]
    return role.text, role.start_char, role.end_char


def _role_target(span: Span) -> Optional[tuple[Token, Token]]:
    """``(verb, role noun)`` when the mention is the subject of "served as ROLE" or of a
    ``ROLE_VERBS`` verb with ROLE as attribute or object predicate (dependency parse)."""
    head: Token = span.root
    if head.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = head.head
    target: Optional[Token] = None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ in {"attr", "oprd"} and verb.lemma_ in ROLE_VERBS:
            target = child
        if target is not None:
            break
    if target is None or target.lower_ not in ROLE_NOUNS:
        return None
    return verb, target


def _role_extent(target: Token) -> tuple[int, int]:
    """Token range of the role headed by ``target``: its subtree without a date prepositional
    phrase ("in 2018") and without leading determiners."""
    doc = target.doc
    tokens = [t for t in target.subtree if not (t.dep_ == "prep" and t.lower_ == "in" and t.i > target.i
                                                 and any(c.ent_type_ == "DATE" for c in t.subtree))]
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens) + 1
    while lo < hi and doc[lo].lower_ in DETERMINERS:
        lo += 1
    # stop before a date prepositional phrase ("in 2018")
    for t in doc[lo:hi]:
        if t.lower_ == "in" and t.i + 1 < hi and doc[t.i + 1].ent_type_ == "DATE":
            hi = t.i
            break
    return lo, hi


def _date_entities(sent: Span) -> list[str]:
    """Texts of the DATE entities that lie inside ``sent``, read from the token annotations
    (``Span.ents`` scans every entity of the document: quadratic over a long article)."""
    doc, out, i = sent.doc, [], sent.start
    while i < sent.end:
        if doc[i].ent_iob_ == "B":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if doc[i].ent_type_ == "DATE" and j <= sent.end:
                out.append(doc[i:j].text)
            i = j
        else:
            i += 1
    return out


def _role_copula(span: Span) -> Optional[Role]:
    """"X served as the chief of Y in 2018" -> "chief of Y (2018)" (dependency parse)."""
    found = _role_target(span)
    if found is None:
        return None
    verb, target = found
    lo, hi = _role_extent(target)
    role = span.doc[lo:hi]
    years = [t for t in _date_entities(verb.sent) if re.fullmatch(r"(1[89]|20)\d\d", t)]
    text = f"{role.text} ({years[0]})" if years else role.text
    return text, role.start_char, role.end_char


# --------------------------------------------------------------------------- the component


class Coref:
    """The ``newsfacts_coref`` component: see the module docstring for the rules."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = cluster_entities(doc)
        return doc


def cluster_entities(doc: Doc) -> list[Entity]:
    """Cluster ``doc.ents`` into the article's entities (rules in the module docstring).

    Returns entities in order of first mention; each mention is a trimmed char span of ``doc``.
    """
    text = doc.text  # built once: Doc.text joins every token on each access
    mentions = [m for m in (trim_span(e) for e in doc.ents if e.label_ in COREF_LABELS) if m.text.strip()]
    mentions = [m for m in mentions if m.text.strip() and any(ch.isalpha() for ch in m.text)]
    clusters = _Clusters()
    for span in mentions:
        key = coref_key(span.text)
        if not key:
            continue
        cluster = clusters.for_mention(span, key)
        clusters.add_mention(cluster, span)
        if span.label_ == "PERSON":
            for role in (_role_before(span), _role_appositive(span), _role_copula(span)):
                cluster.add_role(role)
        found = _appositive_alias(span, text)
        if found:
            clusters.add_alias(cluster, span.label_, *found)
    _definite_descriptions(doc, clusters.list, text)
    kept = [c for c in clusters.list if c.spans]
    entities = [_to_entity(text, c) for c in kept]
    _affiliations(kept, entities)
    return entities


def _affiliations(clusters: list[_Cluster], entities: list[Entity]) -> None:
    """An entity's affiliations: the ORG/GPE entities with a mention inside one of its roles."""
    for c, ent in zip(clusters, entities):
        for rs, re_ in c.role_spans:
            for k, other in enumerate(clusters):
                if other.type in AFFILIATION_LABELS and other is not c and k not in ent.affiliations:
                    if any(rs <= s and e <= re_ for s, e in other.spans):
                        ent.affiliations.append(k)


def _partial_match(span: Span, clusters: list[_Cluster]) -> Optional[_Cluster]:
    """Rule 4: a short PERSON/ORG mention joining exactly one longer entity of its type."""
    key = coref_key(span.text)
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


def _appositive_alias(span: Span, text: str) -> Optional[tuple[str, int, int]]:
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
            return found if capital_initials(span.text).upper().startswith(alias[0]) else None
        if _looks_like_name(alias) and _CUE.search(m.group(0).lower()):
            return found
        return None
    m = _OR_ALIAS.match(rest)
    if m and _looks_like_name(m.group(1)):
        alias = m.group(1).strip()
        return alias, base + m.start(1), base + m.start(1) + len(alias)
    return None


def _definite_descriptions(doc: Doc, clusters: list[_Cluster], text: str) -> None:
    """Rule 5: "the bureau" joins the only ORG whose last word is "bureau"."""
    orgs_by_head = _orgs_by_head(clusters)
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


def _orgs_by_head(clusters: list[_Cluster]) -> dict[str, list[_Cluster]]:
    """``{last word of a key: the ORG clusters with such a key}``."""
    orgs_by_head: dict[str, list[_Cluster]] = {}
    for c in clusters:
        if c.type == "ORG":
            heads = {k.split()[-1] for k in c.keys if k}
            for h in heads:
                orgs_by_head.setdefault(h, []).append(c)
    return orgs_by_head


def _to_entity(text: str, c: _Cluster) -> Entity:
    spans = sorted(set(c.spans))
    texts = [text[s:e] for s, e in spans]
    # canonical name: the longest mention that is not a description ("the bureau")
    named = [t for t in texts if t[:1].isupper()] or texts
    name = max(named, key=lambda t: (len(t), -texts.index(t)))
    aliases = []
    for t in texts + c.aliases:
        if coref_key(t) != coref_key(name) and t not in aliases:
            aliases.append(t)
    return Entity(
        type=c.type,
        name=name,
        aliases=aliases,
        mentions=[EntityMention(s, e, text[s:e]) for s, e in spans],
        roles=list(c.roles),
    )


@Language.factory(
    "newsfacts_coref",
    assigns=["doc._.entities"],
    # token.pos is read too (rule 5); en_core_web_sm sets it in its attribute_ruler, which
    # declares nothing, so requiring it would make analyze_pipes report a problem that is none
    requires=["doc.ents", "doc.sents", "token.tag", "token.dep", "token.head", "token.lemma", "token.ent_type"],
    default_config={},
)
def make_coref(nlp: Language, name: str) -> Coref:
    """Factory for :class:`Coref` (stateless)."""
    return Coref()
