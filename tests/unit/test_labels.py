"""Label markup as Mermaid shows it: line breaks, inline HTML, markdown-string emphasis, the
plain text a reader sees, and the label written as Markdown for the snapshot."""

from __future__ import annotations

import html
import re

import markdown as python_markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core.labels import (
    Run,
    Style,
    display_lines,
    has_markup,
    label_markdown,
    paragraphs,
    plain_text,
)

B, IT, U, S, C = Style.BOLD, Style.ITALIC, Style.UNDERLINE, Style.STRIKE, Style.CODE


def test_markdown_runs() -> None:
    assert paragraphs("**Bold root** and *italic*", True) == (
        (Run("Bold root", B), Run(" and "), Run("italic", IT)),
    )
    assert paragraphs("Unicode 🤓 and _underscores_", True) == (
        (Run("Unicode 🤓 and "), Run("underscores", IT)),
    )
    assert paragraphs("First line\nSecond line", True) == (
        (Run("First line"),),
        (Run("Second line"),),
    )


def test_run_keeps_bold_and_italic_properties() -> None:
    run = Run("x", B | IT | U)
    assert run.bold and run.italic
    assert not Run("x", U).bold and not Run("x").italic


def test_snake_case_is_not_italic() -> None:
    assert paragraphs("use snake_case_names", True) == ((Run("use snake_case_names"),),)


@pytest.mark.parametrize("br", ["<br>", "<BR>", "<br/>", "<br />", "<Br >", "<bR/ >", "</br>"])
@pytest.mark.parametrize("markdown", [False, True])
def test_br_in_any_spelling_breaks_the_line(br: str, markdown: bool) -> None:
    assert paragraphs(f"A{br}B", markdown) == ((Run("A"),), (Run("B"),))
    assert display_lines(f"A{br}B", markdown) == ["A", "B"]
    assert plain_text(f"A{br}B", markdown) == "A B"


def test_br_breaks_lines_in_any_label() -> None:
    assert paragraphs("one<br>two<BR/>three<br />four") == (
        (Run("one"),),
        (Run("two"),),
        (Run("three"),),
        (Run("four"),),
    )
    assert plain_text("a<br>b **c**", True) == "a b c"
    assert plain_text("plain **stays**") == "plain **stays**"


@pytest.mark.parametrize(
    ("tag", "style"),
    [
        ("b", B),
        ("strong", B),
        ("i", IT),
        ("em", IT),
        ("u", U),
        ("s", S),
        ("del", S),
        ("sub", Style.SUB),
        ("sup", Style.SUP),
        ("code", C),
    ],
)
def test_inline_html_becomes_styled_runs(tag: str, style: Style) -> None:
    want = ((Run("a "), Run("x", style), Run(" b")),)
    assert paragraphs(f"a <{tag}>x</{tag}> b") == want
    assert paragraphs(f"a <{tag.upper()} class='k' id=\"q\">x</{tag.upper()}> b") == want
    assert paragraphs(f"a <{tag}>x</{tag}> b", True) == want


def test_nesting_unclosed_and_stray_closers() -> None:
    assert paragraphs("<b>bold <i>both</i></b> plain") == (
        (Run("bold ", B), Run("both", B | IT), Run(" plain")),
    )
    assert paragraphs("<b>runs to the end") == ((Run("runs to the end", B),),)
    assert paragraphs("stray</b> closer</i>") == ((Run("stray closer"),),)
    # a style carries over a line break, as in the browser
    assert paragraphs("<b>a<br>b</b>c") == ((Run("a", B),), (Run("b", B), Run("c")))
    # closing an outer tag first leaves the inner one open
    assert paragraphs("<b><i>x</b>y</i>z") == ((Run("x", B | IT), Run("y", IT), Run("z")),)


