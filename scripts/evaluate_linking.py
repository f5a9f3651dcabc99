#!/usr/bin/env python
"""B-cubed evaluation of entity mention clustering (PERSON, ORG) on MEANTIME English (airbus + apple).

    python scripts/evaluate_linking.py /work/shared/data/meantime_en [--no-transformer] [--mentions named|all]

Two levels, one pipeline run (the 60 articles go through :func:`newsfacts.batch.run_batch` into
a temporary SQLite store):

- within an article: system clusters are the in-article linker's entities (``doc._.entities``,
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
named``, the default: names, what an NER-driven linker can find; the same token spans, from the
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
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

TYPES = {"PER": "PERSON", "ORG": "ORG"}
NAMED = {"NAM", "PRE.NAM"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "#"}


@dataclass
class Doc:
    doc_id: str
    corpus: str
    text: str
    spans: dict[str, tuple[int, int]]  # t_id -> char span
    order: dict[str, int]  # t_id -> token index


@dataclass
class GoldMention:
    doc_id: str
    tokens: tuple[int, int]  # first, last token index (inclusive)
    type: str
    cluster: str
    syntactic: str


def read_doc(path: Path) -> tuple[Doc, ET.Element]:
    root = ET.parse(path).getroot()
    toks = root.findall("token")
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    order: dict[str, int] = {}
    pos = 0
    prev_sent = None
    prev_tok = None
    for i, t in enumerate(toks):
        word = t.text or ""
        sent = t.get("sentence")
        if prev_sent is not None:
            if sent != prev_sent:
                sep = "\n"
            elif _NO_SPACE_BEFORE.match(word) or prev_tok in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        spans[t.get("t_id")] = (pos, pos + len(word))
        order[t.get("t_id")] = i
        parts.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    doc = Doc(root.get("doc_id"), path.parent.name, "".join(parts), spans, order)
    return doc, root


def gold_mentions(doc: Doc, root: ET.Element, cross: bool, which: str) -> list[GoldMention]:
    marks = root.find("Markables")
    mentions = {m.get("m_id"): m for m in marks if m.tag == "ENTITY_MENTION"}
    entities = {m.get("m_id"): m for m in marks if m.tag == "ENTITY"}
    out = []
    for rel in root.find("Relations") or []:
        if rel.tag != "REFERS_TO":
            continue
        target = entities.get(rel.find("target").get("m_id"))
        if target is None or target.get("ent_type") not in TYPES:
            continue
        cluster = (target.get("instance_id") if cross else None) or f"{doc.doc_id}#{target.get('m_id')}"
        for src in rel.findall("source"):
            m = mentions.get(src.get("m_id"))
            if m is None:
                continue
            syn = m.get("syntactic_type") or ""
            if which == "named" and syn not in NAMED:
                continue
            idx = sorted(doc.order[a.get("t_id")] for a in m.findall("token_anchor"))
            if not idx:
                continue
            out.append(GoldMention(doc.doc_id, (idx[0], idx[-1]), TYPES[target.get("ent_type")], cluster, syn))
    return out


def cross_clusters_by_span(doc: Doc, root: ET.Element) -> dict[tuple[int, int], tuple[str, str]]:
    """Token span -> (type, cross-document cluster) of every PER/ORG mention of a cross-doc file."""
    return {g.tokens: (g.type, g.cluster) for g in gold_mentions(doc, root, cross=True, which="all")}


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    idx = [doc.order[t] for t, (s, e) in doc.spans.items() if s < end and start < e]
    return (min(idx), max(idx)) if idx else None


def align(sys_m: list[tuple], gold_m: list[tuple]) -> dict[int, int]:
    """One-to-one alignment: index of system mention -> index of gold mention (see the docstring)."""
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


def bcubed(sys_clusters: list, gold_clusters: list, pairs: dict[int, int]) -> tuple[float, float, float]:
    """B³sys over aligned mentions; ``sys_clusters[i]``/``gold_clusters[j]`` are cluster labels."""
    s_members = defaultdict(set)
    g_members = defaultdict(set)
    for i, c in enumerate(sys_clusters):
        s_members[c].add(i)
    for j, c in enumerate(gold_clusters):
        g_members[c].add(j)
    g_to_s = {g: s for s, g in pairs.items()}
    p_sum = 0.0
    for i, c in enumerate(sys_clusters):
        S = s_members[c]
        if i in pairs:
            G = g_members[gold_clusters[pairs[i]]]
            p_sum += sum(1 for k in S if k in pairs and pairs[k] in G) / len(S)
        else:
            p_sum += 1 / len(S)
    r_sum = 0.0
    for j, c in enumerate(gold_clusters):
        G = g_members[c]
        if j in g_to_s:
            S = s_members[sys_clusters[g_to_s[j]]]
            r_sum += sum(1 for k in G if k in g_to_s and g_to_s[k] in S) / len(G)
        else:
            r_sum += 1 / len(G)
    p = p_sum / len(sys_clusters) if sys_clusters else 0.0
    r = r_sum / len(gold_clusters) if gold_clusters else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


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
    docs: dict[str, Doc] = {}
    gold_intra: list[GoldMention] = []
    gold_cross: list[GoldMention] = []
    for corpus in corpora:
        for path in sorted((a.meantime / "intra-doc_annotation" / corpus).glob("*.xml")):
            doc, root = read_doc(path)
            docs[doc.doc_id] = doc
            intra = gold_mentions(doc, root, cross=False, which=a.mentions)
            gold_intra += intra
            cross_path = a.meantime / "intra_cross-doc_annotation" / corpus / path.name
            xdoc, xroot = read_doc(cross_path)
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
            pairs = align([(s[0], s[1]) for s in S], [(g.doc_id, g.tokens) for g in G])
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
