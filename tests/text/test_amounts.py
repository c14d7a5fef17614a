from __future__ import annotations

from dutygraph.text.amounts import find_amounts


def test_a_sum_is_read_from_its_first_digit_only():
    # the digits of a sum are one number (never a tail of it read again from a later digit), wherever it stands
    assert [(a.printed, a.value) for a in find_amounts("投入12345元,另拨6.5万元。")] == [
        ("12345元", 12345.0), ("6.5万元", 65000.0)]
    assert [a.printed for a in find_amounts("编号7号楼12元")] == ["12元"]
    assert find_amounts("1234") == []
