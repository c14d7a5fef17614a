"""Flat views of extracted documents, for tables and CSV.

>>> from dutygraph.model import Document, Task, Provenance
>>> d = Document("p.txt", "T", tasks=[Task("A1-1", "做事。", Provenance("p.txt", 3, 3))])
>>> extract_rows(d)[0]["lines"]
'3-3'
"""

from __future__ import annotations

from .model import Document

TASK_COLUMNS = ["id", "title", "text", "lead", "responsible", "cooperating", "deadline", "zone", "lines"]


def extract_rows(doc: Document) -> list[dict]:
    """One row per leaf task: the columns of :data:`TASK_COLUMNS`."""
    return rows_of_dict(doc.to_dict())


def rows_of_dict(doc: dict) -> list[dict]:
    """:func:`extract_rows` for a document already turned into its JSON dict (``Document.to_dict``)."""
    rows = []
    for d in doc["tasks"]:
        row = {c: d.get(c) for c in TASK_COLUMNS}
        row["lines"] = f"{d['lines'][0]}-{d['lines'][1]}"
        rows.append(row)
    return rows


# -- Parquet tables --------------------------------------------------------------------------

EXTRACT_TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {"id": "STRING", "source": "STRING", "title": "STRING", "plan_title": "STRING",
                  "issuers": "STRING[]", "issued": "STRING", "published": "STRING", "number": "STRING",
                  "sha256": "STRING"},
    "tasks": {"id": "STRING", "document": "STRING", "task_id": "STRING", "parent": "STRING", "annex": "INT",
              "row": "INT", "sub": "INT", "title": "STRING", "text": "STRING", "zone": "STRING",
              "deadline": "STRING", "deadline_date": "STRING", "amounts": "STRING[]", "leaders": "STRING[]",
              "line_first": "INT", "line_last": "INT"},
    "assignments": {"id": "STRING", "task": "STRING", "document": "STRING", "unit": "STRING", "role": "STRING",
                    "position": "INT", "inferred": "BOOL", "basis": "STRING", "line_first": "INT",
                    "line_last": "INT"},
}


def extract_table_rows(docs: list[dict]) -> dict[str, list[dict]]:
    """The extracted documents (``Document.to_dict`` dicts) as rows of :data:`EXTRACT_TABLE_COLUMNS`.

    Ids are those of the graph (``doc/{key}``, ``doc/{key}/task/{task id}``; keys as
    :func:`~dutygraph.graph.build.document_keys` gives them among ``docs``), so these
    tables join the graph's tables (:mod:`dutygraph.graph.tables`). Units are as
    printed (not resolved); an assignment's id is its task, role and position
    among that role's units: ``{task}/lead/1``.

    >>> from dutygraph.model import Assignment, Document, Provenance, Role, Task
    >>> p = Provenance("p.txt", 3, 4)
    >>> d = Document("p.txt", "T", tasks=[Task("A1-1", "做事。", p, assignments=[Assignment("市财政局", Role.LEAD, p)])])
    >>> rows = extract_table_rows([d.to_dict()])
    >>> rows["tasks"][0]["id"], rows["assignments"][0]["id"], rows["assignments"][0]["unit"]
    ('doc/p/task/A1-1', 'doc/p/task/A1-1/lead/1', '市财政局')
    """
    from .graph.build import document_keys
    from .model import Document

    keys = document_keys([Document(d["source"], d["title"], sha256=d.get("sha256")) for d in docs])
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACT_TABLE_COLUMNS}
    done: set[str] = set()
    for key, doc in zip(keys, docs):
        doc_id = f"doc/{key}"
        if doc_id in done:  # the same file given twice
            continue
        done.add(doc_id)
        rows["documents"].append({"id": doc_id, **{c: doc.get(c) for c in EXTRACT_TABLE_COLUMNS["documents"]
                                                   if c != "id"}})
        for task in doc["tasks"]:
            tid = f"{doc_id}/task/{task['id']}"
            first, last = task["lines"][0], task["lines"][-1]
            rows["tasks"].append({"id": tid, "document": doc_id, "task_id": task["id"], "parent": task.get("parent"),
                                  **{c: task.get(c) for c in ("annex", "row", "sub", "title", "text", "zone",
                                                              "deadline", "deadline_date", "amounts", "leaders")},
                                  "line_first": first, "line_last": last})
            inferred = {(a["unit"], a["role"]): a.get("basis") for a in task.get("inferred") or ()}
            for role in ("lead", "responsible", "cooperating"):
                for n, unit in enumerate(task.get(role) or (), start=1):
                    rows["assignments"].append({
                        "id": f"{tid}/{role}/{n}", "task": tid, "document": doc_id, "unit": unit, "role": role,
                        "position": n, "inferred": (unit, role) in inferred, "basis": inferred.get((unit, role)),
                        "line_first": first, "line_last": last})
    return rows


def export_extract_tables(docs: list[dict], out_dir) -> dict[str, int]:
    """Write the tables of the extracted documents (``Document.to_dict`` dicts) into ``out_dir`` as Parquet,
    atomically (:func:`dutygraph.graph.tables.write_tables`); return the row count of each table."""
    from .graph.tables import write_tables

    return write_tables(extract_table_rows(docs), EXTRACT_TABLE_COLUMNS, out_dir)
