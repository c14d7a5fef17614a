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
