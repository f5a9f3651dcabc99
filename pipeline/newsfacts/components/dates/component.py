"""The dates stage: TIMEX3 recognition and normalisation against the publication date.

Factory ``newsfacts_dates`` (:func:`make_dates`). It writes

- ``doc._.dates``: list[:class:`~newsfacts.facts.DateMention`] sorted by ``start`` (char offsets
  into ``doc.text``), each with a TIMEX3 ``type``/``value``/``mod`` and an ``anchor``;
- ``doc._.published`` / ``published_inferred`` / ``published_precision`` when no publication
  date was given and the text lets the year be inferred.

Candidates come from the rule set in :mod:`newsfacts.timex_rules` (regular expressions over the
text, longest match wins) and from spaCy's DATE/TIME entities that no rule covers (normalised
with ``dateparser`` when they hold a month name, a weekday or a four-digit year; the others are
dropped, which is what removes ages, ordinals, counts and ID numbers that spaCy tags DATE).
The parse is used for filters (the modal "may", "fall" the verb, counts like "2000 people",
numbers after "Figure", "No.", "$") and for the tense of the governing verb (:func:`_tense`):
past -> a month-day/month/weekday reading not after the publication date, future ("will be
held on May 9") -> not before it, present or none ("the offer expires Dec. 15", a date after
"payable"/"until"/"effective") -> the nearest reading (see :mod:`newsfacts.timex_rules`). In a
pipeline without a parser every date reads as past.

Value conventions: see the table in :mod:`newsfacts.timex_rules`. Anchors: "explicit" (the
value needs no anchor: "March 31, 2020", "P21M", "PRESENT_REF"), "publication" (resolved
against the given publication date), "inferred" (against the inferred one: only its year is
known, so day-level relative expressions become "2020-XX-XX"), "none" (no anchor: "XXXX-05-09").
Relative expressions tied to a previous mention ("a year earlier") take that mention's anchor.

Publication date inference (when ``doc._.published`` is None): a dateline's full date ("BEIJING,
May 10, 2020 --", :func:`dateline_date`) is taken whole (precision "day"); otherwise the latest explicit full date
with a year in the text (month-day-year, day-month-year, ISO or numeric) gives the year;
``doc._.published`` becomes January 1 of that year with precision "year" (only the year is
meaningful) and ``published_inferred`` True. Without such a date nothing is inferred. The
system clock is never read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...facts import DateMention, register_extensions
from . import rules as tr

# Words that make a number a count, not a year ("2000 people") are found via the parse; these
# heads keep it a year ("the 1988 period", "2019 elections" are still years).
_TIME_HEADS = {
    "period", "quarter", "season", "year", "budget", "election", "elections", "census", "olympics",
    "games", "crisis", "war", "campaign", "level", "levels", "figure", "figures", "result",
    "results", "earnings", "plan", "target", "model", "edition", "report", "deadline", "rate",
}
_COUNT_PREV = re.compile(
    r"(?i:(?:\$|€|£|¥|#|\bNo\.?|\bNos\.?|\bnumber|\bFigure|\bFig\.|\bTable|\bpage|\bpp?\.|\bRoom|\bRoute"
    r"|\bFlight|\bHighway|\bArticle|\bSection|\bChapter|\bRule|\bResolution|\bBox|\bSuite|\bApt\.?"
    r"|\bPlatform|\bGate|\bBus|\bversion|\bv\.|\bcode|\bhotline|\bphone|\bISO|\bSeries)\s*)$"
)
_MONTH_PREP = {
    "in", "since", "by", "until", "till", "of", "last", "next", "this", "early", "late", "mid",
    "from", "to", "through", "before", "after", "during", "between", "and", "or", "-", "on",
    "throughout", "for", "past", "coming", "around", "as", "that", "each", "every", ",", "the",
}
_SEASON_PREP = {"in", "this", "last", "next", "the", "during", "by", "until", "since", "early",
                "late", "mid", "of", "past", "coming", "each", "every", "through", "before", "after"}
# words before a date that make it a scheduled target whatever the verb's tense
_SCHEDULE_CUES = {"payable", "until", "till", "through", "effective", "due", "expires", "expire",
                  "expiring", "starting", "beginning", "deadline", "scheduled", "record"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_FUTURE_VERBS = {"schedule", "plan", "expect", "due", "set", "intend", "aim"}
_REF_KINDS_SKIP = {"duration", "interval", "fiscal", "adj_relative", "the_unit", "current", "year_in_context"}


def _span(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def _tense(doc: Doc, start: int, end: int) -> Optional[str]:
    """Tense of the verb governing the span, from the parse: "future" ("will be held on May 9",
    "is due to open Friday", "is scheduled for June 3", "is going to"), "past" (VBD, or a
    perfect "has fallen"), "present" (other finite or infinitive verbs), None (no verb)."""
    span = _span(doc, start, end)
    if span is None:
        return None
    tok: Token = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    for t in [tok, *kids]:
        if t.lower_ in _FUTURE_AUX and (t.tag_ == "MD" or t.dep_ in ("aux", "auxpass")):
            return "future"
    if tok.lemma_ in _FUTURE_VERBS and any(c.dep_ in ("xcomp",) for c in kids):
        return "future"
    if tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.subtree):
        return "future"
    if tok.tag_ == "VB" and tok.dep_ == "xcomp" and (tok.head.lemma_ in _FUTURE_VERBS or tok.head.lower_ in ("due", "set")):
        return "future"
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids):
        return "past"
    if tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in kids):
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return "past"
    return "present"


def _prev_words(text: str, start: int, n: int = 1) -> list[str]:
    words = re.findall(r"[\w'-]+|[^\w\s]", text[max(0, start - 60):start])
    return [w.lower() for w in words[-n:]]


def _keep_year(doc: Doc, text: str, start: int, end: int) -> bool:
    """Reject numbers that only look like years: after "$", "No.", "Figure" …; before "%";
    a count ("2000 people"), i.e. a numeric modifier of a plural noun that is not a time word."""
    if _COUNT_PREV.search(text[max(0, start - 20):start]):
        return False
    if start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit():
        return False
    after = text[end:end + 12]
    if re.match(r"\s*(?:%|percent|per\s*cent|[,.]\d|\d|\s*(?:m|km|kg|ft|mw|kw|cc|mm|cm|hp)\b)", after, re.I):
        return False
    span = _span(doc, start, end)
    if span is None:
        return True
    tok = span[-1]
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lower_ not in _TIME_HEADS and tok.head.i > tok.i:
        if tok.head.ent_type_ not in ("DATE", "EVENT"):
            return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].like_num and not doc[tok.i + 1].is_punct:
        return False
    return True


def _accept(needs: set, kind: str, doc: Doc, text: str, start: int, end: int, out: dict) -> bool:
    """Context filters the rules ask for (see :func:`newsfacts.timex_rules.find_timexes`)."""
    span = _span(doc, start, end)
    first = span[0] if span is not None else None
    if kind in ("year", "year_range") and not _keep_year(doc, text, start, end):
        return False
    if "month_ok" in needs:
        word = re.sub(r"(?i)^(?:last|next|this|past|coming)\s+", "", text[start:end])
        prev = _prev_words(text, start)
        ent = first.ent_type_ if first is not None else ""
        if ent in ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "GPE"):
            return False
        if first is not None and first.tag_ == "MD":
            return False
        if word in ("May", "March", "MAY", "MARCH") and word == text[start:end]:
            if not prev or prev[0] not in _MONTH_PREP:
                return False
            nxt = re.match(r"\s*(\w+)", text[end:end + 20])
            if word.lower() == "march" and nxt and nxt.group(1).lower() in ("on", "to", "through", "against", "in"):
                return False
        if first is not None and first.i + 1 < len(doc) and doc[first.i + 1].lower_ in ("'s",) and first.ent_type_ != "DATE":
            return False
    if "season_ok" in needs:
        core = text[start:end].lower()
        prev = _prev_words(text, start)
        explicit_rel = re.match(r"(this|last|next|past|coming|early|late|mid)\b", core)
        tok = span[-1] if span is not None else None
        if tok is not None and tok.pos_ == "VERB":
            return False
        if not explicit_rel:
            if core.startswith("the "):
                if re.match(r"\s+of\b", text[end:end + 5]):
                    return False
            elif not prev or prev[0] not in _SEASON_PREP:
                return False
    if "ref_ok" in needs:
        w = text[start:end].lower()
        if text[start:end] == "Now" and first is not None and first.is_sent_start and re.match(r"\s*,", text[end:end + 2]):
            return False  # discourse "Now, ..."
        if w == "the past" and re.match(r"\s+(?:few|several|\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|year|month|week|decade|day|hour|quarter)", text[end:end + 12], re.I):
            return False
        if w == "now" and re.match(r"-\w", text[end:end + 3]):
            return False
    if kind == "duration" and re.search(r"(?i)quarters?$", text[start:end]) and re.match(r"\s+of\b", text[end:end + 4]):
        return False  # "three-quarters of its food": a fraction
    if kind == "weekday" and first is not None:
        # "the Sunday Times", "Whit Monday" is fine but "Monday Night Football" is a name
        last_tok = span[-1]
        nxt = doc[last_tok.i + 1] if last_tok.i + 1 < len(doc) else None
        if first.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT") and nxt is not None and nxt.ent_type_ == first.ent_type_ and nxt.is_title:
            return False
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.ent_type_ == "DATE" and nxt.lower_ not in tr.MONTHS:
            return False
    if "current" in needs:
        prev = _prev_words(text, start)
        nxt = re.match(r"\s+([a-z]+)", text[end:end + 20])
        if not prev or prev[0] not in ("the", "its", "his", "her", "their", "our", "my", "your", "in"):
            return False
        if nxt and nxt.group(1) in ("account", "accounts", "affairs", "events", "assets", "liabilities", "flow", "flows", "state", "status", "version", "form"):
            return False
    if "the_unit" in needs:
        prev = _prev_words(text, start)
        if prev and prev[0] in ("of", "'s", "per", "a"):
            return False
    if "clock_cue" in needs:
        prev = _prev_words(text, start)
        if not prev or prev[0] not in ("at", "by", "until", "till", "from", "before", "after", "around", "about", "to", "since"):
            return False
        out["value"] = None  # filled by caller with the time value
    if "rate" in needs:
        prev = text[max(0, start - 40):start]
        if not re.search(r"(?:\d|%|\b(?:once|twice|times|percent|cents?|dollars?|yuan|euros?|pounds?|people|units|tons?|tonnes?|barrels?|miles?|hours?)\b)[^.;:]{0,12}$", prev, re.I):
            if text[start:end].lower().startswith(("a ", "an ")):
                u = tr.unit_of(text[start:end].split()[-1])
                if u in tr.UNITS and u not in ("second", "quarter"):
                    out["type"], out["value"] = "DURATION", tr.duration_value(1, u)
                    return True
            return False
    return True


def _year_mentions(value: str) -> Optional[int]:
    m = re.match(r"(\d{4})", value or "")
    return int(m.group(1)) if m else None


def infer_publication(doc: Doc, matches) -> Optional[int]:
    """The year of the latest explicit full date (with year) among the rule matches, or None."""
    best: Optional[str] = None
    for s, e, name, m, fn in matches:
        if name not in ("mdy", "dmy", "iso_date", "slash_date", "weekday_date"):
            continue
        out = tr.normalise_match(name, m, fn, tr.Context())
        if not out or not re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", out["value"] or ""):
            continue
        if best is None or out["value"][:10] > best:
            best = out["value"][:10]
    return int(best[:4]) if best else None


#: A wire-style dateline: the date is followed by an optional "(Agency)" and a dash or colon.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|\u2014|\u2013|:)")


def dateline_date(doc: Doc, matches, window: int = 150) -> Optional[dt.date]:
    """The full date of a dateline ("BEIJING, May 10, 2020 (Xinhua) -- ..."), or None.

    A dateline is the first full date (with year) of the text, starting within its first
    ``window`` characters and followed by an optional parenthesised source and a dash or colon,
    the convention of wire copy (AP/Reuters/Xinhua style). Such a date is the publication date.
    """
    for s, e, name, m, fn in sorted(matches, key=lambda x: x[0]):
        if s > window:
            return None
        if name not in ("mdy", "dmy", "iso_date", "weekday_date"):
            continue
        out = tr.normalise_match(name, m, fn, tr.Context())
        value = (out or {}).get("value") or ""
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value) and _DATELINE_TAIL.match(doc.text, e):
            return dt.date.fromisoformat(value)
    return None


_DP_CACHE: dict = {}


def _dateparser_value(text: str, ctx: tr.Context) -> Optional[tuple[str, str, str]]:
    """Normalise a spaCy DATE entity the rules did not cover with dateparser (granularity from
    dateparser's ``period``; relative base = the DCT, or a sentinel year 1604 whose appearance in
    the result means "year unknown" -> XXXX). Returns (type, value, source) or None."""
    if not re.search(r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)", text):
        return None
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    base = dt.datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day) if ctx.dct else dt.datetime(1604, 6, 15)
    key = (text, base, ctx.future)
    if len(_DP_CACHE) > 4096:
        _DP_CACHE.clear()
    if key not in _DP_CACHE:
        parser = DateDataParser(languages=["en"], settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if ctx.future else "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        })
        try:
            data = parser.get_date_data(text)
        except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
            data = None
        _DP_CACHE[key] = data
    data = _DP_CACHE[key]
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    has_year = bool(re.search(r"\b(1[6-9]|20)\d\d\b", text))
    year = f"{d.year:04d}"
    source = "explicit" if has_year else ("dct" if ctx.dct else "none")
    if not has_year and ctx.dct is None:
        year = "XXXX"
    if period == "year":
        return "DATE", year, source
    if period == "month":
        return "DATE", f"{year}-{d.month:02d}", source
    if period == "week":
        return "DATE", tr.iso_week(d.date()) if year != "XXXX" else "XXXX-WXX", source
    if period == "time":
        return "TIME", f"{year}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}", source
    return "DATE", f"{year}-{d.month:02d}-{d.day:02d}", source


_SPACY_TEMPORAL = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|(?:1[6-9]|20)\d\d|today|yesterday|tomorrow|a\.m|p\.m)"
)


class DatesComponent:
    """Callable spaCy component; see the module docstring. Stateless apart from the rule tables."""

    def __init__(self, use_spacy_entities: bool = True):
        self.use_spacy_entities = use_spacy_entities

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        matches = tr.find_timexes(text)
        dct: Optional[dt.date] = doc._.published
        if isinstance(dct, dt.datetime):  # a timestamp: only its calendar date is an anchor
            dct = dct.date()
        precision = doc._.published_precision
        if dct is not None and precision is None:
            precision = "day"
        if dct is None and (dateline := dateline_date(doc, matches)) is not None:
            dct, precision = dateline, "day"
            doc._.published = dct
            doc._.published_inferred = True
            doc._.published_precision = "day"
        if dct is None:
            year = infer_publication(doc, matches)
            if year is not None:
                dct = dt.date(year, 1, 1)
                precision = "year"
                doc._.published = dct
                doc._.published_inferred = True
                doc._.published_precision = "year"
        inferred = bool(doc._.published_inferred)
        extra = self._spacy_candidates(doc, matches) if self.use_spacy_entities else []

        mentions: list[DateMention] = []
        ref: Optional[tuple[str, str]] = None  # (value, anchor) of the last calendar mention
        last_year: Optional[int] = None
        items = [(s, e, name, m, fn) for s, e, name, m, fn in matches] + extra
        items.sort(key=lambda x: x[0])
        for s, e, name, m, fn in items:
            tense = _tense(doc, s, e)
            if tense == "past" and name in ("md", "dm", "month", "weekday_date") and _prev_words(text, s)[-1:] and \
                    _prev_words(text, s)[-1] in _SCHEDULE_CUES:
                tense = "present"  # "declared a dividend payable Dec. 15": a scheduled date
            ctx = tr.Context(dct=dct, dct_precision=precision, ref=ref[0] if ref else None,
                             last_year=last_year, tense=tense, future=tense == "future")
            if name == "spacy":
                got = _dateparser_value(text[s:e], ctx)
                if got is None:
                    continue
                out = {"type": got[0], "value": got[1], "source": got[2], "mod": None, "kind": "spacy", "needs": set()}
            else:
                out = tr.normalise_match(name, m, fn, ctx)
                if out is None:
                    continue
            if not _accept(out["needs"], out["kind"], doc, text, s, e, out):
                continue
            if "clock_cue" in out["needs"]:
                d, src = tr._dct_value(ctx, "day", 0)
                out.update(value=f"{d}T{out['h']:02d}:{out['mi']:02d}", source=src)
            split = out.get("split")
            s, e = self._trim(text, s, e, out)
            mod = out.get("mod")
            # modifiers to the left: "the beginning of 2019", "about three years", "mid-May"
            left = tr.left_modifier(text, s)
            if left is not None and out["type"] in ("DATE", "DURATION", "TIME"):
                new_start, lmod = left
                point = lmod in tr._POINT_MODS
                numeric_core = bool(re.match(r"(?i)\d|" + tr.NUM_WORD + r"\b|several|few|many", text[s:e]))
                if (out["type"] == "DATE" and (point or lmod == "APPROX") and not out["value"].endswith("_REF")) or (
                    out["type"] == "DURATION" and lmod in tr._NUMERIC_MODS and numeric_core
                ):
                    if not (lmod == "APPROX" and out["type"] == "DATE" and not re.match(r"\d{4}|XXXX", out["value"])):
                        s = new_start
                        mod = lmod or mod
            anchor = self._anchor(out["source"], ref, inferred)
            begin, end_value = out.get("begin"), out.get("end_value")
            prev = _prev_words(text, s)
            if prev and prev[0] == "since" and out["type"] == "DATE" and begin is None:
                begin = out["value"]
                end_value = dct.isoformat() if dct is not None and precision == "day" else (
                    f"{dct.year:04d}" if dct is not None else "PRESENT_REF")
            mentions.append(DateMention(start=s, end=e, text=text[s:e], type=out["type"], value=out["value"],
                                        mod=mod, anchor=anchor, begin=begin, end_value=end_value))
            if split:  # "1990-1995": the second year is its own mention
                ss, se, sv = split
                mentions.append(DateMention(start=ss, end=se, text=text[ss:se], type="DATE", value=sv, anchor="explicit"))
            # update the context for later mentions
            val = out["value"] or ""
            if (out["type"] in ("DATE", "TIME") and re.match(r"\d{4}(?:-(?:\d\d|Q\d|H\d|W\d\d))?", val)
                    and out["kind"] not in _REF_KINDS_SKIP and out["source"] in ("explicit", "dct")):
                ref = (val.split("T")[0], anchor)
            if out["type"] == "DATE" and out["source"] == "explicit" and re.search(r"\b(1[6-9]|20)\d\d\b", text[s:e]):
                y = _year_mentions(out.get("end_value") or val)
                if y:
                    last_year = y
        mentions.sort(key=lambda d: (d.start, d.end))
        doc._.dates = mentions
        return doc

    @staticmethod
    def _trim(text: str, s: int, e: int, out: dict) -> tuple[int, int]:
        """Drop signal words the rules matched for context ("from", "in", "ago"-less "after")."""
        s += out.get("trim_left", 0)
        e -= out.get("trim_right", 0)
        lead = re.match(r"(?i)(?:from|in)\s+", text[s:e])
        if lead and out.get("kind") in ("interval",):
            s += lead.end()
        while e > s and text[e - 1] in " \t\n.,;:":
            if text[e - 1] == "." and re.search(r"(?:\b[ap]\.m|\b[A-Z][a-z]{2,3})\.$", text[s:e]):
                break  # "p.m.", "Jan.": the period belongs to the abbreviation
            e -= 1
        return s, e

    @staticmethod
    def _anchor(source: str, ref, inferred: bool) -> str:
        if source == "explicit":
            return "explicit"
        if source == "none":
            return "none"
        if source == "ref":
            return ref[1] if ref else "explicit"
        return "inferred" if inferred else "publication"

    @staticmethod
    def _spacy_candidates(doc: Doc, matches) -> list:
        """spaCy DATE/TIME entities that no rule match overlaps and that hold a month, weekday,
        four-digit year or clock cue (the rest - ages, ordinals, counts - are never dates here)."""
        taken = [(s, e) for s, e, *_ in matches]
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            s, e = ent.start_char, ent.end_char
            if any(s < te and ts < e for ts, te in taken):
                continue
            if not _SPACY_TEMPORAL.search(ent.text):
                continue
            out.append((s, e, "spacy", None, None))
        return out


@Language.factory("newsfacts_dates", default_config={"use_spacy_entities": True})
def make_dates(nlp: Language, name: str, use_spacy_entities: bool = True) -> DatesComponent:
    """Build the dates component (see the module docstring). ``use_spacy_entities``: also take
    spaCy DATE/TIME entities that the rules miss (normalised with dateparser)."""
    register_extensions()
    return DatesComponent(use_spacy_entities=use_spacy_entities)
