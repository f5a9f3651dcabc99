"""The CQE evaluation protocol for numeric claims (NewsQuant, Recognizers-Text currency sets):
the adapter from our claims to CQE's tags, and CQE's matching metrics.

The scoring follows
the CQE evaluation (Almasian et al., EMNLP 2023, repository satya77/CQE_Evaluation,
``evaluate_models.calculate_metrics``), re-implemented in :func:`score` with its matching rules:

- values match with ``numpy.isclose`` (rtol 1e-5); a gold value "a-b" is a range and only
  matches a predicted (low, high) pair;
- gold quantities are visited in order of normalised unit; each gold quantity scans the
  predictions: a value match counts for *value*; then change and concept are compared with that
  prediction; when the normalised unit also matches, the prediction is consumed (counts for
  *value+unit*) and the scan stops; otherwise the scan goes on;
- concepts: gold ``referred_concepts`` is split on commas/whitespace; partial = any shared word
  (case-insensitive), complete = same words;
- P = correct / predicted, R = correct / gold.

Adapting our claims to CQE's output format (:func:`to_cqe`; documented mapping):

- value: ``(value, value_max)`` for a range; ``(from_value, to_value)`` for a "from X to Y" change
  (CQE writes these as ranges too); else ``value``.
- ages: the claims component runs with ``include_ages`` (NewsQuant annotates ages); a time
  unit followed by "old" / "-old" or a number after "aged" is "<unit> of age" as in NewsQuant.
- unit: ISO codes and unit symbols are mapped to CQE's normalised names (``UNIT_NAMES``; pence
  map to "penny", but for NewsQuant to "point", its name for the "p" of UK share prices
  (``NEWSQUANT_UNIT_NAMES``); "km/h" is one unit); a
  ``count`` whose counted noun follows the number is named by the lemmas of that noun phrase
  ("139 online lending institutions" -> "online lending institution"; adverbs and participles
  dropped: "120 recorded albums" -> "album"; an adjective or noun between a determiner and the
  number kept: "the top four teams" -> "top team"); a count whose record concept is the counted
  noun of an earlier count (ellipsis: "12,000 people ... and 8,500 who ...") gets that unit; a
  bare count is "-"; repetitions and multiples ("3 times", "8 times earnings") are "count", as
  CQE names them; a fraction is "% " + the lemmas of its whole ("a third of the population" ->
  "% population"), as CQE writes fractions.
- change: CQE has one tag per quantity. A vague plural range ("thousands of") is "="; else a
  non-exact ``approx`` gives the bound (about/nearly -> "~", more_than/at_least -> ">",
  less_than/at_most/up_to -> "<"); else a value pair (a range or a from/to pair, which CQE
  writes as a range) is "=" unless it is the amount of a change after "by" in the claim's
  evidence ("fell by 2 to 3 points"); a change stated by a noun the quantity modifies ("a 3
  percent fall", "a cut of 300,000 tonnes") is "=" (NewsQuant tags the change only when
  the quantity is the argument of a change verb); else, when the claim states an amount of change
  (``relative`` set, or no ``to_value``/``from_value``), its direction ("up"/"down"); else "=".
- concept words (CQE's "referred concepts": the measured thing and its holder): the words of
  ``concept`` (for a counted noun, which CQE treats as the unit, only an "of"-complement:
  "four seasons of a cooking show" -> unit "season", concept "cooking show"), the entity, and
  the holder from ``claims.claim_holder`` (the noun before "of", or the clause subject);
  stop words dropped; "-" when none.
"""

from __future__ import annotations

import re

import numpy as np

from ..lexicon.en.cues import CHANGE_NOUNS

