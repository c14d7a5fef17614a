"""The real plans of ``tests/fixtures/real`` as other copies would print them: the reader must not depend on
how these happened to be printed.

Each variant rewrites the documents the way other sources print the same plans: hard-wrapped at a fixed width
(PDF and word-processor text exports), brackets and colons of the other width, indented paragraphs, item numbers
as ``1、`` instead of ``1.``, lists separated by full-width commas instead of 、, and role words other plans use (主办/承办/协办单位, 落实/参与单位, 具体负责). The
gold stays as given; line numbers are dropped from it where the variant moves lines. Floors sit a little under
the figures measured when they were set (unwrapped: 0.975).

One more variant is a whole page glued into one line, as an HTML-to-text dump that lost its line breaks prints it:
a space where each line ended (the way the collected ``oneline`` documents print), or nothing at all; the real plans
and the collected dev documents, each glued so.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from dutygraph.evaluate import evaluate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL = FIXTURES / "real"
HEADER = 3  # the corpus header lines (# source, # kind, blank) stay as they are


def _width(line: str) -> str:
    return line.translate(str.maketrans({"(": "（", ")": "）", ":": "：", "（": "(", "）": ")", "：": ":"}))


def _marker(line: str) -> str:
    if re.match(r"^\s*\d{1,2}[.．]", line):
        return re.sub(r"^(\s*)(\d{1,2})[.．]", r"\1\2、", line)
    return re.sub(r"^(\s*)(\d{1,2})、", r"\1\2.", line)


def _words(line: str) -> str:
    for old, new in (("牵头单位", "主办单位"), ("责任单位", "承办单位"), ("配合单位", "协办单位")):
        line = line.replace(old, new)
    return line


def _words_2(line: str) -> str:
    for old, new in (("责任单位", "落实单位"), ("配合单位", "参与单位"), ("负责", "具体负责")):
        line = line.replace(old, new)
    return line


_BETWEEN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff)）])(?<![一二三四五六七八九十])、(?=[\u4e00-\u9fff])")


def _commas(line: str) -> str:
    """Every 、 between two words (not after a heading's numeral) as a full-width comma: lists of names so printed."""
    return _BETWEEN_WORDS.sub("，", line)


def _spaces(line: str) -> str:
    """Every 、 between two words as a space: lists of names copied from table cells that lost their separators."""
    return _BETWEEN_WORDS.sub(" ", line)


VARIANTS = {  # name: (rewrite of one line into lines, keeps line numbers, floor)
    "wrapped at 38 characters": (lambda ln: textwrap.wrap(ln, 38, drop_whitespace=False) or [ln], False, 0.85),
    "brackets and colons of the other width": (lambda ln: [_width(ln)], True, 0.95),
    "indented paragraphs": (lambda ln: ["\u3000\u3000" + ln if ln.strip() else ln], True, 0.95),
    "item numbers as 1、 / 1.": (lambda ln: [_marker(ln)], True, 0.95),
    "role words 主办/承办/协办": (lambda ln: [_words(ln)], True, 0.95),
    "role words 落实/参与/具体负责": (lambda ln: [_words_2(ln)], True, 0.95),
    "lists separated by ，": (lambda ln: [_commas(ln)], True, 0.92),
    "lists separated by spaces": (lambda ln: [_spaces(ln)], True, 0.84),  # 0.860 when set (0.639 before)
}


def _rewrite(out: Path, rewrite, keeps_lines: bool, source: Path = REAL, whole=None) -> None:
    for gold in source.glob("*.gold.json"):
        data = json.loads(gold.read_text("utf-8"))
        if not keeps_lines:
            for document in data["documents"]:
                for task in document["tasks"]:
                    task.pop("lines", None)
        (out / gold.name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    for doc in source.glob("*.txt"):
        lines = doc.read_text("utf-8").split("\n")
        body = whole(lines[HEADER:]) if whole else [piece for line in lines[HEADER:] for piece in rewrite(line)]
        (out / doc.name).write_text("\n".join(lines[:HEADER] + body), "utf-8")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_real_plans_printed_another_way_score_near_the_originals(variant, tmp_path):
    rewrite, keeps_lines, floor = VARIANTS[variant]
    _rewrite(tmp_path, rewrite, keeps_lines)
    report = evaluate(tmp_path, tmp_path)
    assert len(report["documents"]) == 22
    assert report["total"]["units"]["f1"] >= floor, {d["document"]: d["units"]["f1"] for d in report["documents"]}


def _glued(separator: str):
    def glue(lines: list[str]) -> list[str]:
        """The page as one line: ``separator`` where each line ended (blank lines and indents gone)."""
        return [separator.join(line.strip() for line in lines if line.strip())]
    return glue


GLUED = {  # (fixture set, what stands where a line ended): (documents, floor); measured when set
    ("real", "a space"): (22, 0.95),            # 0.974 (0.543 before glued tables were cut back into cells); 0.980
    ("collected/dev", "a space"): (100, 0.75),  # 0.817 over 51 (0.578); 0.813 over 63 (H added); 0.772 over 79 (I added); 0.799; 0.778 over 94 (K added); 0.808 over 99 (N01-N05 added); 0.804 over 100 (N06)
    ("real", "nothing"): (22, 0.70),            # 0.729 (0.543); 0.724 after round three's prose rules
    ("collected/dev", "nothing"): (100, 0.63),  # 0.691 over 51 (0.578); 0.677 over 63; 0.617 over 79 (I added); 0.645; 0.636 over 94 (K added); 0.668 over 99 (N01-N05 added); 0.669 over 100 (N06)
}


@pytest.mark.parametrize("fixtures,separator", list(GLUED), ids=[f"{f}, {s} between lines" for f, s in GLUED])
def test_the_plans_glued_into_one_line_score_near_the_originals(fixtures, separator, tmp_path):
    count, floor = GLUED[fixtures, separator]
    _rewrite(tmp_path, None, False, FIXTURES / fixtures, whole=_glued(" " if separator == "a space" else ""))
    report = evaluate(tmp_path, tmp_path)
    assert len(report["documents"]) == count
    assert report["total"]["units"]["f1"] >= floor, {d["document"]: d["units"]["f1"] for d in report["documents"]}


# Role words reworded into their synonyms. A plan may name the lead 牵头, 主办 or 主责, the cooperating units
# 配合, 协助, 协办, 参与, 协同 or 协管 (协作, 参加, 联办 … in a label), the responsible ones 责任, 承办, 落实, 实施,
# 执行 … units, and it names them alike in every slot: a column header, a label, a bracket clause, a first-listed
# note (排名第一位为主办单位), a collective told what to do (各主责单位要…). Each document of the set gets, per role,
# one synonym for its labels and collectives (before 单位 / 部门: a word both the role's labels and its column
# headers read) and one for the role word after a list (X牵头,Y配合: role_words), drawn (seeded) from the role
# cues' own sections: a word added there is tried here. The gold keeps its lines and its unit names; collectives
# named by their role (各牵头单位) are reworded with the text.
_ROLE_SECTIONS = {"牵头": ("lead", "label.lead"), "配合": ("cooperating", "label.cooperating"),
                  "责任": ("responsible", "label.responsible")}
_ROLE_SLOT = re.compile(r"(牵头|配合|责任)(?=单位|部门)|(牵头|配合)(?=[，,、；;。）)\s]|$)")


def _synonyms() -> dict[str, list[str]]:
    """Per role word, the other two-character words of its role whose unit label (X单位) the role's labels read."""
    from dutygraph.text.role_cues import alternation, role_words

    out = {}
    for word, (role, label) in _ROLE_SECTIONS.items():
        labels = re.compile(alternation(label))
        out[word] = [w for w in role_words(role) if len(w) == 2 and w != word and labels.fullmatch(w + "单位")]
    return out


def _label_synonyms() -> dict[str, list[str]]:
    """Per role word, every two-character word of the role cues (an entry, or one before 单位/部门) whose unit label
    (X单位) both the role's labels and its column headers read: the words a label or a column header may print
    (参加单位, 执行单位), beyond the role words printed after a list."""
    from dutygraph.text.role_cues import _sections, alternation

    pool = {w[:2] for items in _sections().values() for w in items
            if re.fullmatch(r"[\u4e00-\u9fff]{2}(?:单位|部门)?", w)}
    out = {}
    for word, (role, label) in _ROLE_SECTIONS.items():
        labels, columns = re.compile(alternation(label)), re.compile(alternation(f"column.{role}"))
        out[word] = sorted(w for w in pool if w != word and labels.fullmatch(w + "单位") and columns.search(w + "单位"))
    return out


def _reworded(source: Path, out: Path, seed: int) -> None:
    import random

    synonyms, label_synonyms = _synonyms(), _label_synonyms()
    for doc in source.glob("*.txt"):
        rng = random.Random(f"{seed}:{doc.stem}")
        pick = {word: rng.choice(choices) for word, choices in synonyms.items()}
        label_pick = {word: rng.choice(choices) for word, choices in label_synonyms.items()}

        def reword(text: str) -> str:
            return _ROLE_SLOT.sub(lambda m: label_pick[m.group(1)] if m.group(1) else pick[m.group(2)], text)

        data = json.loads(doc.with_suffix(".gold.json").read_text("utf-8"))
        for document in data["documents"]:
            for task in document["tasks"]:
                task["text"] = reword(task.get("text") or "")
                for role in ("lead", "responsible", "cooperating"):
                    task[role] = [reword(name) for name in task.get(role) or []]
                for inferred in task.get("inferred") or []:
                    inferred["unit"] = reword(inferred["unit"])
        (out / doc.with_suffix(".gold.json").name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        lines = doc.read_text("utf-8").split("\n")
        (out / doc.name).write_text("\n".join(lines[:HEADER] + [reword(line) for line in lines[HEADER:]]), "utf-8")


def test_synonyms_are_drawn_from_the_role_cues():
    synonyms, label_synonyms = _synonyms(), _label_synonyms()
    assert {"主办", "主责"} <= set(synonyms["牵头"]) and {"协助", "协办"} <= set(synonyms["配合"])
    assert {"承办", "落实"} <= set(synonyms["责任"]) and "责任" not in synonyms["责任"]
    assert {"参加", "协作"} <= set(label_synonyms["配合"]) and {"执行", "承担"} <= set(label_synonyms["责任"])
    assert not set(label_synonyms["牵头"]) & set(label_synonyms["配合"])


REWORDED = {  # fixture set: (documents, floor); measured when set (r-labels6, seed 1; seeds 2 and 3 the same)
    "real": (22, 0.98),            # 0.994 as printed (main 3cec452: 0.970)
    "collected/dev": (100, 0.92),  # 0.929 as printed (main 3cec452: 0.894)
}


@pytest.mark.parametrize("fixtures", list(REWORDED))
def test_the_plans_with_their_role_words_reworded_score_near_the_originals(fixtures, tmp_path):
    count, floor = REWORDED[fixtures]
    _reworded(FIXTURES / fixtures, tmp_path, seed=1)
    report = evaluate(tmp_path, tmp_path)
    assert len(report["documents"]) == count
    assert report["total"]["units"]["f1"] >= floor, {d["document"]: d["units"]["f1"] for d in report["documents"]}
