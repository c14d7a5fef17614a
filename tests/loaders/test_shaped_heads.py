"""Unit headings whose names no suffix list knows, read where the layout marks them (loaders/shaped_heads.py)."""

from dutygraph.loaders.document import parse_text
from dutygraph.model import Role


def _roles(doc):
    return [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks]


def test_a_numbered_heading_of_an_unknown_name_over_duties_opening_with_a_role_word_is_a_unit():
    doc = parse_text("某市政府办公室内设机构职责\n\n(十五)市东岭汇坊\n负责制定全市政务公开的相关制度。\n"
                     "(十六)西泉阁\n负责机关信息化规划和建设。\n(十七)南溪寮\n受理市民来电反映的问题。\n", "h.txt")
    # the third needs no role word: the heading before it of its style was a unit's
    assert _roles(doc) == [(["市东岭汇坊"], []), (["西泉阁"], []), ([], ["南溪寮"])]


def test_a_heading_of_an_unknown_name_over_a_title_of_its_tasks_is_a_unit():
    doc = parse_text("某园区部室年度任务\n\n(一)东岭汇坊\n(1)年度主要任务与要求:\n①完成园区宣传推介。\n"
                     "②编印园区招商手册。\n(二)西泉阁\n(1)年度主要任务与要求:\n①完成调区扩区工作。\n", "t.txt")
    assert [units for t in doc.tasks for units in [t.units(Role.RESPONSIBLE) + t.units(Role.LEAD)]] == [
        ["东岭汇坊"], ["东岭汇坊"], ["西泉阁"]]


def test_a_heading_of_a_plans_part_after_a_duties_heading_is_no_unit():
    doc = parse_text("关于建立联席会议制度的通知\n\n一、联席会议职责\n负责全市社区教育的统筹协调。\n二、联席会议组成\n"
                     "联席会议总召集人由分管副市长担任,成员由市教育局、市财政局组成。\n", "n.txt")
    assert not any("联席会议组成" in t.units(Role.RESPONSIBLE) + t.units(Role.LEAD) for t in doc.tasks)


def test_items_opening_with_an_unknown_name_and_a_colon_beside_a_unit_heading_of_their_style_are_units():
    doc = parse_text("某区公园建设方案\n\n五、职责分工\n(一)区东岭汇坊：按照规划要求，结合河道整治建设绿地。\n"
                     "(二)西泉阁：积极推广立体绿化建设。\n(三)区财政局：落实区本级资金。\n", "p.txt")
    assert _roles(doc) == [([], ["区东岭汇坊"]), ([], ["西泉阁"]), ([], ["区财政局"])]


def test_paragraphs_opening_with_names_of_a_levels_bodies_and_a_colon_are_units_duties():
    doc = parse_text("某市爱卫会成员职责分工\n\n市东岭汇坊:把爱国卫生工作纳入精神文明建设内容。\n"
                     "市西泉阁:做好社区卫生保健规划的贯彻实施。协助预防和控制重大疫情。\n"
                     "市南溪寮:搞好林区自然生态环境保护。\n", "p.txt")
    assert _roles(doc) == [([], ["市东岭汇坊"]), ([], ["市西泉阁"]), ([], []), ([], ["市南溪寮"])]
    assert doc.tasks[2].units(Role.COOPERATING) == ["市西泉阁"]


def test_topics_before_a_colon_are_no_units():
    doc = parse_text("某区公园建设方案\n\n(一)工作目标：到2025年建成公园体系。\n(二)百个大空间：按照规划建设绿地。\n"
                     "(三)千个链接点：以可达性为目标建设绿道。\n(四)加强领导。(区绿化局牵头)\n", "p.txt")
    assert [(t.units(Role.LEAD), t.units(Role.RESPONSIBLE)) for t in doc.tasks if t.assignments] == [(["区绿化局"], [])]


