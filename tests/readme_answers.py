"""The answers shown in README.md, produced by the tool itself.

README.md holds blocks like::

    <!-- answer -->
    ```text
    $ dutygraph units --role lead --limit 3
    ...the command's output...
    ```

Each command runs on an embedded store loaded with the shipped example (the
store option is added), with a fixed terminal width. A block marked
``<!-- answer: with tests/fixtures/series/ -->`` runs on a store holding the
shipped example and the plans named after ``with`` (folders or files). ``tests/test_readme.py``
checks that every block shows what the tool prints today; after a change that
alters an answer, regenerate them with::

    .venv/bin/python -m tests.readme_answers --update
"""

from __future__ import annotations

import re
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"
WIDTH = "110"
BLOCK = re.compile(r"(<!-- answer(?:: with (?P<plans>[^>]*?))? -->\n```text\n\$ (?P<command>[^\n]+)\n)"
                   r"(?P<output>.*?)(?=```)", re.S)


def blocks(text: str) -> list[tuple[str, str]]:
    """(command, shown output) of every answer block."""
    return [(m.group("command"), m.group("output")) for m in BLOCK.finditer(text)]


def plans_of(text: str) -> dict[str, tuple[str, ...]]:
    """command -> the plans its store holds besides the shipped example (blocks marked ``with …``)."""
    return {m.group("command"): tuple(m.group("plans").split()) for m in BLOCK.finditer(text) if m.group("plans")}


def run(command: str, store: Path) -> str:
    """What ``command`` (a ``dutygraph …`` line) prints on stdout against ``store``."""
    from typer.testing import CliRunner

    from dutygraph.cli import app

    args = shlex.split(command)
    assert args[0] == "dutygraph", command
    args = [str(SEED) if a == "examples/zhuzhou-2018-liangxing-plan.txt" else a for a in args[1:]]
    result = CliRunner().invoke(app, [*args, "--store", str(store)], env={"COLUMNS": WIDTH, "NO_COLOR": "1"})
    if result.exit_code != 0:
        raise RuntimeError(f"{command}: exit {result.exit_code}: {result.stderr}")
    return result.stdout


def loaded_store(folder: Path, plans: tuple[str, ...] = ()) -> Path:
    """An embedded store in ``folder`` holding the shipped example (and ``plans``, paths from the repository root)."""
    store = folder / "store"
    run(f"dutygraph load {SEED} {' '.join(str(ROOT / p) for p in plans)}", store)
    return store


def regenerate(text: str, store: Path) -> str:
    """README text with every answer block's output replaced by the tool's."""
    stores = {(): store}

    def answer(m) -> str:
        plans = tuple((m.group("plans") or "").split())
        if plans not in stores:
            stores[plans] = loaded_store(Path(tempfile.mkdtemp(dir=store.parent)), plans)
        return m.group(1) + run(m.group("command"), stores[plans])

    return BLOCK.sub(answer, text)


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        text = README.read_text("utf-8")
        new = regenerate(text, loaded_store(Path(tmp)))
    README.write_text(new, "utf-8")
    print(f"{README}: {len(blocks(new))} answers regenerated{'' if new != text else ' (no change)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
