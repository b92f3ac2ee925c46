"""A map's front matter is read by the same safe YAML reader as project files (issue 8,
classes 3, 6, 7): a duplicate key, a value YAML cannot hold or an alias bomb is one located
map error, never a traceback, a hang or gigabytes; the title is text."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yamlgen import flow_laughs, laughs, yaml_like

from karar.core.errors import MapError, MapSyntaxError
from karar.core.mermaid import parse_mermaid

BODY = "mindmap\n  Root\n"


def front(block: str) -> str:
    return "---\n" + block + "---\n" + BODY


def refused(text: str) -> MapSyntaxError:
    with pytest.raises(MapSyntaxError) as info:
        parse_mermaid(text, path="m.mmd")
    assert "\n" not in str(info.value)
    assert info.value.message.startswith("the front matter")
    return info.value


@pytest.mark.parametrize(
    ("block", "title"),
    [
        ("title: Stack\n", "Stack"),
        ("title: 'Stack: 2026'\n", "Stack: 2026"),
        ("title: 2026\n", "2026"),
        ("title: 2024-01-31\n", "2024-01-31"),
        ("config: {theme: forest}\n", None),
        ("title: ~\n", None),
        ("# nothing\n", None),
        ("- a list\n", None),
        ("base: &b Stack\ntitle: *b\n", "Stack"),
    ],
)
def test_the_title(block: str, title: str | None) -> None:
    assert parse_mermaid(front(block)).map.title == title


@pytest.mark.parametrize(
    ("block", "line", "needle"),
    [
        ("title: A\ntitle: B\n", 3, "the key 'title' is given twice (lines 2 and 3)"),
        ("config:\n  theme: a\n  theme: b\n", 4, "the key 'theme' is given twice"),
        ("title: [A, B]\n", 2, "'title:' must be text"),
        ("title: {a: 1}\n", 2, "'title:' must be text"),
        ("title: !!binary aGVsbG8=\n", 2, "'title:' must be text"),
        ("title: 2024-02-30\n", 2, "'2024-02-30' is not a valid date or time"),
        ("config:\n  n: !!int abc\n", 3, "'abc' is not a whole number"),
        ("config:\n  n: !!float x\n", 3, "'x' is not a number"),
        ("config:\n  n: !!timestamp x\n", 3, "not a valid date or time"),
        ("title: " + "9" * 5000 + "\n", 2, "a number of 5,000 characters"),
        ("title: " + "[" * 10_000 + "]" * 10_000 + "\n", 2, "not valid YAML"),
        ("title: " + "[" * 101 + "]" * 101 + "\n", 2, "nested more than 100"),
        ("title: !python/name:os.system x\n", 2, "not one Karar reads"),
        ("title: &a [*a]\n", 2, "inside the value it names"),
        ("title: [unclosed\n", 3, "not valid YAML"),
        ("title: a\0b\n", 2, "U+0000"),
    ],
)
def test_front_matter_karar_cannot_read_is_one_located_error(
    block: str, line: int, needle: str
) -> None:
    error = refused(front(block))
    assert error.line == line
    assert needle in error.message


BOMB, TOP = laughs()
DEFS = "defs:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())
BOMBS = {
    "title": DEFS + f"title: {TOP}\n",
    "config": DEFS + f"config:\n  theme: {TOP}\n",
    "title, in place": f"title: {flow_laughs()}\n",
    "config, in place": f"config:\n  mindmap: {{padding: {flow_laughs()}}}\n",
}


@pytest.mark.parametrize("at", list(BOMBS))
def test_an_alias_bomb_in_front_matter_is_refused_cheaply(at: str) -> None:
    block = BOMBS[at]
    assert len(block) < 1024
    tracemalloc.start()
    try:
        error = refused(front(block))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "alias bomb" in error.message
    assert peak < 20_000_000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), yaml_like()))
def test_any_front_matter_reads_or_is_a_map_error(block: str) -> None:
    text = front(block if block.endswith("\n") else block + "\n")
    try:
        parse_mermaid(text)
    except MapError as error:
        message = str(error)
    else:
        return
    assert "\n" not in message
