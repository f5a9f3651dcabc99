"""Numeric claims: the ``newsfacts_claims`` spaCy component (a package; see :mod:`.component`)."""

from .attribution import claim_holder
from .component import ClaimExtractor, explain_exclusions, make_claims
from .time import claim_time

__all__ = ["ClaimExtractor", "claim_holder", "claim_time", "explain_exclusions", "make_claims"]
