"""Responsibility clauses and labels, one form at a time (snippets written for the test)."""

from __future__ import annotations

import pytest

from dutygraph.loaders.clauses import _label_as, colon_duties, find_clauses, leading_clauses, parse_clause, subject_opening, unit_blocks
from dutygraph.loaders.labels import match_label
from dutygraph.model import Role

L, R, C = Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING


@pytest.mark.parametrize("clause, expected", [
    ("市发改委牵头,市财政局、各区政府配合", [("市发改委", L), ("市财政局", C), ("各区政府", C)]),
    ("市发改委、市财政局负责", [("市发改委", L), ("市财政局", L)]),
    ("市发改委负责落实", [("市发改委", L)]),
    ("牵头单位:市发改委;责任单位:市财政局", [("市发改委", L), ("市财政局", R)]),
    ("牵头单位：市发改委；配合单位：市财政局、市税务局", [("市发改委", L), ("市财政局", C), ("市税务局", C)]),
    ("牵头科室：规划股；配合科室：财务股、办公室", [("规划股", L), ("财务股", C), ("办公室", C)]),
    ("主要负责单位：县发改局；协助单位：县统计局", [("县发改局", L), ("县统计局", C)]),
    ("责任单位：县发改局（牵头单位）、县统计局", [("县发改局", L), ("县统计局", R)]),
    ("责任单位:市财政局、市税务局;各区政府", [("市财政局", R), ("市税务局", R), ("各区政府", R)]),
    ("市政府办公室牵头,各县市区政府按职责分工负责", [("市政府办公室", L), ("各县市区政府", R)]),
    ("市公安局牵头,市交通运输局协助,市城管局参与", [("市公安局", L), ("市交通运输局", C), ("市城管局", C)]),
    ("市商务局主办,市文旅局协办", [("市商务局", L), ("市文旅局", C)]),
    ("市发改委牵头负责,市统计局配合", [("市发改委", L), ("市统计局", C)]),
    ("市水利局分别牵头落实", [("市水利局", L)]),
    ("市发改委牵头,市财政局", [("市发改委", L), ("市财政局", R)]),  # a bare list after a lead
    ("省生长改造委牵头卖力", [("省生长改造委", L)]),
    ("县直各部门、各乡镇人民政府分工负责", [("县直各部门", L), ("各乡镇人民政府", L)]),
    ("区教育局、区卫健局各自负责", [("区教育局", L), ("区卫健局", L)]),


    # 分工 before the role word is no part of the last name (…各行政公署分工负责)
    ("自治区各部门、各州市人民政府、各行政公署分工负责", [("自治区各部门", L), ("各州市人民政府", L), ("各行政公署", L)]),
    ("县各部门、各乡镇分工落实", [("县各部门", L), ("各乡镇", L)]),
    ("区发改局牵头,各街道分工负责", [("区发改局", L), ("各街道", R)]),
    # how the lead leads after its role word (抓总: word.after), and the lead picked out of a list named before
    ("县发改局牵头抓总,县财政局配合", [("县发改局", L), ("县财政局", C)]),
    ("责任单位:县发改局、县财政局,县发改局为牵头单位", [("县发改局", L), ("县财政局", R)]),
    ("县发改局、县财政局负责,其中县发改局牵头", [("县发改局", L), ("县财政局", R)]),
    # the units a list leaves over are a collective (其他 opens sentences too: 其他工作由X负责 names X only)
    ("县发改局牵头,其他相关部门配合", [("县发改局", L), ("其他相关部门", C)]),
    ("责任单位:县发改局、其余成员单位", [("县发改局", R), ("其余成员单位", R)]),
    ("县发改局牵头,其他工作由县财政局负责", [("县发改局", L), ("县财政局", R)]),
])
def test_clause_roles(clause, expected):
    assert parse_clause(clause).assignments == expected


@pytest.mark.parametrize("text", ["以下简称在线平台", "2022年底前完成", "含北京经济技术开发区", "预包装食品",
                                  "发改投资〔2022〕1652号", "市发改委牵头,做好衔接工作", "本体", ""])
def test_not_a_clause(text):
    assert parse_clause(text) is None


def test_spread_note():
    c = parse_clause("责任单位:省商务厅。具体任务均涉及相关市(州)人民政府,不再做分工,下同。")
    assert c.assignments == [("省商务厅", R), ("相关市(州)人民政府", R)]
    assert c.spread == [("相关市(州)人民政府", R)] and c.note == "下同"
    c = parse_clause("市发改委牵头;各区政府负责,以下各项不再单独列出")
    assert c.note is not None


def test_not_listed_again_alone_closing_a_clause_stands_for_xiatong():
    c = parse_clause("县发改局牵头,各乡镇配合,不再一一列出")
    assert c.assignments == [("县发改局", L), ("各乡镇", C)] and c.spread == [("各乡镇", C)]
    c = parse_clause("责任单位:县发改局、各乡镇,不另列出")  # the note words are no unit of the slot
    assert c.assignments == [("县发改局", R), ("各乡镇", R)] and c.note == "不另列出"
    assert parse_clause("各乡镇负责,以下均同").spread == [("各乡镇", L)]
    assert parse_clause("县统计局负责,以下各项同").spread == [("县统计局", L)]
    assert parse_clause("县统计局负责,以下同步推进") is None  # 同步 is no 下同


def test_a_column_role_for_bare_lists():
    assert parse_clause("市财政局、市税务局", R).assignments == [("市财政局", R), ("市税务局", R)]
    assert parse_clause("市财政局牵头落实", R).assignments == [("市财政局", L)]


def test_clauses_in_text_in_every_bracket():
    for opener, closer in ["()", "（）", "〔〕", "【】"]:
        text = f"做好衔接。{opener}市发改委牵头{closer}"
        found = find_clauses(text)
        assert [f.clause.assignments for f in found] == [[("市发改委", L)]], opener


def test_several_clauses_in_one_item():
    found = find_clauses("建设绿道。(市住建局牵头)治理水系。(市水利局负责)")
    assert [f.clause.assignments for f in found] == [[("市住建局", L)], [("市水利局", L)]]


def test_an_alias_in_the_middle_of_a_sentence_is_no_clause():
    assert find_clauses("由市政府(市政府办公室)统筹推进,确保落实。") == []
    assert find_clauses("建设平台。(市大数据中心)")[0].clause.assignments == [("市大数据中心", R)]  # bare: responsible


def test_a_working_groups_unit_labels_in_an_item():
    # 组长单位:X;副组长单位:Y;成员单位:Z after the item's text: X leads, Y and Z are responsible
    found = find_clauses("开展集市整治。组长单位:区商务局;副组长单位:区城管局;成员单位:区卫健局、区公安分局。")
    assert sorted((u, r.value) for f in found for u, r in f.clause.assignments) == [
        ("区公安分局", "responsible"), ("区卫健局", "responsible"), ("区商务局", "lead"), ("区城管局", "responsible")]


def test_a_last_sentence_of_units_and_role_words():
    found = find_clauses("加强监管,确保安全。市应急局牵头,各区政府配合。")
    assert found[-1].clause.assignments == [("市应急局", L), ("各区政府", C)]


@pytest.mark.parametrize("line, kind, content", [
    ("牵头单位:市发改委", "lead", "市发改委"),
    ("牵头部门：市发改委", "lead", "市发改委"),
    ("责任单位:市财政局、各区政府", "responsible", "市财政局、各区政府"),
    ("配合单位:市税务局", "cooperating", "市税务局"),
    ("参与单位:市统计局", "cooperating", "市统计局"),
    ("部门分工:省发展改革委牵头,各地、各部门配合。", "division", "省发展改革委牵头,各地、各部门配合。"),
    ("完成时限:2022年6月底前", "deadline", "2022年6月底前"),
    ("时间要求:长期坚持", "deadline", "长期坚持"),
    ("分管省领导:林某某", "leader", "林某某"),
    ("牵头领导:张三", "leader", "张三"),
    ("责任人:李四", "leader", "李四"),
    ("【牵头单位】市发改委", "lead", "市发改委"),
    ("牵头处室:规划处", "lead", "规划处"),  # a department's own plan: its offices (处室)
    ("责任处室:财务处、法规处", "responsible", "财务处、法规处"),
    ("协调单位:市交通局", "cooperating", "市交通局"),
    ("督办单位:市政府督查室", "responsible", "市政府督查室"),
    ("主要责任单位:市公安局", "responsible", "市公安局"),  # alone: responsible; beside other units' label: lead
    ("督查单位:市政府督查室", "oversight", "市政府督查室"),
    ("被检查单位:各乡镇", "oversight", "各乡镇"),
    ("主体责任单位:县住建局", "responsible", "县住建局"),
    ("工作责任单位:县住建局", "responsible", "县住建局"),
    ("合作单位:县总工会", "cooperating", "县总工会"),
    ("联动部门:县消防救援大队", "cooperating", "县消防救援大队"),
    ("联络员:王某", "leader", "王某"),
    ("牵头人:李某", "leader", "李某"),
    ("截止时间:2024年6月底", "deadline", "2024年6月底"),
    ("其他责任单位:市税务局", "responsible", "市税务局"),
    # a working group's units: its head's unit leads, its deputies' units are responsible; 组长: a person
    ("组长单位:县住建局", "lead", "县住建局"),
    ("副组长单位:县环保局、县水利局", "responsible", "县环保局、县水利局"),
    ("组长:王某", "leader", "王某"),
    # the units a task concerns, named by their kind (as the 涉及部门 column), with the kind's other name
    ("涉及乡镇(街道):甲山乡、丙湖街道办事处", "responsible", "甲山乡、丙湖街道办事处"),
    ("涉及部门:县水利局", "responsible", "县水利局"),
])
def test_labels(line, kind, content):
    label = match_label(line)
    assert (label.kind, label.content) == (kind, content)


def test_not_labels():
    assert match_label("主要目标:全市空气质量优良率达到80%") is None
    assert match_label("牵头单位要加强统筹") is None


def test_lead_marked_in_brackets_inside_a_list():
    assert parse_clause("责任单位:市发改委(牵头)、市财政局").assignments == [("市发改委", L), ("市财政局", R)]
    assert parse_clause("市发改委（牵头）、市财政局、各区政府").assignments == [
        ("市发改委", L), ("市财政局", R), ("各区政府", R)]


def test_deadline_segments_inside_a_clause():
    c = parse_clause("市发改委牵头,市财政局配合,2022年6月底前完成")
    assert c.assignments == [("市发改委", L), ("市财政局", C)] and c.deadlines == ["2022年6月底前完成"]
    assert parse_clause("市发改委牵头,长期坚持").deadlines == ["长期坚持"]


def test_labels_run_together_and_labels_closing_an_item():
    assert parse_clause("牵头单位:市发展改革委配合单位:市财政局").assignments == [("市发展改革委", L), ("市财政局", C)]
    found = find_clauses("做好统筹。推进改革。牵头单位:市发改委;配合单位:市财政局、市税务局。")
    assert found[-1].clause.assignments == [("市发改委", L), ("市财政局", C), ("市税务局", C)]


def test_by_slot_inside_a_sentence_keeps_a_name_the_lexicon_lacks():
    # 由 … 负责 makes a slot wherever it stands in the sentence; the task text starts with the sentence
    (found,) = leading_clauses("其中在项目筹划阶段由街镇负责项目方案编制及前期准备工作。")
    assert found.start == 0 and found.clause.assignments == [("街镇", Role.LEAD)]
    assert leading_clauses("由区住建局主要负责人任召集人。") == []  # 负责人 is a person, not the role word
    assert leading_clauses("该项工作由县政府统一部署。") == []  # no role word after the name


def test_work_before_by_is_not_part_of_the_name():
    (found,) = leading_clauses("市政府将实施动态管理,具体工作由市发改委牵头负责。")
    assert found.clause.assignments == [("市发改委", Role.LEAD)]


def test_a_working_group_named_zhuanban_is_a_unit():
    (found,) = leading_clauses("“两旧一村”改造工作专班负责统筹推进改造工作。")
    assert found.clause.assignments == [("“两旧一村”改造工作专班", Role.LEAD)]


def test_a_list_closed_by_deng_bumen_keeps_sector_names():
    (found,) = leading_clauses("区交通、生态环境、水务等相关部门负责梳理低效闲置用地。")
    assert found.clause.assignments == [("区交通、生态环境、水务", Role.LEAD)]  # sectors sharing 区…部门
    assert leading_clauses("成员由局办公室、财务科等有关部门负责人组成。") == []  # 负责人: people, no role word


def test_a_known_unit_and_a_colon_head_its_work_without_a_duty_word():
    from dutygraph.loaders.clauses import unit_blocks

    (found,) = unit_blocks("市委宣传部:把爱国卫生工作纳入创建文明城市活动规划。")
    assert found.clause.assignments == [("市委宣传部", Role.RESPONSIBLE)]
    assert unit_blocks("各科室、各企事业单位:为做好创建工作,现制定方案。") == []  # addressees of a notice


def test_an_item_number_glued_before_a_unit_and_colon_is_no_part_of_its_name():
    from dutygraph.loaders.clauses import colon_duties

    found = colon_duties("…环境。(二)公安部门:对蓄意焚烧秸秆的行为人予以打击;协同有关部门依法监管。")
    assert {u for f in found for u, r in f.clause.assignments if r != Role.COOPERATING} == {"公安部门"}


