"""Tests of benchmarks/generate_corpus.py, the synthetic plan generator.

The generator is benchmark code, not part of the package, so it is imported from
its path. These tests read the generated text with their own small rules (not
with dutygraph's loaders) to check that the gold really describes the text.
"""

from __future__ import annotations

import calendar
import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "generate_corpus.py"
sys.path.insert(0, str(SCRIPT.parent))

import generate_corpus as gc  # noqa: E402

NBSP = "\u00a0"
DOC_KEYS = ["source", "title", "plan_title", "issuers", "issued", "published", "key_works", "targets", "tasks"]
TASK_KEYS = ["id", "annex", "row", "sub", "title", "text", "zone", "lead", "responsible", "cooperating",
             "deadline", "amounts", "lines"]
DEADLINE = re.compile(r"上半年|\d{1,2}月底前|年底前|年内")
AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万|亿)元|(?<=投资)\d+万(?![\u4e00-\u9fff元])")
DIGITS = re.compile(r"^\d+$")
SEEDS = range(1, 13)


def _doc(gold: dict) -> dict:
    assert list(gold) == ["documents"] and len(gold["documents"]) == 1
    return gold["documents"][0]


def _clean(line: str) -> str:
    return line.replace(NBSP, "").strip()


def _title_lines(lines: list[str], task: dict) -> int:
    """Number of lines (1 or 2) the row title takes before the task; fails if not found."""
    for k in range(task["lines"][0] - 2, -1, -1):
        if lines[k] == str(task["row"]):
            if lines[k + 1] == task["title"]:
                return 1
            if lines[k + 1] + lines[k + 2] == task["title"]:
                return 2
    raise AssertionError(f"row {task['row']} / {task['title']} not printed before {task['id']}")


def analyse(text: str, gold: dict) -> Counter:
    """Check the gold against the text and count the quirks seen in the text.

    For every task the lines after its own line, up to the next item, row number,
    blank line or annex heading, are its unit block: empty, or the cells that
    close the task's group. Every task of the group must carry exactly the units
    printed there, split into a lead part and a responsible part.
    """
    doc = _doc(gold)
    lines = text.split("\n")
    task_lines = {t["lines"][0] for t in doc["tasks"]}
    units = gc.all_units()
    seen: Counter = Counter()
    pending: list[dict] = []
    for i, task in enumerate(doc["tasks"]):
        first, last = task["lines"]
        assert first == last, "item texts are one line each"
        line = lines[first - 1]
        if task["sub"] is None:
            assert line == task["text"]
        elif line == f"{task['sub']}){task['text']}":
            pass
        else:
            assert line == f"{task['sub']}{task['text']}", (task["id"], line)
            seen["bare_marker"] += 1
        if _title_lines(lines, task) == 2:
            seen["split_row_title_line"] += 1

        block = []
        k = first  # 0-based index of the line after the task's own line
        while k < len(lines) and (k + 1) not in task_lines:
            raw = lines[k]
            if raw == "" or DIGITS.match(raw) or raw.startswith(("附件", "责任编辑")):
                break
            block.append(raw)
            k += 1
        cleaned = [_clean(b) for b in block]
        pending.append(task)
        if task["zone"] is not None:
            assert not "".join(cleaned), f"{task['id']}: a zone row has no unit cells"
            assert task["lead"] == [] and task["responsible"] == []
            pending = []
            continue
        assert task["zone"] is None
        if not "".join(cleaned):
            nxt = doc["tasks"][i + 1] if i + 1 < len(doc["tasks"]) else None
            assert nxt and (nxt["annex"], nxt["row"]) == (task["annex"], task["row"]), \
                f"{task['id']}: the row ends without unit cells"
            continue
        lead, resp = "、".join(task["lead"]), "、".join(task["responsible"])
        cuts = [c for c in range(1, len(cleaned) + 1)
                if "".join(cleaned[:c]) == lead and "".join(cleaned[c:]) == resp]
        assert cuts, f"{task['id']}: units {task['lead']} / {task['responsible']} vs printed {block}"
        for t in pending:
            assert (t["lead"], t["responsible"]) == (task["lead"], task["responsible"])
        pending = []
        # quirk evidence
        if NBSP in block:
            seen["blank_responsible"] += 1
        if not task["responsible"] and NBSP not in block:
            seen["lead_only"] += 1
        for raw, c in zip(block, cleaned):
            if c and raw != c:
                seen["cell_nbsp"] += 1
            if c and not all(part in units for part in c.split("、")):
                seen["split_unit_cell_line"] += 1
        j = 0
        while j < len(cleaned) - 1:
            a, b = cleaned[j], cleaned[j + 1]
            if a and b and a.split("、")[-1] not in units:
                # a name broken over two lines: neither half is a unit, the first
                # half does not even end like an organisation
                head, tail = a.split("、")[-1], b.split("、")[0]
                assert head not in units and tail not in units
                assert not head.endswith(gc.ORG_ENDINGS)
                assert head + tail in units
                seen["split_unit_cell"] += 1
                j += 2
            else:
                j += 1
    assert not pending
    # page breaks: a row number printed twice within one annex
    annex_rows: Counter = Counter()
    annex = 0
    for k, raw in enumerate(lines):
        if re.fullmatch(r"附件\d+", raw):
            annex = int(raw[2:])
        elif annex and DIGITS.match(raw) and k + 1 < len(lines) and not DIGITS.match(lines[k + 1]):
            annex_rows[(annex, raw)] += 1
    seen["page_break_repeat"] = sum(n - 1 for n in annex_rows.values())
    seen["zone_annex"] = sum(1 for k in range(len(lines) - 1) if lines[k] == "序号" and lines[k + 1] == "示范区")
    seen["footer"] = int(lines[-1].startswith("责任编辑:"))
    seen["trailing_nbsp"] = int(any(raw == NBSP for raw in lines[-4:]))
    seen["no_final_period"] = sum(1 for t in doc["tasks"] if not t["text"].endswith("。"))
    return seen


