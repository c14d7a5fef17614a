"""Hard-wrapped copies joined back before any reader sees them (dutygraph.loaders.unwrap)."""

from __future__ import annotations

import re
import textwrap

from dutygraph.loaders.document import drop_page_marks, parse_text
from dutygraph.loaders.lines import to_lines
from dutygraph.loaders.unwrap import unwrap_text, wrap_width

# An invented plan: items with bracket clauses, label lines, unit names long enough to be cut anywhere.
PLAN = "\n".join([
    "某某市2031年城乡环境提升工作方案",
    "一、重点任务",
    "1.推进老旧小区改造,完成改造小区四十个,同步实施雨污分流、管线入地和适老化改造,提升居住品质。"
    "(牵头单位:市住房和城乡建设局  责任单位:市财政局、市自然资源和规划局、各县市区人民政府)",
    "2.开展河道综合治理,完成主要河道清淤疏浚三十公里,建设生态护岸,实现河道长效管护。",
    "牵头单位:市水利和湖泊管理局;责任单位:市生态环境保护局、市农业农村发展局、各乡镇人民政府",
    "3.建设城市绿道五十公里,新增口袋公园二十个,完善慢行系统和公园服务设施,方便群众就近游憩。"
    "(市园林绿化管理局牵头,市城市管理综合执法局、市交通运输发展局配合)",
    "4.实施农村人居环境整治,推进农村户厕改造和生活污水治理,健全村庄保洁长效机制。",
    "牵头单位:",
    "市农业农村发展局",
    "二、保障措施",
    "各单位要加强组织领导,明确责任分工,确保各项任务按期完成。",
])


def _wrapped(text: str, width: int) -> str:
    return "\n".join(piece for line in text.split("\n") for piece in (textwrap.wrap(line, width) or [line]))


def _tasks(text: str) -> list[tuple[str, tuple, tuple]]:
    doc = parse_text(text, "plan.txt").to_dict()
    return [(t["text"][:12], tuple(t.get("lead") or ()), tuple(t.get("responsible") or ()) + tuple(
        t.get("cooperating") or ())) for t in doc["tasks"]]


def test_a_plan_hard_wrapped_at_any_width_reads_as_the_plan_itself():
    # clauses (牵头单位:…), unit lists and names cut across lines, at widths that fall anywhere in them
    whole = _tasks(PLAN)
    assert len(whole) == 4 and all(lead for _, lead, _ in whole)
    for width in (24, 30, 37, 41):
        assert _tasks(_wrapped(PLAN, width)) == whole, width


def test_wrapped_lines_keep_the_number_of_their_first_line():
    text = _wrapped(PLAN, 30)
    joined, numbers = unwrap_text(to_lines(text))
    lines = text.split("\n")
    assert len(joined.split("\n")) == len(numbers) < len(lines)
    for piece, no in zip(joined.split("\n"), numbers):
        assert piece.startswith(lines[no - 1].strip())


def test_a_bracket_clause_left_open_goes_on_over_a_label_or_a_role_word():
    # (牵头单位: / 市X局 责任单位:…) and (…市Y局 / 配合): the next line opens like a label, inside the bracket
    body = "完善城乡供水管网新建改造供水管网提升供水保障能力推进城区积水点整治完成整治点位"
    lines = [line for k in (1, 3, 5) for line in (f"{k}." + body[:24] + "(牵头单位:", "市澜汐局  责任单位:市珂瑶局)",
                                                   f"{k + 1}." + body[:18] + "(市璟琮局牵头,市棠筠局", "配合)")]
    text = "\n".join(lines)
    width = wrap_width(lines)
    assert width is not None
    joined, _ = unwrap_text(to_lines(text))
    assert joined.split("\n")[:2] == [lines[0] + lines[1], lines[2] + lines[3]]