def test_a_sentence_before_chengdan_is_no_unit_list():
    assert leading_clauses("区级有关部门、有关单位要对本单位所承担的工作任务逐项认领。") == []
    (found,) = leading_clauses("机要科负责机要、保密工作。")  # 要 inside a name (机要科) is fine
    assert found.clause.assignments == [("机要科", Role.LEAD)]


def test_hui_tong_makes_the_subject_lead_and_its_partners_cooperate():
    def roles(text):
        return [f.clause.assignments for f in leading_clauses(text)]

    lead_coop = [[("市发改委", Role.LEAD), ("市财政局", Role.COOPERATING)]]
    assert roles("市发改委会同市财政局负责制定实施细则。") == lead_coop
    assert roles("市发改委会同市财政局制定实施细则。") == lead_coop  # 会同 alone is the cue
    assert roles("由市发改委会同市财政局、市税务局负责。") == [
        [("市发改委", Role.LEAD), ("市财政局", Role.COOPERATING), ("市税务局", Role.COOPERATING)]]
    assert roles("会同县政府负责。") == [[("会同县政府", Role.LEAD)]]  # 会同县 is a county


@pytest.mark.parametrize("words", ["组织实施", "抓落实", "主抓"])
def test_more_role_words_after_a_unit_list(words):
    (found,) = find_clauses(f"推进老旧小区改造。(市住建局、市财政局{words})")
    assert found.clause.assignments == [("市住建局", L), ("市财政局", L)]


def test_a_role_word_in_a_labelled_slot_wins_over_the_label():
    clause = parse_clause("责任单位：市卫健委，市医保局配合")
    assert clause.assignments == [("市卫健委", Role.RESPONSIBLE), ("市医保局", C)]


def test_a_label_the_vocabulary_lacks_does_not_sink_the_labels_it_knows():
    clause = parse_clause("牵头领导:谢某某,牵头单位:市发改委,考核单位:市考核办")
    assert clause.assignments == [("市发改委", L)] and clause.leaders == ["谢某某"]
    clause = parse_clause("牵头单位:市人社局,责任单位:市农业农村局;数据提供单位:市统计局")
    assert clause.assignments == [("市人社局", L), ("市农业农村局", Role.RESPONSIBLE), ("市统计局", C)]


def test_a_first_listed_note_in_brackets_spreads_no_units():
    clause = parse_clause("责任单位:省政府办公厅、省财政厅牵头,省商务厅、省文旅厅(除标注为“牵头”单位外,列第一位的为牵头或汇总单位,下同)")
    assert clause.assignments == [("省政府办公厅", L), ("省财政厅", L), ("省商务厅", R), ("省文旅厅", R)]
    assert clause.spread == [] and clause.note is None


def test_a_person_with_a_post_before_a_role_word_is_a_leader():
    clause = parse_clause("王浩省长牵头,省财政厅负责")
    assert clause.assignments == [("省财政厅", L)] and clause.leaders == ["王浩省长"] and clause.unrecognised == []
    assert parse_clause("王浩省长牵头") is None  # a heading naming only a person carries no unit to its items
    # an assistant to a governor or mayor is a person too (刘某某省长助理协助)
    clause = parse_clause("王某副市长、李某某市长助理协助,市审计局负责")
    assert clause.assignments == [("市审计局", L)] and clause.leaders == ["王某副市长", "李某某市长助理"]


def test_a_bare_bracket_of_mostly_known_units_keeps_the_unknown_one_and_reports_it():
    found = find_clauses("地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,荆州开发区)。")
    assert [u for u, _ in found[0].clause.assignments] == ["市发改委", "市政府相关部门", "各县市区政府", "荆州开发区"]
    assert found[0].clause.unrecognised == ["荆州开发区"]
    assert find_clauses("共7个牵头单位(区住建局、区城管局、望城镇政府)。") == []  # an enumeration assigns nothing


def test_a_first_listed_note_inside_the_list_names_no_unit_and_spreads_none():
    clause = parse_clause("市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同")
    assert clause.assignments == [("市教育局", L), ("市委农办", R), ("各县<市、区>人民政府", R)]
    assert clause.spread == [] and clause.role_words


def test_you_opens_a_clause_and_hui_tong_after_a_lead_makes_partners():
    assert parse_clause("由市财政局、农业局负责落实").assignments == [("市财政局", L), ("农业局", L)]
    assert parse_clause("省教育厅、人社厅牵头,会同省财政厅、公安厅").assignments == [
        ("省教育厅", L), ("人社厅", L), ("省财政厅", C), ("公安厅", C)]


@pytest.mark.parametrize("clause, expected", [
    ("由县交通局会同有关部门和各乡镇组织实施", [("县交通局", L), ("各乡镇", C)]),
    ("县水利局会同相关单位负责", [("县水利局", L)]),
    ("县林业局牵头,会同县财政局、其他有关部门", [("县林业局", L), ("县财政局", C)]),
    ("县林业局牵头,会同有关部门", [("县林业局", L)]),
    ("由县卫健局会同相关部门、县医保局", [("县卫健局", L), ("县医保局", C)]),
])
def test_a_partner_named_by_no_name_after_hui_tong_is_noise_in_a_clause(clause, expected):
    # (r-labels7) 会同有关部门 in a role clause: the named partners cooperate, 有关部门 is noise (as 等有关部门 is)
    assert parse_clause(clause).assignments == expected


def test_a_phrase_that_opens_like_a_sentence_is_no_subject_whatever_it_ends_with():
    # 所 ends 派出所, but 对照《方案》所 opens with a verb and cites a document
    assert leading_clauses("强化组织领导,对照《方案》所承担的目标任务,认真学习研究。") == []


def test_a_first_listed_note_makes_only_the_first_name_lead():
    clause = parse_clause("市发改委、市财政局,排名第一的为牵头单位")
    assert clause.assignments == [("市发改委", L), ("市财政局", R)]


@pytest.mark.parametrize("line, content", [("★牵头单位:市发改委", "市发改委"), ("责任单位——市财政局", "市财政局"),
                                           ("●配合单位：市税务局", "市税务局")])
def test_a_bullet_before_a_label_and_a_dash_for_its_colon(line, content):
    assert match_label(line).content == content


def test_in_a_paragraph_of_unit_first_clauses_a_sentence_opening_with_a_unit_is_that_units():
    found = leading_clauses("市卫生局负责组织医疗队伍。市交通局、市公安局根据需要实行交通管制。各乡镇要设专人负责。")
    assert [[(u, r) for u, r in f.clause.assignments] for f in found] == [
        [("市卫生局", L)], [("市交通局", R), ("市公安局", R)]]  # a collective told what to do is no task
    assert leading_clauses("市交通局、市公安局根据需要实行交通管制。") == []  # no clause in the paragraph: no cue


def test_a_you_clause_after_the_opening_words_of_a_sentence_heads_its_task():
    found = leading_clauses("为完成处置任务,县长要求,由县发改局牵头,县委党校、县自然资源局配合,在9月底前完成供地工作;"
                            "由丹凤街道牵头,县自然资源局配合,在12月底前完成处置任务。")
    assert [f.clause.assignments for f in found] == [
        [("县发改局", L), ("县委党校", C), ("县自然资源局", C)], [("丹凤街道", L), ("县自然资源局", C)]]


def test_ji_before_a_unit_first_clause_is_no_part_of_the_name():
    found = leading_clauses("要求县级部门牵头实施好八大行动。即县水务局牵头,组织开展打击非法采砂专项行动;县环保局牵头,督促污水设施建设。")
    assert [f.clause.assignments for f in found][-2:] == [[("县水务局", L)], [("县环保局", L)]]


def test_a_mark_before_a_name_is_no_part_of_it_and_a_collective_stops_before_dui_suo():
    assert parse_clause("责任单位:★区发改委、统计局").assignments == [("区发改委", R), ("统计局", R)]
    found = leading_clauses("各牵头单位对所牵头工作任务的落实负总责。")
    assert all("对所" not in u for f in found for u, _ in f.clause.assignments)


def test_a_unit_and_a_colon_then_work_done_by_its_duties_heads_the_item():
    found = unit_blocks("市园林绿化局:依据职能做好城市绿地、树木管护方面的工作。", False)
    assert [f.clause.assignments for f in found] == [[("市园林绿化局", R)]]
    assert unit_blocks("市园林绿化局:依据《条例》做好城市绿地管护。", False) == []  # 依据《…》 opens a notice


def test_a_comma_inside_a_names_brackets_keeps_the_labelled_clause():
    clause = parse_clause("牵头单位:市水利局;配合单位:各镇(办，区)、各县(市，区)政府")
    assert clause.assignments == [("市水利局", L), ("各镇(办，区)", C), ("各县(市，区)政府", C)]


def test_names_a_comma_separates_share_the_role_word_after_them():
    assert parse_clause("国家发展改革委，科技部，财政部等按职责分工负责").assignments == [
        ("国家发展改革委", L), ("科技部", L), ("财政部", L)]
    assert parse_clause("市发改委，市财政局，市税务局牵头").assignments == [
        ("市发改委", L), ("市财政局", L), ("市税务局", L)]
    assert parse_clause("人力资源社会保障部牵头，中央组织部，共青团中央等按职责分工负责").assignments == [
        ("人力资源社会保障部", L), ("中央组织部", R), ("共青团中央", R)]  # an unknown name in the run is kept
    assert parse_clause("市发改委，市财政局配合").assignments == [("市发改委", L), ("市财政局", C)]
    assert parse_clause("各地级以上市政府要主动衔接省有关单位，结合实际推动落实") is None  # a sentence, no list


def test_a_count_inside_a_would_be_name_makes_it_work_not_a_name():
    assert parse_clause("新建公园5个市园林局负责") is None


@pytest.mark.parametrize("text, partners", [
    ("县市场监管局:负责会同公安、农业部门查处违法经营行为。", ["公安、农业部门"]),
    ("县市场监管局:会同县公安局、县农业农村局开展联合执法。", ["县公安局", "县农业农村局"]),
    ("县市场监管局:负责会同县公安局查处违法行为;开展日常检查。", ["县公安局"]),
])
def test_a_unit_colon_duty_opening_with_hui_tong_names_its_partners(text, partners):
    # (r-labels7) 负责会同Y… under a unit and its colon: Y cooperates on that duty, the unit keeps its role
    found = unit_blocks(text, False) or colon_duties(text, False)
    assert found and [u for f in found for u, r in f.clause.assignments if r is C] == partners
    assert found[0].clause.assignments[0][0] == "县市场监管局"


@pytest.mark.parametrize("count", ["两部门", "五部委", "十三个部门"])
def test_a_count_of_bodies_opening_a_headline_is_no_unit(count):
    # (r-labels7) a news copy's headline (三部门:…) counts the issuers; it names none of them
    from dutygraph.loaders.document import parse_text
    doc = parse_text(f"{count}:加快建设城乡冷链物流网络,完善县域商业体系\n据报道,商务部等部门日前印发通知。\n"
                     "一、重点任务\n1.建设县级物流配送中心。(商务部牵头,交通运输部配合)\n", "p.txt")
    assert [(t.text[:4], t.units(L), t.units(C)) for t in doc.tasks] == [("建设县级", ["商务部"], ["交通运输部"])]
    assert parse_clause(f"{count}负责") is None
    assert parse_clause("第三人民医院、县卫健局负责").assignments == [("第三人民医院", L), ("县卫健局", L)]


def test_a_heading_of_tasks_and_their_units_is_no_unit():
    # (r-labels7) a glued page's 二、重点工作任务及责任单位 ends like a unit (单位) but titles the items under it
    from dutygraph.loaders.document import parse_text
    targets = "".join(f" {k}、第{k}项指标增长{k}%以上,确保完成全年目标任务(县发改局,各镇人民政府)。" for k in range(1, 14))
    doc = parse_text("各镇人民政府,县直各部门: 现将全年主要目标和工作任务分解给你们,请认真抓好落实。 一、主要工作目标" + targets
                     + " 二、重点工作任务及责任单位 (一)推进农村公路建设,改善群众出行条件。 14、新建农村公路50公里,改造危桥10座,"
                     "提升农村公路通行能力和安全水平(责任单位:县交通局、各镇人民政府)。\n", "p.txt")
    assert not any("任务及" in a.unit for t in doc.tasks for a in t.assignments)
    assert [t.units(R) for t in doc.tasks if t.text.startswith("新建")] == [["县交通局", "各镇人民政府"]]
    assert parse_clause("各牵头和责任单位负责").assignments == [("各牵头和责任单位", L)]  # a collective of roles


@pytest.mark.parametrize("heading", ["扩大群众有序参与", "增强基层组织协同", "发挥志愿组织配合"])
def test_a_heading_opening_with_a_verb_and_ending_with_a_role_word_names_no_unit(heading):
    # (r-labels7) 三、扩大公民有序政治参与: 参与 ends the heading's phrase, the words before it open with a verb
    assert parse_clause(heading) is None


def test_zones_named_by_their_kind_in_a_list_are_units():
    # (r-labels7) 各区县、开发区和市级各有关部门要…: the zones' administrations, as 各区县 are
    assert parse_clause("各街道、高新区和区级各有关部门负责").assignments == [
        ("各街道", L), ("高新区", L), ("区级各有关部门", L)]
    assert parse_clause("开发区负责").assignments == [("开发区", L)]