# ----------------------------------------------------------------------------- determinism


def test_same_seed_gives_identical_text_and_gold():
    for seed in (1, 7, 12345):
        assert gc.generate_plan(seed) == gc.generate_plan(seed)
        assert gc.generate_plan(seed, annexes=None, scale=3) == gc.generate_plan(seed, annexes=None, scale=3)


def test_different_seeds_give_different_documents():
    docs = [gc.generate_plan(seed) for seed in range(1, 21)]
    assert len({text for text, _ in docs}) == len(docs)
    assert len({json.dumps(_doc(gold)["tasks"], ensure_ascii=False) for _, gold in docs}) == len(docs)


def test_global_random_is_neither_used_nor_touched():
    random.seed(1)
    state = random.getstate()
    first = gc.generate_plan(3)
    assert random.getstate() == state
    random.seed(999)
    assert gc.generate_plan(3) == first


def test_write_corpus_is_deterministic_and_matches_generate_plan(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    summary = gc.write_corpus(a, 4, seed=3)
    gc.write_corpus(b, 4, seed=3)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert names == [f"plan-0000{i}{ext}" for i in range(1, 5) for ext in (".gold.json", ".txt")]
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes()
    assert summary["documents"] == 4
    for i in range(1, 5):
        text, gold = gc.generate_plan(gc.doc_seed(3, i), annexes=None, source=f"plan-0000{i}.txt")
        assert (a / f"plan-0000{i}.txt").read_text(encoding="utf-8") == text
        assert json.loads((a / f"plan-0000{i}.gold.json").read_text(encoding="utf-8")) == gold


# ----------------------------------------------------------------------------- the gold


def test_gold_has_the_extract_shape():
    for seed in SEEDS:
        _, gold = gc.generate_plan(seed, annexes=None)
        doc = _doc(gold)
        assert list(doc) == DOC_KEYS
        assert doc["source"] == f"plan-{seed:05d}.txt"
        assert all(isinstance(x, str) and x for x in [doc["title"], doc["plan_title"], *doc["issuers"]])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["issued"]) and doc["issued"] <= doc["published"]
        assert all(list(k) == ["ref", "title"] and re.fullmatch(r"二\([一二三四五六七八九十]+\)", k["ref"])
                   for k in doc["key_works"])
        assert all(list(t) == ["text"] for t in doc["targets"])
        ids = [t["id"] for t in doc["tasks"]]
        assert len(ids) == len(set(ids)) > 0
        previous = 0
        for t in doc["tasks"]:
            assert list(t) == TASK_KEYS
            expected_id = f"A{t['annex']}-{t['row']}" + ("" if t["sub"] is None else f"-{t['sub']}")
            assert t["id"] == expected_id
            assert t["cooperating"] == []
            assert t["lines"][0] > previous  # printed order
            previous = t["lines"][0]
            assert all(NBSP not in u and u for u in t["lead"] + t["responsible"])
            # texts and titles never read as unit cells
            assert re.search(r"[,;。]", t["text"]) and not t["text"].endswith(gc.ORG_ENDINGS)
            assert t["text"][0] >= "\u4e00" and not t["title"].endswith(gc.ORG_ENDINGS)
            if t["zone"] is None:
                assert t["lead"], t["id"]


