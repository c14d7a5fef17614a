"""The first drawing of a page, computed in Python before the page opens: positions, labels, bent edges.

:func:`arrange` lays out each connected component on its own (networkx's spring
layout, or :func:`force_layout` from 500 nodes: ForceAtlas2's forces, vectorised
with numpy, repulsion estimated on a random sample of nodes each step), pushes
apart nodes and the label space under them, moves nodes off edges passing over
them, packs the components apart from each other and chooses which labels are
drawn so that no two overlap. :func:`bend_edges` curves the edges that would
still pass over a node they do not join. The page draws these positions at once
(vis-network's physics is off unless asked for). Deterministic: the same view
gets the same drawing.

>>> pos = force_layout(["a", "b", "c"], [("a", "b"), ("b", "c")], iterations=50)
>>> sorted(pos) == ["a", "b", "c"] and all(len(p) == 2 for p in pos.values())
True
"""

from __future__ import annotations

import re

SPACING = 60.0   # vis units between neighbours


def force_layout(nodes: list[str], edges: list[tuple[str, str]], iterations: int = 150, sample: int = 64,
                 seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions (x, y) in vis units for ``nodes`` joined by ``edges`` (direction ignored).

    ForceAtlas2's forces: repulsion (degree+1)(degree+1)/distance, estimated each step
    from ``sample`` random nodes; linear attraction along edges; gravity toward the
    centre growing with degree. Steps are capped by a temperature that cools.
    Scaled so that the median edge is :data:`SPACING` long.
    """
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in edges
                    if a in index and b in index and a != b})
    src = np.array([p[0] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs], dtype=np.int64)
    rng = np.random.default_rng(seed)
    side = np.sqrt(n)
    pos = rng.uniform(-side, side, size=(n, 2))
    mass = np.bincount(np.concatenate([src, dst]), minlength=n) + 1.0
    s = min(sample, n)
    temperature = side
    cooling = (0.05 / temperature) ** (1.0 / max(iterations, 1))
    for _ in range(iterations):
        idx = rng.choice(n, size=s, replace=False)
        dx = pos[:, 0, None] - pos[None, idx, 0]                # n × s
        dy = pos[:, 1, None] - pos[None, idx, 1]
        w = mass[idx][None, :] / (dx * dx + dy * dy + 1e-2)
        scale = (n / s) * mass
        disp = np.stack([(dx * w).sum(axis=1) * scale, (dy * w).sum(axis=1) * scale], axis=1)
        if len(src):
            delta = pos[src] - pos[dst]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(src, weights=delta[:, axis], minlength=n)
                disp[:, axis] += np.bincount(dst, weights=delta[:, axis], minlength=n)
        r = np.sqrt(np.einsum("ij,ij->i", pos, pos)) + 1e-9
        disp -= mass[:, None] * pos / r[:, None]
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= cooling
    pos -= pos.mean(axis=0)
    if len(src):
        median = float(np.median(np.sqrt(((pos[src] - pos[dst]) ** 2).sum(axis=1))))
        pos *= SPACING / max(median, 1e-9)
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, pos)}


# -- the drawing a page opens with: components apart, no overlaps, labels that fit ---------------------------
FONT = 13              # vis font size of a label, in canvas units (style of page.py)
FOCUS_FONT = 18        # the focus node's label
LABEL_ALL = 80         # up to this many nodes every label is a candidate; above, only the top LABEL_TOP
LABEL_TOP = 40
LABELS_PER_GROUP = 3   # above LABEL_ALL nodes, each connected group of 5 or more also labels its top 3 …
LABELLED_GROUPS = 10   # … for the 10 largest groups
RELAX_NODES = 1000     # above this, no overlap removal (pairwise, O(n²) a step): the force layout alone
DENSE_SPRING_NODES = 1000   # components up to this size: networkx's spring layout (dense numpy); above, force_layout
EDGE_CLEAR_EDGES = 600 # above this many edges in a component, edges are not cleared of nodes (a hairball)
EDGE_ROUNDS = 80
UNTANGLE_ROUNDS = 200  # rounds moving nodes off the edges no bend clears …
UNTANGLE_STALE = 30    # … ending after this many rounds without fewer such edges …
UNTANGLE_EDGES = 600   # … in components of up to this many edges (denser ones keep the edges no bend clears)
PAD = 6.0              # space kept between two boxes
EDGE_MARGIN = 4.0      # space kept between an edge and a node it does not join
GAP = 120.0            # space between two components
ASPECT = 1.6           # width / height a component is stretched to
FILL = 0.5             # the share of a component's area its boxes fill before they are pushed apart


_NARROW = frozenset(" ()[]{}-.,;:/'!|ijlft\"")
_WIDE = frozenset("MWmw@%")


def _em(ch: str) -> float:
    """Width of one character in ems of Noto Sans CJK (measured in Chromium, rounded up)."""
    o = ord(ch)
    if o >= 0x2E80 or 0x2000 <= o <= 0x206F:   # CJK, full-width forms, “”—… punctuation
        return 1.0
    if ch in _WIDE:
        return 0.9
    if ch.isupper():
        return 0.7
    if ch in _NARROW:
        return 0.38
    return 0.58


def text_width(text: str, font: float = FONT) -> float:
    """Width of ``text`` drawn at ``font`` in canvas units (a little more than Chromium draws).

    Measured in headless Chromium with Noto Sans CJK at 13 px: 株洲市人力资源和社会保障局 169,
    A2-4-1 38.6, WMWMWMWMWM 109.9, “清水塘”、《计划》 123.5.

    >>> [round(text_width(t), 1) for t in ("株洲市人力资源和社会保障局", "A2-4-1", "WMWMWMWMWM", "“清水塘”、《计划》")]
    [169.0, 41.6, 117.0, 130.0]
    """
    return float(sum(_em(ch) for ch in text or "") * font)


def label_box(x: float, y: float, size: float, width: float, font: float, vadjust: float = 0.0):
    """The box (left, top, right, bottom) vis-network draws a label in, under a node of ``size`` at (x, y).

    Measured in Chromium: the label's top is ``size + font/2 + 4`` below the node's centre,
    its height ``font``; ``vadjust`` moves it down (negative: up).
    """
    top = y + size + font / 2 + 4 + vadjust
    return (x - width / 2, top, x + width / 2, top + font)


def above(size: float, font: float) -> float:
    """The ``vadjust`` that puts a label just above its node instead of below."""
    return -(2 * size + 1.5 * font + 10)


_JURISDICTION = re.compile(r"^(\w{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗))(?=\w{2})")


def common_prefix(nodes: list[dict], share: float = 0.5) -> str | None:
    """The jurisdiction (株洲市) that at least ``share`` of the unit labels begin with, if one does.

    >>> common_prefix([{"group": "Unit:department", "label": n} for n in ("株洲市财政局", "株洲市市场监督管理局", "醴陵市人民政府")])
    '株洲市'
    >>> common_prefix([{"group": "Unit:department", "label": "教育局"}]) is None
    True
    """
    units = [n.get("label") or "" for n in nodes if str(n.get("group", "")).startswith("Unit:")]
    counts: dict[str, int] = {}
    for name in units:
        m = _JURISDICTION.match(name)
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if not counts:
        return None
    prefix, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return prefix if count >= 2 and count >= share * len(units) else None


def short_label(node: dict, prefix: str | None) -> str:
    """A unit's label without the common jurisdiction ``prefix`` (the full name stays in the tooltip)."""
    label = node.get("label") or ""
    if prefix and str(node.get("group", "")).startswith("Unit:") and label.startswith(prefix) \
            and len(label) - len(prefix) >= 2:
        return label[len(prefix):]
    return label


def _priority(nodes: list[dict]) -> list[int]:
    """Node indices, most important first: the focus, the question, then by size, shorter labels first."""
    def key(i):
        n = nodes[i]
        return (not n.get("focus"), n["group"] != "Question", -float(n.get("size") or 10),
                len(n.get("label") or ""), str(n["id"]))
    return sorted(range(len(nodes)), key=key)


def _component_positions(members: list[int], nbrs: list[tuple[int, int]], seed: int):
    """Positions of one connected component, unit scale (numpy array k × 2)."""
    import numpy as np

    k = len(members)
    if k == 1:
        return np.zeros((1, 2))
    if k == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    local = {m: i for i, m in enumerate(members)}
    pairs = [(local[a], local[b]) for a, b in nbrs]
    if k <= DENSE_SPRING_NODES:
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(range(k))
        g.add_edges_from(pairs)
        if k < 500:
            pos = nx.spring_layout(g, seed=seed, iterations=150)
            return np.array([pos[i] for i in range(k)], dtype=float)
        # networkx's own dense Fruchterman-Reingold (spring_layout takes the scipy one from 500 nodes)
        dense = getattr(nx.drawing.layout, "_fruchterman_reingold", None)
        if dense is not None:
            return np.asarray(dense(nx.to_numpy_array(g, nodelist=range(k)), iterations=100, seed=seed), dtype=float)
    pos = force_layout(list(range(k)), pairs, seed=seed)
    return np.array([pos[i] for i in range(k)], dtype=float)


def _boxes(pos, size, half_width, extra_below):
    """Boxes (centre x, centre y, half width, half height) around nodes and the label space below them."""
    import numpy as np

    hw = np.maximum(size, half_width)
    top = pos[:, 1] - size
    bottom = pos[:, 1] + size + extra_below
    return pos[:, 0], (top + bottom) / 2, hw, (bottom - top) / 2, (top + bottom) / 2 - pos[:, 1]


def _separate(pos, size, half_width, extra_below, steps: int = 300):
    """Push boxes apart until none overlaps (each pair along its axis of least overlap)."""
    import numpy as np

    k = len(pos)
    if k < 2:
        return pos
    order = np.arange(k)
    tie = np.where(order[:, None] < order[None, :], -1.0, 1.0)
    for _ in range(steps):
        cx, cy, hw, hh, _ = _boxes(pos, size, half_width, extra_below)
        dx = cx[:, None] - cx[None, :]
        dy = cy[:, None] - cy[None, :]
        ox = hw[:, None] + hw[None, :] + PAD - np.abs(dx)
        oy = hh[:, None] + hh[None, :] + PAD - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        move = np.zeros_like(pos)
        move[:, 0] = (np.where(along_x, sx * ox, 0.0) * 0.5).sum(axis=1)
        move[:, 1] = (np.where(along_y, sy * oy, 0.0) * 0.5).sum(axis=1)
        # a node pushed from several sides moves by the largest push, not their sum
        count = np.maximum(hit.sum(axis=1), 1)[:, None]
        pos = pos + move / np.sqrt(count) * 1.02
    return pos


def edge_hits(pos, size, src, dst, margin: float = EDGE_MARGIN):
    """(edge index, node index, clearance missing) for every edge passing over a node it does not join."""
    import numpy as np

    if len(src) == 0 or len(pos) < 3:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int), np.zeros(0)
    a, b = pos[src], pos[dst]
    ab = b - a
    length2 = np.maximum((ab * ab).sum(axis=1), 1e-9)
    rel = pos[None, :, :] - a[:, None, :]                     # E × N × 2
    t = np.clip((rel * ab[:, None, :]).sum(axis=2) / length2[:, None], 0.0, 1.0)
    closest = a[:, None, :] + t[:, :, None] * ab[:, None, :]
    dist = np.sqrt(((pos[None, :, :] - closest) ** 2).sum(axis=2))
    need = size[None, :] + margin - dist
    idx = np.arange(len(pos))[None, :]
    need[(idx == src[:, None]) | (idx == dst[:, None])] = 0.0
    e, n = np.nonzero(need > 0)
    return e, n, need[e, n]