def test_other_tags_show_nothing_and_load_nothing() -> None:
    assert plain_text("a<script>alert('x')</script>b") == "ab"
    assert plain_text("a<SCRIPT src=x>never closed") == "a"
    assert plain_text("<style>p { color: red }</style>styled") == "styled"
    assert plain_text("a<img src='https://example.com/x.png' onerror=alert(1)>b") == "ab"
    assert plain_text("<iframe src='https://example.com'>inside</iframe>after") == "after"
    assert plain_text("see <a href='https://example.com'>the docs</a> now") == "see the docs now"
    assert plain_text("<span style='color:red'>red</span> <!-- hidden --> text") == "red  text"
    assert plain_text("List<String>") == "List"  # an unknown element, as the sanitiser does


def test_a_less_than_sign_that_starts_no_tag_is_text() -> None:
    for text in ("a < b", "x<y", "a <= b", "<3", "1 <2 and 3> 2"):
        assert paragraphs(text) == ((Run(text),),), text
        assert not has_markup(text)
    assert paragraphs("**a < b**", True) == ((Run("a < b", B),),)


def test_html_entities_show_as_their_characters() -> None:
    text = "&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;q&quot; &#39;s&#39; a&nbsp;b"
    assert display_lines(text) == ["<b>not bold</b> & \"q\" 's' a\xa0b"]
    assert plain_text(text) == "<b>not bold</b> & \"q\" 's' a b"
    # markdown emphasis is read before entities are decoded: &ast; is no marker
    assert paragraphs("&ast;x&ast;", True) == ((Run("*x*"),),)


def test_markdown_strings_may_hold_inline_html() -> None:
    assert paragraphs("**a <i>b</i> c**\n<u>d</u>", True) == (
        (Run("a ", B), Run("b", B | IT), Run(" c", B)),
        (Run("d", U),),
    )


def test_plain_text_is_one_line() -> None:
    assert plain_text("Platform<br/>Kararları 2025") == "Platform Kararları 2025"
    assert plain_text("  **Kalın**\n  ikinci satır  ", True) == "Kalın ikinci satır"
    assert plain_text("a\nb") == "a b"
    assert plain_text("Sade etiket") == "Sade etiket"


def test_has_markup() -> None:
    for text in ("Kotlin<br/>", "<b>x</b>", "x<BR>", "a<span>", "<!-- c -->", "</i>"):
        assert has_markup(text), text
    for text in ("root", "db", "id1", "a < b", "x<y", "Kotlin", "&lt;b&gt;"):
        assert not has_markup(text), text


def test_the_fast_path_returns_the_label_itself() -> None:
    label = "Django REST Framework (DRF) veya GraphQL"
    ((run,),) = paragraphs(label)
    assert run.text is label and run.style == Style(0)
    assert plain_text(label) is label


# --- the label as Markdown ------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "markdown", "want"),
    [
        ("A<BR>B", False, "A<br>B"),
        ("Kotlin<br/>(JVM)", False, "Kotlin<br>(JVM)"),
        ("**Bold root** and *italic*", True, "**Bold root** and *italic*"),
        ("<b>bold</b> <i>it</i> <code>a*b</code>", False, "**bold** *it* `a*b`"),
        ("<s>gone</s> <u>under</u> H<sub>2</sub>O x<sup>2</sup>", False,
         "~~gone~~ <u>under</u> H<sub>2</sub>O x<sup>2</sup>"),
        ("<b>bold </b>tail", False, "**bold** tail"),
        ("a<script>x()</script><img src=y>b", False, "ab"),
        ("a < b | c_d *e* [f] ~g", False, r"a &lt; b &#124; c\_d \*e\* \[f\] &#126;g"),
        ("&lt;b&gt; &amp;copy;", False, "&lt;b&gt; &amp;copy;"),
        ("<code>`x`</code>", False, "`` `x` ``"),
        # a marker that a CommonMark reader would not take back: the tags instead
        ("foo<b>(bar)</b>baz", False, "foo<strong>(bar)</strong>baz"),
        ("<b>a</b><i>b</i>", False, "<strong>a</strong><em>b</em>"),
        ("First\nSecond", True, "First<br>Second"),
    ],
)  # fmt: skip
def test_label_markdown(label: str, markdown: bool, want: str) -> None:
    assert label_markdown(label, markdown) == want


