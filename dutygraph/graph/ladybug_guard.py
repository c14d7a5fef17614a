"""Read-only raw Cypher on the embedded store (ladybug), enforced by an allow-list on the query's plan.

A raw query without ``--write`` must

- be one statement, opening with a reading clause (:data:`FIRST_WORDS`: ``MATCH``,
  ``OPTIONAL MATCH``, ``UNWIND``, ``WITH``, ``RETURN``, ``CALL``), so no ``COPY``,
  ``ATTACH``, ``INSTALL``, ``LOAD EXTENSION``, ``EXPORT``/``IMPORT DATABASE``,
  ``CREATE``/``DROP``/``ALTER``, transaction or ``CALL option=value`` statement;
- not use ``LOAD FROM`` anywhere (planning it opens the file, or URL, to learn its
  columns, so it is refused before planning), and ``CALL`` only the table functions
  of :data:`READ_TABLE_FUNCTIONS`;
- have a plan (``EXPLAIN``, nothing runs) whose every operator is in
  :data:`READ_OPERATORS` and whose every table function is in
  :data:`READ_TABLE_FUNCTIONS` (the schema: tables, their columns and connections,
  indexes, functions, the version). ``COPY … TO`` a file, ``INSTALL``, settings
  and writes all show operators outside the list.

The store is opened read-only for such queries besides (ladybug then refuses any write).

>>> plan_names("│   RESULT_COLLECTOR[2]   │\\n│  TABLE_FUNCTION_CALL[0]  │\\n│ Function: SHOW_TABLES │")
(['RESULT_COLLECTOR', 'TABLE_FUNCTION_CALL'], ['SHOW_TABLES'])
>>> check_plan_text("│  TABLE_FUNCTION_CALL[0]  │\\n│ Function: READ_CSV_PARALLEL │")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: refused: the table function READ_CSV_PARALLEL reads outside the graph (a read-only query may call only show_tables, table_info, show_connection, show_indexes, show_functions, db_version)
"""

from __future__ import annotations

import re

from ..errors import QueryError

EXPLAIN = "EXPLAIN "
FIRST_WORDS = ("MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL")
_OPENINGS = "MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL"
# Physical operators that only read the graph (or rows the query made itself).
READ_OPERATORS = frozenset("""
    RESULT_COLLECTOR PROJECTION FILTER FLATTEN LIMIT SKIP UNWIND TABLE_FUNCTION_CALL
    SCAN_NODE_TABLE SCAN_REL_TABLE PRIMARY_KEY_SCAN_NODE_TABLE QUERY_PRIMARY_KEY_LOOKUP INDEX_LOOKUP
    HASH_JOIN_BUILD HASH_JOIN_PROBE INTERSECT INTERSECT_BUILD CROSS_PRODUCT SEMI_MASKER MULTIPLICITY_REDUCER
    AGGREGATE AGGREGATE_FINALIZE AGGREGATE_SCAN ORDER_BY ORDER_BY_MERGE ORDER_BY_SCAN TOP_K TOP_K_SCAN
    UNION_ALL_SCAN RECURSIVE_EXTEND PATH_PROPERTY_PROBE COUNT_EXTEND_CHAIN DUMMY_SINK DUMMY_SIMPLE_SINK
""".split())
# Table functions a read-only query may call (CALL name(...)); READ_FTABLE reads the query's own rows.
READ_TABLE_FUNCTIONS = ("show_tables", "table_info", "show_connection", "show_indexes", "show_functions",
                        "db_version")
_INTERNAL_TABLE_FUNCTIONS = ("READ_FTABLE",)

_OPERATOR = re.compile(r"│\s*([A-Z][A-Z0-9_]*)\[\d+\]\s*│")
_FUNCTION = re.compile(r"Function: ([A-Za-z0-9_]+)")
# String literals, backquoted names and comments: where words are not syntax.
_NOISE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_WHY = {"COPY": "COPY writes or reads files", "COPY_TO": "COPY … TO writes a file",
        "INSTALL_EXTENSION": "INSTALL downloads an extension", "LOAD_EXTENSION": "LOAD EXTENSION loads a library",
        "ATTACH_DATABASE": "ATTACH opens another database", "TRANSACTION": "transaction statements are not queries",
        "STANDALONE_CALL": "CALL option=value changes a setting"}


def check_text(query: str) -> None:
    """Raise QueryError unless ``query`` opens with a reading clause and does not ``LOAD FROM`` a file.

    >>> check_text("MATCH (u:Unit) WHERE u.name = 'COPY' RETURN u")
    >>> check_text("COPY Unit FROM '/etc/passwd'")
    Traceback (most recent call last):
    ...
    dutygraph.errors.QueryError: refused: a read-only query opens with MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL, not COPY (pass --write to change the store)
    """
    stripped = _NOISE.sub(" ", query)
    words = [m.group(0) for m in _WORD.finditer(stripped)
             if not (m.start() > 0 and stripped[m.start() - 1] in ".$:")]
    if not words:
        raise QueryError("cypher: the query is empty")
    first = words[0].upper()
    if first not in FIRST_WORDS:
        raise QueryError(f"refused: a read-only query opens with {_OPENINGS}, not {words[0]} "
                         "(pass --write to change the store)")
    upper = [w.upper() for w in words]
    for i, word in enumerate(upper):
        following = upper[i + 1] if i + 1 < len(upper) else ""
        if word == "LOAD" and following in ("FROM", "WITH"):
            raise QueryError("refused: LOAD FROM reads files or URLs (raw queries may only read the graph)")
        if word == "CALL" and following.lower() not in READ_TABLE_FUNCTIONS:
            raise QueryError(f"refused: CALL {words[i + 1] if following else '…'} (a read-only query may call "
                             f"only {', '.join(READ_TABLE_FUNCTIONS)})")


