"""The dates stage: TIMEX3 recognition and normalisation against the publication date.

Factory ``newsfacts_dates`` (:func:`make_dates`). It writes

- ``doc._.dates``: list[:class:`~newsfacts.facts.DateMention`] sorted by ``start`` (char offsets
  into ``doc.text``), each with a TIMEX3 ``type``/``value``/``mod`` and an ``anchor``;
- ``doc._.published`` / ``published_inferred`` / ``published_precision`` when no publication
  date was given and the text lets the year be inferred.

Candidates come from the rule set in :mod:`.rules` (regular expressions over the text, longest
match wins) and from spaCy's DATE/TIME entities that no rule covers (:mod:`.entities`:
normalised with ``dateparser`` when they hold a month name, a weekday or a four-digit year; the
others are dropped, which is what removes ages, ordinals, counts and ID numbers that spaCy tags
DATE). The parse is used for the checks the rules ask for (:mod:`.checks`: the modal "may",
"fall" the verb, counts like "2000 people", numbers after "Figure", "No.", "$") and for the
tense of the governing verb (:func:`.checks.tense`): past -> a month-day/month/weekday reading
not after the publication date, future ("will be held on May 9") -> not before it, present or
none ("the offer expires Dec. 15", a date after "payable"/"until"/"effective") -> the nearest
reading (see :mod:`.rules`). In a pipeline without a parser no verb is found, so month-days
take the nearest reading and weekdays the most recent one.

Value conventions: see the table in :mod:`.rules`. Anchors: "explicit" (the value needs no
anchor: "March 31, 2020", "P21M", "PRESENT_REF"), "publication" (resolved against the given
publication date), "inferred" (against the inferred one: only its year is known, so day-level
relative expressions become "2020-XX-XX"), "none" (no anchor: "XXXX-05-09"). Relative
expressions tied to a previous mention ("a year earlier") take that mention's anchor.

Publication date inference (when ``doc._.published`` is None, :mod:`.publication`): a
dateline's full date ("BEIJING, May 10, 2020 --") is taken whole (precision "day"); otherwise
the latest explicit full date with a year in the text (month-day-year, day-month-year, ISO or
numeric) gives the year; ``doc._.published`` becomes January 1 of that year with precision
"year" (only the year is meaningful) and ``published_inferred`` True. Without such a date
nothing is inferred. The system clock is never read.

Time is linear in the text length: the text is built once per call, every rule scans it once,
and the choice among overlapping candidates is a bisection per candidate.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...facts import DateMention, register_extensions
from . import checks, rules
from .entities import dateparser_value, spacy_candidates
from .publication import dateline_date, infer_publication
from .timex import Context, Timex

#: Kinds whose value never becomes the reference time of later mentions ("a year earlier"):
#: durations, intervals, readings relative to the reported period, adjectives.
NOT_A_REFERENCE = frozenset({"duration", "interval", "fiscal", "adj_relative", "the_unit", "current",
                             "year_in_context"})
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d|Q\d|H\d|W\d\d))?")
_YEAR_IN_TEXT = re.compile(r"\b(1[6-9]|20)\d\d\b")


class _Reading:
    """One pass over a document's candidates in text order: the publication date and the
    context earlier mentions leave (the last calendar value and its anchor, the last explicit
    year), turning each candidate into mentions."""

    def __init__(self, doc: Doc, text: str, dct: Optional[dt.date], precision: Optional[str], inferred: bool):
        self.doc, self.text = doc, text
        self.dct, self.precision, self.inferred = dct, precision, inferred
        self.ref: Optional[tuple[str, str]] = None  # (value, anchor) of the last calendar mention
        self.last_year: Optional[int] = None

    def context(self, tense: Optional[str]) -> Context:
        """The :class:`Context` of the next mention, read in ``tense``."""
        return Context(dct=self.dct, dct_precision=self.precision, ref=self.ref[0] if self.ref else None,
                       last_year=self.last_year, tense=tense, future=tense == "future")

    def normalise(self, cand: rules.Candidate) -> Optional[Timex]:
        """The candidate's reading in its context, or None (no reading, or a check failed)."""
        s, e = cand.start, cand.end
        ctx = self.context(checks.reading_tense(self.doc, self.text, s, e, cand.name))
        if cand.rule is None:  # a spaCy entity
            got = dateparser_value(self.text[s:e], ctx)
            timex = Timex(got[0], got[1], source=got[2], kind="spacy") if got else None
        else:
            timex = rules.normalise_match(cand, ctx)
        return checks.run_checks(timex, self.doc, self.text, s, e) if timex is not None else None

    def read(self, cand: rules.Candidate) -> list[DateMention]:
        """The mentions of one candidate (none, one, or two for a split "1990-1995")."""
        timex = self.normalise(cand)
        if timex is None:
            return []
        text = self.text
        s, e = rules.trim_span(text, cand.start, cand.end, timex)
        # modifiers to the left: "the beginning of 2019", "about three years", "mid-May"
        s, mod = rules.apply_left_modifier(text, s, e, timex)
        anchor = self.anchor(timex.source)
        begin, end_value = timex.begin, timex.end_value
        if begin is None and timex.type == "DATE" and rules.prev_words(text, s) == ["since"]:
            begin, end_value = timex.value, self.since_end()
        out = [DateMention(start=s, end=e, text=text[s:e], type=timex.type, value=timex.value,
                           mod=mod, anchor=anchor, begin=begin, end_value=end_value)]
        if timex.split:  # "1990-1995": the second year is its own mention
            ss, se, sv = timex.split
            out.append(DateMention(start=ss, end=se, text=text[ss:se], type="DATE", value=sv, anchor="explicit"))
        self.remember(timex, text[s:e], anchor)
        return out

    def since_end(self) -> str:
        """The end of a "since 2019" interval: the publication date (its year when only the year
        is known), else PRESENT_REF."""
        if self.dct is None:
            return "PRESENT_REF"
        return self.dct.isoformat() if self.precision == "day" else f"{self.dct.year:04d}"

    def anchor(self, source: str) -> str:
        """The mention's anchor for a reading's ``source``."""
        if source in ("explicit", "none"):
            return source
        if source == "ref":
            return self.ref[1] if self.ref else "explicit"
        return "inferred" if self.inferred else "publication"

    def remember(self, timex: Timex, span_text: str, anchor: str) -> None:
        """Update the context for later mentions: a calendar value resolved from the text or the
        DCT becomes the reference time; an explicit year in the text the last year."""
        val = timex.value or ""
        if (timex.type in ("DATE", "TIME") and _CALENDAR_VALUE.match(val)
                and timex.kind not in NOT_A_REFERENCE and timex.source in ("explicit", "dct")):
            self.ref = (val.split("T")[0], anchor)
        if timex.type == "DATE" and timex.source == "explicit" and _YEAR_IN_TEXT.search(span_text):
            m = re.match(r"(\d{4})", timex.end_value or val)
            if m:
                self.last_year = int(m.group(1))


