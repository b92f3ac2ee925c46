"""Notes: a node's Markdown notes rendered to HTML a viewer can show safely, in bounded time.

Notes come from project files other people wrote, so the HTML is built to be inert: raw
HTML in the source is shown as text, never interpreted; images are never fetched (each
becomes a ``[image: alt]`` marker, so neither the network nor a local file is read); and
links survive only for ``http``, ``https`` and ``mailto`` (any other scheme, or a relative
link, becomes plain text). Rendering uses Python-Markdown with tables, fenced code, sane
lists and line breaks kept as typed (``nl2br``), the way people write notes in a text box.
Task list items (``- [ ] to do``, ``- [x] done``, as GitHub writes them) show a ☐ or ☑
glyph in place of the brackets: the preview is read-only, so they are marks, not controls.

No note can make a render hang or fail (:mod:`karar.core.markdown_bounds` keeps
Python-Markdown's work linear in the note and its nesting shallow), and :func:`render_note`
can be given a time budget and a stop flag besides. A note it will not render — longer
than :data:`MARKDOWN_LIMIT`, over its budget, or one Python-Markdown fails on — comes
back as typed (escaped text, line breaks kept) with a one-line notice saying why. Each
thread renders with its own converter, so a worker thread may render while the window's
thread does too.

``markdown`` takes ~70 ms to import: it is imported on the first call, never at start-up.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""URL schemes a rendered note may link to; every other link becomes text."""

TASK_OPEN = "\u2610"
"""The glyph of a task list item still to do (``- [ ]``): ☐."""
TASK_DONE = "\u2611"
"""The glyph of a task list item done (``- [x]``): ☑."""

MARKDOWN_LIMIT = 50_000
"""The longest note rendered as Markdown, in characters; a longer one is shown as typed."""

TYPED_LIMIT = 20_000
"""The most characters of a note shown as typed: a viewer lays out all it is given, on
the window's thread."""

NOTICE_TOO_LONG = "Too long to preview as Markdown ({length:,} characters): shown as typed."
NOTICE_TOO_SLOW = "Too complex to preview as Markdown in time: shown as typed."
NOTICE_FAILED = "Could not be previewed as Markdown: shown as typed."
NOTICE_CUT = "Only the start is previewed: the note is too long to lay out in full."

_EXTENSIONS = ("tables", "fenced_code", "sane_lists", "nl2br")
# GitHub's task marker: a space or an x in brackets, then white space and the item's text.
_TASK_MARKER = re.compile(r"\[([ xX])\]\s+")


@dataclass(frozen=True)
class RenderedNote:
    """A note as the preview shows it.

    Attributes:
        html: The HTML fragment: the note rendered as Markdown, or (with a notice) the
            note as typed.
        notice: '' when the note was rendered as Markdown in full; else one line saying
            why it is not (the HTML does not hold it: the viewer shows it apart).
        reason: The notice, for code: '' (none), ``cut`` (rendered, but only up to
            :data:`~karar.core.markdown_bounds.LAYOUT_LIMIT` blocks), or why the note is
            shown as typed: ``long`` (longer than :data:`MARKDOWN_LIMIT`), ``slow`` (over
            its budget) or ``failed``.
        typed: The text shown as typed ('' when the note was rendered): a viewer may
            show it as plain text rather than lay out :attr:`html`.
    """

    html: str
    notice: str = ""
    reason: str = ""
    typed: str = ""


class RenderCancelled(Exception):  # noqa: N818  # a signal, not an error
    """:func:`render_note` stopped because its ``should_stop`` said so."""