UNIT_NAMES = {
    "USD": "dollar", "CNY": "chinese yuan", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "AUD": "australian dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "SGD": "singapore dollar", "NZD": "new zealand dollar",
    "MYR": "malaysian ringgit", "ILS": "shekel", "INR": "indian rupee", "KRW": "south korean won",
    "CHF": "swiss franc", "FIM": "finnish markka", "ZAR": "south african rand", "TRY": "turkish lira",
    "MXN": "mexican peso", "DKK": "danish krone", "NOK": "norwegian krone", "SEK": "swedish krona",
    "RUB": "russian ruble", "BRL": "brazilian real", "THB": "thai baht", "VND": "vietnamese dong",
    "PHP": "philippine peso", "PKR": "pakistani rupee", "LKR": "sri lankan rupee",
    "IDR": "indonesian rupiah", "TWD": "new taiwan dollar", "AED": "uae dirham",
    "SAR": "saudi riyal", "CZK": "czech koruna", "ISK": "icelandic krona", "NGN": "nigerian naira", "EGP": "egyptian pound",
    "percent": "percentage", "percentage_point": "percentage point", "basis_point": "basis point",
    "point": "point", "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre",
    "nm": "nanometre", "um": "micrometre", "mile": "mile", "yard": "yard", "foot": "foot",
    "inch": "inch", "sq_ft": "square foot", "m2": "square metre", "km2": "square kilometre",
    "sq_mile": "square mile", "acre": "acre", "hectare": "hectare", "mu": "mu",
    "generation": "generation wireless", "cu_ft": "cubic foot",
    "m3": "cubic metre", "kg": "kilogram", "g": "gram", "mg": "milligram", "tonne": "metric ton",
    "ton": "ton", "lb": "pound-mass", "oz": "ounce", "litre": "litre", "ml": "millilitre",
    "gallon": "gallon", "barrel/day": "barrel per day", "barrel": "barrel", "mph": "mile per hour",
    "km/h": "kilometre per hour", "hp": "horsepower", "bhp": "brake horsepower", "kW": "kilowatt", "MW": "megawatt",
    "GW": "gigawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "W": "watt", "V": "volt", "mAh": "milliampere-hour", "GB": "gigabyte",
    "TB": "terabyte", "MB": "megabyte", "Mbps": "megabit per second", "Gbps": "gigabit per second",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "degC": "celsius",
    "degF": "fahrenheit", "degree": "degree", "ppm": "part per million", "ppb": "parts-per-billion",
    "rpm": "revolutions per minute", "lbft": "pound-foot", "calorie": "calorie", "cent": "cent", "sen": "sen",
    "pence": "penny", "F": "farad", "mpg": "mile per gallon", "GPa": "gigapascal",
    "MPa": "megapascal", "Nm": "newton metre", "PS": "horsepower", "dB": "decibel", "knot": "knot",
    "Gt": "gigaton",
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century",
}
#: NewsQuant's own vocabulary where it differs from the Recognizers-Text sets: the "p" of UK share
#: prices is normalised to "point" in NewsQuant (8 of 8 gold "p"), to "penny" in currency-model.
NEWSQUANT_UNIT_NAMES = dict(UNIT_NAMES, pence="point")
RATE_NAMES = {"share": "share", "oz": "ounce", "person": "person", "MMBtu": "mega british thermal unit"}
CHANGE_OF_APPROX = {"exact": "=", "about": "~", "nearly": "~", "more_than": ">", "at_least": ">",
                    "less_than": "<", "at_most": "<", "up_to": "<"}
STOP = {"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "its", "their", "his",
        "her", "this", "that", "these", "those", "by", "with", "from", "as", "'s", "-", "s"}


# ------------------------------------------------------------------------------------------
# adapter: Claim -> CQE tag
# ------------------------------------------------------------------------------------------


