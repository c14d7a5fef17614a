"""A document cut inside its last unit name: the fragment is no unit (document._drop_cut_name)."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role

ROWS = "\n\n".join(["序号", "重点工作", "牵头单位", "配合单位",
                    "1", "加快建设科学城。", "市科技局", "黄埔区政府",
                    "2", "做好实验室筹建服务。", "市科技局", "市财政局",
                    "3", "加快建设技术创新中心。"])


def test_the_start_of_a_name_printed_whole_elsewhere_is_cut_although_its_ending_reads_as_a_suffix():
    doc = parse_text(ROWS + "\n\n市科", "plan.txt")  # 市科 ends with 科 (a section), but is 市科技局 cut short
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["市科技局"], ["市科技局"], []]


def test_a_whole_last_name_is_kept():
    doc = parse_text(ROWS + "\n\n市发改委", "plan.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks][-1] == ["市发改委"]


def test_a_collective_ending_the_document_is_whole_not_a_cut_name():
    from dutygraph.loaders.document import parse_text
    from dutygraph.model import Role

    doc = parse_text("序号|重点任务|完成时限|责任单位\n1|新建农村公路30公里。|2024年底|镇建设办\n"
                     "2|改造厕所500户。|2024年6月|镇农办、各村\n", "p.txt")
    assert doc.tasks[-1].units(Role.RESPONSIBLE) == ["镇农办", "各村"]


def test_a_name_cut_at_the_end_of_a_note_after_a_group_goes_from_every_item_it_was_spread_to():
    text = ("1.建设学校。3月底前完成部署。\n2.提升办学水平。4月底前完成申报。\n"
            "以上工作由县教育局牵头,会同县财政局、公安")  # the excerpt stops inside 公安局
    doc = parse_text(text, "plan.txt")
    assert [[a.unit for a in t.assignments] for t in doc.tasks] == [["县教育局", "县财政局"]] * 2


def test_a_row_cut_inside_its_last_name_keeps_the_whole_names_before_it_whatever_they_end_with():
    doc = parse_text("序号 | 重点任务 | 牵头单位 | 配合单位 |\n1 | 新建农村公路30公里。 | 区甲坊 | 区乙苑、区丙舍 |\n"
                     "2 | 改造厕所500户。 | 区甲坊 | 区乙苑、区丙舍、区", "p.txt")  # the excerpt stops inside a name
    assert doc.tasks[-1].units(Role.COOPERATING) == ["区乙苑", "区丙舍"]
