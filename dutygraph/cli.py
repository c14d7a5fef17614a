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
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _tidy_help() -> None:
    """Help without typer's type metavars (<bool>, <str>, <list[Path]>): flags show nothing, choices
    show their values (lead|responsible|…), other options a plain word (TEXT, INTEGER, PATH, NUMBER)."""
    from typer import core

    words = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "Path": "PATH", "path": "PATH", "file": "PATH",
             "directory": "PATH"}

    def display(self, ctx):
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return None
        desc = self.type_descriptor
        if desc.is_choice:
            return "|".join(str(getattr(c, "value", c)) for c in desc.choices or ())
        label = self.display_type(ctx).strip("<>")
        many = label.startswith("list[")
        label = words.get(label[5:-1] if many else label, label.upper())
        return f"{label}..." if many and isinstance(self, core.TyperOption) else label

    def name(self) -> str:  # FILES..., NAME, TASK_ID
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    core.TyperOption.display_type_rich = display
    core.TyperArgument.display_type_rich = lambda self, ctx: None
    core.TyperArgument.display_name_raw = property(lambda self: (self.metavar or self.name).upper())
    core.TyperArgument._rich_display_name = name
    core.TyperArgument._usage_display_name = lambda self: name(self) if self.required else f"[{name(self)}]"


