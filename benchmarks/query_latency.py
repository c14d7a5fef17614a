#!/usr/bin/env python3
"""Query latency: every catalogue question on the embedded stores and on Neo4j, at 1x … 1000x the seed.

A corpus of N plans is N documents of the seed's genre and size written by
benchmarks/generate_corpus.py (``generate_plan(doc_seed(SEED, i), annexes=8)``,
about 75 tasks each, like examples/zhuzhou-2018-liangxing-plan.txt), read back
with the plain-text loader and built into one graph with
``dutygraph.graph.build.build``. Each size is loaded once into a fresh embedded
store (``EmbeddedStore.load``, as ``dutygraph load`` does) and, when a server
answers, into Neo4j (``Neo4jStore.load``); then every question runs against it
through the backends the command line uses:

* ``ladybug``: ``embedded_backend`` (``CypherBackend`` over ``EmbeddedStore.cypher``, the questions read
  column by column through ``cypher_columns``; read-only, 30 s timeout, as ``dutygraph.queries.connect.open_backend``);
* ``pyoxigraph``: ``connect.embedded_sparql`` (a ``SparqlBackend`` over ``EmbeddedStore.sparql``; list parameters run
  the text once per element; topic search takes its candidates from the ladybug half's token index: the SPARQL
  half holds no tokens);
* ``neo4j``: ``CypherBackend`` over ``Neo4jStore.run_read`` (one read transaction per query).

Each case runs once to warm up, then ``--repeat`` times; the table gives the
median wall-clock milliseconds of ``Backend.ask`` (the query, the conversion
of the rows to Python values and their normalisation), and the tables per size the median CPU
milliseconds of this process, where the embedded stores run (the better guide on a shared machine). A case whose warm-up
takes longer than ``--max-seconds`` is not repeated (its one time is shown,
marked ``*``). Parameters are picked from the generated graph, the busiest
ones (worst case): the unit holding most tasks, the row task with most items,
the place, program and project most tasks depend on, the place holding most
places and programs (place-closure), the leaf tasks ``depends`` returns for
those targets (as ``dutygraph depends`` asks ``task-rows`` for them).
They are printed with the table. Every backend must return the same rows as
the others; a difference is reported.

    python benchmarks/query_latency.py [--sizes 1,10,100,1000] [--repeat 5] [--seed 0]
        [--neo4j-uri bolt://127.0.0.1:7689] [--store-dir DIR] [--loaded-store STORE …] [--cases TEXTS] [--backends B] [--json]

``--loaded-store STORE`` times the questions on a store ``dutygraph load`` filled (a corpus of
benchmarks/corpus_load.py, say, too big to build in memory: 10,000 plans): its parameters are
picked by queries on the store's ladybug half, the same busiest nodes, and the topic from the
leaf tasks of its first 300 documents; ``--sizes ''`` times only such stores.

Reading the table: a question over every task or assignment (top-units, partners of the whole network,
due, gaps, names) costs in proportion to the store, and one returning thousands of rows in proportion to
them; pyoxigraph joins pattern by pattern with an index lookup per row (tens of microseconds each in a
store of 1,000 plans), and its ``SparqlBackend`` asks a list parameter one element at a time (task-rows).
The SPARQL and Cypher texts say, in their comments, which planner quirks they avoid.

Neo4j is used only when ``--neo4j-uri`` (or NEO4J_URI) names a server; ITS
DATABASE IS EMPTIED for each size (skipped with a note when none is given or
none answers; credentials from NEO4J_USERNAME / NEO4J_PASSWORD). With
``--store-dir`` the embedded stores are kept there and reused by later runs
when they hold the same corpus (same counts); Neo4j is reused the same way.
Wall-clock times: other load on the machine counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate_corpus import doc_seed, generate_plan  # noqa: E402

SEED_ANNEXES = 8          # generate_plan's seed-size document
TIMEOUT = 30.0            # the CLI's query timeout (connect.open_backend)
LIMIT_MS = 100.0          # the goal at 1000x, embedded
BACKENDS = ("ladybug", "pyoxigraph", "neo4j")
ROLE_TYPES = ("LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON")


# -- the corpus --------------------------------------------------------------------------------------------------
def make_documents(n: int, seed: int) -> list:
    """N generated seed-size plans, read back with the plain-text loader (as if from plan-0000i.txt)."""
    from dutygraph.loaders.plain_text import parse_plain_text

    width = max(5, len(str(n)))
    docs = []
    for i in range(1, n + 1):
        name = f"plan-{i:0{width}d}.txt"
        text, _gold = generate_plan(doc_seed(seed, i), annexes=SEED_ANNEXES, source=name)
        docs.append(parse_plain_text(text, name, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return docs


def graph_counts(graph) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, as the stores' ``counts()`` give them."""
    nodes = Counter(d["label"] for _, d in graph.nodes(data=True))
    edges = Counter(k for _, _, k in graph.edges(keys=True))
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


