"""Transformer NER stage (factory ``newsfacts_transformer_ner``) and its merge with spaCy's entities.

The stage runs the project's own NER model — all-MiniLM-L6-v2 fine-tuned on OntoNotes 5
(18 types, IOB2), shipped int8-quantised as ONNX in ``models/ner-minilm-onto/`` — and merges its
entities with those spaCy's ``ner`` already put on ``doc.ents``. Because the encoder is uncased,
every word also gets a word-shape class (``Xxxx``, ``XXXX``, ``dd`` …, see :func:`word_shape`)
whose embedding the classifier sees next to the word's first-subword state.

Back-ends (chosen from ``model``, loaded once, at construction):

* a folder with ``model.onnx`` + ``tokenizer.json`` + ``labels.json`` (+ ``config.json``):
  run with onnxruntime (the default; torch is never imported);
* a local Hugging Face token-classification checkpoint folder (``config.json`` with
  ``id2label`` and ``model.safetensors``/``pytorch_model.bin``): run with transformers/torch,
  imported lazily, offline only;
* anything else (a hub name, a missing folder, a corrupt file) raises
  :class:`~newsfacts.errors.ModelError` at construction, naming the file; nothing is downloaded.

Inference: the non-space tokens of each sentence (``doc.sents`` when the doc has sentence
boundaries, else the whole doc) are the *words*. Each word is split into sub-words (at most
16 kept), sentences longer than ``max_length`` sub-words are cut into overlapping windows
(a word's prediction comes from the window where it has the most context on both sides), and
all windows of a ``pipe`` batch — across docs — are sorted by length and run in batches of
``batch_size`` windows. A word's label is the argmax at its first sub-word: one label per spaCy
token.

Decoding (:func:`decode_entities`): an entity starts at ``B-X``, or at ``I-X`` after ``O`` (the
invalid ``I-`` is repaired to ``B-``); it continues over every following ``I-*`` tag whatever its
type, and takes the type with the largest summed probability over its words — a name is never
split into sub-entities with different labels.

Merge policy (``merge`` config; default ``"trust"``; tuned on 3,000 OntoNotes *dev* sentences,
never on test — ``scripts/evaluate_ner.py --sets dev`` prints the variants). Transformer name
spans are first tidied by :func:`clean_span`. Then, in order, each step adding only spans that
overlap nothing kept by an earlier step:

0. *spaCy-first names*: spaCy's spans of ``SPACY_FIRST_TYPES`` = LOC, LANGUAGE, PRODUCT (spaCy
   was better than the transformer on these on dev).
1. *Transformer names*: the transformer's spans of ``TRANSFORMER_TYPES`` (PERSON, ORG, GPE,
   NORP, LOC, FAC, EVENT, WORK_OF_ART, LAW, PRODUCT, LANGUAGE) — except spans whose confidence
   (mean probability of the span's type over its words) is below ``MIN_CONFIDENCE`` for their
   type (ORG: 0.95; the transformer's ORG precision is its weak point).
2. *spaCy values*: spaCy's spans of ``SPACY_TYPES`` (DATE, TIME, MONEY, PERCENT, QUANTITY,
   CARDINAL, ORDINAL); the transformer's value spans are never used in this mode.
3. *Uncontradicted spaCy names*: spaCy's spans of ``SPACY_FALLBACK_TYPES`` = ORG, EVENT
   where no kept span overlaps them (e.g. the transformer said ``O`` there, or its ORG span was
   not confident enough).

Within a step overlaps are resolved by ``spacy.util.filter_spans`` (longest span wins). The
result is written to ``doc.ents`` with ``default="outside"`` — one consistent, non-overlapping
set of entities for later stages. Dev F1 with the shipped model (micro / ORG / PERSON): spaCy
84.2 / 82.1 / 89.5, transformer 85.8 / 85.6 / 93.0, merged 85.9 / 86.6 / 93.0
(``models/ner-minilm-onto/MODEL_CARD.md``).

``merge="transformer"`` keeps only the transformer's entities (all its types);
``merge="spacy"`` leaves ``doc.ents`` untouched. In every mode the two systems' own entities
are kept for inspection in ``doc.spans["transformer_ents"]`` and ``doc.spans["spacy_ents"]``.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import ModelError

TRANSFORMER_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)
SPACY_TYPES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Tuned on 3,000 OntoNotes dev sentences (scripts/evaluate_ner.py --sets dev); see the module docstring.
SPACY_FALLBACK_TYPES = frozenset({"ORG", "EVENT"})
SPACY_FIRST_TYPES = frozenset({"LANGUAGE", "PRODUCT", "LOC"})
MIN_CONFIDENCE: dict = {"ORG": 0.95}
MERGE_MODES = ("trust", "transformer", "spacy")
#: The factory's configuration defaults (the one place they are written; the class reads them too).
DEFAULT_CONFIG = {"model": "", "batch_size": 8, "max_length": 128, "merge": "trust", "threads": 0,
                  "overlap": 32, "clean": True}
MAX_SUBWORDS_PER_WORD = 16
SPAN_KEY_TRANSFORMER = "transformer_ents"
SPAN_KEY_SPACY = "spacy_ents"

# Word-shape vocabulary of the shipped model (also stored in labels.json, which wins).
SHAPES = ["<pad>", "Xxxx", "XXXX", "X", "xxxx", "x", "dd", "d-mix", "mixed", "X.", "punct", "other"]


def _shape_without_letters(word: str) -> str:
    """Shape class of a non-empty word with no letter: digits, digits mixed, punctuation, other."""
    if all(c.isdigit() for c in word):
        return "dd"
    if any(c.isdigit() for c in word):
        return "d-mix"
    if all(unicodedata.category(c).startswith(("P", "S")) for c in word):
        return "punct"
    return "other"


def _cased_shape(letters: list[str]) -> str:
    """Shape class of a word's letters when the word holds no digit and is no ``X.`` abbreviation."""
    if all(c.isupper() for c in letters):
        return "X" if len(letters) == 1 else "XXXX"
    if all(c.islower() for c in letters):
        return "x" if len(letters) == 1 else "xxxx"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "Xxxx"
    return "mixed"


