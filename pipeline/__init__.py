"""newsfacts: fact extraction for news articles.

Data flows one way: :mod:`pipeline.ingest` → :mod:`pipeline.nlp` (spaCy + the project's
components) → :mod:`pipeline.records` (validated pydantic records) → :mod:`pipeline.store`.
"""

__version__ = "0.1.0"
