"""The answers shown in README.md, produced by the tool itself.

README.md holds blocks like::

    <!-- answer -->
    ```text
    $ dutygraph units --role lead --limit 3
    ...the command's output...
    ```

Each command runs on an embedded store loaded with the shipped example (the
store option is added), with a fixed terminal width. A block may load other plans
instead and expect another exit status::

    <!-- answer with="tests/fixtures/identity/a.txt tests/fixtures/identity/b.txt" status=5 -->
 ``tests/test_readme.py``
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
BLOCK = re.compile(r"(<!-- answer(?P<options>[^>]*?)\s*-->\n```text\n\$ (?P<command>[^\n]+)\n)(?P<output>.*?)(?=```)",
                   re.S)
_OPTION = re.compile(r'(\w+)=(?:"([^"]*)"|(\S+))')


def options(text: str) -> dict[str, str]:
    """The options of a block's marker (with, status)."""
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _OPTION.finditer(text or "")}


def blocks(text: str) -> list[tuple[str, str]]:
    """(command, shown output) of every answer block."""
    return [(m.group("command"), m.group("output")) for m in BLOCK.finditer(text)]


def blocks_with_options(text: str) -> list[tuple[str, str, dict]]:
    """(command, shown output, options) of every answer block."""
    return [(m.group("command"), m.group("output"), options(m.group("options"))) for m in BLOCK.finditer(text)]


class Stores:
    """Embedded stores by what they hold: the shipped example, or the plans a block names (made once each)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._stores: dict[str, Path] = {}

    def get(self, with_: str = "") -> Path:
        if with_ not in self._stores:
            if not with_:
                self._stores[with_] = loaded_store(self.folder)
            else:
                store = self.folder / f"store-{len(self._stores)}"
                run("dutygraph load " + " ".join(str(ROOT / f) for f in with_.split()), store)
                self._stores[with_] = store
        return self._stores[with_]


def run(command: str, store: Path, status: int = 0) -> str:
    """What ``command`` (a ``dutygraph …`` line) prints on stdout against ``store``."""
    from typer.testing import CliRunner

    from dutygraph.cli import app

    args = shlex.split(command)
    assert args[0] == "dutygraph", command
    args = [str(SEED) if a == "examples/zhuzhou-2018-liangxing-plan.txt" else a for a in args[1:]]
    result = CliRunner().invoke(app, [*args, "--store", str(store)], env={"COLUMNS": WIDTH, "NO_COLOR": "1"})
    if result.exit_code != status:
        raise RuntimeError(f"{command}: exit {result.exit_code}: {result.stderr}")
    return result.stdout


def loaded_store(folder: Path, plans: tuple[str, ...] = ()) -> Path:
    """An embedded store in ``folder`` holding the shipped example (and ``plans``, paths from the repository root)."""
    store = folder / "store"
    run(f"dutygraph load {SEED} {' '.join(str(ROOT / p) for p in plans)}", store)
    return store


def answer(command: str, opts: dict, stores: Stores) -> str:
    """What a block's command prints, on the store its options name."""
    return run(command, stores.get(opts.get("with", "")), int(opts.get("status", 0)))


def regenerate(text: str, stores: Stores) -> str:
    """README text with every answer block's output replaced by the tool's."""
    return BLOCK.sub(lambda m: m.group(1) + answer(m.group("command"), options(m.group("options")), stores), text)


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        text = README.read_text("utf-8")
        new = regenerate(text, Stores(Path(tmp)))
    README.write_text(new, "utf-8")
    print(f"{README}: {len(blocks(new))} answers regenerated{'' if new != text else ' (no change)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