def shape_class(word: str) -> str:
    """The name of ``word``'s shape class (see :func:`word_shape`)."""
    if not word:
        return "other"
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return _shape_without_letters(word)
    if not all(c.isascii() for c in letters) and not any(c.isupper() or c.islower() for c in letters):
        return "other"
    if any(c.isdigit() for c in word):
        return "d-mix"
    if "." in word and letters[0].isupper() and all(c.isupper() for c in letters):
        return "X."
    return _cased_shape(letters)


def word_shape(word: str, shapes: Sequence[str] = SHAPES) -> int:
    """Return the index in ``shapes`` of ``word``'s shape class (casing the uncased encoder loses).

    Classes: ``Xxxx`` capitalised, ``XXXX`` all caps, ``X`` one capital, ``xxxx``/``x`` lower
    case, ``dd`` digits, ``d-mix`` digits with other characters, ``mixed`` (``iPhone``), ``X.``
    (``U.S.``), ``punct``, ``other`` (uncased scripts, emoji). Identical to the training script.
    """
    return shapes.index(shape_class(word))


@lru_cache(maxsize=16_384)
def _cached_shape(word: str) -> int:
    """:func:`word_shape` for frequent words; bounded so that a long run's memory stays flat."""
    return word_shape(word)


# ---------------------------------------------------------------------------------------------
# Pure helpers (unit-tested without a model)


