"""Bounds on Python-Markdown's work for one note, so that no note can hang a render.

Python-Markdown was written for documents people mean, not for hostile ones. Left alone,
every ``[`` scans to the end of its paragraph for its ``]`` (``[`` × 8,000 is 32 million
steps), every ``](`` scans on for its ``)``, every unpaired run of backticks scans on for
its partner, every fence that never closes makes one regular-expression call scan to the
end of the note (a call that holds the GIL, so no other thread runs meanwhile), and every
level of list nesting is a level of recursion (249 levels: RecursionError).

:func:`bound` fits a converter with:

- a :class:`Guard`: the budget of one render — a step allowance linear in the note's length
  (:data:`STEPS_PER_CHAR`), an optional deadline and an optional stop flag. Every inline
  pattern and block processor checks it first, so a render that overruns stops within
  one small step (:class:`Stopped`);
- link, image and reference patterns that give up at once when the text has no ``]`` or
  ``)`` left to find, look for the ``)`` of a link only :data:`LINK_WINDOW` characters on,
  and pay for every bracket they visit from the allowance — spent, a ``[`` stays text;
- a code-span finder that visits runs of backticks, not characters, paid the same way;
- backslash escapes taken a run at a time: the inline pass copies the whole paragraph
  at every match, so a match per character (``\\`` × 40,000) is quadratic. (Every
  pattern pays that copy per match; with matches spread through a long paragraph — a
  line break every two characters — it stays, bounded by the note's length limit.);
- a fence finder that pairs each opening fence with its closing one from an index built
  once, instead of scanning on from every fence that never closes;
- a nesting bound: container markers (``>``, list markers, indentation) past
  :data:`NESTING_LIMIT` levels at the start of a line are kept as text (escaped);
- a layout bound: the HTML stops after :data:`LAYOUT_LIMIT` weighted blocks (paragraphs,
  list items, table rows and cells, line breaks), because the viewer's cost grows with
  them — Qt's rich text lays out 8,000 list items of one list in two seconds, on the
  window's thread. ``md.karar_cut`` then says the HTML stops short of the note.

What a note means is unchanged wherever it stays within the bounds: only past them does a
``[`` or a backtick stay text, or a line nest less deeply than typed.

Importing this module imports ``markdown``: :mod:`karar.core.notes` imports it on the
first note rendered.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable
from typing import Any

from markdown import inlinepatterns, util
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

NESTING_LIMIT = 16
"""Levels of quotes, list items and indentation a line may open; deeper ones are text."""

LINK_WINDOW = 2048
"""How far past ``](`` a link's target and title may reach for their ``)``."""

STEPS_PER_CHAR = 4
"""Bracket and backtick steps a render may spend per character of the note."""

STEPS_BASE = 50_000
"""Steps every render may spend, however short the note."""

LAYOUT_LIMIT = 2_000
"""Weighted blocks the HTML may hold (:data:`LAYOUT_WEIGHTS`); the rest is cut off."""

LAYOUT_WEIGHTS = {
    "p": 1,
    "h1": 1,
    "h2": 1,
    "h3": 1,
    "h4": 1,
    "h5": 1,
    "h6": 1,
    "hr": 1,
    "blockquote": 1,
    "ul": 1,
    "ol": 1,
    "li": 2,
    "br": 2,
    "table": 4,
    "tr": 8,
    "th": 2,
    "td": 2,
    "pre": 8,  # the viewer draws a code block as a table of one cell
}
"""What each element costs the viewer to lay out, in blocks (measured with Qt 6.8: a
table row costs about eight paragraphs)."""

_BRACKET = re.compile(r"[\[\]]")
_CHECK_EVERY = 1024  # steps between two checks
_CLOCK_EVERY = 16  # checks between two looks at the clock (a system call)


class Stopped(Exception):  # noqa: N818  # a signal, not an error
    """A render ran past its deadline or was asked to stop.

    Attributes:
        cancelled: True when the stop flag asked for it, False when the time ran out.
    """

    def __init__(self, cancelled: bool) -> None:
        super().__init__("cancelled" if cancelled else "out of time")
        self.cancelled = cancelled


class Guard:
    """The budget of the render under way: steps left, a deadline (in the rendering
    thread's CPU time, :func:`time.thread_time`: a busy machine does not eat into it), a
    stop flag."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline: float | None = None
        self.should_stop: Callable[[], bool] | None = None
        self._next_look = 0
        self._clock_in = 0
        self._seen: dict[str, tuple[str, int]] = {}
        self._bracket_data: str | None = None
        self._closes: dict[int, int | None] = {}

    def start(
        self,
        length: int,
        deadline: float | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        """Begin a render of a note of ``length`` characters, to stop once
        :func:`time.thread_time` passes ``deadline`` or ``should_stop()`` is True."""
        self.steps = STEPS_PER_CHAR * length + STEPS_BASE
        self.deadline = deadline
        self.should_stop = should_stop
        self._next_look = self.steps
        self._clock_in = 0  # the first check looks at the clock
        self._seen.clear()
        self._bracket_data = None
        self._closes = {}

    def closing_bracket(self, data: str, opening: int) -> int | None:
        """Where the ``]`` that closes the ``[`` at ``opening`` is (None: nowhere, or the
        allowance is spent).

        The scan keeps a stack of the brackets it passes and remembers, for the latest
        string asked about, where each one closes, and that those still open at the end
        never do: the patterns ask about every ``[`` of a paragraph, so a paragraph of
        unclosed brackets is scanned once, not once per bracket.
        """
        if self._bracket_data is not data:
            self._bracket_data = data
            self._closes = {}
        if opening in self._closes:
            return self._closes[opening]
        if self.last(data, "]") < opening:
            return None
        stack = [opening]
        for m in _BRACKET.finditer(data, opening + 1):
            if not self.spend():
                return None
            if m[0] == "[":
                stack.append(m.start())
                continue
            self._closes[stack.pop()] = m.start()
            if not stack:
                return m.start()
        for still_open in stack:
            self._closes[still_open] = None
        return None

    def last(self, data: str, char: str) -> int:
        """Where ``char`` last occurs in ``data`` (-1: nowhere), remembered for the latest
        string asked about (the patterns ask again and again about one paragraph)."""
        seen = self._seen.get(char)
        if seen is not None and seen[0] is data:
            return seen[1]
        at = data.rfind(char)
        self._seen[char] = (data, at)
        return at

    def check(self) -> None:
        """Raise :class:`Stopped` if the render should stop now."""
        if self.should_stop is not None and self.should_stop():
            raise Stopped(cancelled=True)
        if self.deadline is not None:
            self._clock_in -= 1
            if self._clock_in <= 0:
                self._clock_in = _CLOCK_EVERY
                if time.thread_time() > self.deadline:
                    raise Stopped(cancelled=False)

    def spend(self, steps: int = 1) -> bool:
        """Pay ``steps`` from the allowance; False once it is spent (the caller gives up)."""
        self.steps -= steps
        if self.steps <= self._next_look:
            self._next_look = self.steps - _CHECK_EVERY
            self.check()
        return self.steps >= 0


def bound(md: Any) -> Guard:
    """Fit the converter ``md`` (with the ``fenced_code`` extension) with the bounds of
    this module; returns its :class:`Guard`, to :meth:`Guard.start` before each render."""
    guard = Guard()
    md.karar_guard = guard
    for name, cls in _LINK_PATTERNS.items():
        if name in md.inlinePatterns:
            old = md.inlinePatterns[name]
            _replace(md.inlinePatterns, name, cls(old.pattern, md))
    if "escape" in md.inlinePatterns:
        chars = re.escape("".join(md.ESCAPED_CHARS))
        _replace(md.inlinePatterns, "escape", _Escapes(rf"(?:\\[{chars}])+", md))
    if "backtick" in md.inlinePatterns:
        old = md.inlinePatterns["backtick"]
        _replace(md.inlinePatterns, "backtick", _CodeSpans(old.pattern, md))
    if "fenced_code_block" in md.preprocessors:
        old = md.preprocessors["fenced_code_block"]
        _replace(md.preprocessors, "fenced_code_block", _Fences(md, old.config))
    # after fenced code is set aside (25), so code is never changed
    md.preprocessors.register(_Nesting(md), "karar_nesting", 24)
    md.treeprocessors.register(_Cut(md), "karar_cut", 1)  # the last but unescape (0)
    for pattern in md.inlinePatterns:
        pattern.handleMatch = _checked(pattern.handleMatch, guard)
    for processor in md.parser.blockprocessors:
        processor.test = _checked(processor.test, guard)
    return guard


def _checked(method: Callable[..., Any], guard: Guard) -> Callable[..., Any]:
    def checked(*args: Any) -> Any:
        guard.check()
        return method(*args)

    return checked


def _priority(registry: Any, name: str) -> float:
    # Registry keeps priorities in a private list; it has since Markdown 3.0
    return float(next(p.priority for p in registry._priority if p.name == name))


def _replace(registry: Any, name: str, item: Any) -> None:
    priority = _priority(registry, name)
    registry.deregister(name)
    registry.register(item, name, priority)


# ---------------------------------------------------------------- links and images


class _Brackets:
    """Mixin (before the Markdown class) for the patterns that start at a ``[``: the
    scans for ``]`` and ``)`` bounded and paid for (see the module docstring)."""

    md: Any

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        guard: Guard = self.md.karar_guard
        close = guard.closing_bracket(data, index - 1)
        if close is None:
            return "", len(data), False
        return data[index:close], close + 1, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        guard: Guard = self.md.karar_guard
        if max(guard.last(data, ")"), guard.last(data, '"'), guard.last(data, "'")) < index:
            # no ")" to end the target, no quote to start a title: it cannot succeed
            return "", None, index, False
        if guard.steps <= 0:  # the allowance is spent: no more scanning
            return "", None, index, False
        end = index + min(LINK_WINDOW, guard.steps)
        window = data if end >= len(data) else data[:end]
        got: tuple[str, str | None, int, bool] = super().getLink(window, index)  # type: ignore[misc]
        spent = got[2] - index if got[3] else len(window) - index
        if not guard.spend(max(spent, 1)):
            return "", None, index, False
        return got


class _Link(_Brackets, inlinepatterns.LinkInlineProcessor):  # type: ignore[misc]
    pass


class _Image(_Brackets, inlinepatterns.ImageInlineProcessor):  # type: ignore[misc]
    pass


class _Reference(_Brackets, inlinepatterns.ReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _ImageReference(_Brackets, inlinepatterns.ImageReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _ShortReference(_Brackets, inlinepatterns.ShortReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _ShortImageReference(_Brackets, inlinepatterns.ShortImageReferenceInlineProcessor):  # type: ignore[misc]
    pass


_LINK_PATTERNS: dict[str, type] = {
    "reference": _Reference,
    "link": _Link,
    "image_link": _Image,
    "image_reference": _ImageReference,
    "short_reference": _ShortReference,
    "short_image_ref": _ShortImageReference,
}


# ---------------------------------------------------------------- code spans

_TICKS = re.compile(r"`+")


class _CodeSpans(inlinepatterns.BacktickInlineProcessor):  # type: ignore[misc]
    """Markdown's code spans, found by visiting the runs of backticks after the opening
    one (paid from the allowance) rather than every character after it."""

    def __init__(self, pattern: str, md: Any) -> None:
        super().__init__(pattern)
        self.md = md

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:
        """Where the code of the span opening at ``start`` begins and ends (None: no
        closing run), as :meth:`BacktickInlineProcessor.find_code_spans` answers."""
        guard: Guard = self.md.karar_guard
        opening = _TICKS.match(text, start)
        if opening is None:  # not at a backtick: as the original, no span
            return start, None
        ticks = len(opening[0])
        start = opening.end()
        longest, end = 0, 0
        for run in _TICKS.finditer(text, start):
            if not guard.spend():
                return start + ticks, None
            length = len(run[0])
            if length == ticks:
                return start, run.start()
            if length > longest:  # a run of other length: the fallback pairing
                longest, end = length, run.end()
        if 0 < longest < ticks:
            return start - (ticks - longest), end - longest
        return start + ticks, None  # the original's skip, past the run and as far again


# ---------------------------------------------------------------- escapes


class _Escapes(inlinepatterns.EscapeInlineProcessor):  # type: ignore[misc]
    """Backslash escapes, a run of them per match (each escape as Markdown makes it)."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        run = m[0]
        chars = (f"{util.STX}{ord(run[i])}{util.ETX}" for i in range(1, len(run), 2))
        return "".join(chars), m.start(0), m.end(0)


# ---------------------------------------------------------------- fenced code

_FENCE_LINE = re.compile(r"^(`{3,}|~{3,})([^\n]*)$", re.MULTILINE)


class _FenceSearch:
    """Stands in for ``FENCED_BLOCK_RE`` during one :meth:`_Fences.run`: ``search``
    returns the same matches, found from an index of fence lines built once.

    The regular expression pairs an opening fence with the first later line that is the
    same fence alone; searched from an unclosed fence, it scans to the end of the note,
    then tries the next fence. Here each opening fence looks its closing line up instead,
    and the expression itself only confirms the pair (so every match is one of its own).
    Between two searches the preprocessor replaces the block it was given by a
    placeholder: fences after the block move by the change in length; fences before it
    had no closing line (else the search would have paired them first) and never get one.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._text: str | None = None  # the text of the latest search
        self._shift = 0  # add to an indexed position to find it in the latest text
        self._openers: list[tuple[int, str]] = []  # (position, fence), in order
        self._closers: dict[str, list[int]] = {}  # fence -> positions, in order
        self._next = 0  # the first opener not yet passed
        self._after_block = 0  # the first opener after the block last matched

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The first fenced block at or after ``pos``, as ``FENCED_BLOCK_RE.search``."""
        if self._text is None:
            for line in _FENCE_LINE.finditer(text):
                self._openers.append((line.start(), line[1]))
                if not line[2].strip(" "):
                    self._closers.setdefault(line[1], []).append(line.start())
        elif text is not self._text:  # the block last matched is a placeholder now
            self._shift += len(text) - len(self._text)
            self._next = self._after_block
        self._text = text
        while self._next < len(self._openers):
            at, fence = self._openers[self._next]
            here = at + self._shift
            closers = self._closers.get(fence, [])
            i = bisect.bisect_right(closers, at)
            if here < pos or i == len(closers):  # passed, or a fence that never closes
                self._next += 1
                continue
            line_end = text.find("\n", closers[i] + self._shift)
            m = self.pattern.match(text, here, len(text) if line_end < 0 else line_end)
            if m is None:  # not an opening fence after all (a stray word after it)
                self._next += 1
                continue
            self._after_block = bisect.bisect_left(self._openers, (closers[i] + 1, ""))
            return m
        return None


class _Fences(FencedBlockPreprocessor):  # type: ignore[misc]
    """Fenced code blocks, found by :class:`_FenceSearch`."""

    def run(self, lines: list[str]) -> list[str]:
        self.FENCED_BLOCK_RE = _FenceSearch(FencedBlockPreprocessor.FENCED_BLOCK_RE)
        try:
            result: list[str] = super().run(lines)
        finally:
            del self.FENCED_BLOCK_RE
        return result


# ---------------------------------------------------------------- nesting

# One step into a container at the start of a line: spaces, a quote marker, or a list
# marker (a bullet or a number with its dot or parenthesis, then a space or the end).
_STEP = re.compile(r"( +)|(>)|([*+-]|[0-9]{1,9}[.)])(?= |$)")


def bound_line_nesting(line: str, limit: int = NESTING_LIMIT) -> str:
    """``line`` with the container markers past ``limit`` levels at its start kept as
    text: indentation counts a level per four spaces, each ``>`` or list marker one.

    Args:
        line: One line of a note (tabs already expanded).
        limit: The most levels kept.

    Returns:
        The line itself when it nests ``limit`` levels or fewer; else the line with the
        indentation past the limit dropped and the first marker past it escaped.
    """
    depth, pos, columns = 0, 0, 0
    while True:
        m = _STEP.match(line, pos)
        if m is None:
            return line
        if m[1]:  # spaces: whole levels of four
            before = columns
            columns += len(m[1])
            if depth + columns // 4 > limit:  # keep the spaces up to the limit
                keep = max((limit - depth) * 4 + 3 - before, 0)
                line = line[: pos + keep] + line[m.end() :]
                columns = before + keep
                pos += keep
                continue
        else:
            depth += 1 + columns // 4
            columns = 0
            if depth > limit:
                marker_end = m.end() - 1
                return line[:marker_end] + "\\" + line[marker_end:]
        pos = m.end()


class _Nesting(Preprocessor):  # type: ignore[misc]
    """Keeps the nesting of every line within :data:`NESTING_LIMIT` (after fenced code
    has been set aside, so code is never changed)."""

    def run(self, lines: list[str]) -> list[str]:
        return [bound_line_nesting(line) if line[:1] in _NESTING_STARTS else line for line in lines]


_NESTING_STARTS = frozenset(" >*+-0123456789")


# ---------------------------------------------------------------- layout


class _Cut(Treeprocessor):  # type: ignore[misc]
    """Cuts the tree off after :data:`LAYOUT_LIMIT` weighted blocks, in document order:
    the element that goes over, and everything after it at every level, is dropped."""

    def run(self, root: Any) -> None:
        self.md.karar_cut = False
        spent = 0
        path: list[list[Any]] = [[root, 0]]  # [element, index of its next child]
        while path:
            top = path[-1]
            parent, i = top
            if i >= len(parent):
                path.pop()
                continue
            top[1] = i + 1
            child = parent[i]
            spent += LAYOUT_WEIGHTS.get(child.tag, 0)
            if spent > LAYOUT_LIMIT:
                del parent[i:]
                for el, after in path[:-1]:
                    del el[after:]
                    el[after - 1].tail = None
                self.md.karar_cut = True
                return
            if len(child):
                path.append([child, 0])
