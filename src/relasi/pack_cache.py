"""A compiled language pack kept on disk, so that a new process (a CLI run, a pool or Dask worker) starts without
parsing YAML and TSV and rebuilding the automaton.

The cache file is named by a hash of everything the pack is built from: the pack's data files and the code that
reads them. Any edit to either gives a new name, so a stale pack is never read; an unreadable or damaged file is
rebuilt. The cache only saves time: when it cannot be written (a read-only home), relasi builds the pack as before.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# The modules whose code decides what a pack holds: a change to one of them changes the cache key.
_BUILDERS = ("packs.py", "actors/dictionary.py", "actors/gazetteer.py", "lang/lexicon.py", "lang/morphology.py",
             "sentences.py", "model.py", "pickling.py", "clauses/words.py")
_PACKAGE = Path(__file__).parent


def cache_dir() -> Path | None:
    """Where compiled packs live: $RELASI_CACHE_DIR, else the user's cache folder; None when the user turned the
    cache off (RELASI_CACHE_DIR set to an empty string)."""
    configured = os.environ.get("RELASI_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "relasi" / "packs"


def source_key(lang: str, folders: list[Path], *, files: list[Path] | None = None,
               builders: tuple[str, ...] = _BUILDERS, libraries: tuple[str, ...] = ("ahocorasick", "yaml")) -> str:
    """A hash of the pack's data files (every file under `folders`, by relative path and content, and the single
    `files`), of the code that builds a pack from them (`builders`, relative to the package) and of the installed
    `libraries` (modules) whose data or objects it holds."""
    digest = hashlib.sha256(lang.encode())
    paths = [(folder, sorted(p for p in folder.rglob("*") if p.is_file())) for folder in folders]
    paths += [(path.parent, [path]) for path in files or ()]
    for base, found in paths:
        for path in found:
            digest.update(str(path.relative_to(base.parent)).encode())
            digest.update(path.read_bytes())
    for name in builders:
        digest.update((_PACKAGE / name).read_bytes())
    digest.update("|".join([sys.version, *(_version(name) for name in libraries)]).encode())
    return digest.hexdigest()[:32]


def _version(module: str) -> str:
    """What identifies the installed `module`: the size and time of its file, found without importing it (a
    reinstall or an upgrade rewrites it). importlib.metadata would cost a CLI run a tenth of a second to import."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return "-"
    stat = os.stat(spec.origin)
    return f"{module}:{stat.st_size}:{stat.st_mtime_ns}"


def cached_state(lang: str, key: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The pack's fields from the cache when a file for `key` is there and sound, else from `build()` (and then
    stored for the next process).

    What it returns is kept for the life of the process (the callers memoise it), so it is moved out of the
    cyclic collector's reach (`gc.freeze`): hundreds of thousands of objects that every full collection would
    walk again for nothing; in the ingest's writer, where the gazetteer lives beside batches of new rows, that
    was a tenth of its time."""
    state = _cached_state(lang, key, build)
    gc.freeze()
    return state


def _cached_state(lang: str, key: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{lang}-{key}.pickle"
    try:
        with path.open("rb") as handle, _no_collection():
            state = pickle.load(handle)
        if isinstance(state, dict) and state.get("lang") == lang:
            return state
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass                                        # absent, damaged or from other code: rebuild below
    state = build()
    _store(folder, path, lang, state)
    return state


@contextmanager
def _no_collection() -> Iterator[None]:
    """Unpickling makes objects by the hundred thousand, none of them garbage: the cyclic collector would walk
    the growing heap again and again for nothing (a third of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _store(folder: Path, path: Path, lang: str, state: dict[str, Any]) -> None:
    import tempfile  # only when a pack is built: a run that reads the cache does without it

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{lang}-*.pickle"):  # earlier versions of this pack are never read again
            old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return                                      # no cache is only slower
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)                 # readers see the whole file or none
    except (OSError, pickle.PicklingError, TypeError):
        Path(temporary).unlink(missing_ok=True)