def make_windows(word_lengths: Sequence[int], width: int, overlap: int) -> List[Tuple[int, int]]:
    """Cut a sentence into windows of whole words.

    Args:
        word_lengths: sub-word count of each word (0 allowed; each ≤ ``width``).
        width: most sub-words per window (``max_length`` minus the two special tokens).
        overlap: sub-words of context shared by consecutive windows (< ``width``).

    Returns:
        ``[(first_word, end_word_exclusive), ...]`` covering every word; one window when the
        sentence fits; ``[]`` for no words.
    """
    n = len(word_lengths)
    if n == 0:
        return []
    starts = np.concatenate([[0], np.cumsum(word_lengths)]).tolist()
    if starts[-1] <= width:
        return [(0, n)]
    windows = []
    w0 = 0
    while True:
        w1 = w0
        while w1 < n and starts[w1 + 1] - starts[w0] <= width:
            w1 += 1
        w1 = max(w1, w0 + 1)
        windows.append((w0, w1))
        if w1 >= n:
            return windows
        # next window starts at the first word whose start is ≥ end - overlap, but always advances
        target = starts[w1] - overlap
        nxt = w0 + 1
        while nxt < w1 and starts[nxt] < target:
            nxt += 1
        w0 = nxt


def decode_entities(
    probs: np.ndarray,
    labels: Sequence[str],
    valid: Optional[Sequence[bool]] = None,
    confidences: Optional[list] = None,
) -> List[Tuple[int, int, str]]:
    """Decode word-level label probabilities into entity spans.

    Args:
        probs: ``(n_words, n_labels)`` probabilities (or scores) per word.
        labels: IOB2 label of each column (``"O"``, ``"B-X"``, ``"I-X"``).
        valid: optional per-word flag; a word flagged False (e.g. whitespace) is forced to ``O``.
        confidences: optional list; the mean probability of each entity's type over its words
            is appended to it.

    Returns:
        ``[(start_word, end_word_exclusive, type), ...]``, non-overlapping, in order. ``I-``
        after ``O`` starts an entity (repaired to ``B-``); following ``I-*`` tags of any type
        extend it; its type is the one with the largest summed (B+I) probability over its words.
    """
    n = probs.shape[0] if probs.ndim == 2 else 0
    if n == 0:
        return []
    types, type_matrix, is_o, is_i = _label_info(labels)
    best = probs.argmax(-1)
    outside = is_o[best]
    inside = is_i[best]
    if valid is not None:
        outside = outside | ~np.asarray(valid, dtype=bool)
    if outside.all():
        return []
    out = []
    i = 0
    while i < n:
        if outside[i]:
            i += 1
            continue
        j = i + 1
        while j < n and inside[j] and not outside[j]:
            j += 1
        scores = probs[i:j].sum(0) @ type_matrix
        k = int(scores.argmax())
        out.append((i, j, types[k]))
        if confidences is not None:
            confidences.append(float(scores[k]) / (j - i))
        i = j
    return out


_LABEL_INFO: dict = {}


def _label_info(labels: Sequence[str]):
    """(types, label→type 0/1 matrix, is-O per label, is-I per label), cached per label list."""
    key = tuple(labels)
    info = _LABEL_INFO.get(key)
    if info is None:
        types = sorted({l[2:] for l in labels if l != "O"})
        m = np.zeros((len(labels), len(types)), dtype=np.float32)
        for i, l in enumerate(labels):
            if l != "O":
                m[i, types.index(l[2:])] = 1.0
        is_o = np.array([l == "O" for l in labels])
        is_i = np.array([l.startswith("I-") for l in labels])
        info = _LABEL_INFO[key] = (types, m, is_o, is_i)
    return info


def _with_conf(probs, labels):
    conf: List[float] = []
    spans = decode_entities(probs, labels, confidences=conf)
    return list(zip(spans, conf))


