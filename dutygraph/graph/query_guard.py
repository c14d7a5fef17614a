"""Read-only checks for user queries: Cypher that writes, SPARQL updates and SERVICE calls are refused.

Keywords are looked for outside string literals, comments, backquoted names
and (SPARQL) IRIs, so a task text containing 删除 or "DELETE" can be searched.
The stores add their own guard where they can (ladybug is opened read-only for
queries); these checks give a clear message first.

>>> check_cypher("MATCH (u:Unit) WHERE u.name CONTAINS 'DELETE' RETURN u.name")
>>> check_cypher("MATCH (n) WITH n DELETE n")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: refused: DELETE writes to the store (this query must be read-only)
>>> check_sparql("SELECT * WHERE { ?s <http://x/SERVICE> ?o }")
>>> check_sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: refused: SERVICE calls another endpoint
"""

from __future__ import annotations

import re

from ..errors import QueryError

CYPHER_WRITES = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "COPY", "ALTER", "INSTALL",
                 "LOAD", "ATTACH", "EXPORT", "IMPORT", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK", "USE",
                 "FOREACH", "TRUNCATE")
# CALL is allowed only for these read-only table functions.
CYPHER_READ_CALLS = ("show_tables", "table_info", "show_connection", "db_version", "show_functions",
                     "current_setting", "show_indexes")
SPARQL_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

_CYPHER_NOISE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
# String literals, IRIs and comments of a SPARQL text: where words and braces are not syntax.
SPARQL_NOISE = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\s]*>"
                           r"|#[^\n]*", re.S)
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def _words(text: str, noise: re.Pattern) -> list[str]:
    """The bare words of a query, without literals, comments, IRIs and property names (``x.set``)."""
    stripped = noise.sub(" ", text)
    return [m.group(0) for m in _WORD.finditer(stripped)
            if not (m.start() > 0 and stripped[m.start() - 1] in ".$:?")]


def check_cypher(query: str) -> None:
    """Raise :class:`QueryError` if ``query`` could write to the store, load files or run procedures."""
    words = _words(query, _CYPHER_NOISE)
    upper = [w.upper() for w in words]
    for word in upper:
        if word in CYPHER_WRITES:
            raise QueryError(f"refused: {word} writes to the store (this query must be read-only)")
    for i, word in enumerate(upper):
        if word == "CALL":
            name = words[i + 1].lower() if i + 1 < len(words) else ""
            if name not in CYPHER_READ_CALLS:
                raise QueryError(f"refused: CALL {name or '…'} (only {', '.join(CYPHER_READ_CALLS)} may be called)")


def check_sparql(query: str) -> None:
    """Raise :class:`QueryError` for SPARQL UPDATE operations and SERVICE (federated) calls."""
    upper = [w.upper() for w in _words(query, SPARQL_NOISE)]
    if "SERVICE" in upper:
        raise QueryError("refused: SERVICE calls another endpoint")
    for word in upper:
        if word in SPARQL_UPDATES:
            raise QueryError(f"refused: {word} is a SPARQL update (this query must be read-only)")