_tidy_help()


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = typer.Option(OutputFormat.table, "--format", "-f", help="Output format: table, json or csv.")


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Turn Chinese government work plans into a knowledge graph of responsibilities."""
    if version:
        from . import __version__

        typer.echo(f"dutygraph {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def _report(error: Exception) -> None:
    typer.echo(f"dutygraph: error: {error}", err=True)


def _fail(error) -> None:
    """Print a DutygraphError as one line and exit with its status."""
    _report(error)
    raise typer.Exit(getattr(error, "exit_code", 1))


PathsArgument = typer.Argument(..., help="Plan files, or folders read recursively.")
JobsOption = typer.Option(0, "--jobs", "-j", help="Worker processes (0: automatic).")
MinCoverageOption = typer.Option(
    None, "--min-coverage", min=0.0, max=1.0,
    help="Fail a document (exit status 2) whose share of role cues attached to a task is below this (0-1).")


def _read(paths: List[Path], jobs: int, keep: str = "documents", min_coverage: Optional[float] = None):
    """Read plans (files and folders) with a progress bar on a terminal; failures are reported on stderr."""
    from .loaders.corpus import extract_corpus, find_files, progress_bar

    files = find_files(paths)
    _note_old_office(paths)
    if not files:
        from .errors import InputError

        _fail(InputError(f"no plan file found in {', '.join(str(p) for p in paths)}"))
    # Automatic: parallel for 16 files or more, except where whole Documents must come back (build, load):
    # shipping their objects from worker processes costs more than reading them here (benchmarks/corpus_extract.py).
    processes = jobs or (None if len(files) >= 16 and keep != "documents" else 1)
    with progress_bar(len(files), enabled=None if len(files) > 1 else False) as advance:
        result = extract_corpus(files, processes=processes, progress=advance, keep=keep, min_coverage=min_coverage)
    for covered in result.summary.coverage:
        typer.echo(f"coverage: {covered.source}: {covered.text()}", err=True)
    for failure in result.failures:
        typer.echo(f"dutygraph: error: {failure}", err=True)
    if len(files) > 1:
        s = result.summary
        typer.echo(f"read {s.documents} of {s.files} files ({s.failures} failed): {s.tasks} tasks, "
                   f"{s.assignments} unit assignments in {s.seconds:.1f}s", err=True)
    return result


def _note_old_office(paths: List[Path]) -> None:
    """Name the files of older office formats (.doc, .wps, .et, .xls) in the folders, which are not read."""
    from .loaders import old_office_hint
    from .loaders.corpus import old_office_files

    old = old_office_files(paths)
    if old:
        shown = ", ".join(str(p) for p in old[:5]) + (f" and {len(old) - 5} more" if len(old) > 5 else "")
        typer.echo(f"dutygraph: note: {len(old)} file(s) of an older office format not read: {shown}; "
                   f"{old_office_hint(old[:5])}", err=True)


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"
    csv = "csv"
    parquet = "parquet"


@app.command()
def extract(
    files: List[Path] = PathsArgument,
    fmt: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f",
                                      help="json (the documents), table or csv (one row per task), or parquet "
                                           "(tables of documents, tasks and assignments in the --out folder)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="parquet: the folder to write the tables into."),
    jobs: int = JobsOption,
    min_coverage: Optional[float] = MinCoverageOption,
) -> None:
    """Read plans and print their tasks with units, deadlines and sources.

    A file that cannot be read is reported on stderr (file and line) and the
    others are still printed; the exit status is then 2.
    """
    from .extract import rows_of_dict
    from .output import write_rows

    if fmt is ExtractFormat.parquet and out is None:
        from .errors import InputError

        _fail(InputError("--format parquet writes a folder of tables: give it with --out DIR"))
    result = _read(files, jobs, keep="json" if fmt is ExtractFormat.json else "dicts", min_coverage=min_coverage)
    if fmt is ExtractFormat.parquet:
        from .errors import DutygraphError
        from .extract import export_extract_tables

        try:
            counts = export_extract_tables(result.documents, out)
        except DutygraphError as exc:
            _fail(exc)
        typer.echo(f"parquet tables written to {out} ("
                   + ", ".join(f"{n} {name}" for name, n in counts.items()) + ")", err=True)
    elif fmt is ExtractFormat.json:  # the documents' JSON, made in the worker processes
        sys.stdout.write('{\n  "documents": [' + ",".join("\n" + d.json for d in result.documents)
                         + ("\n  ]\n}\n" if result.documents else "]\n}\n"))
    elif fmt is ExtractFormat.csv:  # one header; the source file tells the documents apart
        write_rows([{"source": doc["source"], **row} for doc in result.documents for row in rows_of_dict(doc)], "csv")
    else:
        for doc in result.documents:
            write_rows(rows_of_dict(doc), "table", title=doc["title"], max_width={"text": 40, "title": 16})
    if result.failures:
        raise typer.Exit(2)


@app.command()
def build(
    files: List[Path] = PathsArgument,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the graph here as node-link JSON."),
    jobs: int = JobsOption,
    fmt: OutputFormat = FormatOption,
    min_coverage: Optional[float] = MinCoverageOption,
) -> None:
    """Build the responsibility graph and print its counts per label and type."""
    from .graph.build import build as build_graph
    from .graph.node_link import counts, write_node_link

    result = _read(files, jobs, min_coverage=min_coverage)
    graph = build_graph(result.documents)
    if out is not None:
        with open(out, "w", encoding="utf-8") as stream:
            write_node_link(graph, stream)
    _write_counts(counts(graph), fmt)
    if out is not None and fmt is OutputFormat.table:
        typer.echo(f"graph written to {out}", err=True)
    if result.failures:
        raise typer.Exit(2)


def _write_counts(counts: dict, fmt: "OutputFormat") -> None:
    from .output import write_rows

    rows = [{"kind": "node", "name": k, "count": v} for k, v in counts["nodes"].items()]
    rows += [{"kind": "edge", "name": k, "count": v} for k, v in counts["edges"].items()]
    write_rows(rows, fmt.value)


# -- stores ------------------------------------------------------------------------------

StoreOption = typer.Option(Path(".dutygraph"), "--store", "-s", help="The embedded store folder.")
BackendOption = typer.Option("embedded", "--backend", "-b", help="embedded, neo4j or sparql.")
EndpointOption = typer.Option(None, "--sparql-endpoint", help="A SPARQL endpoint URL (for --backend sparql).")
Neo4jUriOption = typer.Option(None, "--neo4j-uri", help="Neo4j URI (default: $NEO4J_URI).")
Neo4jDatabaseOption = typer.Option(None, "--neo4j-database", help="Neo4j database (default: $NEO4J_DATABASE).")


@app.command()
def load(
    files: List[Path] = PathsArgument,
    store: Path = StoreOption,
    neo4j: bool = typer.Option(False, "--neo4j", help="Load into Neo4j ($NEO4J_URI …) instead."),
    neo4j_uri: Optional[str] = Neo4jUriOption,
    neo4j_database: Optional[str] = Neo4jDatabaseOption,
    sparql_endpoint: Optional[str] = typer.Option(None, "--sparql-endpoint",
                                                  help="Upload to this SPARQL endpoint (Graph Store Protocol)."),
    batch_size: int = typer.Option(10_000, "--batch-size", help="Rows per Neo4j batch."),
    workers: int = typer.Option(1, "--workers", help="Neo4j: documents written at once (each its own transaction)."),
    neo4j_import: bool = typer.Option(False, "--neo4j-import", help="Bulk-import into a new, stopped Neo4j "
                                      "database with neo4j-admin ($NEO4J_ADMIN), replacing it."),
    neo4j_home: Optional[Path] = typer.Option(None, "--neo4j-home", help="For --neo4j-import: the Neo4j home "
                                              "(default: $NEO4J_HOME)."),
    jobs: int = JobsOption,
    fmt: OutputFormat = FormatOption,
    min_coverage: Optional[float] = MinCoverageOption,
) -> None:
    """Read plans and load them into a store (default: the embedded store in ./.dutygraph).

    Later loads add documents; a document loaded again replaces its earlier contribution
    (--neo4j-import replaces the whole database). Prints the store's counts per label and type afterwards.
    """
    from .errors import DutygraphError
    from .graph.build import build as build_graph

    if not (neo4j or sparql_endpoint):  # the embedded store (or --neo4j-import): streamed, bounded memory
        return _load_streaming(files, store, jobs, fmt, min_coverage, neo4j_import, neo4j_home, neo4j_database)
    result = _read(files, jobs, min_coverage=min_coverage)
    if result.documents:
        graph = build_graph(result.documents)
        try:
            if neo4j:
                from .graph.neo4j import Neo4jStore

                with Neo4jStore(uri=neo4j_uri, database=neo4j_database) as s:
                    s.load(graph, batch_size=batch_size, workers=workers)
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
        _write_counts(counts, fmt)
    if result.failures:
        raise typer.Exit(2)


@app.command()
def optimize(store: Path = StoreOption) -> None:
    """Compact the embedded store's SPARQL half (pyoxigraph) for faster queries, after a big load or a series
    of appends.

    Commits a new generation holding the same documents, as a load does: a failed or killed run leaves the
    store as it was. Costs CPU in proportion to the store (no load does it).
    """
    from .errors import DutygraphError
    from .graph.optimize import optimize as optimize_store

    try:
        done = optimize_store(store)
    except DutygraphError as exc:
        _fail(exc)
    mb = 1024 * 1024
    typer.echo(f"optimized {store}: generation {done['generation']}, SPARQL half {done['sst_files_before']} -> "
               f"{done['sst_files_after']} files ({done['sst_bytes_before'] / mb:,.0f} -> "
               f"{done['sst_bytes_after'] / mb:,.0f} MB), {done['seconds']:.1f}s ({done['cpu_seconds']:.1f} CPU s)")


def _load_streaming(files, store: Path, jobs: int, fmt: "OutputFormat", min_coverage, neo4j_import: bool,
                    neo4j_home, database) -> None:
    """Read, build and bulk-load plans one part at a time (dutygraph.graph.stream): the embedded store, or a
    Neo4j database imported by neo4j-admin; reports coverage, failures and the summary as ``_read`` does."""
    import time

    from .errors import DutygraphError, InputError
    from .loaders.corpus import find_files, progress_bar

    paths = find_files(files)
    _note_old_office(files)
    if not paths:
        _fail(InputError(f"no plan file found in {', '.join(str(p) for p in files)}"))
    start = time.perf_counter()
    try:
        with progress_bar(len(paths), enabled=None if len(paths) > 1 else False) as advance:
            if neo4j_import:
                from .graph.neo4j_import import import_files

                counts, staged = import_files(paths, home=neo4j_home, database=database, processes=jobs or None,
                                              progress=advance, min_coverage=min_coverage)
            else:
                from .graph.embedded import EmbeddedStore

                with EmbeddedStore(store) as s:
                    counts, staged = s.load_files(paths, processes=jobs or None, progress=advance,
                                                  min_coverage=min_coverage)
    except DutygraphError as exc:
        _fail(exc)
    for covered in staged.coverage:
        typer.echo(f"coverage: {covered.source}: {covered.text()}", err=True)
    for failure in staged.failures:
        typer.echo(f"dutygraph: error: {failure}", err=True)
    if len(paths) > 1:
        typer.echo(f"read {len(staged.documents)} of {staged.files} files ({len(staged.failures)} failed): "
                   f"{staged.tasks} tasks, {staged.assignments} unit assignments; loaded in "
                   f"{time.perf_counter() - start:.1f}s", err=True)
    if counts is not None:
        _write_counts(counts, fmt)
    if staged.failures:
        raise typer.Exit(2)


def _answer(fn_name: str, backend: str, store: Path, endpoint, neo4j_uri, neo4j_database, fmt: OutputFormat,
            *args, columns=None, max_width=None, drop=(), **kwargs) -> None:
    """Open the backend, ask one question (a function of dutygraph.queries.ask, or "module.function" of
    another module of dutygraph.queries), print the rows."""
    from importlib import import_module

    from .errors import AmbiguousNameError, DutygraphError
    from .queries.connect import open_backend

    module, _, name = fn_name.rpartition(".")
    fn = getattr(import_module(f"dutygraph.queries.{module or 'ask'}"), name)
    try:
        with open_backend(backend, store, endpoint, neo4j_uri, neo4j_database) as b:
            rows = fn(b, *args, **kwargs)
    except AmbiguousNameError as exc:  # the candidates are the answer, with their own exit status
        _print(exc.candidates, fmt)
        _fail(exc)
    except DutygraphError as exc:
        _fail(exc)
    _print(rows, fmt, columns=columns, max_width=max_width or {"text": 40}, drop=drop)


def _print(rows: list[dict], fmt: "OutputFormat", **options) -> None:
    """Rows in the chosen format; an empty table says so on stderr (json and csv stay machine-readable)."""
    from .output import write_rows

    if not rows and fmt is OutputFormat.table:
        typer.echo("(no rows)", err=True)
    write_rows(rows, fmt.value, **options)


class Role(str, Enum):
    all = "all"
    lead = "lead"
    responsible = "responsible"
    cooperating = "cooperating"


DocumentOption = typer.Option(None, "--document", help="Only this document: its id (with or without doc/), "
                              "file name or a part of its title (`dutygraph documents` lists them).")


@app.command()
def units(
    role: Role = typer.Option(Role.all, "--role", "-r", help="Count tasks held in this role."),
    expand: bool = typer.Option(False, "--expand", help="Credit collectives' tasks to their known members."),
    document: Optional[str] = DocumentOption,
    limit: int = typer.Option(10, "--limit", "-n", help="How many units (0: all)."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Units by number of tasks (top-units)."""
    _answer("scoped.top_units", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, role=role.value,
            expand=expand, document=document, limit=limit)