def test_gold_json_round_trips():
    _, gold = gc.generate_plan(5)
    assert json.loads(gc.dumps_gold(gold)) == gold


def test_line_numbers_and_units_match_the_text():
    for seed in SEEDS:
        text, gold = gc.generate_plan(seed, annexes=None)
        analyse(text, gold)  # asserts inside


def test_header_targets_and_key_works_are_printed():
    for seed in SEEDS:
        text, gold = gc.generate_plan(seed)
        doc = _doc(gold)
        lines = text.split("\n")
        assert lines[0] == doc["title"] == f"关于印发《{doc['plan_title']}》的通知"
        assert lines[2] == f"发布日期:{doc['published']}作者:信息来源:"
        stripped = [_clean(x) for x in lines[:40]]
        for issuer in doc["issuers"]:
            assert stripped.count(issuer) == 2
        assert any(lines[k] + lines[k + 1] == doc["plan_title"] for k in range(40))
        assert any(lines[k] + lines[k + 1] == doc["title"] for k in range(1, 40))
        # the garbled date reads back to exactly one valid date: the gold's
        garbled = next(_clean(x) for x in lines[:40] if re.fullmatch(r"\d{6,8}", _clean(x)))
        year, rest = int(garbled[:4]), garbled[4:]
        readings = [f"{year}-{int(rest[:c]):02d}-{int(rest[c:]):02d}" for c in range(1, len(rest))
                    if rest[0] != "0" and rest[c] != "0" and 1 <= int(rest[:c]) <= 12
                    and 1 <= int(rest[c:]) <= calendar.monthrange(year, int(rest[:c]))[1]]
        assert readings == [doc["issued"]]
        assert "(二)主要目标:" + ",".join(t["text"] for t in doc["targets"]) + "。" in lines
        start = lines.index("二、重点工作")
        for k, kw in enumerate(doc["key_works"], start=1):
            assert lines[start + k].startswith(f"({kw['ref'][2:-1]}){kw['title']}。")


def test_deadlines_and_amounts_are_those_printed():
    found = Counter()
    for seed in SEEDS:
        _, gold = gc.generate_plan(seed)
        for t in _doc(gold)["tasks"]:
            m = DEADLINE.search(t["text"])
            assert t["deadline"] == (m.group(0) if m else None)
            assert t["amounts"] == AMOUNT.findall(t["text"])
            found["deadline"] += t["deadline"] is not None
            found["amount"] += bool(t["amounts"])
            found["no-yuan"] += any(not a.endswith("元") for a in t["amounts"])
            found["year-month"] += bool(t["deadline"] and "月底前" in t["deadline"])
    assert all(found[k] > 0 for k in ("deadline", "amount", "no-yuan", "year-month")), found


# ----------------------------------------------------------------------------- quirks


def test_every_quirk_occurs_at_a_nonzero_rate():
    stats_total: Counter = Counter()
    seen_total: Counter = Counter()
    for seed in SEEDS:
        stats: dict = {}
        text, gold = gc.generate_plan(seed, stats=stats)
        stats_total.update({k: stats[k] for k in gc.QUIRK_NAMES})
        seen_total.update(analyse(text, gold))
    assert all(stats_total[k] > 0 for k in gc.QUIRK_NAMES), stats_total
    # and each one is visible in the text itself
    for key in ("bare_marker", "split_row_title_line", "split_unit_cell", "blank_responsible", "lead_only",
                "page_break_repeat", "zone_annex", "cell_nbsp", "footer", "trailing_nbsp", "no_final_period"):
        assert seen_total[key] > 0, (key, seen_total)
    assert seen_total["split_unit_cell"] == stats_total["split_unit_cell"]
    assert seen_total["page_break_repeat"] == stats_total["page_break_repeat"]
    assert seen_total["zone_annex"] == stats_total["zone_annex"]
    assert seen_total["split_row_title_line"] >= stats_total["split_row_title"]


