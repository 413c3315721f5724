"""The README's tour runs as written after `make demo` (issue 12): the block between <!-- tour --> markers, run
by bash in a fresh folder holding the project's .venv and examples, after the ingest `make demo` runs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

VENV = REPO / ".venv"


def tour_lines() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- tour -->\s*```sh\n(.*?)```\s*<!-- /tour -->", readme, re.S)
    assert block, "README.md has no <!-- tour --> block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_tour_runs_verbatim_after_make_demo(tmp_path: Path) -> None:
    if not (VENV / "bin" / "relasi").exists():
        pytest.skip("no .venv with relasi in it: run `make demo` first")
    (tmp_path / ".venv").symlink_to(VENV)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    demo = subprocess.run([str(VENV / "bin" / "relasi"), "ingest", "examples", "--db", "relasi.db"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert demo.returncode == 0, demo.stderr
    lines = tour_lines()
    assert lines[0].startswith("source .venv/bin/activate")
    # One script, as a reader would paste it: `set -e` stops at the first failing line.
    script = "set -e\n" + "\n".join(f"echo '>>> {i}' >&2\n{line}" for i, line in enumerate(lines))
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "(0 events)" not in result.stderr                    # every query of the tour finds something
    assert (tmp_path / "idn.csv").read_text(encoding="utf-8").startswith("id,article_id,")
    assert "ActionGeo_CountryCode" in (tmp_path / "idn.csv").read_text(encoding="utf-8").splitlines()[0]
    assert '"events"' in result.stdout or "events" in result.stdout
