#!/usr/bin/env python
"""Batch throughput benchmark: articles/s and words/s with 1 and 2 workers (one thread each),
the scaling ratio, peak RSS after N articles, and the time of a re-run with nothing new,
on SQLite and (with --pg) PostgreSQL side by side. Prints a table.

    python scripts/bench_batch.py /work/shared/data/wikinews/wikinews_en_2004-2018.jsonl \\
        /work/shared/data/tempeval3_silver/derived/te3-silver.jsonl \\
        --limit 400 --no-transformer --pg "$NEWSFACTS_TEST_PG"

Each input is JSONL. The first ``--limit`` records are copied to a temporary JSONL (never into
the repository) with ``--id-field``/``--published-field`` mapped to ``id``/``published``; by
default ``id`` falls back to ``doc_id`` and ``published`` to ``date`` or ``dct``. Every
configuration runs in its own process on a fresh store; a monitor samples the RSS of that
process and its workers (psutil) and the number of stored articles, so "peak RSS @1000" is the
largest RSS seen until the 1,000th article was stored. The re-run is the 1-worker run again on
its own store: every article is skipped before NLP.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import sqlalchemy as sa

from newsfacts.store import create_scratch_database

RUNNER = r"""
import json, sys
from newsfacts.batch import run_batch
from newsfacts.config import Settings
args = json.loads(sys.argv[1])
settings = Settings.from_env(use_transformer=False if args["no_transformer"] else None)
s = run_batch([args["path"]], args["db"], workers=args["workers"], engine=args["engine"],
              settings=settings, progress=False, chunk_size=args["chunk_size"])
