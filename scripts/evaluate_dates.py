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
import sys
import time
from pathlib import Path
from typing import Iterable, Optional

from newsfacts.config import Settings
from newsfacts.eval.readers import gold_timexes, parse_dct, read_timex_docs, scored_region
from newsfacts.eval.scoring import TimexScores
from newsfacts.ingest import Article
from newsfacts.nlp import build_nlp, make_doc

REPO = Path(__file__).resolve().parent.parent
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


def evaluate(nlp, docs: list[dict], batch_size: int = 16) -> TimexScores:
    """Run the pipeline over ``docs`` (the DCT as publication date) and score the dates."""
    scores = TimexScores()

    def articles() -> Iterable[tuple]:
        for d in docs:
            art = Article(text=d["text"], id=str(d.get("doc_id", "")), published=parse_dct(d.get("dct")))
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
        docs = read_timex_docs(path)
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
