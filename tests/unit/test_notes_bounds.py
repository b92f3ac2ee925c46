"""Rendering notes within bounds (issue 8, class 12): pathological notes render as the
text they are, deep nesting stops at a limit instead of failing, a render can be stopped
or run out of time, and within the bounds the HTML is exactly Python-Markdown's."""

from __future__ import annotations

import re
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karar.core import notes
from karar.core.markdown_bounds import (
    LAYOUT_LIMIT,
    LAYOUT_WEIGHTS,
    NESTING_LIMIT,
    bound_line_nesting,
)
from karar.core.notes import RenderCancelled, render_note


def depth_of(html: str, tag: str) -> int:
    """The deepest nesting of ``<tag>`` elements in ``html``."""
    depth = deepest = 0
    for m in re.finditer(rf"<(/?){tag}[ >]", html):
        depth += -1 if m[1] else 1
        deepest = max(deepest, depth)
    return deepest


# ---------------------------------------------------------------- the issue's notes


@pytest.mark.parametrize(
    "text",
    [
        "[" * 8_000,
        "![" * 8_000,
        "[a](" * 12_000,  # 48,000 characters: Markdown still renders it
        "[a](" * 12_000 + ")",
        '[a]("' * 9_000,
        "[a][" * 12_000,
        "``a`" * 12_000,
        "```a\n" * 9_000,
    ],
    ids=["brackets", "images", "links", "links-closed", "titles", "refs", "ticks", "fences"],
)
def test_pathological_notes_render_as_markdown(text: str) -> None:
    out = render_note(text)
    assert out.reason in ("", "cut")  # cut: too many lines to lay out (fences)
    assert out.html.startswith("<p>")


def test_the_issues_notes_are_the_text_they_are() -> None:
    assert render_note("[" * 8_000).html == "<p>" + "[" * 8_000 + "</p>"
    assert render_note("![" * 8_000).html == "<p>" + "![" * 8_000 + "</p>"
    assert render_note("[a](" * 12_000).html == "<p>" + "[a](" * 12_000 + "</p>"


def test_a_link_after_the_brackets_still_renders() -> None:
    out = render_note("[" * 3_000 + " [ok](https://e.com)")
    assert out.html == "<p>" + "[" * 3_000 + ' <a href="https://e.com">ok</a></p>'


@pytest.mark.parametrize(
    "text",
    [
        "".join("    " * i + "- a\n" for i in range(100)),
        "".join("\t" * i + "- a\n" for i in range(249)),
        "1. " * 249 + "x",
        "- " * 249 + "x",
        "> " * 249 + "x",
        "> - 1. " * 100 + "x",
    ],
    ids=["indented", "tabs-249", "numbered", "bullets", "quotes", "mixed"],
)
def test_deep_nesting_stops_at_the_limit(text: str) -> None:
    out = render_note(text)
    assert out.reason == ""
    assert "x" in out.html or "a" in out.html
    levels = sum(depth_of(out.html, tag) for tag in ("ul", "ol", "blockquote"))
    assert 1 < levels <= NESTING_LIMIT


def test_a_nested_list_keeps_its_first_levels() -> None:
    text = "".join("    " * i + f"- item {i}\n" for i in range(40))
    out = render_note(text)
    assert depth_of(out.html, "ul") == NESTING_LIMIT
    for i in range(40):
        assert f"item {i}" in out.html  # deeper items are text of the deepest one


@pytest.mark.parametrize(
    ("line", "bounded"),
    [
        ("- a", "- a"),
        ("    " * 15 + "- a", "    " * 15 + "- a"),
        ("    " * 16 + "- a", "    " * 16 + "\\- a"),
        ("    " * 20 + "- a", " " * 67 + "\\- a"),
        ("> " * 16 + "x", "> " * 16 + "x"),
        ("> " * 17 + "x", "> " * 16 + "\\> x"),
        ("1. " * 17 + "x", "1. " * 16 + "1\\. x"),
        ("-a -b", "-a -b"),
        ("   x", "   x"),
    ],
)
def test_bound_line_nesting(line: str, bounded: str) -> None:
    assert bound_line_nesting(line) == bounded


# ---------------------------------------------------------------- refusals