def publication(doc: Doc, text: str, cands: list[rules.Candidate]) -> tuple[Optional[dt.date], Optional[str]]:
    """The DCT and its precision ("day" | "year"): the given ``doc._.published`` (a timestamp's
    date), else a dateline's date, else January 1 of the inferred year (see :mod:`.publication`);
    an inferred one is written to ``doc._.published*``. (None, None) when there is none."""
    dct: Optional[dt.date] = doc._.published
    if isinstance(dct, dt.datetime):  # a timestamp: only its calendar date is an anchor
        dct = dct.date()
    precision = doc._.published_precision
    if dct is not None:
        return dct, precision or "day"
    dct, precision = dateline_date(text, cands), "day"
    if dct is None:
        year = infer_publication(cands)
        if year is None:
            return None, None
        dct, precision = dt.date(year, 1, 1), "year"
    doc._.published = dct
    doc._.published_inferred = True
    doc._.published_precision = precision
    return dct, precision


class DatesComponent:
    """Callable spaCy component; see the module docstring. Stateless apart from the rule tables.

    ``use_spacy_entities``: also take spaCy DATE/TIME entities that the rules miss (normalised
    with dateparser)."""

    def __init__(self, use_spacy_entities: bool):
        self.use_spacy_entities = use_spacy_entities

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        cands = rules.find_timexes(text)
        dct, precision = publication(doc, text, cands)
        reading = _Reading(doc, text, dct, precision, bool(doc._.published_inferred))
        if self.use_spacy_entities:
            cands = sorted(cands + spacy_candidates(doc, cands), key=lambda c: c.start)
        mentions = [m for cand in cands for m in reading.read(cand)]
        mentions.sort(key=lambda d: (d.start, d.end))
        doc._.dates = mentions
        return doc


@Language.factory(
    "newsfacts_dates",
    assigns=["doc._.dates", "doc._.published", "doc._.published_inferred", "doc._.published_precision"],
    # token.pos is read too; en_core_web_sm sets it in its attribute_ruler, which declares no
    # assigns, so listing it here would make nlp.analyze_pipes() report a problem that is not one
    requires=["doc.ents", "token.tag", "token.dep", "token.head", "token.lemma"],
    default_config={"use_spacy_entities": True},
)
def make_dates(nlp: Language, name: str, use_spacy_entities: bool) -> DatesComponent:
    """Build the dates component (see the module docstring). ``use_spacy_entities``: also take
    spaCy DATE/TIME entities that the rules miss (normalised with dateparser)."""
    register_extensions()
    return DatesComponent(use_spacy_entities=use_spacy_entities)
