"""The rough edges a newcomer meets first: --version, help text, tables at 80 columns, unreadable office files."""

from __future__ import annotations

import re

import pytest
import typer.main
from rich.cells import cell_len

from dutygraph import __version__
from dutygraph.cli import app
from tests.series import SEED, load_series, run

COMMANDS = sorted(typer.main.get_command(app).commands)


def test_version_prints_the_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"dutygraph {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_type_metavars(command):
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(bool|str|int|float|path|list\[[^\]]*\])>", result.stdout), result.stdout
    usage = result.stdout.split("Usage:")[1].splitlines()[0]
    assert "{" not in usage and not re.search(r"\b[a-z_]+\.\.\.", usage), usage   # FILES..., not {files}...


def test_role_shows_its_choices():
    result = run("units", "--help")
    assert "all|lead|responsible|cooperating" in result.stdout
    assert run("units", "--role", "leader", "--store", "nowhere").exit_code == 2


@pytest.mark.parametrize("command", COMMANDS)
def test_a_default_is_said_once(command):
    """typer prints [default: X] for an option with a default; its help must not say it again."""
    for param in typer.main.get_command(app).commands[command].params:
        if param.default not in (None, False, ()) and not param.required:
            assert "default" not in (getattr(param, "help", "") or "").lower(), (command, param.name)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return load_series(tmp_path_factory.mktemp("help"))


WIDE = [("units",), ("unit", "市环保局"), ("task", "A2-5-1"), ("depends", "清水塘"), ("due", "2030-01-01"),
        ("documents",), ("tasks", "--text", "清水塘"), ("compare", "2022", "2023"), ("overdue",),
        ("recurring",), ("partners",), ("places",), ("gaps",), ("brokers",)]


@pytest.mark.parametrize("query", WIDE, ids=[" ".join(q) for q in WIDE])
def test_a_table_fits_80_columns(store, query):
    result = run(*query, "--store", store, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 80
    # no column squeezed to a sliver: the header holds every column's whole name on one line
    assert sum(line.startswith("┃") for line in lines) == 1, result.stdout


def test_older_office_files_in_a_folder_are_named_with_a_hint(tmp_path):
    folder = tmp_path / "plans"
    (folder / "old").mkdir(parents=True)
    (folder / "plan.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    for name in ("old/a.doc", "b.wps", "c.et"):
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0 binary")
    result = run("load", folder, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert "3 file(s) of an older office format not read" in result.stderr
    for name in ("a.doc", "b.wps", "c.et"):
        assert name in result.stderr
    assert "soffice --headless --convert-to docx" in result.stderr
    assert "soffice --headless --convert-to xlsx" in result.stderr
    named = run("extract", folder / "b.wps")
    assert named.exit_code == 2 and "older office format" in named.stderr and "convert-to docx" in named.stderr
