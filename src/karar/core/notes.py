"""Notes: a node's Markdown notes rendered to HTML a viewer can show safely.

Notes come from project files other people wrote, so the HTML is built to be inert: raw
HTML in the source is shown as text, never interpreted; images are never fetched (each
becomes a ``[image: alt]`` marker, so neither the network nor a local file is read); and
links survive only for ``http``, ``https`` and ``mailto`` (any other scheme, or a relative
link, becomes plain text). Rendering uses Python-Markdown with tables, fenced code, sane
lists and line breaks kept as typed (``nl2br``), the way people write notes in a text box.
Task list items (``- [ ] to do``, ``- [x] done``, as GitHub writes them) show a ☐ or ☑
glyph in place of the brackets: the preview is read-only, so they are marks, not controls.

``markdown`` takes ~70 ms to import: it is imported on the first call, never at start-up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""URL schemes a rendered note may link to; every other link becomes text."""

TASK_OPEN = "\u2610"
"""The glyph of a task list item still to do (``- [ ]``): ☐."""
TASK_DONE = "\u2611"
"""The glyph of a task list item done (``- [x]``): ☑."""

_EXTENSIONS = ("tables", "fenced_code", "sane_lists", "nl2br")
# GitHub's task marker: a space or an x in brackets, then white space and the item's text.
_TASK_MARKER = re.compile(r"\[([ xX])\]\s+")


def render_note_html(markdown_text: str) -> str:
    """The HTML fragment for a note written in Markdown.

    Args:
        markdown_text: The note's Markdown source.

    Returns:
        HTML without raw HTML from the source, without ``<img>`` and with links only to
        :data:`SAFE_LINK_SCHEMES`; '' for a blank note (without importing ``markdown``).
    """
    if not markdown_text.strip():
        return ""
    md = _markdown()
    md.reset()
    html: str = md.convert(markdown_text)
    return html


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


@lru_cache(maxsize=1)
def _markdown() -> Any:
    """One configured converter, built on first use (building it imports ``markdown``)."""
    import html
    from xml.etree.ElementTree import Element

    import markdown
    from markdown.treeprocessors import Treeprocessor
    from markdown.util import AMP_SUBSTITUTE

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
    return md
