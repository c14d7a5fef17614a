"""The answers shown in README.md, produced by the tool itself.

README.md holds blocks like::

    <!-- answer -->
    ```text
    $ dutygraph units --role lead --limit 3
    ...the command's output...
    ```

Each command runs on an embedded store loaded with the shipped example (the
store option is added), with a fixed terminal width. ``tests/test_readme.py``
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
BLOCK = re.compile(r"(<!-- answer -->\n```text\n\$ (?P<command>[^\n]+)\n)(?P<output>.*?)(?=```)", re.S)


def blocks(text: str) -> list[tuple[str, str]]:
    """(command, shown output) of every answer block."""
    return [(m.group("command"), m.group("output")) for m in BLOCK.finditer(text)]


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


def loaded_store(folder: Path) -> Path:
    """An embedded store in ``folder`` holding the shipped example."""
    store = folder / "store"
    run(f"dutygraph load {SEED}", store)
    return store


def regenerate(text: str, store: Path) -> str:
    """README text with every answer block's output replaced by the tool's."""
    return BLOCK.sub(lambda m: m.group(1) + run(m.group("command"), store), text)


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
