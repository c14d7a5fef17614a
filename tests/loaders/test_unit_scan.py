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
