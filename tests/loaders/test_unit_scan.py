"""The unit list a text opens with when no role word marks its end (snippets written for the test)."""

from dutygraph.loaders.clauses import well_formed_units
from dutygraph.loaders.unit_scan import opening_units


def test_a_whole_name_is_not_lengthened_into_the_verb_after_it():
    assert opening_units("自治区住房和城乡建设厅组织开展检查", well_formed_units)[0] == ["自治区住房和城乡建设厅"]
    assert opening_units("市民政局组织开展救助", well_formed_units)[0] == ["市民政局"]
    assert opening_units("红十字会组织动员社会力量", well_formed_units)[0] == ["红十字会"]


def test_a_name_cut_short_is_still_lengthened():
    assert opening_units("各有关部门抓紧制定方案", well_formed_units)[0] == ["各有关部门"]
    assert opening_units("县政府办公室负责督查", well_formed_units)[0] == ["县政府办公室"]


def test_a_long_list_runs_on_over_its_separators():
    # each name after a separator gets the room of the first: a list of nine short names is read whole
    text = "县农业农村局、县财政局、县科技局、县自然资源局、县水利局、县商务局、县统计局、县粮食局等部门研究提出意见"
    names, end = opening_units(text, well_formed_units)
    assert names[0] == "县农业农村局" and names[-1] == "县粮食局" and len(names) == 8
    assert text[end:].startswith("研究")  # the 等部门 tail closes the list
    names, _ = opening_units("区教育局、区卫健委、区民政局、区人社局、区医保局和各街道办事处联合开展排查", well_formed_units)
    assert names[-1] == "各街道办事处" and len(names) == 6  # 联合: a verb after a whole name, no 联 of 妇联


def test_a_long_run_without_separators_is_still_no_list():
    assert opening_units("市住建局组织开展全市范围内的城镇燃气安全隐患排查整治", well_formed_units)[0] == ["市住建局"]
    assert opening_units("认真做好全市重点项目建设的组织实施和协调推进工作", well_formed_units) is None


def test_a_verb_after_any_whole_name_is_no_part_of_it():
    # 组织 / 联合 / 查处 after a name ending like a whole one (委, 所, 部, 联, 组, 办事处): the name stops there
    for text, name in [("市发改委组织开展全民健身活动", "市发改委"), ("镇财政所组织开展清查", "镇财政所"),
                       ("县妇联组织开展培训", "县妇联"), ("市委巡察组组织回头看", "市委巡察组"),
                       ("区工商联联合开展帮扶", "区工商联"), ("市委组织部组织开展考核", "市委组织部"),
                       ("镇中心学校组织开展演练", "镇中心学校"), ("县文化馆组织开展展演", "县文化馆")]:
        assert opening_units(text, well_formed_units)[0] == [name], text


def test_a_name_not_yet_whole_grows_further():
    # 县人力资源和社 ends like a name (社) but not like a whole one: it grows to the 局 four characters on
    assert opening_units("县人力资源和社会保障局实施技能培训", well_formed_units)[0] == ["县人力资源和社会保障局"]
    assert opening_units("区人力资源和社会保障局会同区财政局制定办法", well_formed_units)[0] == ["区人力资源和社会保障局"]
    # a whole name does not swallow the words after it
    assert opening_units("市级各有关部门立即安排部署", well_formed_units)[0] == ["市级各有关部门"]


def test_an_adverb_after_a_whole_name_ends_it():
    # 统一 / 具体 / 共同 before the verb: no name goes on through them (市政府督查室统一组 is none)
    assert opening_units("市政府督查室统一组织上传", well_formed_units)[0] == ["市政府督查室"]
    assert opening_units("县教育局具体负责实施", well_formed_units)[0] == ["县教育局"]
    assert opening_units("区民政局、区财政局共同组织验收", well_formed_units)[0] == ["区民政局", "区财政局"]


def test_a_whole_name_before_a_role_word_does_not_grow_past_it():
    # the list read 县气象局配合 ends in a role word: its name 县气象局 is whole, so it grows by three at most
    assert opening_units("县气象局配合做好天气会商", well_formed_units)[0] == ["县气象局"]


def test_an_obligation_word_after_a_whole_name_ends_it():
    # 要 / 须 / 应当 before the verb: 县教育局要组 (组 ends like an office) is no name
    assert opening_units("县教育局要组织开展安全教育", well_formed_units)[0] == ["县教育局"]
    assert opening_units("区民政局须组织验收", well_formed_units)[0] == ["区民政局"]
    assert opening_units("镇财政所应当组建专班", well_formed_units)[0] == ["镇财政所"]