def clean_span(span: Span) -> Optional[Span]:
    """Tidy one predicted name span; ``None`` when nothing name-like is left.

    * an opening quote/bracket inside the span without its closing one cuts the span after it
      (``the “Guangzhou … Office`` → ``Guangzhou … Office``), a closing one without its opening
      cuts before it;
    * punctuation at either edge is trimmed (``the Bureau for Stability ,`` → ``… Stability``);
    * a span with no upper-case (or case-less, e.g. CJK) letter is dropped (``the``, ``of``, ``12345``).

    Only name types (``TRANSFORMER_TYPES``) are touched; other spans are returned as they are.
    """
    doc = span.doc
    if span.label_ not in TRANSFORMER_TYPES:
        return span
    a, b = _balanced(doc, span.start, span.end)
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if a >= b:
        return None
    text = doc[a:b].text
    if not any(c.isupper() or (c.isalpha() and not c.islower()) for c in text):
        return None
    return Span(doc, a, b, label=span.label_)


def _balanced(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """``doc[a:b]`` cut to what lies between unmatched brackets or quotes: after the last
    opening one left open, before the first closing one never opened."""
    depth = 0
    for k in range(a, b):
        t = doc[k]
        if t.is_left_punct or (t.is_quote and t.text in "“‘«"):
            depth += 1
            opened = k
        elif t.is_right_punct or (t.is_quote and t.text in "”’»"):
            if depth == 0:
                b = k
                break
            depth -= 1
    if depth > 0:
        a = opened + 1
    return a, b


def merge_entities(
    doc: Doc,
    spacy_ents: Sequence[Span],
    transformer_ents: Sequence[Span],
    mode: str = "trust",
    fallback_types: Iterable[str] = SPACY_FALLBACK_TYPES,
    spacy_first_types: Iterable[str] = SPACY_FIRST_TYPES,
    transformer_scores: Optional[Sequence[float]] = None,
    min_confidence: Optional[dict] = None,
) -> List[Span]:
    """Merge two systems' entity spans over ``doc`` by the module's merge policy.

    Args:
        doc: the doc both span lists belong to.
        spacy_ents: spaCy's entities (non-overlapping, e.g. ``doc.ents`` before this stage).
        transformer_ents: the transformer's entities.
        mode: ``"trust"`` (the documented policy), ``"transformer"`` or ``"spacy"``.
        fallback_types: spaCy name types kept where uncontradicted (step 3).
        spacy_first_types: name types where spaCy's spans come first (step 0).
        transformer_scores: confidence of each transformer span (same order), optional.
        min_confidence: per-type threshold; a transformer span below it is left out of step 1
            (default ``MIN_CONFIDENCE``; needs ``transformer_scores``).

    Returns:
        Sorted, non-overlapping spans, ready for ``doc.ents``.

    Raises:
        ModelError: ``mode`` is unknown.
    """
    if mode not in MERGE_MODES:
        raise ModelError(f"unknown merge mode {mode!r}; use one of {', '.join(MERGE_MODES)}")
    if mode == "spacy":
        return sorted(filter_spans(spacy_ents), key=lambda s: s.start)
    if mode == "transformer":
        return sorted(filter_spans(transformer_ents), key=lambda s: s.start)
    first = set(spacy_first_types)
    thr = MIN_CONFIDENCE if min_confidence is None else min_confidence
    if transformer_scores is None:
        transformer_scores = [1.0] * len(transformer_ents)
    tiers = [
        [s for s in spacy_ents if s.label_ in first],
        [s for s, c in zip(transformer_ents, transformer_scores)
         if s.label_ in TRANSFORMER_TYPES and c >= thr.get(s.label_, 0.0)],
        [s for s in spacy_ents if s.label_ in SPACY_TYPES],
        [s for s in spacy_ents if s.label_ in set(fallback_types)],
    ]
    taken = np.zeros(len(doc) + 1, dtype=bool)
    kept: List[Span] = []
    for tier in tiers:
        for s in filter_spans(tier):
            if not taken[s.start : s.end].any():
                kept.append(s)
        for s in kept:
            taken[s.start : s.end] = True
    return sorted(kept, key=lambda s: s.start)


# ---------------------------------------------------------------------------------------------
# Back-ends


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(-1, keepdims=True)


def _load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"NER model file is missing: {path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"NER model file is corrupt or unreadable: {path} ({exc})") from exc


def _load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    if not path.is_file():
        raise ModelError(f"NER model file is missing: {path}")
    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:  # tokenizers raises plain Exception subclasses
        raise ModelError(f"NER tokenizer file is corrupt: {path} ({exc})") from exc
    tok.no_truncation()
    tok.no_padding()
    return tok


class _Backend:
    """Common interface: ``labels``, ``tokenizer`` (a ``tokenizers.Tokenizer``), ``cls_id``,
    ``sep_id``, ``uses_shapes``, and ``logits(ids, mask, shapes) -> (B, L, n_labels)``."""

    labels: List[str]
    shapes: List[str]
    uses_shapes: bool
    cls_id: int
    sep_id: int

    def logits(self, ids: np.ndarray, mask: np.ndarray, shapes: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class OnnxBackend(_Backend):
    """The shipped format: ``model.onnx``, ``tokenizer.json``, ``labels.json``, ``config.json``.

    Raises:
        ModelError: a file is missing or corrupt (the message names it).
    """

    def __init__(self, folder: Path, threads: int = 0):
        import onnxruntime as ort

        meta = _load_json(folder / "labels.json")
        try:
            self.labels = [str(l) for l in meta["labels"]]
            self.shapes = [str(s) for s in meta.get("shapes", SHAPES)]
        except (KeyError, TypeError) as exc:
            raise ModelError(f"NER model file is corrupt: {folder / 'labels.json'} (no 'labels' list)") from exc
        cfg_path = folder / "config.json"
        self.config = _load_json(cfg_path) if cfg_path.exists() else {}
        self.tokenizer = _load_tokenizer(folder / "tokenizer.json")
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        if self.cls_id is None or self.sep_id is None:
            raise ModelError(f"NER tokenizer file has no [CLS]/[SEP]: {folder / 'tokenizer.json'}")
        onnx_path = folder / "model.onnx"
        if not onnx_path.is_file():
            raise ModelError(f"NER model file is missing: {onnx_path}")
        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph types
            raise ModelError(f"NER model file is corrupt: {onnx_path} ({exc.__class__.__name__})") from exc
        names = {i.name for i in self.session.get_inputs()}
        self.uses_shapes = "shape_ids" in names
        self._token_types = "token_type_ids" in names
        n_out = self.session.get_outputs()[0].shape[-1]
        if isinstance(n_out, int) and n_out != len(self.labels):
            raise ModelError(
                f"NER model {onnx_path} has {n_out} outputs but labels.json lists {len(self.labels)} labels"
            )

    def logits(self, ids, mask, shapes):
        feed = {"input_ids": ids, "attention_mask": mask}
        if self.uses_shapes:
            feed["shape_ids"] = shapes
        if self._token_types:
            feed["token_type_ids"] = np.zeros_like(ids)
        return self.session.run(None, feed)[0]


class HFBackend(_Backend):
    """A local Hugging Face token-classification checkpoint, run with torch (imported lazily).

    Labels from ``config.json``'s ``id2label``; CoNLL names (``PER``, ``MISC``) are mapped to
    ``PERSON`` / ``MISC``; prefix-less labels are treated as ``I-``.

    Raises:
        ModelError: the checkpoint cannot be loaded offline.
    """

    def __init__(self, folder: Path, threads: int = 0):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:
            raise ModelError(
                f"{folder} is a Hugging Face checkpoint; running it needs torch and transformers "
                "(pip install 'newsfacts[hf]')"
            ) from exc
        try:
            tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
            self.model = AutoModelForTokenClassification.from_pretrained(str(folder), local_files_only=True)
        except Exception as exc:
            raise ModelError(f"cannot load the Hugging Face checkpoint in {folder}: {exc}") from exc
        if not getattr(tok, "is_fast", False):
            raise ModelError(f"the checkpoint in {folder} has no fast tokenizer (tokenizer.json)")
        self.model.eval()
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.tokenizer = tok.backend_tokenizer
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls_id = tok.cls_token_id if tok.cls_token_id is not None else tok.bos_token_id
        self.sep_id = tok.sep_token_id if tok.sep_token_id is not None else tok.eos_token_id
        id2label = self.model.config.id2label
        rename = {"PER": "PERSON"}
        labels = []
        for i in range(len(id2label)):
            l = str(id2label[i])
            if l != "O":
                pre, typ = (l[:2], l[2:]) if l[:2] in ("B-", "I-") else ("I-", l)
                l = pre + rename.get(typ, typ)
            labels.append(l)
        self.labels = labels
        self.shapes = SHAPES
        self.uses_shapes = False

    def logits(self, ids, mask, shapes):
        torch = self._torch
        with torch.inference_mode():
            out = self.model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask))
        return out.logits.float().numpy()