def _rendered(text: str) -> str:
    """``text`` rendered by Python-Markdown where the snapshot puts it: in a task item."""
    out = python_markdown.markdown(f"- [ ] {text}")
    assert out.startswith("<ul>\n<li>[ ] ") and out.endswith("</li>\n</ul>"), out
    return out[len("<ul>\n<li>[ ] ") : -len("</li>\n</ul>")]


def test_label_markdown_renders_as_drawn_in_python_markdown() -> None:
    assert _rendered(label_markdown("<b>bold</b> and <i>it</i>")) == (
        "<strong>bold</strong> and <em>it</em>"
    )
    assert _rendered(label_markdown("A<BR>B")) == "A<br>B"
    assert _rendered(label_markdown("<code>a*b</code> <u>u</u>")) == "<code>a*b</code> <u>u</u>"
    assert _rendered(label_markdown("foo<b>(bar)</b>baz")) == "foo<strong>(bar)</strong>baz"
    assert _rendered(label_markdown("**a <i>b</i> c**", True)) == (
        "<strong>a</strong> <strong><em>b</em></strong> <strong>c</strong>"
    )


def test_text_around_a_removed_tag_is_shown_as_text() -> None:
    """``<</b>a>``: the first "<" opens no tag (a browser shows it), ``</b>`` goes, and the
    text left reads "<a>": drawn as those three characters, escaped in Markdown."""
    assert plain_text("<</b>a>") == "<a>"
    assert label_markdown("<</b>a>") == "&lt;a&gt;"
    assert _rendered(label_markdown("<</b>a>")) == "&lt;a&gt;"


_SPECIAL = st.sampled_from([*r"\`*_[]<>|~&#;!()-+.{}", "&lt;", "&amp;", "a", "b", " ", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPECIAL, min_size=1, max_size=30).map("".join))
def test_plain_text_survives_python_markdown(label: str) -> None:
    """Whatever a label shows, Python-Markdown shows the same from its snapshot text."""
    if not plain_text(label).strip():
        return
    shown = html.unescape(re.sub(r"<[^>]+>", "", _rendered(label_markdown(label))))
    assert shown.strip() == plain_text(label).strip()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab <>/&*_\n", "<b>", "</b>", "<i>", "<br>", "<code>", "<script>"]),
        max_size=30,
    ).map("".join),
    st.booleans(),
)
def test_arbitrary_labels_give_runs_without_tags(label: str, markdown: bool) -> None:
    paras = paragraphs(label, markdown)
    assert paras and all(paras)
    for para in paras:
        for run in para:
            # A "<" that opens no tag is text, and what follows a removed tag may complete
            # the look of one: "<</b>a>" shows "<a>", as a browser shows it (see below).
            assert not has_markup(run.text) or "<<" in label, (label, run)
            assert "\n" not in run.text or not markdown
    assert "\n" not in plain_text(label, markdown)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab <>/ \t", "<br>", "<BR/>", "<br />", "</br>", "<brx>", "<b>", "&lt;"]),
        max_size=20,
    )
    .map("".join)
    .filter(lambda s: "<" in s)
)
def test_the_line_break_shortcut_agrees_with_the_full_reading(label: str) -> None:
    from karar.core.labels import _build, _tokens

    assert paragraphs(label) == _build(_tokens(label, False))


@pytest.mark.parametrize("label", ["&amp;#1", "&amp;#x41", "&amp;copy", "Tom &amp; Jerry"])
def test_an_ampersand_that_could_start_an_entity_is_escaped(label: str) -> None:
    shown = html.unescape(re.sub(r"<[^>]+>", "", _rendered(label_markdown(label))))
    assert shown.strip() == plain_text(label)
