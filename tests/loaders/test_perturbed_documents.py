"""The real plans of ``tests/fixtures/real`` as other copies would print them: the reader must not depend on
how these happened to be printed.

Each variant rewrites the documents the way other sources print the same plans: hard-wrapped at a fixed width
(PDF and word-processor text exports), brackets and colons of the other width, indented paragraphs, item numbers
as ``1、`` instead of ``1.``, lists separated by full-width commas instead of 、, and role words other plans use (主办/承办/协办单位, 落实/参与单位, 具体负责). The
gold stays as given; line numbers are dropped from it where the variant moves lines. Floors sit a little under
the figures measured when they were set (unwrapped: 0.975).

Every set (real, dev, collected dev, blind … blind9) is perturbed too (r-perturb2, below): unit names the lexicon does
not know (recall measured by slot kind: label, column, bracket, prose subject), punctuation of the other width, a
letter-spaced PDF copy, a label's colon dropped or doubled, item-number styles swapped with their levels kept, and
Traditional script; each with a floor per set.

Every set is hard-wrapped too, at three widths (r-wrap, below), each with a floor per set.

One more variant is a whole page glued into one line, as an HTML-to-text dump that lost its line breaks prints it:
a space where each line ended (the way the collected ``oneline`` documents print), or nothing at all; the real plans
and the collected dev documents, each glued so.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from functools import lru_cache
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
    "wrapped at 38 characters": (lambda ln: textwrap.wrap(ln, 38, drop_whitespace=False) or [ln], False, 0.95),
    # 0.912 before the paragraphs were joined back before folding (r-wrap, session 16: 0.971; every set below)
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
    ("real", "a space"): (22, 0.97),            # 0.974 (0.543 before glued tables were cut back into cells); 0.980; 0.993 (r-glued)
    ("collected/dev", "a space"): (100, 0.83),  # 0.817 over 51 (0.578); 0.813 over 63 (H added); 0.772 over 79 (I added); 0.799; 0.778 over 94 (K added); 0.808 over 99 (N01-N05 added); 0.804 over 100 (N06); 0.859 (r-glued)
    ("real", "nothing"): (22, 0.77),            # 0.729 (0.543); 0.724 after round three's prose rules; 0.794 (r-glued)
    ("collected/dev", "nothing"): (100, 0.71),  # 0.691 over 51 (0.578); 0.677 over 63; 0.617 over 79 (I added); 0.645; 0.636 over 94 (K added); 0.668 over 99 (N01-N05 added); 0.669 over 100 (N06); 0.731 (r-glued)
    ("dev", "nothing"): (9, 0.33),                  # 0.357 when set (r-glued)
    ("dev", "a space"): (9, 0.95),                  # 0.972 when set (r-glued)
    ("collected/blind", "nothing"): (14, 0.81),     # 0.837 when set (r-glued)
    ("collected/blind", "a space"): (14, 0.91),     # 0.936 when set (r-glued)
    ("collected/blind2", "nothing"): (19, 0.76),    # 0.784 when set (r-glued)
    ("collected/blind2", "a space"): (19, 0.76),    # 0.789 when set (r-glued)
    ("collected/blind3", "nothing"): (24, 0.86),    # 0.889 when set (r-glued)
    ("collected/blind3", "a space"): (24, 0.84),    # 0.862 when set (r-glued)
    ("collected/blind4", "nothing"): (24, 0.62),    # 0.648 when set (r-glued)
    ("collected/blind4", "a space"): (24, 0.91),    # 0.932 when set (r-glued)
    ("collected/blind5", "nothing"): (24, 0.86),    # 0.887 when set (r-glued)
    ("collected/blind5", "a space"): (24, 0.88),    # 0.903 when set (r-glued)
    ("collected/blind6", "nothing"): (24, 0.74),    # 0.766 when set (r-glued)
    ("collected/blind6", "a space"): (24, 0.91),    # 0.936 when set (r-glued)
    ("collected/blind7", "nothing"): (14, 0.83),    # 0.853 when set (r-glued)
    ("collected/blind7", "a space"): (14, 0.87),    # 0.891 when set (r-glued)
    ("collected/blind8", "nothing"): (17, 0.59),    # 0.617 when set (r-glued)
    ("collected/blind8", "a space"): (17, 0.80),    # 0.821 when set (r-glued)
    ("collected/blind9", "nothing"): (21, 0.89),    # 0.914 when set (r-glued)
    ("collected/blind9", "a space"): (21, 0.91),    # 0.936 when set (r-glued)
    ("collected/blind10", "nothing"): (23, 0.85),   # 0.871 when set (r-glued)
    ("collected/blind10", "a space"): (23, 0.82),   # 0.842 when set (r-glued)
    ("collected/blind11", "nothing"): (23, 0.64),   # 0.664 when set (r-glued)
    ("collected/blind11", "a space"): (23, 0.81),   # 0.836 when set (r-glued)
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


# Every set, perturbed in ways other copies of the same plans print them (r-perturb2): each perturbation changes
# the printing, not the facts, and keeps every line where it was (the gold's line numbers stay valid); each is
# seeded, so a run is repeatable. The sets are read through their gold files.
SETS = ("real", "dev", "collected/dev", *(f"collected/blind{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9)))


def _perturbed(source: Path, out: Path, line_rewrite=None, gold_rewrite=None, seed: int = 1, whole=None) -> None:
    """Each document of ``source`` with each line after the header passed through ``line_rewrite(line, rng)``,
    or the whole body through ``whole(lines, rng, doc)``; each gold file through ``gold_rewrite(data, rng)`` when
    given (the same seeded generator as its document's, made anew for it)."""
    import random

    for gold in source.glob("*.gold.json"):
        stem = gold.name[: -len(".gold.json")]
        docs = [p for p in source.glob(stem + ".*") if p.suffix == ".txt" and not p.name.endswith(".gold.json")]
        if not docs:
            continue
        data = json.loads(gold.read_text("utf-8"))
        lines = docs[0].read_text("utf-8").split("\n")
        if whole is not None:
            body, data = whole(lines[HEADER:], data, random.Random(f"{seed}:{stem}"))
        else:
            rng = random.Random(f"{seed}:{stem}")
            body = [line_rewrite(line, rng) for line in lines[HEADER:]]
            if gold_rewrite is not None:
                data = gold_rewrite(data, random.Random(f"{seed}:{stem}"))
        (out / gold.name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        (out / docs[0].name).write_text("\n".join(lines[:HEADER] + body), "utf-8")


# 1. Unknown unit names. Every gold unit name in a document (its text and its gold) replaced by an invented name of
# the same kind: the place prefix kept (省, 市, 县, 某某市 …), the body made of invented syllables, ending in a word no
# line of data/org_suffixes.txt knows. Role cues decide where units are; the lexicon must never veto a name in a
# labelled slot, a column or a bracket clause. Collectives (各…) and names not printed as such in the text are kept.
_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?(?:自治区|自治州|省|市|州|盟|县|区|旗|镇|乡))")
_SYLLABLES = "澜汐砚岚璟琮珂瑶翎棠筠萱芷蘅珈璃琬琰瑾琳"
_ODD_ENDINGS = "坊苑阁庐舍斋寮"


def _unknown_endings() -> str:
    from dutygraph.text.units import org_suffixes

    known = org_suffixes()
    return "".join(ch for ch in _ODD_ENDINGS if not any(ch.endswith(s) for s in known))


def _gold_units(data: dict) -> set[str]:
    return {name for document in data["documents"] for task in document["tasks"]
            for role in ("lead", "responsible", "cooperating") for name in task.get(role) or []}


def _invented(name: str, rng, endings: str) -> str:
    m = _PLACE.match(name)
    prefix = m.group() if m and len(m.group()) < len(name) - 1 else ""
    body = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3))))
    return prefix + body + rng.choice(endings)


