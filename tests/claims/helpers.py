"""Helpers of the claims-stage tests: running texts through the pipeline, and ``Doc`` objects
built by hand (explicit words, spaces, POS, tags, entities, dependencies) so that a test of a
rule's logic does not depend on one parser version."""

from __future__ import annotations

from typing import Optional, Sequence

import spacy
from spacy.tokens import Doc

from newsfacts.components.claims import ClaimExtractor, explain_exclusions
from newsfacts.facts import DateMention, register_extensions
from tests.conftest import run

register_extensions()
_VOCAB = spacy.blank("en").vocab  # English lexical attributes (like_num, is_title, ...)


def claims(nlp, text):
    """The claims of ``text`` run through the pipeline ``nlp``."""
    return run(nlp, text)._.claims


def one(nlp, text, contains):
    """The single claim whose text contains ``contains``."""
    found = [c for c in claims(nlp, text) if contains in c.text]
    assert len(found) == 1, f"{contains!r} in {[c.text for c in claims(nlp, text)]}"
    return found[0]


def _default_pos(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        return "NUM"
    if not any(ch.isalnum() for ch in word):
        return "SPACE" if word.isspace() else "PUNCT"
    return "PROPN" if word[:1].isupper() else "NOUN"


_DEFAULT_TAG = {"NUM": "CD", "PUNCT": ".", "PROPN": "NNP", "NOUN": "NN", "SPACE": "_SP"}


def handmade(text: str, pos: Optional[str] = None, tags: Optional[str] = None, ents: Optional[str] = None,
             heads: Optional[Sequence[int]] = None, deps: Optional[str] = None, lemmas: Optional[str] = None,
             dates: Sequence[tuple[str, str]] = ()) -> Doc:
    """A ``Doc`` built by hand. ``text`` is split on single spaces into words; "·" inside a word
    splits it without a space ("70·th" -> "70" "th" glued), "⏎" is a line-break token. ``pos``,
    ``tags``, ``ents`` (IOB: "O B-ORG I-ORG"), ``deps`` and ``lemmas`` are space-separated, one
    per word; ``heads`` absolute token indices. Unset POS: NUM for words with digits, PUNCT,
    PROPN for capitalised words, else NOUN (tags CD, ".", NNP, NN); lemmas default to the
    lower-cased word; without ``heads`` the doc is one sentence. ``dates`` are (text, type)
    date mentions put on ``doc._.dates`` at the first occurrence of their text."""
    words: list[str] = []
    spaces: list[bool] = []
    for chunk in text.split(" "):
        parts = [p for p in chunk.split("·")]
        for k, part in enumerate(parts):
            words.append("\n" if part == "⏎" else part)
            spaces.append(k == len(parts) - 1)
    for k, w in enumerate(words):
        if w == "\n" or (k + 1 < len(words) and words[k + 1] == "\n"):
            spaces[k] = False
    spaces[-1] = False
    n = len(words)
    pos_l = pos.split() if pos else [_default_pos(w) for w in words]
    tag_l = tags.split() if tags else [_DEFAULT_TAG.get(p, "XX") for p in pos_l]
    lemma_l = lemmas.split() if lemmas else [w.lower() for w in words]
    for name, seq in (("pos", pos_l), ("tags", tag_l), ("lemmas", lemma_l)):
        assert len(seq) == n, f"{name}: {len(seq)} values for {n} words {words}"
    kwargs = {}
    if heads is not None:
        kwargs.update(heads=list(heads), deps=deps.split() if deps else ["dep"] * n)
    else:
        kwargs.update(sent_starts=[True] + [False] * (n - 1))
    doc = Doc(_VOCAB, words=words, spaces=spaces, pos=pos_l, tags=tag_l, lemmas=lemma_l,
              ents=ents.split() if ents else None, **kwargs)
    mentions = []
    for dtext, dtype in dates:
        start = doc.text.index(dtext)
        mentions.append(DateMention(start=start, end=start + len(dtext), text=dtext, type=dtype, value="XXXX"))
    doc._.dates = mentions
    return doc


def rules_for(doc: Doc, quantity: str, include_ages: bool = False) -> list[str]:
    """The exclusion rules that fire for the quantity of ``doc`` whose text is ``quantity``."""
    found = [(span.text, names) for span, names in explain_exclusions(doc, include_ages) if span.text == quantity]
    assert found, f"no quantity {quantity!r} in {[s.text for s, _ in explain_exclusions(doc, include_ages)]}"
    return found[0][1]


def claim_texts(doc: Doc, include_ages: bool = False) -> list[str]:
    """The texts of the claims the component finds in a hand-built ``doc``."""
    return [c.text for c in ClaimExtractor(include_ages=include_ages)(doc)._.claims]


def parsed(table: str, ents: Optional[str] = None) -> Doc:
    """A parsed ``Doc`` built by hand from a table, one token a line: ``word POS TAG dep head
    [lemma]`` (``head`` the absolute index of the head token; a word followed by ``~`` has no
    space after it; the lemma defaults to the lower-cased word); ``ents`` as for :func:`handmade`."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [r[0].rstrip("~") if len(r[0]) > 1 else r[0] for r in rows]
    spaces = [not r[0].endswith("~") or len(r[0]) == 1 for r in rows]
    spaces[-1] = False
    doc = Doc(_VOCAB, words=words, spaces=spaces, pos=[r[1] for r in rows], tags=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows],
              lemmas=[r[5] if len(r) > 5 else w.lower() for r, w in zip(rows, words)],
              ents=ents.split() if ents else None)
    doc._.dates = []
    return doc


def draft_of(doc: Doc, text: str):
    """The claim (token-level draft) of a hand-built ``doc`` whose text is ``text``."""
    found = [d for d in ClaimExtractor(include_ages=False).drafts(doc) if doc[d.start : d.end].text == text]
    assert found, f"no claim {text!r} in {[doc[d.start:d.end].text for d in ClaimExtractor(include_ages=False).drafts(doc)]}"
    return found[0]
