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


# -- stores ------------------------------------------------------------------------------

StoreOption = typer.Option(Path(".dutygraph"), "--store", "-s", help="The embedded store folder.")
BackendOption = typer.Option("embedded", "--backend", "-b", help="embedded (default), neo4j or sparql.")
EndpointOption = typer.Option(None, "--sparql-endpoint", help="A SPARQL endpoint URL (for --backend sparql).")
Neo4jUriOption = typer.Option(None, "--neo4j-uri", help="Neo4j URI (default: $NEO4J_URI).")
Neo4jDatabaseOption = typer.Option(None, "--neo4j-database", help="Neo4j database (default: $NEO4J_DATABASE).")


@app.command()
def load(
    files: List[Path] = typer.Argument(..., help="Plan files to read and load."),
    store: Path = StoreOption,
    neo4j: bool = typer.Option(False, "--neo4j", help="Load into Neo4j ($NEO4J_URI …) instead."),
    neo4j_uri: Optional[str] = Neo4jUriOption,
    neo4j_database: Optional[str] = Neo4jDatabaseOption,
    sparql_endpoint: Optional[str] = typer.Option(None, "--sparql-endpoint",
                                                  help="Upload to this SPARQL endpoint (Graph Store Protocol)."),
    batch_size: int = typer.Option(10_000, "--batch-size", help="Rows per Neo4j batch."),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Read plans and load them into a store: later loads add documents, a document loaded again replaces it."""
    from .errors import DutygraphError
    from .graph.build import build as build_graph
    from .loaders import load_many
    from .output import write_rows

    result = load_many(files)
    for error in result.errors:
        _report(error)
    if result.documents:
        graph = build_graph(result.documents)
        try:
            if neo4j:
                from .graph.neo4j import Neo4jStore

                with Neo4jStore(uri=neo4j_uri, database=neo4j_database) as s:
                    s.load(graph, batch_size=batch_size)
                    counts = s.counts()
            elif sparql_endpoint:
                from .graph.sparql_remote import RemoteSparqlStore

                s = RemoteSparqlStore(sparql_endpoint)
                s.load(graph)
                counts = s.counts()
            else:
                from .graph.embedded import EmbeddedStore

                with EmbeddedStore(store) as s:
                    counts = s.load(graph)
        except DutygraphError as exc:
            _fail(exc)
        rows = [{"kind": "node", "name": k, "count": v} for k, v in counts["nodes"].items()]
        rows += [{"kind": "edge", "name": k, "count": v} for k, v in counts["edges"].items()]
        write_rows(rows, fmt.value)
    if result.errors:
        raise typer.Exit(2)


def _answer(fn_name: str, backend: str, store: Path, endpoint, neo4j_uri, neo4j_database, fmt: OutputFormat,
            *args, columns=None, max_width=None, **kwargs) -> None:
    """Open the backend, ask one question of dutygraph.queries.ask, print the rows."""
    from .errors import DutygraphError
    from .output import write_rows
    from .queries import ask
    from .queries.connect import open_backend

    try:
        with open_backend(backend, store, endpoint, neo4j_uri, neo4j_database) as b:
            rows = getattr(ask, fn_name)(b, *args, **kwargs)
    except DutygraphError as exc:
        _fail(exc)
    if not rows and fmt is OutputFormat.table:
        typer.echo("(no rows)", err=True)
    write_rows(rows, fmt.value, columns=columns, max_width=max_width or {"text": 40})


@app.command()
def units(
    role: str = typer.Option("all", "--role", "-r", help="lead, responsible, cooperating or all."),
    expand: bool = typer.Option(False, "--expand", help="Credit collectives' tasks to their known members."),
    document: str = typer.Option("", "--document", help="Only this document (its id, doc/…)."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many units (0: all)."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Units by number of tasks (top-units)."""
    _answer("top_units", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, role=role, expand=expand,
            document=document, limit=limit)


@app.command()
def unit(
    name: str = typer.Argument(..., help="A unit's name, alias or short form (环保局, 市环保局 …)."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """The accountability card of one unit: every task it leads or shares."""
    _answer("unit_card", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, name,
            columns=None if fmt is not OutputFormat.table else
            ["task", "role", "text", "deadline", "co_units", "program", "line_first"])


@app.command()
def task(
    task_id: str = typer.Argument(..., help="A task id (A2-5-1) or its full id (doc/…/task/A2-5-1)."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Who leads a task, who shares it, what it is part of and depends on."""
    _answer("task_card", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, task_id)


@app.command()
def depends(
    name: str = typer.Argument(..., help="A program, project, place or task (清水塘, 清水塘老工业区搬迁改造 …)."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Everything that depends on a program, project, place or task, with the basis of each link."""
    _answer("depends", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, name,
            columns=None if fmt is not OutputFormat.table else
            ["task", "basis", "printed", "lead", "responsible", "text", "line_first"])


@app.command()
def partners(
    name: Optional[str] = typer.Argument(None, help="A unit; without it, every pair of units."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Units that share tasks with a unit (or the whole co-responsibility network), weighted."""
    _answer("partners", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, name)


@app.command()
def places(
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Tasks and units per district or zone."""
    _answer("places", backend, store, endpoint, neo4j_uri, neo4j_database, fmt)


@app.command()
def due(
    before: str = typer.Argument(..., help="A date, YYYY-MM-DD: tasks due on or before it."),
    after: str = typer.Option("", "--after", help="Only tasks due after this date."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Tasks falling due before a date or within a period."""
    _answer("due", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, before, after)


@app.command()
def gaps(
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Tasks without a lead, units that never lead, collectives without known members."""
    _answer("gaps", backend, store, endpoint, neo4j_uri, neo4j_database, fmt)


@app.command()
def brokers(
    limit: int = typer.Option(10, "--limit", "-n", help="How many units (0: all)."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Units bridging otherwise separate groups (betweenness on the co-responsibility network)."""
    _answer("brokers", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, limit=limit)


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