def test_a_governments_sector_department_is_one_name():
    # regulations name a government's department by its sector: 县级以上人民政府环境保护主管部门, 市人民政府林业主管部门
    assert opening_units("县级以上人民政府环境保护主管部门对本行政区域实施监督管理", well_formed_units)[0] == [
        "县级以上人民政府环境保护主管部门"]
    assert opening_units("区人民政府教育行政部门应当组织检查", well_formed_units)[0] == ["区人民政府教育行政部门"]
    # a verb after the government is no sector (县政府要加强管理部门…, 县政府统一管理部门…)
    assert opening_units("市政府、县政府要加强管理部门建设", well_formed_units)[0] == ["市政府", "县政府"]
    assert opening_units("县政府统一管理部门设置", well_formed_units)[0] == ["县政府"]


def test_a_list_of_sectors_closed_by_deng_bumen_is_no_name_ending_in_bu():
    # 发展改革、财政、审计等部门: 审计等部 ends like a ministry but is a list's tail
    assert opening_units("发展改革、财政、审计等部门按照各自职责做好工作", well_formed_units) is None


def test_no_name_ends_inside_a_word_its_last_character_opens():
    # a heading glued to the text (工作部署…, 政治站位…): 工作部 / 政治站 end like a name, but inside a word
    from dutygraph.loaders.obligations import _well_formed
    assert opening_units("工作部署分三个阶段进行", _well_formed) is None
    assert opening_units("政治站位不断提高", _well_formed) is None
    assert opening_units("现场办理:携带身份证件", _well_formed) is None
    assert opening_units("县教育局部署开展安全检查", _well_formed)[0] == ["县教育局"]  # 局部 is no such word here
    # (r-notices3) 检查组织:… (a label glued to its text): 检查组 ends like a name, but inside 组织; a whole name
    # before 组织 (督查组组织开展…) or holding it (县委组织部) is read as before
    assert opening_units("检查组织:由县政府办公室带队", _well_formed) != (["检查组"], 3)
    assert opening_units("督查组组织开展检查", _well_formed)[0] == ["督查组"]
    assert opening_units("县委组织部牵头抓总", _well_formed)[0] == ["县委组织部"]


def test_a_list_whose_next_item_is_no_name_ends_before_its_separator():
    # (r-notices3) 各区政府、市政府各部门及重点工程业主确定…: the list read up to 及 (what follows is no name read)
    from dutygraph.loaders.obligations import _well_formed
    assert opening_units("各区政府、市政府各部门及重点工程业主确定一名联络员", _well_formed) == (["各区政府", "市政府各部门"], 11)
    assert opening_units("县财政局及时拨付补助资金", _well_formed) == (["县财政局"], 4)  # 及时: no list goes on
    assert opening_units("认真做好组织实施工作", _well_formed) is None


def test_an_adverb_of_how_soon_or_how_hard_ends_a_whole_name_before_a_verb_read_as_an_ending():
    # (look10) 尽快组织 / 抓紧组建 / 及时处理: the name is whole before the adverb, never 各区发改委尽快组
    for adverb in ("尽快", "抓紧", "及时", "立即", "切实", "积极"):
        names, end = opening_units(f"各区发展改革委{adverb}组织承建企业加快建设", well_formed_units)
        assert names == ["各区发展改革委"], adverb
    assert opening_units("县市场监管局尽快查处违法行为", well_formed_units)[0] == ["县市场监管局"]


def test_the_doer_after_a_by_is_read_up_to_the_work_without_the_lexicon():
    from dutygraph.loaders.clauses import slot_names
    from dutygraph.loaders.unit_scan import handed_doers

    assert handed_doers("西岭片区服务坊统筹使用", (), slot_names) == (["西岭片区服务坊"], 7)
    assert handed_doers("东坊小区、西岭苑区按职责分工管理", (), slot_names) == (["东坊小区", "西岭苑区"], 9)
    assert handed_doers("城东管理坊组织实施", (), slot_names) == (["城东管理坊"], 5)  # 管理 inside the name goes on
    assert handed_doers("王某某牵头", (), slot_names) is None  # a person's name: two or three characters
    assert handed_doers("各乡镇自行安排", (), slot_names) is None  # no work word after the names


def test_an_adverb_after_the_doer_ends_it_even_before_a_verb_opening_like_an_office():
    from dutygraph.loaders.clauses import slot_names
    from dutygraph.loaders.unit_scan import handed_doers

    assert handed_doers("城东片区服务坊尽快组织承建企业", (), slot_names) == (["城东片区服务坊"], 7)


def test_a_whole_name_is_not_lengthened_into_a_word_opening_like_a_name_ending():
    # 办理 / 处理 / 部署: lengthening 县城管局 stops before 办 of 办理, as the first reading does
    assert opening_units("各级政府及其所属部门办理群众来信", well_formed_units)[0] != ["各级政府", "其所属部门办"]
    assert opening_units("县林业局处理投诉", well_formed_units)[0] == ["县林业局"]
    assert opening_units("县城管局办理投诉事项", well_formed_units)[0] == ["县城管局"]