def load_backend(model: str, threads: int = 0) -> _Backend:
    """Load the NER model named by ``model`` (a shipped ONNX folder or a local HF checkpoint).

    Raises:
        ModelError: ``model`` is empty, not a local folder (hub names are never downloaded),
            or a required file is missing/corrupt.
    """
    if not model:
        raise ModelError("no NER model given: set the component's 'model' to a model folder")
    folder = Path(model).expanduser()
    if not folder.is_dir():
        if folder.suffix == ".onnx" and folder.is_file():
            folder = folder.parent
        else:
            raise ModelError(
                f"NER model {model!r} is not a local folder; the project never downloads models "
                "(give the path of models/ner-minilm-onto or of a local Hugging Face checkpoint)"
            )
    if (folder / "model.onnx").exists() or (folder / "labels.json").exists():
        return OnnxBackend(folder, threads)
    cfg = folder / "config.json"
    if cfg.exists():
        conf = _load_json(cfg)
        if "id2label" not in conf:
            raise ModelError(f"{cfg} has no id2label: not a token-classification checkpoint")
        return HFBackend(folder, threads)
    raise ModelError(f"NER model folder {folder} has neither model.onnx nor config.json")


# ---------------------------------------------------------------------------------------------
# The component


@dataclass
class _Window:
    sent: int  # index into the batch's sentence list
    w0: int
    w1: int
    ids: List[int]
    shapes: List[int]
    first: List[int]  # position (in ids) of each word's first sub-word; -1 when the word has none