def test_a_unit_heading_inside_a_paragraph_is_no_part_of_its_duty_text():
    # (r-labels7) …。县广电局。负责…: the task is the duty (the unit is its head, not its text), as for a unit with
    # several duties
    from dutygraph.loaders.document import parse_text
    doc = parse_text("三、职责分工 县政府成立禁烧工作领导小组,统一指挥全县禁烧工作。县环保局。负责全县禁烧工作的统一监督;"
                     "负责日常巡查。县交通局。负责公路两侧巡查。县广电局。负责宣传报道。\n", "p.txt")
    assert [(t.text[:6], t.units(L)) for t in doc.tasks if t.assignments] == [
        ("负责全县禁烧", ["县环保局"]), ("负责日常巡查", ["县环保局"]), ("负责公路两侧", ["县交通局"]), ("负责宣传报道", ["县广电局"])]


def test_a_parts_number_before_a_heading_that_names_a_lead_is_no_part_of_a_name():
    # (r-labels7) 第一部分 X主责任务(12项): 第一部分 numbers the part; 第一部分X is no unit's name
    assert parse_clause("第一部分县政府主责") is None
    assert parse_clause("第二章县住建局负责") is None


def test_wei_before_a_role_label_is_a_role_word_and_a_mark_after_a_name_is_no_part_of_it():
    assert parse_clause("市住建局为牵头单位，市财政局为配合单位").assignments == [("市住建局", L), ("市财政局", C)]
    assert parse_clause("责任单位：市住建局★、市财政局").assignments == [("市住建局", R), ("市财政局", R)]


def test_a_label_opening_the_last_sentence_of_an_item_is_its_clause():
    (found,) = find_clauses("新建公园。责任单位：市园林局")
    assert found.clause.assignments == [("市园林局", R)]


def test_places_listed_with_a_comma_before_the_role_word_share_it():
    got = parse_clause("凤阳市,省交通运输厅牵头")
    assert got.assignments == [("凤阳市", L), ("省交通运输厅", L)] and got.unrecognised == ["凤阳市"]
    assert parse_clause("滁河县,甲乙市配合").assignments == [("滁河县", C), ("甲乙市", C)]
    assert parse_clause("全年,市发改委牵头") is None  # a word that is no place before the comma: no clause
    assert parse_clause("加快推进,市发改委牵头") is None


def test_a_unit_and_a_colon_then_sentences_of_work_gives_one_task_per_sentence():
    text = "县水务局:做好河道清淤规划,开展水质监测。协助乡镇做好防汛工作。组织开展节水宣传。"
    got = [(text[f.start:f.start + 4], f.clause.assignments) for f in unit_blocks(text)]
    assert got == [("做好河道", [("县水务局", R)]), ("协助乡镇", [("县水务局", C)]), ("组织开展", [("县水务局", R)])]
    numbered = unit_blocks(text, per_duty=False)  # a numbered item that is one unit's block: one task
    assert [f.clause.assignments for f in numbered] == [[("县水务局", R)]]


def test_a_unit_first_sentence_names_who_its_subject_works_with():
    got = leading_clauses("镇安监所负责对小型建设工程的安全进行监管,并协同消防部门依法查处违法行为。")
    assert [f.clause.assignments for f in got] == [[("镇安监所", L), ("消防部门", C)]]
    alone = leading_clauses("镇安监所负责对小型建设工程的安全进行监管,并协同开展检查。")
    assert [f.clause.assignments for f in alone] == [[("镇安监所", L)]]


def test_names_only_a_comma_separates_are_all_responsible():
    # a bare bracketed list is responsible whichever separator it uses: no word makes the first one lead
    assert parse_clause("县发改局,县财政局,县自然资源局").assignments == [
        ("县发改局", R), ("县财政局", R), ("县自然资源局", R)]
    assert parse_clause("区住建局，区城管局").assignments == [("区住建局", R), ("区城管局", R)]
    assert parse_clause("县发改局牵头,县财政局,县税务局").assignments == [
        ("县发改局", L), ("县财政局", R), ("县税务局", R)]  # a role word still makes the lead


@pytest.mark.parametrize("text, task, expected", [
    ("开展市容整治,垃圾日产日清责任单位城管科、环卫公司", "开展市容整治,垃圾日产日清", [("城管科", R), ("环卫公司", R)]),
    ("推进镇区道路硬化牵头单位镇建设办配合单位镇财政所、各村委会", "推进镇区道路硬化",
     [("镇建设办", L), ("镇财政所", C), ("各村委会", C)]),
    ("做好县城绿化提升工作主责单位县林业局协同单位县住建局", "做好县城绿化提升工作", [("县林业局", L), ("县住建局", C)]),
    ("实施老旧小区改造责任单位 区住建局、区城管局", "实施老旧小区改造", [("区住建局", R), ("区城管局", R)]),
])
def test_labels_glued_to_the_text_and_their_lists_without_a_colon_are_the_items_clause(text, task, expected):
    (found,) = find_clauses(text)
    assert text[:found.start].strip() == task and found.clause.assignments == expected


@pytest.mark.parametrize("text", ["各部门要明确责任单位和责任人,确保落实到位", "建立责任单位考核制度,定期通报",
                                  "压实责任单位主体责任", "并明确专门的责任部门和具体责任人,由区政府办"])
def test_a_label_word_inside_a_sentence_is_no_glued_label(text):
    assert find_clauses(text) == []


@pytest.mark.parametrize("text, expected", [
    ("农村道路畅通工程,牵头部门:市交通局。建设进度相对较慢的县区为某县。", [("市交通局", L)]),
    ("做好秋冬季防火工作,责任单位:县应急局。全县发生火情3起,较去年下降两成。", [("县应急局", R)]),
    ("推进厕所改造,牵头单位:镇农办;配合单位:各村委会。截至目前完成进度的60%。", [("镇农办", L), ("各村委会", C)]),
])
def test_a_label_after_a_comma_is_the_items_clause_and_a_report_after_it_is_no_unit(text, expected):
    (found,) = find_clauses(text)
    assert found.clause.assignments == expected and text[found.start - 1] == ","


def test_a_labelled_list_goes_on_after_a_full_stop_only_with_units_or_a_note():
    assert parse_clause("责任单位:市财政局。各区政府").assignments == [("市财政局", R), ("各区政府", R)]
    assert parse_clause("牵头部门:市水利局。未完成建设任务的县区为某县").assignments == [("市水利局", L)]


@pytest.mark.parametrize("clause, printed, spread", [
    ("县交通局牵头,以下各项任务均由各乡镇落实,不再一一列出", [("县交通局", L), ("各乡镇", R)], ["各乡镇"]),
    ("责任单位:镇建设办,以下各项均需各村委会落实,不再列出", [("镇建设办", R), ("各村委会", R)], ["各村委会"]),
    ("区发改委、区财政局等按职责分工负责,各项政策措施均需各街道落实,以下不再列出",
     [("区发改委", L), ("区财政局", L), ("各街道", L)], ["各街道"]),
    ("市住建局、市财政局,下同", [("市住建局", R), ("市财政局", R)], ["市住建局", "市财政局"]),
])
def test_a_note_scoping_its_own_sentence_spreads_only_that_sentences_units(clause, printed, spread):
    got = parse_clause(clause)
    assert got.assignments == printed and [n for n, _ in got.spread] == spread and got.note


@pytest.mark.parametrize("clause, expected", [
    ("责任部门:园林局配合做好专项整治工作", [("园林局", R)]),
    ("责任单位:县林业局加强森林防火", [("县林业局", R)]),
    ("牵头单位:镇综治办、镇派出所做好矛盾排查", [("镇综治办", L), ("镇派出所", L)]),
])
def test_text_glued_after_the_last_name_of_a_labelled_slot_is_no_part_of_it(clause, expected):
    assert parse_clause(clause).assignments == expected


def test_a_ditto_note_after_role_words_keeps_them_and_spreads_the_list_just_before_it():
    got = parse_clause("区科技局牵头,各街道配合,下同")
    assert got.assignments == [("区科技局", L), ("各街道", C)] and got.spread == [("各街道", C)]
    got = parse_clause("镇党政办牵头,各村(社区)负责落实,下同")
    assert got.assignments == [("镇党政办", L), ("各村(社区)", R)] and got.spread == [("各村(社区)", R)]


def test_an_assistant_to_the_head_of_government_is_a_person_never_a_unit():
    got = parse_clause("王某某副县长牵头,李某某县长助理协助,县财政局配合")
    assert got.assignments == [("县财政局", C)] and got.leaders == ["王某某副县长", "李某某县长助理"]


@pytest.mark.parametrize("text, expected", [
    ("推进道路硬化,牵头单位:县发改局,配合单位:县统计局。", [("县发改局", L), ("县统计局", C)]),
    ("推进道路硬化,牵头单位为县发改局,配合单位为县统计局。", [("县发改局", L), ("县统计局", C)]),
    ("完成改厕500户。责任部门为镇农办。", [("镇农办", R)]),
    ("完成改厕500户。(牵头单位是镇农办,配合单位是镇财政所)", [("镇农办", L), ("镇财政所", C)]),  # 是 as 为
])
def test_a_label_after_a_comma_in_a_one_sentence_item_or_printed_with_wei_for_its_colon(text, expected):
    (found,) = find_clauses(text)
    assert found.clause.assignments == expected


def test_wei_after_a_role_label_is_its_colon_only_before_a_name():
    assert _label_as().sub(lambda m: m.group(1) + "：", "市发改委为牵头单位,市财政局为配合单位") == \
        "市发改委为牵头单位,市财政局为配合单位"  # 为 before the label: X is the lead (a role word, not a colon)
    assert find_clauses("各责任单位为落实好任务,要加强协调。") == []
    assert find_clauses("完成改厕。责任单位是指承担改厕任务的单位。") == []  # a definition, no label


def test_labels_opening_the_last_sentence_with_a_second_label_after_a_comma_are_one_clause():
    (found,) = find_clauses("推进道路硬化。牵头单位为县发改局,配合单位为县统计局。")
    assert found.clause.assignments == [("县发改局", L), ("县统计局", C)]
    assert parse_clause("主责：县交通局；协同：县财政局").assignments == [("县交通局", L), ("县财政局", C)]


def test_labels_in_round_brackets_before_their_names_are_labels():
    from dutygraph.loaders.document import parse_text

    doc = parse_text("二、任务\n1.推进道路硬化。（牵头单位）县交通局（配合单位）县财政局、各乡镇\n"
                     "2.推进改厕。（责任单位）镇农办\n", "p.txt")
    assert [(t.units(L), t.units(C), t.units(R)) for t in doc.tasks] == [
        (["县交通局"], ["县财政局", "各乡镇"], []), ([], [], ["镇农办"])]


@pytest.mark.parametrize("clause", ["牵头单位:待定", "责任单位:暂无", "责任单位:见附件2"])
def test_a_slot_saying_nobody_yet_names_no_unit(clause):
    assert parse_clause(clause) is None


def test_a_labelled_clause_cut_at_the_end_keeps_a_whole_name_holding_its_own_bracket():
    (found,) = find_clauses("做好粮食收储。[牵头单位:县发改局(粮食局)、县农业农")
    assert found.clause.assignments == [("县发改局(粮食局)", L)]


@pytest.mark.parametrize("clause, expected", [
    ("市住建局牵头、市财政局、市税务局配合", [("市住建局", L), ("市财政局", C), ("市税务局", C)]),
    ("县林业局牵头、县财政局分工负责、各乡镇配合", [("县林业局", L), ("县财政局", R), ("各乡镇", C)]),
    ("镇综治中心、镇派出所牵头、镇卫生院协助", [("镇综治中心", L), ("镇派出所", L), ("镇卫生院", C)]),
    ("由区民政局牵头、区财政局配合落实", [("区民政局", L), ("区财政局", C)]),
])
def test_a_pause_mark_after_a_role_word_ends_that_roles_list(clause, expected):
    """X牵头、Y配合: a 、 after a role word stands for the comma between two roles' lists."""
    assert parse_clause(clause).assignments == expected


def test_a_pause_mark_after_a_role_word_keeps_a_list_of_work_whole():
    assert parse_clause("市发改委牵头、协调") is None  # 协调 is work, not a list of names


@pytest.mark.parametrize("text, expected", [
    ("推进老旧小区改造。市住建局牵头；市财政局、市税务局配合。",
     [("市住建局", L), ("市财政局", C), ("市税务局", C)]),
    ("开展河道清淤。县水利局；县农业农村局负责。", [("县水利局", L), ("县农业农村局", L)]),
    ("整治镇容镇貌。镇城建办牵头；镇财政所分工负责；各村委会配合。",
     [("镇城建办", L), ("镇财政所", R), ("各村委会", C)]),
])
def test_a_last_sentence_cut_by_semicolons_is_one_clause(text, expected):
    (found,) = find_clauses(text)
    assert found.clause.assignments == expected


def test_a_semicolon_part_of_work_before_a_last_clause_is_no_part_of_it():
    (found,) = find_clauses("推进改造；完成年度任务。市住建局牵头；市财政局配合。")
    assert found.clause.assignments == [("市住建局", L), ("市财政局", C)]


