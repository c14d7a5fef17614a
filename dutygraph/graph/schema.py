"""The graph schema every store and query follows (documented in docs/schema.md).

Labels, relationship types and property types are fixed here, never taken from
document text: writers interpolate only these names into Cypher or SPARQL.

>>> "Unit" in NODE_LABELS and "LEADS" in EDGE_TYPES
True
>>> ROLE_EDGES["lead"]
'LEADS'
>>> EDGE_ENDPOINTS["MEMBER_OF"]
(('Unit', 'Unit'),)
"""

from __future__ import annotations

NODE_LABELS = ("Document", "KeyWork", "Program", "Task", "Unit", "Place", "Project", "Target", "ChangeEvent")
EDGE_TYPES = ("LEADS", "RESPONSIBLE_FOR", "COOPERATES_ON", "PART_OF", "IN_DOCUMENT", "MEMBER_OF", "GOVERNS",
              "LOCATED_IN", "CONCERNS", "DEPENDS_ON", "HAS_TARGET", "ORIGINAL_ORGANIZATION", "RESULTING_ORGANIZATION")
ROLE_EDGES = {"lead": "LEADS", "responsible": "RESPONSIBLE_FOR", "cooperating": "COOPERATES_ON"}
EDGE_ROLES = {v: k for k, v in ROLE_EDGES.items()}

# Property types: STRING, INT, FLOAT, BOOL, and lists of STRING or INT.
_COMMON = {"id": "STRING", "name": "STRING"}
_SPAN = {"document": "STRING", "line_first": "INT", "line_last": "INT"}
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Document": {**_COMMON, "title": "STRING", "plan_title": "STRING", "issuers": "STRING[]", "issued": "STRING",
                 "published": "STRING", "number": "STRING", "source": "STRING", "sha256": "STRING", "year": "INT",
                 "city": "STRING", "jurisdiction": "STRING", "jurisdiction_level": "STRING", "adcode": "STRING",
                 "jurisdiction_basis": "STRING", "jurisdiction_candidates": "STRING[]", "province": "STRING"},
    "KeyWork": {**_COMMON, "ref": "STRING", "title": "STRING", "text": "STRING", **_SPAN},
    "Program": {**_COMMON, "title": "STRING", "key_work": "STRING", "annexes": "INT[]", "annex_titles": "STRING[]",
                "document": "STRING"},
    "Task": {**_COMMON, "task_id": "STRING", "kind": "STRING", "annex": "INT", "row": "INT", "sub": "INT",
             "title": "STRING", "text": "STRING", "zone": "STRING", "deadline": "STRING", "deadline_date": "STRING",
             "amounts": "STRING[]", "amount_total": "FLOAT", "leaders": "STRING[]", **_SPAN, "program": "STRING"},
    "Unit": {**_COMMON, "short_name": "STRING", "aliases": "STRING[]", "kind": "STRING", "city": "STRING",
             "place": "STRING", "jurisdiction": "STRING", "adcode": "STRING", "documents": "STRING[]"},
    "Place": {**_COMMON, "kind": "STRING", "city": "STRING", "qualified": "STRING", "aliases": "STRING[]",
              "adcode": "STRING", "documents": "STRING[]"},
    "Project": {**_COMMON, "base_name": "STRING", "type": "STRING", "phase": "STRING", "city": "STRING",
                "documents": "STRING[]"},
    "Target": {**_COMMON, "text": "STRING", "indicator": "STRING", "relation": "STRING", "value": "STRING", **_SPAN},
    "ChangeEvent": {**_COMMON, "kind": "STRING", "date": "STRING", "cited": "STRING", "jurisdiction": "STRING",
                    "documents": "STRING[]"},
}
EDGE_PROPERTIES: dict[str, str] = {**_SPAN, "printed": "STRING", "inferred": "BOOL", "basis": "STRING",
                                   "role": "STRING", "documents": "STRING[]"}
