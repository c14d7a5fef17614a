"""Hard-wrapped copies (a PDF's or a word processor's text export) read like the unwrapped text, and lines that
only look wrapped (table rows, label lines) are never joined (dutygraph.loaders.unwrap)."""

import textwrap

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.unwrap import unwrap_text
from dutygraph.loaders.lines import to_lines

PLAN = """某市2021年重点工作任务分解方案
一、推进产业转型升级
1.加快建设先进制造业集群,推动新材料、新能源汽车等产业链延链补链强链,全年新增规模以上工业企业50家。(市工信局牵头,市发改委、市科技局配合)
2.实施城市更新行动,完成老旧小区改造120个,同步推进加装电梯和停车设施建设,改善居民生活条件。(责任单位:市住建局、各区人民政府)
二、保障改善民生
3.新建改扩建公办幼儿园20所,新增学位6000个,推动学前教育普及普惠安全优质发展。(市教育局负责)
4.完善城乡居民基本养老保险制度,提高基础养老金标准,扩大社会保险覆盖面,确保应保尽保。(市人社局牵头,市财政局、市税务局配合)
"""


def _joined(text: str) -> list[str]:
    """The lines of ``text`` as the reader reads them after joining a hard wrap (as they are when nothing joins)."""
    lines = to_lines(text)
    unwrapped = unwrap_text(lines)
    return [ln.text for ln in lines] if unwrapped is None else [ln.text for ln in to_lines(unwrapped[0])]


def _facts(doc):
    return [(t.text, [(a.unit, a.role.value) for a in t.assignments]) for t in doc.tasks]


def test_a_plan_wrapped_at_any_width_gives_the_tasks_of_the_unwrapped_one():
    plain = _facts(parse_text(PLAN, "plan.txt"))
    assert len(plain) == 4
    for width in (24, 33, 41):
        wrapped = "\n".join(line for para in PLAN.splitlines() for line in textwrap.wrap(para, width))
        assert _facts(parse_text(wrapped, "plan.txt")) == plain, width


def test_a_joined_line_keeps_the_number_of_its_first_line():
    wrapped = "\n".join(line for para in PLAN.splitlines() for line in textwrap.wrap(para, 30))
    doc = parse_text(wrapped, "plan.txt")
    first = doc.tasks[0]
    assert wrapped.splitlines()[first.provenance.first_line - 1].startswith("1.加快建设")


def test_text_that_is_not_wrapped_is_left_as_it_is():
    assert unwrap_text(to_lines(PLAN)) is None


def test_a_page_glued_into_one_line_is_cut_at_its_numbered_items():
    # a document-sharing site's copy: every line break lost, the items' markers kept
    glued = "".join(PLAN.splitlines())
    doc = parse_text(glued, "page.txt")
    assert _facts(doc) == _facts(parse_text(PLAN, "plan.txt"))


def test_lines_of_a_box_drawn_table_are_never_joined():
    rule = "├───┼───────────────────┼───┼───────────────┤"
    rows = ["│ 1 │ 厦船二期船台及配套工程工程 │ 1 │ 厦船三期船坞工程工程工程 │", "│ 2 │ 福宁船舶重工改扩建工程工程 │ │ 某某工程工程工程工程工程 │"]
    text = "\n".join([rule, rows[0], rule, rows[1], rule, rows[0], rule])
    assert len(_joined(text)) == 7


def test_rows_whose_cells_stand_apart_are_never_joined_even_at_one_width():
    rows = ["序号  主要任务  责任主体  完成时限"] + [
        f"{k}  {task}  {unit}  2025年{k + 5}月底前" for k, (task, unit) in enumerate([
            ("推进智慧社区建设工作", "区卫生健康委"), ("整治背街小巷共三十条", "区城市管理局"), ("新增公办幼儿园学位九", "区教育体育局"),
            ("建成口袋公园共计八个", "区园林绿化局")], 1)]
    assert len({len(r) for r in rows[1:]}) == 1  # one width: what a wrapped page shows
    assert _joined("\n".join(rows)) == [r.replace(" ", "") for r in rows]


def test_a_label_whose_colon_is_a_space_starts_a_line_of_its_own_after_a_line_as_long_as_the_wrap():
    # the longest lines (17 characters) look like a text wrapped at that width: a label line is no wrapped part
    text = "\n".join([
        "某区2024年民生实事项目责任分工", "某区人民政府", "2024年1月5日", "一、重点任务",
        "1、加快推进农村公路提档升级", "牵头单位 各街道办事处、区国资公司", "配合单位 区市场监管局",
        "2、完善城乡供水管网设施", "牵头单位 区住房城乡建设局", "配合单位 区应急管理局",
        "3、开展农村人居环境整治提升行动", "牵头单位 区住房城乡建设局", "配合单位 区城管执法局、区国资公司",
        "4、推进智慧城市平台建设", "牵头单位 区商务局、区城管执法局", "配合单位 区住房城乡建设局",
        "5、加强安全生产隐患排查治理", "牵头单位 区市场监管局", "配合单位 区国资公司、区疾控中心"])
    joined = _joined(text)
    assert [ln for ln in joined if ln.startswith(("牵头单位", "配合单位"))] == [
        ln.replace(" ", "") for ln in text.split("\n") if ln.startswith(("牵头单位", "配合单位"))]  # each on its own line
    doc = parse_text(text + "\n", "plan.txt")
    assert [[a.unit for a in t.assignments if a.role.value == "cooperating"] for t in doc.tasks] == [
        ["区市场监管局"], ["区应急管理局"], ["区城管执法局", "区国资公司"], ["区住房城乡建设局"], ["区国资公司", "区疾控中心"]]
