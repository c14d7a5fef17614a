"""Plans kept as Markdown: headings, bullets and bold labels around the text (dutygraph/loaders/markup.py)."""

import pytest

from dutygraph.loaders.document import parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.model import Role

WANT = [("整治背街小巷20条", ["区城管执法局"], ["区住建局", "各街道办事处"]),
        ("新建口袋公园5个", ["区绿化市容局"], ["区规划资源局"])]

FORMS = {
    "headings and bulleted bold labels": [
        "# 某区2024年城市管理重点工作分工方案", "", "## 1. 整治背街小巷20条", "",
        "- **牵头单位**：区城管执法局", "- **配合单位**：区住建局、各街道办事处", "",
        "## 2. 新建口袋公园5个", "", "- **牵头单位**：区绿化市容局", "- **配合单位**：区规划资源局"],
    "a numbered list with bold fields": [
        "某区2024年城市管理重点工作分工方案", "1. **工作任务**：整治背街小巷20条",
        "   **牵头单位**：区城管执法局", "   **配合单位**：区住建局、各街道办事处",
        "2. **工作任务**：新建口袋公园5个", "   **牵头单位**：区绿化市容局", "   **配合单位**：区规划资源局"],
    "bullets without bold": [
        "某区2024年城市管理重点工作分工方案", "### 1. 整治背街小巷20条", "* 牵头单位：区城管执法局",
        "* 配合单位：区住建局、各街道办事处", "### 2. 新建口袋公园5个", "+ 牵头单位：区绿化市容局",
        "+ 配合单位：区规划资源局"],
}


@pytest.mark.parametrize("form", list(FORMS))
def test_a_markdown_copy_reads_as_the_plain_text(form):
    doc = parse_text("\n".join(FORMS[form]), "plan.md")
    assert [(t.text, t.units(Role.LEAD), t.units(Role.COOPERATING)) for t in doc.tasks] == WANT


def test_a_markdown_heading_is_the_title_without_its_marks():
    doc = parse_text("\n".join(FORMS["headings and bulleted bold labels"]), "plan.md")
    assert doc.title == "某区2024年城市管理重点工作分工方案"


def test_what_is_no_markup_stays_as_printed():
    lines = to_lines("- 3 -\n# source: http://example.org\n联系人：张**、李**\n2021-2025年 - 第二阶段\n")
    assert [ln.text for ln in lines] == ["-3-", "#source:http://example.org", "联系人：张**、李**", "2021-2025年-第二阶段"]
    assert [ln.raw for ln in to_lines("## 1. 整治\n")] == ["## 1. 整治"]  # the raw line is kept
