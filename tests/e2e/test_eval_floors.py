"""Quality floors on the annotated sets, through the real `relasi eval`. Floors only go up: raise them when the
pipeline improves, never lower them without a recorded reason (docs/decisions.md)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import EXAMPLES

# Measured when set (see the closing notes); a little below the measured value to absorb nothing but rounding.
# Re-based when ../shared/gold/dev grew from 29 to 77 pages (docs/decisions.md, "Evaluation").
DEV_FLOORS = {"events": 0.735, "dyads": 0.79, "entities": 0.97, "titles": 0.88, "dates": 0.95}
EXAMPLE_FLOORS = {"events": 0.72, "entities": 0.97}


def _eval(relasi_bin: str, directory) -> dict:
    result = subprocess.run([relasi_bin, "eval", str(directory), "--json"], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _score(report: dict, key: str) -> float:
    block = report[key]
    return block["f1"] if "f1" in block else block["accuracy"]


@pytest.fixture(scope="module")
def dev_report(shared_dir, relasi_bin) -> dict:
    return _eval(relasi_bin, shared_dir / "gold" / "dev")


@pytest.mark.parametrize(("key", "floor"), sorted(DEV_FLOORS.items()))
def test_eval_dev_floor(dev_report: dict, key: str, floor: float) -> None:
    assert _score(dev_report, key) >= floor, dev_report[key]


@pytest.fixture(scope="module")
def examples_report(relasi_bin) -> dict:
    return _eval(relasi_bin, EXAMPLES / "gold")


@pytest.mark.parametrize(("key", "floor"), sorted(EXAMPLE_FLOORS.items()))
def test_eval_examples_floor(examples_report: dict, key: str, floor: float) -> None:
    assert _score(examples_report, key) >= floor, examples_report[key]
