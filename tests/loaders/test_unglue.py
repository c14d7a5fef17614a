"""Glued page lines cut back into their items and labels."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def test_a_labels_names_running_into_the_next_items_marker_end_the_item_there():
    # a summary page glued into one line: each item's 工作目标: and 责任单位: labels, the names of one running
    # straight into the next item's marker ((3), 4.) with no stop between them
    text = ("关于开展城乡环境卫生整治的实施方案\n关于开展城乡环境卫生整治的实施方案为巩固创建成果,按照县委、县政府工作部署,"
            "现将有关事项通知如下:一、工作任务(一)整治公共环境"
            "1.整治农贸市场(2)工作目标:对农贸市场的排水沟渠进行清理疏通责任单位:县市场监管局、县城管局"
            "(3)工作目标:对车站周边乱停乱放、占道经营等问题开展集中整治,做到车辆停放有序。责任单位:县交通运输局、县公安局"
            "4.开展背街小巷整治工作目标:开展常态化清扫保洁,改善背街小巷环境。责任单位:县住建局")
    doc = parse_text(text, "plan.txt")
    placed = [t for t in doc.tasks if t.assignments]
    assert [t.units(Role.RESPONSIBLE) for t in placed] == [
        ["县市场监管局", "县城管局"], ["县交通运输局", "县公安局"], ["县住建局"]]
    assert [w in t.text for w, t in zip(("对农贸市场的排水", "对车站周边乱停乱", "开展背街小巷整治"), placed)] == [True] * 3


def test_a_labels_list_running_into_the_next_items_number_ends_there_with_a_bracketed_label():
    # a label's list glued to the next item's marker with no punctuation between (…县卫生院(3)工作目标… / …县卫生院4.…)
    glued = ("某县关于开展环境卫生整治的实施方案为做好整治工作,现将有关事项通知如下:一、工作任务(一)整治公共环境"
             "1.开展道路整治(1)工作目标:对集贸市场的排水沟进行清理疏通。负责股室(单位):县住建局、县卫生院"
             "(2)工作目标:对车站周边的乱停乱放开展集中整治,设置停车引导标识。负责股室(单位):县交通局、县公安局"
             "3.开展河道整治工作目标:清理河道两岸的垃圾和杂物,保持水面整洁。负责股室:县水利局、县环卫所")
    doc = parse_text("某县关于开展环境卫生整治的实施方案\n" + glued + "\n", "plan.txt")
    got = {t.text[:8]: t.units(Role.RESPONSIBLE) for t in doc.tasks if t.units(Role.RESPONSIBLE)}
    assert list(got.values()) == [["县住建局", "县卫生院"], ["县交通局", "县公安局"], ["县水利局", "县环卫所"]]
