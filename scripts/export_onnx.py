#!/usr/bin/env python
"""Export a model trained by scripts/train_ner.py to the shipped ONNX folder (+ an HF checkpoint).

Writes to ``--out`` (default models/ner-minilm-onto): ``model.onnx`` (int8, dynamic
quantisation), ``tokenizer.json``, ``labels.json``, ``config.json``; the fp32 graph goes to
``--work`` (runs/, git-ignored). ``--hf-out`` also saves a Hugging Face
``BertForTokenClassification`` checkpoint (outside git) for the HF back-end and the naive-cost
benchmark: it has no shape input, so the shape embedding's frequency-weighted mean is folded
into the classifier bias (an approximation of the shipped model, not the same predictions).

``--check-dev N`` scores fp32 and int8 ONNX on N OntoNotes dev sentences (same fixed subset as
train_ner.py's --dev-limit) and writes the numbers to ``<out>/export_check.json``.

    python scripts/export_onnx.py --run runs/ner-main --hf-out runs/ner-hf --check-dev 0
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

from newsfacts.components.transformer_ner import word_shape
from newsfacts.eval.readers import read_bio
from newsfacts.eval.scoring import prf
from newsfacts.training import GENRES_DEFAULT, build_model, encoder_dir


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", default="runs/ner-main")
    ap.add_argument("--out", default="models/ner-minilm-onto")
    ap.add_argument("--work", default="runs/export")
    ap.add_argument("--hf-out", default="")
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--check-dev", type=int, default=-1, help="-1: skip; 0: whole dev; N: N sentences")
    args = ap.parse_args()

    import torch

    torch.set_num_threads(2)
    run = Path(args.run)
    log = json.loads((run / "train_log.json").read_text())
    labels, shapes = log["labels"], log["shapes"]
    shape_dim = log["args"]["shape_dim"]
    model = build_model(len(labels), shape_dim, len(shapes))
    model.load_state_dict(torch.load(run / "model.pt", map_location="cpu"))
    model.eval()

    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model.fp32.onnx"
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]])
    mask = (ids > 0).long()
    shp = torch.tensor([[0, 1, 4, 0], [0, 1, 0, 0]])
    inputs = (ids, mask, shp)
    names = ["input_ids", "attention_mask", "shape_ids"]
    dyn = {n: {0: "batch", 1: "seq"} for n in names}
    dyn["logits"] = {0: "batch", 1: "seq"}
    torch.onnx.export(
        model, inputs, str(fp32), input_names=names, output_names=["logits"],
        dynamic_axes=dyn, opset_version=17, dynamo=False,
    )
    from onnxruntime.quantization import QuantType, quantize_dynamic

    q = work / "model.int8.onnx"
    quantize_dynamic(str(fp32), str(q), weight_type=QuantType.QInt8)
    shutil.copy(q, out / "model.onnx")
    shutil.copy(encoder_dir() / "tokenizer.json", out / "tokenizer.json")
    (out / "labels.json").write_text(
        json.dumps({"labels": labels, "id2label": {str(i): l for i, l in enumerate(labels)}, "shapes": shapes}, indent=1)
    )
    (out / "config.json").write_text(json.dumps({
        "format": "newsfacts-ner-onnx/1",
        "base_encoder": "sentence-transformers/all-MiniLM-L6-v2",
        "max_length": log["args"]["max_length"],
        "inputs": names, "outputs": ["logits"],
        "label_scheme": "IOB2, OntoNotes 5 types",
        "word_level": "first sub-word of each word",
        "shape_dim": shape_dim,
        "lowercase": True,
        "quantization": "onnxruntime quantize_dynamic, QInt8 weights",
        "train_log": {k: log[k] for k in ("args", "data", "steps", "train_seconds", "dev", "command")},
    }, indent=1))
    print("wrote", out, {p.name: p.stat().st_size for p in out.iterdir()})

    if args.hf_out:
        from transformers import BertConfig, BertForTokenClassification

        cfg = BertConfig.from_pretrained(str(encoder_dir()))
        cfg.num_labels = len(labels)
        cfg.id2label = {i: l for i, l in enumerate(labels)}
        cfg.label2id = {l: i for i, l in enumerate(labels)}
        hf = BertForTokenClassification(cfg)
        hf.bert.load_state_dict(model.encoder.state_dict(), strict=False)
        W = model.classifier.weight.data
        b = model.classifier.bias.data.clone()
        hid = cfg.hidden_size
        if shape_dim:
            # frequency of shape classes over a sample of train words
            sents = read_bio(Path(args.data_dir) / "ontonotes5" / "onto5.train.bio")[:5000]
            cnt = torch.zeros(len(shapes))
            for words, _ in sents:
                for w in words:
                    cnt[word_shape(w)] += 1
            mean = (cnt / cnt.sum()) @ model.shape_emb.weight.data
            b = b + W[:, hid:] @ mean
        hf.classifier.weight.data = W[:, :hid].clone()
        hf.classifier.bias.data = b
        hf.save_pretrained(args.hf_out)
        from transformers import AutoTokenizer

        AutoTokenizer.from_pretrained(str(encoder_dir())).save_pretrained(args.hf_out)
        print("wrote HF checkpoint", args.hf_out)

    if args.check_dev >= 0:
        from newsfacts.components.transformer_ner import TransformerNER

        dev = read_bio(Path(args.data_dir) / "ontonotes5" / "onto5.dev.bio", set(GENRES_DEFAULT))
        if args.check_dev:
            random.Random(0).shuffle(dev)
            dev = dev[: args.check_dev]
        gold = [t for _, t in dev]
        res = {}
        for tag, path in (("fp32", fp32), ("int8", q)):
            d = work / f"check_{tag}"
            d.mkdir(exist_ok=True)
            for f in ("tokenizer.json", "labels.json", "config.json"):
                shutil.copy(out / f, d / f)
            shutil.copy(path, d / "model.onnx")
            comp = TransformerNER(None, "ner", str(d), batch_size=64, threads=2)
            t0 = time.time()
            probs = comp.predict_words([w for w, _ in dev])
            el = time.time() - t0
            pred = []
            for (words, _), p in zip(dev, probs):
                tags = ["O"] * len(words)
                for a, b_, typ in __import__("newsfacts.components.transformer_ner", fromlist=["x"]).decode_entities(p, comp.labels):
                    tags[a] = "B-" + typ
                    for k in range(a + 1, b_):
                        tags[k] = "I-" + typ
                pred.append(tags)
            sc = prf(gold, pred)
            res[tag] = {"seconds": round(el, 1), "size_bytes": path.stat().st_size,
                        **{k: sc[k] for k in ("ALL", "PERSON", "ORG", "GPE") if k in sc}}
            print(tag, json.dumps(res[tag]), flush=True)
        res["dev_sentences"] = len(dev)
        (out / "export_check.json").write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