def test_no_quirks_gives_the_clean_layout():
    for seed in SEEDS:
        stats: dict = {}
        text, gold = gc.generate_plan(seed, quirks=gc.Quirks.none(), stats=stats)
        assert all(stats[k] == 0 for k in gc.QUIRK_NAMES)
        seen = analyse(text, gold)
        assert not any(seen[k] for k in ("bare_marker", "split_row_title_line", "split_unit_cell",
                                         "split_unit_cell_line", "blank_responsible", "lead_only",
                                         "page_break_repeat", "zone_annex", "cell_nbsp", "footer",
                                         "trailing_nbsp", "no_final_period")), seen


def test_rates_are_configurable():
    heavy = gc.Quirks(bare_marker=1.0, lead_only=1.0, zone_annex=1.0)
    stats: dict = {}
    text, gold = gc.generate_plan(4, quirks=heavy, stats=stats)
    tasks = _doc(gold)["tasks"]
    assert stats["zone_annex"] == 1
    assert all(t["responsible"] == [] for t in tasks)
    assert all(not text.split("\n")[t["lines"][0] - 1].startswith(f"{t['sub']})") for t in tasks if t["sub"])


# ----------------------------------------------------------------------------- pools, scale, CLI


def test_units_recur_across_documents():
    doc_freq: Counter = Counter()
    by_city: dict[str, set[str]] = {}
    for seed in range(1, 31):
        stats: dict = {}
        _, gold = gc.generate_plan(seed, stats=stats)
        units = {u for t in _doc(gold)["tasks"] for u in t["lead"] + t["responsible"]}
        assert units <= gc.all_units(stats["city"])
        doc_freq.update(units)
        by_city.setdefault(stats["city"], set()).update(units)
    assert len(by_city) >= 4
    assert sum(1 for n in doc_freq.values() if n >= 10) >= 30, doc_freq.most_common(40)
    cities = sorted(by_city)
    assert all(by_city[a] & by_city[b] for a in cities for b in cities)
    # municipal departments with 和 inside and county-level cities are among them
    assert any("和" in u for u in doc_freq)
    assert any(re.fullmatch(r".+市人民政府", u) and not u.startswith("市") for u in doc_freq)


def test_city_and_annexes_arguments():
    stats: dict = {}
    _, gold = gc.generate_plan(9, city="衡阳", annexes=3, stats=stats)
    doc = _doc(gold)
    assert stats["city"] == "衡阳" and doc["plan_title"].startswith("衡阳市")
    assert {t["annex"] for t in doc["tasks"]} == {1, 2, 3}
    with pytest.raises(ValueError):
        gc.generate_plan(1, city="北京")


def test_scale_multiplies_rows():
    small = _doc(gc.generate_plan(11)[1])["tasks"]
    big = _doc(gc.generate_plan(11, scale=4)[1])["tasks"]
    rows = lambda tasks: {t["row"] for t in tasks if t["annex"] == 1}  # noqa: E731
    assert len(rows(big)) == 4 * len(rows(small))  # annex 1 is never the zone annex
    assert len(big) > 3 * len(small)


def test_generation_is_fast():
    start = time.perf_counter()
    for seed in range(200):
        gc.generate_plan(seed)
    assert time.perf_counter() - start < 20  # about 0.2 s on a laptop


def test_command_line(tmp_path):
    out = tmp_path / "corpus"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(out), "--docs", "3", "--seed", "5", "--scale", "2"],
        capture_output=True, text=True, check=True,
    )
    assert "wrote 3 documents" in result.stderr
    for i in range(1, 4):
        name = f"plan-{i:05d}"
        text = (out / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((out / f"{name}.gold.json").read_text(encoding="utf-8"))
        assert _doc(gold)["source"] == f"{name}.txt"
        assert (text, gold) == gc.generate_plan(gc.doc_seed(5, i), annexes=None, scale=2, source=f"{name}.txt")