def _unknown_names(lines: list[str], data: dict, rng) -> tuple[list[str], dict]:
    endings = _unknown_endings()
    text = "\n".join(lines)
    names = sorted((n for n in _gold_units(data) if len(n) >= 3 and "各" not in n and n in text),
                   key=lambda n: (-len(n), n))
    mapping: dict[str, str] = {}
    for name in names:
        new = _invented(name, rng, endings)
        while new in mapping.values():
            new = _invented(name, rng, endings)
        mapping[name] = new
    if not mapping:
        return lines, data
    pattern = re.compile("|".join(map(re.escape, mapping)))
    swap = lambda s: pattern.sub(lambda m: mapping[m.group()], s)  # noqa: E731
    for document in data["documents"]:
        for task in document["tasks"]:
            task["text"] = swap(task.get("text") or "")
            for role in ("lead", "responsible", "cooperating"):
                task[role] = [mapping.get(name, name) for name in task.get(role) or []]
    data.setdefault("renamed", mapping)
    return [swap(line) for line in lines], data


# 2. Punctuation and spacing as other sites print them.
_HALF_FULL = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}
_TO_OTHER_WIDTH = str.maketrans({**_HALF_FULL, **{v: k for k, v in _HALF_FULL.items()}})
_CJK_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")
_LABEL_COLON = re.compile(r"((?:单位|部门|领导|责任人)\s*)[：:]")


