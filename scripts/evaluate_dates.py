"""Evaluate the dates stage (``newsfacts_dates``) on TimeML-style TIMEX3 gold; prints a table.

Usage::

    python scripts/evaluate_dates.py PATH [PATH ...] [--errors N] [--limit N]

PATH is a JSONL file with one document a line ``{doc_id, dct, text, timex: [{type, value,
start, end, text, functionInDocument?}]}`` (the TempEval-3 and MEANTIME conversions under
``shared/data/*/derived/``), or a folder of TimeML ``.tml`` files (TempEval-3 layout: ``<DCT>``
and ``<TEXT>`` with inline ``<TIMEX3>``). With no PATH it runs TBAQ-cleaned (development set),
TempEval-3 platinum (test) and MEANTIME English (airbus + apple) from ``../shared/data``.

Protocol (TempEval-3, UzZaman et al. 2013):

- the document creation time from the data is given as the publication date; gold TIMEX3s
  outside the text (the DCT itself, MEANTIME's empty timexes) are not scored;
- MEANTIME annotates only the first sentences of each article (title, date line and the first
  sentences): there, only system mentions up to the end of the line holding the last annotated
  markable (entity, timex or value mention) are scored;
- relaxed span match: any character overlap, one-to-one (gold and system mentions are paired
  greedily by largest overlap); strict span match: identical offsets;
- type accuracy: share of relaxed matches with the gold type;
- value F1: a relaxed match whose value equals the gold value counts as correct;
  P = correct / system mentions, R = correct / gold mentions (TempEval-3's attribute F1).

The pipeline is ``build_nlp(Settings(use_transformer=False))`` run with ``nlp.pipe``: the dates
stage reads only spaCy's tokens, parse and DATE/TIME entities, so the transformer NER stage is
skipped for speed (it does not change the dates). Reference value F1 on TempEval-3 platinum
(task A, as published): HeidelTime 77.61, SUTime 67.38. Develop on TBAQ only; platinum and
MEANTIME are for reporting.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import html
import json
import re
import sys
import time
from pathlib import Path
from typing import Iterable, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsfacts.config import Settings  # noqa: E402
from newsfacts.ingest import Article  # noqa: E402
from newsfacts.nlp import build_nlp, make_doc  # noqa: E402

DATA = REPO.parent / "shared" / "data"
DEFAULT_PATHS = [
    DATA / "tempeval3" / "derived" / "tbaq-cleaned.jsonl",
    DATA / "tempeval3" / "derived" / "te3-platinum.jsonl",
    DATA / "meantime_en" / "derived" / "meantime_en_intra-doc.jsonl",
]
REFERENCE = {  # TempEval-3 platinum, task A, value F1 in % (UzZaman et al. 2013)
    "HeidelTime": 77.61,
    "SUTime": 67.38,
}


# ------------------------------------------------------------------------------------------
# Reading data
# ------------------------------------------------------------------------------------------


def _parse_dct(s: Optional[str]) -> Optional[dt.date]:
    if not s:
        return None
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", s)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def read_tml(path: Path) -> dict:
    """One TimeML file -> {doc_id, dct, text, timex} with offsets into the plain <TEXT>."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    text_parts: list[str] = []
    pos = 0
    timex, open_t = [], None
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", body):
        if m.group(4) is not None:
            chunk = html.unescape(m.group(4))
            text_parts.append(chunk)
            pos += len(chunk)
        elif m.group(2) == "TIMEX3":
            if m.group(1):
                if open_t is not None:
                    open_t["end"] = pos
                    timex.append(open_t)
                open_t = None
            else:
                attrs = dict(re.findall(r"(\w+)=\"([^\"]*)\"", m.group(3)))
                open_t = {"type": attrs.get("type"), "value": attrs.get("value"), "start": pos,
                          "functionInDocument": attrs.get("functionInDocument")}
    text = "".join(text_parts)
    for t in timex:
        t["text"] = text[t["start"]:t["end"]]
    return {"doc_id": path.stem, "dct": dct_m.group(1) if dct_m else None, "text": text, "timex": timex}


