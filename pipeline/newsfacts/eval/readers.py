"""Readers of the benchmark formats the project evaluates on (no data is shipped: every reader
takes a path to a copy the user has, e.g. ``../shared/data``).

- OntoNotes 5 BIO (``read_bio``) and CoNLL-2003 (``read_conll``): ``[(words, IOB2 tags)]``
  sentences; CoNLL's IOB1 is repaired to IOB2 (``repair_iob2``).
- MEANTIME (Minard et al. 2016): named PERSON/ORG mentions as IOB2 sentences from the derived
  JSONL (``read_meantime_names``), and the NAF-like XML files with their coreference gold
  (``read_meantime_xml``, ``meantime_gold_mentions``).
- TimeML / TempEval-3 (UzZaman et al. 2013): ``.tml`` files or the derived JSONL
  (``read_timex_docs``), documents ``{doc_id, dct, text, timex: [{type, value, start, end, text}]}``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

# ------------------------------------------------------------------------------------------ NER


def read_bio(path: Path, genres: Optional[Iterable[str]] = None) -> list[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) sentences of an OntoNotes BIO file (``word<TAB>tag`` lines, blank line
    between sentences); ``genres`` keeps the documents whose -DOCSTART- id starts with one of
    them (``nw``, ``bn``, ...)."""
    sents, words, tags = [], [], []
    keep = True
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if words and keep:
                    sents.append((words, tags))
                words, tags = [], []
                if genres is not None:
                    g = line.split("(", 1)[-1].split("/", 1)[0]
                    keep = g in genres
                continue
            if not line.strip():
                if words and keep:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            w, t = line.split("\t")
            words.append(w)
            tags.append(t)
    if words and keep:
        sents.append((words, tags))
    return sents


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) sentences of a CoNLL-2003 file (4 columns; -DOCSTART- lines skipped;
    IOB1 tags are repaired to IOB2)."""
    sents, words, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in list(f) + [""]:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if words:
                    sents.append((words, repair_iob2(tags)))
                words, tags = [], []
                continue
            words.append(parts[0])
            tags.append(parts[-1])
    return sents


def repair_iob2(tags: list[str]) -> list[str]:
    """IOB1 -> IOB2: an ``I-`` tag that starts an entity (after ``O`` or another type) becomes ``B-``."""
    fixed, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        fixed.append(t)
        prev = t
    return fixed


def read_meantime_names(path: Path, corpora=("corpus_airbus", "corpus_apple")) -> list[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) sentences of MEANTIME's derived JSONL with its named (``NAM``) PERSON/ORG
    mentions as gold; nested gold mentions are flattened (longest wins, spaCy's ``filter_spans``);
    a mention across sentences is dropped. Needs spaCy (imported here)."""
    from spacy.tokens import Doc
    from spacy.util import filter_spans
    from spacy.vocab import Vocab

    vocab = Vocab()
    sents = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if d["corpus"] not in corpora:
            continue
        text = d["text"]
        tok_start, tok_end, sent_of = [], [], []
        words_by_sent = []
        pos = 0
        for si, sline in enumerate(text.split("\n")):
            ws = []
            for w in sline.split(" "):
                if w:
                    tok_start.append(pos)
                    tok_end.append(pos + len(w))
                    sent_of.append(si)
                    ws.append(w)
                pos += len(w) + 1
            words_by_sent.append(ws)
        words = [w for ws in words_by_sent for w in ws]
        start_idx = {c: i for i, c in enumerate(tok_start)}
        end_idx = {c: i for i, c in enumerate(tok_end)}
        doc = Doc(vocab, words=words)
        spans = []
        for m in d["entity_mentions"]:
            typ = {"PER": "PERSON", "ORG": "ORG"}.get(m.get("ent_type") or "")
            if m.get("syntactic_type") != "NAM" or typ is None:
                continue
            a, b = start_idx.get(m["start"]), end_idx.get(m["end"])
            if a is None or b is None or sent_of[a] != sent_of[b]:
                continue
            spans.append(doc.char_span(tok_start[a], tok_end[b], label=typ) or doc[a : b + 1])
        tags = ["O"] * len(words)
        for s in filter_spans(spans):
            tags[s.start] = "B-" + s.label_
            for k in range(s.start + 1, s.end):
                tags[k] = "I-" + s.label_
        k = 0
        for ws in words_by_sent:
            if ws:
                sents.append((ws, tags[k : k + len(ws)]))
            k += len(ws)
    return sents


# ------------------------------------------------------------------------------------------ TIMEX3


