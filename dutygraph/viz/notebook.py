"""Helpers the notebooks call: where files are, tables that escape their text, Cypher and SPARQL side by side.

Document text is shown in notebooks through :class:`Table`, which escapes every
cell (a unit name is never markup there either).

>>> Table([{"unit": "<b>甲</b>", "tasks": 2}])._repr_html_().count("&lt;b&gt;")
1
"""

from __future__ import annotations

import html
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"


def out_dir() -> Path:
    """Where notebooks write pages and stores: $DUTYGRAPH_NOTEBOOK_OUT, else ./out (git-ignored)."""
    path = Path(os.environ.get("DUTYGRAPH_NOTEBOOK_OUT") or ROOT / "out")
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents(*paths) -> list:
    """The documents read from ``paths`` (default: the seed plan alone, the plan the README answers for)."""
    from ..loaders import load

    return [load(p) for p in (paths or (SEED,))]


def plans(docs) -> "Table":
    """Which plans a notebook loaded: title, file (relative to the repository when inside it), tasks."""
    rows = []
    for d in docs:
        source = Path(d.source)
        try:
            source = source.resolve().relative_to(ROOT)
        except ValueError:
            pass
        rows.append({"plan": d.title, "file": source.as_posix(), "tasks": len(d.tasks)})
    return Table(rows, columns=["plan", "file", "tasks"], limit=None)


class Table:
    """Rows shown as an HTML table in Jupyter (every cell escaped) and as text elsewhere."""

    def __init__(self, rows: list[dict], columns: list[str] | None = None, limit: int | None = 20):
        self.rows = list(rows)
        self.columns = columns or (list(self.rows[0]) if self.rows else [])
        self.limit = limit

    def _cell(self, value) -> str:
        if isinstance(value, (list, tuple)):
            value = "、".join(str(v) for v in value)
        return "" if value is None else str(value)

    def _shown(self):
        return self.rows[: self.limit] if self.limit else self.rows

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(self._cell(r.get(c)))}</td>" for c in self.columns)
                       + "</tr>" for r in self._shown())
        more = (f"<p>… {len(self.rows) - len(self._shown())} more rows</p>"
                if len(self._shown()) < len(self.rows) else "")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"

    def __repr__(self) -> str:
        lines = [" | ".join(self.columns)]
        lines += [" | ".join(self._cell(r.get(c)) for c in self.columns) for r in self._shown()]
        if len(self._shown()) < len(self.rows):
            lines.append(f"… {len(self.rows) - len(self._shown())} more rows")
        return "\n".join(lines)


# The same three questions in Cypher (ladybug, Neo4j) and SPARQL (pyoxigraph): same columns, same order.
SIDE_BY_SIDE: dict[str, dict] = {
    "units per kind": {
        "cypher": "MATCH (u:Unit) RETURN u.kind AS kind, count(*) AS units ORDER BY units DESC, kind",
        "sparql": "SELECT ?kind (COUNT(?u) AS ?units) WHERE { ?u a org:Organization ; dg:kind ?kind }\n"
                  "GROUP BY ?kind ORDER BY DESC(?units) ?kind",
        "params": {},
    },
    "most tasks led": {
        "cypher": "MATCH (u:Unit)-[:LEADS]->(t:Task)\n"
                  "RETURN u.name AS unit, count(DISTINCT t) AS tasks ORDER BY tasks DESC, unit LIMIT 10",
        "sparql": "SELECT ?unit (COUNT(DISTINCT ?t) AS ?tasks) WHERE {\n"
                  "  ?t prov:qualifiedAssociation [ prov:hadRole dg:Lead ; prov:agent/rdfs:label ?unit ] }\n"
                  "GROUP BY ?unit ORDER BY DESC(?tasks) ?unit LIMIT 10",
        "params": {},
    },
    "tasks depending on the Qingshuitang programme": {
        "cypher": "MATCH (t:Task)-[d:DEPENDS_ON]->(p:Program)\n"
                  "WHERE p.name CONTAINS $word AND t.kind = 'item'\n"
                  "RETURN t.task_id AS task, d.basis AS basis ORDER BY task, basis",
        "sparql": "SELECT ?task ?basis WHERE {\n"
                  "  ?t dg:taskId ?task ; dg:kind \"item\" ; dg:qualifiedDependency ?d .\n"
                  "  ?d dg:program ?p ; dg:basis ?basis . ?p rdfs:label ?name .\n"
                  "  FILTER(CONTAINS(?name, \"清水塘\")) } ORDER BY ?task ?basis",
        "params": {"word": "清水塘"},
    },
}


def side_by_side(store, neo4j=None) -> list[dict]:
    """Run every :data:`SIDE_BY_SIDE` question on the embedded store (Cypher and SPARQL) and on Neo4j if given.

    ``store``: an EmbeddedStore; ``neo4j``: a Neo4jStore or None. Returns, per question,
    the rows of each backend and whether they all agree.
    """
    out = []
    for name, q in SIDE_BY_SIDE.items():
        result = {"question": name, "cypher (ladybug)": store.cypher(q["cypher"], q["params"]),
                  "sparql (pyoxigraph)": store.sparql(q["sparql"])}
        if neo4j is not None:
            result["cypher (neo4j)"] = neo4j.run_read(q["cypher"], q["params"])
        answers = [v for k, v in result.items() if k != "question"]
        result["agree"] = all(a == answers[0] for a in answers)
        out.append(result)
    return out


def neo4j_from_env():
    """A Neo4jStore when NEO4J_URI is set (with NEO4J_USERNAME / NEO4J_PASSWORD), else None."""
    if not os.environ.get("NEO4J_URI"):
        return None
    from ..graph.neo4j import Neo4jStore

    return Neo4jStore()