@pytest.mark.parametrize("text, expected", [
    ("市住建局牵头、市财政局配合,推进老旧小区改造。", [("市住建局", L), ("市财政局", C)]),
    ("县林业局牵头,县财政局,县自然资源局配合,推进造林绿化。", [("县林业局", L), ("县财政局", C), ("县自然资源局", C)]),
    ("由区教育局,区卫健委负责,做好学生体检。", [("区教育局", L), ("区卫健委", L)]),
])
def test_a_clause_opening_its_sentence_with_pauses_or_commas_between_names(text, expected):
    (found,) = leading_clauses(text)
    assert found.clause.assignments == expected


@pytest.mark.parametrize("label, kind", [
    ("重点责任部门:综合执法支队、各县市区城管局", "responsible"),
    ("共同责任单位:县财政局", "responsible"),
    ("牵头局领导:罗某", "leader"),
    ("分管厅领导:王某", "leader"),
    ("牵头责任部门:城市管理科", "lead"),
])
def test_two_tier_labels_and_a_bureaus_leader_label(label, kind):
    assert match_label(label).kind == kind


@pytest.mark.parametrize("text, expected", [
    ("关于耕地保护的问题,由自然资源部会同农业农村部、财政部、水利部、生态环境部、统计局等部门研究提出落实意见。",
     [("自然资源部", L), ("农业农村部", C), ("财政部", C), ("水利部", C), ("生态环境部", C), ("统计局", C)]),
    ("县农业农村局会同县财政局、县水利局、县林业局、县自然资源局等单位制定实施细则。",
     [("县农业农村局", L), ("县财政局", C), ("县水利局", C), ("县林业局", C), ("县自然资源局", C)]),
])
def test_partners_after_huitong_closed_by_deng_bumen_are_read_however_long(text, expected):
    (found,) = leading_clauses(text)
    assert found.clause.assignments == expected


def test_sectors_sharing_a_suffix_after_huitong_are_no_partner_list():
    found = leading_clauses("建立联席会议。市教育局会同编制、发展改革、财政、公安、民政、人社、住建、卫生健康、税务、妇联、"
                            "残联等单位发挥联席会议制度作用。")
    assert all(len(f.clause.assignments) < 3 for f in found)


@pytest.mark.parametrize("text, partners", [
    ("区商务委会同区民政局、区财政局健全社会救助体系。", ["区民政局", "区财政局"]),
    ("市发改委会同各区县政府加强社会信用体系建设。", ["各区县政府"]),
])
def test_a_verb_after_a_whole_partner_name_is_no_part_of_it(text, partners):
    (found,) = leading_clauses(text)
    assert [u for u, r in found.clause.assignments if r is C] == partners


@pytest.mark.parametrize("clause, expected", [
    ("机关党委牵头,局党的建设领导小组各成员单位分工负责", [("机关党委", L), ("局党的建设领导小组各成员单位", R)]),
    ("县农业农村局牵头,县乡村振兴的各责任单位负责", [("县农业农村局", L), ("县乡村振兴的各责任单位", R)]),
])
def test_a_list_before_fuze_beside_a_lead_is_a_slot_whatever_its_name(clause, expected):
    got = parse_clause(clause)
    assert got.assignments == expected and got.unrecognised == [expected[1][0]]


@pytest.mark.parametrize("text, expected", [
    ("深入开展精神文明创建。(机关党委牵头,各处室、", [("机关党委", L)]),
    ("推进老旧小区改造。（区住建局牵头，区财政局配合，各街道", [("区住建局", L), ("区财政局", C)]),
])
def test_a_role_word_clause_cut_by_the_end_of_an_excerpt_keeps_the_parts_before_the_cut(text, expected):
    (found,) = find_clauses(text)
    assert found.clause.assignments == expected


@pytest.mark.parametrize("text, expected", [
    ("推进老旧小区改造。区住建局、区财政局为责任单位。", [("区住建局", R), ("区财政局", R)]),
    ("做好河道清淤。县水利局为牵头单位,县财政局为责任部门,县农业农村局,县林业局为配合单位。",
     [("县水利局", L), ("县财政局", R), ("县农业农村局", C), ("县林业局", C)]),
    ("整治镇容镇貌。镇城建办,镇综治中心为责任单位。", [("镇城建办", R), ("镇综治中心", R)]),
])
def test_wei_zeren_danwei_is_the_responsible_label_said_after_the_names(text, expected):
    (found,) = find_clauses(text)
    assert found.clause.assignments == expected


@pytest.mark.parametrize("text, expected", [
    ("推进道路硬化。（县级牵头单位：县交通局；县级配合单位：县财政局、各乡镇）",
     [("县交通局", L), ("县财政局", C), ("各乡镇", C)]),
    ("做好粮食储备。（省牵头单位：省粮食和储备局；市级责任单位：市发改委）", [("省粮食和储备局", L), ("市发改委", R)]),
])
def test_role_labels_with_a_level_before_them(text, expected):
    (found,) = find_clauses(text)
    assert found.clause.assignments == expected


@pytest.mark.parametrize("text", [
    "确定了责任单位。条线部门要主动融合、服务于块上街镇的工作,全力配合、协同推进。",
    "明确分工。各街道要主动对接、做好辖区的工作,密切配合、共同推进。",
])
def test_a_sentence_telling_a_body_to_help_is_no_clause_of_names(text):
    assert find_clauses(text) == []


def test_text_glued_after_a_slots_last_name_is_cut_but_not_after_an_earlier_one():
    assert parse_clause("责任部门:园林局配合做好专项整治工作").assignments == [("园林局", R)]


def test_a_sentence_handing_its_work_on_with_huitong_is_one_task_from_its_start():
    (found,) = leading_clauses("建立财政资金存放与信贷投放挂钩的激励机制,实施办法由省财政厅会同省金融办制定。")
    assert found.start == 0 and found.clause.assignments == [("省财政厅", L), ("省金融办", C)]


@pytest.mark.parametrize("label, kind", [
    ("牵头部门（单位）:县发改局", "lead"), ("责任单位(部门):县财政局", "responsible"), ("配合单位（部门）：各乡镇", "cooperating"),
    ("责任牵头单位:县发改局", "lead"), ("总牵头单位:县发改局", "lead"), ("执行单位:县财政局", "responsible"),
    ("承担单位:县财政局", "responsible"), ("协作单位:县财政局", "cooperating"), ("联办单位:县财政局", "cooperating"),
])
def test_more_role_label_words_and_a_labels_other_noun_in_brackets(label, kind):
    assert match_label(label).kind == kind


def test_names_a_space_separates_in_a_bracketed_label_list_with_a_bracketed_noun():
    from dutygraph.loaders.document import parse_text

    doc = parse_text("一、任务\n1.推进造林。[牵头部门（单位）:区林业局;参与单位:区财政局 区民政局]\n", "p.txt")
    assert doc.tasks[0].units(C) == ["区财政局", "区民政局"]


def test_posts_before_fuze_are_leaders_and_a_clause_cut_after_its_lead_keeps_it():
    (found,) = find_clauses("能耗下降3%(分管副市长、协管副秘书长负责,市发展改革委牵头,市工业和信息化局、市")
    assert found.clause.assignments == [("市发展改革委", L)]
    assert found.clause.leaders == ["分管副市长", "协管副秘书长"]


@pytest.mark.parametrize("clause", ["县住建局牵头,各乡镇配合。下同", "县住建局牵头;各乡镇配合;下同"])
def test_xiatong_as_a_part_of_its_own_spreads_the_list_just_before_it(clause):
    got = parse_clause(clause)
    assert got.assignments == [("县住建局", L), ("各乡镇", C)] and got.spread == [("各乡镇", C)]


@pytest.mark.parametrize("clause, expected", [
    ("责任单位：县发改局（牵头）、县财政局（配合）", [("县发改局", L), ("县财政局", C)]),
    ("区民政局（牵头）、区财政局、区人社局（协助）", [("区民政局", L), ("区财政局", C), ("区人社局", C)]),
])
def test_a_cooperating_mark_after_a_name_makes_it_cooperate_as_a_lead_mark_makes_it_lead(clause, expected):
    assert parse_clause(clause).assignments == expected


@pytest.mark.parametrize("note", ["排名第一的为牵头单位,下同", "排名第一的為牽頭單位", "列第一位的为牵头单位"])
def test_a_list_before_a_first_listed_note_in_its_bracket_keeps_an_unknown_name(note):
    from dutygraph.loaders.document import parse_text

    text = f"一、总体\n(一)加强储备管理。要抓好落实。(县发改局、县农业农村局、某某粮食储备库。{note})\n(二)明确责任。\n"
    doc = parse_text(text, "note.txt")
    assert [(a.unit, a.role.value) for a in doc.tasks[0].assignments] == [
        ("县发改局", "lead"), ("县农业农村局", "responsible"), ("某某粮食储备库", "responsible")]
    assert [u["unit"] for u in doc.coverage.unrecognised] == ["某某粮食储备库"]


def _read(body: str):
    from dutygraph.loaders.document import parse_text

    head = "关于印发某县2023年重点工作分工方案的通知\n某县人民政府办公室\n2023年3月1日\n一、重点任务\n"
    return parse_text(head + body + "\n", "plan.txt")


def _pairs(doc):
    return [[(a.unit, a.role.value) for a in t.assignments] for t in doc.tasks]


@pytest.mark.parametrize("body", [
    "1.修缮村道。责任单位：县交通局。2.整治河塘。责任单位：县水利局、镇农业服务中心。",  # items run together
    "(1)修缮村道，责任单位：县交通局；(2)整治河塘，责任单位：县水利局、镇农业服务中心。",
    "修缮村道。牵头单位：县交通局。整治河塘。牵头单位：县水利局；配合单位：镇农业服务中心。",
])
def test_labelled_clauses_inside_a_line_each_close_the_sentences_before_them(body):
    doc = _read(body)
    assert len(doc.tasks) == 2
    assert [u for u, _ in _pairs(doc)[0]] == ["县交通局"]
    assert [u for u, _ in _pairs(doc)[1]] == ["县水利局", "镇农业服务中心"]


def test_a_labelled_clause_inside_a_line_with_no_clause_after_it_keeps_the_text_whole():
    doc = _read("1.修缮村道。责任单位：区交通局。2024年底前完成。")
    assert len(doc.tasks) == 1 and _pairs(doc) == [[("区交通局", "responsible")]]


def test_a_closing_quote_after_the_last_clause_is_no_part_of_its_last_name():
    clause = parse_clause("责任单位：市发改委、市商务局。”")
    assert clause.assignments == [("市发改委", R), ("市商务局", R)]


@pytest.mark.parametrize("clause, expected", [
    ("区商务局牵头 区财政局配合", [("区商务局", L), ("区财政局", C)]),
    ("牵头单位：镇规建办 镇财政所；配合单位：各村(社区) 镇派出所",
     [("镇规建办", L), ("镇财政所", L), ("各村(社区)", C), ("镇派出所", C)]),
    ("市 发 改 委 牵 头", [("市发改委", L)]),  # a space between every character separates nothing
])
def test_a_space_between_names_or_after_a_role_word_separates_them(clause, expected):
    assert parse_clause(clause).assignments == expected


@pytest.mark.parametrize("text, expected", [
    ("县住建局会同县财政局", [("县住建局", L), ("县财政局", C)]),
    ("区城管局会同区公安分局、各街道办事处", [("区城管局", L), ("区公安分局", C), ("各街道办事处", C)]),
])
def test_a_bracketed_huitong_clause_needs_no_duty_word_after_it(text, expected):
    assert [f.clause.assignments for f in find_clauses(f"修缮村道（{text}）")] == [expected]


@pytest.mark.parametrize("label", ["推进单位", "办理单位", "执行单位", "主管单位"])
def test_an_unbracketed_label_of_any_responsible_word_closes_the_item(label):
    assert _pairs(_read(f"1.修缮村道。{label}：县交通局、县城投公司")) == [
        [("县交通局", "responsible"), ("县城投公司", "responsible")]]


def test_a_dash_standing_for_the_colon_inside_a_line():
    assert _pairs(_read("1.修缮村道。牵头单位——镇规建办；配合单位—镇财政所")) == [
        [("镇规建办", "lead"), ("镇财政所", "cooperating")]]


def test_a_role_label_before_a_colon_is_no_unit_heading_its_duties():
    # 责任单位: ends like a unit (任单位) but is the label: no unit named 任单位 anywhere
    doc = _read("1.修缮村道，责任单位：区交通局；2.整治河塘，责任单位：区水利局。")
    assert _pairs(doc) == [[("区交通局", "responsible")], [("区水利局", "responsible")]]


def test_a_by_clause_after_a_comma_runs_over_the_commas_of_its_roles():
    doc = _read("1.修缮村道，由县交通局牵头负责，县财政局、县融媒体中心等单位配合。")
    assert _pairs(doc) == [[("县交通局", "lead"), ("县财政局", "cooperating"), ("县融媒体中心", "cooperating")]]


