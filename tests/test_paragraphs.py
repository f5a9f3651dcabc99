"""Line breaks start sentences (components/paragraphs.py), on hand-built Docs and end to end."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsfacts.components.paragraphs import ParagraphBoundaries

from conftest import run

VOCAB = spacy.blank("en").vocab


def starts(words: list[str], spaces: list[bool]) -> list[str]:
    doc = ParagraphBoundaries()(Doc(VOCAB, words=words, spaces=spaces))
    return [t.text for t in doc if t.is_sent_start]


def test_the_token_after_a_line_break_starts_a_sentence():
    words = ["Acme", "cuts", "jobs", "\n\n", "In", "2019", "it", "hired", "\n", "Beta", "said"]
    spaces = [True, True, False, False, True, True, True, False, False, True, False]
    assert starts(words, spaces) == ["Acme", "In", "Beta"]


def test_whitespace_without_a_line_break_starts_nothing():
    words = ["Acme", "cuts", "  ", "jobs", "today"]
    assert starts(words, [True, False, False, True, False]) == ["Acme"]


def test_no_token_after_the_last_line_break():
    assert starts(["Acme", "cuts", "\n"], [True, False, False]) == ["Acme"]


def test_line_breaks_start_sentences(nlp_fast):
    text = "Acme cuts 300 jobs\n\nIn 2019, Acme Corp hired 20 engineers.\nBeta Bank said on Monday."
    sents = [s.text.strip() for s in run(nlp_fast, text).sents]
    assert sents[0] == "Acme cuts 300 jobs"
    assert sents[1].startswith("In 2019") and sents[-1] == "Beta Bank said on Monday."