def render_note(
    markdown_text: str,
    *,
    budget: float | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RenderedNote:
    """The note ``markdown_text`` rendered to inert HTML, within bounds.

    Args:
        markdown_text: The note's Markdown source.
        budget: The most seconds of this thread's CPU time the render may take (None: no
            limit but the bounds on the work itself); past it the note is shown as typed,
            with :data:`NOTICE_TOO_SLOW`.
        should_stop: Asked now and then while rendering; True stops the render.

    Returns:
        The rendering (:class:`RenderedNote`); '' HTML for a blank note (without
        importing ``markdown``).

    Raises:
        RenderCancelled: ``should_stop`` answered True.
    """
    if not markdown_text.strip():
        return RenderedNote("")
    if len(markdown_text) > MARKDOWN_LIMIT:
        return _typed(markdown_text, NOTICE_TOO_LONG.format(length=len(markdown_text)), "long")
    from karar.core.markdown_bounds import Stopped

    md = _converter()
    deadline = None if budget is None else time.thread_time() + budget
    md.karar_guard.start(len(markdown_text), deadline, should_stop)
    try:
        md.reset()
        out: str = md.convert(markdown_text)
    except Stopped as stop:
        _local.md = None  # stopped half way: its state is not to be trusted
        if stop.cancelled:
            raise RenderCancelled from None
        return _typed(markdown_text, NOTICE_TOO_SLOW, "slow")
    except Exception:  # Python-Markdown failing on odd input: the note is still shown
        _local.md = None
        return _typed(markdown_text, NOTICE_FAILED, "failed")
    finally:
        md.karar_guard.start(0)  # drop the stop flag (and what it holds) now
    if md.karar_cut:
        return RenderedNote(out, NOTICE_CUT, "cut")
    return RenderedNote(out)


def _typed(text: str, notice: str, reason: str) -> RenderedNote:
    if len(text) > TYPED_LIMIT:
        text = text[:TYPED_LIMIT]
        notice = f"{notice[:-1]}, the first {TYPED_LIMIT:,} characters."
    return RenderedNote(plain_note_html(text), notice, reason, text)


def render_note_html(markdown_text: str) -> str:
    """The HTML fragment for a note written in Markdown (:func:`render_note` without a
    budget, notice dropped).

    Args:
        markdown_text: The note's Markdown source.

    Returns:
        HTML without raw HTML from the source, without ``<img>`` and with links only to
        :data:`SAFE_LINK_SCHEMES`; '' for a blank note (without importing ``markdown``).
    """
    return render_note(markdown_text).html


def plain_note_html(text: str) -> str:
    """``text`` as typed, as inert HTML: every character escaped, spaces and line breaks
    kept (``white-space: pre-wrap``)."""
    if not text.strip():
        return ""
    return f'<p class="typed" style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


def is_safe_link(href: str) -> bool:
    """Whether a rendered note may keep a link to ``href`` (an absolute http, https or
    mailto URL)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in SAFE_LINK_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


_local = threading.local()


def _converter() -> Any:
    """This thread's converter, built on its first note (the first imports ``markdown``)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _markdown()
    return md


def _markdown(*, bounded: bool = True) -> Any:
    """A configured converter: sanitised (:class:`_Defuse`) and bounded
    (:func:`karar.core.markdown_bounds.bound`; tests compare it with one that is not)."""
    from xml.etree.ElementTree import Element

    import markdown
    from markdown.treeprocessors import Treeprocessor
    from markdown.util import AMP_SUBSTITUTE

    from karar.core.markdown_bounds import bound

    class _Tasks(Treeprocessor):  # type: ignore[misc]  # markdown has no type hints
        """Turns a list item's leading ``[ ]`` or ``[x]`` into a ☐ or ☑ glyph, and a
        bulleted list made only of tasks into ``<ul class="tasks">`` (no bullets)."""

        def run(self, root: Any) -> None:
            for lst in list(root.iter()):
                if lst.tag not in ("ul", "ol"):
                    continue
                items = [li for li in lst if li.tag == "li"]
                tasks = [self._tick(li) for li in items]
                if lst.tag == "ul" and items and all(tasks):
                    lst.set("class", "tasks")

        @staticmethod
        def _tick(li: Any) -> bool:
            holder = li
            if not (li.text or "").strip() and len(li) and li[0].tag == "p":
                holder = li[0]  # a loose list: the text is in a paragraph
            text = holder.text or ""
            match = _TASK_MARKER.match(text)
            rest = text[match.end() :] if match else ""
            if match is None or not (rest or len(holder)):
                return False
            box = Element("span", {"class": "task"})
            box.text = TASK_OPEN if match.group(1) == " " else TASK_DONE
            box.tail = " " + rest
            holder.text = None
            holder.insert(0, box)
            return True

    class _Defuse(Treeprocessor):  # type: ignore[misc]  # markdown has no type hints
        """Turns images into text markers and unsafe links into plain text, in place, so
        each element's tail (the text after it) stays where it was."""

        def run(self, root: Any) -> None:
            for el in root.iter():
                if el.tag == "img":
                    alt = (el.get("alt") or "").strip()
                    el.tag = "span"
                    el.attrib.clear()
                    el.set("class", "image")
                    el.text = f"[image: {alt}]" if alt else "[image]"
                elif el.tag == "a":
                    # <user@host> autolinks arrive with every character as an entity
                    href = html.unescape((el.get("href") or "").replace(AMP_SUBSTITUTE, "&"))
                    title = el.get("title")
                    el.attrib.clear()
                    if is_safe_link(href):
                        el.set("href", href.strip())
                        if title:
                            el.set("title", title)
                    else:
                        el.tag = "span"

    md = markdown.Markdown(extensions=list(_EXTENSIONS), output_format="html")
    # Raw HTML, block and inline, is left to the serializer, which escapes it as text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # After the inline pass (20) has made the <a> and <img> elements.
    md.treeprocessors.register(_Defuse(md), "karar_defuse", 15)
    md.treeprocessors.register(_Tasks(md), "karar_tasks", 14)
    if bounded:
        bound(md)
    return md
