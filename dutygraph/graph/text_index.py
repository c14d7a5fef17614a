"""The token index of topic search, for the stores without a text index: the SPARQL stores and ladybug.

Every leaf task's text and row title, and every program's and project's name, gives its
*tokens*: each pair of Chinese characters in a row it prints (character bigrams), once.
Text holding a phrase of two or more Chinese characters holds each of its bigrams, so the
nodes holding any two bigrams of the phrase (:func:`query_tokens`, :func:`rarest_tokens`) include
every node whose text holds the phrase; ``CONTAINS`` then keeps exactly those. Text without
two Chinese characters in a row (一 character, Latin letters, digits) is searched by reading every
text, as before.

- In RDF each token is a triple ``node dg:textToken "黑臭"`` (:func:`token_triples`), so that
  a SPARQL store finds the nodes holding a token through its own index of literals instead of
  reading every text (``sparql/tasks-indexed.rq``): in the exports (``export --format nquads``,
  Turtle, …) and in a SPARQL server loaded by dutygraph (``sparql_remote``), which have no other
  index. The embedded store's SPARQL half (pyoxigraph) holds none (RDF shape 3: they were 38 % of
  its quads): ladybug beside it finds the nodes holding both tokens (:func:`token_holders`) and
  hands their ids to SPARQL as VALUES (``sparql/tasks-indexed.embedded.rq``).
- In ladybug each token is a ``Token`` node (its primary key the token) and a ``HAS_TOKEN``
  relationship from each node holding it (:data:`~dutygraph.graph.schema.TOKEN_LABEL`;
  :func:`token_pairs` gives the rows, written by both load paths of
  :mod:`dutygraph.graph.ladybug_store`), so the holders of a token are its primary-key
  lookup and adjacency list (``cypher/tasks-indexed.ladybug.cypher``).

Neo4j has its full-text index and holds no tokens.

>>> tokens("加快推进黑臭水体整治。", "黑臭水体"), query_tokens("黑臭水体"), query_tokens("IGBT模块")
(['体整', '加快', '快推', '推进', '整治', '水体', '臭水', '进黑', '黑臭'], ('黑臭', '水体'), ('模块', '模块'))
>>> query_tokens("IGBT"), query_tokens("水")
(('', ''), ('', ''))
>>> token_pairs("Task", [{"id": "t1", "kind": "item", "text": "黑臭水体", "title": None},
...                      {"id": "t2", "kind": "row", "text": "水体", "title": None}])
(['t1', 't1', 't1'], ['水体', '臭水', '黑臭'])
"""

from __future__ import annotations

import re

from .schema import TOKEN_EDGE, TOKEN_LABEL, TOKEN_PART_EDGE, TOKEN_PART_LABEL

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
INDEXED = {"Task": ("text", "title"), "Program": ("name",), "Project": ("name",)}


def _bigrams(text: str) -> list[str]:
    return [run[i:i + 2] for run in _HAN_RUN.findall(text or "") for i in range(len(run) - 1)]


def tokens(*texts: str | None) -> list[str]:
    """The distinct bigrams of Chinese characters of ``texts``, sorted."""
    return sorted({b for text in texts for b in _bigrams(text or "")})


def node_tokens(data: dict, label: str | None = None) -> list[str]:
    """The tokens of a node (a leaf task's text and title, a program's or project's name); [] for others.
    ``label`` is the node's label when ``data`` (a row of one label's table) does not carry it."""
    label = label or data.get("label")
    keys = INDEXED.get(label)
    if keys is None or (label == "Task" and data.get("kind") != "item"):
        return []
    return tokens(*(data.get(k) for k in keys))


def token_pairs(label: str, rows) -> tuple[list[str], list[str]]:
    """The (node id, token) pairs of the nodes ``rows`` of one label, as two columns: each distinct token of
    each node once (the rows of ladybug's ``HAS_TOKEN``)."""
    ids: list[str] = []
    found: list[str] = []
    if label not in INDEXED:
        return ids, found
    for row in rows:
        held = node_tokens(row, label)
        ids.extend([row["id"]] * len(held))
        found.extend(held)
    return ids, found


def query_tokens(text: str) -> tuple[str, str]:
    """The first and last bigram of Chinese characters of a searched text: every text holding ``text``
    holds both. ("", "") when it has none (the text is then searched by reading every text)."""
    found = _bigrams(text)
    return (found[0], found[-1]) if found else ("", "")


