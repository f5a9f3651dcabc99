"""Scoring for the benchmarks: entity-level P/R/F1 on IOB2 (conlleval / seqeval conventions),
span pairing for TIMEX3 and value markables (TempEval-3 protocol), mention alignment and B-cubed
for coreference (Cai & Strube 2010). Pure Python; ``seqeval_report`` needs the ``seqeval`` package.
"""

from __future__ import annotations

import collections
import re
from collections import Counter, defaultdict


def f1(p: float, r: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


# ------------------------------------------------------------------------------------------ IOB2


def iob_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """Entity spans (type, start, end_exclusive) from IOB2 tags, conlleval/seqeval default rules."""
    out, start, typ = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if typ is not None:
                out.append((typ, start, i))
            typ, start = (t[2:], i) if t != "O" else (None, None)
    return out


def prf(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict]:
    """Exact-match entity P/R/F1 over lists of IOB2 tag sequences: ``{type: {p, r, f1, n}}`` in
    percent (rounded to 0.01) plus ``"ALL"`` (micro average); ``n`` is the gold count."""
    tp, np_, ng = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs, ps = set(iob_spans(g)), set(iob_spans(p))
        for s in gs:
            ng[s[0]] += 1
        for s in ps:
            np_[s[0]] += 1
        for s in gs & ps:
            tp[s[0]] += 1
    res = {}
    for t in sorted(set(ng) | set(np_)) + ["ALL"]:
        if t == "ALL":
            a, b, c = sum(tp.values()), sum(np_.values()), sum(ng.values())
        else:
            a, b, c = tp[t], np_[t], ng[t]
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[t] = {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2), "n": c}
    return res