def _other_width(line: str, rng) -> str:
    """Colons, brackets, commas and semicolons of the other width (full-width ↔ half-width)."""
    return line.translate(_TO_OTHER_WIDTH)


def _spaced(line: str, rng) -> str:
    """A space between every two CJK characters, as text copied out of some PDFs prints: letter-spaced, with the
    gaps that were there (between a table's cells, a name and a role word) wider than the spacing."""
    return _CJK_PAIR.sub(" ", re.sub(r"(?<=\S) (?=\S)", "  ", line))


def _label_colons(line: str, rng) -> str:
    """A label's colon dropped (责任单位 市X局) or doubled (责任单位：：市X局), drawn per label."""
    return _LABEL_COLON.sub(lambda m: m.group(1) + rng.choice((" ", "：：", "\u3000")), line)


# 3. Item numbers of one style printed in another through the whole document, levels kept: the styles the document
# uses are given (seeded) other styles, one to one and in the same order of rank (一、 above （一） above 1. / 1、 above
# （1） above ①), as plans number their levels: a document numbering 一、 and 1. may come as （一） and ①.
_NUMERALS = "一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    return ("" if n < 20 else _NUMERALS[n // 10 - 1]) + "十" + (_NUMERALS[n % 10 - 1] if n % 10 else "")


def _from_cn(text: str) -> int:
    if "十" not in text:
        return _NUMERALS.index(text) + 1
    tens, _, ones = text.partition("十")
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


_STYLES = {  # style: (pattern of its marker at a line's start, printer of number n)
    "一、": (r"([一二三四五六七八九十]{1,3})、", lambda n: _cn(n) + "、"),
    "（一）": (r"[（(]([一二三四五六七八九十]{1,3})[）)]", lambda n: f"（{_cn(n)}）"),
    "1.": (r"(\d{1,2})[.．](?!\d)", lambda n: f"{n}."),
    "1、": (r"(\d{1,2})、", lambda n: f"{n}、"),
    "（1）": (r"[（(](\d{1,2})[）)]", lambda n: f"（{n}）"),
    "①": (r"([①-⑳])", lambda n: chr(0x2460 + n - 1)),
}
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_RANK = {"一、": 0, "（一）": 1, "1.": 2, "1、": 2, "（1）": 3, "①": 4}
_STYLE_AT = {style: re.compile(r"^(\s*)" + pattern) for style, (pattern, _) in _STYLES.items()}


def _number(style: str, digits: str) -> int:
    if style in ("一、", "（一）"):
        return _from_cn(digits)
    return ord(digits) - 0x2460 + 1 if style == "①" else int(digits)


def _renumbered(lines: list[str], data: dict, rng) -> tuple[list[str], dict]:
    found = []  # per line: (style, number, match) or None
    top: dict[str, int] = {}
    for line in lines:
        for style, pattern in _STYLE_AT.items():
            m = pattern.match(line)
            if m:
                n = _number(style, m.group(2))
                found.append((style, n, m))
                top[style] = max(top.get(style, 0), n)
                break
        else:
            found.append(None)
    styles = list(_STYLES)
    used = sorted(top, key=styles.index)
    if any(_BARE_NUMBER.match(line) for line in lines):  # a row's bare number (1 on a line of its own) holds 1. / 1、
        styles = [s for s in styles if s not in ("1.", "1、") or s in used]
    for _ in range(50):  # the used styles, in order, onto others in order; a rank apart stays a rank apart
        targets = [styles[k] for k in sorted(rng.sample(range(len(styles)), len(used)))]
        if all(t != "①" or top[s] <= 20 for s, t in zip(used, targets)) and all(
                (_RANK[a] < _RANK[b]) == (_RANK[x] < _RANK[y])
                for (a, x), (b, y) in zip(zip(used, targets), zip(used[1:], targets[1:]))):
            break
    else:
        return lines, data
    to = dict(zip(used, targets))
    out = []
    for line, hit in zip(lines, found):
        if hit is None:
            out.append(line)
            continue
        style, n, m = hit
        out.append(m.group(1) + _STYLES[to[style]][1](n) + line[m.end():])
    return out, data