@app.command()
def unit(
    name: str = typer.Argument(..., help="A unit's name, alias or short form (环保局, 市环保局 …)."),
    within: str = typer.Option("", "--in", help="Only the unit of this jurisdiction (攸县) or document (doc/…), "
                               "where the name matches several."),
    follow: bool = typer.Option(False, "--follow", help="Also the units it became or came from (renamed, merged, "
                                "split, 县 → 区), each row under its own name."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """The accountability card of one unit: every task it leads or shares.

    A name that matches units of several governments lists them and exits with status 5; --in narrows it.
    """
    _answer("scoped.unit_card", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, name, document=document,
            within=within, follow=follow, columns=None if fmt is not OutputFormat.table else
            (["unit", "printed"] if follow else []) + ["task", "role", "text", "deadline", "co_units", "program",
                                                       "document", "line_first"],
            drop=["line_first", "program", "co_units", "deadline", "document?"])


@app.command()
def task(
    task_id: str = typer.Argument(..., help="A task id (A2-5-1) or its full id (doc/…/task/A2-5-1)."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Who leads a task, who shares it, what it is part of and depends on."""
    _answer("scoped.task_card", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, task_id,
            document=document, max_width={}, drop=["document?"])


@app.command()
def depends(
    name: str = typer.Argument(..., help="A program, project, place or task (清水塘, 清水塘老工业区搬迁改造 …), "
                               "or words tasks print (老旧小区改造)."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Everything that depends on a program, project, place or task, with the basis of each link."""
    _answer("scoped.depends", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, name, document=document,
            columns=None if fmt is not OutputFormat.table else
            ["task", "basis", "printed", "lead", "responsible", "text", "document", "line_first"],
            drop=["line_first", "document?", "responsible", "printed"])


@app.command()
def partners(
    name: Optional[str] = typer.Argument(None, help="A unit; without it, every pair of units."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Units that share tasks with a unit (or the whole co-responsibility network), weighted."""
    _answer("scoped.partners", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, name, document=document)


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
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Tasks falling due before a date or within a period."""
    _answer("scoped.due", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, before, after, document=document,
            drop=["line_first", "document?", "responsible", "deadline"])


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
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Units bridging otherwise separate groups (betweenness on the co-responsibility network)."""
    _answer("scoped.brokers", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, limit=limit, document=document)


# -- documents, topics, plan against plan, overdue ------------------------------------------

@app.command()
def documents(
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """The loaded documents: id, title, issuer, jurisdiction, issued date, leaf tasks and source file."""
    _answer("documents.documents", backend, store, endpoint, neo4j_uri, neo4j_database, fmt,
            max_width={}, drop=["source", "issuer", "issued", "jurisdiction"])


@app.command()
def tasks(
    text: str = typer.Option("", "--text", "-t", help="Words the task (its text or row title), a project it "
                             "concerns or a program it is part of prints (黑臭水体); without it, every task."),
    unit: Optional[str] = typer.Option(None, "--unit", "-u", help="Only tasks this unit holds (any role)."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Topic search: the leaf tasks about some words, who leads them and where they are printed."""
    _answer("topics.search", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, text, unit=unit,
            document=document, drop=["line_first", "via", "responsible", "document?"])


@app.command()
def overdue(
    as_of: Optional[str] = typer.Option(None, "--as-of", help="The day to judge on, YYYY-MM-DD (default: today)."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Tasks whose deadline has passed: deadline as printed, its date, days over."""
    _answer("scoped.overdue", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, as_of, document=document,
            drop=["line_first", "document?", "days_over", "deadline"])


@app.command()
def compare(
    doc_a: str = typer.Argument(..., help="The earlier plan (id, file name or a part of its title)."),
    doc_b: str = typer.Argument(..., help="The later plan."),
    by_unit: bool = typer.Option(False, "--units", help="Per unit: tasks held before and after."),
    threshold: int = typer.Option(60, "--threshold", help="Least text similarity (0-100) of a carried-over task."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Plan against plan: tasks carried over (with their similarity score), new and dropped.

    With --units: each unit's leaf tasks (any role) in the earlier plan and in the later one.
    """
    if by_unit:
        _answer("compare.compare_units", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, doc_a, doc_b)
    else:
        _answer("compare.compare", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, doc_a, doc_b,
                threshold=threshold, max_width={"text_a": 30, "text_b": 30},
                drop=["lead_a", "lead_b", "text_a"])


@app.command()
def recurring(
    min_years: int = typer.Option(3, "--min-years", help="Least number of years a task reappears in."),
    threshold: int = typer.Option(60, "--threshold", help="Least text similarity (0-100) of one year's task to "
                                  "the year before's."),
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Tasks that reappear in the plans of one jurisdiction year after year (a sign they are not getting done)."""
    _answer("compare.recurring", backend, store, endpoint, neo4j_uri, neo4j_database, fmt, min_years=min_years,
            threshold=threshold, drop=["tasks", "min_score", "first", "last"])


# -- raw queries ---------------------------------------------------------------------------

ParamOption = typer.Option(None, "--param", "-p", help="A parameter: NAME=TEXT, or NAME:=JSON (repeatable).")
TimeoutOption = typer.Option(30.0, "--timeout", help="Time limit in seconds (0: none).")


@app.command()
def cypher(
    query: str = typer.Argument(..., help="A Cypher query; values as $name parameters (--param)."),
    params: Optional[List[str]] = ParamOption,
    write: bool = typer.Option(False, "--write", help="Neo4j: allow a query that changes the database."),
    backend: str = typer.Option("embedded", "--backend", "-b", help="embedded or neo4j."),
    store: Path = StoreOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    timeout: float = TimeoutOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Run a Cypher query on the embedded store or Neo4j: read-only (--write: Neo4j only)."""
    from .errors import DutygraphError
    from .queries import raw

    try:
        rows = raw.cypher(query, raw.parse_params(params), backend=backend, store=store, neo4j_uri=neo4j_uri,
                          neo4j_database=neo4j_database, write=write, timeout=timeout or None)
    except DutygraphError as exc:
        _fail(exc)
    _print(rows, fmt)


@app.command()
def sparql(
    query: str = typer.Argument(..., help="A SPARQL query (prefixes dg: org: prov: dcterms: … predefined)."),
    params: Optional[List[str]] = typer.Option(None, "--param", "-p",
                                               help="Pre-bind ?NAME: NAME=TEXT or NAME:=JSON (repeatable)."),
    backend: str = typer.Option("embedded", "--backend", "-b", help="embedded or sparql."),
    store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    timeout: float = TimeoutOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE; no SERVICE, no FROM) on the store or an endpoint."""
    from .errors import DutygraphError
    from .queries import raw

    try:
        rows = raw.sparql(query, raw.parse_params(params), backend=backend, store=store, endpoint=endpoint,
                          timeout=timeout or None)
    except DutygraphError as exc:
        _fail(exc)
    if fmt is OutputFormat.table and not isinstance(rows, bool):  # a table shows dg:Unit, id:unit/… (json, csv: IRIs)
        from .graph.vocab import compact

        rows = [{k: compact(v) for k, v in row.items()} for row in rows]
    _print([{"answer": rows}] if isinstance(rows, bool) else rows, fmt)


# -- exports and pictures --------------------------------------------------------------------

def _graph_for(files: List[Path], store: Path, jobs: int):
    """The graph of FILES (read now) or, without files, of the embedded store; and the files that failed."""
    if files:
        from .graph.build import build as build_graph

        result = _read(files, jobs)
        if result.failures and not result.documents:
            raise typer.Exit(2)
        return build_graph(result.documents), result.failures
    from .graph.embedded import EmbeddedStore

    with EmbeddedStore(store) as s:
        if not s.documents():
            from .errors import StoreError

            raise StoreError(f"{store}: the store is empty (run `dutygraph load FILE...` first, or name the files)")
        return s.graph(), []


EXPORT_HELP = ("graphml, gexf (Gephi), json (node-link), turtle, ntriples, jsonld, trig (RDF), neo4j-csv "
               "(a folder of CSV files for neo4j-admin import), or parquet (a folder of tables with stable ids); "
               "default: from the --out suffix.")


@app.command()
def export(
    files: Optional[List[Path]] = typer.Argument(None, help="Plan files or folders (default: the store's graph)."),
    out: Path = typer.Option(..., "--out", "-o", help="The file (or, for neo4j-csv, the folder) to write."),
    to: Optional[str] = typer.Option(None, "--format", "-f", "--to", help=EXPORT_HELP),
    store: Path = StoreOption,
    jobs: int = JobsOption,
) -> None:
    """Export the graph for Gephi (GraphML, GEXF), as node-link JSON, as RDF, as CSV for neo4j-admin import, or as
    Parquet tables."""
    from .errors import DutygraphError, InputError
    from .graph.export import FORMATS, format_of

    kind = to or format_of(out)
    if kind not in (*FORMATS, "neo4j-csv", "parquet"):
        _fail(InputError(f"cannot tell the export format from {out.name!r}; pass --format "
                         f"({', '.join(FORMATS)}, neo4j-csv or parquet)", path=str(out)))
    try:
        graph, failures = _graph_for(files or [], store, jobs)
        if kind == "neo4j-csv":
            from .graph.neo4j_csv import export_neo4j_csv

            command = export_neo4j_csv(graph, out)
            typer.echo(f"CSV files written to {out}; import them into an empty, stopped database with:", err=True)
            typer.echo(command)
        elif kind == "parquet":
            from .graph.tables import export_tables

            export_tables(graph, out)
        else:
            from .graph.export import export as export_graph

            export_graph(graph, kind, out)
    except DutygraphError as exc:
        _fail(exc)
    typer.echo(f"{kind} written to {out} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)",
               err=True)
    if failures:
        raise typer.Exit(2)


@app.command()
def viz(
    files: Optional[List[Path]] = typer.Argument(None, help="Plan files or folders (default: the store)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="The HTML page to write."),
    png: Optional[Path] = typer.Option(None, "--png", help="Also (or instead) a PNG picture, for papers."),
    svg: Optional[Path] = typer.Option(None, "--svg", help="Also (or instead) an SVG picture, for papers."),
    physics: bool = typer.Option(False, "--physics", help="Page: let the nodes move (off: drawn at once, still)."),
    all_: bool = typer.Option(False, "--all", help="The whole graph (the default view; folded above 80 nodes)."),
    full: bool = typer.Option(False, "--full", help="--all: every node, however many (not folded)."),
    unit: Optional[str] = typer.Option(None, "--unit", help="A unit's neighbourhood."),
    depth: int = typer.Option(1, "--depth", help="Hops around the unit (--unit)."),
    depends_on: Optional[str] = typer.Option(None, "--depends", help="Everything depending on this name."),
    partners_: bool = typer.Option(False, "--partners", help="The co-responsibility network of units."),
    min_shared: int = typer.Option(1, "--min-shared", help="Partners: only pairs sharing this many tasks."),
    document: Optional[str] = DocumentOption,
    backend: str = BackendOption, store: Path = StoreOption, endpoint: Optional[str] = EndpointOption,
    neo4j_uri: Optional[str] = Neo4jUriOption, neo4j_database: Optional[str] = Neo4jDatabaseOption,
    jobs: int = JobsOption,
) -> None:
    """Draw the graph, a unit, an impact or partners: an interactive offline page and/or a PNG or SVG picture."""
    from .errors import DutygraphError, QueryError
    from .viz import make_view

    chosen = [v for v, on in (("all", all_), ("unit", unit), ("depends", depends_on), ("partners", partners_))
              if on]
    if len(chosen) > 1:
        _fail(QueryError("choose one view: --all, --unit NAME, --depends NAME or --partners"))
    if out is None and png is None and svg is None:
        _fail(QueryError("say where to draw: --out PAGE.html, --png FILE or --svg FILE"))
    view = chosen[0] if chosen else "all"
    options = dict(name=unit or depends_on, depth=depth, document=None, min_shared=min_shared, full=full)
    failures = []
    try:
        if document:  # every view of one document: drawn from what that document holds and names
            source, failures, doc = _document_graph(document, files, backend, store, endpoint, neo4j_uri,
                                                    neo4j_database, jobs)
            options["document"] = doc if view == "all" and doc in source else None
            v = make_view(source, view, **options)
        elif files or (backend == "embedded" and view in ("all", "unit")):
            # the whole graph, documents included (a backend shows only what the questions return)
            source, failures = _graph_for(files or [], store, jobs)
            v = make_view(source, view, **options)
        else:
            from .queries.connect import open_backend

            with open_backend(backend, store, endpoint, neo4j_uri, neo4j_database) as b:
                v = make_view(b, view, **options)
        v.physics = physics
        written = []
        if out is not None:
            from .viz import write_html

            written.append(write_html(v, out))
        for picture, fmt in ((png, "png"), (svg, "svg")):
            if picture is not None:
                from .viz.static import save

                written.append(save(v, picture, fmt))
    except DutygraphError as exc:
        _fail(exc)
    typer.echo(f"{view} view written to {', '.join(str(p) for p in written)} "
               f"({v.node_count} nodes, {v.edge_count} edges)", err=True)
    if failures:
        raise typer.Exit(2)


def _document_graph(document: str, files, backend: str, store: Path, endpoint, neo4j_uri, neo4j_database,
                    jobs: int):
    """The part of the graph one document holds and names; the failures of reading FILES; the document's id."""
    from .queries.documents import document_subgraph, match_document

    if files or backend == "embedded":
        from .queries.networkx_topics import documents as graph_documents

        graph, failures = _graph_for(files or [], store, jobs)
        docs = graph_documents(graph)
    else:
        from .queries.connect import open_backend
        from .viz import graph_from_backend

        failures = []
        with open_backend(backend, store, endpoint, neo4j_uri, neo4j_database) as b:
            docs = b.ask("documents")
            graph = graph_from_backend(b)
    doc = match_document(document, docs)
    return document_subgraph(graph, doc), failures, doc


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="A folder of gold annotations (NAME.gold.json)."),
    docs_dir: Path = typer.Argument(..., help="The folder holding the documents (NAME.*)."),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Score extraction against gold annotations: tasks, units and roles (precision, recall, F1)."""
    from .errors import DutygraphError
    from .evaluate import evaluate as run_evaluation
    from .evaluate import report_rows
    from .output import write_json, write_rows

    try:
        report = run_evaluation(gold_dir, docs_dir)
    except DutygraphError as exc:
        _fail(exc)
    if fmt is OutputFormat.json:
        write_json(report)
    else:
        write_rows(report_rows(report), fmt.value)


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
