"""Paragraph boundaries as sentence starts: factory ``newsfacts_paragraphs``.

Placed before the parser: the first token after a line break starts a sentence. News text puts
its title, dateline and paragraphs on separate lines, often without final punctuation (a title
has none), and spaCy's parser would otherwise join a title to the next paragraph, so a date in
the lead would be read as the title's date. The parser keeps boundaries set before it runs
(spaCy docs, "Sentence segmentation": preset ``is_sent_start`` values are respected).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBoundaries:
    """Set ``is_sent_start`` on the first non-space token after any whitespace holding a newline."""

    def __call__(self, doc: Doc) -> Doc:
        line_break = False
        for tok in doc:
            if tok.is_space:  # spaCy keeps runs of whitespace as space tokens
                line_break = line_break or "\n" in tok.text
                continue
            if line_break and tok.i > 0:
                tok.is_sent_start = True
            line_break = "\n" in tok.whitespace_
        return doc


@Language.factory("newsfacts_paragraphs", assigns=["token.is_sent_start"], requires=[], default_config={})
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    """Factory for :class:`ParagraphBoundaries` (stateless)."""
    return ParagraphBoundaries()
