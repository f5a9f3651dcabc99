"""Output formats: one writer per format, registered by name (:mod:`~newsfacts.formats.registry`).

=============  ===========  =================================================================
format         commands     module
=============  ===========  =================================================================
``text``       extract      :mod:`~newsfacts.formats.to_text` (rich tables)
``json``       extract      :mod:`~newsfacts.formats.to_json` (one JSON document)
``jsonl``      extract,     :mod:`~newsfacts.formats.to_jsonl` (one article a line)
               export
``html``       extract      :mod:`~newsfacts.formats.to_html` (displaCy page and tables)
``csv``        export       :mod:`~newsfacts.formats.to_csv` (a file per table)
``parquet``    export       :mod:`~newsfacts.formats.to_parquet` (a file per table; pyarrow)
=============  ===========  =================================================================

``newsfacts extract`` and :meth:`newsfacts.store.Store.export` look formats up here
(:func:`writer`); the kinds of writer are in :mod:`~newsfacts.formats.base`. A new format is a
new ``to_<name>.py`` module whose writer class is decorated with :func:`register`, imported
below (import order is the order formats are listed in).
"""

from __future__ import annotations

from . import to_text, to_json, to_jsonl, to_html, to_csv, to_parquet  # noqa: F401  (each registers its writer)
from .registry import EXPORT, EXTRACT, UnknownFormat, choices, describe, names, register, writer

__all__ = ["EXPORT", "EXTRACT", "UnknownFormat", "choices", "describe", "names", "register", "writer"]