# List properties merged by union when several documents contribute to a node or an edge.
UNION_PROPERTIES = ("aliases", "documents")


def preferred(old, new):
    """The value a shared node or relationship keeps when documents give two for one property.

    Lists in :data:`UNION_PROPERTIES` are united (and sorted) instead. For any other
    property the value that sorts first is kept: strings shortest first, then by
    code point; other values by their order; an absent value (None) never wins.
    So the result never depends on the order documents are built or loaded, and a
    unit's ``short_name`` is its shortest printed form. Every store merges by this rule.

    >>> preferred("市发展和改革委员会", "市发改委"), preferred("市发改委", "市发展和改革委员会")
    ('市发改委', '市发改委')
    >>> preferred("株洲市", "岳阳市"), preferred(None, "岳阳市"), preferred("岳阳市", None)
    ('岳阳市', '岳阳市', '岳阳市')
    """
    if old is None:
        return new
    if new is None or old == new:
        return old
    return min(old, new, key=_preference)


def _preference(value) -> tuple:
    return (len(value), value) if isinstance(value, str) else (0, value)

EDGE_ENDPOINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "LEADS": (("Unit", "Task"),),
    "RESPONSIBLE_FOR": (("Unit", "Task"),),
    "COOPERATES_ON": (("Unit", "Task"),),
    "PART_OF": (("Task", "Task"), ("Task", "Program"), ("KeyWork", "Program")),
    "IN_DOCUMENT": (("Task", "Document"), ("KeyWork", "Document"), ("Program", "Document"), ("Target", "Document")),
    "MEMBER_OF": (("Unit", "Unit"),),
    "GOVERNS": (("Unit", "Place"),),
    "LOCATED_IN": (("Task", "Place"), ("Program", "Place"), ("Place", "Place")),
    "CONCERNS": (("Task", "Project"),),
    "DEPENDS_ON": (("Task", "Program"),),
    "HAS_TARGET": (("Document", "Target"),),
    "ORIGINAL_ORGANIZATION": (("ChangeEvent", "Unit"),),
    "RESULTING_ORGANIZATION": (("ChangeEvent", "Unit"),),
}

# Why a task depends on a program, strongest first.
DEPENDENCY_BASES = ("part_of", "explicit_reference", "names_program", "names_project", "shares_project")

# Labels whose nodes belong to one document (replaced when it is reloaded);
# Unit, Place and Project nodes are shared by every document that names them: their
# ``documents`` list says which, and so does that of every edge without a ``document``
# (gazetteer facts such as MEMBER_OF). A node or such an edge goes when its list empties.
DOCUMENT_LABELS = ("Document", "KeyWork", "Program", "Task", "Target")
SHARED_LABELS = ("Unit", "Place", "Project", "ChangeEvent")

# The token index of topic search in ladybug (dutygraph.graph.text_index): a Token node per token (its primary
# key the token: a pair of Chinese characters) and a HAS_TOKEN relationship from each node holding it (a leaf
# task, a program, a project: text_index.INDEXED). An index, not part of the graph: only ladybug holds these
# tables (Neo4j has its full-text index, RDF its dg:textToken triples), and counts, exports and the networkx
# graph leave them out. A node's relationships go with it; a Token no node holds any more is deleted.
# Since the append work of issue 18 a node's HAS_TOKEN points at its token's part of one load (a TokenPart: the
# token and a load number), which the token's Token node reaches by HAS_PART: a load adds TokenParts and their
# relationships at new nodes only, instead of lengthening the adjacency lists of every Token, which ladybug rewrites
# at the checkpoint (README, "Where the append's growth comes from"). A token's holders are the union of its parts'.
TOKEN_LABEL = "Token"
TOKEN_EDGE = "HAS_TOKEN"
TOKEN_PART_LABEL = "TokenPart"
TOKEN_PART_EDGE = "HAS_PART"
