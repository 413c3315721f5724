"""The CLI side of issue 12: actor names, suggestions, full-text search, places, modality in --all tables."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from relasi.cli import main
from tests.test_web_server import fill_database


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(fill_database(tmp_path_factory.mktemp("cli-explore") / "relasi.db"))


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("actor", ["IDN", "Indonesia", "RI"])
def test_cli_explore_events_take_actor_names(database: str, actor: str) -> None:
    code, out, err = _run("events", "--db", database, "--actor", actor, "--format", "jsonl")
    assert code == 0 and out.count("\n") == 1 and '"IDN"' in out


def test_cli_explore_unknown_actor_suggests_names(database: str) -> None:
    code, _, err = _run("events", "--db", database, "--actor", "Indonesa")
    assert code == 2 and "Indonesia (IDN)" in err and "--actor" in err


def test_cli_explore_all_shows_how_each_event_was_told(database: str) -> None:
    code, out, _ = _run("events", "--db", database, "--all")
    assert code == 0 and "told" in out.splitlines()[0]
    assert "intended" in out and "asserted, negated" in out


@pytest.mark.parametrize(("args", "expected"), [
    (("search", "balloon"), "US shoots down balloon"),
    (("search", "criticised", "--in", "events"), "criticised China"),
    (("events", "--text", "balloon", "--format", "jsonl"), "shot down a Chinese balloon"),
])
def test_cli_explore_full_text(database: str, args: tuple[str, ...], expected: str) -> None:
    code, out, _ = _run(*args, "--db", database)
    assert code == 0 and expected in out


def test_cli_explore_bad_bbox_is_a_usage_error(database: str) -> None:
    code, _, err = _run("events", "--db", database, "--bbox", "1,2,3")
    assert code == 2 and "--bbox" in err