@pytest.mark.parametrize("leader", ["县级领导", "区领导", "市级领导"])
def test_a_level_and_leader_label_names_a_person(leader):
    doc = _read(f"1.修缮村道\n{leader}：张某  牵头单位：县交通局  配合单位：县财政局")
    assert _pairs(doc) == [[("县交通局", "lead"), ("县财政局", "cooperating")]]
    assert doc.tasks[0].leaders == ["张某"]


@pytest.mark.parametrize("body", [
    "1.修缮村道。（牵头领导：王某；牵头单位：县交通局；主办单位：县财政局、各乡镇）",
    "1.修缮村道\n牵头单位：县交通局\n主责单位：县财政局、各乡镇",
])
def test_a_main_handling_label_beside_a_lead_label_is_responsible(body):
    assert _pairs(_read(body)) == [[("县交通局", "lead"), ("县财政局", "responsible"), ("各乡镇", "responsible")]]


def test_a_main_handling_label_without_a_lead_label_leads():
    assert _pairs(_read("1.修缮村道。（主办单位：县交通局；协办单位：县财政局）")) == [
        [("县交通局", "lead"), ("县财政局", "cooperating")]]


@pytest.mark.parametrize("text, helper", [
    ("修缮村道由县交通局负责牵头管理,县公路中心协管。", "县公路中心"),
    ("整治河塘,由镇水利站牵头,各村(社区)配合。", "各村(社区)"),
])
def test_a_part_naming_who_helps_after_a_by_clause_cooperates(text, helper):
    assert _pairs(_read("1." + text))[0][-1] == (helper, "cooperating")


def test_a_person_in_brackets_after_a_unit_is_the_clauses_leader_not_a_label_of_it():
    clause = parse_clause("牵头单位：县交通局（责任人：王某）；配合单位：县财政局")
    assert clause.assignments == [("县交通局", L), ("县财政局", C)] and clause.leaders == ["王某"]


def test_a_bracketed_spread_note_after_the_last_name_spreads_the_list():
    clause = parse_clause("责任单位：县交通局、经开区管委会（下同）")
    assert clause.assignments == [("县交通局", R), ("经开区管委会", R)] and clause.note == "下同"
    assert [n for n, _ in clause.spread] == ["县交通局", "经开区管委会"]


@pytest.mark.parametrize("note", ["以下各项任务均需镇财政所配合，不再单独列出。", "以下任务均由镇财政所配合落实，不再一一列出。"])
def test_a_standing_note_before_the_items_gives_its_units_to_each_of_them(note):
    doc = _read(f"{note}\n1.修缮村道。（镇规建办牵头）\n2.整治河塘。（镇水利站牵头）")
    assert _pairs(doc) == [[("镇规建办", "lead"), ("镇财政所", "cooperating")],
                           [("镇水利站", "lead"), ("镇财政所", "cooperating")]]


def test_a_spaced_label_list_keeps_a_collectives_bracketed_note():
    doc = _read("1.修缮村道\n牵头部门:镇农业服务中心 各村(社区)")
    assert _pairs(doc) == [[("镇农业服务中心", "lead"), ("各村(社区)", "lead")]]


def test_a_bracketed_alias_after_the_last_name_of_a_label_list_is_no_clause_of_its_own():
    assert _pairs(_read("1.修缮村道。责任单位：县医保局、县政府办公室（县大数据局）")) == [
        [("县医保局", "responsible"), ("县政府办公室（县大数据局）", "responsible")]]


@pytest.mark.parametrize("line", ["1.修缮村道。县交通局、县城投公司牵头 县财政局配合。",
                                  "1.修缮村道。各村(社区)牵头 镇财政所、镇规建办配合。"])
def test_a_space_after_a_role_word_in_a_last_sentence_separates_the_roles(line):
    leads, helpers = (["县交通局", "县城投公司"], ["县财政局"]) if "县" in line else (["各村(社区)"], ["镇财政所", "镇规建办"])
    assert _pairs(_read(line)) == [[(u, "lead") for u in leads] + [(u, "cooperating") for u in helpers]]


@pytest.mark.parametrize("line, expected", [
    ("1.推进城乡供水一体化,完善管网设施建设工作县水务局牵头,县财政局、各乡镇配合",
     [("县水务局", "lead"), ("县财政局", "cooperating"), ("各乡镇", "cooperating")]),
    ("2. 全面优化办事流程,及时公开办事方式、办事条件等信息审批科牵头,各有关股室配合",
     [("审批科", "lead"), ("各有关股室", "cooperating")]),
])
def test_a_first_role_part_glued_to_the_text_before_it_gives_the_unit_ending_it(line, expected):
    assert _pairs(_read(line)) == [expected]


def test_a_subject_before_a_comma_and_a_unit_first_clause_is_a_clause_of_its_own():
    # a regulation's article: X对…实施统一监督管理, Y负责…: X is responsible for its part, Y leads its own
    for first, second in (("市环境保护行政主管部门(以下简称市环保部门)", "各区环境保护行政主管部门"),
                          ("县水行政主管部门", "各乡镇人民政府"), ("区城市管理部门", "各街道办事处")):
        found = leading_clauses(f"{first}对全市扬尘污染防治实施统一监督管理,{second}负责本辖区的管理工作。")
        assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [
            [(first, "responsible")], [(second, "lead")]]


def test_a_sentence_handing_its_work_on_keeps_its_subject_out():
    # 市政府将…,具体工作由市发改委牵头负责: 由 hands the work on, the government is no unit of it
    found = leading_clauses("市政府将对各项目标任务实施动态管理,具体工作由市发改委牵头负责。")
    assert [[u for u, _ in f.clause.assignments] for f in found] == [["市发改委"]]


def test_a_unit_said_to_bear_a_fields_responsibility_is_responsible_for_it():
    # 是…的责任主体 / 为…主管部门, at the head of a sentence (after its basis): one clause per comma part
    found = leading_clauses("市直行业主管部门是市级项目的责任主体,县区政府和市行业主管部门是县级项目的责任主体。")
    assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [
        [("市直行业主管部门", "responsible")], [("县区政府", "responsible"), ("市行业主管部门", "responsible")]]
    found = leading_clauses("按照属地管理的原则,各村是禁止秸秆焚烧工作责任主体,村主要负责人是第一责任人。")
    assert [[u for u, _ in f.clause.assignments] for f in found] == [["各村"]]
    found = leading_clauses("镇水利站为全镇河道管理的责任主体,组织河道清淤。")
    assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [[("镇水利站", "responsible")]]


def test_a_bearer_named_late_in_a_sentence_describes_a_set_up():
    # …,确定一个县直部门为联系部门,流域所经乡镇政府为责任主体: no clause (the sentence does not open with it)
    assert leading_clauses("县级河流由县领导担任河长,流域所经乡(镇)政府为责任主体。") == []


def test_a_subject_working_with_partners_makes_them_cooperating():
    # X应与Y加强联系 / X要与Y共同做好 / X须同Y密切配合: Y cooperates (联系 after 加强 is no office ending)
    for text, partner in (("铁路部门应与地方政府加强联系和协作", "地方政府"), ("县水利局要与县农业局共同做好灌溉", "县农业局"),
                          ("区财政局须同各街道办事处密切配合", "各街道办事处")):
        found = subject_opening(text)
        assert [r.value for n, r in found.clause.assignments if n == partner] == ["cooperating"]
    # 与 and a unit, then no shared work: no partner (市公安局与市场监管部门的关系…)
    assert subject_opening("市公安局与市场监管部门的关系需要理顺") is None


def test_a_subject_whose_verb_is_a_role_word_opens_a_sentence():
    # X协助Y… / X配合做好…: the list read takes the role word in, the verb is still right after the names
    for text, units in (("区卫生局协助受灾村组做好防疫消杀工作。", ["区卫生局"]),
                        ("市民政局、市红十字会配合灾区开展物资发放。", ["市民政局", "市红十字会"]),
                        ("县农业局协助农户落实秸秆还田措施。", ["县农业局"])):
        found = subject_opening(text)
        assert found is not None and [n for n, _ in found.clause.assignments] == units
    # a role word with nothing after it opens no subject's sentence
    assert subject_opening("县农业局协助") is None


def test_a_subject_with_a_time_before_its_verb_opens_a_sentence():
    # X于…前报送 / X分季度督查 / X定期通报 / X每月调度: the time stands between the subject and its verb
    for text, unit in (("区财政局于每年3月底前报送资金使用情况。", "区财政局"), ("县审计局分季度开展专项审计。", "县审计局"),
                       ("市统计局定期通报指标完成情况。", "市统计局"), ("镇农业服务中心每月调度一次进度。", "镇农业服务中心")):
        found = subject_opening(text)
        assert found is not None and [(n, r.value) for n, r in found.clause.assignments] == [(unit, "responsible")]


def test_a_later_part_naming_who_carries_the_work_out_adds_them():
    # X负责…,由X和Y具体落实: Y carries it out beside the lead (responsible); at county and district level too
    for lead, more in (("市交通局", "县、区人民政府"), ("县水利局", "各乡镇人民政府"), ("区城管局", "街道办事处")):
        found = leading_clauses(f"{lead}负责运输保障车辆储备的组织工作,并确定储备标准,由{lead}和{more}具体落实。")
        assert [(u, r.value) for u, r in found[0].clause.assignments] == [(lead, "lead"), (more, "responsible")]


@pytest.mark.parametrize("level, zone", [("市", "经开区管委会"), ("县", "高新区管委会"), ("区", "产业园管委会")])
def test_a_standing_note_after_the_list_in_one_bracket_may_list_its_units_with_commas(level, zone):
    # (责任单位:A、B等部门,各县政府。以下均需各县政府,经开区管委会负责落实,不再列出): the note's units spread
    c = parse_clause(f"责任单位:{level}人社局、{level}住建局等部门,各乡镇人民政府。以下均需各乡镇人民政府,{level}{zone}负责落实,"
                     "不再列出")
    assert [u for u, _ in c.assignments] == [f"{level}人社局", f"{level}住建局", "各乡镇人民政府", f"{level}{zone}"]
    assert [u for u, _ in c.spread] == ["各乡镇人民政府", f"{level}{zone}"] and c.note == "不再列出"


@pytest.mark.parametrize("after", ["指导", "协调", "统筹"])
def test_a_lead_role_word_may_be_followed_by_how_it_leads(after):
    assert parse_clause(f"省住建厅牵头{after},各市人民政府负责落实").assignments == [("省住建厅", L), ("各市人民政府", R)]


@pytest.mark.parametrize("word", ["不再逐一列出", "不再逐项列出", "以下不再逐一列出"])
def test_a_standing_note_worded_item_by_item_spreads_its_units(word):
    c = parse_clause(f"区水务局牵头,各街道负责落实。以下均需各街道落实,{word}")
    assert c.assignments == [("区水务局", L), ("各街道", R)] and [u for u, _ in c.spread] == ["各街道"]


def test_main_units_lead_only_beside_a_label_of_other_units():
    assert parse_clause("主要责任单位:县公安局、县交通局").assignments == [("县公安局", R), ("县交通局", R)]
    assert parse_clause("主要责任单位:县公安局;配合单位:县交通局").assignments == [("县公安局", L), ("县交通局", C)]
    assert parse_clause("主要负责部门:县公安局;其他责任部门:县交通局").assignments == [("县公安局", L), ("县交通局", R)]
    # beside a 牵头 label the main units are responsible, as a 主责 column beside a 牵头 column
    assert parse_clause("牵头单位:县政府办;主要责任单位:县公安局").assignments == [("县政府办", L), ("县公安局", R)]


def test_an_oversight_label_names_no_doer():
    assert parse_clause("责任单位:区住建局、各街道;督查单位:区政府督查室").assignments == [("区住建局", R), ("各街道", R)]
    assert parse_clause("督导单位:区政府督查室") is None


def test_sectors_sharing_a_place_in_a_labelled_slot_are_one_name():
    # 各区县 stands before every sector and 等部门 closes them: one shared-affix item as printed
    found = find_clauses("做好道路清扫保洁。主要责任单位:各区县人民政府,各区县城管、环保、水务(河道)等部门,各社区居委会。")
    assert found[-1].clause.assignments == [
        ("各区县人民政府", R), ("各区县城管、环保、水务(河道)", R), ("各社区居委会", R)]
    # whole names before 等部门 stay apart
    assert parse_clause("责任单位:县教育局、县卫生局等部门").assignments == [("县教育局", R), ("县卫生局", R)]
    # before a role word too, and a whole name opening the list keeps its own item
    assert parse_clause("县政府办牵头,各乡镇民政、财政、农业等部门配合").assignments == [
        ("县政府办", L), ("各乡镇民政、财政、农业", C)]
    assert parse_clause("县应急局、各乡镇安监、消防等部门负责").assignments == [("县应急局", L), ("各乡镇安监、消防", L)]


def test_a_sentence_shared_out_among_its_units_is_one_clause():
    # every comma part opens with units and 负责: one clause from the sentence's start, every unit leading
    (found,) = leading_clauses("其中,县公安局负责督查城东片区道路,县交通局负责督查国道沿线,县城管局负责督查城区。")
    assert found.start == 0
    assert found.clause.assignments == [("县公安局", L), ("县交通局", L), ("县城管局", L)]
    # places shared out (分片包干) stay one clause per part; a part opening without 负责 stays apart too
    assert len(leading_clauses("具体为:县林业局负责甲镇、乙乡,县水利局负责丙街道。")) == 2
    assert len(leading_clauses("县环保局对全县实施统一监督管理,各乡镇负责本辖区的监督管理。")) == 2


