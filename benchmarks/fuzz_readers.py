#!/usr/bin/env python3
"""A seeded mutation fuzzer over the readers (text, HTML, CSV, DOCX) and the graph build.

Each case takes a real plan (``examples/``, ``tests/fixtures/`` and ``tests/fixtures/dev/``; the
HTML, CSV and DOCX seeds are those plans written in these formats, their task tables made from
the gold annotations), applies one to four mutations (long runs of one character or of a
duplicated span, markers, brackets, punctuation, NUL and BOM, deleted, swapped and spliced spans,
other encodings, broken XML inside the DOCX), writes the file, reads it with
:func:`dutygraph.loaders.load` and builds its graph. A case ends in one of:

* ``read``: a document and its graph;
* ``refused``: an :class:`~dutygraph.errors.InputError` (one clear line);
* ``crash``: any other exception (a traceback for the user: a bug);
* ``timeout``: over ``--case-seconds`` (a bug: work that is not bounded).

The same ``--seed`` always gives the same cases. ``tests/loaders/test_fuzz.py`` runs a few
thousand in ``make test``; a longer run prints the counts per reader as a table::

    python benchmarks/fuzz_readers.py --seconds 300 [--seed 0] [--cases N]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("txt", "html", "csv", "docx")
WEIGHTS = (4, 2, 2, 2)

# What mutations insert: the characters and words the readers look for, and those that broke them before.
TOKENS = ["1.", "2、", "(一)", "（二）", "一、", "十", "第", "9", "０", "2018年", "6月底前", "年底前", "牵头", "负责",
          "配合", "责任单位", "牵头单位", "序号", "重点任务", "附件", "附件1", "市住建局", "市财政局", "各区政府",
          "《", "》", "(", ")", "（", "）", "【", "】", "〔", "〕", "[", "]", "、", "，", "。", "；", ";", "：", ",", "\n",
          "\n\n", "\r\n", "\t", " ", "\u3000", "\u00a0", "\ufeff", "<", ">", "&", "&amp;", '"', "'", "|",
          "<p>", "</p>", "<td>", "</tr>", "<table>", "<br>", "万元", "亿元", "一期", "二期", "号", "路", "项目", "工程",
          "等", "及", "和", "…", "—", "%", ".", "\\", "𠀀", "\u200b", "\ud7ff"]
RUN_CHARS = "9０一十百万(（《[【、，。 \u3000\n\t.,;%—-号期年月日市局区1"


# -- seeds ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Seed:
    name: str
    text: str                       # the plan as text: every format is made from it
    rows: tuple[tuple[str, ...], ...]  # its tasks as table rows (序号, 重点任务, 牵头单位, 责任单位, 配合单位)


HEADER = ("序号", "重点任务", "牵头单位", "责任单位", "配合单位")


def _rows_of_gold(gold: Path) -> tuple[tuple[str, ...], ...]:
    if not gold.exists():
        return ()
    rows = []
    data = json.loads(gold.read_text("utf-8"))
    tasks = [t for d in data.get("documents", [data]) for t in d.get("tasks", [])]
    for k, t in enumerate(tasks, start=1):
        rows.append((str(k), t.get("text", ""), "、".join(t.get("lead", [])), "、".join(t.get("responsible", [])),
                     "、".join(t.get("cooperating", []))))
    return tuple(rows)


@lru_cache(maxsize=1)
def seeds() -> tuple[Seed, ...]:
    """The real plans, each with its gold tasks as rows (when it has a gold annotation)."""
    paths = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "fixtures" / "dev").glob("*.txt"))
    out = []
    for p in paths:
        gold = p.with_name(p.name[:-4] + ".gold.json")
        out.append(Seed(p.name, p.read_text("utf-8"), _rows_of_gold(gold)))
    return tuple(out)


def _window(rng: random.Random, text: str, limit: int = 4000) -> str:
    """A run of whole lines of at most about ``limit`` characters (the seed plan is 25 kB: cases stay fast)."""
    if len(text) <= limit:
        return text
    lines = text.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    out, size = [], 0
    for line in lines[start:]:
        if size + len(line) > limit and out:
            break
        out.append(line)
        size += len(line)
    return "".join(out)


# -- mutations --------------------------------------------------------------------------------------
def _span(rng: random.Random, text: str, longest: int = 60) -> tuple[int, int]:
    if not text:
        return 0, 0
    a = rng.randrange(len(text))
    return a, min(len(text), a + rng.randint(1, longest))


def _count(rng: random.Random) -> int:
    """Mostly small, sometimes long (up to 20,000): long runs are where super-linear work shows."""
    return int(rng.choice((2, 5, 20, 100, 1000, 5000, 20000)) * rng.random()) + 1


def mutate(rng: random.Random, text: str, others: tuple[Seed, ...]) -> tuple[str, list[str]]:
    """One to four mutations of ``text``; the text and the names of the mutations."""
    names = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(("run", "dup", "insert", "insert", "delete", "swap", "splice", "truncate", "replace", "nul"))
        names.append(op)
        pos = rng.randint(0, len(text))
        if op == "run":
            text = text[:pos] + rng.choice(RUN_CHARS) * _count(rng) + text[pos:]
        elif op == "dup":
            a, b = _span(rng, text)
            text = text[:b] + text[a:b] * min(_count(rng), 20000 // max(1, b - a)) + text[b:]
        elif op == "insert":
            text = text[:pos] + "".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 6))) + text[pos:]
        elif op == "delete":
            a, b = _span(rng, text, 200)
            text = text[:a] + text[b:]
        elif op == "swap":
            lines = text.split("\n")
            if len(lines) > 1:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == "splice":
            other = rng.choice(others).text
            a, b = _span(rng, other, 400)
            text = text[:pos] + other[a:b] + text[pos:]
        elif op == "truncate":
            text = text[:pos]
        elif op == "nul":  # rarely: a NUL makes most readers refuse the file at once
            text = text[:pos] + ("\x00" if rng.random() < 0.2 else rng.choice(TOKENS)) + text[pos:]
        else:  # replace one character class by another
            a, b = _span(rng, text, 400)
            text = text[:a] + "".join(rng.choice(TOKENS) if rng.random() < 0.3 else c for c in text[a:b]) + text[b:]
    return text, names


# -- writing a case in each format ------------------------------------------------------------------
def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choices(("utf-8", "gb18030", "utf-16", "utf-8-sig"), (8, 2, 1, 1))[0]
    return text.encode(encoding, errors="replace")


def _flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _table_text(seed: Seed, rng: random.Random) -> str:
    """The seed's rows, one per line, cells split by tabs (so that mutations move cells and rows)."""
    rows = list(seed.rows) or [tuple(line.split(",")) for line in _window(rng, seed.text, 800).splitlines()]
    return "\n".join("\t".join(r) for r in [HEADER, *rows])


