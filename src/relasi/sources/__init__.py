"""Readers that turn what the user names (files, directories, stdin, URLs, feeds) into Documents."""

from relasi.sources.files import iter_documents, read_stdin

__all__ = ["iter_documents", "read_stdin"]