# 4. Traditional script: the whole body through OpenCC's s2t (the gold stays in Simplified: scoring folds both).
@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(lines: list[str], data: dict, rng) -> tuple[list[str], dict]:
    converted = _s2t().convert("\n".join(lines)).split("\n")
    assert len(converted) == len(lines)
    return converted, data


# Where each renamed unit stands, and how many of each slot kind the reader still finds.
_LIST_GLUE = re.compile(r"[、，,；;\s/]+")


def _slot(line: str, at: int, names: list[str]) -> str:
    """The kind of slot the name at ``at`` of ``line`` stands in: a column (a table cell: a tab or a bar in the line,
    or a line of nothing but names), a label (a colon, then only names up to it), a bracket clause, or prose."""
    rest = line
    for name in names:
        rest = rest.replace(name, "、")
    if "\t" in line or "|" in line or len(_LIST_GLUE.sub("", rest)) <= 2:
        return "column"
    before = line[:at]
    colon = max(before.rfind("："), before.rfind(":"))
    if colon >= 0:
        between = before[colon + 1:]
        for name in names:
            between = between.replace(name, "")
        if not _LIST_GLUE.sub("", between):
            return "label"
    if sum(before.count(c) for c in "(（") > sum(before.count(c) for c in ")）"):
        return "bracket"
    return "prose"


def renamed_recall_by_slot(folder: Path, misses: list | None = None) -> dict[str, list[int]]:
    """Per slot kind, [gold (task, unit) pairs of renamed units, of them found] over the documents of ``folder``
    (written by :func:`_perturbed` with :func:`_unknown_names`)."""
    from dutygraph.errors import InputError
    from dutygraph.evaluate import match_tasks, norm_unit, read_gold
    from dutygraph.loaders import load

    out: dict[str, list[int]] = {}
    for gold_file in sorted(folder.glob("*.gold.json")):
        renamed = set(json.loads(gold_file.read_text("utf-8")).get("renamed", {}).values())
        if not renamed:
            continue
        doc = gold_file.with_name(gold_file.name[: -len(".gold.json")] + ".txt")
        lines = doc.read_text("utf-8").split("\n")
        gold = read_gold(gold_file)
        try:
            pred = load(doc).to_dict()["tasks"]
        except InputError:
            pred = []
        pairs = match_tasks(gold, pred)
        names = sorted(renamed, key=len, reverse=True)
        for i, task in enumerate(gold):
            found = {norm_unit(u) for r in ("lead", "responsible", "cooperating")
                     for u in (pred[pairs[i]].get(r) or [] if i in pairs else [])}
            span = task.get("lines") or [1, len(lines)]
            window = range(max(span[0] - 1, 0), min(span[-1], len(lines)))
            for unit in {u for r in ("lead", "responsible", "cooperating") for u in task.get(r) or []} & renamed:
                where = next(((k, lines[k].find(unit)) for k in window if unit in lines[k]), None) or next(
                    ((k, line.find(unit)) for k, line in enumerate(lines) if unit in line), None)
                kind = _slot(lines[where[0]], where[1], names) if where else "absent"
                counts = out.setdefault(kind, [0, 0])
                counts[0] += 1
                counts[1] += norm_unit(unit) in found
                if misses is not None and norm_unit(unit) not in found:
                    misses.append((kind, doc.name, unit, lines[where[0]] if where else ""))
    return out