def read_docs(path: Path) -> list[dict]:
    """Documents from a JSONL file or a folder of .tml files."""
    if path.is_dir():
        return [read_tml(p) for p in sorted(path.glob("*.tml"))]
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_timexes(doc: dict) -> list[dict]:
    """Scored gold: timexes with offsets in the text (the DCT timex only when it is in the text)."""
    return [t for t in doc["timex"] if t.get("start") is not None and t.get("end") is not None
            and t["end"] > t["start"]]


# ------------------------------------------------------------------------------------------
# Scoring
# ------------------------------------------------------------------------------------------


def scored_region(doc: dict) -> Optional[int]:
    """End offset of the annotated part of a MEANTIME document (None: the whole text)."""
    if "entity_mentions" not in doc:
        return None
    ends = [m["end"] for k in ("entity_mentions", "timex", "values") for m in doc.get(k) or []
            if m.get("end") is not None]
    if not ends:
        return None
    nl = doc["text"].find("\n", max(ends))
    return len(doc["text"]) if nl < 0 else nl


def pair(gold: list[dict], system: list) -> list[tuple[dict, object]]:
    """Greedy one-to-one pairing of overlapping gold and system mentions, largest overlap first."""
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


def category(text: str, value: str) -> str:
    """A coarse expression kind for the error listing."""
    t = text.lower()
    if re.search(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day", t):
        return "weekday"
    if re.search(r"\b(?:today|tonight|yesterday|tomorrow)\b", t):
        return "today/yesterday"
    if re.search(r"quarter", t):
        return "quarter"
    if re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d", t):
        return "month-day(-year)"
    if re.search(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b", t):
        return "month name"
    if re.search(r"\b(?:ago|earlier|later|before|after)\b", t):
        return "N units ago/earlier"
    if re.search(r"\b(?:this|last|next|past|coming|previous|current)\b", t):
        return "this/last/next unit"
    if re.search(r"\b(?:now|current|recent|past|future|soon|previously|already|then|once)", t):
        return "PRESENT/PAST/FUTURE_REF"
    if re.search(r"\d", t) and re.search(r"\b(?:year|month|week|day|hour|minute|decade)s?\b|-year|-day|-month|-week|-hour", t):
        return "N units (duration)"
    if re.search(r"(?:year|month|week|day|hour|minute|decade|centur)", t):
        return "unit word (vague)"
    if re.fullmatch(r"(?:the\s+)?(?:fiscal\s+)?'?\d{2,4}s?", t.strip()):
        return "year/decade"
    if re.search(r"\d", t):
        return "other numeric"
    if re.search(r"daily|weekly|annual|every|each|monthly", t):
        return "SET"
    return "other words"


class Scores:
    """Counts over one dataset."""

    def __init__(self) -> None:
        self.gold = self.system = self.relaxed = self.strict = self.type_ok = self.value_ok = 0
        self.errors: collections.Counter = collections.Counter()
        self.examples: dict = {}

    def add(self, gold: list[dict], system: list, text: str, doc_id: str) -> None:
        self.gold += len(gold)
        self.system += len(system)
        pairs = pair(gold, system)
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
                self._err("wrong value", category(g["text"], g["value"]),
                          f"{g['text']!r}: gold {g['value']} ({g['type']}), system {s.value} ({s.type}) on {s.text!r}", doc_id)
        for g in gold:
            if id(g) not in matched_g:
                self._err("missed", category(g["text"], g["value"]),
                          f"{g['text']!r} = {g['value']} ({g['type']}) in …{_ctx(text, g['start'], g['end'])}…", doc_id)
        for s in system:
            if id(s) not in matched_s:
                self._err("spurious", category(s.text, s.value),
                          f"{s.text!r} -> {s.value} ({s.type}) in …{_ctx(text, s.start, s.end)}…", doc_id)

    def _err(self, what: str, cat: str, example: str, doc_id: str) -> None:
        key = f"{what}: {cat}"
        self.errors[key] += 1
        self.examples.setdefault(key, f"{example} [{doc_id}]")

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict:
        p_rel = self.relaxed / self.system if self.system else 0.0
        r_rel = self.relaxed / self.gold if self.gold else 0.0
        p_str = self.strict / self.system if self.system else 0.0
        r_str = self.strict / self.gold if self.gold else 0.0
        p_val = self.value_ok / self.system if self.system else 0.0
        r_val = self.value_ok / self.gold if self.gold else 0.0
        return {
            "relaxed_p": p_rel, "relaxed_r": r_rel, "relaxed_f1": self.f1(p_rel, r_rel),
            "strict_p": p_str, "strict_r": r_str, "strict_f1": self.f1(p_str, r_str),
            "type_acc": self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_p": p_val, "value_r": r_val, "value_f1": self.f1(p_val, r_val),
        }


def _ctx(text: str, s: int, e: int, width: int = 30) -> str:
    return " ".join(text[max(0, s - width):e + width].split())


def evaluate(nlp, docs: list[dict], batch_size: int = 16) -> Scores:
    """Run the pipeline over ``docs`` (the DCT as publication date) and score the dates."""
    scores = Scores()

    def articles() -> Iterable[tuple]:
        for d in docs:
            art = Article(text=d["text"], id=str(d.get("doc_id", "")), published=_parse_dct(d.get("dct")))
            yield make_doc(nlp, art), d

    for doc, d in nlp.pipe(articles(), as_tuples=True, batch_size=batch_size):
        region = scored_region(d)
        system = [m for m in doc._.dates or [] if region is None or m.start < region]
        scores.add(gold_timexes(d), system, d["text"], str(d.get("doc_id", "")))
    return scores


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="JSONL file(s) or folder(s) of .tml")
    ap.add_argument("--errors", type=int, default=10, help="error kinds to list per dataset")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = ap.parse_args(argv)
    paths = args.paths or DEFAULT_PATHS
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"error: not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    nlp = build_nlp(Settings(use_transformer=False))
    rows = []
    for path in paths:
        docs = read_docs(path)
        if not docs:
            print(f"error: no documents in {path} (expected a TimeML folder of .tml files or a derived "
                  f"*.jsonl file, e.g. ../shared/data/tempeval3/derived/te3-platinum.jsonl)", file=sys.stderr)
            return 1
        if args.limit:
            docs = docs[: args.limit]
        t0 = time.perf_counter()
        sc = evaluate(nlp, docs)
        rows.append((path, len(docs), sc, time.perf_counter() - t0))

    print("\nnewsfacts_dates — TIMEX3 evaluation (TempEval-3 protocol; DCT given as publication date)")
    head = f"{'dataset':<34}{'docs':>5}{'gold':>6}{'sys':>6}  {'relaxed P/R/F1':<20}{'strict P/R/F1':<20}{'type acc':>9}  {'value P/R/F1':<20}"
    print(head)
    print("-" * len(head))
    for path, n, sc, secs in rows:
        r = sc.row()
        name = path.name if path.name != "derived" else path.parent.name
        print(f"{name:<34}{n:>5}{sc.gold:>6}{sc.system:>6}  "
              f"{r['relaxed_p']*100:5.1f} {r['relaxed_r']*100:5.1f} {r['relaxed_f1']*100:5.1f}   "
              f"{r['strict_p']*100:5.1f} {r['strict_r']*100:5.1f} {r['strict_f1']*100:5.1f}   "
              f"{r['type_acc']*100:7.1f}  "
              f"{r['value_p']*100:5.1f} {r['value_r']*100:5.1f} {r['value_f1']*100:5.1f}")
    print("reference, TempEval-3 platinum, value F1 (published):")
    for sysname, ref in REFERENCE.items():
        print(f"  {sysname:<32}{'':>17}  {'':>20}{'':>20}{'':>9}  {'':>12}{ref:5.1f}")
    print("bars (platinum): value F1 >= 78.0, relaxed span F1 >= 88.0")
    for path, n, sc, secs in rows:
        print(f"\nmost common error kinds — {path.name} ({secs:.0f} s)")
        for key, cnt in sc.errors.most_common(args.errors):
            print(f"  {cnt:4d}  {key:<42} e.g. {sc.examples[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
