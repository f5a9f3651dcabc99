"""Numeric claims: the ``newsfacts_claims`` spaCy component (a package; see :mod:`.component`)."""

from .component import ClaimExtractor, claim_holder, claim_time, make_claims

__all__ = ["ClaimExtractor", "claim_holder", "claim_time", "make_claims"]
