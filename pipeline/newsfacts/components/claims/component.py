"""The ``newsfacts_claims`` spaCy component: :class:`ClaimExtractor` and its factory.

The component runs the passes of the package in order (see the package docstring) on one
``Doc``: quantities from tokens, shared units, exclusions, ranges and pairs, the analysis of
each quantity (concept, change, time, entity) into a token-level :class:`~.model.Draft`, the
post-passes over neighbouring drafts, the holders; the character-offset
:class:`~newsfacts.facts.Claim` objects are made once, at the end.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...facts import Claim
from .attribution import entity, holder
from .change import find_change
from .concept import clean_concept, counted_concept, fallback_concept, names_a_date, syntax_concept
from .exclusions import excluded, fired, model_numbers
from .model import Analysis, DocContext, Draft, Quantity
from .quantities import scan
from .ranges import join, share_pair_units, share_units
from .restatements import POST_PASSES, conversion_shares_holder
from .syntax import anchor, clause_verb, governor, is_baseline, subject
from .time import claim_time, date_index


class ClaimExtractor:
    """Find numeric claims in a parsed ``Doc`` and write them to ``doc._.claims``
    (``list[Claim]`` sorted by start offset).

    Args:
        include_ages: also report ages ("45-year-old", "aged 45") as claims with a time unit.
    """

    def __init__(self, include_ages: bool):
        self.include_ages = include_ages

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[Claim]:
        """Return the numeric claims of ``doc`` sorted by start offset."""
        return [d.to_claim(doc) for d in self.drafts(doc)]

    def drafts(self, doc: Doc) -> list[Draft]:
        """The claims of ``doc`` in token space, sorted, post-passes and holders applied."""
        ctx = DocContext(doc, self.include_ages)
        qs = [q for q in candidates(ctx) if not excluded(ctx, q)]
        qs = join(doc, qs)
        share_units(doc, qs)
        drafts = [analyse(ctx, q) for q in qs if not q.drop]
        drafts.sort(key=lambda d: (d.start, d.end))
        for _, post_pass in POST_PASSES:
            post_pass(doc, drafts)
        for d in drafts:
            d.holder = holder(doc[d.start : d.end])
        conversion_shares_holder(doc, drafts)
        return drafts


def candidates(ctx: DocContext) -> list[Quantity]:
    """The quantities of ``ctx.doc`` before the exclusions: read from the tokens, units shared
    within pairs; sets ``ctx.models`` (the article's model numbers)."""
    qs = scan(ctx.doc)
    share_pair_units(ctx.doc, qs)
    ctx.models = model_numbers(ctx.doc, qs)
    return qs


def explain_exclusions(doc: Doc, include_ages: bool = False) -> list[tuple[Span, list[str]]]:
    """Debug helper: every quantity the stage reads in ``doc`` with the names of the exclusion
    rules that fire for it (all of them, in registry order; an empty list means the quantity
    goes on to become a claim)."""
    ctx = DocContext(doc, include_ages)
    return [(doc[q.start : q.end], fired(ctx, q)) for q in candidates(ctx)]


def analyse(ctx: DocContext, q: Quantity) -> Draft:
    """Pass 3 for one quantity: its concept and unit (counted noun, multiple), its change, its
    concept from the parse or a fallback, its evidence (kept in the sentence), entity and date."""
    doc = ctx.doc
    head = anchor(doc, q)
    gov, prep = governor(head)
    st = Analysis(doc=doc, q=q, anchor=head, gov=gov, prep=prep, unit=q.unit, ev_start=q.cue_start,
                  ev_end=q.end, baseline=is_baseline(doc, q.cue_start))
    counted_concept(st)
    find_change(st)
    syntax_concept(st)
    if st.unit is None:
        st.unit = "count"
    if st.subj_tok is None and not st.counted:
        verb = clause_verb(st.anchor)
        st.subj_tok = subject(verb) if verb is not None else None
    fallback_concept(st)
    sent = doc[q.start].sent
    concept = clean_concept(st.concept)
    if concept is not None and names_a_date(ctx, sent, concept):
        concept = None  # "a 13.3% drop in the first half": a date is not the concept
    index = date_index(ctx, q, sent)
    return Draft(start=q.cue_start, end=q.end, value=q.value, unit=st.unit, approx=q.approx,
                 ev_start=max(st.ev_start, sent.start), ev_end=min(max(st.ev_end, q.end), sent.end),
                 change=st.change, concept=concept, value_max=q.value_max, entity=entity(ctx, st.subj_tok),
                 date_index=index, time=claim_time(doc, index))


@Language.factory(
    "newsfacts_claims",
    default_config={"include_ages": False},
    assigns=["doc._.claims"],
    # token.pos is read too; en_core_web_sm sets it in its attribute_ruler, which declares no
    # assigns, so listing it here would make nlp.analyze_pipes() report a problem that is not one
    requires=["doc._.dates", "doc._.published", "doc._.published_precision", "doc.ents", "doc.sents",
              "token.dep", "token.head", "token.is_sent_start", "token.tag", "token.lemma",
              "token.ent_type", "token.ent_iob"],
)
def make_claims(nlp: Language, name: str, include_ages: bool) -> ClaimExtractor:
    """spaCy factory for :class:`ClaimExtractor` (writes ``doc._.claims``); ``include_ages``
    defaults to False in ``default_config``."""
    return ClaimExtractor(include_ages=include_ages)