class TransformerNER:
    """spaCy component: predict OntoNotes entities with the transformer and merge them into ``doc.ents``.

    Args:
        nlp: the pipeline (unused, kept for the factory signature).
        name: component name.
        model: model folder (see module docstring).
        batch_size: windows per inference batch. Default 8: on 100 Wikinews articles (2 cores,
            int8 model, windows sorted by length) the stage took 3.74 s with 8, 4.20 s with 32,
            4.92 s with 128 (one thread); 4.94 s with 8 vs 5.66 s with 32 on two threads.
        max_length: most sub-words per window, special tokens included (≥ 16).
        merge: ``"trust"``, ``"transformer"`` or ``"spacy"``.
        threads: onnxruntime intra-op threads (0 = onnxruntime's default).
        overlap: sub-words shared by consecutive windows of a long sentence.
        clean: tidy the transformer's spans with :func:`clean_span`.

    Raises:
        ModelError: the model cannot be loaded, or a config value is invalid.
    """

    def __init__(
        self,
        nlp: Optional[Language],
        name: str,
        model: str,
        batch_size: int = DEFAULT_CONFIG["batch_size"],
        max_length: int = DEFAULT_CONFIG["max_length"],
        merge: str = DEFAULT_CONFIG["merge"],
        threads: int = DEFAULT_CONFIG["threads"],
        overlap: int = DEFAULT_CONFIG["overlap"],
        clean: bool = DEFAULT_CONFIG["clean"],
    ):
        if merge not in MERGE_MODES:
            raise ModelError(f"unknown merge mode {merge!r}; use one of {', '.join(MERGE_MODES)}")
        if max_length < 16:
            raise ModelError(f"max_length must be at least 16, got {max_length}")
        self.name = name
        self.merge = merge
        self.clean = bool(clean)
        self.batch_size = max(1, int(batch_size))
        self.backend = load_backend(model, threads)
        cfg_max = getattr(self.backend, "config", {}).get("max_length")
        self.max_length = min(int(max_length), int(cfg_max)) if cfg_max else int(max_length)
        self.width = self.max_length - 2
        self.overlap = max(0, min(int(overlap), self.width // 2))
        self.labels = self.backend.labels

    # -- encoding -------------------------------------------------------------------------------

    def _encode_sentences(self, sentences: Sequence[Sequence[str]]) -> List[_Window]:
        """Tokenise sentences (lists of words) into model windows."""
        windows: List[_Window] = []
        if not sentences:
            return windows
        encs = self.backend.tokenizer.encode_batch(
            [list(s) for s in sentences], is_pretokenized=True, add_special_tokens=False
        )
        shapes = self.backend.shapes
        for si, (words, enc) in enumerate(zip(sentences, encs)):
            per_word: List[List[int]] = [[] for _ in words]
            for tid, wid in zip(enc.ids, enc.word_ids):
                if wid is not None and len(per_word[wid]) < MAX_SUBWORDS_PER_WORD:
                    per_word[wid].append(tid)
            wshape = [_cached_shape(w) if shapes == SHAPES else word_shape(w, shapes) for w in words]
            for w0, w1 in make_windows([len(p) for p in per_word], self.width, self.overlap):
                ids, shp, first = [self.backend.cls_id], [0], []
                for w in range(w0, w1):
                    first.append(len(ids) if per_word[w] else -1)
                    ids.extend(per_word[w])
                    shp.extend([wshape[w]] * len(per_word[w]))
                ids.append(self.backend.sep_id)
                shp.append(0)
                windows.append(_Window(si, w0, w1, ids, shp, first))
        return windows

    #: sentences encoded and run together; bounds the tokenizer's and the windows' memory on a
    #: very long article (a 22,595-word article: +39 MiB whole, see predict_words)
    group_sentences = 256

    def predict_words(self, sentences: Sequence[Sequence[str]]) -> List[np.ndarray]:
        """Word-level label probabilities for each sentence, ``group_sentences`` at a time.

        Args:
            sentences: lists of words (strings; no whitespace-only words expected).

        Returns:
            One ``(n_words, n_labels)`` float32 array per sentence, in order.
        """
        out: List[np.ndarray] = []
        for k in range(0, len(sentences), self.group_sentences):
            out += self._predict_group(sentences[k : k + self.group_sentences])
        return out

    def _predict_group(self, sentences: Sequence[Sequence[str]]) -> List[np.ndarray]:
        """Word-level label probabilities for each sentence.

        Args:
            sentences: lists of words (strings; no whitespace-only words expected).

        Returns:
            One ``(n_words, n_labels)`` float32 array per sentence; a word without sub-words
            (e.g. a control character) gets probability 1 for ``O``.
        """
        windows = self._encode_sentences(sentences)
        n_labels = len(self.labels)
        o = self.labels.index("O") if "O" in self.labels else 0
        out = []
        for s in sentences:
            a = np.zeros((len(s), n_labels), dtype=np.float32)
            a[:, o] = 1.0
            out.append(a)
        ctx = [np.full(len(s), -1, dtype=np.int64) for s in sentences]
        order = sorted(range(len(windows)), key=lambda k: len(windows[k].ids))
        for b in range(0, len(order), self.batch_size):
            batch = [windows[k] for k in order[b : b + self.batch_size]]
            L = max(len(w.ids) for w in batch)
            ids = np.zeros((len(batch), L), dtype=np.int64)
            mask = np.zeros((len(batch), L), dtype=np.int64)
            shp = np.zeros((len(batch), L), dtype=np.int64)
            for r, w in enumerate(batch):
                ids[r, : len(w.ids)] = w.ids
                mask[r, : len(w.ids)] = 1
                shp[r, : len(w.shapes)] = w.shapes
            probs = _softmax(self.backend.logits(ids, mask, shp).astype(np.float32))
            for r, w in enumerate(batch):
                n_ids = len(w.ids)
                for k, pos in enumerate(w.first):
                    if pos < 0:
                        continue
                    word = w.w0 + k
                    c = min(pos, n_ids - 1 - pos)  # context on the shorter side
                    if c > ctx[w.sent][word]:
                        ctx[w.sent][word] = c
                        out[w.sent][word] = probs[r, pos]
        return out

    # -- spaCy API ------------------------------------------------------------------------------

    def _sentences(self, doc: Doc) -> List[Tuple[List[int], List[str]]]:
        """(token indices, words) per sentence; whitespace tokens are left out."""
        if len(doc) == 0:
            return []
        if doc.has_annotation("SENT_START"):
            ranges = [(s.start, s.end) for s in doc.sents]
        else:
            ranges = [(0, len(doc))]
        out = []
        for a, b in ranges:
            idx = [i for i in range(a, b) if not doc[i].is_space and doc[i].text.strip()]
            if idx:
                out.append((idx, [doc[i].text for i in idx]))
        return out

    def _apply(self, doc: Doc, sents, probs) -> Doc:
        t_ents: List[Span] = []
        t_conf: List[float] = []
        for (idx, _), p in zip(sents, probs):
            for (a, b, typ), c in _with_conf(p, self.labels):
                # a, b index the sentence's non-space words; map back to token positions,
                # closing the span at the last word (never across a dropped space token)
                start, end = idx[a], idx[b - 1] + 1
                if end - start != b - a:  # a whitespace token inside: cut there
                    k = a
                    while k + 1 < b and idx[k + 1] == idx[k] + 1:
                        k += 1
                    end = idx[k] + 1
                span = Span(doc, start, end, label=typ)
                if self.clean:
                    span = clean_span(span)
                if span is not None:
                    t_ents.append(span)
                    t_conf.append(c)
        s_ents = list(doc.ents)
        doc.spans[SPAN_KEY_SPACY] = s_ents
        doc.spans[SPAN_KEY_TRANSFORMER] = t_ents
        doc.spans[SPAN_KEY_TRANSFORMER].attrs["confidence"] = t_conf
        if self.merge != "spacy":
            doc.set_ents(merge_entities(doc, s_ents, t_ents, self.merge, transformer_scores=t_conf), default="outside")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc (prefer :meth:`pipe`, which batches across docs)."""
        sents = self._sentences(doc)
        probs = self.predict_words([w for _, w in sents])
        return self._apply(doc, sents, probs)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate docs one at a time, in input order (``batch_size`` is accepted for spaCy's
        API and not used).

        A doc's windows are batched with each other only, never with another doc's: the int8
        model quantizes its activations per batch (dynamic quantization: one scale per input
        tensor), so windows of other articles in a batch would change this article's entities.
        Per-document batches make an article's record depend on the article alone (measured
        on 300 Wikinews articles: the stage alone 1.28 times slower than batching windows across
        16 documents; see the closing note of issue 13).
        """
        for doc in docs:
            yield self(doc)


@Language.factory(
    "newsfacts_transformer_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "doc.spans"],
    requires=["doc.ents"],
    default_config=DEFAULT_CONFIG,
)
def make_transformer_ner(
    nlp: Language,
    name: str,
    model: str,
    batch_size: int,
    max_length: int,
    merge: str,
    threads: int,
    overlap: int,
    clean: bool,
) -> TransformerNER:
    """Build the transformer NER stage (see the module docstring; defaults: ``DEFAULT_CONFIG``).

    Raises:
        ModelError: the model is missing, corrupt, not local, or a config value is invalid.
    """
    return TransformerNER(nlp, name, model, batch_size=batch_size, max_length=max_length, merge=merge,
                          threads=threads, overlap=overlap, clean=clean)
