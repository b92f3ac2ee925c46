"""Label text as Mermaid shows it: line breaks, inline HTML and markdown-string emphasis.

This is the one reading of a label's markup. The canvas draws its styled runs, search, the
status bar and the window title use its plain text, the Markdown snapshot writes its runs as
Markdown, and ``karar check`` asks it whether text holds markup.

Mermaid puts a label into the page as HTML after its sanitiser (DOMPurify): ``<br>`` in any
spelling breaks the line; ``<b> <strong> <i> <em> <u> <s> <del> <sub> <sup> <code>`` style
the text (any case, with attributes, nested; an unclosed tag runs to the end of the label; a
stray closer does nothing); every other tag is removed and its text kept, except the
elements whose content the sanitiser drops too (``<script>``, ``<style>``, ``<iframe>``
...). Nothing is ever loaded. HTML entities (``&lt;``, ``&amp;``, ``&nbsp;`` ...) show as
their characters. A ``<`` that does not start a complete tag (``a < b``, ``x<y``) is text.
Markdown strings (``node.markdown``) also hold ``**bold**``, ``*italic*``, ``_italic_`` and
real newlines. Pure Python.
"""

from __future__ import annotations

import enum
import html
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple


class Style(enum.IntFlag):
    """How a run of text is drawn; flags combine (``<b><i>x</i></b>`` is BOLD | ITALIC)."""

    BOLD = 1
    ITALIC = 2
    UNDERLINE = 4
    STRIKE = 8
    CODE = 16
    SUB = 32
    SUP = 64


_PLAIN = Style(0)


class Run(NamedTuple):
    """A stretch of text in one style."""

    text: str
    style: Style = _PLAIN

    @property
    def bold(self) -> bool:
        return bool(self.style & Style.BOLD)

    @property
    def italic(self) -> bool:
        return bool(self.style & Style.ITALIC)


Paragraph = tuple[Run, ...]

_FORMATTING = {
    "b": Style.BOLD,
    "strong": Style.BOLD,
    "i": Style.ITALIC,
    "em": Style.ITALIC,
    "u": Style.UNDERLINE,
    "s": Style.STRIKE,
    "del": Style.STRIKE,
    "sub": Style.SUB,
    "sup": Style.SUP,
    "code": Style.CODE,
}
# DOMPurify's FORBID_CONTENTS: elements it removes together with everything inside them.
_DROP_CONTENT = frozenset(
    {
        "annotation-xml", "audio", "colgroup", "desc", "foreignobject", "head", "iframe",
        "math", "mi", "mn", "mo", "ms", "mtext", "noembed", "noframes", "noscript",
        "plaintext", "script", "style", "svg", "template", "thead", "title", "video", "xmp",
    }
)  # fmt: skip
# A complete tag: ``<name ...>`` or ``</name ...>`` (quoted attribute values may hold ``>``),
# a comment, or a ``<!...>``/``<?...>`` declaration. Anything else starting with ``<`` is text.
_TAG = re.compile(
    r"<(?:(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|!--.*?-->|[!?][^>]*>)",
    re.DOTALL,
)
# Markdown emphasis in markdown strings: bold first (** or __), then single * or _ italics.
# Underscores only count at word edges so that snake_case names stay as written.
_MARK = re.compile(
    r"\*\*(?P<b1>.+?)\*\*"
    r"|(?<![\w])__(?P<b2>.+?)__(?![\w])"
    r"|\*(?P<i1>[^*\s](?:[^*]*?[^*\s])?)\*"
    r"|(?<![\w])_(?P<i2>[^_\s](?:[^_]*?[^_\s])?)_(?![\w])",
    re.DOTALL,
)
# Unicode noncharacters, reserved for internal use: stand-ins for what is not text while
# the emphasis pattern runs over a markdown string.
_ITEM, _B_OPEN, _B_CLOSE, _I_OPEN, _I_CLOSE = "\ufdd0\ufdd1\ufdd2\ufdd3\ufdd4"
_SENTINELS = re.compile("[\ufdd0-\ufdd4]")
_HTML_SPACE = " \t\n\r\f"
_BR_ONLY = re.compile(r"</?br(?:[\s/](?:[^>\"']|\"[^\"]*\"|'[^']*')*)?>", re.IGNORECASE)
_BREAK = "br"


