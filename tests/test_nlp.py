"""Long articles: paragraph-aligned segments for spaCy's components, whole-article stages after."""

from __future__ import annotations

import pytest

from newsfacts.ingest import Article
from newsfacts.nlp import batches, process, split_segments
from newsfacts.to_records import doc_to_facts


def test_split_segments_cuts_after_line_breaks_and_loses_nothing(seed_text):
    pieces = split_segments(seed_text, 2000)
    assert "".join(pieces) == seed_text
    assert len(pieces) == 3
    # every cut is after a line break and its indentation: the next piece starts a paragraph
    for piece in pieces[1:]:
        assert not piece[0].isspace()
    for piece in pieces[:-1]:
        assert "\n" in piece[-4:]
        assert len(piece.rstrip()) <= 2000


def test_split_segments_without_line_breaks_or_spaces():
    text = "It fell. " * 30  # 270 characters, sentence ends only
    pieces = split_segments(text, 100)
    assert "".join(pieces) == text
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert all(len(p) <= 100 for p in pieces)
    blob = "x" * 250  # nothing to cut at: hard cuts
    assert [len(p) for p in split_segments(blob, 100)] == [100, 100, 50]
    assert split_segments("", 10) == [""]
    with pytest.raises(ValueError, match="max_chars"):
        split_segments("abc", 0)


def test_segmented_article_gives_the_same_facts(nlp_full, seed_text):
    """The seed article (5,468 characters) in 2,000-character segments and whole."""
    article = Article(text=seed_text)
    _, whole = next(process(nlp_full, [article], segment_chars=None))
    _, parts = next(process(nlp_full, [article], segment_chars=2000))
    assert parts.text == whole.text and len(parts.text) == len(seed_text)
    assert [t.text for t in parts] == [t.text for t in whole]
    assert [(e.start_char, e.label_) for e in parts.ents] == [(e.start_char, e.label_) for e in whole.ents]
    a, b = doc_to_facts(whole, article), doc_to_facts(parts, article)
    assert a.article.published == b.article.published
    assert [(c.value, c.unit, c.start) for c in a.claims] == [(c.value, c.unit, c.start) for c in b.claims]
    assert [d.value for d in a.dates] == [d.value for d in b.dates]
    assert {e.name for e in a.entities} == {e.name for e in b.entities}


def test_process_keeps_order_with_long_and_short_articles(nlp_fast, seed_text):
    short = Article(id="short", text="Reporter Chen Long said 50 firms closed in May 2020.")
    long = Article(id="long", text=seed_text)
    out = [a.id for a, _ in process(nlp_fast, [short, long, short, long], batch_size=3, segment_chars=2000)]
    assert out == ["short", "long", "short", "long"]


def test_batches_hold_a_character_budget():
    arts = [Article(id=str(i), text="x" * n) for i, n in enumerate([400, 300, 200, 900, 1500, 100, 100])]
    got = [[a.id for a in g] for g in batches(arts, batch_size=16, max_chars=1000)]
    assert got == [["0", "1", "2"], ["3"], ["4"], ["5", "6"]]
    assert [[a.id for a in g] for g in batches(arts, batch_size=3, max_chars=None)] == \
        [["0", "1", "2"], ["3", "4", "5"], ["6"]]


def test_components_declare_what_they_assign_and_require(nlp_full):
    """spaCy's pipeline analysis finds no component requiring what no earlier one assigns."""
    analysis = nlp_full.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    assert summary["newsfacts_paragraphs"]["assigns"] == ["token.is_sent_start"]
    assert "doc.ents" in summary["newsfacts_org_names"]["assigns"]
    assert summary["newsfacts_coref"]["assigns"] == ["doc._.entities"]
    assert "doc.ents" in summary["newsfacts_coref"]["requires"]
    if "newsfacts_transformer_ner" in summary:
        assert "doc.ents" in summary["newsfacts_transformer_ner"]["assigns"]
