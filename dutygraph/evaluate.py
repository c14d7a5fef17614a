"""Scoring extraction against gold annotations (format: ``docs/evaluation.md``).

A gold file ``NAME.gold.json`` annotates the document ``NAME.<ext>`` in the shape
``dutygraph extract`` prints (``{"documents": [{"tasks": [...]}]}``); only each
task's ``text`` and unit lists are needed. Gold and extracted tasks are paired by
text (and by lines where both give them); the report gives task recall and
precision, and precision / recall / F1 over (task, unit) and (task, role, unit)
pairs, per document and over all of them (micro-averaged).

>>> gold = [{"text": "建设绿道。", "lead": ["市住建局"], "responsible": [], "cooperating": ["市财政局"]}]
>>> pred = [{"text": "建设绿道。", "lead": ["市住建局"], "responsible": ["市财政局"], "cooperating": []}]
>>> s = score_tasks(gold, pred)
>>> s["tasks"]["recall"], s["units"]["f1"], s["roles"]["f1"]
(1.0, 1.0, 0.5)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from .errors import InputError

ROLES = ("lead", "responsible", "cooperating")
MIN_PREFIX = 4
MIN_RATIO = 0.8
GOLD_SUFFIX = ".gold.json"


def _fold(text: str) -> str:
    from .resolve.units import simplified

    return simplified(unicodedata.normalize("NFKC", text or ""))


# An item number opening a task's text: 1. / 1、 / (1) / (一) / 一、 / ① / 第一条 (after folding to half-width).
_LEADING_MARKER = re.compile(r"^\s*(?:[(\[]\s*[0-9一二三四五六七八九十]{1,3}\s*[)\]]|[0-9]{1,3}\s*[.、)]"
                             r"|[一二三四五六七八九十]{1,3}\s*[、.]|第[一二三四五六七八九十百0-9]{1,4}[条项]|[①-⑳])\s*")


def norm_text(text: str) -> str:
    """Text for matching: Simplified, half-width, without a leading item number, white space and punctuation.

    >>> norm_text("1. 稳企业、防风险。") == norm_text("稳企业、防风险") == norm_text("（一）稳企业，防风险")
    True
    >>> norm_text("③稳企业") == norm_text("稳企业"), norm_text("1稳企业") == norm_text("稳企业")
    (True, False)
    """
    text = (text or "").lstrip()
    if text[:1] and "①" <= text[0] <= "⑳":
        text = text[1:]  # before folding: NFKC turns ① into a bare 1, which the marker pattern (rightly) leaves
    folded = _LEADING_MARKER.sub("", _fold(text), count=1)
    return "".join(ch for ch in folded if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S")))


def norm_unit(unit: str) -> str:
    """A unit name for matching: Simplified, half-width, without white space."""
    return "".join(_fold(unit).split())


def _overlap(a: dict, b: dict) -> bool:
    la, lb = a.get("lines"), b.get("lines")
    if not la or not lb:
        return True
    return la[0] <= lb[1] and lb[0] <= la[1]


def _similarity(g: str, p: str) -> float:
    if not g or not p:
        return 0.0
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if len(short) >= MIN_PREFIX and (long_.startswith(short) or (len(short) >= 10 and short in long_)):
        return 1.0
    return SequenceMatcher(None, g, p, autojunk=False).ratio()


def match_tasks(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Gold index -> extracted index, one to one, best text match first."""
    candidates = []
    gold_norm = [norm_text(t.get("text", "")) for t in gold]
    pred_norm = [norm_text(t.get("text", "")) for t in pred]
    # a row's own title (项目名称 of a project table) names its task as well as its text does
    titles = Counter(t.get("title") for t in pred)
    pred_title = [norm_text(t["title"]) if t.get("title") and titles[t["title"]] == 1 else "" for t in pred]
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if not _overlap(g, p):
                continue
            score = _similarity(gold_norm[i], pred_norm[j])
            if pred_title[j] and score < 1.0:
                score = max(score, _similarity(gold_norm[i], pred_title[j]))
            if score >= MIN_RATIO:
                candidates.append((-score, i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}


def _pairs(task: dict, key, with_role: bool) -> set:
    out = set()
    for role in ROLES:
        for unit in task.get(role) or []:
            out.add((key, role, norm_unit(unit)) if with_role else (key, norm_unit(unit)))
    return out


def score_tasks(gold: list[dict], pred: list[dict]) -> dict:
    """Task, (task, unit) and (task, role, unit) scores of one document's tasks."""
    pairs = match_tasks(gold, pred)
    back = {j: i for i, j in pairs.items()}
    counts = {}
    for with_role, name in ((False, "units"), (True, "roles")):
        g = set().union(*(_pairs(t, ("g", i), with_role) for i, t in enumerate(gold))) if gold else set()
        p = set()
        for j, t in enumerate(pred):
            key = ("g", back[j]) if j in back else ("p", j)
            p |= _pairs(t, key, with_role)
        counts[name] = _prf(len(g & p), len(p), len(g))
    tasks = _prf(len(pairs), len(pred), len(gold))
    return {"tasks": tasks, **counts, "unmatched_gold": [gold[i].get("id") or gold[i].get("text", "")[:20]
                                                          for i in range(len(gold)) if i not in pairs]}


def read_gold(path: str | Path) -> list[dict]:
    """The gold tasks of one gold file."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read gold annotation: {exc}", path=str(path)) from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not docs:
        raise InputError('gold annotation without "documents"', path=str(path))
    return [t for d in docs for t in d.get("tasks", [])]


def _document_for(gold_file: Path, docs_dir: Path) -> Path | None:
    stem = gold_file.name[: -len(GOLD_SUFFIX)]
    found = sorted(p for p in docs_dir.glob(stem + ".*") if p.is_file() and not p.name.endswith(GOLD_SUFFIX))
    return found[0] if found else None


def _total(rows: list[dict], key: str) -> dict:
    tp = sum(r[key]["tp"] for r in rows)
    return _prf(tp, sum(r[key]["predicted"] for r in rows), sum(r[key]["gold"] for r in rows))


def evaluate(gold_dir: str | Path, docs_dir: str | Path) -> dict:
    """Score every document of ``docs_dir`` that has a gold file in ``gold_dir``.

    Returns ``{"documents": [per-document scores], "total": micro-averaged scores}``;
    a document that cannot be read scores zero (its error is kept in ``error``).
    """
    from .loaders import load

    gold_dir, docs_dir = Path(gold_dir), Path(docs_dir)
    gold_files = sorted(gold_dir.glob("*" + GOLD_SUFFIX))
    if not gold_files:
        raise InputError(f"no gold annotation (*{GOLD_SUFFIX}) found", path=str(gold_dir))
    rows = []
    for gold_file in gold_files:
        gold = read_gold(gold_file)
        doc_path = _document_for(gold_file, docs_dir)
        error = None
        pred: list[dict] = []
        if doc_path is None:
            error = "no document for this gold file"
        else:
            try:
                pred = load(doc_path).to_dict()["tasks"]
            except InputError as exc:
                error = exc.message
        row = {"document": gold_file.name[: -len(GOLD_SUFFIX)], **score_tasks(gold, pred)}
        if error:
            row["error"] = error
        rows.append(row)
    total = {key: _total(rows, key) for key in ("tasks", "units", "roles")}
    return {"documents": rows, "total": total}


def report_rows(report: dict) -> list[dict]:
    """One flat row per document and one for the total, for a table or CSV."""
    out = []
    for row in [*report["documents"], {"document": "TOTAL", **report["total"]}]:
        out.append({"document": row["document"],
                    "tasks gold": row["tasks"]["gold"], "tasks found": row["tasks"]["predicted"],
                    "task R": row["tasks"]["recall"], "task P": row["tasks"]["precision"],
                    "unit P": row["units"]["precision"], "unit R": row["units"]["recall"], "unit F1": row["units"]["f1"],
                    "role P": row["roles"]["precision"], "role R": row["roles"]["recall"], "role F1": row["roles"]["f1"],
                    "error": row.get("error", "")})
    return out