def test_items_opening_with_an_unknown_name_as_a_sentence_of_its_own_beside_a_unit_of_their_style_are_units():
    doc = parse_text("某市政府办公室职能配置\n\n三、内设机构\n(一)市东岭坊。负责上级机关批件的办理。\n"
                     "(二)西泉阁。负责公文审修、运转工作;负责机要保密。\n(三)南溪寮。负责起草领导讲话。\n", "p.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["市东岭坊"], ["西泉阁"], ["南溪寮"]]


def test_a_body_of_an_unknown_name_before_a_colon_and_the_units_running_it_does_the_item():
    doc = parse_text("某镇应急预案\n\n四、工作组\n(5)东岭汐舍:由民政、教育等部门牵头,负责安置受灾群众。\n"
                     "(6)兰州轨道交通项目。由市建委牵头,尽快完成前期工作。\n", "p.txt")
    assert _roles(doc) == [(["民政", "教育"], ["东岭汐舍"]), (["市建委"], [])]


def test_items_opening_with_unknown_names_whose_duties_open_with_duty_words_are_units():
    doc = parse_text("某市科委职能配置\n\n三、内设机构\n(一)东岭坊。负责机关日常运转。\n(二)西泉阁。承担推进本市创新体系建设。\n"
                     "(三)南溪寮。拟订科技创新发展战略。\n", "p.txt")
    assert _roles(doc) == [(["东岭坊"], []), ([], ["西泉阁"]), ([], ["南溪寮"])]


def test_a_levels_body_as_a_sentence_of_its_own_inside_a_paragraph_heads_the_duties_after_it():
    doc = parse_text("某县秸秆禁烧实施方案\n\n五、职责分工\n县环保局。负责全县监督检查。对违法焚烧的依法处罚。县东岭坊。"
                     "负责对国道、省道两侧巡查。县西泉阁。负责秸秆综合利用技术推广。\n", "p.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["县环保局"], ["县东岭坊"], ["县西泉阁"]]


def test_working_groups_of_unknown_names_wrapped_over_two_lines_beside_groups_read_by_their_lead_are_units():
    doc = parse_text("某镇突发事件应急预案\n\n五、工作组\n(5)东岭坊:由民政、教育等部门牵头,负\n责人员疏散和安置工作。\n"
                     "(6)西泉阁:由财政、民政等部门牵头,负\n责调集应急物资。\n(7)南溪寮:由现场指挥部抽调人员组成,负\n"
                     "责信息整理工作。\n", "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["东岭坊"], ["西泉阁"], ["南溪寮"]]


def test_a_numbered_office_of_an_unknown_name_over_its_block_is_one_task_as_a_known_one_is():
    doc = parse_text("某中心办公厅部门职责\n\n6. 东岭坊\n负责中心机关房地产产权管理。\n安排好办公用房。\n"
                     "7. 西泉阁\n负责做好离退休干部的医疗工作。\n安排好离退休干部用车。\n", "p.txt")
    assert [(t.text[:6], t.units(Role.LEAD)) for t in doc.tasks] == [("东岭坊 负责", ["东岭坊"]), ("西泉阁 负责", ["西泉阁"])]


def test_the_first_of_a_run_of_unit_headings_needs_no_role_word_when_the_next_is_marked():
    doc = parse_text("某市民政局内设机构职责\n\n(三)东岭坊\n拟订全市救灾减灾工作政策。\n(四)西泉阁\n负责城乡居民最低生活保障。\n",
                     "p.txt")
    assert _roles(doc) == [([], ["东岭坊"]), (["西泉阁"], [])]


def test_a_line_of_nothing_but_an_unknown_name_over_paragraphs_opening_with_a_role_word_is_their_unit():
    doc = parse_text("某区部门职责\n\n东岭汇坊\n负责拟订辖区湿地保护规划,并组织实施;负责湿地巡查工作。\n", "p.txt")
    assert [t.units(Role.LEAD) for t in doc.tasks] == [["东岭汇坊"], ["东岭汇坊"]]


def test_a_line_of_nothing_but_an_unknown_name_over_a_duties_title_is_their_unit():
    doc = parse_text("某县部门责任清单\n西泉阁\n部门职责\n\n承办湖区渔政协调工作。\n\n组织编制湖区年度养护计划。\n",
                     "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["西泉阁"], ["西泉阁"]]
    doc = parse_text("某局内设机构\n\n南溪寮\n\n主要职责:\n\n(一)研究拟订林区宣传工作规划。\n(二)指导林区宣传报道。\n",
                     "p.txt")
    assert [t.units(Role.RESPONSIBLE) for t in doc.tasks] == [["南溪寮"], ["南溪寮"]]


def test_a_short_line_of_an_unknown_name_over_a_paragraph_without_a_role_word_is_no_unit():
    doc = parse_text("某区工作方案\n\n东岭汇坊\n全年完成湿地巡查十二次。\n\n区林业局负责湿地修复工作。\n", "p.txt")
    assert not any("东岭汇坊" in t.units(Role.LEAD) + t.units(Role.RESPONSIBLE) for t in doc.tasks)


def test_a_web_pages_metadata_lines_name_no_unit():
    doc = parse_text("某市政府网\n\n发布时间:2020-05-06 10:20编辑:政府机构浏览(12)\n\n发文单位:某市人民政府\n\n"
                     "发布部门:某市人民政府办公室发布文号:某政办[2020]3号\n\n文号:某政发〔2020〕1号\n\n"
                     "各区政府,市直各部门:现将年度重点工作分解如下。一、做好甲工作,确保全年完成目标任务。由市东岭局负责落实。\n",
                     "m.txt")
    named = {u for t in doc.tasks for u in t.units(Role.RESPONSIBLE) + t.units(Role.LEAD)}
    assert named == {"市东岭局"}