PERTURBATIONS = {  # name: (how, floors per set in SETS' order); floors a little under the figures measured when set
    # (r-perturb2, seed 1; main 17f1013 -> this branch, per set in SETS' order)
    # names: 0.706 0.722 0.550 0.665 0.458 0.661 0.600 0.634 0.588 0.669 0.511 0.735 (main)
    #     -> 0.734 0.880 0.558 0.696 0.458 0.681 0.637 0.695 0.586 0.669 0.511 0.758
    # (r-slots, session 15: role-cue slots keep names whatever they end with; main c46efff -> r-slots)
    # 0.734 0.880 0.574 0.698 0.486 0.683 0.633 0.695 0.588 0.677 0.514 0.874
    # -> 0.924 0.880 0.705 0.757 0.642 0.681 0.669 0.842 0.683 0.701 0.674 0.884 (blind3: G25's second subject,
    # 市X具体负责…, is read once its first, 市Y分季度…, no longer is: the first needs the lexicon)
    "unknown unit names": (dict(whole=_unknown_names),
                           (0.94, 0.89, 0.79, 0.89, 0.73, 0.85, 0.82, 0.84, 0.83, 0.75, 0.84, 0.90)),
    # the same as the originals
    "colons, brackets, commas of the other width": (dict(line_rewrite=_other_width),
                                                    (0.98, 0.97, 0.92, 0.98, 0.87, 0.94, 0.96, 0.98, 0.98, 0.93, 0.93, 0.84)),
    # main: 0.983 0.980 0.868 0.753 0.657 0.898 0.929 0.911 0.938 0.865 0.905 0.801 -> the originals' figures
    "letter-spaced (a PDF copy)": (dict(line_rewrite=_spaced),
                                   (0.98, 0.97, 0.92, 0.98, 0.87, 0.94, 0.96, 0.98, 0.98, 0.93, 0.93, 0.84)),
    # main: 0.980 0.986 0.919 0.980 0.877 0.898 0.941 0.982 0.995 0.944 0.941 0.824 -> (a clause's label, its colon a
    # space: script.spaced_colons) 0.980 0.986 0.931 0.989 0.879 0.921 0.955 0.992 0.995 0.944 0.941 0.835; the rest
    # are labels at a line's start (prose, r-prose7 / labels, r-labels7: in the report)
    "a label's colon dropped or doubled": (dict(line_rewrite=_label_colons),
                                           (0.97, 0.97, 0.92, 0.97, 0.86, 0.91, 0.94, 0.98, 0.98, 0.93, 0.93, 0.82)),
    # main: 0.994 0.960 0.935 0.989 0.883 0.941 0.967 0.995 0.995 0.924 0.872 0.854 -> blind3 0.955 (a heading's
    # number opens no name); the rest: circled items lose their collective subject (①各单位要…: prose, r-prose7)
    "item numbers of other styles, levels kept": (dict(whole=_renumbered),
                                                  (0.98, 0.95, 0.92, 0.97, 0.87, 0.94, 0.95, 0.98, 0.98, 0.91, 0.86, 0.84)),
    # the same as the originals
    "Traditional script": (dict(whole=_traditional),
                           (0.98, 0.97, 0.92, 0.98, 0.87, 0.94, 0.96, 0.98, 0.98, 0.93, 0.93, 0.84)),
}


@pytest.mark.parametrize("perturbation,fixtures", [(p, s) for p in PERTURBATIONS for s in SETS])
def test_every_set_perturbed_scores_near_its_originals(perturbation, fixtures, tmp_path):
    how, floors = PERTURBATIONS[perturbation]
    _perturbed(FIXTURES / fixtures, tmp_path, **how)
    report = evaluate(tmp_path, tmp_path)
    assert len(report["documents"]) == len(list((FIXTURES / fixtures).glob("*.gold.json")))
    floor = floors[SETS.index(fixtures)]
    assert report["total"]["units"]["f1"] >= floor, {d["document"]: d["units"]["f1"] for d in report["documents"]}


# Every set hard-wrapped, as PDF and word-processor text exports print a plan (r-wrap, session 16): every line cut
# at one width, mid-sentence, mid-clause, mid-name; at three widths in characters (textwrap, the spaces kept where
# it breaks), so that no rule keys to one; where a page of 76 columns fills (a CJK character two columns, a digit or
# a Latin letter one: a PDF copy's lines are of one width on the page, not in characters); and with every paragraph
# opened by an indent (　　) before it is wrapped, as a PDF copy indents them. The reader joins the paragraphs back
# (dutygraph.loaders.unwrap). Tables printed as text are wrapped inside their rows here, which a real copy does
# otherwise: their losses are not chased.
WRAP_SETS = (*SETS, "collected/blind10", "collected/blind11")


def _wrapped_at(width: int, indent: bool = False):
    def wrap(line: str) -> list[str]:
        if indent and line.strip():
            line = "\u3000\u3000" + line.strip()
        return textwrap.wrap(line, width, drop_whitespace=False) or [line]
    return wrap