def _html(rng: random.Random, seed: Seed, others) -> bytes:
    head = "".join(f"<p>{line}</p>\n" for line in _window(rng, seed.text, 1500).splitlines())
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>\n"
                    for line in _table_text(seed, rng).splitlines())
    page = f"<html><head><meta charset='utf-8'></head><body>\n{head}<table>\n{table}</table></body></html>"
    return _encode(rng, mutate(rng, page, others)[0])


def _csv(rng: random.Random, seed: Seed, others) -> bytes:
    import csv

    text, _ = mutate(rng, _table_text(seed, rng), others)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=rng.choice(",,,;\t|"))
    for line in text.split("\n"):
        writer.writerow(line.split("\t"))
    out = buf.getvalue()
    return _encode(rng, mutate(rng, out, others)[0] if rng.random() < 0.3 else out)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=1)
def _docx_package() -> dict[str, bytes]:
    """The parts of an empty python-docx document (its word/document.xml is replaced in each case)."""
    import zipfile

    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    z = zipfile.ZipFile(buf)
    return {i.filename: z.read(i) for i in z.infolist()}


def _wt(text: str) -> str:
    from xml.sax.saxutils import escape

    return f'<w:r><w:t xml:space="preserve">{escape(_xml_safe(text))}</w:t></w:r>'


