"""How the schema maps onto RDF: namespaces, classes, predicates (see data/ontology.ttl).

Reused vocabularies: W3C ORG for units, PROV-O for tasks, roles and provenance,
Dublin Core terms for titles, dates and identifiers, SKOS for alternative names.
The ``dg:`` vocabulary covers the rest. Every name here is declared in
``dutygraph/data/ontology.ttl`` (a test keeps the two in step).

>>> iri("unit/株洲市财政局")
'https://w3id.org/dutygraph/id/unit/%E6%A0%AA%E6%B4%B2%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80'
>>> id_of(iri("doc/a/task/A1-1"))
'doc/a/task/A1-1'
>>> CLASSES["Unit"], EDGES["MEMBER_OF"]
('http://www.w3.org/ns/org#Organization', ('statement', 'http://www.w3.org/ns/org#memberOf'))
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, unquote

DG = "https://w3id.org/dutygraph/ontology#"
ID = "https://w3id.org/dutygraph/id/"
GRAPH = "https://w3id.org/dutygraph/graph/"        # one named graph per document
SHARED_GRAPH = GRAPH + "shared"                    # units, places, projects and gazetteer facts, described once
STAGING = "https://w3id.org/dutygraph/staging/"    # a document's next graph, before it is switched in
STAGING_SHARED = STAGING + "shared"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"

PREFIXES = {"dg": DG, "id": ID, "org": ORG, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS, "rdf": RDF,
            "rdfs": RDFS, "xsd": XSD}
RDF_TYPE = RDF + "type"
_SAFE = "/-._~"


class IRI(str):
    """A value to bind as an IRI, not as a string literal (query bindings).

    Plain strings are always bound as literals, whatever they hold, so text from
    a user or a document can never become an IRI or query syntax.

    >>> IRI(iri("unit/株洲市环境保护局")).sparql()
    '<https://w3id.org/dutygraph/id/unit/%E6%A0%AA%E6%B4%B2%E5%B8%82%E7%8E%AF%E5%A2%83%E4%BF%9D%E6%8A%A4%E5%B1%80>'
    >>> IRI("http://x/a> } ; DROP ALL #").sparql()
    Traceback (most recent call last):
    ...
    ValueError: not an IRI: 'http://x/a> } ; DROP ALL #'
    """

    __slots__ = ()
    _FORBIDDEN = frozenset('<>"{}|^`\\ \t\r\n')

    def sparql(self) -> str:
        """The IRI as a SPARQL ``<…>`` term; ValueError when it holds characters an IRIREF may not."""
        if ":" not in self or any(c in self._FORBIDDEN or ord(c) < 0x20 for c in self):
            raise ValueError(f"not an IRI: {str(self)!r}")
        return f"<{self}>"


def iri(node_id: str) -> str:
    """The stable IRI of a graph id: the id percent-encoded (``/`` kept) under :data:`ID`."""
    return ID + quote(node_id, safe=_SAFE)


def id_of(node_iri: str) -> str:
    """The graph id of an IRI made by :func:`iri`."""
    return unquote(node_iri[len(ID):])


def compact(value):
    """An IRI of a known namespace as a short name (``dg:Unit``, ``id:doc/x/task/A1-2``, ids decoded), anything
    else as it is: how a table shows SPARQL results.

    >>> compact(DG + "Unit"), compact(iri("unit/株洲市发展和改革委员会")), compact("市发改委"), compact(3)
    ('dg:Unit', 'id:unit/株洲市发展和改革委员会', '市发改委', 3)
    """
    if not isinstance(value, str) or "://" not in value:
        return value
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{unquote(value[len(namespace):])}"
    return value


def graph_iri(document_id: str) -> str:
    """The named graph holding everything document ``document_id`` contributes."""
    return GRAPH + quote(document_id, safe=_SAFE)


def staging_iri(document_id: str) -> str:
    """Where a document's new graph is written before one update switches it in."""
    return STAGING + quote(document_id, safe=_SAFE)


@lru_cache(maxsize=1 << 15)
def _quoted(node_id: str) -> str:
    """``node_id`` percent-encoded, ``/`` too (remembered: a node ends many relationships)."""
    return quote(node_id, safe="")


def edge_iri(type_: str, source: str, target: str) -> str:
    """The qualification node of one relationship (a networkx edge is keyed by its type)."""
    return f"{ID}rel/{type_}/{_quoted(source)}/{_quoted(target)}"