def plan_names(text: str) -> tuple[list[str], list[str]]:
    """The operators and the table functions named in an EXPLAIN plan (ladybug draws it as boxes)."""
    return [m.group(1) for m in _OPERATOR.finditer(text)], _FUNCTION.findall(text)


def check_plan_text(text: str) -> None:
    """Raise QueryError unless every operator and table function of the plan ``text`` is on the allow-lists."""
    operators, functions = plan_names(text)
    if not operators:
        raise QueryError("refused: ladybug gave no plan for this query, so it cannot be checked as read-only")
    for name in operators:
        if name not in READ_OPERATORS:
            why = _WHY.get(name) or f"the plan has {name}, which is not a read-only operator"
            raise QueryError(f"refused: {why} (raw queries may only read the graph)")
    if operators.count("TABLE_FUNCTION_CALL") > len(functions):
        raise QueryError("refused: a table function of the plan cannot be identified")
    for name in functions:
        if name.lower() not in READ_TABLE_FUNCTIONS and name not in _INTERNAL_TABLE_FUNCTIONS:
            raise QueryError(f"refused: the table function {name} reads outside the graph (a read-only query may "
                             f"call only {', '.join(READ_TABLE_FUNCTIONS)})")


_POSITION = re.compile(r"\(line: (\d+), offset: (\d+)\)")


def error_message(message: str, shift: int = len(EXPLAIN)) -> str:
    """A ladybug error as one line, positions those of the user's text (``shift``: characters before it).

    >>> error_message('Parser exception: Invalid input <MATCH (n) RETRN>: expected rule oC_SingleQuery '
    ...               '(line: 1, offset: 18)\\n"EXPLAIN MATCH (n) RETRN n"\\n                   ^^^^^')
    'cypher: syntax error at line 1, column 11: Invalid input <MATCH (n) RETRN>: expected rule oC_SingleQuery'
    """
    first = (message or "").strip().splitlines()[0] if (message or "").strip() else "error"
    where = _POSITION.search(first)
    kind = "syntax error" if first.startswith("Parser exception") else "error"
    reason = first.split(": ", 1)[1] if first.split(":", 1)[0].endswith("exception") and ": " in first else first
    if where is None:
        return f"cypher: {reason}" if kind == "error" else f"cypher: syntax error: {reason}"
    line, offset = int(where.group(1)), int(where.group(2))
    if line <= 1:
        offset = max(0, offset - shift)
    reason = _POSITION.sub("", reason).strip()
    return f"cypher: {kind} at line {line}, column {offset + 1}: {reason}"


def _prepared(conn, query: str, params: dict | None):
    """(success, error message) of preparing ``query``: parsed, bound and planned, nothing run.

    Unlike ``EXPLAIN``, which runs a second statement for real, preparing refuses more than one.
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # prepare() is deprecated in favour of execute()
        statement = conn.prepare(query, params or {})
    try:
        return statement.is_success(), statement.get_error_message()
    finally:
        statement.close()


def _several(message: str) -> bool:
    return "multiple statements" in message


def one_statement(conn, query: str, params: dict | None = None) -> None:
    """Raise QueryError if ``query`` holds more than one statement (nothing runs).

    Another error is left to running the statement, which reports it.
    """
    ok, message = _prepared(conn, query, params)
    if not ok and _several(message):
        raise QueryError("refused: one statement per query (a second one follows a ';')")


# Texts whose plan passed, remembered (the catalogue's texts run again and again: preparing and planning one
# costs 2-11 ms, a third of a `depends` at 1,000 plans). Whether a plan only reads is a property of the text:
# parameters are values, they change no operator. A refused text is checked each time.
PASSED_LIMIT = 256
_passed: dict[str, None] = {}


def check_read(conn, query: str, params: dict | None = None) -> None:
    """Raise QueryError unless ``query`` only reads the graph: its text, then its plan on connection ``conn``.

    Nothing runs: the query is prepared (one statement, syntax) and then planned (``EXPLAIN``). A text that
    passed once passes again without being planned (:data:`PASSED_LIMIT` texts are remembered).
    """
    if query in _passed:
        return
    _check_read(conn, query, params)
    if len(_passed) >= PASSED_LIMIT:
        _passed.pop(next(iter(_passed)), None)
    _passed[query] = None


def _check_read(conn, query: str, params: dict | None = None) -> None:
    check_text(query)
    ok, message = _prepared(conn, query, params)
    if not ok:
        if _several(message):
            raise QueryError("refused: one statement per query (a second one follows a ';')")
        if "read-only database" in message:
            raise QueryError("refused: the query writes to the store (pass --write to change it)")
        raise QueryError(error_message(message, shift=0))
    try:
        result = conn.execute(EXPLAIN + query, params or {})
    except RuntimeError as exc:
        raise QueryError(error_message(str(exc))) from None
    results = result if isinstance(result, list) else [result]
    try:
        if len(results) != 1:
            raise QueryError("refused: one statement per query (a second one follows a ';')")
        rows = []
        while results[0].has_next():
            rows.append(str(results[0].get_next()[0]))
    finally:
        for r in results:
            r.close()
    check_plan_text("\n".join(rows))
