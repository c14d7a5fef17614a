"""The Cypher text the Neo4j store sends: schema, a document's writes, its removal.

Labels, relationship types and property names are written into the text only
from :mod:`dutygraph.graph.schema` (anything else raises ValueError); every value
travels as a parameter.

A document is written with one statement text, the same for every document
(:data:`DOCUMENT`, once per batch), a sequence of ``CALL () { UNWIND ... }``
blocks, one per label or (type, source label, target label), each returning
how many rows it wrote: its own nodes, the relationships between them, then
the shared nodes (those missing created, all of them locked in one order,
their lists and values settled) and the relationships that touch them. A
transaction holds the locks on the units it names until it commits, and every
plan names the busiest units: what needs no lock comes first, so that two
documents loaded at once overlap there. Before it writes relationships it
looks up each node they join once, by id, into a list
(:func:`ref_block`); a relationship row names its ends by position in those
lists (an index seek per relationship end took a fifth of the server's time)
and holds its values in :data:`EDGE_VALUES` order. The shared nodes are
looked up once too: MERGEd into lists, locked and settled from those. Two
things keep the server from planning again and again, which cost more than
the writes themselves:

* the rows travel inside one map parameter, ``$batch``. Neo4j keys its plan
  cache on the size (by order of magnitude) of every top-level list parameter;
  with ``UNWIND $rows`` a batch of 8 rows and one of 80 were planned apart.
* ``CYPHER replan=skip``: a plan made once is kept while the counts of the
  growing database change (by default it is planned again every ten seconds
  or so during a load). The constraints exist before the first plan is made.

>>> print(node_block("Target"))
UNWIND $batch.Target AS row
CREATE (n:Target {id: row.id, name: row.name, text: row.text, indicator: row.indicator, relation: row.relation, value: row.value, document: row.document, line_first: row.line_first, line_last: row.line_last})
RETURN count(n) AS Target
>>> print(edge_block("LEADS", "Unit", "Task").replace(", ", ",\\n    "))
UNWIND range(0,
    size($batch.LEADS_Unit_Task) - 1) AS i
WITH $batch.LEADS_Unit_Task[i] AS row,
    Unit_nodes[$batch.LEADS_Unit_Task_source[i]] AS a,
    Task_nodes[$batch.LEADS_Unit_Task_target[i]] AS b
WHERE a IS NOT NULL AND b IS NOT NULL
CREATE (a)-[r:LEADS {document: row[0],
    line_first: row[1],
    line_last: row[2],
    printed: row[3],
    inferred: row[4],
    basis: row[5],
    role: row[6]}]->(b)
RETURN count(r) AS LEADS_Unit_Task
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from .schema import DOCUMENT_LABELS, EDGE_ENDPOINTS, EDGE_PROPERTIES, EDGE_TYPES, NODE_LABELS, NODE_PROPERTIES, \
    SHARED_LABELS, UNION_PROPERTIES

PREFIX = "CYPHER replan=skip\n"
EdgeKey = tuple[str, str, str]  # (type, source label, target label)
# The values of a relationship row, in this order (lists are made, packed and unpacked a third faster than
# maps); null values are not stored. ``documents`` (last) is for relationships between shared nodes only.
EDGE_VALUES: tuple[str, ...] = tuple(EDGE_PROPERTIES)
assert EDGE_VALUES[-1] == "documents"
# Every (type, source label, target label) the schema allows, in writing order.
EDGE_KEYS: tuple[EdgeKey, ...] = tuple((t, a, b) for t in EDGE_TYPES for a, b in EDGE_ENDPOINTS[t])


def _label(name: str) -> str:
    if name not in NODE_LABELS:
        raise ValueError(f"{name!r} is not a node label of the schema")
    return name


def _type(name: str) -> str:
    if name not in EDGE_TYPES:
        raise ValueError(f"{name!r} is not a relationship type of the schema")
    return name


def edge_name(key: EdgeKey) -> str:
    """The parameter key and result column of one (type, source label, target label).

    >>> edge_name(("PART_OF", "Task", "Program"))
    'PART_OF_Task_Program'
    """
    type_, source, target = key
    return f"{_type(type_)}_{_label(source)}_{_label(target)}"


def is_shared(key: EdgeKey) -> bool:
    """A relationship between two shared nodes (MERGEd, owned by a ``documents`` list)."""
    return key[1] in SHARED_LABELS and key[2] in SHARED_LABELS


def owner_key(label: str) -> str:
    """The property naming the document a node belongs to (a Document is its own)."""
    return "id" if label == "Document" else "document"


# -- schema and removal ----------------------------------------------------------------------------------------
def schema_statements() -> list[str]:
    """A uniqueness constraint on ``id`` per label, an index on ``document`` per document-owned label, and the
    full-text index of topic search."""
    out = [f"CREATE CONSTRAINT {_label(label).lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
           for label in NODE_LABELS]
    out += [f"CREATE INDEX {_label(label).lower()}_document IF NOT EXISTS FOR (n:{label}) ON (n.document)"
            for label in DOCUMENT_LABELS if "document" in NODE_PROPERTIES[label]]
    out.append(FULLTEXT_INDEX)
    return out


# The full-text index of topic search (dutygraph/queries/cypher/tasks.neo4j.cypher): task text and row titles,
# project and program names. The standard analyzer makes each Chinese character a token, so a phrase of them
# finds every text holding the characters in a row.
FULLTEXT_INDEX = ("CREATE FULLTEXT INDEX dutygraph_text IF NOT EXISTS FOR (n:Task|Project|Program) "
                  "ON EACH [n.text, n.title, n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}")


PRESENT_QUERY = "MATCH (d:Document {id: $document}) RETURN count(d) AS n"


def shared_pairs() -> list[EdgeKey]:
    """(type, source label, target label) of the relationships between shared nodes."""
    return [key for key in EDGE_KEYS if is_shared(key)]


def removal_queries() -> list[str]:
    """The queries removing what ``$document`` contributed: shared relationships, shared nodes, its own nodes.

    >>> print(removal_queries()[-1])
    MATCH (n:Target {document: $document})
    DETACH DELETE n
    """
    # its shared nodes locked first, in the order loads lock them, so that no list is read stale
    out = [_lock_query("MATCH (n:{label}) WHERE $document IN n.documents")]
    for type_, a, b in shared_pairs():  # a document's shared relationship joins two of its shared nodes
        out.append(f"MATCH (a:{_label(a)})-[r:{_type(type_)}]->(b:{_label(b)})\n"
                   "WHERE $document IN a.documents AND $document IN r.documents\n"
                   "SET r.documents = [d IN r.documents WHERE d <> $document]\n"
                   "WITH r WHERE size(r.documents) = 0\n"
                   "DELETE r")
    for label in SHARED_LABELS:
        out.append(f"MATCH (n:{_label(label)}) WHERE $document IN n.documents\n"
                   "SET n.documents = [d IN n.documents WHERE d <> $document]\n"
                   "WITH n WHERE size(n.documents) = 0\n"
                   "DETACH DELETE n")
    for label in DOCUMENT_LABELS:
        out.append(f"MATCH (n:{_label(label)} {{{owner_key(label)}: $document}})\nDETACH DELETE n")
    return out


# -- writes ----------------------------------------------------------------------------------------------------
def _map(var: str, props: Iterable[str]) -> str:
    """A map literal of ``row`` values (absent keys are null, and null properties are not stored)."""
    return "{" + ", ".join(f"{p}: {var}.{p}" for p in props) + "}"


def _kept(var: str, p: str, kind: str, new: str | None = None) -> str:
    """The value a shared node or relationship keeps of its ``p`` and ``row.p``: the united sorted lists for
    :data:`~dutygraph.graph.schema.UNION_PROPERTIES`, else the one
    :func:`~dutygraph.graph.schema.preferred` keeps (strings: shortest, then first in order; never null).

    Lists already stored are sorted and distinct (this module keeps them so), and each value of the row is
    put in its place (appended when it sorts last, as the id of a document loaded after the others does).
    Neo4j orders strings by UTF-16 code unit, Python by code point: the two differ only between characters
    beyond U+FFFF and those from U+E000 on.
    """
    old, new = f"{var}.{p}", new or f"row.{p}"
    if p in UNION_PROPERTIES:
        return (f"CASE WHEN {new} IS NULL THEN {old} ELSE reduce(acc = coalesce({old}, []), x IN {new} | "
                "CASE WHEN size(acc) = 0 OR last(acc) < x THEN acc + [x] WHEN x IN acc THEN acc "
                "ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END) END")
    first = (f"size({new}) < size({old}) OR size({new}) = size({old}) AND {new} < {old}" if kind == "STRING"
             else f"{new} < {old}")
    return f"CASE WHEN {old} IS NULL OR {first} THEN {new} ELSE {old} END"


def _merge_sets(var: str) -> str:
    """ON CREATE / ON MATCH items of a MERGEd relationship, from a row of :data:`EDGE_VALUES` (its ends are
    locked by then, so what ON MATCH reads is current)."""
    on_create = ", ".join(f"{var}.{p} = row[{i}]" for i, p in enumerate(EDGE_VALUES))
    on_match = ",\n    ".join(f"{var}.{p} = {_kept(var, p, EDGE_PROPERTIES[p], f'row[{i}]')}"
                              for i, p in enumerate(EDGE_VALUES))
    return f"ON CREATE SET {on_create}\nON MATCH SET\n    {on_match}"


def node_block(label: str) -> str:
    """Create the rows of ``$batch.<label>`` as nodes (a label whose nodes belong to one document).

    >>> print(node_block("Target"))
    UNWIND $batch.Target AS row
    CREATE (n:Target {id: row.id, name: row.name, text: row.text, indicator: row.indicator, relation: row.relation, value: row.value, document: row.document, line_first: row.line_first, line_last: row.line_last})
    RETURN count(n) AS Target
    """
    if _label(label) in SHARED_LABELS:
        raise ValueError(f"{label} nodes are shared: see merge_block")
    return (f"UNWIND $batch.{label} AS row\nCREATE (n:{label} {_map('row', NODE_PROPERTIES[label])})\n"
            f"RETURN count(n) AS {label}")


def merge_block(label: str) -> str:
    """The shared nodes of ``$batch.<label>``, created if not stored yet (MERGE by id), as a list in row order;
    :func:`kept_block` settles the values of those already stored once :func:`lock_block` has locked them.

    >>> print(merge_block("Project"))
    UNWIND range(0, size($batch.Project) - 1) AS i
    WITH i, $batch.Project[i] AS row
    MERGE (n:Project {id: row.id})
    ON CREATE SET n.name = row.name, n.base_name = row.base_name, n.type = row.type, n.phase = row.phase, n.city = row.city, n.documents = row.documents
    WITH n ORDER BY i
    RETURN collect(n) AS Project_merged
    """
    if _label(label) not in SHARED_LABELS:
        raise ValueError(f"{label} nodes belong to one document: see node_block")
    on_create = ", ".join(f"n.{p} = row.{p}" for p in NODE_PROPERTIES[label] if p != "id")
    return (f"UNWIND range(0, size($batch.{label}) - 1) AS i\nWITH i, $batch.{label}[i] AS row\n"
            f"MERGE (n:{label} {{id: row.id}})\nON CREATE SET {on_create}\nWITH n ORDER BY i\n"
            f"RETURN collect(n) AS {label}_merged")


def kept_block(label: str) -> str:
    """Unite the lists of the shared nodes :func:`merge_block` found with their rows' and keep the preferred of
    their other values (nodes just created are left as they are: uniting a value with itself keeps it).

    >>> print(kept_block("Project").splitlines()[:3])
    ['UNWIND range(0, size(Project_merged) - 1) AS i', 'WITH Project_merged[i] AS n, $batch.Project[i] AS row', 'SET n.name = CASE WHEN n.name IS NULL OR size(row.name) < size(n.name) OR size(row.name) = size(n.name) AND row.name < n.name THEN row.name ELSE n.name END,']
    """
    if _label(label) not in SHARED_LABELS:
        raise ValueError(f"{label} nodes belong to one document; nothing to keep")
    props = NODE_PROPERTIES[label]
    items = ",\n    ".join(f"n.{p} = {_kept('n', p, props[p])}" for p in props if p != "id")
    return (f"UNWIND range(0, size({label}_merged) - 1) AS i\nWITH {label}_merged[i] AS n, $batch.{label}[i] AS row\n"
            f"SET {items}\nRETURN count(n) AS {label}_kept")


def edge_block(type_: str, source: str, target: str) -> str:
    """Create the rows of ``$batch.<type>_<source>_<target>`` as relationships (MERGE between shared nodes).

    A row is the list of its values in :data:`EDGE_VALUES` order; its ends are positions (``<name>_source``,
    ``<name>_target``) in the lists of nodes :func:`ref_block` made.

    >>> print(edge_block("PART_OF", "Task", "Program").splitlines()[:2])  # doctest: +NORMALIZE_WHITESPACE
    ['UNWIND range(0, size($batch.PART_OF_Task_Program) - 1) AS i',
     'WITH $batch.PART_OF_Task_Program[i] AS row, Task_nodes[$batch.PART_OF_Task_Program_source[i]] AS a, Program_nodes[$batch.PART_OF_Task_Program_target[i]] AS b']
    """
    key = (type_, source, target)
    if target not in [b for a, b in EDGE_ENDPOINTS.get(_type(type_), ()) if a == _label(source)]:
        raise ValueError(f"{type_} does not join {source} to {_label(target)} in the schema")
    name = edge_name(key)
    head = (f"UNWIND range(0, size($batch.{name}) - 1) AS i\n"
            f"WITH $batch.{name}[i] AS row, {source}_nodes[$batch.{name}_source[i]] AS a, "
            f"{target}_nodes[$batch.{name}_target[i]] AS b\n"
            "WHERE a IS NOT NULL AND b IS NOT NULL\n")  # (a node not found: the counts tell)
    if not is_shared(key):
        values = ", ".join(f"{p}: row[{i}]" for i, p in enumerate(EDGE_VALUES[:-1]))
        return head + f"CREATE (a)-[r:{type_} {{{values}}}]->(b)\nRETURN count(r) AS {name}"
    return head + f"MERGE (a)-[r:{type_}]->(b)\n{_merge_sets('r')}\nRETURN count(r) AS {name}"


def ref_key(label: str) -> str:
    """The ``$batch`` key of the ids of the ``label`` nodes a statement's relationships join."""
    return f"{_label(label)}_refs"


