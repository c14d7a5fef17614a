"""Read-only raw Cypher on Neo4j, enforced by an allow-list on the query's plan.

A raw query without ``--write`` is planned first (``EXPLAIN``, nothing runs) and
refused unless

- the planner calls it a read (query type ``r``);
- every operator of the plan, the whole tree, is one of
  :data:`READ_OPERATORS` (scans, seeks, expands, filters, projections,
  aggregations, sorts, joins, unions, subqueries that read), so no ``LOAD CSV``
  (whose query type is ``r`` too), no ``SHOW …`` or ``TERMINATE …`` command, no
  ``CREATE``/``DROP``/``ALTER`` of anything, no write;
- each ``CALL`` is of a procedure on :data:`READ_PROCEDURES` (the schema:
  labels, relationship types, property keys);
- every operator runs on the session's database (``USE`` of another one is refused);
- it calls no user-defined function (``apoc.*`` and the like can read files or URLs):
  only the server's built-in functions may be used.

The server refuses a second statement itself; its message is rewritten here, as
are syntax errors (positions are the user's, not those of the ``EXPLAIN`` text).

>>> check_operator("LoadCSV", "")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: refused: LOAD CSV reads files or URLs (raw queries may only read the graph)
>>> check_operator("ProcedureCall", "db.labels() :: (label :: STRING)")
>>> check_operator("Expand(All)", "(u)-[anon_0:LEADS]->(t)")
"""

from __future__ import annotations

import re
from typing import Iterator

from ..errors import QueryError

EXPLAIN = "EXPLAIN "

# Operators that only read the graph (Neo4j 5 names; plan descriptions add "@database").
READ_OPERATORS = frozenset("""
    AllNodesScan Anti AntiConditionalApply AntiSemiApply Apply Argument ArgumentTracker CacheProperties
    CartesianProduct ConditionalApply DirectedAllRelationshipsScan DirectedRelationshipByElementIdSeek
    DirectedRelationshipByIdSeek DirectedRelationshipTypeScan DirectedUnionRelationshipTypesScan Distinct Eager
    EagerAggregation Aggregation ExhaustiveLimit Filter IntersectionNodeByLabelsScan LetAntiSemiApply
    LetSelectOrAntiSemiApply LetSelectOrSemiApply LetSemiApply Limit MultiNodeIndexSeek NodeByElementIdSeek
    NodeByIdSeek NodeByLabelScan NodeCountFromCountStore NodeHashJoin NodeLeftOuterHashJoin NodeRightOuterHashJoin
    NonFuseable NullifyMetadata Optional OrderedAggregation OrderedDistinct OrderedUnion PartialSort PartialTop
    PathPropagatingBFS PreserveOrder ProduceResults ProjectEndpoints Projection RelationshipCountFromCountStore
    RollUpApply SelectOrAntiSemiApply SelectOrSemiApply SemiApply ShortestPath Skip Sort SubtractionNodeByLabelsScan
    Top TriadicBuild TriadicFilter TriadicSelection UndirectedAllRelationshipsScan
    UndirectedRelationshipByElementIdSeek UndirectedRelationshipByIdSeek UndirectedRelationshipTypeScan
    UndirectedUnionRelationshipTypesScan Union UnionNodeByLabelsScan Unwind ValueHashJoin
    PartitionedAllNodesScan PartitionedDirectedAllRelationshipsScan PartitionedDirectedRelationshipTypeScan
    PartitionedDirectedUnionRelationshipTypesScan PartitionedIntersectionNodeByLabelsScan PartitionedNodeByLabelScan
    PartitionedSubtractionNodeByLabelsScan PartitionedUndirectedAllRelationshipsScan
    PartitionedUndirectedRelationshipTypeScan PartitionedUndirectedUnionRelationshipTypesScan
    PartitionedUnionNodeByLabelsScan PartitionedUnwind
""".split())
# Operators whose name carries a mode: Expand(All), VarLengthExpand(Pruning,BFS,All), NodeUniqueIndexSeek(Locking)
# is NOT among them (it locks for MERGE), index seeks and scans are.
READ_OPERATOR_FAMILIES = re.compile(
    r"(?:Optional)?Expand\((?:All|Into)\)|VarLengthExpand\((?:All|Into|Pruning|Pruning,BFS(?:,All|,Into)?)\)"
    r"|StatefulShortestPath\((?:All|Into)\)|(?:Bidirectional)?Repeat\((?:Trail|Walk)\)"
    r"|(?:Partitioned)?(?:Node|DirectedRelationship|UndirectedRelationship)(?:Unique)?Index"
    r"(?:Seek(?:ByRange)?|Scan|ContainsScan|EndsWithScan)")
# Procedures a read-only query may CALL: the schema, nothing about the server, its files or its clients.
READ_PROCEDURES = ("db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
                   "db.schema.nodeTypeProperties", "db.schema.relTypeProperties")
# Why an operator that is not allowed is refused, for the common ones (any other: "is not a read-only operator").
_WHY = {"LoadCSV": "LOAD CSV reads files or URLs",
        "ShowTransactions": "SHOW TRANSACTIONS shows other clients' queries",
        "TerminateTransactions": "TERMINATE TRANSACTIONS stops other clients' work",
        "ShowSettings": "SHOW SETTINGS shows the server's configuration",
        "AdministrationCommand": "administration commands are not queries of the graph",
        "RunQueryAt": "USE of another database"}


