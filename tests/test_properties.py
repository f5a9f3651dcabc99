"""Property-based tests (hypothesis) over generated text: whatever the input, the pipeline does
not crash, its records validate, and every span is the text at its offsets, inside its sentence.

The generator mixes news-like words and numbers with the inputs that broke things before: CRLF
and lone CR line ends, zero-width and byte-order-mark characters, very long tokens, digits of
every script (Arabic-Indic, Devanagari, full-width, ...), right-to-left names, emoji,
combining marks and control characters.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.ingest import Article
from newsfacts.nlp import make_doc
from newsfacts.to_records import doc_to_facts

WORDS = ["Acme", "Corp.", "said", "sales", "rose", "fell", "by", "to", "from", "percent", "%", "$", "yuan",
         "million", "in", "2019", "May", "on", "Monday", "last", "year", "the", "Beijing", "Reporter",
         "Chen", "Long", "(", ")", ",", ".", "about", "more", "than", "21", "months", "3.5", "1,200"]
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５６７８９๐๑๒๓"
ODD = ["\r\n", "\r", "\n", "\n\n", "\u200b", "\ufeff", "\u200d", "\u00a0", "\u3000", "\t", "\u2028",
       "\u0301", "\x07", "😀", "👩‍👩‍👧", "محمد", "דוד", "２０２０年５月１０日", "3\u200b00", "x" * 3000,
       "-" * 50, "...", "\u202e"]

fragment = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(alphabet=DIGITS, min_size=1, max_size=6),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8),
)
articles = st.lists(st.tuples(fragment, st.sampled_from([" ", "", "\n", "\r\n"])), min_size=1, max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts)).filter(lambda t: t.strip())


def _inside_sentence(text: str, start: int, end: int, sentence: str) -> bool:
    """True when some occurrence of ``sentence`` in ``text`` covers [start, end)."""
    k = text.find(sentence)
    while k >= 0:
        if k <= start and end <= k + len(sentence):
            return True
        k = text.find(sentence, k + 1)
    return False


# derandomize: CI runs the same 60 examples every time (a failure is reproducible); run more and
# random ones locally with scripts or `--hypothesis-seed`.
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=articles, published=st.sampled_from([None, dt.date(2020, 5, 10)]))
def test_any_text_gives_valid_records_with_spans_on_the_text(nlp_full, text, published):
    article = Article(text=text, published=published)
    facts = doc_to_facts(nlp_full(make_doc(nlp_full, article)), article)  # validates every span
    spans = [m for e in facts.entities for m in e.mentions] + list(facts.dates) + list(facts.claims)
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert _inside_sentence(text, s.start, s.end, s.sentence), (s.text, s.sentence)
    for c in facts.claims:
        assert text[c.evidence_start:c.evidence_end] == c.evidence