def _clear_edges(pos, size, src, dst):
    """Move each node an edge passes over off that edge, sideways, and the edge the other way."""
    e, n, need = edge_hits(pos, size, src, dst)
    if len(e) == 0:
        return pos, 0
    return _push_off(pos, src, dst, e, n, need), len(e)


def _push_off(pos, src, dst, e, n, need, extra: float = 1.0):
    """Push node ``n[i]`` off edge ``e[i]`` (by ``need[i]`` and ``extra`` more), sideways."""
    import numpy as np

    a, b = pos[src[e]], pos[dst[e]]
    ab = b - a
    normal = np.stack([-ab[:, 1], ab[:, 0]], axis=1)
    normal /= np.maximum(np.sqrt((normal ** 2).sum(axis=1)), 1e-9)[:, None]
    side = np.sign(((pos[n] - a) * normal).sum(axis=1))
    side[side == 0] = 1.0
    push = normal * (side * (need + extra))[:, None]
    move = np.zeros_like(pos)
    np.add.at(move, n, push)
    count = np.bincount(n, minlength=len(pos))
    return pos + move / np.sqrt(np.maximum(count, 1))[:, None]


def _untangle(pos, size, half_width, extra_below, src, dst, rounds: int = UNTANGLE_ROUNDS):
    """Move nodes off the edges that no bend clears (:func:`unbendable`), keeping the boxes apart.

    A margin a little wider than :func:`bend_edges` uses, so positions rounded to whole
    units for the page still clear.
    """
    best, best_pos, stale = None, pos, 0
    for _ in range(rounds):
        e, n, need = unbendable(pos, size, src, dst, margin=EDGE_MARGIN)
        stuck = len(set(e.tolist()))
        if best is None or stuck < best:
            best, best_pos, stale = stuck, pos, 0
        else:
            stale += 1
        if stuck == 0 or stale >= UNTANGLE_STALE:   # none left, or a knot no push undoes: keep the best
            break
        # pushed further each round that did not help: the boxes pushed back less than they were moved
        pos = _push_off(pos, src, dst, e, n, need, extra=1.0 + 4.0 * stale)
        pos = _separate(pos, size, half_width, extra_below, steps=40)
    return best_pos


