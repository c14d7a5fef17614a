"""Named works in the seed plan: find_projects against the hand annotation.

Prints precision and recall per annex and overall, then the false positives and
false negatives task by task. Matching is on full names (name + phase), per task, as
sets: a work printed twice in one task counts once. Places passed to the rules are
the names and aliases of the 株洲市 gazetteer.

    python benchmarks/project_scores.py [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from dutygraph.loaders import load
from dutygraph.text.projects import find_projects

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhuzhou-2018-liangxing-plan.txt"
GOLD = ROOT / "tests" / "fixtures" / "seed_projects.json"


def seed_places() -> list[str]:
    """Every name and alias of the city's gazetteer, with the city's own names."""
    from dutygraph.resolve.gazetteer import gazetteer_for

    g = gazetteer_for("株洲市")
    return sorted({n for n, _ in g.place_names()} | {g.city, g.short})


def score(tasks, gold: dict[str, list[dict]], places: list[str]) -> dict:
    """Counts per annex and the errors task by task."""
    per_annex: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    errors = []
    for task in tasks:
        want = {w["name"] + w.get("phase", "") for w in gold.get(task.id, [])}
        got = {m.full for m in find_projects(task.text, places)}
        annex = f"A{task.annex}"
        for key in (annex, "all"):
            per_annex[key]["tp"] += len(want & got)
            per_annex[key]["fp"] += len(got - want)
            per_annex[key]["fn"] += len(want - got)
        if got != want:
            errors.append({"task": task.id, "false_positives": sorted(got - want),
                           "false_negatives": sorted(want - got)})
    table = {}
    for key, c in per_annex.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        table[key] = {**c, "precision": round(p, 3), "recall": round(r, 3)}
    return {"scores": table, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    doc = load(SEED)
    gold = json.loads(GOLD.read_text("utf-8"))["tasks"]
    places = seed_places()
    t0 = time.perf_counter()
    result = score(doc.tasks, gold, places)
    result["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"{'annex':<6}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for key in sorted(result["scores"], key=lambda k: (k == "all", len(k), k)):
        s = result["scores"][key]
        print(f"{key:<6}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}{s['precision']:>11.3f}{s['recall']:>8.3f}")
    print(f"\n{len(doc.tasks)} tasks in {result['seconds']} s (first run, no cache)\n")
    for e in result["errors"]:
        print(e["task"])
        for name in e["false_positives"]:
            print(f"  + {name}   (found, not annotated)")
        for name in e["false_negatives"]:
            print(f"  - {name}   (annotated, not found)")


if __name__ == "__main__":
    main()
