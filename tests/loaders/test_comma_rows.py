from __future__ import annotations

from dutygraph.loaders.comma_rows import commas_as_tabs
from dutygraph.loaders.plain_text import parse_plain_text
from dutygraph.model import Role


def test_a_task_table_pasted_as_comma_separated_text_gives_its_tasks_and_roles():
    text = ("附件：重点任务分工表\n序号,重点任务,牵头单位,配合单位,完成时限\n"
            '1,推进老旧小区改造100个,市住建局,"市财政局、各区政府",2023年12月\n'
            "2,新建公园5个,市园林局,市自然资源局,2023年10月\n")
    document = parse_plain_text(text, "table.txt")
    assert [(t.text, [(a.unit, a.role) for a in t.assignments], t.provenance.first_line) for t in document.tasks] == [
        ("推进老旧小区改造100个", [("市住建局", Role.LEAD), ("市财政局", Role.COOPERATING), ("各区政府", Role.COOPERATING)], 3),
        ("新建公园5个", [("市园林局", Role.LEAD), ("市自然资源局", Role.COOPERATING)], 4)]


def test_prose_with_commas_and_rows_of_another_width_are_left_as_they_are():
    prose = "一、推进改造,加快建设,完善机制,强化保障。\n二、推进改造,加快建设,完善机制,强化保障。"
    assert commas_as_tabs(prose) == prose
    table = "序号,重点任务,牵头单位\n1,推进改造\n"  # a row of another width ends the table before it starts
    assert commas_as_tabs(table) == table