def _pack(blocks: list[tuple[list[int], "object"]], total: int):
    """Place the components' boxes apart: the largest first, the others in columns to its right, GAP apart.

    A column is as tall as the largest component (or the square root of all the boxes'
    area, if taller); returns {node index: (x, y)}.
    """
    import math

    boxes = []
    for members, (left, top, right, bottom, pos) in blocks:
        boxes.append((members, left, top, right - left, bottom - top, pos))
    boxes.sort(key=lambda b: (-(b[3] * b[4]), b[0][0]))
    area = sum((w + GAP) * (h + GAP) for _, _, _, w, h, _ in boxes)
    column_height = max(boxes[0][4], math.sqrt(area))
    out: dict[int, tuple[float, float]] = {}
    x = y = column_width = 0.0
    for n, (members, left, top, w, h, pos) in enumerate(boxes):
        if n == 1 or (n > 1 and y > 0 and y + h > column_height):
            x, y, column_width = x + column_width + GAP, 0.0, 0.0
        for m, (px, py) in zip(members, pos):
            out[m] = (px - left + x, py - top + y)
        y += h + GAP
        column_width = max(column_width, w)
    return out


def arrange(nodes: list[dict], edges: list[dict], seed: int = 7) -> list[dict]:
    """The nodes with the positions and labels of the first drawing (copies; the input is not changed).

    Each connected component is laid out alone (spring layout, or :func:`force_layout`
    from 500 nodes) and the components are packed in rows :data:`GAP` apart, so
    groups that share nothing never look linked. Up to :data:`RELAX_NODES` nodes,
    boxes around each node and the label space under it are pushed apart until none
    overlaps, and a node an edge passes straight over is moved off it. Labels are then
    placed greedily, most important node first, under the node or else above it; a
    label that would cover another label or node is left out (the name is in the
    tooltip); above :data:`RELAX_NODES` nodes a label may cover the small unlabelled
    nodes, never a labelled one. Above :data:`LABEL_ALL` nodes only the :data:`LABEL_TOP` most important
    nodes are labelled, and the top :data:`LABELS_PER_GROUP` of each group. When most units share a jurisdiction (株洲市), their labels are
    drawn without it (:func:`common_prefix`). Adds ``x``, ``y`` and, where needed,
    ``short`` (the label drawn), ``vadjust`` (label above) or ``hideLabel``.

    >>> ns = [{"id": i, "label": i, "group": "Task", "size": 8} for i in "abcd"]
    >>> out = arrange(ns, [{"from": "a", "to": "b"}, {"from": "c", "to": "d"}])
    >>> sorted(n["id"] for n in out if not n.get("hideLabel")), all("x" in n and "y" in n for n in out)
    (['a', 'b', 'c', 'd'], True)
    """
    import numpy as np

    k = len(nodes)
    if k == 0:
        return []
    index = {n["id"]: i for i, n in enumerate(nodes)}
    size = np.array([float(n.get("size") or 10) for n in nodes])
    font = np.array([FOCUS_FONT if n.get("focus") else FONT for n in nodes], dtype=float)
    prefix = common_prefix(nodes)
    shorts = [short_label(n, prefix) for n in nodes]
    width = np.array([text_width(t, f) for t, f in zip(shorts, font)])
    order = _priority(nodes)
    pairs = sorted({(min(index[e["from"]], index[e["to"]]), max(index[e["from"]], index[e["to"]]))
                    for e in edges if e["from"] in index and e["to"] in index and e["from"] != e["to"]})

    # components (union-find)
    parent = list(range(k))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[int, list[int]] = {}
    for i in range(k):
        comps.setdefault(find(i), []).append(i)
    candidates = set(order if k <= LABEL_ALL else order[:LABEL_TOP])
    if k > LABEL_ALL:   # every group of some size gets its own top labels, however small its nodes
        rank = {i: r for r, i in enumerate(order)}
        groups = sorted((m for m in comps.values() if len(m) >= 5), key=len, reverse=True)[:LABELLED_GROUPS]
        for members in groups:
            candidates.update(sorted(members, key=rank.get)[:LABELS_PER_GROUP])
    reserve = np.array([i in candidates for i in range(k)])
    half_width = np.where(reserve, width / 2 + 2, 0.0)
    extra_below = np.where(reserve, font * 1.5 + 6, 0.0)

    relax = k <= RELAX_NODES
    pairs_of: dict[int, list[tuple[int, int]]] = {}
    for a, b in pairs:
        pairs_of.setdefault(find(a), []).append((a, b))
    # the edges as drawn, from -> to: vis-network bends a curve by its direction
    directed_of: dict[int, list[tuple[int, int]]] = {}
    for a, b in sorted({(index[e["from"]], index[e["to"]]) for e in edges
                        if e["from"] in index and e["to"] in index and e["from"] != e["to"]}):
        directed_of.setdefault(find(a), []).append((a, b))
    blocks = []
    for root, members in comps.items():
        comp_pairs = pairs_of.get(root, [])
        local = {g: i for i, g in enumerate(members)}
        pos = _component_positions(members, comp_pairs, seed)
        m = np.array(members)
        s, hw_, eb = size[m], half_width[m], extra_below[m]
        # scale: the boxes fill about a third of the component's area
        span = pos.max(axis=0) - pos.min(axis=0) if len(m) > 1 else np.ones(2)
        area = ((2 * np.maximum(s, hw_) + PAD) * (2 * s + eb + PAD)).sum()
        scale = np.sqrt(area / FILL / max(span[0] * span[1], 1e-6)) if len(m) > 2 else max(area ** 0.5, 1.0)
        if not relax and comp_pairs:
            scale = SPACING / max(float(np.median([np.hypot(*(pos[local[a]] - pos[local[b]]))
                                                    for a, b in comp_pairs[:2000]])), 1e-9)
        pos = pos * scale * np.array([ASPECT ** 0.5, ASPECT ** -0.5])   # wider than tall, as screens are
        if relax and len(m) > 1:
            src = np.array([local[a] for a, _ in comp_pairs], dtype=int)
            dst = np.array([local[b] for _, b in comp_pairs], dtype=int)
            steps = 300 if k <= 400 else 60   # pairwise steps cost O(n²): fewer for big views
            pos = _separate(pos, s, hw_, eb, steps=steps)
            best, stale = None, 0
            for _ in range(EDGE_ROUNDS if len(comp_pairs) <= EDGE_CLEAR_EDGES and k <= 400 else 0):
                pos, hits = _clear_edges(pos, s, src, dst)
                pos = _separate(pos, s, hw_, eb, steps=20)
                if not hits:
                    break
                best, stale = (hits, 0) if best is None or hits < best else (best, stale + 1)
                if stale >= 10:   # no better for ten rounds: what is left is bent around (bend_edges)
                    break
            pos = _separate(pos, s, hw_, eb, steps=1000 if k <= 400 else 60)
            if len(comp_pairs) <= UNTANGLE_EDGES and k <= 400:
                drawn = directed_of.get(root, [])
                pos = _untangle(pos, s, hw_, eb, np.array([local[a] for a, _ in drawn], dtype=int),
                                np.array([local[b] for _, b in drawn], dtype=int))
        cx, cy, hw, hh, _ = _boxes(pos, s, hw_, eb)
        blocks.append((members, (float((cx - hw).min()), float((cy - hh).min()), float((cx + hw).max()),
                                 float((cy + hh).max()), pos)))
    placed = _pack(blocks, k)
    xy = np.array([placed[i] for i in range(k)])
    xy -= (xy.min(axis=0) + xy.max(axis=0)) / 2

    # labels: greedy, most important first, below the node or else above it
    node_boxes = np.stack([xy[:, 0] - size, xy[:, 1] - size, xy[:, 0] + size, xy[:, 1] + size], axis=1)
    taken: list[tuple[float, float, float, float]] = []
    shown: dict[int, float] = {}
    for i in order:
        if i not in candidates or not nodes[i].get("label"):
            continue
        for vadjust in (0.0, above(size[i], font[i])):
            box = label_box(xy[i, 0], xy[i, 1], size[i], width[i], font[i], vadjust)
            grown = (box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2)
            over_nodes = ((node_boxes[:, 0] < grown[2]) & (node_boxes[:, 2] > grown[0])
                          & (node_boxes[:, 1] < grown[3]) & (node_boxes[:, 3] > grown[1]))
            over_nodes[i] = False
            if not relax:   # too many nodes to push apart: a label may cover small unlabelled ones
                over_nodes &= reserve
            if over_nodes.any() or any(t[0] < grown[2] and t[2] > grown[0] and t[1] < grown[3] and t[3] > grown[1]
                                       for t in taken):
                continue
            taken.append(grown)
            shown[i] = vadjust
            break
    out = []
    for i, n in enumerate(nodes):
        node = {**n, "x": int(round(float(xy[i, 0]))), "y": int(round(float(xy[i, 1])))}   # vis keeps integers
        if shorts[i] != (n.get("label") or ""):
            node["short"] = shorts[i]
        if i not in shown:
            node["hideLabel"] = True
        elif shown[i]:
            node["vadjust"] = round(shown[i], 1)
        out.append(node)
    return out


