"""The role vocabulary's patterns: the look-ahead that speeds a search up finds what the pattern finds."""

from __future__ import annotations

import pytest


def test_a_prefiltered_pattern_finds_what_the_pattern_finds():
    import re

    from dutygraph.loaders.labels import LABEL_ANYWHERE
    from dutygraph.text.role_cues import prefiltered

    plain = re.compile(LABEL_ANYWHERE.pattern.split("])", 1)[1])
    text = "推进改造。牵头单位：县住建局；县级配合单位:县财政局。省牵头单位：省发改委（责任部门（单位）：各市"
    assert LABEL_ANYWHERE.pattern.startswith("(?=[")
    assert [m.span() for m in LABEL_ANYWHERE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert prefiltered("(?:a|.b)c").pattern == "(?:a|.b)c"  # any character may open it: no look-ahead


@pytest.mark.parametrize("header", ["参加单位", "支撑部门", "协作单位", "协管单位"])
def test_every_cooperating_labels_word_names_a_cooperating_column(header):
    # (r-labels6) the column headers read the cooperating labels' words (role_cues.txt column.cooperating)
    from dutygraph.loaders.flat_table import column_kind
    assert column_kind(header) == "cooperating"
