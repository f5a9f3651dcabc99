#!/usr/bin/env python
"""Time per character of the whole pipeline on long articles: is it linear in article length?

Builds articles of 25k / 50k / 100k / 200k / 800k characters (``--sizes``) by joining the
paragraphs of the shipped Wikinews sample (``corpus/wikinews-sample.jsonl``, CC BY 2.5) in order,
repeating them as needed, cut at a paragraph end; runs each through the pipeline as ``newsfacts
extract`` does (``newsfacts.nlp.process``: one model load, then the article) and times the
pipeline and each stage (spaCy's components summed as "spacy"). Prints, per size, seconds,
microseconds per character, and the ratio of time per character between the largest and the
smallest size (1.0 = linear; expect <= 1.5). The best of ``--repeat`` runs counts (noise on a
shared machine only adds time).

    python scripts/bench_long_articles.py [--sizes 25000,50000,100000,200000,800000] [--no-transformer]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsfacts.config import Settings
from newsfacts.ingest import Article
from newsfacts.nlp import DOC_LEVEL, build_nlp, process

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "wikinews-sample.jsonl"


def long_text(chars: int) -> str:
    """Paragraphs of the sample, in order and repeated, up to ``chars`` characters (cut at a
    paragraph end, so the text is at most ``chars`` long and within one paragraph of it)."""
    paras = [p.strip() for line in SAMPLE.open(encoding="utf-8") for p in json.loads(line)["text"].split("\n")
             if p.strip()]
    out, n, k = [], 0, 0
    while True:
        p = paras[k % len(paras)]
        if n + len(p) + 1 > chars:
            return "\n".join(out)
        out.append(p)
        n += len(p) + 1
        k += 1


def timed_run(nlp, text: str, segment_chars: int) -> dict[str, float]:
    """Seconds for one article through :func:`newsfacts.nlp.process` ("total"), and per
    whole-article stage (each run once more on the finished ``Doc``; they recompute their output
    from the same input, so the second run costs what the first did)."""
    t0 = time.perf_counter()
    for _article, doc in process(nlp, [Article(text=text, id="long")], segment_chars=segment_chars):
        pass
    times = {"total": time.perf_counter() - t0}
    for name in DOC_LEVEL:
        if name in nlp.pipe_names:
            t1 = time.perf_counter()
            nlp.get_pipe(name)(doc)
            times[name] = time.perf_counter() - t1
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="25000,50000,100000,200000,800000")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-transformer", action="store_true")
    args = ap.parse_args()
    settings = Settings.from_env(use_transformer=False if args.no_transformer else None)
    nlp = build_nlp(settings)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for size in sizes:
        text = long_text(size)
        best = min((timed_run(nlp, text, settings.segment_chars) for _ in range(args.repeat)),
                   key=lambda t: t["total"])
        rows.append((len(text), best["total"]))
        stages = "  ".join(f"{k.removeprefix('newsfacts_')} {v:.2f}" for k, v in best.items() if k != "total")
        print(f"{len(text):>9,} chars  {best['total']:8.2f} s  {best['total'] / len(text) * 1e6:8.1f} µs/char"
              f"   (stages, s: {stages})", flush=True)
    (n0, t0), (n1, t1) = rows[0], rows[-1]
    print(f"ratio of time per character, {n1:,} vs {n0:,} characters: {(t1 / n1) / (t0 / n0):.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