# -- edges bent around the nodes they would cross ----------------------------------------------------------
BENDS = tuple((kind, r) for r in (0.1, 0.2, 0.3, 0.4, 0.55, 0.7, 0.85, 1.0) for kind in ("curvedCW", "curvedCCW"))


def curve_via(fx: float, fy: float, tx: float, ty: float, kind: str, roundness: float) -> tuple[float, float]:
    """The control point vis-network uses for a ``curvedCW`` / ``curvedCCW`` edge (its own formula).

    >>> [round(c, 1) for c in curve_via(0, 0, 100, 0, "curvedCW", 0.2)]
    [57.1, -18.5]
    """
    import math

    o, r = tx - fx, fy - ty
    length = math.hypot(o, r)
    turn = 0.5 * roundness + 0.5 if kind == "curvedCW" else -0.5 * roundness + 0.5
    angle = (math.atan2(r, o) + turn * math.pi) % (2 * math.pi)
    reach = (0.5 * roundness + 0.5) * length
    return fx + reach * math.sin(angle), fy + reach * math.cos(angle)


def curve_points(a, c, b, steps: int = 25):
    """Points of the quadratic Bézier from ``a`` over control ``c`` to ``b`` (ends left out), steps × 2."""
    import numpy as np

    t = np.linspace(0.04, 0.96, steps)[:, None]
    return (1 - t) ** 2 * np.asarray(a) + 2 * t * (1 - t) * np.asarray(c) + t ** 2 * np.asarray(b)


