"""Actor recognition: gazetteer hits → resolved mentions (roles, metonyms, coreference)."""

from relasi.actors.resolve import find_actors

__all__ = ["find_actors"]