def ref_block(label: str) -> str:
    """The ``label`` nodes of the ids in ``$batch.<label>_refs``, as a list in that order: one index seek per
    node, not one per relationship end.

    >>> print(ref_block("Task"))
    UNWIND range(0, size($batch.Task_refs) - 1) AS i
    MATCH (n:Task {id: $batch.Task_refs[i]})
    WITH n ORDER BY i
    RETURN collect(n) AS Task_nodes
    """
    key = ref_key(label)
    return (f"UNWIND range(0, size($batch.{key}) - 1) AS i\n"
            f"MATCH (n:{label} {{id: $batch.{key}[i]}})\n"
            "WITH n ORDER BY i\n"
            f"RETURN collect(n) AS {label}_nodes")


def _calls(blocks: list[tuple[str, str, tuple[str, ...]]], returns: list[str]) -> str:
    """One statement running ``blocks`` (name, text, variables it imports) in order, then ``RETURN returns``."""
    body = "".join(f"CALL ({', '.join(imports)}) {{\n" + "\n".join("  " + line for line in text.splitlines())
                   + "\n}\n" for _, text, imports in blocks)
    return PREFIX + body + "RETURN " + ", ".join(returns)


def lock_block() -> str:
    """Lock the shared nodes :func:`merge_block` found for writing, all of them in one order, before any is read.

    A value read before its node is locked may be stale by the time it is written back, and a document
    would drop another's id from a ``documents`` list (a lost update); and two documents locking the same
    units in different orders would deadlock. ``SET n.id = n.id`` changes nothing but takes the lock.
    """
    lists = " + ".join(f"{_label(label)}_merged" for label in SHARED_LABELS)
    return f"UNWIND {lists} AS n\nWITH n ORDER BY elementId(n)\nSET n.id = n.id\nRETURN count(n) AS locked"