def test_a_duty_after_a_unit_and_a_colon_that_helps_makes_it_cooperate():
    got = [[(u, r) for u, r in f.clause.assignments] for f in colon_duties(
        "县公安局:依法打击违法犯罪;配合县应急局做好事故调查;协同有关部门依法监管。")]
    assert got == [[("县公安局", R)], [("县公安局", C)], [("县公安局", R)]]  # 协同Y names a partner, as 会同


@pytest.mark.parametrize("lead,helper,doer", [("牵头", "配合", "责任"), ("主办", "协办", "承办"), ("主责", "协同", "落实")])
def test_a_role_named_after_wei_reads_every_word_of_its_role(lead, helper, doer):
    # (r-labels6) X为主办单位 as X为牵头单位: one vocabulary per role (role cues word.lead, word.cooperating,
    # role.responsible)
    clause = parse_clause(f"县水利局为{lead}单位,县财政局为{helper}单位,各乡镇为{doer}单位")
    assert clause is not None
    assert sorted((n, r.value) for n, r in clause.assignments) == [
        ("县水利局", "lead"), ("县财政局", "cooperating"), ("各乡镇", "responsible")]


@pytest.mark.parametrize("label,role", [("牵头办理单位", "lead"), ("主办实施部门", "lead"), ("总主责单位", "lead"),
                                        ("协同办理单位", "cooperating"), ("协管执行部门", "cooperating"),
                                        ("重点实施部门", "responsible"), ("相关承办单位", "responsible")])
def test_compound_role_labels_read_any_responsible_word_after_the_role_word(label, role):
    # (r-labels6) 牵头 / 主办 / 协同 … then a responsible word (办理, 实施, 执行) then 单位: the label of that role
    clause = parse_clause(f"{label}:县交通局、县财政局")
    assert clause is not None and {r.value for _, r in clause.assignments} == {role}


@pytest.mark.parametrize("text", ["1.《校园卫生管理规定》(教育部、国家卫生健康委员会令第45号)",
                                  "2.《某省河道管理办法》(省人民政府、省水利厅〔2019〕3号)"])
def test_a_bracket_naming_a_cited_documents_number_is_a_citation_not_a_clause(text):
    # (r-labels6) the issuers of a cited regulation (…令第45号), not the units of a task
    assert find_clauses(text) == []
    assert find_clauses("1.做好校园卫生工作。(市教育局、市卫健委)") != []


@pytest.mark.parametrize("text,partners", [
    ("县交通局牵头,联合县公安局、县应急局开展道路隐患排查。", ["县公安局", "县应急局"]),
    ("镇应急办牵头,组织各村委会开展敲门行动。针对电动自行车,联合市场监管部门检查销售店铺。", ["市场监管部门"]),
    ("县水利局负责,加强河道巡查。同时联合县林业局开展巡护。", ["县林业局"]),
])
def test_a_leads_partner_named_by_a_partner_word_cooperates(text, partners):
    # (r-labels6) 联合 (role cues obligation.partner) as 会同: who the lead works with, in its sentence or a later one
    found = leading_clauses(text)
    assert len(found) == 1
    assert [n for n, r in found[0].clause.assignments if r is Role.COOPERATING] == partners


def test_a_partner_word_after_another_subject_names_no_partner_of_the_lead():
    found = leading_clauses("县交通局牵头,开展道路隐患排查。县公安局、县应急局联合开展夜查。")
    assert all(r is not Role.COOPERATING for f in found for _, r in f.clause.assignments)


@pytest.mark.parametrize("lead,helper", [("牵头", "配合"), ("主办", "协助"), ("主责", "协同")])
def test_a_by_clause_after_an_introduction_reads_every_lead_word(lead, helper):
    # (r-labels6) …会议要求,由X主办,Y协助,在9月底前完成…: the subject clause's gate knows the lead's whole vocabulary
    found = leading_clauses(f"为完成年度目标任务,会议要求,由县发展和改革局{lead},县自然资源局{helper},在9月底前完成新区供地工作")
    assert [(n, r.value) for f in found for n, r in f.clause.assignments] == [
        ("县发展和改革局", "lead"), ("县自然资源局", "cooperating")]


@pytest.mark.parametrize("lead,helper", [("牵头", "配合"), ("主办", "协同"), ("主责", "协办")])
def test_a_name_marked_with_its_role_reads_every_word_of_the_role(lead, helper):
    # (r-labels6) 市住建局(主办)、市财政局(协同) as 市住建局(牵头)、市财政局(配合): the marks read word.lead / word.cooperating
    clause = parse_clause(f"市住建局({lead})、市财政局({helper})")
    assert clause is not None
    assert sorted((n, r.value) for n, r in clause.assignments) == [("市住建局", "lead"), ("市财政局", "cooperating")]


@pytest.mark.parametrize("name", ["各相关承担单位", "各负责部门", "牵头单位"])
def test_a_collective_named_by_a_duty_word_opens_no_subject_clause(name):
    # (r-labels6) 各相关承担单位要…: 承担单位 names the collective, no unit 各相关 told to 承担
    assert leading_clauses(f"{name}要按照分工,各司其职,主动配合完成相关工作任务") == []


@pytest.mark.parametrize("label,role", [("牵头具体负责部门", "lead"), ("主办具体负责单位", "lead")])
def test_a_lead_label_reads_a_specific_responsible_word(label, role):
    # (r-labels6) 牵头具体负责部门: as 牵头责任部门
    clause = parse_clause(f"{label}:县交通局")
    assert clause is not None and [(n, r.value) for n, r in clause.assignments] == [("县交通局", role)]


@pytest.mark.parametrize("clause,names", [
    ("省明溪阁负责", ["省明溪阁"]),
    ("市青禾坊、市远山舍负责", ["市青禾坊", "市远山舍"]),
    ("县云岫苑按职责分工负责", ["县云岫苑"]),
])
def test_a_level_s_unit_before_a_duty_word_is_read_whatever_its_name_ends_with(clause, names):
    # (r-perturb2) the role word marks the slot: a name opening with its level (省/市/县…) is a unit's even where
    # the lexicon knows no ending of it; 市场主体, 县城管理, a person's post stay out
    assert [u for u, _ in parse_clause(clause).assignments] == names


@pytest.mark.parametrize("clause", ["市场主体负责", "县城管理负责", "市长负责", "基层有效贯彻落实"])
def test_words_opening_like_a_level_are_no_unit_before_a_duty_word(clause):
    assert parse_clause(clause) is None


@pytest.mark.parametrize("heading", ["（二）密切配合，各负其责", "(三)协调配合,形成合力", "（1）加强领导，统筹负责"])
def test_a_heading_s_number_opens_no_unit_name(heading):
    # (r-perturb2) a heading numbered （二） over the items, its words a role word (配合, 负责): no unit named
    # (二)密切, as the same heading numbered 二、 names none
    clause = parse_clause(heading)
    assert clause is None or not any(u.startswith(("(", "（")) for u, _ in clause.assignments)


@pytest.mark.parametrize("partner", ["同时联合", "并会同", "协同"])
def test_partners_an_items_text_names_cooperate_with_the_units_its_clause_names(partner):
    from dutygraph.loaders.document import parse_text
    text = ("某区教育局2024年工作要点\n三、下一步工作计划\n"
            f"（一）优化办事流程。压缩时限，提升效率。{partner}区人社局、区医保局等部门，共同推出“入学一件事”服务。"
            "（责任科室：审批科）（二）加强校园安全。开展安全检查。（责任科室：安全科）\n")
    first, second = parse_text(text, "plan.txt").tasks
    assert first.units(Role.RESPONSIBLE) == ["审批科"]
    assert first.units(Role.COOPERATING) == ["区人社局", "区医保局"]
    assert second.units(Role.COOPERATING) == []


def test_a_partner_word_in_the_holders_own_sentence_or_before_unnamed_partners_adds_no_one():
    from dutygraph.loaders.clauses import item_partners
    from dutygraph.loaders.document import parse_text
    # the holder opens the sentence: the subject-sentence readers read it (X负责…。同时,会同Y…), not this rule
    assert item_partners("区民政局负责年度考评。同时，会同区财政局清算奖补资金。", ["区民政局"]) == []
    text = ("某区2024年工作要点\n一、重点任务\n"
            "1.完善服务体系，会同有关方面研究制定办法。（责任单位：区卫健局）\n"
            "2.开展联合执法，提升监管效能。（责任单位：区市场监管局）\n")
    first, second = parse_text(text, "plan.txt").tasks
    assert first.units(Role.COOPERATING) == [] and second.units(Role.COOPERATING) == []


def test_who_answers_for_a_thing_is_no_subject_and_a_later_you_clause_takes_its_text_from_the_sentence_start():
    # X负责的Y (the Y X answers for) is a relative clause, not X's duty; the 由 clause after a condition (…的,) is
    # the sentence's first clause: its task text starts with the condition
    text = ("因设备老化导致停水的,属于市属企业负责的供水设施,由市供水公司负责在3日内修复;"
            "属于镇级单位负责的设施,由所在镇人民政府负责在5日内修复。")
    got = [(f.start, [(u, r) for u, r in f.clause.assignments]) for f in leading_clauses(text)]
    assert got == [(0, [("市供水公司", Role.LEAD)]), (text.index("属于镇级"), [("所在镇人民政府", Role.LEAD)])]


def test_a_numbered_units_colon_block_with_one_duty_is_that_units_even_glued_after_a_heading():
    # (一)X:… (二)Y:… glued on one line after the part's heading: the name starts after the item's number, and a
    # block of one duty is a unit's block when an item's number stands before it (not a colon in prose)
    text = ("为做好禁烧工作,特明确分工如下。三、部门职责(一)县林业局:要加强林区巡查,严防山火发生。加大宣传。"
            "(二)县消防大队:对火情要及时处置;配合做好调查。")
    got = [(text[f.start:f.end][:7], [(u, r) for u, r in f.clause.assignments]) for f in colon_duties(text)]
    assert got == [("要加强林区巡查", [("县林业局", Role.RESPONSIBLE)]), ("对火情要及时处", [("县消防大队", Role.RESPONSIBLE)]),
                   ("配合做好调查", [("县消防大队", Role.COOPERATING)])]
    assert colon_duties("会议指出:要加强林区巡查,严防山火发生。县林业局:要加强巡查。") == []


# (r-slots) a bracket closed by a role word is a slot, as a label is: the names in it are units whatever they end
# with (invented names here: no ending data/org_suffixes.txt knows); a sentence, a count, people stay out.
@pytest.mark.parametrize("text, expected", [
    ("推进赛事改革。(云栖斋、晴川苑负责)", [("云栖斋", L), ("晴川苑", L)]),
    ("推进赛事改革。（农委、听松阁、云栖斋分别负责）", [("农委", L), ("听松阁", L), ("云栖斋", L)]),
    ("推进赛事改革。(市云栖斋、市晴川苑等部门按职责分工负责)", [("市云栖斋", L), ("市晴川苑", L)]),
    ("推进赛事改革。(云栖斋,省晴川苑牵头)", [("云栖斋", L), ("省晴川苑", L)]),
    ("推进赛事改革。(听松阁牵头,各有关处室、云栖斋,省晴川苑配合)",
     [("听松阁", L), ("各有关处室", C), ("云栖斋", C), ("省晴川苑", C)]),
    ("推进赛事改革。(省甲溪坊、乙岭舍,丙泉庐牵头;丁峰苑、戊湾阁参与)",
     [("省甲溪坊", L), ("乙岭舍", L), ("丙泉庐", L), ("丁峰苑", C), ("戊湾阁", C)]),
])
def test_a_bracket_closed_by_a_role_word_holds_units_whatever_their_names(text, expected):
    found = find_clauses(text)
    assert [a for f in found for a in f.clause.assignments] == expected


@pytest.mark.parametrize("text", [
    "落实安全责任。(市场主体负责)",
    "建设农村户厕。(资金由农户自筹负责)",
    "加强宣传引导。(加强监督负责)",
    "完成改造任务。(新建公园5个负责)",
])
def test_a_bracket_closed_by_a_role_word_keeps_sentences_and_actors_out(text):
    assert not [a for f in find_clauses(text) for a in f.clause.assignments]


def test_a_bracket_cut_after_its_role_word_at_the_end_is_whole():
    found = find_clauses("加强支部建设,深入推进党建协作共建。(云栖斋负责")
    assert [a for f in found for a in f.clause.assignments] == [("云栖斋", L)]


def test_a_notes_units_and_a_first_listed_notes_list_are_slots():
    # 以下各任务均需X落实 / 排名第一的为牵头单位: the note marks its list, whatever the names
    c = parse_clause("责任单位:市听松阁,各县市人民政府、州云栖斋按职责分工负责,以下各任务均需各县市人民政府、州云栖斋落实,"
                     "不再一一列出")
    assert ("州云栖斋", R) in c.spread or "州云栖斋" in [u for u, _ in c.spread]
    found = find_clauses("强化粮食安全。(市云栖斋、市晴川苑、各县市区人民政府。排名第一的为牵头单位,下同)")
    assert [u for f in found for u, _ in f.clause.assignments] == ["市云栖斋", "市晴川苑", "各县市区人民政府"]


