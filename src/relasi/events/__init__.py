"""Event coding: CAMEO codebook, verb/noun patterns, dates."""

from relasi.events.coder import code_events

__all__ = ["code_events"]
