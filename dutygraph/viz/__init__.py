"""Interactive network pages: offline, self-contained, safe with any text a document holds.

Views (:mod:`.views`) turn a graph or question rows into a :class:`~.model.View`;
:func:`write_html` writes it as one UTF-8 HTML file with vis-network inlined
(:mod:`.page`). :func:`render` is what ``dutygraph viz`` calls.

>>> from dutygraph.model import Document, Task, Provenance, Assignment, Role
>>> from dutygraph.graph.build import build
>>> import tempfile, pathlib
>>> p = Provenance("a.txt", 5, 5)
>>> g = build([Document("a.txt", "湘潭市某计划", issuers=["湘潭市人民政府"], tasks=[Task("A1-1",
...            "做事。</script><b>", p, annex=1, row=1, assignments=[Assignment("市财政局", Role.LEAD, p)])])])
>>> path, view = render(g, "all", pathlib.Path(tempfile.mkdtemp()) / "all.html")
>>> page = path.read_bytes().decode("utf-8")
>>> view.node_count == g.number_of_nodes(), "做事。</script><b>" in page, r"做事。\\u003c/script\\u003e\\u003cb\\u003e" in page
(True, False, True)
"""

from __future__ import annotations

from pathlib import Path

from .model import View
from .page import to_html, write_html
from .source import NO_LIMIT, graph_from_backend, graph_of
from .views import all_view, depends_view, partners_view, unit_view

VIEWS = ("all", "unit", "depends", "partners")

__all__ = ["View", "all_view", "unit_view", "depends_view", "partners_view", "write_html", "to_html",
           "graph_from_backend", "graph_of", "render", "make_view", "VIEWS"]


def make_view(source, view: str, *, name: str | None = None, depth: int = 1, document: str | None = None,
              min_shared: int = 1, full: bool = False) -> View:
    """The view ``view`` of ``source`` (a networkx graph, or any backend of dutygraph.queries.backends).

    - ``all``: every node (``document``: one document's id, optional); folded above
      :data:`~.fold.FOLD_NODES` nodes unless ``full`` (:func:`~.fold.fold_view`);
    - ``unit``: the neighbourhood of the unit called ``name`` (aliases, short names work), ``depth`` hops;
    - ``depends``: everything depending on what ``name`` names (program, project, place or task);
    - ``partners``: the co-responsibility network (``name``: one unit's partners only).

    Names are resolved with :mod:`dutygraph.queries.ask` (an unknown name raises QueryError with
    the closest known names).
    """
    from ..errors import QueryError
    from ..queries import ask
    from ..queries.backends import NetworkxBackend

    graph = source if hasattr(source, "nodes") and hasattr(source, "edges") else None
    backend = NetworkxBackend(graph) if graph is not None else source
    if graph is None and isinstance(backend, NetworkxBackend):
        graph = backend.graph
    if view == "all":
        return all_view(graph if graph is not None else graph_from_backend(backend), document=document, full=full)
    if view == "unit":
        if not name:
            raise QueryError("the unit view needs a unit name")
        unit = ask.resolve(backend, name, ("Unit",), "unit")[0]
        return unit_view(graph if graph is not None else graph_from_backend(backend), unit.id, depth)
    if view == "depends":
        if not name:
            raise QueryError("the depends view needs a name (program, project, place or task)")
        rows = ask.depends(backend, name)
        if graph is not None:
            return depends_view(graph, rows, question=name)
        return depends_view(None, rows, question=name, units=ask.top_units(backend, limit=NO_LIMIT),
                            names=backend.ask("names"))
    if view == "partners":
        rows = ask.partners(backend, name)
        units = graph if graph is not None else ask.top_units(backend, limit=NO_LIMIT)
        return partners_view(rows, units=units, min_shared=min_shared)
    raise QueryError(f"unknown view {view!r}: use {', '.join(VIEWS)}")


def render(source, view: str, out, **options) -> tuple[Path, View]:
    """Make the view (see :func:`make_view`) and write it to ``out`` (an .html path); returns (path, view)."""
    v = make_view(source, view, **options)
    return write_html(v, out), v