TOKEN_COUNT = ("SELECT ?in_token (COUNT(?n) AS ?count) WHERE { ?n <" + "https://w3id.org/dutygraph/ontology#textToken"
               "> ?in_token } GROUP BY ?in_token")


def rarest(text: str, count) -> tuple[str, str]:
    """The two bigrams of ``text`` the fewest nodes hold, ``count(tokens)`` giving token -> holders (a token
    missing from it is held by none); ("", "") when ``text`` has none. Any two of its bigrams find every node
    holding ``text``; the rarest find fewest others (推进重点: 推进 and 重点 are in a third of all tasks, 进重
    in a few).

    >>> rarest("推进重点", lambda found: {"推进": 900, "进重": 3, "重点": 800})
    ('进重', '重点')
    >>> rarest("水", lambda found: {})
    ('', '')
    """
    found = sorted(set(_bigrams(text)))
    if not found:
        return "", ""
    counts = count(found)
    ranked = sorted(found, key=lambda t: (counts.get(t, 0), t))
    return ranked[0], ranked[min(1, len(ranked) - 1)]


def rarest_tokens(run, text: str) -> tuple[str, str]:
    """:func:`rarest`, counted in a SPARQL store by ``run(query, bindings)`` (its index counts without reading
    a text)."""
    def count(found):
        counts = {}
        for tok in found:
            rows = run(TOKEN_COUNT, {"in_token": tok})
            counts[tok] = int(rows[0]["count"]) if rows else 0
        return counts

    return rarest(text, count)


# ladybug: how many nodes hold each token (the length of its adjacency list; a token not here gives no row).
# Written with IN, not UNWIND … {id: token}: ladybug plans that as a scan of every token and a hash join (48 ms
# at 1,000 plans instead of 0.3).
TOKEN_COUNT_CYPHER = (f"MATCH (k:{TOKEN_LABEL})-[:{TOKEN_PART_EDGE}]->(:{TOKEN_PART_LABEL})<-[r:{TOKEN_EDGE}]-() "
                      "WHERE k.id IN $tokens RETURN k.id AS token, count(r) AS count")


def cypher_counts(run, found: list[str]) -> dict[str, int]:
    """Token -> holders, counted in ladybug by ``run(query, params)`` (one query for all ``found``)."""
    return {r["token"]: int(r["count"]) for r in run(TOKEN_COUNT_CYPHER, {"tokens": list(found)})}


# ladybug: the nodes holding both tokens, by label (the candidates of topic search that the embedded store's
# SPARQL half is given as VALUES: it holds no tokens itself; sparql/tasks-indexed.embedded.rq). Each branch looks
# both tokens up by primary key and intersects their adjacency lists, as cypher/tasks-indexed.ladybug.cypher does.
TOKEN_HOLDERS_CYPHER = "\nUNION ALL\n".join(
    f"MATCH (:{TOKEN_LABEL} {{id: $token_a}})-[:{TOKEN_PART_EDGE}]->(:{TOKEN_PART_LABEL})<-[:{TOKEN_EDGE}]-(n:{label})"
    f"-[:{TOKEN_EDGE}]->(:{TOKEN_PART_LABEL})<-[:{TOKEN_PART_EDGE}]-(:{TOKEN_LABEL} {{id: $token_b}}) "
    f"RETURN '{label}' AS label, n.id AS id" for label in INDEXED)


def token_holders(run, token_a: str, token_b: str) -> dict[str, list[str]]:
    """Label -> ids of the nodes holding both tokens, from ladybug by ``run(query, params)`` (every indexed label
    present, sorted ids)."""
    out: dict[str, list[str]] = {label: [] for label in INDEXED}
    for r in run(TOKEN_HOLDERS_CYPHER, {"token_a": token_a, "token_b": token_b}):
        out[r["label"]].append(r["id"])
    return {label: sorted(ids) for label, ids in out.items()}


def token_triples(subject: str, data: dict, predicate: str, literal, out: list) -> None:
    """Append ``(subject, dg:textToken, "token")`` for each token of the node (N-Triples terms)."""
    out.extend((subject, predicate, literal(tok, "string")) for tok in node_tokens(data))