def test_a_label_lines_content_before_the_next_label_keeps_the_callers_role():
    # 主办单位:甲坊,协办单位:乙舍: the caller read 主办单位 and passes its content with the next label in it
    c = parse_clause("县云栖斋,协办单位:晴川苑、听松阁。", L)
    assert c.assignments == [("县云栖斋", L), ("晴川苑", C), ("听松阁", C)]


# (r-slots) role words mark slots outside brackets too, whatever the names (invented ones here)
@pytest.mark.parametrize("text, expected", [
    ("岚溪斋负责,市云栖阁配合,加强流通环节进口食品质量安全监管。", [("岚溪斋", L), ("市云栖阁", C)]),
    ("市晴川苑负责,市听松阁、市云栖阁配合,深入宣传贯彻法规。", [("市晴川苑", L), ("市听松阁", C), ("市云栖阁", C)]),
    ("市澜溪寮负责,取缔城区无照经营食品小摊点。", [("市澜溪寮", L)]),
])
def test_a_run_of_role_parts_opening_a_sentence_holds_units_whatever_their_names(text, expected):
    found = leading_clauses(text)
    assert [a for f in found for a in f.clause.assignments] == expected


def test_a_sentence_closed_by_a_plain_verb_is_no_clause_of_unknown_names():
    # …基层有效贯彻落实 / 某某办公厅关于落实 (a title wrapped over lines): 落实 alone there is a verb, no role word
    assert not [a for f in find_clauses("确保党的路线方针政策在基层有效贯彻落实") for a in f.clause.assignments]


def test_a_last_sentence_of_names_and_a_qualified_duty_word_is_the_items_clause():
    found = find_clauses("支持青年就业创业。筠溪斋、澜岭坊、市云栖阁等按职责分工负责。")
    assert [a for f in found for a in f.clause.assignments] == [("筠溪斋", L), ("澜岭坊", L), ("市云栖阁", L)]


@pytest.mark.parametrize("text, names", [
    ("县甲溪坊负责对限额以下工程的巡查监督。", ["县甲溪坊"]),
    ("市乙岭舍、县丙泉庐负责收集民意投诉。", ["市乙岭舍", "县丙泉庐"]),
])
def test_a_subject_opening_with_its_level_before_its_role_word_is_a_unit(text, names):
    assert [u for f in leading_clauses(text) for u, _ in f.clause.assignments] == names


def test_a_level_and_a_sector_before_a_duty_word_is_no_subject():
    assert not leading_clauses("全部由政府兜底采购收储,省财政负责按分级负担原则落实资金。")


def test_a_unit_line_of_invented_names_closed_by_a_qualified_role_word_gives_the_item_its_units():
    from dutygraph.loaders.plain_text import parse_plain_text

    text = "\n".join(["某省数字政府工作要点", "", "一、夯实数字底座", "",
                      "1.推进政务云平台升级,提升算力供给能力。", "省筠溪斋、澜岭坊按职责分工负责", "",
                      "2.完善数据共享交换体系。", "省云栖阁牵头,省听松阁、晴川苑按职责分工负责", "",
                      "3.印发某省政府办公厅关于落实", "数字政府建设任务分工的通知。", ""])
    tasks = parse_plain_text(text, "plan.txt").to_dict()["tasks"]
    assert [(t["lead"], t["responsible"]) for t in tasks if t["lead"] or t["responsible"]] == [
        (["省筠溪斋", "澜岭坊"], []), (["省云栖阁"], ["省听松阁", "晴川苑"])]


def test_a_numbered_unit_opening_with_its_level_heads_its_duties_whatever_its_name():
    found = colon_duties("(八)区甲溪坊：负责公园绿地等建设项目的审批、投资政策制定等工作。")
    assert [(u, r) for f in found for u, r in f.clause.assignments] == [("区甲溪坊", L)]
    found = leading_clauses("镇乙岭舍负责对限额以下工程的安全进行监管。")
    assert [u for f in found for u, _ in f.clause.assignments] == ["镇乙岭舍"]


@pytest.mark.parametrize("text", ["(三)县乡联动：建立协调机制；定期会商。", "(五)市县共建：共建园区；共享收益。",
                                  "(一)市场监管：加强食品安全检查。", "(二)县域经济：做大做强特色产业；培育龙头企业。"])
def test_a_heading_of_levels_or_a_sector_before_a_colon_heads_no_duties(text):
    assert not colon_duties(text)


@pytest.mark.parametrize("text", ["县乡两级负责做好宣传。", "市县联动负责推进。", "市区道路负责维护。"])
def test_levels_together_before_a_role_word_are_no_subject(text):
    assert not leading_clauses(text)


@pytest.mark.parametrize("text, name", [
    ("筠溪斋:负责森林火灾控制保障体系建设的计划安排。", "筠溪斋"),
    ("市岚溪庐。负责上级机关批办件的督办查办工作;负责市政府文件的督办查办工作。", "市岚溪庐"),
])
def test_a_unit_heading_opening_an_item_whose_duties_open_with_a_role_word_is_a_unit_whatever_its_name(text, name):
    assert {u for f in unit_blocks(text, per_duty=False) for u, _ in f.clause.assignments} == {name}


@pytest.mark.parametrize("text", [
    "区域更新方案编制。统筹主体按照规划统筹各利益主体更新意愿,开展综合研究。",
    "丰富基层文化体育生活。组织开展群众文化活动;建设体育设施。",
    "主要职责:负责全县森林防火的组织协调。",
])
def test_an_items_title_before_its_body_is_no_unit_heading(text):
    assert not unit_blocks(text, per_duty=False)


@pytest.mark.parametrize("text, names", [
    ("市甲溪坊分季度对每一类重点工程进行会办督查。", ["市甲溪坊"]),
    ("县乙岭舍要加快推进农村公路建设。", ["县乙岭舍"]),
])
def test_a_subject_opening_with_its_level_before_a_subjects_word_is_a_unit(text, names):
    from dutygraph.loaders.clauses import subject_opening

    assert [u for u, _ in subject_opening(text).clause.assignments] == names


@pytest.mark.parametrize("text", ["市场主体要依法诚信经营。", "县乡两级要加强协调。", "区域内企业要落实主体责任。"])
def test_a_sector_or_levels_together_before_a_subjects_word_is_no_subject(text):
    from dutygraph.loaders.clauses import subject_opening

    assert subject_opening(text) is None


def test_a_bare_bracket_of_a_levels_bodies_beside_a_known_name_is_a_list_of_units():
    # (r-slots) 市甲溪坊 (a level, then a name of its own) counts as a name where a bare bracket closes an item,
    # beside at least one name the lexicon knows; a level's things alone (省控断面) stay out
    found = find_clauses("地区生产总值增长11%(市甲溪坊,市乙岭舍,各县市区政府,荆州丙泉庐)")
    assert [u for f in found for u, _ in f.clause.assignments] == ["市甲溪坊", "市乙岭舍", "各县市区政府", "荆州丙泉庐"]
    assert not find_clauses("加强水质监测(省控断面、市控断面、县控断面)。")
    assert not find_clauses("建设一批道路(市区道路、县乡公路)。")


def test_a_unit_columns_list_of_a_levels_bodies_is_read_whatever_their_names_end_with():
    # (r-slots) the column's role marks the slot; a level's bodies named whole (市甲溪坊) are names there
    assert parse_clause("市甲溪坊、市乙岭舍", R).assignments == [("市甲溪坊", R), ("市乙岭舍", R)]
    assert parse_clause("加强水质监测", R) is None


def test_a_role_part_closed_by_its_comma_opens_the_sentences_clause_whatever_its_name():
    found = leading_clauses("岚溪寮负责,重点加强高风险肉类、水产品等进出口食品监控。")
    assert [a for f in found for a in f.clause.assignments] == [("岚溪寮", L)]
    # a plain verb after a verb (…并组织实施,) closes no role part
    assert not leading_clauses("拟订本市基础研究规划、政策和标准并组织实施,组织实施基础研究计划项目。")


def test_a_bare_list_between_a_lead_and_a_later_duty_word_shares_it_on_a_line_of_its_own():
    c = parse_clause("云栖斋牵头，省甲溪坊，乙岭舍、丙泉庐按职责分工负责", bracketed=True)
    assert c.assignments == [("云栖斋", L), ("省甲溪坊", R), ("乙岭舍", R), ("丙泉庐", R)]


def test_a_duty_word_before_the_word_population_is_no_person_in_charge():
    # 负责人口普查: 负责 and its work, not 负责人 (a person)
    found = leading_clauses("省甲溪坊、省乙岭舍负责人口普查的宣传工作。")
    assert [u for f in found for u, _ in f.clause.assignments] == ["省甲溪坊", "省乙岭舍"]


def test_participants_after_the_lead_cooperate():
    # (r-notices6) X牵头,Y、Z等有关部门参加,W落实: 参加 closes the helpers' list as 配合 does (等有关部门 dropped)
    c = parse_clause("责任单位:县岚溪寮牵头,县甲岭舍、县乙泉庐等有关部门参加,各镇街落实", bracketed=True)
    assert c.assignments == [("县岚溪寮", L), ("县甲岭舍", Role.COOPERATING), ("县乙泉庐", Role.COOPERATING),
                             ("各镇街", R)]
    assert parse_clause("云栖斋牵头,丙泉庐参加").assignments == [("云栖斋", L), ("丙泉庐", Role.COOPERATING)]


def test_a_units_people_sent_or_leading_a_team_are_no_unit_name():
    # (r-notices7) X领导带队 / X分管负责人参加: people, though 队 ends names; a role word's slot names their unit
    def units(text):
        return [[(u, r.value) for u, r in f.clause.assignments] for f in leading_clauses(text)]

    assert all("带队" not in u and "负责人" not in u for found in units(
        "由县甲溪坊领导带队,县乙岭舍分管负责人参加,县甲溪坊具体组织实施。") for u, _ in found)
    assert units("由县甲溪坊牵头,县乙岭舍分管负责人参加。") == [[("县甲溪坊", "lead"), ("县乙岭舍", "cooperating")]]
    assert parse_clause("云栖斋牵头,丙泉庐分管负责人参加").assignments == [("云栖斋", L), ("丙泉庐", Role.COOPERATING)]
    assert parse_clause("云栖斋牵头,主要负责同志参加").assignments == [("云栖斋", L)]


def test_a_subject_named_in_its_role_by_zuowei_or_shi_is_cut_before_that_word():
    # (r-notices6) X作为…牵头部门,要…; X是负责…的机构: 作为 / 是 say what X is, never a part of its name
    found = leading_clauses("市甲溪坊作为全市招商牵头责任部门,要组织协调好各项工作。")
    assert [a for f in found for a in f.clause.assignments] == [("市甲溪坊", L)]
    found = leading_clauses("省乙岭舍是负责本机关文书处理的工作机构。")
    assert [a for f in found for a in f.clause.assignments] == [("省乙岭舍", L)]


def test_a_xiatong_inside_a_names_own_note_spreads_no_units():
    # (r-notices6) X(含Y,下同) / X〈含Y,下同〉: the note says what the name covers from there on; the name is a unit
    # as printed, and no list spreads to later items (a 下同 of the clause itself still does)
    for note in ("(含丙园管委会,下同)", "〈含丙园管委会,下同〉"):
        c = parse_clause(f"牵头单位:市甲溪坊;责任单位:市乙岭舍,各区人民政府{note}", bracketed=True)
        assert c.assignments == [("市甲溪坊", L), ("市乙岭舍", R), (f"各区人民政府{note}", R)]
        assert c.spread == [] and c.note is None
    c = parse_clause("责任单位:市住建局、市财政局(下同)", bracketed=True)
    assert c.note == "下同" and [n for n, _ in c.spread] == ["市住建局", "市财政局"]


def _units_of(tmp_path, text: str) -> list[dict]:
    from dutygraph.loaders import load
    doc = tmp_path / "plan.txt"
    doc.write_text(text, encoding="utf-8")
    return [{r: t.get(r) for r in ("lead", "responsible", "cooperating") if t.get(r)}
            for t in load(doc).to_dict()["tasks"]]


def test_a_label_lines_last_name_is_kept_whatever_it_ends_with(tmp_path):
    # (r-slots2) a label's list whose names no lexicon knows, the last one without a level before it: the slot
    # says units stand there (the list was cut before its last piece as if that were text)
    text = ("一、教育工程\n(一)扩大乡村学前资源项目。\n资金来源:中央、自治区配套。\n牵头单位:市甲苑。\n"
            "配合单位:市乙斋坊、丙琮寮。\n完成时间:2012年12月。\n(二)改善校舍项目。\n牵头单位:市甲苑。\n"
            "协作单位:市丁阁,相关县戊庐\n完成时间:2012年12月。\n")
    assert _units_of(tmp_path, text) == [{"lead": ["市甲苑"], "cooperating": ["市乙斋坊", "丙琮寮"]},
                                         {"lead": ["市甲苑"], "cooperating": ["市丁阁", "相关县戊庐"]}]