def seqeval_report(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """seqeval's ``classification_report`` (default conlleval mode: exact span and type) as a dict."""
    from seqeval.metrics import classification_report

    return classification_report(gold, pred, output_dict=True, zero_division=0, digits=4)


# ------------------------------------------------------------------------------------------ spans (TIMEX3, values)


def pair_overlapping(gold: list[dict], system: list) -> list[tuple[dict, object]]:
    """Greedy one-to-one pairing of overlapping gold (dicts with ``start``/``end``) and system
    mentions (objects with ``start``/``end``), largest overlap first (TempEval-3 relaxed match)."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g["end"], s.end) - max(g["start"], s.start)
            if ov > 0:
                cands.append((-ov, gi, si))
    cands.sort()
    used_g, used_s, out = set(), set(), []
    for _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return out


#: Expression kinds of the TIMEX3 error listing: the first (pattern, kind) whose pattern is found
#: in the lower-cased text; the duration kind needs a digit too, the year kind the whole text.
_TIMEX_KINDS = [(re.compile(p), kind) for p, kind in (
    (r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day", "weekday"),
    (r"\b(?:today|tonight|yesterday|tomorrow)\b", "today/yesterday"),
    (r"quarter", "quarter"),
    (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d", "month-day(-year)"),
    (r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b", "month name"),
    (r"\b(?:ago|earlier|later|before|after)\b", "N units ago/earlier"),
    (r"\b(?:this|last|next|past|coming|previous|current)\b", "this/last/next unit"),
    (r"\b(?:now|current|recent|past|future|soon|previously|already|then|once)", "PRESENT/PAST/FUTURE_REF"),
    (r"(?=.*\d)(?:.*?)(?:\b(?:year|month|week|day|hour|minute|decade)s?\b|-year|-day|-month|-week|-hour)",
     "N units (duration)"),
    (r"(?:year|month|week|day|hour|minute|decade|centur)", "unit word (vague)"),
    (r"^\s*(?:the\s+)?(?:fiscal\s+)?'?\d{2,4}s?\s*$", "year/decade"),
    (r"\d", "other numeric"),
    (r"daily|weekly|annual|every|each|monthly", "SET"),
)]


def timex_category(text: str, value: str) -> str:
    """A coarse expression kind for the error listing (see ``_TIMEX_KINDS``); "other words" when none."""
    t = text.lower()
    return next((kind for rx, kind in _TIMEX_KINDS if rx.search(t)), "other words")


class TimexScores:
    """TempEval-3 counts over one dataset: relaxed / strict span, type and value matches, and an
    error listing by expression kind (:func:`timex_category`)."""

    def __init__(self) -> None:
        self.gold = self.system = self.relaxed = self.strict = self.type_ok = self.value_ok = 0
        self.errors: collections.Counter = collections.Counter()
        self.examples: dict = {}

    def add(self, gold: list[dict], system: list, text: str, doc_id: str) -> None:
        self.gold += len(gold)
        self.system += len(system)
        pairs = pair_overlapping(gold, system)
        self.relaxed += len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g, s in pairs:
            if g["start"] == s.start and g["end"] == s.end:
                self.strict += 1
            if g["type"] == s.type:
                self.type_ok += 1
            if g["value"] == s.value:
                self.value_ok += 1
            else:
                self._err("wrong value", timex_category(g["text"], g["value"]),
                          f"{g['text']!r}: gold {g['value']} ({g['type']}), system {s.value} ({s.type}) on {s.text!r}", doc_id)
        for g in gold:
            if id(g) not in matched_g:
                self._err("missed", timex_category(g["text"], g["value"]),
                          f"{g['text']!r} = {g['value']} ({g['type']}) in …{_ctx(text, g['start'], g['end'])}…", doc_id)
        for s in system:
            if id(s) not in matched_s:
                self._err("spurious", timex_category(s.text, s.value),
                          f"{s.text!r} -> {s.value} ({s.type}) in …{_ctx(text, s.start, s.end)}…", doc_id)

    def _err(self, what: str, cat: str, example: str, doc_id: str) -> None:
        key = f"{what}: {cat}"
        self.errors[key] += 1
        self.examples.setdefault(key, f"{example} [{doc_id}]")

    def row(self) -> dict:
        p_rel = self.relaxed / self.system if self.system else 0.0
        r_rel = self.relaxed / self.gold if self.gold else 0.0
        p_str = self.strict / self.system if self.system else 0.0
        r_str = self.strict / self.gold if self.gold else 0.0
        p_val = self.value_ok / self.system if self.system else 0.0
        r_val = self.value_ok / self.gold if self.gold else 0.0
        return {
            "relaxed_p": p_rel, "relaxed_r": r_rel, "relaxed_f1": f1(p_rel, r_rel),
            "strict_p": p_str, "strict_r": r_str, "strict_f1": f1(p_str, r_str),
            "type_acc": self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_p": p_val, "value_r": r_val, "value_f1": f1(p_val, r_val),
        }


def _ctx(text: str, s: int, e: int, width: int = 30) -> str:
    return " ".join(text[max(0, s - width):e + width].split())


# ------------------------------------------------------------------------------------------ coreference


def align_mentions(sys_m: list[tuple], gold_m: list[tuple]) -> dict[int, int]:
    """One-to-one alignment of (doc, (first, last) token) mentions: system index -> gold index.

    Pass 1 pairs identical token spans; pass 2 pairs a system span lying inside a gold span of the
    same document, the smallest gold span first."""
    pairs: dict[int, int] = {}
    used_g: set[int] = set()
    by_span = defaultdict(list)
    for gi, g in enumerate(gold_m):
        by_span[(g[0], g[1])].append(gi)
    for si, s in enumerate(sys_m):
        for gi in by_span.get((s[0], s[1]), []):
            if gi not in used_g:
                pairs[si] = gi
                used_g.add(gi)
                break
    cands = []
    for si, s in enumerate(sys_m):
        if si in pairs:
            continue
        for gi, g in enumerate(gold_m):
            if gi in used_g or g[0] != s[0]:
                continue
            if g[1][0] <= s[1][0] and s[1][1] <= g[1][1]:
                cands.append((g[1][1] - g[1][0], si, gi))
    for _, si, gi in sorted(cands):
        if si not in pairs and gi not in used_g:
            pairs[si] = gi
            used_g.add(gi)
    return pairs


def _members(clusters: list) -> dict:
    out = defaultdict(set)
    for i, c in enumerate(clusters):
        out[c].add(i)
    return out


def _bcubed_side(mine: list, other: list, to_other: dict[int, int]) -> float:
    """B³sys precision (``mine`` = system clusters) or recall (``mine`` = gold clusters): the mean
    over ``mine``'s mentions of the share of its cluster that is aligned into the aligned
    mention's cluster on the other side; an unaligned mention scores 1 / its cluster size."""
    if not mine:
        return 0.0
    my_members, other_members = _members(mine), _members(other)
    total = 0.0
    for i, c in enumerate(mine):
        own = my_members[c]
        if i in to_other:
            theirs = other_members[other[to_other[i]]]
            total += sum(1 for k in own if k in to_other and to_other[k] in theirs) / len(own)
        else:
            total += 1 / len(own)
    return total / len(mine)


def bcubed(sys_clusters: list, gold_clusters: list, pairs: dict[int, int]) -> tuple[float, float, float]:
    """B³sys over aligned mentions (Cai & Strube 2010); ``sys_clusters[i]``/``gold_clusters[j]``
    are cluster labels, ``pairs`` system index -> gold index. Returns (P, R, F1)."""
    p = _bcubed_side(sys_clusters, gold_clusters, pairs)
    r = _bcubed_side(gold_clusters, sys_clusters, {g: s for s, g in pairs.items()})
    return p, r, f1(p, r)
