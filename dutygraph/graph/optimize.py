"""``dutygraph optimize``: the embedded store's SPARQL half compacted, in a generation of its own.

pyoxigraph's bulk loads leave RocksDB's files as the loads wrote them: every append
ingests sorted files that overlap the store's key ranges, and a query reads more
of them than a compacted store holds. ``Store.optimize()`` (RocksDB's full
compaction) merges them: on a store of 2,700 plans and 300 appended the SPARQL
core of ``unit`` fell from 750–821 ms to 126 ms (README, "Optimizing a store"). It costs CPU in proportion
to the store, so it is a command of its own, run after a big load or a series of
appends, never part of a load.

The store's guarantees hold as for a load (docs/store.md): the current generation
is never written. The compaction runs in a new generation (pyoxigraph's SST files
hard-linked, as a load links them; ladybug's file hard-linked too, since nothing
writes it), which is checked, synced and committed by the rename of
``store.json``; a failed or killed run leaves the store as it was, and readers
keep the generation they opened.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path
from typing import Callable


def _sst(folder: Path) -> tuple[int, int]:
    """Number and bytes of the SST files in a pyoxigraph folder."""
    files = [f for f in folder.iterdir() if f.suffix == ".sst"]
    return len(files), sum(f.stat().st_size for f in files)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def optimize(path: str | Path, on_phase: Callable[[str], None] | None = None) -> dict:
    """Compact the SPARQL half (pyoxigraph) of the embedded store at ``path`` in a new generation and commit it.

    Returns the new generation's number, the SST files and bytes before and after, and the compaction's
    wall and CPU seconds (this process). Raises :class:`~dutygraph.errors.StoreError` (one line) where there is
    no store, on a read-only file system, while another process loads, or when the compaction fails; the store
    is then as it was.
    """
    from .embedded import EmbeddedStore
    from .oxigraph_store import OxigraphStore

    def compact(generation: Path) -> dict:
        folder = generation / "oxigraph"
        files, size = _sst(folder)
        start, cpu = time.perf_counter(), _cpu()
        store = OxigraphStore(folder)
        try:
            store.optimize()
            store.flush()
        finally:
            store.close()  # before the files are checked and synced
        files_after, size_after = _sst(folder)
        return {"sst_files_before": files, "sst_bytes_before": size, "sst_files_after": files_after,
                "sst_bytes_after": size_after, "seconds": round(time.perf_counter() - start, 3),
                "cpu_seconds": round(_cpu() - cpu, 3)}

    return EmbeddedStore(path, on_phase=on_phase).rewrite(compact, phase="optimize", link_ladybug=True)
