"""A plan glued into one line: its items and labels cut apart again (dutygraph/loaders/unglue.py)."""

from __future__ import annotations

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def test_a_labels_list_running_into_the_next_items_number_ends_there():
    # a label's list glued to the next item's marker with no punctuation between (…县卫生院(3)工作目标… / …县卫生院4.…)
    glued = ("某县关于开展环境卫生整治的实施方案为做好整治工作,现将有关事项通知如下:一、工作任务(一)整治公共环境"
             "1.开展道路整治(1)工作目标:对集贸市场的排水沟进行清理疏通。负责股室(单位):县住建局、县卫生院"
             "(2)工作目标:对车站周边的乱停乱放开展集中整治,设置停车引导标识。负责股室(单位):县交通局、县公安局"
             "3.开展河道整治工作目标:清理河道两岸的垃圾和杂物,保持水面整洁。负责股室:县水利局、县环卫所")
    doc = parse_text("某县关于开展环境卫生整治的实施方案\n" + glued + "\n", "plan.txt")
    got = {t.text[:8]: t.units(Role.RESPONSIBLE) for t in doc.tasks if t.units(Role.RESPONSIBLE)}
    assert list(got.values()) == [["县住建局", "县卫生院"], ["县交通局", "县公安局"], ["县水利局", "县环卫所"]]
