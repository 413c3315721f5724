"""Shared fixtures: paths to the repo, its examples and (when present) ../shared."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold" / "dev").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def relasi_bin() -> str:
    """The installed console script next to this interpreter (the real CLI, not an import)."""
    candidate = Path(sys.executable).parent / "relasi"
    found = str(candidate) if candidate.exists() else shutil.which("relasi")
    if not found:
        pytest.fail("the relasi console script is not installed (pip install -e .)")
    return found
