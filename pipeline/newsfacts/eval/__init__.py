"""Benchmark evaluation: readers of the benchmark formats, scoring, and the adapter of our claims
to the CQE protocol. Used by ``scripts/evaluate_*.py`` and ``scripts/train_ner.py``; nothing at
extraction time imports it. No benchmark data is shipped: every reader takes a path.

=================  ==========================================================================
module             what
=================  ==========================================================================
``readers``        OntoNotes BIO, CoNLL-2003, MEANTIME (JSONL and XML), TimeML / TempEval-3
``scoring``        IOB2 entity P/R/F1 (conlleval), TIMEX3 span pairing and scores, mention
                   alignment and B-cubed (Cai & Strube 2010)
``cqe``            our claims as CQE tags and CQE's matching metrics (NewsQuant)
=================  ==========================================================================
"""