# -- parameters --------------------------------------------------------------------------------------------------
@dataclass
class Case:
    question: str
    label: str                     # e.g. "top-units (role=responsible, expand)"
    params: dict
    note: str = ""                 # what the parameters are, for the table
    call: object = None            # a command: call(backend) -> rows, instead of backend.ask(question, **params)


def _count(what: str):
    """A count of Documents or Tasks by the backend's own query language (what a user types)."""
    label, cls = {"documents": ("Document", "dg:Document"), "tasks": ("Task", "dg:Task")}[what]

    def call(backend):
        from dutygraph.queries.backends import SparqlBackend

        if isinstance(backend, SparqlBackend):
            return backend.run(f"SELECT (COUNT(?n) AS ?count) WHERE {{ ?n a {cls} }}", {})
        return backend.run(f"MATCH (n:{label}) RETURN count(n) AS count", {})

    return call


def commands(unit_name: str, row: str | None, program_name: str, topic: str,
             project_name: str | None = None) -> list[Case]:
    """The commands of issue 18 as the command line runs them (name lookup included), and the counts."""
    from dutygraph.queries import scoped, topics

    cases = [
        Case("units", "cmd: units", {}, "dutygraph units (top 10, every role)", lambda b: scoped.top_units(b)),
        Case("unit", "cmd: unit", {}, f"dutygraph unit {unit_name}", lambda b: scoped.unit_card(b, unit_name)),
        Case("depends", "cmd: depends", {}, f"dutygraph depends {program_name}",
             lambda b: scoped.depends(b, program_name)),
        Case("tasks", "cmd: tasks --text", {}, f"dutygraph tasks --text {topic}", lambda b: topics.search(b, topic)),
        Case("count", "count documents", {}, "SELECT (COUNT(?n) …) { ?n a dg:Document } / MATCH (n:Document) …",
             _count("documents")),
        Case("count", "count tasks", {}, "the same for tasks", _count("tasks")),
    ]
    if project_name:
        cases.insert(3, Case("depends", "cmd: depends (project)", {}, f"dutygraph depends {project_name}",
                             lambda b: scoped.depends(b, project_name)))
    if row:
        cases.insert(2, Case("task", "cmd: task", {}, f"dutygraph task {row}", lambda b: scoped.task_card(b, row)))
    return cases


def _busiest(graph, label: str, types: tuple[str, ...], source_labels: tuple[str, ...] = (),
             source_kind: str | None = None) -> str | None:
    """The node of ``label`` with most incoming ``types`` relationships (from ``source_labels``), ties by id."""
    counts: Counter = Counter()
    for u, v, k in graph.edges(keys=True):
        if k in types and graph.nodes[v]["label"] == label:
            src = graph.nodes[u]
            if source_labels and src["label"] not in source_labels:
                continue
            if source_kind and src.get("kind") != source_kind:
                continue
            counts[v] += 1
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], n))


def pick_topic(graph, share: float = 0.01) -> tuple[str, int, str | None]:
    """A topic for topic search: the four Chinese characters in a row printed in the texts or titles of the
    number of leaf tasks closest to ``share`` of them (a topic, not a common word; ties by the text), how many
    tasks print it, and the document where most do (ties by id)."""
    tasks = [((d.get("text") or "") + "\n" + (d.get("title") or ""), d["document"])
             for _, d in graph.nodes(data=True) if d["label"] == "Task" and d.get("kind") == "item"]
    return _topic_of(tasks, share)


def _topic_of(tasks: list[tuple[str, str]], share: float) -> tuple[str, int, str | None]:
    """pick_topic over (text, document) pairs."""
    import re

    counts: Counter = Counter()
    for text, _ in tasks:
        counts.update({run[i:i + 4] for run in re.findall(r"[\u4e00-\u9fff]{4,}", text)
                       for i in range(len(run) - 3)})
    if not counts:
        return "", 0, None
    goal = max(1, round(share * len(tasks)))
    topic, n = min(counts.items(), key=lambda kv: (abs(kv[1] - goal), kv[0]))
    where = Counter(doc for text, doc in tasks if topic in text)
    return topic, n, min(where, key=lambda d: (-where[d], d))


