"""Hostile YAML for the tests of the safe YAML reader: alias bombs, YAML-shaped text that
tries the reader's corners, and comparison that tells types apart."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st


def laughs(levels: int = 9, width: int = 10) -> tuple[str, str]:
    """Lines ``lN: &lN [*lN-1, ...]``, each ``width`` aliases of the one before (10^9 values
    at the defaults, in under 600 bytes), and the alias of the last."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n", f"*l{levels}"


def flow_laughs(levels: int = 9, width: int = 10) -> str:
    """The same bomb as one flow list, to stand in place of any value."""
    items = ["&l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        items.append(f"&l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "[" + ", ".join(items) + "]"


def same(a: Any, b: Any) -> bool:
    """Equal, of the same types all the way down, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


KEYS = [
    "karar", "map", "participant", "view", "nodes", "path", "note", "checked", "collapsed",
    "votes", "voters", "zoom", "center", "layout", "selected", "minimap", "title", "config",
    "<<", "? x", "x", "1", "true", "~", "2024-01-01", "'quoted'", '"dq\\0"', "[a]", "{a: 1}",
]  # fmt: skip
SCALARS = [
    "1", "0", "-1", "1.5", ".nan", ".inf", "-.inf", "1e300", "1.0e+300", "0x1F", "0o7", "0b1",
    "190:20:30", "1:2.5", "yes", "no", "on", "~", "null", "", "2024-02-29", "2024-02-30",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43 +25:00", "'q''s'", '"d\\0x"',
    '"\\x85"', '"\\u2028"', "|", "|-", ">", "text", "builtin:django", "m.mmd", "https://x/y",
    "[a, b]", "{a: 1}", "[R, A]", "[Root, 'x #2']", "[", "]", "{", "}", "9" * 60, "=", "<<",
    "a: b", "- c", "#c", "'", '"', "@", "`", "%", "!", "&", "*", "? ", ": ", "\t", "aGVsbG8=",
    "!!!", "{? [a]: b}", "[*a, *a, *a]", "{<<: *a}", "[[[[]]]]", "{a: {b: {c: {}}}}",
]  # fmt: skip
TAGS = [
    "", "", "", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!binary ", "!!str ",
    "!!set ", "!!omap ", "!!pairs ", "!!map ", "!!seq ", "!foo ", "!!null ", "! ",
    "!<tag:yaml.org,2002:int> ", "!!python/object:os.system ",
]  # fmt: skip
ANCHORS = ["", "", "", "&a ", "&b ", "*a ", "*b ", "*a", "&a *b "]
HEADS = ["", "karar: 1\nmap: m.mmd\n", "karar: 1\nmap: m.mmd\nnodes:\n"]
HEADS += ["karar: 1\nmap: m.mmd\nview:\n"]


@st.composite
def _line(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from(["", "", "", "  ", "  ", "    ", " "]))
    dash = draw(st.sampled_from(["", "", "- ", "- - "]))
    value = draw(st.sampled_from(ANCHORS)) + draw(st.sampled_from(TAGS))
    value += draw(st.sampled_from(SCALARS))
    if draw(st.booleans()):
        return f"{indent}{dash}{draw(st.sampled_from(KEYS))}: {value}"
    return f"{indent}{dash}{value}"


def yaml_like() -> st.SearchStrategy[str]:
    """Text shaped like a project file or front matter, made of the pieces YAML parsers and
    constructors get wrong: tags, anchors, aliases, odd numbers and dates, brackets."""
    return st.builds(
        lambda head, lines: head + "\n".join(lines) + "\n",
        st.sampled_from(HEADS),
        st.lists(_line(), max_size=12),
    )