def _needs_parsing(label: str, markdown: bool) -> bool:
    if "<" in label or "&" in label or "\n" in label:
        return True
    return markdown and ("*" in label or "_" in label)


def _tokens(label: str, markdown: bool) -> list[str | tuple[str, str]]:
    """The label as text pieces and markup items: ``("br", "")``, ``("open", name)``,
    ``("close", name)``. Dropped tags and the content of dropped elements are gone."""
    items: list[str | tuple[str, str]] = []
    pos = 0
    end = len(label)
    while pos < end:
        m = _TAG.search(label, pos)
        if m is None:
            items.append(label[pos:])
            break
        if m.start() > pos:
            items.append(label[pos : m.start()])
        pos = m.end()
        name = m.group("name")
        if name is None:
            continue  # a comment or a declaration: not shown
        name = name.lower()
        closing = m.group("close") is not None
        if name == _BREAK:  # browsers read a stray </br> as <br> too
            items.append((_BREAK, ""))
        elif name in _FORMATTING:
            items.append(("close" if closing else "open", name))
        elif name in _DROP_CONTENT and not closing:
            closer = re.compile(r"</" + re.escape(name) + r"[\s/>]", re.IGNORECASE)
            after = closer.search(label, pos)
            if after is None:
                break
            gt = label.find(">", after.end() - 1)
            pos = end if gt < 0 else gt + 1
    if markdown:
        items = [piece for item in items for piece in _split_newlines(item)]
    else:  # in HTML a line break in the text is a space
        items = [item.replace("\n", " ") if isinstance(item, str) else item for item in items]
    return items


def _split_newlines(item: str | tuple[str, str]) -> list[str | tuple[str, str]]:
    if isinstance(item, tuple) or "\n" not in item:
        return [item]
    out: list[str | tuple[str, str]] = []
    for i, line in enumerate(item.split("\n")):
        if i:
            out.append((_BREAK, ""))
        if line:
            out.append(line)
    return out


def _emphasis(text: str) -> str:
    """``**x**``, ``*x*``, ``_x_`` (and ``__x__``) replaced by the bold/italic stand-ins."""

    def one(m: re.Match[str]) -> str:
        bold = m.group("b1") if m.group("b1") is not None else m.group("b2")
        if bold is not None:
            return _B_OPEN + _emphasis(bold) + _B_CLOSE
        italic = m.group("i1") if m.group("i1") is not None else m.group("i2")
        return _I_OPEN + _emphasis(italic) + _I_CLOSE

    return _MARK.sub(one, text)


def _markdown_items(items: list[str | tuple[str, str]]) -> list[str | tuple[str, str]]:
    """Apply markdown emphasis across the text pieces (it may span inline HTML), turning it
    into open/close items like those of ``<b>`` and ``<i>``."""
    markup = [item for item in items if isinstance(item, tuple)]
    joined = "".join(_ITEM if isinstance(item, tuple) else item for item in items)
    if "*" not in joined and "_" not in joined:
        return items
    out: list[str | tuple[str, str]] = []
    taken = iter(markup)
    last = 0
    emphasised = _emphasis(joined)
    for m in _SENTINELS.finditer(emphasised):
        if m.start() > last:
            out.append(emphasised[last : m.start()])
        last = m.end()
        mark = m.group()
        if mark == _ITEM:
            out.append(next(taken))
        else:
            name = "b" if mark in (_B_OPEN, _B_CLOSE) else "i"
            out.append(("open" if mark in (_B_OPEN, _I_OPEN) else "close", name))
    if last < len(emphasised):
        out.append(emphasised[last:])
    return out