# The class of each label: nodes are typed with it alone (a task is a prov:Activity, a document a prov:Entity, …
# by the subclass axioms of data/ontology.ttl: not written).
CLASSES: dict[str, str] = {
    "Document": DG + "Document",
    "KeyWork": DG + "KeyWork",
    "Program": DG + "Program",
    "Task": DG + "Task",
    "Unit": ORG + "Organization",
    "Place": DG + "Place",
    "Project": DG + "Project",
    "Target": DG + "Target",
    "ChangeEvent": ORG + "ChangeEvent",
}
EXTRA_CLASSES: dict[str, tuple[str, ...]] = {}
COLLECTIVE = DG + "Collective"   # units of kind collective are typed with it as well

# Node property -> (predicate, value kind). Kinds: string, int, double, bool, date, document (an IRI).
# List properties give one triple per element; absent properties give none.
PROPERTIES: dict[str, tuple[str, str]] = {
    "id": (DCTERMS + "identifier", "string"),
    "name": (RDFS + "label", "string"),
    "title": (DCTERMS + "title", "string"),
    "plan_title": (DG + "planTitle", "string"),
    "issuers": (DG + "issuer", "string"),
    "issued": (DCTERMS + "issued", "date"),
    "published": (DCTERMS + "available", "date"),
    "number": (DG + "documentNumber", "string"),
    "source": (DG + "sourceFile", "string"),
    "sha256": (DG + "sha256", "string"),
    "year": (DG + "year", "int"),
    "city": (DG + "city", "string"),
    "jurisdiction": (DG + "jurisdiction", "string"),
    "jurisdiction_level": (DG + "jurisdictionLevel", "string"),
    "jurisdiction_basis": (DG + "jurisdictionBasis", "string"),
    "jurisdiction_candidates": (DG + "jurisdictionCandidate", "string"),
    "adcode": (DG + "adcode", "string"),
    "province": (DG + "province", "string"),
    "date": (DCTERMS + "date", "string"),
    "cited": (DCTERMS + "source", "string"),
    "ref": (DG + "ref", "string"),
    "text": (DCTERMS + "description", "string"),
    "document": (PROV + "wasDerivedFrom", "document"),
    "documents": (DCTERMS + "isReferencedBy", "document"),
    "line_first": (DG + "lineFirst", "int"),
    "line_last": (DG + "lineLast", "int"),
    "key_work": (DG + "keyWorkRef", "string"),
    "annexes": (DG + "annex", "int"),
    "annex_titles": (DG + "annexTitle", "string"),
    "task_id": (DG + "taskId", "string"),
    "kind": (DG + "kind", "string"),
    "annex": (DG + "annex", "int"),
    "row": (DG + "row", "int"),
    "sub": (DG + "sub", "int"),
    "zone": (DG + "zone", "string"),
    "deadline": (DG + "deadline", "string"),
    "deadline_date": (DG + "deadlineDate", "date"),
    "amounts": (DG + "amount", "string"),
    "amount_total": (DG + "amountTotal", "double"),
    "leaders": (DG + "leader", "string"),
    "short_name": (DG + "shortName", "string"),
    "aliases": (SKOS + "altLabel", "string"),
    "place": (DG + "placeName", "string"),
    "qualified": (DG + "qualifiedName", "string"),
    "base_name": (DG + "baseName", "string"),
    "type": (DG + "projectType", "string"),
    "phase": (DG + "phase", "string"),
    "indicator": (DG + "indicator", "string"),
    "relation": (DG + "relation", "string"),
    "value": (DG + "value", "string"),
    # relationship properties, on the qualification node
    "printed": (DG + "printed", "string"),
    "inferred": (DG + "inferred", "bool"),
    "basis": (DG + "basis", "string"),
}

