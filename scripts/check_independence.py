#!/usr/bin/env python
"""Does an article's record depend on the articles processed with it? Runs the same articles
alone (one ``extract`` each), together in one file (``extract`` of the file, shifted by one article
too), and through ``newsfacts batch`` (records read back with ``export``): one article a chunk
(alone), and chunks of 8 with 1 and 2 workers. Counts the articles whose records differ from the
alone run of the same path (whole records: article metadata, entities, dates, claims; the
store's canonical ids and pipeline version left out, as export adds them).

    python scripts/check_independence.py ../shared/data/wikinews/wikinews_en_2004-2018.jsonl --limit 300
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from newsfacts.batch import run_batch
from newsfacts.config import Settings
from newsfacts.ingest import Article
from newsfacts.nlp import build_nlp, process
from newsfacts.store import Store
from newsfacts.to_records import doc_to_facts


def load(path: Path, limit: int) -> list[Article]:
    """The first ``limit`` articles; a raw Wikinews dump line (``date``, numeric ``id``) is read too."""
    out = []
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        out.append(Article(text=d["text"], id=str(d["id"]), title=d.get("title"),
                           published=None if not (d.get("published") or d.get("date"))
                           else __import__("datetime").date.fromisoformat((d.get("published") or d["date"])[:10])))
        if len(out) >= limit:
            break
    return out


def records(nlp, arts: list[Article], batch_size: int) -> dict[str, dict]:
    return {a.id: doc_to_facts(doc, a).model_dump(mode="json")
            for a, doc in process(nlp, arts, batch_size=batch_size)}


def from_store(db: str) -> dict[str, dict]:
    """Exported records without what only the store adds (canonical ids, pipeline version)."""
    with tempfile.TemporaryDirectory() as tmp, Store(db, read_only=True) as store:
        out = Path(tmp) / "x.jsonl"
        store.export("jsonl", out)
        recs = {}
        for line in out.open(encoding="utf-8"):
            r = json.loads(line)
            r.pop("pipeline_version", None)
            for e in r["entities"]:
                e.pop("canonical_id", None), e.pop("canonical_name", None)
            for c in r["claims"]:
                c.pop("canonical_entity_id", None)
            recs[r["article"]["id"]] = r
        return recs


def differing(a: dict[str, dict], b: dict[str, dict], keys=("article", "entities", "dates", "claims")) -> int:
    return sum(1 for k in a if any(a[k].get(f) != b.get(k, {}).get(f) for f in keys))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    arts = load(args.data, args.limit)
    words = sum(len(a.text.split()) for a in arts)
    nlp = build_nlp(Settings())
    t0 = time.perf_counter()
    alone: dict[str, dict] = {}
    for a in arts:
        alone.update(records(nlp, [a], 1))
    t_alone = time.perf_counter() - t0
    t0 = time.perf_counter()
    together = records(nlp, arts, 16)
    t_file = time.perf_counter() - t0
    shifted = records(nlp, arts[1:] + arts[:1], 16)
    print(f"{len(arts)} articles, {words} words")
    print(f"alone (one at a time)       {t_alone:7.1f} s  {words / t_alone:7.0f} words/s")
    print(f"in one file (batches of 16) {t_file:7.1f} s  {words / t_file:7.0f} words/s  differ from alone: "
          f"{differing(alone, together)}; shifted by one article: {differing(alone, shifted)}")
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        with inp.open("w", encoding="utf-8") as fh:
            for a in arts:
                fh.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                     "published": a.published.isoformat() if a.published else None}) + "\n")
        stored = {}
        for name, workers, chunk in (("alone", 1, 1), ("chunks of 8, 1 worker", 1, 8), ("chunks of 8, 2 workers", 2, 8)):
            db = str(Path(tmp) / f"w{workers}c{chunk}.db")
            run = run_batch([str(inp)], db, workers=workers, chunk_size=chunk, progress=False)
            stored[name] = from_store(db)
            diff = "" if name == "alone" else f"  differ from alone: {differing(stored['alone'], stored[name])}"
            print(f"batch, {name:<24}{run.seconds:7.1f} s  {run.words_per_s:7.0f} words/s{diff} "
                  f"({run.new} stored, {run.failed} failed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