def _on_page(columns: int):
    def wrap(line: str) -> list[str]:
        out, piece, used = [], "", 0
        for ch in line:
            width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if used + width > columns:
                out.append(piece)
                piece, used = "", 0
            piece, used = piece + ch, used + width
        return out + [piece] if line.strip() else [line]
    return wrap


WRAPPED = {  # copy: (how, floors per set in WRAP_SETS' order, a little under the figures measured when set)
    # main 18fed2a, 38: 0.912 0.940 0.875 0.843 0.705 0.862 0.943 0.922 0.935 0.812 0.898 0.862 0.750 0.576
    # main 18fed2a, 30: 0.909 0.950 0.884 0.878 0.772 0.898 0.902 0.926 0.912 0.889 0.896 0.857 0.855 0.658
    # main 18fed2a, 45: 0.906 0.908 0.880 0.906 0.857 0.904 0.906 0.946 0.938 0.951 0.897 0.874 0.855 0.675
    # r-wrap, 38:      0.971 0.962 0.921 0.970 0.850 0.946 0.972 0.976 0.970 0.826 0.928 0.968 0.901 0.817
    # r-wrap, 30:      0.973 0.949 0.922 0.970 0.838 0.958 0.950 0.947 0.970 0.948 0.923 0.883 0.903 0.855
    # r-wrap, 45:      0.986 0.958 0.942 0.970 0.901 0.941 0.977 0.968 0.989 0.951 0.919 0.883 0.904 0.693
    # main 18fed2a, 76 columns: 0.852 0.851 0.838 0.527 0.715 0.743 0.867 0.599 0.863 0.915 0.635 0.730 0.710 0.580
    # main 18fed2a, indented, 30: 0.894 0.938 0.851 0.874 0.764 0.813 0.905 0.929 0.918 0.700 0.910 0.891 0.846 0.616
    # r-wrap, 76 columns: 0.976 0.966 0.935 0.975 0.901 0.960 0.959 0.968 0.989 0.938 0.967 0.982 0.929 0.691
    # r-wrap, indented, 30: 0.990 0.957 0.908 0.970 0.838 0.943 0.969 0.949 0.967 0.777 0.937 0.906 0.910 0.818
    "38 characters": (_wrapped_at(38),
                      (0.95, 0.94, 0.90, 0.95, 0.83, 0.93, 0.95, 0.96, 0.95, 0.81, 0.91, 0.95, 0.88, 0.80)),
    "30 characters": (_wrapped_at(30),
                      (0.95, 0.93, 0.90, 0.95, 0.82, 0.94, 0.93, 0.93, 0.95, 0.93, 0.90, 0.86, 0.88, 0.84)),
    "45 characters": (_wrapped_at(45),
                      (0.97, 0.94, 0.92, 0.95, 0.88, 0.92, 0.96, 0.95, 0.97, 0.93, 0.90, 0.86, 0.88, 0.67)),
    "76 columns": (_on_page(76),
                   (0.96, 0.95, 0.91, 0.95, 0.88, 0.94, 0.94, 0.95, 0.97, 0.92, 0.95, 0.96, 0.91, 0.67)),
    "30 characters, indented": (_wrapped_at(30, indent=True),
                                (0.97, 0.94, 0.89, 0.95, 0.82, 0.92, 0.95, 0.93, 0.95, 0.76, 0.92, 0.89, 0.89, 0.80)),
}


@pytest.mark.parametrize("copy,fixtures", [(c, s) for c in WRAPPED for s in WRAP_SETS])
def test_every_set_hard_wrapped_scores_near_its_originals(copy, fixtures, tmp_path):
    wrap, floors = WRAPPED[copy]
    source = FIXTURES / fixtures
    _rewrite(tmp_path, wrap, False, source)
    report = evaluate(tmp_path, tmp_path)
    assert len(report["documents"]) == len(list(source.glob("*.gold.json")))
    floor = floors[WRAP_SETS.index(fixtures)]
    assert report["total"]["units"]["f1"] >= floor, {d["document"]: d["units"]["f1"] for d in report["documents"]}


