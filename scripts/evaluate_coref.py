#!/usr/bin/env python
"""B-cubed evaluation of entity mention clustering (PERSON, ORG) on MEANTIME English (airbus + apple):
in-article coreference and cross-article entity resolution.

    python scripts/evaluate_coref.py /work/shared/data/meantime_en [--no-transformer] [--mentions named|all]

Two levels, one pipeline run (the 60 articles go through :func:`newsfacts.batch.run_batch` into
a temporary SQLite store):

- within an article: system clusters are the in-article coreference stage's entities (``doc._.entities``,
  stored as ``mentions.local_id`` per article); gold clusters are the ``REFERS_TO`` targets of
  ``intra-doc_annotation``.
- across articles: system clusters are the store's canonical entities (``mentions.entity_id``,
  the cross-article resolution); gold clusters are the ``instance_id`` of the targets in
  ``intra_cross-doc_annotation`` (a target without an instance id is its own document-local
  cluster).

Format (see the corpus README): ``<token t_id sentence>`` elements; ``ENTITY_MENTION`` markables
(``m_id``, ``syntactic_type``, ``token_anchor t_id``); ``ENTITY`` targets (``ent_type`` PER, ORG,
LOC, PRO, FIN, ..., ``instance_id`` in the cross-document files); ``REFERS_TO`` source mentions →
target entity. The article text is rebuilt from the tokens (one line a sentence, the first
line is the title; no space before closing punctuation), keeping every token's character span;
``published`` is the document creation time from ``derived/meantime_en_intra-doc.jsonl`` when present.

Gold mentions: those of PER/ORG targets with ``syntactic_type`` NAM or PRE.NAM (``--mentions
named``, the default: names, what an NER-driven coreference stage can find; the same token spans, from the
intra-doc files, are used at both levels) or every mention (``--mentions all``: pronouns and
nominals too).

Alignment by token offsets: a system mention covers the tokens its characters overlap.
Pass 1 pairs system and gold mentions with identical token spans; pass 2 pairs the rest when
the system span lies inside the gold span (the gold extent often includes modifiers: "Airbus
parent EADS"), the smallest gold span first; one-to-one. Types must agree (PERSON rows use
PERSON system and gold mentions; the ALL row pools both types and ignores type).

Unmatched mentions (B³ as in Cai & Strube 2010, "B³sys"): a system mention with no gold twin
counts in precision as a gold singleton (it scores 1/|its system cluster|) and is ignored in
recall; a gold mention with no system twin counts in recall as a system singleton (it scores
1/|its gold cluster|) and is ignored in precision. So missed names lower recall, spurious
names lower precision. Scores are micro-averaged over all mentions of all articles. MEANTIME
annotates only some entities (event participants), so many correct system names have no twin;
"aligned B³" scores the matched mentions alone, the clustering quality where both sides agree
a mention exists.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

from newsfacts.eval.readers import (GoldMention, MeantimeDoc, cross_clusters_by_span, meantime_gold_mentions,
                                    read_meantime_xml, token_range)
from newsfacts.eval.scoring import align_mentions, bcubed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("meantime", type=Path, help="the meantime_en folder")
    ap.add_argument("--corpora", default="corpus_airbus,corpus_apple")
    ap.add_argument("--mentions", choices=["named", "all"], default="named")
    ap.add_argument("--no-transformer", action="store_true")
    ap.add_argument("--db", default=None, help="store to use (default: a temporary SQLite file)")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    a = ap.parse_args()

    from rich.console import Console
    from rich.table import Table

    from newsfacts.batch import run_batch
    from newsfacts.config import Settings

    corpora = a.corpora.split(",")
    dct = {}
    derived = a.meantime / "derived" / "meantime_en_intra-doc.jsonl"
    if derived.exists():
        for line in derived.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            dct[str(rec["doc_id"])] = rec.get("dct")
    docs: dict[str, MeantimeDoc] = {}
    gold_intra: list[GoldMention] = []
    gold_cross: list[GoldMention] = []
    for corpus in corpora:
        for path in sorted((a.meantime / "intra-doc_annotation" / corpus).glob("*.xml")):
            doc, root = read_meantime_xml(path)
            docs[doc.doc_id] = doc
            intra = meantime_gold_mentions(doc, root, cross=False, which=a.mentions)
            gold_intra += intra
            cross_path = a.meantime / "intra_cross-doc_annotation" / corpus / path.name
            xdoc, xroot = read_meantime_xml(cross_path)
            if xdoc.text != doc.text:
                sys.exit(f"{cross_path}: tokens differ from the intra-doc file")
            by_span = cross_clusters_by_span(xdoc, xroot)
            for g in intra:  # the same mentions, clustered across documents
                t, cluster = by_span.get(g.tokens, (g.type, f"{g.doc_id}#intra:{g.cluster}"))
                gold_cross.append(GoldMention(g.doc_id, g.tokens, g.type, cluster, g.syntactic))

    settings = Settings.from_env(use_transformer=False if a.no_transformer else None)
    with tempfile.TemporaryDirectory(prefix="nf-meantime-") as tmp:
        inp = Path(tmp) / "meantime.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for d in docs.values():
                rec = {"id": f"mt{d.doc_id}", "text": d.text, "source": "MEANTIME " + d.corpus}
                if dct.get(d.doc_id):
                    rec["published"] = dct[d.doc_id]
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        db = a.db or str(Path(tmp) / "meantime.db")
        summary = run_batch([str(inp)], db, settings=settings, progress=False)
        url = db if "://" in db else f"sqlite:///{db}"
        eng = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with eng.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT m.article_id, m.local_id, m.entity_id, m.start, m.\"end\", e.type FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id")).all()
        eng.dispose()

    sys_m = []  # (doc_id, token span, type, intra cluster, cross cluster)
    for art, local, eid, start, end, etype in rows:
        doc = docs[art[2:]]
        span = token_range(doc, start, end)
        if span is None or etype not in ("PERSON", "ORG"):
            continue
        sys_m.append((doc.doc_id, span, etype, f"{art}#{local}", eid))

    results = []
    for level, gold in (("within article", gold_intra), ("across articles", gold_cross)):
        for typ in ("PERSON", "ORG", "ALL"):
            S = [s for s in sys_m if typ == "ALL" or s[2] == typ]
            G = [g for g in gold if typ == "ALL" or g.type == typ]
            pairs = align_mentions([(s[0], s[1]) for s in S], [(g.doc_id, g.tokens) for g in G])
            s_cl = [s[3] if level == "within article" else s[4] for s in S]
            g_cl = [g.cluster for g in G]
            p, r, f = bcubed(s_cl, g_cl, pairs)
            # the same on aligned mentions only (MEANTIME annotates only some entities: unannotated
            # but correct system names would otherwise count against precision)
            items = sorted(pairs.items())
            ap_, ar_, af_ = bcubed([s_cl[i] for i, _ in items], [g_cl[j] for _, j in items],
                                   {k: k for k in range(len(items))})
            results.append({"level": level, "type": typ, "gold": len(G), "system": len(S), "matched": len(pairs),
                            "gold_clusters": len(set(g_cl)), "system_clusters": len(set(s_cl)),
                            "precision": p, "recall": r, "f1": f,
                            "aligned_precision": ap_, "aligned_recall": ar_, "aligned_f1": af_})

    t = Table(title=f"MEANTIME en ({', '.join(corpora)}; {len(docs)} articles; gold mentions: {a.mentions}; "
                    f"{'no transformer' if a.no_transformer else 'transformer NER'}) — B-cubed (B³sys)")
    for col in ("level", "type", "gold mentions", "system mentions", "matched", "gold clusters",
                "system clusters", "B³ P", "B³ R", "B³ F1", "aligned B³ P", "aligned B³ R", "aligned B³ F1"):
        t.add_column(col, justify="left" if col in ("level", "type") else "right")
    for r in results:
        t.add_row(r["level"], r["type"], str(r["gold"]), str(r["system"]), str(r["matched"]),
                  str(r["gold_clusters"]), str(r["system_clusters"]),
                  f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                  f"{r['aligned_precision']:.3f}", f"{r['aligned_recall']:.3f}", f"{r['aligned_f1']:.3f}")
    Console(width=200).print(t)
    print(f"pipeline: {summary.pipeline_version}; {summary.new} articles processed, {summary.failed} failed.")
    print("Alignment by token offsets: identical spans first, then a system span inside a gold span "
          "(smallest first), one-to-one, same type. Unmatched system mentions count as gold singletons "
          "in precision; unmatched gold mentions as system singletons in recall (Cai & Strube 2010). "
          "aligned B³: the matched mentions alone (MEANTIME annotates only event participants, so many "
          "correct system names have no gold twin).")
    if a.json:
        a.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
