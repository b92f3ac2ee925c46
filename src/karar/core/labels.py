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
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from karar.core.scan import NextMatch


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
# The same as ints, and every combination of styles by its int: IntFlag's operators and
# constructor cost a call each, at every tag of a label.
_FORMATTING_BITS = {name: int(style) for name, style in _FORMATTING.items()}
_STYLES = [Style(bits) for bits in range(int(max(Style)) * 2)]
# DOMPurify's FORBID_CONTENTS: elements it removes together with everything inside them.
_DROP_CONTENT = frozenset(
    {
        "annotation-xml", "audio", "colgroup", "desc", "foreignobject", "head", "iframe",
        "math", "mi", "mn", "mo", "ms", "mtext", "noembed", "noframes", "noscript",
        "plaintext", "script", "style", "svg", "template", "thead", "title", "video", "xmp",
    }
)  # fmt: skip
_ATTR_STOP = re.compile("[>\"']")
_NAME_STOP = re.compile(r"[\s/>]")
_COMMENT_CLOSE = re.compile("-->")
_GT = re.compile(">")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SPACE_CHAR = re.compile(r"\s")
_DELIMITER = re.compile("[*_]")
_STAR = re.compile(r"\*")
_UNDERSCORE = re.compile("_")
_DOUBLE_STAR = re.compile(r"(?=\*\*)")
_EDGE_CLOSER = re.compile(r"(?=__(?!\w))")
_WORD_CHAR = re.compile(r"\w")
# Unicode noncharacters, reserved for internal use: stand-ins for what is not text while
# the emphasis pattern runs over a markdown string.
_ITEM, _B_OPEN, _B_CLOSE, _I_OPEN, _I_CLOSE = "\ufdd0\ufdd1\ufdd2\ufdd3\ufdd4"
_SENTINELS = re.compile("[\ufdd0-\ufdd4]")
_HTML_SPACE = " \t\n\r\f"
_BREAK = "br"