def _lock_query(match: str) -> str:
    """Lock the shared nodes ``match`` finds (a pattern with ``{label}`` for each shared label) in one order."""
    union = "\n  UNION ALL\n".join("  " + match.format(label=_label(label)) + " RETURN n" for label in SHARED_LABELS)
    return f"CALL () {{\n{union}\n}}\nWITH n ORDER BY elementId(n)\nSET n.id = n.id"


class WriteStep(NamedTuple):
    """The statement text of a document's writes (:data:`DOCUMENT`).

    ``nodes``: the labels whose node rows it writes (``$batch.<label>``); ``edges``: the relationship names
    (:func:`edge_name`) whose rows it writes; ``refs``: the labels whose nodes those relationships join, by
    position; ``columns``: its result columns, with the ``$batch`` key whose length each must equal (None:
    not checked).
    """

    query: str
    nodes: tuple[str, ...]
    edges: tuple[str, ...]
    refs: tuple[str, ...]
    columns: dict[str, str | None]


def _refs(keys: list[EdgeKey], labels: Iterable[str]) -> list[str]:
    """The ``labels`` (in schema order) that relationships ``keys`` join."""
    return [label for label in NODE_LABELS if label in labels and any(label in key[1:] for key in keys)]


def _document_statement() -> WriteStep:
    """The statement writing (a batch of) a document, in this order:

    1. its own nodes, created;
    2. the own nodes its relationships join, looked up once each, and the relationships between own nodes;
    3. its shared nodes: the missing ones created (MERGE), then all of them locked in one order, then their
       lists and values settled;
    4. the shared nodes its relationships join, looked up, and the relationships that touch them.

    A transaction holds the locks of step 3 until it commits and every plan names the busiest units, so
    documents loaded at once queue from step 3 to their commits: what needs no lock comes before it.
    """
    own = [label for label in NODE_LABELS if label not in SHARED_LABELS]
    own_keys = [key for key in EDGE_KEYS if key[1] not in SHARED_LABELS and key[2] not in SHARED_LABELS]
    shared_keys = [key for key in EDGE_KEYS if key not in own_keys]
    own_refs, shared_refs = _refs(EDGE_KEYS, own), _refs(shared_keys, SHARED_LABELS)

    def edges(keys: list[EdgeKey]) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(edge_name(key), edge_block(*key), tuple(dict.fromkeys(f"{label}_nodes" for label in key[1:])))
                for key in keys]

    blocks = [(label, node_block(label), ()) for label in own]
    blocks += [(f"{label}_nodes", ref_block(label), ()) for label in own_refs] + edges(own_keys)
    blocks += [(label, merge_block(label), ()) for label in SHARED_LABELS]
    blocks.append(("locked", lock_block(), tuple(f"{label}_merged" for label in SHARED_LABELS)))
    blocks += [(f"{label}_kept", kept_block(label), (f"{label}_merged",)) for label in SHARED_LABELS]
    blocks += [(f"{label}_nodes", ref_block(label), ()) for label in shared_refs] + edges(shared_keys)
    names = [edge_name(key) for key in own_keys + shared_keys]
    refs = [label for label in NODE_LABELS if label in own_refs + shared_refs]
    returns = own + [f"size({label}_merged) AS {label}" for label in SHARED_LABELS] + ["locked"]
    returns += [f"{label}_kept" for label in SHARED_LABELS]
    returns += [f"size({label}_nodes) AS {ref_key(label)}" for label in refs] + names
    columns: dict[str, str | None] = {label: label for label in NODE_LABELS} | {"locked": None}
    columns |= {f"{label}_kept": label for label in SHARED_LABELS}
    columns |= {ref_key(label): ref_key(label) for label in refs} | {name: name for name in names}
    return WriteStep(_calls(blocks, returns), tuple(own) + SHARED_LABELS, tuple(names), tuple(refs), columns)


# The locks come before the relationships to the shared nodes, not after them (which would hold them for less
# time): a transaction changing a unit's ``documents`` list waits, when it commits, for every transaction with
# relationships to that unit not committed yet, and those would wait for its lock (a deadlock: tried).
DOCUMENT = _document_statement()


# -- the naive loader of the benchmark -------------------------------------------------------------------------
def naive_node_query(label: str) -> str:
    """One node per query."""
    return f"MERGE (n:{_label(label)} {{id: $id}}) SET n += $properties"


def naive_edge_query(type_: str, source: str, target: str) -> str:
    """One relationship per query."""
    return (f"MATCH (a:{_label(source)} {{id: $source}}) MATCH (b:{_label(target)} {{id: $target}}) "
            f"MERGE (a)-[r:{_type(type_)}]->(b) SET r += $properties")