def test_a_note_too_long_is_shown_as_typed() -> None:
    text = "<b>x</b> " * (notes.MARKDOWN_LIMIT // 9 + 1)
    out = render_note(text)
    assert out.reason == "long"
    assert out.notice == (
        f"Too long to preview as Markdown ({len(text):,} characters): "
        f"shown as typed, the first {notes.TYPED_LIMIT:,} characters."
    )
    assert out.typed == text[: notes.TYPED_LIMIT]
    assert "<b>" not in out.html and "&lt;b&gt;x&lt;/b&gt;" in out.html


def test_a_note_over_its_budget_is_shown_as_typed() -> None:
    text = "**a** <script>x</script>\n\n" * 200
    out = render_note(text, budget=0.0)
    assert (out.reason, out.notice) == ("slow", notes.NOTICE_TOO_SLOW)
    assert out.typed == text
    assert "<script>" not in out.html and "&lt;script&gt;" in out.html
    assert render_note("**a**").html == "<p><strong>a</strong></p>"  # the next is whole


def test_a_render_asked_to_stop_stops() -> None:
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(RenderCancelled):
        render_note("*a* [b](https://e.com)\n\n" * 100, should_stop=stop)
    assert render_note("[b](https://e.com)").html == '<p><a href="https://e.com">b</a></p>'


def test_a_failing_render_is_shown_as_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    md = notes._converter()

    def fail(_text: str) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(md, "convert", fail)
    out = render_note("*a*")
    assert (out.reason, out.notice, out.typed) == ("failed", notes.NOTICE_FAILED, "*a*")
    assert render_note("*a*").html == "<p><em>a</em></p>"  # a new converter


def test_a_note_too_big_to_lay_out_is_cut_short() -> None:
    out = render_note("- a\n" * 3_000)
    assert (out.reason, out.notice) == ("cut", notes.NOTICE_CUT)
    items = out.html.count("<li>")
    assert items * LAYOUT_WEIGHTS["li"] + LAYOUT_WEIGHTS["ul"] <= LAYOUT_LIMIT
    assert items > LAYOUT_LIMIT // 3
    assert out.html.endswith("</li>\n</ul>")


def test_a_long_table_is_cut_after_whole_rows() -> None:
    out = render_note("| a | b |\n|---|---|\n" + "| x | y |\n" * 1_000)
    assert out.reason == "cut"
    assert out.html.count("<tr>") == out.html.count("</tr>") < 1_000
    assert out.html.endswith("</table>")


def test_notes_render_on_two_threads_at_once() -> None:
    text = "**a** [b](https://e.com)\n\n- [ ] c\n" * 300
    want = render_note(text).html
    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(render_note(text).html)) for _ in "ab"]
    for t in threads:
        t.start()
    here = render_note(text).html
    for t in threads:
        t.join()
    assert got == [want, want] and here == want


# ---------------------------------------------------------------- the same as Markdown

_TOKENS = [
    *"[]()!*_`<>&\\#-|:\"'~=+.1 x",
    "\n",
    "\n\n",
    "    ",
    "](",
    "![",
    "```",
    "~~~",
    "```py",
    "**",
    "> ",
    "- ",
    "1. ",
    "http://e.com",
    "<a@b.c>",
    "&amp;",
    "[r]: http://r\n",
    "[r]",
    "[ ] ",
    "| a |",
    "|---|",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join))
def test_within_the_bounds_the_html_is_markdowns(text: str) -> None:
    lines = text.expandtabs(4).split("\n")
    if any(bound_line_nesting(line) != line for line in lines):
        return  # nested past the limit: bounded on purpose
    stock = notes._markdown(bounded=False)
    want = stock.convert(text) if text.strip() else ""
    assert render_note(text).html == want


def test_unclosed_fences_pair_as_markdown_pairs_them() -> None:
    stock = notes._markdown(bounded=False)
    for text in [
        "```a\n" * 30 + "```\nx\n```",
        "````\n```\n~~~\n````\n```\n",
        "~~~\nx\n```\n~~~~\n~~~\n",
        "```{.x}\ncode\n```\n```bad lang\nx\n```\n",
    ]:
        stock.reset()
        assert render_note(text).html == stock.convert(text)