def test_names_a_space_separates_in_a_label_line_are_names_whatever_they_end_with(tmp_path):
    # (r-slots2) 成员单位:市甲苑 乙斋坊: spaces stand for 、 when every piece could be a name (three characters or
    # more, no verb opening it, no role word closing it); a name spaced out in pieces of two stays one
    text = ("防震工作方案\n\n一、工作小组\n\n1、宣传报道组\n\n组 长:市委副部长何某\n\n成员单位:市甲苑 乙斋坊\n\n"
            "职 责:负责防震救灾的宣传报道。\n\n2、治安保卫组\n\n成员部门:市丙寮 市丁坊 戊阁庐\n\n"
            "职 责:指导县区加强治安管理。\n")
    assert _units_of(tmp_path, text) == [{"responsible": ["市甲苑", "乙斋坊"]},
                                         {"responsible": ["市丙寮", "市丁坊", "戊阁庐"]}]


def test_a_later_duty_with_partners_in_a_numbered_units_block_is_a_task_of_its_own():
    # (r-slots2) 3.甲委:监督…;指导…;会同乙局等部门制定…: the block is one task, but the duty naming who works with
    # the unit carries its own clause: the unit leads it, the partners (a bare sector before 等部门 too) cooperate
    found = colon_duties("县甲委:监督乡村道路规划工作;指导重点工程建设;会同乙坊等部门制定储备目录,明确储备种类;组织保障工作。",
                         per_duty=False)
    assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [
        [("县甲委", "responsible")], [("县甲委", "lead"), ("乙坊", "cooperating")]]


def test_a_labelled_unit_cell_of_a_flattened_table_keeps_names_whatever_they_end_with(tmp_path):
    # (r-slots2) 省牵头单位:省甲苑 under a row's cells: the label says units stand there (no lexicon veto)
    text = ("序号\n\n重点工作任务\n\n责任单位\n\n1\n\n加强粮食和重要农产品保障,稳定优势产区粮食综合生产能力。\n\n"
            "市乙斋、市丙坊\n\n省牵头单位:省甲苑\n\n2\n\n深入实施消费新政,培育新型消费。\n\n市丁寮\n\n省牵头单位:省戊庐\n\n3\n\n推进数字生活服务。\n\n市己局\n")
    got = _units_of(tmp_path, text)
    assert got == [{"lead": ["省甲苑"], "responsible": ["市乙斋", "市丙坊"]}, {"lead": ["省戊庐"], "responsible": ["市丁寮"]},
                   {"responsible": ["市己局"]}]


def test_whole_names_before_a_departments_tail_stay_apart_when_none_is_a_sector():
    # (r-slots2) (省甲苑、乙斋坊、丙琮庐等相关部门按职责分工负责): 等部门 closes whole names the lexicon does not know;
    # only sectors (role cues name.sector) share a place and the tail's kind as one item (区交通、生态环境、水务)
    clause = parse_clause("省甲苑、乙斋坊、丙琮庐等相关部门按职责分工负责", bracketed=True)
    assert clause.assignments == [("省甲苑", L), ("乙斋坊", L), ("丙琮庐", L)]
    from dutygraph.loaders.clauses import _listed_departments
    assert _listed_departments("区交通、生态环境、水务等市政设施相关部门") == ["区交通、生态环境、水务"]
    assert _listed_departments("市甲局、省乙斋坊、丙琮庐、丁汐寮等部门") == ["市甲局", "省乙斋坊", "丙琮庐", "丁汐寮"]


def test_the_first_unit_after_a_colon_introducing_the_duties_heads_its_own_whatever_it_ends_with():
    # (r-slots2) 各单位的具体职责如下:市甲溪坊:研究…;会同市乙岭舍编制…: the name opening with its level heads its
    # duties though a colon, not a stop, stands before it; the partner after 会同 is named by its level too
    found = colon_duties("各单位的具体职责如下:市甲溪坊:研究提出人口发展战略;会同市乙岭舍编制下达人口计划。")
    assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [
        [("市甲溪坊", "responsible")], [("市甲溪坊", "lead"), ("市乙岭舍", "cooperating")]]


def test_units_heading_their_duties_as_sentences_after_a_colon_are_read_whatever_they_end_with():
    # (r-slots2) 各单位职责如下:县甲溪坊。负责…。县乙岭舍。负责…: each name opening with its level, a sentence of its
    # own before duties opening with 负责, heads them, not only the one opening the item
    found = unit_blocks("各组成单位及其职责如下:县甲溪坊。负责统一监督。加强执法检查。县乙岭舍。负责秸秆综合利用的督导。")
    assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [
        [("县甲溪坊", "lead")], [("县乙岭舍", "lead")]]


def test_a_first_listed_note_makes_its_bracket_a_slot_whatever_the_names_end_with():
    # (r-slots2) (甲溪坊,乙岭舍,各县<市、区>人民政府,排名第一位为牵头单位,下同): the note is a role cue, the list
    # before it a slot; the first-listed name leads, the others are responsible
    clause = parse_clause("甲溪坊,乙岭舍,各县<市、区>人民政府,排名第一位为牵头单位,下同", bracketed=True)
    assert clause.assignments == [("甲溪坊", L), ("乙岭舍", R), ("各县<市、区>人民政府", R)]


def test_a_levels_body_opening_a_paragraph_with_a_colon_heads_its_work_without_a_duty_word():
    # (r-slots2) 市甲溪坊:做好…。协助…。: a name opening with its level, then a colon and sentences of work, heads them
    # whatever it ends with, as a known name does (市委宣传部:把…); a level's things (市政设施:) head nothing
    found = unit_blocks("市甲溪坊:做好社区卫生保健规划的贯彻实施,开展全民健康教育。协助地方政府预防和控制重大疫情。")
    assert [[(u, r.value) for u, r in f.clause.assignments] for f in found] == [
        [("市甲溪坊", "responsible")], [("市甲溪坊", "cooperating")]]
    assert unit_blocks("市政设施:做好道路养护和维修工作,开展巡查。协助地方政府清理积水。") == []


def test_together_reads_both_slots_whatever_the_names_end_with(tmp_path):
    # (r-clauses3) X(要)会同Y对…/研究…: 会同 marks the lead before it and the partner after it, the partner ending
    # where the work opens (a verb, a preposition); ordinary subjects (项目资金, 各地) and unnamed partners stay out
    text = ("关于做好年度督办工作的通知\n\n一、加强指导。县甲溪坊要会同县乙岭舍对相关工作进行督导,对滞后事项进行通报。\n"
            "二、丙松苑会同丁溪斋研究制定实施细则。\n三、市发改委会同戊岭寮对考核结果进行复核。\n")
    assert _units_of(tmp_path, text) == [{"lead": ["县甲溪坊"], "cooperating": ["县乙岭舍"]},
                                         {"lead": ["丙松苑"], "cooperating": ["丁溪斋"]},
                                         {"lead": ["市发改委"], "cooperating": ["戊岭寮"]}]
    found = leading_clauses("项目资金要会同乙岭舍统筹安排。各地要会同乙岭舍做好衔接。")
    assert all(n not in ("项目资金", "各地") for f in found for n, _ in f.clause.assignments)


def test_a_partner_after_a_duty_word_and_together_ends_where_its_work_opens(tmp_path):
    # (r-clauses3) 甲坊:负责会同乙苑查处…: 查处 ends like an office (处) but opens the work, no part of the name
    text = "打击非法出版物工作分工\n\n1.市甲溪坊:负责会同丙溪舍查处非法出版物的违法行为。\n2.市乙岭舍:负责宣传报道。\n"
    assert _units_of(tmp_path, text)[0] == {"lead": ["市甲溪坊"], "cooperating": ["丙溪舍"]}


def test_the_unit_entrusted_does_the_work_whatever_the_names_end_with(tmp_path):
    # (r-clauses3) 由X委托Y负责…: Y, the unit entrusted, answers for the work; X hands it on (known or not)
    text = ("城市管理职责分工\n\n一、露天烧烤由县甲溪坊委托县乙岭舍负责管理,并行使行政处罚权。\n"
            "二、占道经营现由县规划建设局委托县丙松苑负责管理,并行使行政处罚权。\n")
    assert _units_of(tmp_path, text) == [{"lead": ["县乙岭舍"]}, {"lead": ["县丙松苑"]}]


def test_a_name_opening_a_part_before_its_duty_word_is_read_whatever_it_ends_with(tmp_path):
    # (r-clauses3) 甲寮负责…, 乙阁牵头负责…, a spaced 丙坊 负责…: the duty word right after the part's opening marks
    # the slot; a subject with 的 or a verb in it, a person, a plain thing or a sector bare (省财政) is none
    text = ("扬尘治理职责分工\n\n一、甲琮寮负责房屋建筑工程施工扬尘污染防治的管理工作。\n"
            "二、省乙岚阁牵头负责削坡建房,丙珈阁牵头负责公路沿线。\n三、丁芷坊 负责机关党群工作。\n"
            "四、两个部门联合办理的督办事项负责报告。\n五、项目业主负责施工现场管理。\n六、省财政负责剩余补贴。\n"
            "七、安排专人负责会议记录整理。\n八、指定专人负责信息报送。\n")
    assert _units_of(tmp_path, text)[:3] == [{"lead": ["甲琮寮"]}, {"lead": ["省乙岚阁", "丙珈阁"]}, {"lead": ["丁芷坊"]}]
    assert _units_of(tmp_path, text)[3:] == [{}, {}, {}, {}, {}]  # (安排 / 指定专人负责: a verb opens no name)


def test_a_subject_before_an_obligation_word_is_read_whatever_it_ends_with():
    # (r-clauses3) 甲溪坊要…, 乙岭舍将…: names opening a sentence before an obligation word are its subject; not a
    # place (桂林市要…: the obligation reader's), nor words of a sentence (重要, 确定专人), nor a plain thing
    assert [(u, r.value) for u, r in subject_opening("甲溪坊要加强统筹协调,及时解决困难。").clause.assignments] == [
        ("甲溪坊", "responsible")]
    for text in ("项目资金要专款专用。", "桂林市要切实加强组织领导。", "apec会议等重要时段要实行巡查。", "履行好牵头职责。"):
        assert subject_opening(text) is None, text


def test_a_list_opened_by_by_runs_over_its_comma_to_the_role_word_whatever_the_names_end_with():
    # (r-clauses3) 由甲坊、乙苑,各县(市)、区人民政府负责落实: 由 opens the slot the later role word closes, the names
    # before the comma the lexicon lacks included; 由于… opens no names
    found = leading_clauses("由市甲溪坊、乙岭苑,各县(市)、区人民政府负责落实。")
    assert [u for f in found for u, _ in f.clause.assignments][:2] == ["市甲溪坊", "乙岭苑"]
    assert [u for f in leading_clauses("由于天气原因,各县区政府负责落实。") for u, _ in f.clause.assignments] == ["各县区政府"]


def test_a_list_before_the_last_part_of_a_clause_closed_by_its_role_word_shares_it_whatever_the_names_end_with():
    # (r-clauses3) 甲阁、乙庐、丙苑,省丁庐按职责分工负责: the list before the comma shares the closing role word, as
    # known names do; words of work before the comma (加快推进、抓好落实,X负责) are no such list
    clause = parse_clause("省甲璟阁、乙砚琳庐、丙琳苑，省丁岚庐按职责分工负责")
    assert [u for u, _ in clause.assignments] == ["省甲璟阁", "乙砚琳庐", "丙琳苑", "省丁岚庐"]
    assert parse_clause("加快推进、抓好落实，市发改委负责") is None


def test_a_long_list_before_its_duty_word_is_read_whatever_the_names_end_with():
    # (r-clauses3) a dozen names, 、 between them, before 将负责: the duty word marks the slot however long the list
    names = ["甲珈澜舍", "乙砚瑾坊", "丙珂琮阁", "丁琮瑾寮", "戊珂璃寮", "己汐棠庐", "庚琮斋", "辛琬萱阁", "壬瑾苑", "癸岚瑾阁",
             "子珂阁", "丑珈琬斋", "寅汐岚舍"]
    found = leading_clauses("、".join(names) + "将负责支持建设都市经济圈。")
    assert [u for f in found for u, _ in f.clause.assignments] == names


def test_a_first_listed_note_with_its_case_and_a_ditto_after_it_makes_the_first_unit_lead_and_spreads_no_units():
    # (由A、B、C负责。涉及多个部门的,原则上由排名首位的部门牵头负责。下同): the note's case (…的) names nobody, and the
    # 下同 after the note spreads the convention, not the bracket's units
    clause = parse_clause("由市甲溪局、乙岭办、丙泉委负责。一项工作涉及多个部门的,原则上由排名首位的部门牵头负责。下同",
                          bracketed=True)
    assert clause.assignments == [("市甲溪局", Role.LEAD), ("乙岭办", Role.RESPONSIBLE), ("丙泉委", Role.RESPONSIBLE)]
    assert clause.spread == []


def test_an_organisation_ending_a_space_cut_off_stays_on_its_name_in_a_spaced_label_list():
    # a copy printing spaces inside names (各县(区) 人民政府): an ending alone after a space is no name of its own
    from dutygraph.loaders.lines import to_lines
    line = to_lines("责任单位: 市甲溪局、乙岭 办、丙泉委, 各县(区) 人民政府")[0]
    label = match_label(line.text)
    assert label is not None and label.content.endswith(",各县(区)人民政府")
    assert "、人民政府" not in label.content