def parse_dct(s: Optional[str]) -> Optional[dt.date]:
    """A document creation time ("2013-03-22", "20130322", "2013-03-22T10:00") -> date, or None."""
    if not s:
        return None
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", s)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def read_tml(path: Path) -> dict:
    """One TimeML file -> {doc_id, dct, text, timex} with offsets into the plain <TEXT>."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    text_parts: list[str] = []
    pos = 0
    timex, open_t = [], None
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", body):
        if m.group(4) is not None:
            chunk = html.unescape(m.group(4))
            text_parts.append(chunk)
            pos += len(chunk)
        elif m.group(2) == "TIMEX3":
            if m.group(1):
                if open_t is not None:
                    open_t["end"] = pos
                    timex.append(open_t)
                open_t = None
            else:
                attrs = dict(re.findall(r"(\w+)=\"([^\"]*)\"", m.group(3)))
                open_t = {"type": attrs.get("type"), "value": attrs.get("value"), "start": pos,
                          "functionInDocument": attrs.get("functionInDocument")}
    text = "".join(text_parts)
    for t in timex:
        t["text"] = text[t["start"]:t["end"]]
    return {"doc_id": path.stem, "dct": dct_m.group(1) if dct_m else None, "text": text, "timex": timex}


def read_timex_docs(path: Path) -> list[dict]:
    """Documents from a JSONL file or a folder of .tml files."""
    if path.is_dir():
        return [read_tml(p) for p in sorted(path.glob("*.tml"))]
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_timexes(doc: dict) -> list[dict]:
    """Scored gold: timexes with offsets in the text (the DCT timex only when it is in the text)."""
    return [t for t in doc["timex"] if t.get("start") is not None and t.get("end") is not None
            and t["end"] > t["start"]]


def scored_region(doc: dict) -> Optional[int]:
    """End offset of the annotated part of a MEANTIME document (None: the whole text)."""
    if "entity_mentions" not in doc:
        return None
    ends = [m["end"] for k in ("entity_mentions", "timex", "values") for m in doc.get(k) or []
            if m.get("end") is not None]
    if not ends:
        return None
    nl = doc["text"].find("\n", max(ends))
    return len(doc["text"]) if nl < 0 else nl


# ------------------------------------------------------------------------------------------ MEANTIME XML

#: MEANTIME entity types scored, mapped to OntoNotes labels.
MEANTIME_TYPES = {"PER": "PERSON", "ORG": "ORG"}
NAMED = {"NAM", "PRE.NAM"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "#"}


@dataclass
@dataclass
class MeantimeDoc:
    """One MEANTIME article rebuilt from its tokens: ``spans`` t_id -> char span, ``order`` t_id -> index."""

    doc_id: str
    corpus: str
    text: str
    spans: dict[str, tuple[int, int]]  # t_id -> char span
    order: dict[str, int]  # t_id -> token index


@dataclass
@dataclass
class GoldMention:
    """A gold PERSON/ORG mention: token span (first, last), type, cluster label, syntactic type."""

    doc_id: str
    tokens: tuple[int, int]  # first, last token index (inclusive)
    type: str
    cluster: str
    syntactic: str


def read_meantime_xml(path: Path) -> tuple[MeantimeDoc, ET.Element]:
    """A MEANTIME XML file -> (the article rebuilt from its tokens: one line a sentence, no space before
    closing punctuation, each token's character span kept; the XML root)."""
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
    doc = MeantimeDoc(root.get("doc_id"), path.parent.name, "".join(parts), spans, order)
    return doc, root


def meantime_gold_mentions(doc: MeantimeDoc, root: ET.Element, cross: bool, which: str) -> list[GoldMention]:
    """The PER/ORG mentions of ``REFERS_TO`` relations; ``cross``: cluster by ``instance_id`` (the
    cross-document files); ``which`` "named" (NAM, PRE.NAM) or "all"."""
    marks = root.find("Markables")
    mentions = {m.get("m_id"): m for m in marks if m.tag == "ENTITY_MENTION"}
    entities = {m.get("m_id"): m for m in marks if m.tag == "ENTITY"}
    out = []
    for rel in root.find("Relations") or []:
        if rel.tag != "REFERS_TO":
            continue
        target = entities.get(rel.find("target").get("m_id"))
        if target is None or target.get("ent_type") not in MEANTIME_TYPES:
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
            out.append(GoldMention(doc.doc_id, (idx[0], idx[-1]), MEANTIME_TYPES[target.get("ent_type")], cluster, syn))
    return out


def cross_clusters_by_span(doc: MeantimeDoc, root: ET.Element) -> dict[tuple[int, int], tuple[str, str]]:
    """Token span -> (type, cross-document cluster) of every PER/ORG mention of a cross-doc file."""
    return {g.tokens: (g.type, g.cluster) for g in meantime_gold_mentions(doc, root, cross=True, which="all")}


def token_range(doc: MeantimeDoc, start: int, end: int) -> Optional[tuple[int, int]]:
    """First and last token index covered by characters [start, end), or None."""
    idx = [doc.order[t] for t, (s, e) in doc.spans.items() if s < end and start < e]
    return (min(idx), max(idx)) if idx else None
