"""Lines: the first-character test before the page-furniture pattern keeps every line the pattern matches."""

from re import _parser  # the parse tree of a pattern: what its first characters can be

from dutygraph.loaders.flat_table import _TABLE_END, _TABLE_END_STARTS
from dutygraph.loaders.lines import FURNITURE, FURNITURE_STARTS, is_furniture


def _first_chars(items) -> tuple[set[str], bool]:
    """The characters a parsed (sub)pattern can open with, and whether it can match the empty string."""
    chars: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "AT":  # ^ and $: no character
            continue
        if name == "LITERAL":
            return chars | {chr(arg)}, False
        if name == "IN":
            for kind, value in arg:
                assert str(kind) == "LITERAL", f"a class this test cannot list: {kind}"
                chars.add(chr(value))
            return chars, False
        if name == "SUBPATTERN":
            got, empty = _first_chars(arg[-1])
        elif name == "BRANCH":
            got, empty = set(), False
            for branch in arg[1]:
                b, e = _first_chars(branch)
                got |= b
                empty = empty or e
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            got, empty = _first_chars(arg[2])
            empty = empty or arg[0] == 0
        else:
            raise AssertionError(f"an operator this test cannot follow: {name}")
        chars |= got
        if not empty:
            return chars, False
    return chars, True


def test_furniture_starts_are_the_patterns_first_characters():
    chars, empty = _first_chars(_parser.parse(FURNITURE.pattern))
    assert not empty
    assert chars == set(FURNITURE_STARTS)


def test_table_end_starts_hold_the_annex_heading_and_furniture():
    chars, empty = _first_chars(_parser.parse(_TABLE_END.pattern))
    assert not empty
    assert chars <= set(_TABLE_END_STARTS)


def test_is_furniture():
    assert is_furniture("责任编辑:张三") and is_furniture("【打印】") and is_furniture("关闭")
    assert not is_furniture("") and not is_furniture("市发改委") and not is_furniture("1")