print("RESULT " + json.dumps(s.as_dict()))
"""


def convert(src: Path, dst: Path, limit: int | None, id_field: str | None, published_field: str | None) -> tuple[int, int]:
    """Copy the first ``limit`` records of ``src`` to ``dst`` with ``id``/``published`` mapped."""
    n = words = 0
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for line in fin:
            if limit is not None and n >= limit:
                break
            if not line.strip():
                continue
            rec = json.loads(line)
            out = {"text": rec.get("text"), "title": rec.get("title"), "url": rec.get("url"),
                   "source": rec.get("source") if isinstance(rec.get("source"), str) else None}
            ident = rec.get(id_field) if id_field else (rec.get("id") or rec.get("doc_id"))
            if ident not in (None, ""):
                out["id"] = str(ident)
            pub = rec.get(published_field) if published_field else (
                rec.get("published") or rec.get("date") or rec.get("dct"))
            if pub:
                out["published"] = pub
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")
            n += 1
            words += len(str(rec.get("text") or "").split())
    return n, words


class Monitor(threading.Thread):
    """Samples the RSS of a process tree and the stored article count."""

    def __init__(self, pid: int, db_url: str, milestones: list[int], interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.engine = sa.create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
        self.milestones = sorted(milestones)
        self.interval = interval
        self.peak = 0
        self.at: dict[int, int] = {}
        self.stop = threading.Event()

    def rss(self) -> int:
        total = 0
        try:
            procs = [self.proc] + self.proc.children(recursive=True)
        except psutil.Error:
            return 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def count(self) -> int:
        try:
            with self.engine.connect() as conn:
                return conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one()
        except Exception:
            return 0

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.rss())
            n = self.count()
            for m in self.milestones:
                if m not in self.at and n >= m:
                    self.at[m] = self.peak
            self.stop.wait(self.interval)
        self.engine.dispose()


def run_config(path: Path, db: str, workers: int, engine: str, no_transformer: bool, chunk_size: int,
               milestones: list[int]) -> dict:
    args = {"path": str(path), "db": db, "workers": workers, "engine": engine,
            "no_transformer": no_transformer, "chunk_size": chunk_size}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, json.dumps(args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    mon = Monitor(proc.pid, db, milestones)
    mon.start()
    out, err = proc.communicate()
    mon.stop.set()
    mon.join()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed ({args}):\n{err[-3000:]}")
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    res = json.loads(line[len("RESULT "):])
    res.update(process_wall=wall, peak_rss=mon.peak, rss_at=mon.at)
    return res


def fresh_pg(admin: str) -> tuple[str, callable]:
    return create_scratch_database(admin, prefix="nfbench_")


def mib(n: int | None) -> str:
    return f"{n / 2**20:,.0f}" if n else "n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path, help="JSONL corpora")
    ap.add_argument("--limit", type=int, default=None, help="first N records of each corpus")
    ap.add_argument("--id-field", default=None, help="record field holding the article id (default id, doc_id)")
    ap.add_argument("--published-field", default=None,
                    help="record field holding the publication date (default published, date, dct)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    ap.add_argument("--engine", default="local", choices=["local", "dask"])
    ap.add_argument("--no-transformer", action="store_true", help="spaCy NER alone")
    ap.add_argument("--pg", default=os.environ.get("NEWSFACTS_TEST_PG"),
                    help="PostgreSQL server URL (a fresh database is created per run; default $NEWSFACTS_TEST_PG)")
    ap.add_argument("--stores", default="sqlite,postgresql",
                    help="stores to run (postgresql only with --pg; default both)")
    ap.add_argument("--rss-at", default="1000,5000", help="article counts at which to report peak RSS")
    ap.add_argument("--chunk-size", type=int, default=8)
    ap.add_argument("--json", type=Path, default=None, help="also write the raw results here")
    a = ap.parse_args()

    from rich.console import Console
    from rich.table import Table

    from newsfacts.batch import pipeline_version
    from newsfacts.config import Settings

    milestones = [int(x) for x in a.rss_at.split(",") if x]
    worker_counts = [int(x) for x in a.workers.split(",") if x]
    stores = [x for x in a.stores.split(",") if x == "sqlite" or (x == "postgresql" and a.pg)]
    if "postgresql" in stores:  # fail now, not after an hour of SQLite runs
        _, drop = fresh_pg(a.pg)
        drop()
    version = pipeline_version(Settings.from_env(use_transformer=False if a.no_transformer else None))
    results = []
    console = Console(stderr=True)
    with tempfile.TemporaryDirectory(prefix="nf-bench-") as tmp:
        for src in a.paths:
            data = Path(tmp) / (src.stem + ".jsonl")
            n, words = convert(src, data, a.limit, a.id_field, a.published_field)
            for store in stores:
                base = None
                for w in worker_counts:
                    drop = None
                    if store == "sqlite":
                        db = str(Path(tmp) / f"{src.stem}-w{w}.db")
                    else:
                        db, drop = fresh_pg(a.pg)
                    console.print(f"{src.name}: {n} articles, {store}, {w} worker(s) ...")
                    r = run_config(data, db, w, a.engine, a.no_transformer, a.chunk_size, milestones)
                    r.update(dataset=src.name, store=store, n=n)
                    if w == worker_counts[0]:
                        console.print(f"{src.name}: {store}: re-run with nothing new ...")
                        rr = run_config(data, db, w, a.engine, a.no_transformer, a.chunk_size, [])
                        r["rerun_seconds"] = rr["process_wall"]
                        r["rerun_inrun"] = rr["seconds"]
                        r["rerun_new"] = rr["new"]
                        base = r
                    r["scaling"] = r["articles_per_s"] / base["articles_per_s"] if base and base["articles_per_s"] else None
                    results.append(r)
                    console.print(f"  -> {r['new']} new in {r['process_wall']:.1f} s, "
                                  f"{r['new'] / r['process_wall']:.2f} articles/s, peak RSS {mib(r['peak_rss'])} MiB"
                                  + (f", re-run {r['rerun_seconds']:.1f} s" if "rerun_seconds" in r else ""))
                    if a.json:  # written after every configuration: a failure later loses nothing
                        a.json.write_text(json.dumps(results, indent=2, default=str))
                    if drop:
                        drop()

    t = Table(title=f"newsfacts batch benchmark ({'no transformer' if a.no_transformer else 'with transformer'}; "
                    f"{version}; {os.cpu_count()} CPUs)")
    for col in ["dataset", "store", "workers", "articles", "new", "failed", "seconds", "articles/s", "words/s",
                "scaling", *[f"peak RSS MiB @{m}" for m in milestones], "peak RSS MiB", "re-run s",
                "re-run % of first", "re-run s in run_batch", "in-run %"]:
        t.add_column(col, justify="left" if col in ("dataset", "store") else "right")
    for r in results:
        rerun = r.get("rerun_seconds")
        t.add_row(
            r["dataset"], r["store"], str(r["workers"]), str(r["n"]), str(r["new"]), str(r["failed"]),
            f"{r['process_wall']:.1f}", f"{r['new'] / r['process_wall']:.2f}",
            f"{r['words'] / r['process_wall']:.0f}",
            f"{r['scaling']:.2f}" if r.get("scaling") else "",
            *[mib(r["rss_at"].get(m)) for m in milestones], mib(r["peak_rss"]),
            f"{rerun:.2f}" if rerun is not None else "",
            f"{100 * rerun / r['process_wall']:.1f}%" if rerun is not None else "",
            f"{r['rerun_inrun']:.2f}" if rerun is not None else "",
            f"{100 * r['rerun_inrun'] / r['seconds']:.1f}%" if rerun is not None else "",
        )
    Console(width=250).print(t)
    print("seconds: wall time of the whole run in its own process (pipeline load included); articles/s "
          "and words/s divide new articles/words by it. scaling: articles/s over the first worker count's. "
          "peak RSS: the process and its workers together; n/a: fewer articles than that were run. "
          "re-run s: the whole process (interpreter start and imports included); in run_batch: the call alone, "
          "compared with the first run's call.")
    if a.json:
        a.json.write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
