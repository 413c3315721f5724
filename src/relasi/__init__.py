"""relasi: news to international-relations events."""
__version__ = "0.1.0"
