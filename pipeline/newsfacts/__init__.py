"""newsfacts: fact extraction for news articles.

Data flows one way: :mod:`newsfacts.ingest` → :mod:`newsfacts.nlp` (spaCy + the project's
components) → :mod:`newsfacts.records` (validated pydantic records) → :mod:`newsfacts.store`.
"""

__version__ = "0.1.0"
