"""The documents and topic-search questions on the networkx graph: same rows as their Cypher and SPARQL texts."""

from __future__ import annotations


def documents(graph):
    """Every Document node with its leaf tasks counted."""
    tasks: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        if d["label"] == "Task" and d.get("kind") == "item":
            tasks[d["document"]] = tasks.get(d["document"], 0) + 1
    return [{"id": n, "title": d.get("name"), "issuers": d.get("issuers", []), "city": d.get("city"),
             "issued": d.get("issued"), "year": d.get("year"), "tasks": tasks.get(n, 0), "source": d.get("source")}
            for n, d in graph.nodes(data=True) if d["label"] == "Document"]


def tasks(graph, text="", document="", phrase="", token_a="", token_b="", own=False):
    """Leaf tasks whose text or row title holds ``text``, or (unless ``own``) whose project or program name does
    (``via``)."""
    rows = set()
    for n, d in graph.nodes(data=True):
        if d["label"] != "Task" or d.get("kind") != "item" or (document and d["document"] != document):
            continue
        base = (n, d["task_id"], d["text"], d["document"], d["line_first"])
        if text in (d.get("text") or "") or (d.get("title") is not None and text in d["title"]):
            rows.add((*base, ""))
        for _, p, e in () if own else graph.out_edges(n, data=True):
            target = graph.nodes[p]
            if ((e["type"], target["label"]) in (("CONCERNS", "Project"), ("PART_OF", "Program"))
                    and text in target["name"]):
                rows.add((*base, target["name"]))
    keys = ("node", "task", "text", "document", "line_first", "via")
    return [dict(zip(keys, r)) for r in rows]