def is_read_operator(name: str) -> bool:
    """True for an operator (without its ``@database``) that only reads the graph."""
    return name in READ_OPERATORS or READ_OPERATOR_FAMILIES.fullmatch(name) is not None


def check_operator(name: str, details: str) -> None:
    """Raise QueryError unless operator ``name`` (with its plan ``details``) may run in a read-only query."""
    if name == "ProcedureCall":
        called = details.split("(", 1)[0].strip()
        if called not in READ_PROCEDURES:
            raise QueryError(f"refused: CALL {called or '…'} (a read-only query may call only "
                             f"{', '.join(READ_PROCEDURES)}; pass --write for anything else)")
        return
    if is_read_operator(name):
        return
    why = _WHY.get(name) or (f"SHOW commands are not queries of the graph ({name})" if name.startswith("Show")
                             else f"the plan has {name}, which is not a read-only operator")
    raise QueryError(f"refused: {why} (raw queries may only read the graph)")


def plan_operators(plan: dict) -> Iterator[tuple[str, str, str]]:
    """(operator, database, details) of every operator of a plan (the driver's dict), the whole tree."""
    stack = [plan]
    while stack:
        node = stack.pop()
        name, _, database = str(node.get("operatorType", "")).partition("@")
        yield name, database, str((node.get("args") or {}).get("Details", ""))
        stack.extend(node.get("children") or [])


def check_plan(query_type: str, plan: dict | None, database: str) -> None:
    """Raise QueryError unless the EXPLAIN of a query shows a read of ``database`` and nothing else."""
    if plan is None:
        raise QueryError("refused: Neo4j gave no plan for this query, so it cannot be checked as read-only")
    for name, db, details in plan_operators(plan):
        if db and db.lower() != database.lower():
            raise QueryError(f"refused: the query runs on database {db!r}, not {database!r} "
                             "(USE of another database)")
        check_operator(name, details)
    if query_type != "r":
        raise QueryError(f"refused: Neo4j plans this query as {query_type or 'unknown'!r}, not read-only (r); "
                         "pass --write to change the store")


def called_functions(query: str) -> set[str]:
    """Lower-cased names written as ``name(`` or ``ns.name(`` in ``query`` (strings and comments left out)."""
    text = _CYPHER_NOISE.sub(" ", query)
    return {re.sub(r"[\s`]", "", m.group(1)).lower() for m in _CALLED.finditer(text)}


def check_functions(query: str, user_functions: set[str]) -> None:
    """Raise QueryError if ``query`` calls one of the server's user-defined functions (lower-cased names)."""
    used = sorted(called_functions(query) & user_functions)
    if used:
        raise QueryError(f"refused: {used[0]}() is a user-defined function (a read-only query may use only "
                         "Neo4j's built-in functions)")


_CYPHER_NOISE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", re.S)
_CALLED = re.compile(r"((?:`[^`]*`|[A-Za-z_][A-Za-z_0-9]*)(?:\s*\.\s*(?:`[^`]*`|[A-Za-z_][A-Za-z_0-9]*))*)\s*\(")
_POSITION = re.compile(r"\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)")


def error_message(code: str | None, message: str | None, shift: int = len(EXPLAIN)) -> str:
    """A server error as one line, its position that of the user's own text (``shift``: characters the
    server saw before it on the first line, those of ``EXPLAIN``).

    >>> error_message("Neo.ClientError.Statement.SyntaxError", 'Invalid input \\'RETRN\\': expected \\'RETURN\\' '
    ...               '(line 1, column 19 (offset: 18))\\n"EXPLAIN MATCH (n) RETRN n"\\n ^')
    "cypher: syntax error at line 1, column 11: Invalid input 'RETRN': expected 'RETURN'"
    """
    text = (message or "").strip()
    first = text.splitlines()[0] if text else (code or "error")
    if "Expected exactly one statement per query" in first:
        return "refused: one statement per query (a second one follows a ';')"
    where = _POSITION.search(first)
    kind = "syntax error" if code and code.endswith("SyntaxError") else "error"
    if where is None:
        return f"cypher: {first}" if kind == "error" else f"cypher: syntax error: {first}"
    line, column = int(where.group(1)), int(where.group(2))
    if line <= 1:
        line, column = 1, max(1, column - shift)
    reason = _short_expected((first[:where.start()] + first[where.end():]).strip())
    return f"cypher: {kind} at line {line}, column {column}: {reason}"


def _short_expected(reason: str, keep: int = 5) -> str:
    """At most ``keep`` of the alternatives an "expected a, b, … or z" message lists.

    >>> _short_expected("Invalid input 'X': expected 'A', 'B', 'C', 'D', 'E', 'F', 'G' or <EOF>")
    "Invalid input 'X': expected 'A', 'B', 'C', 'D', 'E', … (3 more)"
    """
    head, sep, items = reason.partition("expected ")
    if not sep:
        return reason
    options = [o for o in (re.sub(r"^or\s+", "", o.strip()) for o in re.findall(r"'[^']*'|<[^>]*>|[^,'<]+", items))
               if o and o != "or"]
    if len(options) <= keep:
        return reason
    return f"{head}{sep}{', '.join(options[:keep])}, … ({len(options) - keep} more)"


USER_FUNCTIONS = "SHOW FUNCTIONS YIELD name, isBuiltIn WHERE NOT isBuiltIn RETURN name"


def user_functions(session) -> set[str]:
    """Lower-cased names of the server's user-defined functions (plugins such as APOC), none on a bare server."""
    return {str(r["name"]).lower() for r in session.run(USER_FUNCTIONS)}