def _clear(points, xy, size, skip, margin: float) -> bool:
    import numpy as np

    d = np.sqrt(((points[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))   # steps × N
    need = d < (size + margin)[None, :]
    if skip:
        need[:, list(skip)] = False
    return not need.any()


def bend_for(xy, size, i: int, j: int, margin: float = 2.0):
    """The first bend of :data:`BENDS` whose curve from node ``i`` to ``j`` clears every other node, or None.

    The curve is sampled every 4 canvas units or so (a node of radius 8 kept 2 units
    clear is then never missed by more than 0.2 units); only the nodes inside the box
    around the curve's three control points are checked.
    """
    import math

    import numpy as np

    a, b = xy[i], xy[j]
    steps = max(25, int(math.hypot(*(b - a)) / 4))
    reach = float(size.max()) + margin
    for kind, roundness in BENDS:
        c = np.asarray(curve_via(a[0], a[1], b[0], b[1], kind, roundness))
        lo = np.minimum(np.minimum(a, b), c) - reach
        hi = np.maximum(np.maximum(a, b), c) + reach
        near = np.nonzero((xy[:, 0] >= lo[0]) & (xy[:, 0] <= hi[0]) & (xy[:, 1] >= lo[1]) & (xy[:, 1] <= hi[1]))[0]
        near = near[(near != i) & (near != j)]
        if len(near) == 0 or _clear(curve_points(a, c, b, steps=steps), xy[near], size[near], (), margin):
            return kind, roundness
    return None


def unbendable(xy, size, src, dst, margin: float = 2.0):
    """Like :func:`edge_hits`, for the edges that no bend of :data:`BENDS` clears of the nodes they pass over."""
    import numpy as np

    e, n, need = edge_hits(xy, size, src, dst, margin)
    stuck = [k for k in sorted(set(e.tolist())) if bend_for(xy, size, src[k], dst[k], margin) is None]
    keep = np.isin(e, stuck)
    return e[keep], n[keep], need[keep]


def bend_edges(nodes: list[dict], edges: list[dict], margin: float = 2.0) -> dict[str, dict]:
    """Edge id -> vis ``smooth`` option for each straight edge that would pass over a node it does not join.

    ``nodes`` carry positions (:func:`arrange`). The first bend of :data:`BENDS` whose
    curve clears every other node is taken (:func:`bend_for`); an edge no bend clears
    stays straight (:func:`arrange` moves nodes until there is none, up to
    :data:`RELAX_NODES` nodes and :data:`EDGE_CLEAR_EDGES` edges).
    """
    import numpy as np

    if len(nodes) < 3 or not edges or len(edges) > EDGE_CLEAR_EDGES:
        return {}   # a hairball: curves would add clutter, not clarity
    index = {n["id"]: i for i, n in enumerate(nodes)}
    xy = np.array([(n["x"], n["y"]) for n in nodes], dtype=float)
    size = np.array([float(n.get("size") or 10) for n in nodes])
    keep = [e for e in edges if e["from"] in index and e["to"] in index and e["from"] != e["to"]]
    src = np.array([index[e["from"]] for e in keep], dtype=int)
    dst = np.array([index[e["to"]] for e in keep], dtype=int)
    hit_edges = sorted(set(edge_hits(xy, size, src, dst, margin)[0].tolist()))
    out = {}
    for k in hit_edges:
        bend = bend_for(xy, size, src[k], dst[k], margin)
        if bend is not None:
            out[keep[k]["id"]] = {"enabled": True, "type": bend[0], "roundness": bend[1]}
    return out