# Relationship type -> (form, predicate). Forms:
#   association  task prov:qualifiedAssociation [prov:agent unit; prov:hadRole role]
#                (+ task prov:wasAssociatedWith unit); the node is a prov:Association by the range of
#                prov:qualifiedAssociation (not written)
#   dependency   task dg:qualifiedDependency [dg:program program], a dg:Dependency by the range of
#                dg:qualifiedDependency (not written); task dg:dependsOn program follows by the ontology's chain
#                axiom (not written)
#   statement    source predicate target, reified as an rdf:Statement carrying the relationship's properties
#                (UNQUALIFIED types: the direct triple alone)
EDGES: dict[str, tuple[str, str]] = {
    "LEADS": ("association", PROV + "wasAssociatedWith"),
    "RESPONSIBLE_FOR": ("association", PROV + "wasAssociatedWith"),
    "COOPERATES_ON": ("association", PROV + "wasAssociatedWith"),
    "DEPENDS_ON": ("dependency", DG + "dependsOn"),
    "PART_OF": ("statement", DCTERMS + "isPartOf"),
    "IN_DOCUMENT": ("statement", PROV + "wasDerivedFrom"),   # the node's own triple (its `document`)
    "MEMBER_OF": ("statement", ORG + "memberOf"),
    "GOVERNS": ("statement", DG + "governs"),
    "LOCATED_IN": ("statement", DG + "locatedIn"),
    "CONCERNS": ("statement", DG + "concerns"),
    "HAS_TARGET": ("statement", DG + "hasTarget"),
    "ORIGINAL_ORGANIZATION": ("statement", ORG + "originalOrganization"),
    "RESULTING_ORGANIZATION": ("statement", ORG + "resultingOrganization"),
}
# Relationship types given by their direct triple alone: a qualification node would say nothing their ends do not.
#   IN_DOCUMENT  its one property, `document`, is its target: the relationship is the node's own
#                `prov:wasDerivedFrom` triple (its property `document`), written once, with the node.
#   PART_OF      `document`, `line_first` and `line_last` are the part's own (a task's, a key work's); `basis` is
#                `row` when the whole is a task and `annex` when it is a program (a key work's has none), and a
#                key work's `printed` is its title.
UNQUALIFIED = frozenset(("IN_DOCUMENT", "PART_OF"))
# Relationship properties a qualification node leaves out because its ends give them (docs/schema.md, "RDF"):
#   document     every relationship a document owns has an end of that document (a task, key work, program or
#                target: its `prov:wasDerivedFrom`; or the document itself, HAS_TARGET's source);
#   line_first, line_last of DEPENDS_ON and CONCERNS: always their task's lines.
# `inferred` is written only when true: a fact without it was printed.
IMPLIED: dict[str, frozenset[str]] = {t: frozenset(("document",) + (("line_first", "line_last")
                                                                  if t in ("DEPENDS_ON", "CONCERNS") else ()))
                                      for t in EDGES}
# The basis a qualification node leaves out, by relationship type: an assignment's basis is `printed` unless the
# reader derived it otherwise (a "下同" note spreading a unit over later items, …): every one of the 38,437
# assignments of 200 generated plans. A query reads a missing one as this (sparql/task.rq).
DEFAULT_BASIS: dict[str, str] = {"LEADS": "printed", "RESPONSIBLE_FOR": "printed", "COOPERATES_ON": "printed"}
ROLES = {"LEADS": DG + "Lead", "RESPONSIBLE_FOR": DG + "Responsible", "COOPERATES_ON": DG + "Cooperating"}
ASSOCIATION = PROV + "Association"
QUALIFIED_ASSOCIATION = PROV + "qualifiedAssociation"
AGENT = PROV + "agent"
HAD_ROLE = PROV + "hadRole"
DEPENDENCY = DG + "Dependency"
QUALIFIED_DEPENDENCY = DG + "qualifiedDependency"
DEPENDENCY_PROGRAM = DG + "program"
TEXT_TOKEN = DG + "textToken"      # the token index of topic search (dutygraph.graph.text_index)
# The version of the RDF shape (which triples stand for what): a store written under another one must be rebuilt.
# 2: no qualification node for IN_DOCUMENT and PART_OF, none of the properties their ends give (IMPLIED), no
#    rdf:type on qualification nodes of associations and dependencies nor prov:Activity on tasks, IN_DOCUMENT
#    as prov:wasDerivedFrom (no dg:inDocument), no dg:dependsOn (the chain axiom).
# 3: the embedded store's SPARQL half holds no token index (dg:textToken): ladybug's, beside it, gives its topic
#    search the candidate nodes (sparql/tasks-indexed.embedded.rq); exports and SPARQL servers keep the tokens.
#    An assignment's dg:basis is written only when it is not "printed" (DEFAULT_BASIS).
# 4: the embedded store's SPARQL half keeps every triple in its default graph, no named graph (a bulk load writes
#    three indexes of a triple instead of six of a quad: about 40 % less CPU); a reload deletes a document's
#    triples by their subjects (rdf.delete_documents). Exports and SPARQL servers keep a named graph per document.
RDF_SHAPE = 4
STATEMENT = RDF + "Statement"