def _lemmas(doc, start: int, end: int) -> str:
    """Lower-cased lemmas of the content words of a span, hyphenated words kept together."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    out = ""
    for t in span:
        hyphened = (t.i > 0 and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_) or \
            (t.i + 1 < len(doc) and t.nbor(1).text == "-" and not t.whitespace_)
        if (t.pos_ == "ADV" or t.tag_ in ("VBN", "VBD")) and not hyphened:
            continue  # "120 recorded albums" -> "album", "the tallest towers ever" (CQE keeps nouns and adjectives)
        if t.lower_ in STOP and t.text != "-":
            if t.whitespace_ and not out.endswith(" "):
                out += " "  # "Johnson's deputies" -> "johnson deputy"
            continue
        if t.tag_ == "NNPS" and t.text.endswith("s") and t.lemma_ == t.text:
            word = t.text[:-1]  # spaCy keeps plural proper nouns: "World Cups" -> "world cup"
        else:
            word = t.lemma_ if t.pos_ in ("NOUN", "ADJ") else t.text
        out += word.lower() + t.whitespace_
    return " ".join(out.split()).strip("- ")


def _modifier_before(doc, claim) -> str:
    """The lemma of an adjective or noun between a determiner and the number ("the top three
    teams", "a record 41 points", "the previous three quarters"): CQE reads it as part of the
    counted noun's phrase. Participles and adverbs are not ("a combined 435 homes")."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return ""
    t, det = doc[span.start - 1], doc[span.start - 2]
    if t.pos_ in ("ADJ", "NOUN") and t.tag_ not in ("VBN", "VBD", "JJR", "JJS") and t.is_alpha and t.is_lower \
            and det.pos_ == "DET":
        return t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_
    return ""


def _concept_char_span(doc, claim):
    if not claim.concept:
        return None
    lo = claim.evidence_start if claim.evidence_start is not None else 0
    hi = claim.evidence_end if claim.evidence_end is not None else len(doc.text)
    k = doc.text.find(claim.concept, lo, max(hi, lo + 1) + 200)
    if k < 0:
        k = doc.text.find(claim.concept)
    return (k, k + len(claim.concept)) if k >= 0 else None


def to_cqe(doc, claim, names: dict | None = None) -> list[dict]:
    """Map one Claim to CQE tag dictionaries (value, normalized_unit, change, referred_concepts)."""
    ch = claim.change
    two_numbers = _two_numbers(claim.text)
    if ch is not None and ch.from_value is not None and ch.to_value is not None and claim.value_max is None \
            and two_numbers:
        # CQE writes "from X to Y" as a range X-Y but "to Y from X" as two values: follow the text order
        if re.search(r"\bfrom\b", claim.text):  # "to Y from X": the from-number is inside the span
            base = to_cqe_single(doc, claim, names)
            return [dict(base, value=ch.to_value), dict(base, value=ch.from_value, change="=")]
    return [to_cqe_single(doc, claim, names)]


TIME_UNIT_NAMES = {"year", "month", "week", "day"}
_VAGUE_PLURAL = re.compile(r"(?:tens of |hundreds of )?(?:dozens|hundreds|thousands|millions|billions)\b", re.I)


def _is_age(doc, claim) -> bool:
    """An age ("a 42 year-old woman", "1,200 years old", "aged 71"): CQE's unit is "<time> of age".

    Ages are claims only when the component runs with ``include_ages`` (as here)."""
    after = doc.text[claim.end:claim.end + 8].lower()
    before = doc.text[max(0, claim.start - 6):claim.start].lower()
    return bool(re.match(r"\s*-?\s*(?:year|month|week|day)?s?\s*-?\s*old\b", after)) or before.rstrip().endswith("aged")


def _two_numbers(text: str) -> bool:
    """True when the claim text states two numbers (a from/to pair written out, not derived)."""
    return len(re.findall(r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
                          text, re.I)) >= 2


def _nominal_change(doc, claim) -> bool:
    """True when the change is stated by a noun the quantity modifies ("a 4 percent drop", "a
    cut of 300,000 tonnes", "a gain of 1.5%"): NewsQuant tags these "=" (its change tag is
    for quantities that are themselves the subject or object of a change verb: "fell 3%")."""
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep" and head.lower_ in ("of", "by") and head.head.pos_ == "NOUN":
        head = head.head
    return head.pos_ == "NOUN" and head.lemma_.lower() in CHANGE_NOUNS and not span.start <= head.i < span.end


def _cqe_value(claim):
    """A range ``(value, value_max)``, a written from/to pair ``(from, to)``, else the value."""
    ch = claim.change
    if claim.value_max is not None:
        return (claim.value, claim.value_max)
    if ch is not None and ch.from_value is not None and ch.to_value is not None and _two_numbers(claim.text):
        return (ch.from_value, ch.to_value)
    return claim.value


def _counted_unit(doc, claim) -> tuple[str, bool, str]:
    """CQE's unit of a count: (the lemmas of the counted noun, or "-"; whether a counted noun
    gave it; the of-complement the noun is counted of, a referred concept)."""
    cs = _concept_char_span(doc, claim)
    own = cs is not None and (0 <= cs[0] - claim.end <= 30 or claim.start < cs[0] and cs[1] < claim.end)
    if not own and claim.concept:
        # ellipsis: "12,000 people ... and 8,500 who ...": the record's concept is the counted
        # noun of an earlier count; CQE gives both that unit
        for other in doc._.claims:
            if other.end <= claim.start and other.unit == "count" and other.concept == claim.concept:
                cs2 = _concept_char_span(doc, other)
                if cs2 is not None and 0 <= cs2[0] - other.end <= 30:
                    cs, own = cs2, True
    unit, counted, of_part = "-", False, ""
    if own:
        # "four new seasons of a cooking show": the unit is the counted noun, the
        # of-complement is what it is counted of (a referred concept)
        m = re.search(r"\s+of\s+", doc.text[cs[0]:cs[1]])
        if m is not None:
            of_part = doc.text[cs[0] + m.end():cs[1]]
            cs = (cs[0], cs[0] + m.start())
        words = _lemmas(doc, *cs)
        pre = _modifier_before(doc, claim)
        if words and pre:
            words = f"{pre} {words}"  # "a record 41 points" -> "record point"
        if words:
            unit, counted = words, True
    if unit == "-" and doc.text[max(0, claim.start - 6):claim.start].lower().rstrip().endswith("aged"):
        unit = "year of age"  # "aged 66"
    return unit, counted, of_part


def _cqe_unit(doc, claim, names: dict) -> tuple[str, bool, str]:
    """CQE's normalised unit: (unit, whether the unit holds the counted noun, the of-complement)."""
    if claim.unit == "count":
        unit, counted, of_part = _counted_unit(doc, claim)
    elif claim.unit == "fraction":
        # CQE names a fraction's unit "% " + the counted whole ("a third of the population" ->
        # "% population", "almost half of which" -> "% -"); the whole is then not a concept
        cs = _concept_char_span(doc, claim)
        whole = _lemmas(doc, *cs) if cs is not None and 0 <= cs[0] - claim.end <= 40 else ""
        unit, counted, of_part = "% " + (whole or "-"), bool(whole), ""
    else:
        if claim.unit in names:  # "km/h" is one unit, not a rate
            unit = names[claim.unit]
        else:
            parts = claim.unit.split("/")
            unit = " per ".join(names.get(p, RATE_NAMES.get(p, p.lower())) for p in parts)
        if claim.unit in TIME_UNIT_NAMES and _is_age(doc, claim):
            unit += " of age"
        counted, of_part = False, ""
    if unit in ("time", "times"):
        unit = "count"  # CQE names repetitions ("3 times") and multiples ("8 times earnings") "count"
    return unit, counted, of_part


def _cqe_change(doc, claim, value) -> str:
    """CQE's one change tag: "=", "~", ">", "<", "up" or "down" (see the module docstring)."""
    ch = claim.change
    vague = claim.value_max is not None and _VAGUE_PLURAL.match(claim.text) is not None
    by_amount = claim.evidence_start is not None and re.search(
        r"\bby\b", doc.text[claim.evidence_start:claim.start]) is not None
    if vague:
        return "="  # "thousands of": the vagueness is in the range (CQE writes "=")
    if claim.approx != "exact":
        return CHANGE_OF_APPROX.get(claim.approx, "=")  # CQE: one tag; the bound wins
    if ch is not None and ch.direction and _nominal_change(doc, claim):
        return "="  # "a 4 percent drop": NewsQuant tags only verbal changes
    if isinstance(value, tuple) and not (by_amount and ch is not None and ch.direction):
        return "="  # CQE writes a pair as a range: no single direction ("fell by 2 to 3" has one)
    if ch is not None and ch.direction and (
        ch.relative is not None or (ch.to_value is None and ch.from_value is None)
        or (ch.to_value is not None and ch.from_value is not None)
    ):
        return ch.direction
    return "="


def _referred_concepts(doc, claim, counted: bool, of_part: str) -> list[str]:
    """CQE's referred concepts: the content words of the quantified thing and of its holder
    (clause subject / entity); a counted noun is CQE's unit, so it is not repeated here."""
    words: list[str] = []

    def add(text: str) -> None:
        for w in re.split(r"[,\s]+", text):
            w = w.strip("().\"'")
            if w and w.lower() not in STOP and w not in words:
                words.append(w)

    if not counted:
        cs = _concept_char_span(doc, claim)
        if cs is not None:
            add(doc.text[cs[0]:cs[1]])
    elif of_part:
        add(of_part)
    if claim.entity_start is not None:
        add(doc.text[claim.entity_start:claim.entity_end])
    if claim.holder_start is not None:  # the record's holder (claims.claim_holder)
        add(doc.text[claim.holder_start:claim.holder_end])
    return words or ["-"]


def to_cqe_single(doc, claim, names: dict | None = None) -> dict:
    """One Claim as one CQE tag: ``{value, normalized_unit, change, referred_concepts, text}``."""
    value = _cqe_value(claim)
    unit, counted, of_part = _cqe_unit(doc, claim, UNIT_NAMES if names is None else names)
    return {"value": value, "normalized_unit": unit, "change": _cqe_change(doc, claim, value),
            "referred_concepts": _referred_concepts(doc, claim, counted, of_part), "text": claim.text}


# ------------------------------------------------------------------------------------------
# CQE matching (re-implemented from evaluate_models.calculate_metrics)
# ------------------------------------------------------------------------------------------


def _gold_value(v):
    if isinstance(v, str) and "E" not in v and not v.startswith("-") and "-" in v:
        a, b = v.split("-")[:2]
        return (float(a), float(b))
    return float(v)


def _values_match(g, m) -> bool:
    if isinstance(g, tuple) and isinstance(m, tuple):
        return bool(np.isclose(g[0], m[0], rtol=1e-5, atol=1e-8) and np.isclose(g[1], m[1], rtol=1e-5, atol=1e-8))
    if isinstance(g, tuple) or isinstance(m, tuple):
        return False
    return bool(np.isclose(g, m, rtol=1e-5, atol=1e-8))


def _concepts_match(gt: list[str], model: list[str]) -> tuple[bool, bool]:
    g = [x.lower() for x in gt]
    m = [x.lower() for x in model]
    inter = set(g) & set(m)
    return (len(inter) == len(g) and len(g) == len(m)), len(inter) > 0


def score(items, with_change_concept: bool, errors: list | None = None):
    """CQE metrics over ``items`` = [(text, gold quantities, predicted tags, index)]."""
    tot_gt = tot_tags = 0
    c_val = c_unit = c_change = c_part = c_comp = 0
    for text, gold, tags, idx in items:
        tot_gt += len(gold)
        tot_tags += len(tags)
        tags = sorted(tags, key=lambda d: d["normalized_unit"])
        used_value = set()
        remaining = len(gold)
        for g in sorted(gold, key=lambda d: d["normalized_unit"]):
            gv = _gold_value(g["value"])
            gu = g["normalized_unit"].lower()
            found_value = False
            last_mismatch = None
            for t in tags:
                if not _values_match(gv, t["value"]):
                    continue
                found_value = True
                if remaining > 0:
                    c_val += 1
                    remaining -= 1
                if with_change_concept:
                    if t["change"] == g["change"]:
                        c_change += 1
                    elif errors is not None:
                        errors.append((idx, f"change: gold '{g['change']}' vs ours '{t['change']}'", text, t["text"]))
                    comp, part = _concepts_match(re.split(r"[,\s]+", g["referred_concepts"]), t["referred_concepts"])
                    c_comp += comp
                    c_part += part
                    if errors is not None and not part:
                        errors.append((idx, "concept: no shared word", text,
                                       f"{t['text']}: gold '{g['referred_concepts']}' ours '{' '.join(t['referred_concepts'])}'"))
                if t["normalized_unit"] == gu:
                    c_unit += 1
                    used_value.add(id(t))
                    tags.remove(t)
                    tags = sorted(tags, key=lambda d: d["normalized_unit"])
                    last_mismatch = None
                    break
                last_mismatch = t
            if errors is not None:
                if not found_value:
                    errors.append((idx, f"missed ({_kind_gold(g)})", text, f"gold {g['value']} {gu}"))
                elif last_mismatch is not None:
                    errors.append((idx, f"unit: gold {_unit_kind(gu)} vs ours {_unit_kind(last_mismatch['normalized_unit'])}",
                                   text, f"{last_mismatch['text']}: gold '{gu}' ours '{last_mismatch['normalized_unit']}'"))
        if errors is not None:
            for t in tags:
                if not any(_values_match(_gold_value(g["value"]), t["value"]) for g in gold):
                    errors.append((idx, f"spurious ({_unit_kind(t['normalized_unit'])})", text, t["text"]))

    def f(c):
        p = c / tot_tags if tot_tags else 0.0
        r = c / tot_gt if tot_gt else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return round(p * 100, 1), round(r * 100, 1), round(f1 * 100, 1)

    out = {"value": f(c_val), "value+unit": f(c_unit)}
    if with_change_concept:
        out["value+change"] = f(c_change)
        out["value+concept_partial"] = f(c_part)
        out["value+concept_complete"] = f(c_comp)
    return out, tot_gt, tot_tags


def _unit_kind(u: str) -> str:
    if u.endswith(" of age"):
        return "age (skipped by design)"
    if u in ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century"):
        return "duration"
    if u in ("percentage", "percentage point", "point", "basis point"):
        return u
    if u == "-":
        return "bare number"
    if u in UNIT_NAMES.values():
        cur = {UNIT_NAMES[k] for k in UNIT_NAMES if k.isupper() and len(k) == 3}
        return "currency" if u in cur else "measure"
    return "counted noun"


def _kind_gold(g) -> str:
    v = str(g["value"])
    kind = _unit_kind(g["normalized_unit"].lower())
    if "-" in v.lstrip("-"):
        kind += ", range"
    return kind
