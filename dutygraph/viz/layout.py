"""Starting positions for large views, computed in Python before the page opens.

vis-network's Barnes-Hut layout costs about 14 µs per node per iteration in a
browser: a few thousand nodes from random positions get too few iterations in
a few seconds and stay a ring. Above :data:`PRELAYOUT_NODES` nodes the page
receives positions from :func:`force_layout` (ForceAtlas2's forces, vectorised
with numpy; repulsion estimated on a random sample of nodes each step) and vis
only polishes them briefly. Deterministic: the same view gets the same layout.

>>> pos = force_layout(["a", "b", "c"], [("a", "b"), ("b", "c")], iterations=50)
>>> sorted(pos) == ["a", "b", "c"] and all(len(p) == 2 for p in pos.values())
True
"""

from __future__ import annotations

PRELAYOUT_NODES = 800
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