class _Tags:
    """The complete tags of one text, found in one pass.

    A complete tag is ``<name ...>`` or ``</name ...>`` (quoted attribute values may hold
    ``>``), a comment, or a ``<!...>``/``<?...>`` declaration: the matches of this regex
    (DOTALL), which backtracking would rescan from every ``<`` that never closes::

        <(?:(?P<close>/)?(?P<name>[A-Za-z][^\\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>
           |!--.*?-->|[!?][^>]*>)

    Anything else starting with ``<`` is text. ``<br>`` in any spelling is
    ``</?br(?:[\\s/](?:[^>"']|"[^"]*"|'[^']*')*)?>`` in any case.

    A tag's attributes, ``(?:[^>"']|"[^"]*"|'[^']*')*>``, are read the same way from any
    position: skip to the next ``>`` or quote, past a quoted value to its closing quote, and
    end at the first ``>`` outside quotes. So where the attributes starting at each ``>`` or
    quote end is worked out once for the whole text, from its end backwards. Where they
    never end, the regex gives back the tag name one character at a time (a name may hold
    quotes): the tag then ends at the last quote in the name from which they do.
    """

    __slots__ = ("_comment_close", "_ends", "_good_quotes", "_gt", "_name_stop", "_stops", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        stops = [m.start() for m in _ATTR_STOP.finditer(text)]
        ends = [-1] * len(stops)  # where the attributes read from stops[k] end, or -1
        closing = {'"': -1, "'": -1}  # index in stops of the next quote of each kind
        for k in range(len(stops) - 1, -1, -1):
            c = text[stops[k]]
            if c == ">":
                ends[k] = stops[k] + 1
                continue
            j = closing[c]
            if 0 <= j < len(stops) - 1:
                ends[k] = ends[j + 1]
            closing[c] = k
        self._stops = stops
        self._ends = ends
        self._good_quotes = [
            p for p, e in zip(stops, ends, strict=True) if e >= 0 and text[p] != ">"
        ]
        self._name_stop = NextMatch(text, _NAME_STOP)
        self._comment_close = NextMatch(text, _COMMENT_CLOSE)
        self._gt = NextMatch(text, _GT)

    def attributes_end(self, pos: int) -> int:
        """Where ``(?:[^>"']|"[^"]*"|'[^']*')*>`` read from ``pos`` ends, or -1."""
        k = bisect_left(self._stops, pos)
        return self._ends[k] if k < len(self._stops) else -1

    def at(self, lt: int) -> tuple[int, bool, str | None] | None:
        """The tag starting with the ``<`` at ``lt``, as (end, closing, name or None for a
        comment or declaration), or None where that ``<`` is text."""
        text = self.text
        after = text[lt + 1 : lt + 2]
        start = lt + 2 if after == "/" else lt + 1
        if start < len(text) and text[start] in _LETTERS:
            stop = self._name_stop(start + 1)
            if stop < 0:
                stop = len(text)
            end = self.attributes_end(stop)
            if end >= 0:
                return end, after == "/", text[start:stop]
            k = bisect_left(self._good_quotes, stop) - 1
            if k >= 0 and self._good_quotes[k] > start:
                quote = self._good_quotes[k]
                return self.attributes_end(quote), after == "/", text[start:quote]
            return None
        if after == "!" and text.startswith("--", lt + 2):
            close = self._comment_close(lt + 4)
            if close >= 0:
                return close + 3, False, None
        if after in ("!", "?"):
            gt = self._gt(lt + 2)
            if gt >= 0:
                return gt + 1, False, None
        return None

    def search(self, pos: int) -> tuple[int, int, bool, str | None] | None:
        """The first tag at or after ``pos``: (start, end, closing, name or None)."""
        text = self.text
        while (lt := text.find("<", pos)) >= 0:
            found = self.at(lt)
            if found is not None:
                return (lt, *found)
            pos = lt + 1
        return None

    def break_at(self, lt: int) -> int:
        """Where the ``<br>`` (any spelling) starting at ``lt`` ends, or -1."""
        text = self.text
        name = lt + 2 if text.startswith("/", lt + 1) else lt + 1
        if text[name : name + 2].lower() != "br":
            return -1
        after = text[name + 2 : name + 3]
        if after == ">":
            return name + 3
        if after == "/" or (after and _SPACE_CHAR.match(after)):
            return self.attributes_end(name + 3)
        return -1

    def split_at_breaks(self) -> list[str]:
        """The text cut at every ``<br>``, as ``re.split`` on it would cut it."""
        text = self.text
        lines = []
        last = pos = 0
        while (lt := text.find("<", pos)) >= 0:
            end = self.break_at(lt)
            if end < 0:
                pos = lt + 1
                continue
            lines.append(text[last:lt])
            last = pos = end
        lines.append(text[last:])
        return lines


def _needs_parsing(label: str, markdown: bool) -> bool:
    if "<" in label or "&" in label or "\n" in label:
        return True
    return markdown and ("*" in label or "_" in label)


def _tokens(label: str, markdown: bool) -> list[str | tuple[str, str]]:
    """The label as text pieces and markup items: ``("br", "")``, ``("open", name)``,
    ``("close", name)``. Dropped tags and the content of dropped elements are gone."""
    items: list[str | tuple[str, str]] = []
    tags = _Tags(label)
    pos = 0
    end = len(label)
    while pos < end:
        tag = tags.search(pos)
        if tag is None:
            items.append(label[pos:])
            break
        start, tag_end, closing, name = tag
        if start > pos:
            items.append(label[pos:start])
        pos = tag_end
        if name is None:
            continue  # a comment or a declaration: not shown
        name = name.lower()
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


class _Emphasis:
    """Markdown emphasis in a markdown string: ``**x**`` and ``__x__`` bold, ``*x*`` and
    ``_x_`` italic, found in the text and then inside each one found, left to right.

    What counts is exactly what this regex (DOTALL) finds with ``re.sub``, applied again to
    each match's inner text::

        \\*\\*(.+?)\\*\\*  |  (?<!\\w)__(.+?)__(?!\\w)
        |  \\*([^*\\s](?:[^*]*?[^*\\s])?)\\*  |  (?<!\\w)_([^_\\s](?:[^_]*?[^_\\s])?)_(?!\\w)

    Underscores only count at word edges so that snake_case names stay as written; the
    edges of an inner text count as the edges of a string. Run as a regex this is quadratic
    (each ``__`` rescans the rest for a closer at a word edge) and recursive (``____x____``
    nests once per two underscores); here each closer is looked up among the positions of
    the delimiters, listed once, and nesting is a stack.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stars = [m.start() for m in _STAR.finditer(text)]
        self.underscores = [m.start() for m in _UNDERSCORE.finditer(text)]
        self.double_stars = [m.start() for m in _DOUBLE_STAR.finditer(text)]
        # "__" not followed by a word character (in the whole text)
        self.edge_closers = [m.start() for m in _EDGE_CLOSER.finditer(text)]

    def _word(self, i: int) -> bool:
        return _WORD_CHAR.match(self.text, i) is not None

    def _space(self, i: int) -> bool:
        return _SPACE_CHAR.match(self.text, i) is not None

    def match(self, p: int, lo: int, hi: int) -> tuple[int, int, bool] | None:
        """The match starting at ``p`` in the inner text ``text[lo:hi]``, as (end of the
        inner text, end of the match, bold), or None."""
        t = self.text
        c = t[p]
        pair = t.startswith(c * 2, p) and p + 2 <= hi
        if c == "*":
            if pair:  # **x**: the first "**" after at least one character
                k = bisect_left(self.double_stars, p + 3)
                if k < len(self.double_stars) and self.double_stars[k] + 2 <= hi:
                    x = self.double_stars[k]
                    return x, x + 2, True
            if p + 1 >= hi or t[p + 1] == "*" or self._space(p + 1):
                return None
            x = _first_after(self.stars, p + 2)
            if x < 0 or x >= hi or (x > p + 2 and self._space(x - 1)):
                return None
            return x, x + 1, False
        if p > lo and self._word(p - 1):  # "_" only at a word edge
            return None
        if pair:  # __x__: the first "__" after at least one character, at a word edge
            x = _first_after(self.edge_closers, p + 3)
            if x < 0 or x + 2 >= hi:  # at the inner text's end "__" is at an edge too
                x = hi - 2 if hi - 2 >= p + 3 and t.startswith("__", hi - 2) else -1
            if x >= 0:
                return x, x + 2, True
        if p + 1 >= hi or t[p + 1] == "_" or self._space(p + 1):
            return None
        x = _first_after(self.underscores, p + 2)
        if x < 0 or x >= hi or (x > p + 2 and self._space(x - 1)):
            return None
        if x + 1 < hi and self._word(x + 1):
            return None
        return x, x + 1, False

    def apply(self) -> str:
        """The text with each emphasis marked by the bold/italic stand-ins."""
        t = self.text
        out: list[str] = []
        # frames: (position, end of the inner text, closing stand-in or "")
        stack: list[tuple[int, int, str]] = []
        pos, lo, hi, close = 0, 0, len(t), ""
        while True:
            m = _DELIMITER.search(t, pos, hi)
            found = None
            while m is not None:
                found = self.match(m.start(), lo, hi)
                if found is not None:
                    break
                m = _DELIMITER.search(t, m.start() + 1, hi)
            if m is None or found is None:
                out.append(t[pos:hi])
                out.append(close)
                if not stack:
                    return "".join(out)
                pos, hi, close = stack.pop()
                lo = -1  # the outer text's start lies before pos: no edge there
                continue
            start = m.start()
            inner_end, end, bold = found
            out.append(t[pos:start])
            out.append(_B_OPEN if bold else _I_OPEN)
            stack.append((end, hi, close))
            width = 2 if bold else 1
            pos = lo = start + width
            hi, close = inner_end, (_B_CLOSE if bold else _I_CLOSE)


def _first_after(positions: list[int], pos: int) -> int:
    """The first of the sorted ``positions`` at or after ``pos``, or -1."""
    k = bisect_left(positions, pos)
    return positions[k] if k < len(positions) else -1


def _emphasis(text: str) -> str:
    """``**x**``, ``*x*``, ``_x_`` (and ``__x__``) replaced by the bold/italic stand-ins."""
    return _Emphasis(text).apply()


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
    line: list[tuple[Style, list[str]]] = []  # runs, their text still in pieces
    open_count = dict.fromkeys(_FORMATTING, 0)  # how many of each tag are open
    style = _PLAIN

    def finish() -> None:
        runs = [Run("".join(pieces), run_style) for run_style, pieces in line]
        runs = [r for r in runs if r.text]
        if runs:
            runs[0] = runs[0]._replace(text=runs[0].text.lstrip(_HTML_SPACE))
            runs[-1] = runs[-1]._replace(text=runs[-1].text.rstrip(_HTML_SPACE))
            runs = [r for r in runs if r.text]
        paras.append(tuple(runs) or (Run(""),))
        line.clear()

    for item in items:
        if isinstance(item, str):
            if line and line[-1][0] == style:
                line[-1][1].append(_decode(item))
            else:
                line.append((style, [_decode(item)]))
            continue
        kind, name = item
        if kind == _BREAK:
            finish()
            continue
        if kind == "open":
            open_count[name] += 1
        elif open_count[name]:
            open_count[name] -= 1
        else:
            continue  # a stray closer
        bits = 0
        for tag, count in open_count.items():
            if count:
                bits |= _FORMATTING_BITS[tag]
        style = _STYLES[bits]
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
        lines = _Tags(label).split_at_breaks()
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
    return "<" in text and _Tags(text).search(0) is not None


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


# (a flag's int value, its Markdown mark or "", its HTML name), innermost first; code is
# written apart, as a code span or <code>.
_MD_INNERMOST_FIRST = tuple(
    (int(flag), _MD_MARK.get(flag, ""), _HTML_NAME[flag])
    for flag in reversed(_MD_ORDER)
    if flag is not Style.CODE
)


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
    bits = int(style)  # plain ints: IntFlag's operators cost a call each
    for value, mark, name in _MD_INNERMOST_FIRST:
        if not bits & value:
            continue
        if mark and not html_tags:
            marks = mark + marks
            unmarks += mark
        else:
            inner = f"<{name}>{inner}</{name}>"
    return _Piece(lead, marks, inner, unmarks, trail)


def _markers_read_back(pieces: list[_Piece]) -> bool:
    """Whether a CommonMark reader (GitHub) takes every ``*``/``~~`` marker as written: two
    marked runs may not touch, and a marker facing punctuation inside needs whitespace,
    punctuation or the line's edge outside (CommonMark's flanking rules)."""
    flat = ["".join(p) for p in pieces]
    following = [""] * len(pieces)  # the first character after each piece
    first = ""
    for i in range(len(pieces) - 1, -1, -1):
        following[i] = first
        first = flat[i][:1] or first
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
        after = p.trail[:1] or following[i]
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