def test_a_label_cut_after_its_colon_joins_its_content():
    # 牵头单位: / 市X局: the label's content on the next line of a wrapped paragraph
    lines = [f"{k}.完善基层应急救援队伍建设配备救援装备牵头单位:" for k in range(1, 6)]
    text = "\n".join(["一、任务", *[line + "\n市某某局。" for line in lines]])
    joined, _ = unwrap_text(to_lines(text))
    assert joined.split("\n")[1:3] == [lines[0] + "市某某局。", lines[1] + "市某某局。"]


def test_a_document_not_wrapped_is_left_as_it_is():
    # long lines of many lengths, most closed by a stop: no width, nothing joined
    assert unwrap_text(to_lines(PLAN)) is None
    lines = [f"{k}.完成第{k}项任务的全部工作内容," + "并按期报送进展情况," * (k % 3) + "做好总结。" for k in range(1, 12)]
    assert wrap_width(lines) is None
    # lines of one length that end their sentences are a list, not a wrapped page
    same = ["一二三四五六七八九十一二三四五六七八九。"] * 8
    assert wrap_width(same) is None


def test_the_width_is_measured_on_the_text_as_printed():
    # a copy printed with pinyin glosses (國(guó)), wrapped at 24 characters: read with the glosses stripped, its
    # lines have many lengths; as printed, one
    printed = ("國(guó)土資源部、商務(wù)部、財政部負責推進土地整理,發(fā)展改革委、工業(yè)和信息化部負責(zé)推進"
               "產業(yè)發展,環境保護(hù)部負責推進生態治理,國(guó)資委負責推進國企改革,交通運(yùn)輸部、鐵道部負責推進"
               "交通建設,住房城鄉(xiāng)建設(shè)部負責推進城鎮建設,科技部負責推進科技創新")
    lines = [printed[k:k + 24] for k in range(0, len(printed), 24)]
    lines[-1] += "。"
    assert len(lines) >= 6 and {len(line) for line in lines[:-1]} == {24}
    text = "\n".join(lines)
    stripped = [re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", line) for line in lines]
    assert wrap_width(lines) == 24 and wrap_width(stripped) is None
    joined, numbers = unwrap_text(to_lines("\n".join(stripped)), text)
    assert numbers == [1] and joined == "".join(lines)


def test_a_range_cut_at_its_dash_and_a_list_cut_after_its_comma_go_on():
    # 11- / 12月: a range broken at its dash; …东部绥滨、/ 八五九、二九〇农场: a name after a comma, no heading
    # (the page is wrapped at 22 characters; the dash broke its line early, the comma fell at the width)
    body = ["1.制订验收标准并于11-", "12月开展达标检查。", "2.突出抓好灌区渠首工程建设,开工建设岚汐、", "八五九、二九〇等灌区渠首工程。"]
    assert 2 * len(body[0]) >= 22 > len(body[0]) + 1 and len(body[2]) == 22
    filler = [f"{k}.推进重点项目建设工作,按期完成年度目标任务" + "和考核"[: k % 2] for k in range(3, 9)]
    lines = body + [piece for line in filler for piece in (line[:22], line[22:] + "。")]
    text = "\n".join(lines)
    joined, _ = unwrap_text(to_lines(text))
    assert joined.split("\n")[:2] == [body[0] + body[1], body[2] + body[3]]


def test_a_paragraph_goes_on_across_a_page_break_but_not_across_a_blank_line():
    # a PDF copy prints a page's number between two pages (blank lines around it): the paragraph cut there goes on;
    # a blank line alone ends a paragraph
    filler = [f"{k}.推进重点项目建设工作,按期完成年度目标任务" + "和考核"[: k % 2] for k in range(3, 9)]
    lines = [piece for line in filler for piece in (line[:22], line[22:] + "。")]
    page = ["1.完善城乡供水管网,新建改造供水管网一百二", "", "- 2 -", "", "十公里。(市澜汐局牵头,市珂瑶局配合)"]
    blank = ["2.推进城区积水点整治,完成整治点位二十个,", "", "保障汛期道路通行安全。"]
    text = "\n".join(page + blank + lines)
    joined, numbers = unwrap_text(drop_page_marks(to_lines(text)))
    out = joined.split("\n")
    assert out[:4] == [page[0] + page[4], "", "- 2 -", ""] and numbers[:4] == [1, 2, 3, 4]
    assert out[4:7] == blank
    doc = parse_text(text, "plan.txt").to_dict()
    assert doc["tasks"][0]["lead"] == ["市澜汐局"] and doc["tasks"][0]["cooperating"] == ["市珂瑶局"]


def test_in_a_copy_indenting_its_paragraphs_the_indent_tells_where_one_starts():
    # a PDF copy indents each paragraph's first line: a full line ending with its stop goes on in an unindented
    # line (…加强考核。/ 持续推进…), and a full line without one ends where an indented line follows (…措施 / 　　二是…)
    width = 20
    paragraphs = ["一是加强组织领导,健全工作机制,明确责任分工。定期研究解决重点难点问题,形成工作合力。",
                  "二是压实工作责任,把各项任务纳入年度考核,加强督查考核,确保各项工作见实效。持续推进督查督办。",
                  "三是加强宣传引导,营造良好的舆论氛围", "四是强化资金保障,统筹安排专项资金,支持重点项目建设。"] * 2
    lines = [piece for p in paragraphs for piece in textwrap.wrap("\u3000\u3000" + p, width)]
    assert lines[4] == "考核,加强督查考核,确保各项工作见实效。" and lines[6] == "\u3000\u3000三是加强宣传引导,营造良好的舆论氛围"
    joined, _ = unwrap_text(to_lines("\n".join(lines)))
    assert joined.split("\n") == ["\u3000\u3000" + p for p in paragraphs]


def _on_page(text: str, columns: int) -> list[str]:
    """``text`` cut where a page of ``columns`` columns fills: a CJK character two columns, a digit or a Latin
    letter one (as a PDF copy wraps)."""
    out, line, used = [], "", 0
    for ch in text:
        width = 1 if ch.isascii() else 2
        if used + width > columns:
            out.append(line)
            line, used = "", 0
        line, used = line + ch, used + width
    return out + [line]


def test_a_copy_wrapped_where_the_page_fills_is_joined_back_whatever_its_digits():
    # a PDF copy: lines of one width on the page, their length in characters longer where digits stand in them
    items = [f"{k}.实施城市更新项目GX-2031-{k:04d}-{k * 12345},完成老旧小区改造,新建改造供水管网和排水管网,"
             f"项目总投资{k * 1234567}元,新增停车泊位(市住建局牵头,市发展改革委、市财政局配合)" for k in range(1, 7)]
    lines = [piece for item in items for piece in _on_page(item, 40)]
    assert len({len(line) for line in lines if not line.endswith(")")}) > 2  # no one length in characters
    joined, _ = unwrap_text(to_lines("\n".join(lines)))
    assert joined.split("\n") == items
    doc = parse_text("\n".join(lines), "plan.txt").to_dict()
    assert [t["cooperating"] for t in doc["tasks"]] == [["市发展改革委", "市财政局"]] * 6


def test_a_task_read_from_joined_lines_spans_every_printed_line_it_came_from():
    text = _wrapped(PLAN, 30)
    lines = text.split("\n")
    doc = parse_text(text, "plan.txt")
    for task in doc.tasks:
        first, last = task.provenance.first_line, task.provenance.last_line
        printed = "".join(line.strip() for line in lines[first - 1:last])
        assert task.text[:20] in printed, (task.text, first, last)
        # the span ends where the task's paragraph ends: the next printed line opens something new or is past the end
        assert last == len(lines) or re.match(r"^(?:\d+\.|[一二三四五六七八九十]+、|牵头单位|市|各)", lines[last].strip()), \
            (task.text, last, lines[last])
    spans = [t.provenance.last_line - t.provenance.first_line for t in doc.tasks]
    assert max(spans) >= 2  # wrapped at 30 characters, an item's paragraph spans several printed lines
