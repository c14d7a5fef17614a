"""The ``dutygraph`` command line: thin, over the library.

Each command parses its options and calls the library; implementations are
imported inside the command so that ``dutygraph --help`` starts fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    name="dutygraph",
    help="Turn Chinese government work plans into a knowledge graph of responsibilities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = typer.Option(OutputFormat.table, "--format", "-f", help="Output format: table, json or csv.")


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Turn Chinese government work plans into a knowledge graph of responsibilities."""
    if version:
        from . import __version__

        typer.echo(__version__)
        raise typer.Exit()


def _report(error: Exception) -> None:
    typer.echo(f"dutygraph: error: {error}", err=True)


def _fail(error) -> None:
    """Print a DutygraphError as one line and exit with its status."""
    _report(error)
    raise typer.Exit(getattr(error, "exit_code", 1))


@app.command()
def extract(
    files: List[Path] = typer.Argument(..., help="Plan files to read."),
    fmt: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f",
                                     help="json (the documents), table or csv (one row per task)."),
) -> None:
    """Read plans and print their tasks with units, deadlines and sources.

    A file that cannot be read is reported on stderr (file and line) and the
    others are still printed; the exit status is then 2.
    """
    from .extract import extract_rows
    from .loaders import load_many
    from .output import write_json, write_rows

    result = load_many(files)
    if fmt is OutputFormat.json:
        write_json({"documents": [d.to_dict() for d in result.documents]})
    else:
        for doc in result.documents:
            write_rows(extract_rows(doc), fmt.value, title=doc.title if fmt is OutputFormat.table else None,
                       max_width={"text": 40, "title": 16})
    for error in result.errors:
        _report(error)
    if result.errors:
        raise typer.Exit(2)


@app.command()
def build(
    files: List[Path] = typer.Argument(..., help="Plan files to read."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the graph here as node-link JSON."),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Build the responsibility graph and print its counts per label and type."""
    from .graph.build import build as build_graph
    from .graph.node_link import counts, write_node_link
    from .loaders import load_many
    from .output import write_rows

    result = load_many(files)
    graph = build_graph(result.documents)
    if out is not None:
        with open(out, "w", encoding="utf-8") as stream:
            write_node_link(graph, stream)
    c = counts(graph)
    rows = [{"kind": "node", "name": k, "count": v} for k, v in c["nodes"].items()]
    rows += [{"kind": "edge", "name": k, "count": v} for k, v in c["edges"].items()]
    write_rows(rows, fmt.value)
    if out is not None and fmt is OutputFormat.table:
        typer.echo(f"graph written to {out}", err=True)
    for error in result.errors:
        _report(error)
    if result.errors:
        raise typer.Exit(2)


def main() -> None:
    """Console entry point: DutygraphError becomes one clear line and its exit status."""
    from .errors import DutygraphError

    try:
        app()
    except DutygraphError as exc:  # raised outside a command's own handling
        _report(exc)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
