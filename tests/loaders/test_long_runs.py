"""Long runs of each character class through the readers and the graph build: linear work, not more.

A super-linear pattern shows on a long run of the characters it repeats over: 10,000 ``9`` in a
task took 9.9 s in the project-name tokenizer, 20,000 took 34.6 s. Here a run of 40,000 of each
class (digits, numerals, CJK, punctuation, brackets, spaces, markers …) stands in a task's text (one
with a sum of money and a deadline too), in a unit's name, on a line of its own, in a CSV cell and in
an HTML paragraph; each document is read
and its graph built in under 5 s of CPU time (quadratic work would take minutes).
"""

from __future__ import annotations

import time

import pytest

from dutygraph.errors import InputError
from dutygraph.graph.build import build
from dutygraph.loaders import load

RUN = 40_000
CPU_SECONDS = 5.0
CLASSES = {
    "digits": "9", "fullwidth digits": "９", "numerals": "一", "tens": "十", "numeral pairs": "一百", "cjk": "中",
    "city": "市", "comma": "，", "full stop": "。", "enumeration comma": "、", "semicolon": "；", "colon": "：",
    "paren": "(", "fullwidth paren": "（", "closing paren": ")", "title mark": "《", "title pairs": "《a",
    "closing title mark": "》", "lenticular": "【", "square": "[", "space": " ", "ideographic space": "\u3000",
    "nbsp": "\u00a0", "tab": "\t", "marker 1.": "1.", "marker (一)": "(一)", "marker 一、": "一、", "marker 1、": "1、",
    "marker （1）": "（1）", "ascii": "a", "dot": ".", "percent": "%", "dash": "—", "quote": "“", "decimal": "1.2",
    "year": "2018年", "deadline": "6月底前", "phase": "9期", "digit-cjk": "9中", "amount": "万元", "role": "牵头",
    "unit": "市住建局", "lines of digits": "9\n", "blank lines": "\n", "brackets": "()", "open and digit": "（9",
    "type word": "路", "type words": "公园项目", "place and type": "河西大桥",
}
HEAD = "关于印发《X市2020年工作要点》的通知\n一、重点任务\n"


def _documents(run: str) -> dict[str, str]:
    return {
        "task.txt": f"{HEAD}1.建设{run}绿道。(市住建局牵头,市财政局配合)\n",
        "money.txt": f"{HEAD}1.投资{run}绿道,共1亿元,6月底前完成。(市住建局牵头)\n",  # amounts and deadlines too
        "unit.txt": f"{HEAD}1.建设绿道。(市{run}局牵头,市财政局配合)\n",
        "line.txt": f"{HEAD}{run}\n1.建设绿道。(市住建局牵头)\n",
        "cell.csv": f"序号,重点任务,牵头单位\n1,建设{run}绿道。,市住建局\n",
        "page.html": f"<html><body><p>{HEAD}</p><p>1.建设{run}绿道。(市住建局牵头)</p></body></html>",
    }


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_a_long_run_is_read_and_built_in_linear_time(tmp_path, name, monkeypatch):
    from dutygraph.loaders import limits

    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 0)  # the time asked of the code itself, not of its budget
    chars = CLASSES[name]
    for file_name, text in _documents(chars * (RUN // len(chars))).items():
        path = tmp_path / file_name
        path.write_text(text, "utf-8")
        start = time.process_time()
        try:
            build([load(path)])
        except InputError:
            pass  # refused in one clear line: fine, as long as it is quick
        spent = time.process_time() - start
        assert spent < CPU_SECONDS, f"{file_name}: {spent:.1f} s of CPU for {RUN} × {chars!r}"