def rarest(graph, text: str) -> tuple[str, str]:
    """The two tokens of ``text`` the fewest nodes of ``graph`` hold (as topics.task_hits picks them in a store)."""
    from dutygraph.graph.text_index import node_tokens, rarest_tokens

    held = Counter(tok for _, d in graph.nodes(data=True) for tok in node_tokens(d))
    return rarest_tokens(lambda q, b: [{"count": held[b["in_token"]]}], text)


def pick_cases(graph) -> list[Case]:
    """The questions with parameters from ``graph``: the busiest unit, task, place, program and project."""
    from dutygraph.queries import networkx_primitives as nxp

    docs = sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Document")
    years = Counter(graph.nodes[d].get("year") for d in docs if graph.nodes[d].get("year"))
    holds = Counter(u for u, _, k in graph.edges(keys=True) if k in ROLE_TYPES)
    unit = min(holds, key=lambda u: (-holds[u], u))
    picks = {
        "middle": docs[len(docs) // 2],
        "year": min(years, key=lambda y: (-years[y], y)) if years else 2018,
        "unit": unit, "unit_tasks": holds[unit],
        "row": _busiest(graph, "Task", ("PART_OF",), ("Task",)),
        "program": _busiest(graph, "Program", ("DEPENDS_ON",), ("Task",), "item"),
        "place": _busiest(graph, "Place", ("LOCATED_IN",), ("Task",), "item"),
        "project": _busiest(graph, "Project", ("CONCERNS",), ("Task",), "item"),
    }
    picks["region"] = _busiest(graph, "Place", ("LOCATED_IN",), ("Place", "Program")) or picks["place"]
    targets = [picks[k] for k in ("program", "place", "project", "row") if picks[k]]
    picks["leaves"] = sorted({r["node"] for r in nxp.depends(graph, targets)})
    picks["topic"], picks["topic_tasks"], picks["topic_doc"] = pick_topic(graph)
    picks["tokens"] = rarest(graph, picks["topic"])
    picks["names"] = {n: graph.nodes[n].get("name", n) for n in targets}
    picks["labels"] = {n: graph.nodes[n]["label"] for n in targets}
    picks["unit_name"] = graph.nodes[unit]["name"]
    return cases_of(picks)


# The busiest nodes of a store, asked of its ladybug half (as _busiest and pick_cases count them in a graph).
_STORE_PICKS = {
    "unit": "MATCH (u:Unit)-[:LEADS|:RESPONSIBLE_FOR|:COOPERATES_ON]->(:Task) "
            "RETURN u.id AS id, u.name AS name, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    "row": "MATCH (:Task)-[:PART_OF]->(t:Task) RETURN t.id AS id, t.task_id AS name, count(*) AS n "
           "ORDER BY n DESC, id LIMIT 1",
    "program": "MATCH (t:Task)-[:DEPENDS_ON]->(p:Program) WHERE t.kind = 'item' "
               "RETURN p.id AS id, p.name AS name, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    "place": "MATCH (t:Task)-[:LOCATED_IN]->(p:Place) WHERE t.kind = 'item' "
             "RETURN p.id AS id, p.name AS name, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    "project": "MATCH (t:Task)-[:CONCERNS]->(p:Project) WHERE t.kind = 'item' "
               "RETURN p.id AS id, p.name AS name, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    "region": "MATCH (x)-[:LOCATED_IN]->(p:Place) WHERE label(x) IN ['Place', 'Program'] "
              "RETURN p.id AS id, p.name AS name, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    "years": "MATCH (d:Document) WHERE d.year IS NOT NULL RETURN d.year AS year, count(*) AS n "
             "ORDER BY n DESC, year LIMIT 1",
}
TOPIC_SAMPLE = 300  # documents whose tasks the topic of a loaded store is picked from


def pick_store_cases(store, log) -> tuple[list[Case], dict]:
    """The questions with parameters from a loaded embedded store (``dutygraph load``), picked as
    :func:`pick_cases` picks them from a graph, by queries on its ladybug half; the topic is picked from
    the leaf tasks of its first TOPIC_SAMPLE documents (reading every text at 10,000 plans takes minutes)
    and its task count and document counted in the store. Returns the cases and the store's sizes."""
    from dutygraph.graph.text_index import cypher_counts
    from dutygraph.graph.text_index import rarest as rarest_of
    from dutygraph.queries.backends import embedded_backend
    from dutygraph.queries.topics import task_hits

    def one(key):
        rows = store.cypher(_STORE_PICKS[key], {}, timeout=None)
        return rows[0] if rows else None

    docs = sorted(r["id"] for r in store.cypher("MATCH (d:Document) RETURN d.id AS id", {}, timeout=None))
    picked = {k: one(k) for k in ("unit", "row", "program", "place", "project", "region")}
    year = one("years")
    picks = {"middle": docs[len(docs) // 2], "year": year["year"] if year else 2018,
             "unit": picked["unit"]["id"], "unit_tasks": picked["unit"]["n"], "unit_name": picked["unit"]["name"]}
    for k in ("row", "program", "place", "project"):
        picks[k] = picked[k]["id"] if picked[k] else None
    picks["region"] = picked["region"]["id"] if picked["region"] else picks["place"]
    targets = [picks[k] for k in ("program", "place", "project", "row") if picks[k]]
    picks["names"] = {picked[k]["id"]: picked[k]["name"] for k in ("program", "place", "project", "row") if picked[k]}
    picks["labels"] = {picks[k]: k.capitalize() if k != "row" else "Task" for k in ("program", "place", "project", "row")
                       if picks[k]}
    backend = embedded_backend(store, None)
    picks["leaves"] = sorted({r["node"] for r in backend.ask("depends", targets=targets)})
    sample = store.cypher("MATCH (t:Task) WHERE t.kind = 'item' AND t.document IN $docs "
                          "RETURN t.text AS text, t.title AS title, t.document AS document",
                          {"docs": docs[:TOPIC_SAMPLE]}, timeout=None)
    picks["topic"] = _topic_of([((r["text"] or "") + "\n" + (r["title"] or ""), r["document"]) for r in sample],
                               0.01)[0]
    hits = task_hits(backend, picks["topic"])
    own = [h for h in hits.values() if h["own"]]
    where = Counter(h["document"] for h in own)
    picks["topic_tasks"] = len(own)
    picks["topic_doc"] = min(where, key=lambda d: (-where[d], d)) if where else None
    picks["tokens"] = rarest_of(picks["topic"], lambda found: cypher_counts(backend.run, found))  # ladybug's index
    counts = store.counts("cypher")
    log(f"  picked from the store: unit {picks['unit']} ({picks['unit_tasks']} assignments), row {picks['row']}, "
        f"program {picks['program']}, project {picks['project']}, topic {picks['topic']} ({len(own)} tasks)")
    return cases_of(picks), counts


def cases_of(picks: dict) -> list[Case]:
    """The catalogue cases and the commands for the picked parameters."""
    from dutygraph.queries.topics import phrase

    middle, year, unit, row = picks["middle"], picks["year"], picks["unit"], picks["row"]
    targets = [picks[k] for k in ("program", "place", "project", "row") if picks[k]]
    closure = [picks["region"]] if picks["region"] else []
    leaves, topic, topic_doc = picks["leaves"], picks["topic"], picks["topic_doc"]
    tokens = dict(zip(("token_a", "token_b"), picks["tokens"]))

    def short(node: str | None) -> str:
        return picks["names"].get(node, node) if node else "-"

    return [
        Case("top-units", "top-units", {}, "role=all, limit 10"),
        Case("top-units", "top-units (expand)", {"role": "responsible", "expand": True},
             "role=responsible, expand collectives"),
        Case("top-units", "top-units (document)", {"document": middle, "limit": 5}, f"document={middle}, limit 5"),
        Case("unit", "unit", {"unit": unit}, f"unit={unit} ({picks['unit_tasks']} tasks)"),
        Case("task", "task", {"task": row}, f"task={row}"),
        Case("place-closure", "place-closure", {"ids": closure}, f"ids=[{', '.join(closure)}]"),
        Case("depends", "depends", {"targets": targets},
             "targets=[" + ", ".join(f"{picks['labels'][t]} {short(t)}" for t in targets) + "]"),
        Case("task-rows", "task-rows", {"tasks": leaves}, f"tasks=the {len(leaves)} leaf tasks depends returns"),
        Case("partners", "partners (unit)", {"unit": unit}, f"unit={unit}"),
        Case("partners", "partners (all)", {}, "whole network"),
        Case("places", "places", {}, ""),
        Case("due", "due", {"before": f"{year}-06-30"}, f"before={year}-06-30"),
        Case("gaps", "gaps", {}, ""),
        Case("names", "names", {}, ""),
        Case("documents", "documents", {}, ""),
        Case("partners", "partners (document)", {"document": middle}, f"document={middle}, whole network"),
        Case("tasks", "tasks (text)", {"text": topic, "phrase": phrase(topic)},
             f"text={topic} (in {picks['topic_tasks']} leaf tasks' text or title)"),
        Case("tasks-indexed", "tasks-indexed (text)", {"text": topic, **tokens},
             f"text={topic}, tokens {tokens['token_a']} {tokens['token_b']} (the rarest two)"),
        Case("tasks", "tasks (text, document)", {"text": topic, "document": topic_doc, "phrase": phrase(topic)},
             f"text={topic}, document={topic_doc} (where most tasks print it)"),
        Case("tasks", "tasks (document)", {"document": middle}, f"every leaf task of {middle} (as compare asks)"),
    ] + commands(picks["unit_name"], row, short(picks["program"]), topic,
                 short(picks["project"]) if picks["project"] else None)


# -- timing ------------------------------------------------------------------------------------------------------
@dataclass
class Timing:
    median_ms: float | None = None
    p95_ms: float | None = None
    runs_ms: list[float] = field(default_factory=list)
    cpu_ms: float | None = None    # median CPU time of this process (the embedded stores run in it), ms
    rows: int | None = None
    error: str | None = None
    warmup_only: bool = False


def time_case(backend, case: Case, repeat: int, max_seconds: float) -> tuple[Timing, list | None]:
    """One warm-up run, then ``repeat`` runs of ``backend.ask``; the median in ms, and the warm-up's rows."""
    from dutygraph.errors import DutygraphError

    timing = Timing()

    def run():
        return case.call(backend) if case.call is not None else backend.ask(case.question, **case.params)

    try:
        start, cpu = time.perf_counter(), time.process_time()
        rows = run()
        warm = time.perf_counter() - start
        cpus = [(time.process_time() - cpu) * 1000]
        timing.rows = len(rows)
        if warm > max_seconds:
            timing.runs_ms = [warm * 1000]
            timing.warmup_only = True
        else:
            cpus = []
            for _ in range(repeat):
                start, cpu = time.perf_counter(), time.process_time()
                run()
                timing.runs_ms.append((time.perf_counter() - start) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
        timing.median_ms = statistics.median(timing.runs_ms)
        timing.cpu_ms = statistics.median(cpus)
        # the 95th percentile (of 5 runs: between the two slowest)
        timing.p95_ms = statistics.quantiles(timing.runs_ms, n=20, method="inclusive")[18] \
            if len(timing.runs_ms) > 1 else timing.runs_ms[0]
        return timing, rows
    except (DutygraphError, NotImplementedError) as exc:
        timing.error = str(exc).splitlines()[0][:200] or type(exc).__name__
        return timing, None


# -- the stores --------------------------------------------------------------------------------------------------
def embedded_store(path: Path, graph, counts: dict, log) -> dict:
    """Load ``graph`` into a fresh store at ``path`` unless it already holds the same counts; load info."""
    from dutygraph.errors import StoreError
    from dutygraph.graph.embedded import EmbeddedStore

    if (path / "store.json").exists():
        try:
            with EmbeddedStore(path) as s:
                if s.counts("cypher") == counts and s.counts("sparql") == counts:
                    log(f"  embedded: reusing the store in {path}")
                    return {"seconds": None, "reused": True}
        except StoreError:
            pass
        shutil.rmtree(path)
    start, cpu = time.perf_counter(), time.process_time()
    with EmbeddedStore(path) as s:
        s.load(graph)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    size = {half: _size(next(path.glob(f"g*/{half}"))) for half in ("graph.lbug", "oxigraph")}
    log(f"  embedded: loaded in {seconds:.1f}s ({cpu:.1f} CPU s, load average {os.getloadavg()[0]:.1f}); "
        f"ladybug {size['graph.lbug'] / 1e6:.0f} MB, pyoxigraph {size['oxigraph'] / 1e6:.0f} MB")
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "reused": False,
            "bytes": size, "load_average": round(os.getloadavg()[0], 1)}


def _size(path: Path) -> int:
    """Bytes of a file, or of every file under a folder."""
    return path.stat().st_size if path.is_file() else sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def neo4j_connect(uri: str | None, log):
    """A Neo4jStore that answers, or None with the reason logged."""
    if not uri:
        log("neo4j: skipped (no --neo4j-uri or NEO4J_URI given; the benchmark empties the database it is given)")
        return None
    from dutygraph.errors import StoreError
    from dutygraph.graph.neo4j import Neo4jStore

    store = Neo4jStore(uri, connection_timeout=5.0)
    try:
        store.driver
    except StoreError as exc:
        log(f"neo4j: skipped ({exc})")
        return None
    return store


def neo4j_load(store, graph, counts: dict, log) -> dict:
    """Empty the database and load ``graph`` (unless it holds the same documents and counts already)."""
    from neo4j_load import clear

    docs = sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Document")
    if store.documents() == docs and store.counts() == counts:
        log("  neo4j: reusing the loaded database")
        store.ensure_schema()  # indexes a newer version added (the full-text index of topic search)
        return {"seconds": None, "reused": True}
    log(f"  neo4j: emptying the database at {store.settings.uri} and loading {len(docs)} plans")
    clear(store)
    start = time.perf_counter()
    store.load(graph)
    seconds = time.perf_counter() - start
    log(f"  neo4j: loaded in {seconds:.1f}s")
    if store.counts() != counts:
        raise SystemExit("neo4j: the loaded counts differ from the graph's")
    return {"seconds": round(seconds, 2), "reused": False}


# -- one size ----------------------------------------------------------------------------------------------------
def run_size(n: int, args, work: Path, neo4j, log) -> dict:
    from dutygraph.graph.build import build

    start = time.perf_counter()
    documents = make_documents(n, args.seed)
    parsed = time.perf_counter()
    graph = build(documents)
    built = time.perf_counter()
    del documents
    counts = graph_counts(graph)
    tasks = counts["nodes"].get("Task", 0)
    info = {"size": n, "documents": n, "nodes": graph.number_of_nodes(), "relationships": graph.number_of_edges(),
            "tasks": tasks, "units": counts["nodes"].get("Unit", 0),
            "parse_seconds": round(parsed - start, 2), "build_seconds": round(built - parsed, 2)}
    log(f"{n}x: {n} plans, {info['nodes']:,} nodes, {info['relationships']:,} relationships ({tasks:,} tasks); "
        f"parsed in {info['parse_seconds']:.1f}s, built in {info['build_seconds']:.1f}s")
    cases = pick_cases(graph)
    wanted = [w.strip() for w in args.cases.split(",") if w.strip()]
    if wanted:
        cases = [c for c in cases if any(w in c.label for w in wanted)]
    path = work / f"seed{args.seed}-plans{n}"
    info["embedded_load"] = embedded_store(path, graph, counts, log)
    return time_cases(path, cases, args, info, log, neo4j=neo4j, graph=graph, counts=counts)


def run_loaded(path: Path, args, log) -> dict:
    """The questions on a store loaded with ``dutygraph load`` (no graph built; parameters from the store)."""
    from dutygraph.graph.embedded import EmbeddedStore

    with EmbeddedStore(path) as store:
        start = time.perf_counter()
        cases, counts = pick_store_cases(store, log)
        picked = time.perf_counter() - start
    n = counts["nodes"].get("Document", 0)
    info = {"size": n, "documents": n, "nodes": sum(counts["nodes"].values()),
            "relationships": sum(counts["edges"].values()), "tasks": counts["nodes"].get("Task", 0),
            "units": counts["nodes"].get("Unit", 0), "parse_seconds": None, "build_seconds": None,
            "pick_seconds": round(picked, 2), "embedded_load": {"seconds": None, "reused": True}, "store": str(path)}
    log(f"{n}x: the store in {path}, {info['nodes']:,} nodes, {info['relationships']:,} relationships "
        f"({info['tasks']:,} tasks); parameters picked in {picked:.1f}s")
    return time_cases(path, cases, args, info, log)


def time_cases(path: Path, cases: list[Case], args, info: dict, log, neo4j=None, graph=None, counts=None) -> dict:
    """Every case on the store at ``path`` (and on Neo4j, loaded with ``graph``, when given); the rows compared."""
    from dutygraph.graph.embedded import EmbeddedStore
    from dutygraph.queries.backends import CypherBackend, embedded_backend
    from dutygraph.queries.connect import embedded_sparql

    wanted = [w.strip() for w in args.cases.split(",") if w.strip()]
    if wanted:
        cases = [c for c in cases if any(w in c.label for w in wanted)]
    info["load_average_before"] = [round(x, 1) for x in os.getloadavg()]
    results: dict[str, dict[str, Timing]] = {c.label: {} for c in cases}
    answers: dict[str, dict[str, list]] = {c.label: {} for c in cases}
    store = EmbeddedStore(path)  # opened read-only on first use, as the CLI opens it
    try:
        backends = {
            "ladybug": embedded_backend(store, TIMEOUT),
            "pyoxigraph": embedded_sparql(store, timeout=TIMEOUT),  # topic search: ladybug's token index
        }
        only = [b.strip() for b in args.backends.split(",") if b.strip()]
        for name, backend in backends.items():
            if only and name not in only:
                continue
            for case in cases:
                timing, rows = time_case(backend, case, args.repeat, args.max_seconds)
                results[case.label][name], answers[case.label][name] = timing, rows
            log(f"  {name}: done")
    finally:
        store.close()
    if neo4j is not None and graph is not None:
        info["neo4j_load"] = neo4j_load(neo4j, graph, counts, log)
        backend = CypherBackend(lambda q, p: neo4j.run_read(q, p, timeout=TIMEOUT), "neo4j")
        for case in cases:
            timing, rows = time_case(backend, case, args.repeat, args.max_seconds)
            results[case.label]["neo4j"], answers[case.label]["neo4j"] = timing, rows
        log("  neo4j: done")

    info["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
    mismatches = []
    for case in cases:
        got = {b: r for b, r in answers[case.label].items() if r is not None}
        first = next(iter(got.values()), None)
        differ = [b for b, r in got.items() if r != first]
        if differ:
            mismatches.append(f"{case.label}: {', '.join(got)} do not all give the same rows")
    info["mismatches"] = mismatches
    info["cases"] = [{"case": c.label, "question": c.question, "params": c.params if c.call is None else {},
                      "note": c.note,
                      "backends": {b: vars(t) for b, t in results[c.label].items()}} for c in cases]
    return info


# -- output ------------------------------------------------------------------------------------------------------
def versions() -> dict[str, str]:
    """The versions of the stores' libraries (and Python)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": sys.version.split()[0]}
    for package in ("ladybug", "pyoxigraph", "neo4j", "networkx"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            out[package] = "-"
    return out


def _ms(t: dict | None) -> str:
    if t is None:
        return ""
    if t["error"]:
        return "error"
    def fmt(value):
        return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"

    if t["warmup_only"]:
        return fmt(t["median_ms"]) + "*"
    return f"{fmt(t['median_ms'])} / {fmt(t['p95_ms'])}"


def _cpu(t: dict | None) -> str:
    if not t or t.get("cpu_ms") is None:
        return ""
    return f"{t['cpu_ms']:,.1f}" if t["cpu_ms"] < 100 else f"{t['cpu_ms']:,.0f}"


def _s(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds:.1f}"


def tables(report: dict) -> str:
    sizes = report["sizes"]
    used = [b for b in BACKENDS if any(b in c["backends"] for s in sizes for c in s["cases"])]
    out = [f"versions: {', '.join(f'{k} {v}' for k, v in report['versions'].items())}; "
           f"seed {report['seed']}; query timeout {report['timeout_s']:g} s\n"]
    out.append("## Corpora\n")
    out.append("| size | plans | nodes | relationships | tasks | units | parse s | build s | embedded load s "
               "| neo4j load s |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in sizes:
        def load(key):
            v = s.get(key)
            return "" if v is None else "reused" if v["reused"] else f"{v['seconds']:.1f}"
        out.append(f"| {s['size']}x | {s['documents']:,} | {s['nodes']:,} | {s['relationships']:,} | {s['tasks']:,} "
                   f"| {s['units']:,} | {_s(s['parse_seconds'])} | {_s(s['build_seconds'])} | {load('embedded_load')} "
                   f"| {load('neo4j_load')} |")
    out.append(f"\n## Median / p95 ms per question (one warm-up, then {report['repeat']} runs; * = one run only, "
               f"the warm-up took over {report['max_seconds']:g} s); cmd: the command as the command line runs "
               "it, name lookup included\n")
    head = ["question"] + [f"{b} {s['size']}x" for b in used for s in sizes]
    out.append("| " + " | ".join(head) + " |")
    out.append("|---|" + "---:|" * (len(head) - 1))
    labels = [c["case"] for c in sizes[0]["cases"]]
    for label in labels:
        cells = [label]
        for b in used:
            for s in sizes:
                case = next((c for c in s["cases"] if c["case"] == label), None)
                cells.append(_ms(case["backends"].get(b)) if case else "")
        out.append("| " + " | ".join(cells) + " |")
    for s in sizes:
        out.append(f"\n## Parameters and rows at {s['size']}x\n")
        if s.get("load_average_before"):
            out.append(f"Machine load (1, 5, 15 min averages; {os.cpu_count()} cores): "
                       f"{s['load_average_before']} before the queries, {s['load_average_after']} after.\n")
        out.append("| question | parameters | rows | " + " | ".join(f"{b} ms | {b} CPU ms" for b in used) + " |")
        out.append("|---|---|---:|" + "---:|---:|" * len(used))
        for c in s["cases"]:
            rows = next((t["rows"] for t in c["backends"].values() if t["rows"] is not None), None)
            out.append(f"| {c['case']} | {c['note']} | {'' if rows is None else f'{rows:,}'} | "
                       + " | ".join(f"{_ms(c['backends'].get(b))} | {_cpu(c['backends'].get(b))}" for b in used)
                       + " |")
        for m in s["mismatches"]:
            out.append(f"\nMISMATCH: {m}")
        errors = [(c["case"], b, t["error"]) for c in s["cases"] for b, t in c["backends"].items() if t["error"]]
        for case, b, e in errors:
            out.append(f"\nERROR {case} on {b}: {e}")
    largest = max(sizes, key=lambda s: s["size"])
    over = [(c, b) for c in largest["cases"] for b in ("ladybug", "pyoxigraph") if b in c["backends"]
            and (c["backends"][b]["error"] or c["backends"][b]["median_ms"] >= LIMIT_MS)]
    out.append(f"\n## Embedded at {largest['size']}x: questions at or over {LIMIT_MS:g} ms\n")
    if over:
        for c, b in over:
            t = c["backends"][b]
            if t["error"]:
                out.append(f"- {c['case']} on {b}: error")
                continue
            lists = [len(v) for v in c["params"].values() if isinstance(v, list)]
            queries = f"; {lists[0]:,} queries, one per listed id" if b == "pyoxigraph" and lists else ""
            out.append(f"- {c['case']} on {b}: {t['median_ms']:,.0f} ms ({t['rows']:,} rows{queries})")
    else:
        out.append(f"- none: every question answers in under {LIMIT_MS:g} ms")
    for note in report["notes"]:
        out.append(f"\nnote: {note}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000",
                        help="corpus sizes in seed plans, comma-separated (default 1,10,100,1000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case after one warm-up (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI"),
                        help="a Neo4j server whose database may be emptied (default: NEO4J_URI; none: Neo4j skipped)")
    parser.add_argument("--store-dir", type=Path, default=None,
                        help="keep the embedded stores here and reuse them (default: a temporary folder)")
    parser.add_argument("--max-seconds", type=float, default=20.0,
                        help="a case whose warm-up takes longer is not repeated (default 20)")
    parser.add_argument("--loaded-store", type=Path, action="append", default=[],
                        help="also (or, with --sizes '', only) time the questions on this store loaded with "
                             "'dutygraph load' (parameters picked from it, no graph built); repeatable")
    parser.add_argument("--cases", default="",
                        help="run only the cases whose label holds one of these texts, comma-separated "
                             "(e.g. 'cmd:,count' for the commands; default: every case)")
    parser.add_argument("--backends", default="",
                        help="only these embedded backends, comma-separated (ladybug, pyoxigraph; default both)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    parser.add_argument("--json-file", type=Path, default=None, help="also write the results as JSON to this file")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers, e.g. 1,10,100,1000")
    if (not sizes and not args.loaded_store) or (sizes and min(sizes) < 1) or args.repeat < 1:
        parser.error("--sizes must be at least 1 and --repeat at least 1")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    notes: list[str] = []

    def note(message: str) -> None:
        notes.append(message)
        log(message)

    neo4j = neo4j_connect(args.neo4j_uri, note)
    temp = None
    if args.store_dir is None:
        temp = tempfile.mkdtemp(prefix="dutygraph-latency-")
        work = Path(temp)
    else:
        work = args.store_dir
        work.mkdir(parents=True, exist_ok=True)
    report = {"repeat": args.repeat, "seed": args.seed, "max_seconds": args.max_seconds,
              "limit_ms": LIMIT_MS, "timeout_s": TIMEOUT, "versions": versions(), "notes": notes, "sizes": []}
    try:
        for n in sizes:
            report["sizes"].append(run_size(n, args, work, neo4j, log))
        for path in args.loaded_store:
            report["sizes"].append(run_loaded(path, args, log))
    finally:
        if neo4j is not None:
            neo4j.close()
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    if args.json_file:
        args.json_file.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(tables(report))
    return 1 if any(s["mismatches"] for s in report["sizes"]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