def _docx(rng: random.Random, seed: Seed, others) -> bytes:
    """Paragraphs and a table (some cells merged down or across) written as WordprocessingML directly:
    python-docx takes most of a second to fill a table cell by cell."""
    import zipfile

    paragraphs, _ = mutate(rng, _window(rng, seed.text, 1500), others)
    table, _ = mutate(rng, _table_text(seed, rng), others)
    rows = [line.split("\t") for line in table.split("\n")][:200]
    width = min(12, max(len(r) for r in rows))
    body = ["".join(f"<w:p>{_wt(line)}</w:p>" for line in paragraphs.split("\n"))]
    body.append("<w:tbl><w:tblGrid>" + "<w:gridCol/>" * width + "</w:tblGrid>")
    for r, row in enumerate(rows):
        cells = []
        for c in range(width):
            value = row[c] if c < len(row) else ""
            props = ""
            if c == 0 and r and rng.random() < 0.1:  # merged with the cell above
                props, value = '<w:tcPr><w:vMerge/></w:tcPr>', ""
            elif c == 0 and rng.random() < 0.1:
                props = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
            cells.append(f"<w:tc>{props}<w:p>{_wt(value)}</w:p></w:tc>")
        if width > 1 and rng.random() < 0.05:  # two cells merged across
            cells[-2:] = ['<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p>' + _wt(row[-1] if row else "")
                          + "</w:p></w:tc>"]
        body.append("<w:tr>" + "".join(cells) + "</w:tr>")
    body.append("</w:tbl>")
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
    xml += "".join(body) + "<w:sectPr/></w:body></w:document>"
    if rng.random() < 0.15:  # broken XML inside a well-formed ZIP
        xml, _ = mutate(rng, xml, others)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, part in _docx_package().items():
            z.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)),
                       xml.encode("utf-8", errors="replace") if name == "word/document.xml" else part)
    return out.getvalue()


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c and c not in "\ufffe\uffff" and not "\ud800" <= c <= "\udfff"))


def make_case(rng: random.Random, kind: str) -> tuple[str, bytes]:
    """A mutated file of ``kind``: its suffix and bytes."""
    all_seeds = seeds()
    seed = rng.choice(all_seeds)
    if kind == "txt":
        data = _encode(rng, mutate(rng, _window(rng, seed.text), all_seeds)[0])
        return ".txt", _flip(rng, data) if rng.random() < 0.1 else data
    if kind == "html":
        return ".html", _html(rng, seed, all_seeds)
    if kind == "csv":
        return ".csv", _csv(rng, seed, all_seeds)
    data = _docx(rng, seed, all_seeds)
    return ".docx", _flip(rng, data) if rng.random() < 0.05 else data


# -- running cases ----------------------------------------------------------------------------------
class _Overtime(BaseException):
    pass


def _ring(signum, frame):
    raise _Overtime()


@dataclass
class Outcome:
    kind: str
    result: str   # read, refused, crash, timeout
    seconds: float  # CPU seconds of this process (the machine's other load does not count)
    detail: str = ""
    wall: float = 0.0
    size: int = 0  # bytes of the case's file


def run_case(path: Path, kind: str, case_seconds: float) -> Outcome:
    """Read ``path`` and build its graph within ``case_seconds`` of wall-clock time (the readers' own budget
    is off meanwhile); the outcome counts the CPU seconds the case took."""
    from dutygraph.errors import InputError
    from dutygraph.graph.build import build
    from dutygraph.loaders import load

    size = path.stat().st_size
    previous = signal.signal(signal.SIGALRM, _ring)
    start, cpu = time.perf_counter(), time.process_time()
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, case_seconds)
            build([load(path)])
            result, detail = "read", ""
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    except InputError as exc:
        result, detail = "refused", exc.message
    except _Overtime:
        result, detail = "timeout", f"over {case_seconds:g} s"
    except Exception as exc:  # a traceback the user would see
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        result, detail = "crash", f"{exc.__class__.__name__}: {exc} ({Path(frame.filename).name}:{frame.lineno})"
    return Outcome(kind, result, time.process_time() - cpu, detail, time.perf_counter() - start, size)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    examples: dict[str, Path] = field(default_factory=dict)  # a kept file for each crash, timeout or slow case

    def rows(self) -> list[dict]:
        by_kind: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            by_kind[o.kind].append(o)
        out = []
        for kind in (*KINDS, "all"):
            items = self.outcomes if kind == "all" else by_kind.get(kind, [])
            if not items:
                continue
            counts = Counter(o.result for o in items)
            times = sorted(o.seconds for o in items)
            out.append({"reader": kind, "cases": len(items), "read": counts["read"], "refused": counts["refused"],
                        "crash": counts["crash"], "timeout": counts["timeout"],
                        "p99 cpu s": round(times[int(0.99 * (len(times) - 1))], 3), "max cpu s": round(times[-1], 3),
                        "max wall s": round(max(o.wall for o in items), 3),
                        "cases/cpu s": round(len(items) / sum(times), 1) if sum(times) else 0.0})
        return out

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result in ("crash", "timeout")]


