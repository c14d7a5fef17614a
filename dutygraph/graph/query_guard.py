"""Read-only raw SPARQL, enforced by a real parser: a query form that reads, and nothing that leaves the store.

:func:`check_sparql` parses the text with rdflib's SPARQL 1.1 grammar (the whole
query, strings, IRIs, comments and ``\\u`` escapes as the grammar reads them) and
lets through only what passes this allow-list:

- a ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` query (``PREFIX``/``BASE``
  declarations before it); every update form (``INSERT``, ``DELETE``, ``LOAD``,
  ``CLEAR``, ``CREATE``, ``DROP``, ``COPY``, ``MOVE``, ``ADD``) is refused;
- no ``SERVICE`` anywhere in its parse tree (a call to another endpoint: a request
  from this machine to any address);
- no ``FROM`` or ``FROM NAMED`` (the dataset is the store's; a remote server may
  fetch the IRI).

The same check runs before the embedded store (pyoxigraph), a remote endpoint and
rdflib answer. Its errors are one line: where (line, column of the user's text)
and why.

>>> check_sparql('SELECT * WHERE { ?s <http://x/SERVICE> "SERVICE" }')
'SELECT'
>>> check_sparql('SELECT ?o WHERE { BIND(1<"a>" AS ?z) SERVICE <http://127.0.0.1:7879/query> { ?s ?p ?o } }')
Traceback (most recent call last):
...
dutygraph.errors.QueryError: refused: SERVICE calls another endpoint (raw queries may only read this store)
>>> check_sparql("SELECT * WHERE { ?s ?p }")
Traceback (most recent call last):
...
dutygraph.errors.QueryError: sparql: syntax error at line 1, column 18, near '?s ?p }'
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from functools import lru_cache

from ..errors import QueryError

READ_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
            "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
            "Modify": "DELETE/INSERT"}
MAX_QUERY_CHARS = 200_000

# String literals, IRIs and comments of a SPARQL text: where words and braces are not syntax. Used only to find
# where to insert bound values (sparql_remote.with_bindings), never to decide what a query may do.
SPARQL_NOISE = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\s]*>"
                          r"|#[^\n]*", re.S)


def _nodes(tree):
    """Every rdflib parse-tree node (CompValue) below ``tree``, the whole tree, without recursion."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _syntax_error(query: str, exc) -> QueryError:
    """A pyparsing error as one line: line, column and the text there."""
    loc = max(0, min(getattr(exc, "loc", 0) or 0, len(query)))
    line = query.count("\n", 0, loc) + 1
    column = loc - (query.rfind("\n", 0, loc) + 1) + 1
    near = query[loc:loc + 30].split("\n")[0].strip()
    where = f"near {near!r}" if near else "at the end of the query"
    return QueryError(f"sparql: syntax error at line {line}, column {column}, {where}")


PARSER_RECURSION = 20_000


@contextmanager
def _deeper_recursion():
    """Room for rdflib's recursive grammar (each triple pattern nests: ~80 patterns take 1,000 frames).

    Python 3.11+ calls Python functions without growing the C stack, so the higher limit is safe.
    """
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, PARSER_RECURSION))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def parse_sparql(query: str):
    """The rdflib parse tree of a SPARQL query, or QueryError (a refused update, a syntax error)."""
    from pyparsing import ParseException

    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"sparql: the query is {len(query):,} characters long (at most {MAX_QUERY_CHARS:,})")
    try:
        with _deeper_recursion():
            return parseQuery(query)
    except ParseException as exc:
        error = _syntax_error(query, exc)
    except RecursionError:
        raise QueryError("sparql: the query is nested too deeply to be read") from None
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain exceptions for some bad input (prefixes, IRIs)
        raise QueryError(f"sparql: cannot read the query: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    try:
        with _deeper_recursion():
            update = parseUpdate(query)
    except Exception:  # noqa: BLE001 - not an update either: report the query's syntax error
        raise error from None
    names = [_UPDATES.get(getattr(r, "name", ""), "an update") for r in update.get("request") or []]
    raise QueryError(f"refused: {names[0] if names else 'an update'} is a SPARQL update; raw queries may only read "
                     "(SELECT, ASK, CONSTRUCT, DESCRIBE)")


@lru_cache(maxsize=256)
def check_sparql(query: str) -> str:
    """Raise :class:`QueryError` unless ``query`` is one read-only query that reads nothing but the store.

    Returns its form: SELECT, ASK, CONSTRUCT or DESCRIBE. A text passed is remembered (the catalogue's
    texts run again and again; rdflib parses one in 0.1 to 0.3 s); a refused one is checked each time.
    """
    tree = parse_sparql(query)
    form = getattr(tree[-1], "name", "") if len(tree) else ""
    if form not in READ_FORMS:
        raise QueryError(f"refused: {form or 'this'} is not a read query (SELECT, ASK, CONSTRUCT, DESCRIBE)")
    for node in _nodes(tree):
        if node.name == "ServiceGraphPattern":
            raise QueryError("refused: SERVICE calls another endpoint (raw queries may only read this store)")
        if node.name == "DatasetClause":
            raise QueryError("refused: FROM / FROM NAMED names another dataset (raw queries read this store's "
                             "graphs; use GRAPH <iri> { … } for one document's graph)")
    return READ_FORMS[form]


_OXIGRAPH_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.S)


def oxigraph_error(message: str) -> str:
    """pyoxigraph's syntax error as one line: line, column, and at most five of the tokens it expected.

    >>> oxigraph_error("error at 1:25: expected one of LATERAL, SERVICE, [_], a, b, c, d")
    'sparql: syntax error at line 1, column 25: expected one of LATERAL, SERVICE, [_], a, b, … (2 more)'
    """
    m = _OXIGRAPH_POSITION.search(message)
    if m is None:
        return f"sparql: {message.splitlines()[0] if message else 'error'}"
    reason = " ".join(m.group(3).split())
    head, sep, items = reason.partition("expected one of ")
    if sep:
        options = [o.strip() for o in items.split(",")]
        reason = head + sep + ", ".join(options[:5]) + (f", … ({len(options) - 5} more)" if len(options) > 5 else "")
    return f"sparql: syntax error at line {m.group(1)}, column {m.group(2)}: {reason[:200]}"