def _decode(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _build(items: list[str | tuple[str, str]]) -> tuple[Paragraph, ...]:
    """Paragraphs of runs from text pieces and markup items."""
    paras: list[Paragraph] = []
    line: list[Run] = []
    open_tags: list[str] = []
    style = _PLAIN

    def finish() -> None:
        runs = [r for r in line if r.text]
        if runs:
            runs[0] = runs[0]._replace(text=runs[0].text.lstrip(_HTML_SPACE))
            runs[-1] = runs[-1]._replace(text=runs[-1].text.rstrip(_HTML_SPACE))
            runs = [r for r in runs if r.text]
        paras.append(tuple(runs) or (Run(""),))
        line.clear()

    for item in items:
        if isinstance(item, str):
            text = _decode(item)
            if line and line[-1].style == style:
                line[-1] = Run(line[-1].text + text, style)
            else:
                line.append(Run(text, style))
            continue
        kind, name = item
        if kind == _BREAK:
            finish()
            continue
        if kind == "open":
            open_tags.append(name)
        else:
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i] == name:
                    del open_tags[i]
                    break
            else:
                continue  # a stray closer
        style = _PLAIN
        for tag in open_tags:
            style |= _FORMATTING[tag]
    finish()
    return tuple(paras)


@lru_cache(maxsize=8192)
def paragraphs(label: str, markdown: bool = False) -> tuple[Paragraph, ...]:
    """Split ``label`` into lines (at ``<br>``, and at newlines of markdown strings), each a
    tuple of styled runs; a line without text is one empty run.

    Args:
        label: The node's label as read (Mermaid's entity codes already decoded).
        markdown: The label is a markdown string (``node.markdown``).
    """
    if not _needs_parsing(label, markdown):
        return ((Run(label.strip() if markdown else label),),)
    if not markdown and "&" not in label and "\n" not in label:
        lines = _BR_ONLY.split(label)
        if not any("<" in line for line in lines):  # line breaks and nothing else
            return tuple((Run(line.strip(_HTML_SPACE)),) for line in lines)
    if _SENTINELS.search(label):
        label = _SENTINELS.sub("", label)
    items = _tokens(label, markdown)
    if markdown:
        items = _markdown_items(items)
    return _build(items)


def display_lines(label: str, markdown: bool = False) -> list[str]:
    """The plain text of each line a reader sees."""
    return ["".join(run.text for run in para) for para in paragraphs(label, markdown)]


def plain_text(label: str, markdown: bool = False) -> str:
    """What a reader sees, without markup, on one line: what search matches against and
    what the status bar and window title show."""
    if not _needs_parsing(label, markdown):
        return label.strip() if markdown else label
    return " ".join(display_lines(label, markdown)).replace("\xa0", " ")


def has_markup(text: str) -> bool:
    """Whether ``text`` holds a tag Mermaid would interpret rather than show (``<br/>``,
    ``<b>`` ... or any other complete tag, which its sanitiser removes)."""
    return "<" in text and _TAG.search(text) is not None


# ---------------------------------------------------------------------- Markdown output

