"""Build corpus/wikinews-sample.jsonl: a small CC BY 2.5 sample of Wikinews articles.

Usage: python scripts/make_corpus.py ../shared/data/wikinews/wikinews_en_2004-2018.jsonl [--n 30]

Selection rule (deterministic): economy articles of 1,000-3,500 characters that contain a digit,
every k-th one in id order so the years spread out. Fields written: id, title, text, published,
url, source, license. Wikinews text is CC BY 2.5: credit is in corpus/README.md.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--out", type=Path, default=Path("corpus/wikinews-sample.jsonl"))
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.source.open(encoding="utf-8")]
    pool = [
        r for r in rows
        if "economy" in r.get("toscadata_sets", []) and 1000 <= len(r["text"]) <= 3500 and re.search(r"\d", r["text"])
    ]
    pool.sort(key=lambda r: int(re.sub(r"\D", "", r["id"]) or 0))
    step = max(1, len(pool) // args.n)
    chosen = pool[::step][: args.n]
    with args.out.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps({
                "id": f"wikinews-{r['id']}",
                "title": r["title"],
                "text": r["text"],
                "published": r["date"],
                "url": "https://en.wikinews.org/wiki/" + r["title"].replace(" ", "_"),
                "source": "Wikinews",
                "license": "CC BY 2.5",
            }, ensure_ascii=False) + "\n")
    print(f"wrote {len(chosen)} articles to {args.out}")


if __name__ == "__main__":
    main()