# Renamed units found, per slot kind, over every set (r-perturb2, seed 1): main 17f1013 label 0.84, bracket 0.29,
# column 0.46, prose 0.22; this branch label 0.85, bracket 0.38, column 0.58, prose 0.22. A name the lexicon does not
# know must survive where a label, a column or a bracket clause holds it; prose subjects may rightly be lost.
# (r-slots, session 15) role-cue slots keep names whatever they end with (a bracket closed by a role word, a note's
# list, a label's content before the next label, a run of role parts, a subject or unit heading opening with its
# level, a line of names closed by a role word, a bare bracket of a level's bodies beside a known name, a unit
# column's list of a level's bodies): label 0.906 -> 0.963, bracket 0.381 -> 0.867, prose 0.230 -> 0.485, column
# 0.583 -> 0.589; every fixture document's output unchanged but blind2 F09 (0.537 -> 0.571).
# (r-tables7, session 15) unit columns read by their column whatever their names end with: column 0.583 -> 0.868.
SLOT_FLOORS = {"label": 0.98, "bracket": 0.92, "column": 0.94, "prose": 0.70}  # r-heads2 (unit heading lines and one-name cell lines read by prose): column 0.928 -> 0.957, prose 0.707 -> 0.720; r-slots2: label 0.963 -> 0.990, bracket 0.870 -> 0.932; r-prose8: prose 0.527 -> 0.603; r-notices8 (modal slots): prose 0.620; r-clauses3 (frames: 会同, 委托, duty words): prose 0.619 -> 0.663 on its base


def test_unknown_names_in_labelled_slots_columns_and_brackets_survive(tmp_path):
    totals: dict[str, list[int]] = {}
    for k, fixtures in enumerate(SETS):
        out = tmp_path / str(k)
        out.mkdir()
        _perturbed(FIXTURES / fixtures, out, whole=_unknown_names)
        for kind, (n, found) in renamed_recall_by_slot(out).items():
            totals.setdefault(kind, [0, 0])
            totals[kind][0] += n
            totals[kind][1] += found
    recall = {kind: found / n for kind, (n, found) in totals.items()}
    assert all(recall[kind] >= floor for kind, floor in SLOT_FLOORS.items()), recall


def test_invented_names_keep_their_place_and_end_in_no_known_suffix():
    import random

    from dutygraph.text.units import is_unit_name

    rng = random.Random(1)
    endings = _unknown_endings()
    assert endings
    for name in ("省发展改革委", "市住建局", "杭州市交通局", "县人民政府", "体育总局"):
        new = _invented(name, rng, endings)
        assert not is_unit_name(new), new
        assert new[0] == name[0] or not _PLACE.match(name)


def test_renumbering_keeps_the_order_of_levels():
    import random

    lines = ["一、总体要求", "（一）目标", "1.完成A。", "2.完成B。", "二、保障", "（二）组织", "1.完成C。"]
    for seed in range(20):
        out, _ = _renumbered(lines, {}, random.Random(seed))
        ranks = []
        for line in out:
            style = next(s for s, p in _STYLE_AT.items() if p.match(line))
            ranks.append(_RANK[style])
        assert ranks[0] < ranks[1] < ranks[2] == ranks[3] and ranks[4] == ranks[0] and ranks[5] == ranks[1]


def test_a_task_table_of_names_the_lexicon_does_not_know_reads_its_unit_cells(tmp_path):
    # a task table printed one cell a line, its lists of units invented names (no ending data/org_suffixes.txt
    # knows), each opening with its level or place: the cells are unit cells (a single unknown name alone on a
    # line is left to the table's reader: 县乡道路 opens like one)
    text = "\n".join([
        "附件1", "", "某市重点改革任务表", "序号", "重点任务", "牵头单位", "责任单位",
        "1", "垃圾分类改革", "建立生活垃圾分类投放体系,在居民家庭配置分类桶,建立积分制。", "市城管局",
        "市远山舍、东岭区明溪阁、西岭区云岫苑",
        "2", "河湖治理改革", "全面推行河长制,完善河湖巡查机制,开展河湖清四乱行动。", "市水利局", "市远山舍、南岭县听松斋",
        "3", "农村改厕改革", "推进农村户厕改造,建立管护长效机制。", "市农业农村局", "东岭区明溪阁、南岭县听松斋", ""])
    (tmp_path / "plan.txt").write_text(text, "utf-8")
    from dutygraph.loaders import load

    tasks = load(tmp_path / "plan.txt").to_dict()["tasks"]
    assert [t["responsible"] for t in tasks][:2] == [["市远山舍", "东岭区明溪阁", "西岭区云岫苑"], ["市远山舍", "南岭县听松斋"]]
    assert [t["lead"] for t in tasks] == [["市城管局"], ["市水利局"], ["市农业农村局"]]