_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|~]|&(?=#|[A-Za-z])")
_MD_ENTITY = {"<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "&": "&amp;"}
# Markdown spellings, outermost first; code innermost since nothing renders inside it.
_MD_ORDER = (
    Style.STRIKE,
    Style.BOLD,
    Style.ITALIC,
    Style.UNDERLINE,
    Style.SUB,
    Style.SUP,
    Style.CODE,
)
_MD_MARK = {Style.STRIKE: "~~", Style.BOLD: "**", Style.ITALIC: "*"}
_HTML_NAME = {
    Style.STRIKE: "del",
    Style.BOLD: "strong",
    Style.ITALIC: "em",
    Style.UNDERLINE: "u",
    Style.SUB: "sub",
    Style.SUP: "sup",
    Style.CODE: "code",
}


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group()
    return _MD_ENTITY.get(ch) or "\\" + ch


def escape_markdown(text: str) -> str:
    """Plain text made safe inside a Markdown list item or heading: Markdown's syntax
    characters are escaped so that both GitHub and Python-Markdown show them as written,
    and line breaks become ``<br>``."""
    return "<br>".join(_MD_SPECIAL.sub(_escape_char, line) for line in text.split("\n"))


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _is_space(ch: str) -> bool:
    return ch in _HTML_SPACE or unicodedata.category(ch) == "Zs"


class _Piece(NamedTuple):
    """One run as Markdown: whitespace, ``*``/``~~`` markers, the marked text, markers,
    whitespace."""

    lead: str
    marks: str
    inner: str
    unmarks: str
    trail: str


def _piece(run: Run, html_tags: bool) -> _Piece:
    text, style = run.text, run.style
    core = text.strip(_HTML_SPACE)
    if not style or not core:
        return _Piece("", "", escape_markdown(text), "", "")
    lead = text[: len(text) - len(text.lstrip(_HTML_SPACE))]
    trail = text[len(text.rstrip(_HTML_SPACE)) :]
    if style & Style.CODE:
        inner = f"<code>{escape_markdown(core)}</code>" if html_tags else _code_span(core)
    else:
        inner = escape_markdown(core)
    marks = unmarks = ""
    for flag in reversed(_MD_ORDER):  # innermost first
        if not style & flag or flag is Style.CODE:
            continue
        if flag in _MD_MARK and not html_tags:
            marks = _MD_MARK[flag] + marks
            unmarks += _MD_MARK[flag]
        else:
            inner = f"<{_HTML_NAME[flag]}>{inner}</{_HTML_NAME[flag]}>"
    return _Piece(lead, marks, inner, unmarks, trail)


def _markers_read_back(pieces: list[_Piece]) -> bool:
    """Whether a CommonMark reader (GitHub) takes every ``*``/``~~`` marker as written: two
    marked runs may not touch, and a marker facing punctuation inside needs whitespace,
    punctuation or the line's edge outside (CommonMark's flanking rules)."""
    flat = ["".join(p) for p in pieces]
    for i, p in enumerate(pieces):
        if not p.marks:
            continue
        if p.lead:
            before = p.lead[-1]
        elif i:
            if pieces[i - 1].unmarks and not pieces[i - 1].trail:
                return False
            before = flat[i - 1][-1:]
        else:
            before = ""
        after = p.trail[:1] or ("".join(flat[i + 1 :])[:1])
        # the outermost delimiter run faces the next marker (``~~*x``) or the text
        inside = (p.marks + p.inner).lstrip(p.marks[0])[0]
        if _is_punct(inside) and before and not (_is_space(before) or _is_punct(before)):
            return False
        inside = (p.inner + p.unmarks).rstrip(p.unmarks[-1])[-1]
        if _is_punct(inside) and after and not (_is_space(after) or _is_punct(after)):
            return False
    return True


def _line_markdown(runs: Paragraph) -> str:
    """One line of runs as Markdown, each run wrapped on its own."""
    pieces = [_piece(run, html_tags=False) for run in runs]
    if not _markers_read_back(pieces):
        pieces = [_piece(run, html_tags=True) for run in runs]
    return "".join("".join(p) for p in pieces)


def label_markdown(label: str, markdown: bool = False) -> str:
    """The label as inline Markdown for the snapshot: bold ``**x**``, italic ``*x*``, code
    ```` `x` ````, strike ``~~x~~``, underline, subscript and superscript as the inline HTML
    GitHub allows (``<u>``, ``<sub>``, ``<sup>``), line breaks as ``<br>``; removed tags are
    gone and all other text is escaped. Where a marker would not be read back (it touches
    another marked run, or punctuation inside meets a letter outside), that line uses the
    HTML tags (``<strong>``, ``<em>``, ``<del>``, ``<code>``) instead."""
    if not _needs_parsing(label, markdown):
        return escape_markdown(label.strip() if markdown else label)
    return "<br>".join(_line_markdown(runs) for runs in paragraphs(label, markdown))
