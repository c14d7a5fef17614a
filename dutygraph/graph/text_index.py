"""A token index of the text topic search reads, for the SPARQL stores (they have no text index).

Every leaf task's text and row title, and every program's and project's name, gives its
*tokens*: each pair of Chinese characters in a row it prints (character bigrams), once.
In RDF each token is a triple ``node dg:textToken "黑臭"`` (:func:`token_triples`, called for
every node the RDF is made of), so that a store finds the nodes holding a token through
its own index of literals instead of reading every text. Text holding a phrase of two or
more Chinese characters holds each of its bigrams, so the nodes holding the phrase's first and
last bigram (:func:`query_tokens`) include every node whose text holds the phrase;
``CONTAINS`` then keeps exactly those (the ``tasks`` question, ``sparql/tasks.rq``). Text
without two Chinese characters in a row is searched by reading every text, as before.

The property-graph stores do not hold the tokens: ladybug reads its string columns fast
enough (36 ms for 99,000 task texts at 1,000 plans) and has no index but the primary key;
Neo4j has its full-text index.

>>> tokens("加快推进黑臭水体整治。", "黑臭水体"), query_tokens("黑臭水体"), query_tokens("IGBT模块")
(['体整', '加快', '快推', '推进', '整治', '水体', '臭水', '进黑', '黑臭'], ('黑臭', '水体'), ('模块', '模块'))
>>> query_tokens("IGBT"), query_tokens("水")
(('', ''), ('', ''))
"""

from __future__ import annotations

import re

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
INDEXED = {"Task": ("text", "title"), "Program": ("name",), "Project": ("name",)}


def _bigrams(text: str) -> list[str]:
    return [run[i:i + 2] for run in _HAN_RUN.findall(text or "") for i in range(len(run) - 1)]


def tokens(*texts: str | None) -> list[str]:
    """The distinct bigrams of Chinese characters of ``texts``, sorted."""
    return sorted({b for text in texts for b in _bigrams(text or "")})


def node_tokens(data: dict) -> list[str]:
    """The tokens of a node (a leaf task's text and title, a program's or project's name); [] for others."""
    keys = INDEXED.get(data.get("label"))
    if keys is None or (data["label"] == "Task" and data.get("kind") != "item"):
        return []
    return tokens(*(data.get(k) for k in keys))


def query_tokens(text: str) -> tuple[str, str]:
    """The first and last bigram of Chinese characters of a searched text: every text holding ``text``
    holds both. ("", "") when it has none (the text is then searched by reading every text)."""
    found = _bigrams(text)
    return (found[0], found[-1]) if found else ("", "")


TOKEN_COUNT = ("SELECT ?in_token (COUNT(?n) AS ?count) WHERE { ?n <" + "https://w3id.org/dutygraph/ontology#textToken"
               "> ?in_token } GROUP BY ?in_token")


def rarest_tokens(run, text: str) -> tuple[str, str]:
    """The two bigrams of ``text`` the fewest nodes hold, counted in the store by ``run(query, bindings)``
    (a SPARQL store: its index counts without reading a text); ("", "") when ``text`` has none. Any two of
    its bigrams find every node holding ``text``; the rarest find fewest others (推进重点: 推进 and 重点 are
    in a third of all tasks, 进重 in a few)."""
    found = sorted(set(_bigrams(text)))
    if not found:
        return "", ""
    counts = {}
    for tok in found:
        rows = run(TOKEN_COUNT, {"in_token": tok})
        counts[tok] = int(rows[0]["count"]) if rows else 0
    ranked = sorted(found, key=lambda t: (counts[t], t))
    return ranked[0], ranked[min(1, len(ranked) - 1)]


def token_triples(subject: str, data: dict, predicate: str, literal, out: list) -> None:
    """Append ``(subject, dg:textToken, "token")`` for each token of the node (N-Triples terms)."""
    out.extend((subject, predicate, literal(tok, "string")) for tok in node_tokens(data))