SLOW_SECONDS = 1.0
SEED_PLAN = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"


def baseline_seconds(path: Path = SEED_PLAN, repeat: int = 3) -> float:
    """CPU seconds to read ``path`` (the shipped 25 kB plan) and build its graph, in this process: the
    unit the cases' costs are measured in (the least of ``repeat`` runs after a first, warming one)."""
    from dutygraph.graph.build import build
    from dutygraph.loaders import load

    build([load(path)])
    best = float("inf")
    for _ in range(repeat):
        cpu = time.process_time()
        build([load(path)])
        best = min(best, time.process_time() - cpu)
    return best


def cost_ratio(outcome: Outcome, baseline: float, baseline_bytes: int) -> float:
    """A case's CPU over what reading a plan of its size costs at the baseline's rate (a case smaller than the
    baseline plan is counted as that plan's size): bounded work keeps this small for every case."""
    return outcome.seconds / (baseline * max(1.0, outcome.size / baseline_bytes))


def fuzz(seed: int = 0, cases: int | None = None, seconds: float | None = None, case_seconds: float = 30.0,
         keep: Path | None = None, part: tuple[int, int] | None = None) -> Report:
    """Run ``cases`` cases (or as many as fit in ``seconds``) from ``seed``; crashes, timeouts and cases
    over SLOW_SECONDS are kept under ``keep`` when given. With ``part=(i, n)`` only the cases of the same
    sequence whose number is ``i`` modulo ``n`` are read (the others are made, not read): the ``n`` parts
    together are the cases of one run, so they can run in separate processes."""
    rng = random.Random(seed)
    report = Report()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dutygraph-fuzz-") as tmp:
        k = 0
        while (cases is None or k < cases) and (seconds is None or time.perf_counter() - start < seconds):
            k += 1
            kind = rng.choices(KINDS, WEIGHTS)[0]
            suffix, data = make_case(rng, kind)
            if part is not None and k % part[1] != part[0]:
                continue
            path = Path(tmp) / f"case-{k:06d}{suffix}"
            path.write_bytes(data)
            outcome = run_case(path, kind, case_seconds)
            report.outcomes.append(outcome)
            if keep is not None and (outcome.result in ("crash", "timeout") or outcome.seconds > SLOW_SECONDS):
                keep.mkdir(parents=True, exist_ok=True)
                kept = keep / path.name
                kept.write_bytes(data)
                report.examples[f"{outcome.result} {outcome.seconds:.1f}s {outcome.detail}"] = kept
            path.unlink()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cases", type=int, default=None, help="number of cases (default: as many as fit)")
    parser.add_argument("--seconds", type=float, default=300.0, help="stop starting cases after this long")
    parser.add_argument("--case-seconds", type=float, default=30.0, help="a case running longer is a timeout")
    parser.add_argument("--keep", type=Path, default=None, help="keep the files of crashes and timeouts here")
    args = parser.parse_args(argv)
    report = fuzz(args.seed, args.cases, None if args.cases else args.seconds, args.case_seconds, args.keep)
    from dutygraph.output import write_rows

    write_rows(report.rows(), "table", title=f"fuzz_readers seed {args.seed}")
    slow = sorted(report.outcomes, key=lambda o: o.seconds, reverse=True)[:5]
    print("slowest (cpu): " + ", ".join(f"{o.kind} {o.seconds:.2f}s ({o.result})" for o in slow))
    refusals = Counter(o.detail.split(":")[0][:60] for o in report.outcomes if o.result == "refused")
    print("refusals: " + "; ".join(f"{n}× {d}" for d, n in refusals.most_common(8)))
    for o in report.failures[:20]:
        print(f"{o.result}: {o.kind}: {o.detail}", file=sys.stderr)
    for what, path in list(report.examples.items())[:20]:
        print(f"kept {path}: {what}", file=sys.stderr)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
