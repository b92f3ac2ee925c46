"""Rendering notes: Markdown to inert HTML (no raw HTML, no images fetched, safe links)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from karar.core.notes import TASK_DONE, TASK_OPEN, is_safe_link, render_note_html


def test_blank_note_renders_nothing() -> None:
    assert render_note_html("") == ""
    assert render_note_html("  \n\t\n") == ""


def test_emphasis_and_line_breaks_as_typed() -> None:
    assert render_note_html("**We** chose _this_") == (
        "<p><strong>We</strong> chose <em>this</em></p>"
    )
    assert render_note_html("line one\nline two") == "<p>line one<br>\nline two</p>"


def test_script_is_shown_as_text() -> None:
    assert render_note_html("<script>alert(1)</script>") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )


def test_inline_and_block_html_are_text() -> None:
    assert render_note_html("a <b>bold</b> & c") == "<p>a &lt;b&gt;bold&lt;/b&gt; &amp; c</p>"
    assert render_note_html("<div>\n**x**\n</div>") == (
        "<p>&lt;div&gt;<br>\n<strong>x</strong><br>\n&lt;/div&gt;</p>"
    )
    assert render_note_html('<img src=x onerror="alert(1)">') == (
        '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'
    )


def test_entities_stay_entities() -> None:
    assert render_note_html("&copy; &lt;i&gt;") == "<p>&copy; &lt;i&gt;</p>"


def test_code_spans_keep_their_text() -> None:
    assert render_note_html("Use `<div>` & `a && b`") == (
        "<p>Use <code>&lt;div&gt;</code> &amp; <code>a &amp;&amp; b</code></p>"
    )


def test_fenced_code() -> None:
    text = '```python\nx = "<b>" & 1\n```'
    assert render_note_html(text) == (
        '<pre><code class="language-python">x = &quot;&lt;b&gt;&quot; &amp; 1\n</code></pre>'
    )


def test_table() -> None:
    text = "| DB | Why |\n|---|---|\n| PostgreSQL | **JSONB** |"
    assert render_note_html(text) == (
        "<table>\n<thead>\n<tr>\n<th>DB</th>\n<th>Why</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>PostgreSQL</td>\n<td><strong>JSONB</strong></td>\n</tr>\n"
        "</tbody>\n</table>"
    )


def test_lists_are_sane() -> None:
    # sane_lists: a numbered list right after a bulleted one is a new list
    assert render_note_html("- a\n- b\n\n1. x\n2. y") == (
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>"
    )


def test_task_lists_show_boxes() -> None:
    assert (TASK_OPEN, TASK_DONE) == ("☐", "☑")
    assert render_note_html("- [ ] ask ops\n- [x] **pick** a DB\n- [X] done") == (
        '<ul class="tasks">\n'
        '<li><span class="task">☐</span> ask ops</li>\n'
        '<li><span class="task">☑</span> <strong>pick</strong> a DB</li>\n'
        '<li><span class="task">☑</span> done</li>\n'
        "</ul>"
    )


def test_loose_and_numbered_task_lists() -> None:
    assert render_note_html("- [ ] a\n\n- [x] b") == (
        '<ul class="tasks">\n<li>\n<p><span class="task">☐</span> a</p>\n</li>\n'
        '<li>\n<p><span class="task">☑</span> b</p>\n</li>\n</ul>'
    )
    # numbers carry meaning: an ordered list keeps them
    assert render_note_html("1. [ ] one\n2. [x] two") == (
        '<ol>\n<li><span class="task">☐</span> one</li>\n'
        '<li><span class="task">☑</span> two</li>\n</ol>'
    )


def test_a_list_with_some_tasks_keeps_its_bullets() -> None:
    assert render_note_html("- [ ] a\n- plain") == (
        '<ul>\n<li><span class="task">☐</span> a</li>\n<li>plain</li>\n</ul>'
    )


@pytest.mark.parametrize(
    "text",
    [
        "- [ ]",  # a marker with no item: GitHub shows it as typed
        "- [y] no",
        "- [ ]no space",
        "- a [ ] later",
        "[ ] not in a list",
    ],
)
def test_brackets_that_are_not_tasks_stay_text(text: str) -> None:
    out = render_note_html(text)
    assert TASK_OPEN not in out and TASK_DONE not in out
    assert "[" in out


def test_task_items_stay_inert() -> None:
    out = render_note_html("- [ ] <b>x</b> [l](javascript:1) ![i](http://e.com/i.png)")
    assert out == (
        '<ul class="tasks">\n<li><span class="task">☐</span> &lt;b&gt;x&lt;/b&gt; '
        '<span>l</span> <span class="image">[image: i]</span></li>\n</ul>'
    )


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("![x](http://example.com/a.png)", '<p><span class="image">[image: x]</span></p>'),
        ("![](file:///etc/passwd) after", '<p><span class="image">[image]</span> after</p>'),
        (
            "![logo][l]\n\n[l]: https://example.com/l.png",
            '<p><span class="image">[image: logo]</span></p>',
        ),
        (
            "[![alt](http://i.example)](http://l.example)",
            '<p><a href="http://l.example"><span class="image">[image: alt]</span></a></p>',
        ),
    ],
)
def test_images_are_never_fetched(text: str, html: str) -> None:
    out = render_note_html(text)
    assert out == html
    assert "<img" not in out


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ('[ok](https://e.com "T")', '<p><a href="https://e.com" title="T">ok</a></p>'),
        ("<http://x.example>", '<p><a href="http://x.example">http://x.example</a></p>'),
        ("[m](mailto:x@y.z)", '<p><a href="mailto:x@y.z">m</a></p>'),
        ("[bad](javascript:alert(1))", "<p><span>bad</span></p>"),
        ("[rel](notes/other.md)", "<p><span>rel</span></p>"),
        ("[file](file:///etc/passwd)", "<p><span>file</span></p>"),
        ("[data](data:text/html,x)", "<p><span>data</span></p>"),
        ("[ftp](ftp://example.com)", "<p><span>ftp</span></p>"),
    ],
)
def test_links_only_to_the_web_and_mail(text: str, html: str) -> None:
    assert render_note_html(text) == html


def test_mail_autolink_is_a_plain_mailto() -> None:
    out = render_note_html("<a@b.example>")
    assert out.startswith('<p><a href="mailto:a@b.example">')


@pytest.mark.parametrize(
    ("href", "safe"),
    [
        ("https://example.com/x", True),
        ("HTTP://EXAMPLE.COM", True),
        ("mailto:someone@example.com", True),
        ("http:relative", False),
        ("//example.com", False),
        ("javascript:alert(1)", False),
        ("  javascript:alert(1)", False),
        ("qrc:/icons/x.svg", False),
        ("", False),
        ("http://[::1", False),
    ],
)
def test_is_safe_link(href: str, safe: bool) -> None:
    assert is_safe_link(href) is safe


def test_renders_the_same_twice() -> None:
    # the converter is reused: no footnotes or references leak from one note to the next
    first = render_note_html("[a][r]\n\n[r]: https://e.com")
    assert render_note_html("[a][r]") == "<p>[a][r]</p>"
    assert first == '<p><a href="https://e.com">a</a></p>'


def test_importing_the_module_does_not_import_markdown() -> None:
    code = (
        "import sys, karar.core.notes as n\n"
        "assert 'markdown' not in sys.modules\n"
        "n.render_note_html('')\n"
        "assert 'markdown' not in sys.modules\n"
        "n.render_note_html('x')\n"
        "assert 'markdown' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
